#!/usr/bin/python3
"""Measure a service's time to READY=1 the way systemd would see it.

    notify-listener.py [--timeout S] [--watch S] [--stop] -- COMMAND [ARGS...]

Creates a unix datagram socket, starts COMMAND with NOTIFY_SOCKET pointing at
it, and prints (key=value lines on stdout):
  ready_ms          from spawn to the READY=1 datagram
  rss_at_ready_kb   the child's VmRSS when READY=1 arrived
  watchdog_count    WATCHDOG=1 datagrams during --watch S seconds after READY
  stop_ms           with --stop: from SIGTERM to the child's exit
  stopping_seen     with --stop: whether STOPPING=1 arrived first
Exit 0 when READY=1 arrived (and, with --stop, the child then exited 0).

Microsoft.Extensions.Hosting.Systemd only talks to NOTIFY_SOCKET when its
parent process is named "systemd" (it reads /proc/<ppid>/comm), so this
listener renames itself "systemd" (prctl PR_SET_NAME) and is the child's
direct parent.
"""
import argparse
import ctypes
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time

PR_SET_NAME = 15


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def receive(sock: socket.socket, seconds: float) -> list[str]:
    """Notification fields (KEY=VALUE) received within `seconds`."""
    ready, _, _ = select.select([sock], [], [], max(seconds, 0))
    if not ready:
        return []
    return sock.recv(4096).decode("utf-8", "replace").split("\n")


def main() -> int:
    parser = argparse.ArgumentParser(usage=__doc__.splitlines()[2].strip())
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for READY=1")
    parser.add_argument("--watch", type=float, default=0.0, help="seconds to keep counting WATCHDOG=1 after READY")
    parser.add_argument("--stop", action="store_true", help="send SIGTERM after READY and time the shutdown")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no COMMAND given")

    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_NAME, b"systemd", 0, 0, 0)
    folder = tempfile.mkdtemp(prefix="station-notify-")
    path = os.path.join(folder, "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    env = dict(os.environ, NOTIFY_SOCKET=path)

    started = time.monotonic()
    # The service's own output goes to stderr: stdout carries only key=value lines.
    child = subprocess.Popen(command, env=env, stdout=sys.stderr)
    status = 1
    try:
        deadline = started + args.timeout
        ready_ms = None
        while ready_ms is None and time.monotonic() < deadline:
            fields = receive(sock, min(0.1, deadline - time.monotonic()))
            if "READY=1" in fields:
                ready_ms = (time.monotonic() - started) * 1000
                print(f"ready_ms={ready_ms:.1f}")
                print(f"rss_at_ready_kb={rss_kb(child.pid)}")
            elif child.poll() is not None:
                print(f"error=exited with {child.returncode} before READY=1", flush=True)
                return 1
        if ready_ms is None:
            print(f"error=no READY=1 within {args.timeout:.0f} s", flush=True)
            return 1
        status = 0

        if args.watch > 0:
            watchdogs = 0
            watch_end = time.monotonic() + args.watch
            while time.monotonic() < watch_end:
                watchdogs += receive(sock, watch_end - time.monotonic()).count("WATCHDOG=1")
            print(f"watchdog_count={watchdogs}")

        if args.stop and child.poll() is None:
            stop_started = time.monotonic()
            child.send_signal(signal.SIGTERM)
            stopping = False
            while child.poll() is None and time.monotonic() < stop_started + args.timeout:
                stopping |= "STOPPING=1" in receive(sock, 0.05)
            stopping |= "STOPPING=1" in receive(sock, 0)
            if child.poll() is None:
                print(f"error=still running {args.timeout:.0f} s after SIGTERM")
                status = 1
            else:
                print(f"stop_ms={(time.monotonic() - stop_started) * 1000:.1f}")
                print(f"stopping_seen={str(stopping).lower()}")
                status = 0 if child.returncode == 0 else 1
        return status
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        sock.close()
        os.unlink(path)
        os.rmdir(folder)


if __name__ == "__main__":
    sys.exit(main())
