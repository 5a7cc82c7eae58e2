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
