#!/usr/bin/env bash
# The one test command: installs the Debian packages the tests need, starts
# the test bed on loopback (pcscd + vpcd, cupsd), builds the solution once,
# runs every test project (then, alone, the tests in the ExclusiveTestbed
# category, which kill pcscd), stops everything it started, and ends with the
# line `N passed, N failed` over both runs. Exits non-zero on any failure.
#
#   ./test.sh                      all tests
#   ./test.sh --filter Name~Mrz    extra arguments go to `dotnet test`
#
# STATION_MIN_TESTS=N makes a run with fewer than N tests fail (default 0:
# a project without tests is reported, not failed). A test hanging longer than
# STATION_TEST_HANG_TIMEOUT (default 10m) is killed and counted as failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

readonly TESTBED_DIR="$PWD/.testbed"
readonly RESULTS_DIR="$TESTBED_DIR/results"
test_pgid=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  # The test run has its own process group: this stops any vicc, mosquitto
  # or station child a test left behind, without touching anything else.
  if [[ -n "$test_pgid" ]] && kill -0 -- "-$test_pgid" 2>/dev/null; then
    kill -TERM -- "-$test_pgid" 2>/dev/null || true
    sleep 1
    kill -KILL -- "-$test_pgid" 2>/dev/null || true
  fi
  scripts/testbed/down.sh || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

scripts/testbed/install-packages.sh
command -v dotnet >/dev/null || { echo "test.sh: the .NET SDK (dotnet) is not on PATH" >&2; exit 1; }

scripts/testbed/up.sh
# shellcheck source=/dev/null
source "$TESTBED_DIR/env.sh"

if ! dotnet build Station.sln -c Release -nologo; then
  # CI reads the last line: a build that fails must not look like "0 failed".
  echo "test.sh: the build failed (see above); counted as one failure" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# Tests in the ExclusiveTestbed category disturb the shared test bed (they kill
# pcscd), so the main run leaves them out and a second run takes them alone.
# A --filter given to test.sh applies to both runs.
readonly EXCLUSIVE='Category=ExclusiveTestbed'
user_filter=""
args=()
while (($#)); do
  case "$1" in
    --filter) user_filter="$2"; shift 2 ;;
    --filter=*) user_filter="${1#--filter=}"; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
with_user_filter() { if [[ -n "$user_filter" ]]; then echo "($user_filter)&$1"; else echo "$1"; fi; }

# run_tests RESULTS_SUBDIR FILTER: one `dotnet test` in its own process group; returns its exit code.
run_tests() {
  setsid dotnet test Station.sln -c Release --no-build -nologo \
    --results-directory "$RESULTS_DIR/$1" --filter "$2" \
    --logger trx --logger "console;verbosity=normal" \
    --blame-hang-timeout "${STATION_TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none "${args[@]}" &
  test_pgid=$!
  wait "$test_pgid"
}

rm -rf "$RESULTS_DIR"
set +e
run_tests main "$(with_user_filter "Category!=ExclusiveTestbed")"
test_status=$?
echo "test.sh: now the tests that need the test bed to themselves ($EXCLUSIVE)"
run_tests exclusive "$(with_user_filter "$EXCLUSIVE")"
exclusive_status=$?
((test_status == 0)) && test_status=$exclusive_status
set -e

summary_status=0
summary="$(scripts/testbed/summarize-trx.py "$RESULTS_DIR")" || summary_status=$?
total=$(( $(sed -E 's/^([0-9]+) passed, ([0-9]+) failed$/\1 + \2/' <<<"$summary") ))
if ((total < ${STATION_MIN_TESTS:-0})); then
  echo "test.sh: only $total test(s) ran; STATION_MIN_TESTS=${STATION_MIN_TESTS}" >&2
  summary_status=1
fi
if ((test_status != 0 && summary_status == 0)); then
  echo "test.sh: dotnet test exited with $test_status (build or runner failure; see above)" >&2
fi
echo "$summary"
((test_status == 0 && summary_status == 0))
