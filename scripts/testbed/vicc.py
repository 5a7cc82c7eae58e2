#!/usr/bin/python3
"""Start one vicc card emulator against the vpcd virtual reader.

Debian 12 ships python3-virtualsmartcard without its `vicc` launcher, and the
library is only half ported to Python 3. This launcher runs the library's own
VirtualICC loop with two in-process fixes (the installed package is never
edited):

* a case-3 APDU (no Le, e.g. UPDATE BINARY) crashed `formatResult` with
  `None > int`; it now answers with no data, as ISO 7816-4 says;
* `TLVutils.pack` ended with `b"".join(bytes)`, so every SELECT asking for
  an FCP/FCI (P2 00 or 04) crashed the emulator; it now returns the bytes;
* `-t ePass` asked for the MRZ and a photo on the terminal, mixed str and
  bytes, and needed PIL; `--mrz` now builds the passport (EF.COM, DG1 from
  the MRZ, empty DG2 and SOD) without prompts, and BAC mutual authentication
  gets a bytes XOR for its session-key seed. vicc's secure messaging after
  BAC is still Python 2 code and omits DO'99' from responses, so it is not
  usable by an ICAO reader (see docs/testbed.md);
* VirtualICC read each APDU with a single recv(), which splits an extended
  APDU; it now reads the length vpcd announces;
* every APDU waited ~40 ms (vpcd sends length and APDU as two segments,
  Nagle on its side, delayed ACK on ours): TCP_QUICKACK before each read
  brings a round trip to ~0.2 ms;
* `--extended-length` rebuilds the card OS with extended Lc/Le (the stock
  constructor hard-codes short APDUs), and the ATR advertises it.

Run it with Debian's /usr/bin/python3 and
PYTHONPATH=<.testbed/vicc-shim>:/usr/lib/python3/site-packages/virtualsmartcard
(test.sh exports that as STATION_VICC_PYTHONPATH).
"""
import argparse
import logging
import os
import socket
import struct
import sys

try:
    from virtualsmartcard import TLVutils
    from virtualsmartcard.utils import inttostring
except ImportError as error:  # the PYTHONPATH above is the usual cause
    sys.exit(f"vicc.py: cannot import virtualsmartcard ({error}); "
             "set PYTHONPATH to $STATION_VICC_PYTHONPATH and use /usr/bin/python3")


def _tlv_pack(tlv_data, recalculate_length=False):
    """TLVutils.pack as shipped, with its Python 3 bytes join fixed."""
    result = b""
    for item in tlv_data:
        tag, length, value = item[:3]
        if tag in (0xff, 0x00):
            result += inttostring(tag)
            continue
        if not isinstance(value, bytes):
            value = _tlv_pack(value, recalculate_length)
        if recalculate_length:
            length = len(value)
        encoded_tag = b""
        while tag > 0:
            encoded_tag = inttostring(tag & 0xff) + encoded_tag
            tag >>= 8
        if length < 0x7F:
            encoded_length = inttostring(length)
        else:
            encoded_length = b""
            while length > 0:
                encoded_length = inttostring(length & 0xff) + encoded_length
                length >>= 8
            encoded_length = inttostring(0x80 | len(encoded_length)) + encoded_length
        result += encoded_tag + encoded_length + value
    return result


# Must happen before the modules that do `from TLVutils import pack` load.
TLVutils.pack = _tlv_pack

from virtualsmartcard import CryptoUtils  # noqa: E402
from virtualsmartcard.CardGenerator import CardGenerator  # noqa: E402
from virtualsmartcard.VirtualSmartcard import Iso7816OS, VirtualICC  # noqa: E402

EMRTD_AID = bytes.fromhex("A0000002471001")


def _xor_bytes(first, second, op):
    """CryptoUtils.operation_on_string for bytes (the shipped one calls ord() on ints)."""
    if len(first) != len(second):
        raise ValueError("string1 and string2 must be of equal length")
    return bytes(op(a, b) for a, b in zip(first, second))


