# Shared helpers for the test-bed scripts; sourced, never run.
# Everything the test bed creates lives under $TESTBED_DIR (default <repo>/.testbed).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TESTBED_DIR="${STATION_TESTBED_DIR:-$REPO_ROOT/.testbed}"
PID_DIR="$TESTBED_DIR/pids"
# Debian's interpreter: a pyenv or venv python3 earlier on PATH lacks the
# python3-* Debian packages (Cryptodome, asn1crypto, virtualsmartcard).
DEBIAN_PYTHON=/usr/bin/python3

tb_log() { printf '[testbed] %s\n' "$*" >&2; }
tb_die() { printf '[testbed] ERROR: %s\n' "$*" >&2; exit 1; }

# A TCP port that is free on 127.0.0.1 right now (the kernel picks it).
tb_free_port() {
  "$DEBIAN_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# tb_wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.1 s.
tb_wait_for() {
  local seconds="$1" what="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      tb_die "timed out after ${seconds}s waiting for $what"
    fi
    sleep 0.1
  done
}

# True when PID is alive and its command name is NAME (guards against pid reuse).
tb_pid_is() {
  local pid="$1" name="$2"
  [[ -n "$pid" && -r "/proc/$pid/comm" ]] && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$name" ]]
}

# tb_start NAME LOGFILE COMMAND...: starts COMMAND in the background and records
# "pid command-name", so a later run never signals an unrelated process that
# reused the pid of one killed with the previous run.
tb_start() {
  local name="$1" logfile="$2"; shift 2
  mkdir -p "$PID_DIR"
  "$@" >"$logfile" 2>&1 </dev/null &
  echo "$! $(basename "$1")" >"$PID_DIR/$name.pid"
}

# tb_stop NAME: stops the process recorded by tb_start (TERM, then KILL after 5 s).
tb_stop() {
  local name="$1" pidfile="$PID_DIR/$1.pid" pid comm
  [[ -f "$pidfile" ]] || return 0
  read -r pid comm <"$pidfile" || true
  if tb_pid_is "$pid" "${comm:0:15}"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# --- pcscd (shared by up.sh and pcscd.sh) ---
PCSCD_SOCKET=/run/pcscd/pcscd.comm
PCSCD_PIDFILE=/run/pcscd/pcscd.pid

# Something serves the pcscd socket: a running pcscd, or systemd's pcscd.socket
# (socket activation: the socket exists before any pcscd process does).
pcscd_serving() {
  [[ -S "$PCSCD_SOCKET" ]] || return 1
  "$DEBIAN_PYTHON" -c 'import socket, sys; s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])' "$PCSCD_SOCKET" 2>/dev/null
}

vpcd_reader_listed() { opensc-tool -l 2>/dev/null | grep -q 'Virtual PCD'; }

start_pcscd() {
  # pcscd is one per machine (its socket path is fixed). Reuse a live one
  # (system service, or another user's) and never stop it; remove what a
  # killed one left behind (a socket nobody answers), or pcscd refuses to start.
  if pcscd_serving; then
    tb_log "pcscd already serves $PCSCD_SOCKET (system service or another user); reusing it, not stopping it"
  else
    rm -f "$PCSCD_SOCKET" "$PCSCD_PIDFILE"
    [[ -r /etc/reader.conf.d/vpcd ]] || tb_die "vsmartcard-vpcd is not installed (/etc/reader.conf.d/vpcd missing)"
    tb_start pcscd "$TESTBED_DIR/logs/pcscd.log" pcscd -f
    tb_wait_for 10 "pcscd socket $PCSCD_SOCKET (see $TESTBED_DIR/logs/pcscd.log)" test -S "$PCSCD_SOCKET"
  fi
  tb_wait_for 10 "the 'Virtual PCD' reader in opensc-tool -l (is vsmartcard-vpcd loaded?)" vpcd_reader_listed
}
