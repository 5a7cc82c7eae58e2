#!/usr/bin/env bash
# The "kill pcscd" fault for tests that own the test bed (xunit category
# ExclusiveTestbed, run alone by test.sh after the main run):
#   pcscd.sh kill    SIGKILL the pcscd serving /run/pcscd/pcscd.comm (as a crash would)
#   pcscd.sh start   start it again exactly as up.sh does (recorded for down.sh)
# Exits non-zero with a message when pcscd cannot be managed (not root, no pid).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
mkdir -p "$PID_DIR" "$TESTBED_DIR/logs"

kill_pcscd() {
  local pid
  [[ -r "$PCSCD_PIDFILE" ]] || tb_die "cannot kill pcscd: $PCSCD_PIDFILE is missing (is pcscd running? start it with scripts/testbed/up.sh)"
  pid="$(tr -dc '0-9' <"$PCSCD_PIDFILE")"
  tb_pid_is "$pid" pcscd || tb_die "cannot kill pcscd: pid '$pid' in $PCSCD_PIDFILE is not a pcscd"
  kill -KILL "$pid" || tb_die "cannot kill pcscd (pid $pid): not allowed (run the tests as root)"
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  ! kill -0 "$pid" 2>/dev/null || tb_die "pcscd (pid $pid) survived SIGKILL"
  tb_log "killed pcscd (pid $pid)"
}

case "${1:-}" in
  kill) kill_pcscd ;;
  start) start_pcscd ;;
  *) tb_die "usage: pcscd.sh kill|start" ;;
esac
