#!/usr/bin/python3
"""BAC mutual authentication (Doc 9303 Part 11 §4.3) against the card in a reader.

    bac_check.py READER_INDEX DOCUMENT_NUMBER BIRTH_YYMMDD EXPIRY_YYMMDD

Independent of the station's code: a diagnostic for the test bed (e.g. the
vicc ePass started with --mrz). Prints the session keys and SSC on success.
"""
import hashlib
import os
import sys

from Cryptodome.Cipher import DES, DES3

from pcsc_send import Reader


def check_digit(text: str) -> str:
    values = [int(c) if c.isdigit() else (0 if c == "<" else ord(c) - 55) for c in text]
    return str(sum(v * w for v, w in zip(values, [7, 3, 1] * 30)) % 10)


def derive(seed: bytes, counter: int) -> bytes:
    return hashlib.sha1(seed + counter.to_bytes(4, "big")).digest()[:16]


def pad(data: bytes) -> bytes:
    data += b"\x80"
    return data + b"\x00" * (-len(data) % 8)


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO 9797-1 MAC algorithm 3 with DES, over already padded data."""
    state = DES.new(key[:8], DES.MODE_CBC, iv=b"\0" * 8).encrypt(data)[-8:]
    return DES.new(key[:8], DES.MODE_ECB).encrypt(DES.new(key[8:16], DES.MODE_ECB).decrypt(state))


def main() -> int:
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    index, number, birth, expiry = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    number = number.ljust(9, "<")
    mrz_info = number + check_digit(number) + birth + check_digit(birth) + expiry + check_digit(expiry)
    seed = hashlib.sha1(mrz_info.encode("ascii")).digest()[:16]
    k_enc, k_mac = derive(seed, 1), derive(seed, 2)

    reader = Reader(index)
    try:
        _, sw = reader.transmit(bytes.fromhex("00A4040C07A0000002471001"))
        print(f"SELECT eMRTD application: {sw:04X}")
        rnd_icc, sw = reader.transmit(bytes.fromhex("0084000008"))
        print(f"GET CHALLENGE: {rnd_icc.hex().upper()} {sw:04X}")
        rnd_ifd, k_ifd = os.urandom(8), os.urandom(16)
        e_ifd = DES3.new(k_enc, DES3.MODE_CBC, iv=b"\0" * 8).encrypt(rnd_ifd + rnd_icc + k_ifd)
        m_ifd = retail_mac(k_mac, pad(e_ifd))
        response, sw = reader.transmit(bytes.fromhex("0082000028") + e_ifd + m_ifd + b"\x28")
        print(f"EXTERNAL AUTHENTICATE: {len(response)} bytes {sw:04X}")
        if sw != 0x9000 or len(response) != 40:
            return 1
        if retail_mac(k_mac, pad(response[:32])) != response[32:]:
            print("response MAC does not verify")
            return 1
        plain = DES3.new(k_enc, DES3.MODE_CBC, iv=b"\0" * 8).decrypt(response[:32])
        if plain[:8] != rnd_icc or plain[8:16] != rnd_ifd:
            print("response does not echo RND.ICC || RND.IFD")
            return 1
        session_seed = bytes(a ^ b for a, b in zip(k_ifd, plain[16:32]))
        print(f"BAC ok: KSenc={derive(session_seed, 1).hex().upper()} "
              f"KSmac={derive(session_seed, 2).hex().upper()} SSC={(rnd_icc[-4:] + rnd_ifd[-4:]).hex().upper()}")
        return 0
    finally:
        reader.close()


if __name__ == "__main__":
    sys.exit(main())
