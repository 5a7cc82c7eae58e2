#!/usr/bin/env bash
# Stops what up.sh and the tests started, and nothing else: the daemons whose
# pids up.sh recorded, then any process left behind by a test (a vicc, a
# mosquitto) recognised by a command line naming this test bed's directory or
# launcher. Safe to run when nothing is running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

quiet=false
[[ "${1:-}" == "--quiet" ]] && quiet=true

for name in cupsd cups-capture pcscd; do
  tb_stop "$name"
done

# Leftovers: match on our own paths only, and signal them one by one by pid.
sweep_leftovers() {
  local pid cmdline found=0
  for dir in /proc/[0-9]*; do
    pid="${dir#/proc/}"
    [[ "$pid" == "$$" || "$pid" == "$PPID" ]] && continue
    cmdline="$( { tr '\0' ' ' <"$dir/cmdline"; } 2>/dev/null)" || continue
    case "$cmdline" in
      *"$REPO_ROOT/scripts/testbed/vicc.py"* | *"mosquitto"*"$TESTBED_DIR"*) ;;
      # Started by hand from the repository root with a relative path.
      *" scripts/testbed/vicc.py"*) [[ "$(readlink "$dir/cwd" 2>/dev/null)" == "$REPO_ROOT" ]] || continue ;;
      *) continue ;;
    esac
    kill -TERM "$pid" 2>/dev/null && found=$((found + 1))
  done
  if ((found > 0)) && ! $quiet; then tb_log "stopped $found leftover test process(es)"; fi
}
sweep_leftovers

if ! $quiet; then tb_log "down"; fi
