#!/usr/bin/python3
"""Send APDUs to a PC/SC reader through libpcsclite, extended length included.

    pcsc_send.py READER_INDEX APDU_HEX [APDU_HEX ...]

opensc-tool refuses extended APDUs on the vpcd reader ("Invalid arguments"),
so this is the independent tool for them. Prints each response as
`<data hex> <SW>`; exit 1 on a PC/SC error. Also importable (`Reader`).
"""
import ctypes
import sys

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


def main() -> int:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    try:
        reader = Reader(int(sys.argv[1]))
        for text in sys.argv[2:]:
            data, sw = reader.transmit(bytes.fromhex(text.replace(" ", "")))
            print(f"{data.hex().upper()} {sw:04X}".strip())
        reader.close()
    except RuntimeError as error:
        print(f"pcsc_send.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
