#!/usr/bin/python3
"""Send APDUs to a PC/SC reader through libpcsclite, extended length included.

    pcsc_send.py READER_INDEX APDU_HEX [APDU_HEX ...]
    pcsc_send.py READER_INDEX --file SCRIPT [--time]

SCRIPT holds one hex APDU per line (blank lines and # comments ignored).
--time prints only `apdus=N bytes_sent=N bytes_received=N seconds=S`: the
baseline to compare the station's own PC/SC layer against.

opensc-tool refuses extended APDUs on the vpcd reader ("Invalid arguments"),
so this is the independent tool for them. Prints each response as
`<data hex> <SW>`; exit 1 on a PC/SC error. Also importable (`Reader`).
"""
import ctypes
import sys
import time

SCARD_SCOPE_SYSTEM = 2
SCARD_SHARE_SHARED = 2
SCARD_PROTOCOL_T0_T1 = 3
SCARD_LEAVE_CARD = 0


class _IoRequest(ctypes.Structure):
    _fields_ = [("protocol", ctypes.c_ulong), ("length", ctypes.c_ulong)]


class Reader:
    """One connection to the card in reader number `index` (as opensc-tool -l numbers them)."""

    def __init__(self, index: int):
        self._lib = ctypes.CDLL("libpcsclite.so.1")
        # On Linux x86-64 pcsc-lite's DWORD and handles are unsigned long.
        self._context = ctypes.c_ulong()
        self._check(self._lib.SCardEstablishContext(SCARD_SCOPE_SYSTEM, None, None, ctypes.byref(self._context)),
                    "SCardEstablishContext (is pcscd running?)")
        size = ctypes.c_ulong(0)
        self._check(self._lib.SCardListReaders(self._context, None, None, ctypes.byref(size)), "SCardListReaders")
        names = ctypes.create_string_buffer(size.value)
        self._check(self._lib.SCardListReaders(self._context, None, names, ctypes.byref(size)), "SCardListReaders")
        readers = [name for name in names.raw.split(b"\0") if name]
        if index >= len(readers):
            raise RuntimeError(f"no reader {index}; readers: {readers}")
        self.name = readers[index].decode()
        self._card = ctypes.c_ulong()
        protocol = ctypes.c_ulong()
        self._check(self._lib.SCardConnect(self._context, readers[index], SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0_T1,
                                           ctypes.byref(self._card), ctypes.byref(protocol)),
                    f"SCardConnect to '{self.name}'")
        self._pci = _IoRequest(protocol.value, ctypes.sizeof(_IoRequest))

    @staticmethod
    def _check(code: int, what: str) -> None:
        if code != 0:
            raise RuntimeError(f"{what} failed: 0x{code & 0xFFFFFFFF:08X}")

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        """Sends one APDU; returns (response data, SW1SW2)."""
        response = ctypes.create_string_buffer(65538)
        length = ctypes.c_ulong(len(response))
        self._check(self._lib.SCardTransmit(self._card, ctypes.byref(self._pci), apdu, len(apdu), None,
                                            response, ctypes.byref(length)), "SCardTransmit")
        raw = response.raw[:length.value]
        return raw[:-2], int.from_bytes(raw[-2:], "big")

    def close(self) -> None:
        self._lib.SCardDisconnect(self._card, SCARD_LEAVE_CARD)
        self._lib.SCardReleaseContext(self._context)


def read_script(path: str) -> list[bytes]:
    with open(path, encoding="ascii") as script:
        lines = (line.split("#", 1)[0].strip() for line in script)
        return [bytes.fromhex(line.replace(" ", "")) for line in lines if line]


def main() -> int:
    args = sys.argv[1:]
    timed = "--time" in args
    if timed:
        args.remove("--time")
    if len(args) < 2 or (args[1] == "--file" and len(args) != 3):
        sys.exit(__doc__)
    try:
        apdus = read_script(args[2]) if args[1] == "--file" else [bytes.fromhex(a.replace(" ", "")) for a in args[1:]]
        reader = Reader(int(args[0]))
        started = time.perf_counter()
        received = 0
        for apdu in apdus:
            data, sw = reader.transmit(apdu)
            received += len(data) + 2
            if not timed:
                print(f"{data.hex().upper()} {sw:04X}".strip())
        elapsed = time.perf_counter() - started
        reader.close()
        if timed:
            print(f"apdus={len(apdus)} bytes_sent={sum(map(len, apdus))} bytes_received={received} seconds={elapsed:.4f}")
    except (RuntimeError, ValueError, OSError) as error:
        print(f"pcsc_send.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
