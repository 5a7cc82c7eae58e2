#!/usr/bin/python3
"""Run one vicc card (python3-virtualsmartcard) against vpcd for the smart-card tests.

Debian 12 ships the library without its `vicc` launcher and only half ported to
Python 3. This test launcher fixes, inside its own process only (the installed
package is never edited):
  * TLVutils.pack ended with b"".join(bytes), which crashed every FCP answer;
  * Iso7816OS.formatResult compared None > int for case-3 APDUs (no Le);
  * VirtualICC read each APDU with a single recv(), which returns part of an
    extended APDU and desynchronizes the link; it now reads the full length;
  * --extended-length rebuilds the card OS with extended Lc/Le (the stock
    VirtualICC constructor always builds a short-APDU card).
  * the ePass card generator prompts for its MRZ with Python 2's raw_input;
    --mrz answers it.
Usage: vicc_card.py --type iso7816|ePass|cryptoflex --port 35963 [--extended-length] [--mrz MRZ]
"""
import argparse
import builtins
import socket
import struct
import logging
import sys

from virtualsmartcard import TLVutils
from virtualsmartcard.utils import inttostring


def tlv_pack(tlv_data, recalculate_length=False):
    result = b""
    for item in tlv_data:
        tag, length, value = item[:3]
        if tag in (0xFF, 0x00):
            result += inttostring(tag)
            continue
        if not isinstance(value, bytes):
            value = tlv_pack(value, recalculate_length)
        if recalculate_length:
            length = len(value)
        encoded_tag = b""
        while tag > 0:
            encoded_tag = inttostring(tag & 0xFF) + encoded_tag
            tag >>= 8
        if length < 0x7F:
            encoded_length = inttostring(length)
        else:
            encoded_length = b""
            while length > 0:
                encoded_length = inttostring(length & 0xFF) + encoded_length
                length >>= 8
            encoded_length = inttostring(0x80 | len(encoded_length)) + encoded_length
        result += encoded_tag + encoded_length + value
    return result


TLVutils.pack = tlv_pack  # before the modules that import pack by name load

from virtualsmartcard.VirtualSmartcard import Iso7816OS, VirtualICC  # noqa: E402

_format_result = Iso7816OS.formatResult


def format_result(self, seekable, le, data, sw, sm):
    if seekable and le is None:
        le = 0
    return _format_result(self, seekable, le, data, sw, sm)


Iso7816OS.formatResult = format_result


def recv_exactly(sock, count):
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise socket.error("Virtual PCD shut down")
        data += chunk
    return data


def recv_from_vpcd(self):
    """The stock reader takes one recv() for the whole APDU, which splits an extended APDU and desynchronizes."""
    size = struct.unpack("!H", recv_exactly(self.sock, 2))[0]
    return size, (recv_exactly(self.sock, size) if size else None)


VirtualICC._VirtualICC__recvFromVPICC = recv_from_vpcd


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--type", default="iso7816")
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=35963)
    parser.add_argument("--extended-length", action="store_true")
    parser.add_argument("--mrz", default="", help="TD3 MRZ (88 characters) for -t ePass")
    args = parser.parse_args()
    # The ePass generator asks for the MRZ with Python 2's raw_input.
    builtins.raw_input = lambda prompt="": args.mrz
    icc = VirtualICC(None, args.type, args.host, args.port, logginglevel=logging.WARNING)
    if args.extended_length and isinstance(icc.os, Iso7816OS):
        icc.os = type(icc.os)(icc.os.mf, icc.os.SAM, extended_length=True)
    print("vicc connected", flush=True)
    icc.run()


if __name__ == "__main__":
    sys.exit(main())