def _epass_generator(mrz: bytes):
    """Replaces CardGenerator's interactive ePass builder with one fed by --mrz."""
    def generate(self):
        from virtualsmartcard.SmartcardFilesystem import DF, MF, TransparentStructureEF
        from virtualsmartcard.cards.ePass import PassportSAM

        mf = MF()
        df = DF(parent=mf, fid=4, dfname=EMRTD_AID, bertlv_data=[])
        com = _tlv_pack([(0x5F01, 4, b"0107"), (0x5F36, 6, b"040000"), (0x5C, 2, b"\x61\x75")])
        df.append(TransparentStructureEF(parent=df, fid=0x011E, filedescriptor=0,
                                         data=_tlv_pack([(0x60, len(com), com)])))
        dg1 = _tlv_pack([(0x5F1F, len(mrz), mrz)])
        df.append(TransparentStructureEF(parent=df, fid=0x0101, filedescriptor=0,
                                         data=_tlv_pack([(0x61, len(dg1), dg1)])))
        df.append(TransparentStructureEF(parent=df, fid=0x0102, filedescriptor=0, data=b""))
        df.append(TransparentStructureEF(parent=df, fid=0x011D, filedescriptor=0, data=b""))
        mf.append(df)
        self.mf = mf
        # PassportSAM derives the BAC keys from DG1 read at offset 5 (61 5B 5F1F 58).
        self.sam = PassportSAM(mf)

    return generate


def _patch_case3_le() -> None:
    original = Iso7816OS.formatResult

    def format_result(self, seekable, le, data, sw, sm):
        if seekable and le is None:
            le = 0
        return original(self, seekable, le, data, sw, sm)

    Iso7816OS.formatResult = format_result


def _recv_exactly(sock, count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise socket.error("Virtual PCD shut down")
        data += chunk
    return data


def _patch_receive() -> None:
    """Read whole APDUs from vpcd, and acknowledge its segments at once.

    The stock reader takes one recv() for the APDU, which returns part of an
    extended APDU and desynchronizes the link; this one reads the announced
    length. vpcd writes each command as two segments (length, then APDU); with
    Nagle on its side and delayed ACKs on ours every APDU waited ~40 ms for the
    second segment. TCP_QUICKACK is not sticky, so it is set before every read.
    """
    def receive(self):
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        except OSError:
            pass
        size = struct.unpack("!H", _recv_exactly(self.sock, 2))[0]
        return size, (_recv_exactly(self.sock, size) if size else None)

    VirtualICC._VirtualICC__recvFromVPICC = receive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-t", "--type", default="iso7816",
                        choices=["iso7816", "ePass", "cryptoflex"],
                        help="card emulation (default iso7816)")
    parser.add_argument("--host", default="127.0.0.1", help="vpcd host")
    parser.add_argument("-p", "--port", type=int, default=35963,
                        help="vpcd port: 35963 is reader 0, 35964 reader 1")
    parser.add_argument("-f", "--file", default=None,
                        help="vicc data-set file (pickled card) to load")
    parser.add_argument("--mrz", default=None,
                        help="ePass only: the 88-character TD3 MRZ (both lines, no newline)")
    parser.add_argument("--extended-length", action="store_true",
                        help="accept extended Lc/Le (up to 65535)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="log every APDU (INFO); default logs warnings only")
    args = parser.parse_args()

    _patch_case3_le()
    _patch_receive()
    if args.type == "ePass":
        if args.mrz is None or len(args.mrz) != 88:
            parser.error("-t ePass needs --mrz with the 88 characters of a TD3 MRZ")
        CryptoUtils.operation_on_string = _xor_bytes
        CardGenerator._CardGenerator__generate_ePass = _epass_generator(args.mrz.encode("ascii"))
    level = logging.INFO if args.verbose else logging.WARNING
    vicc = VirtualICC(args.file, args.type, args.host, args.port,
                      logginglevel=level)
    if args.extended_length:
        vicc.os = Iso7816OS(vicc.os.mf, vicc.os.SAM, extended_length=True)
    # vpcd asks for the ATR on power up, so tests can wait for the reader to
    # show a card; print a marker for whoever watches stdout.
    print(f"vicc ready type={args.type} port={args.port} "
          f"extended={args.extended_length}", flush=True)
    if not args.verbose:
        # The library print()s whole files on CREATE FILE (64 KB of zeros for a big EF).
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    vicc.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
