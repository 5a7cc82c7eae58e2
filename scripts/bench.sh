#!/usr/bin/env bash
# Timed runs of the station binary; prints the figures the README records.
#
#   scripts/bench.sh [--cards N] [--no-build] [--dev] [--sample-ms MS]
#
# It measures the station as a station runs it: published the way
# systemd/README.md installs it (self-contained; ReadyToRun, see
# Station.Service.csproj) into artifacts/bench/, and started with the
# Environment= lines of systemd/station.service. --dev measures the plain
# Release build (what `dotnet run` starts) without that environment instead.
#
#  1. demo:  `station demo --cards N --data-dir <tmp>` on zero-latency
#            simulators: cards/s, VmRSS after start-up, at the end, peak, growth
#            (sampled).
#  2. memory: the same demo in a fresh directory with --memory-report: its
#            settled readings before and after the cards, private and mapped
#            files apart (a run of its own: the readings wait for the runtime).
#  3. ready: `station run --data-dir <tmp>` under a NOTIFY_SOCKET listener:
#            time from spawn to READY=1, VmRSS at READY, shutdown time.
# Each figure is printed as `key=value`; a step that cannot run says why and
# makes the script exit 1 after the other steps ran.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cards=1000
build=true
dev=false
sample_ms=100
while (($#)); do
  case "$1" in
    --cards) cards="$2"; shift 2 ;;
    --no-build) build=false; shift ;;
    --dev) dev=true; shift ;;
    --sample-ms) sample_ms="$2"; shift 2 ;;
    -h | --help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$cards" =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: --cards must be a positive integer, got '$cards'" >&2; exit 2; }

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  armv7l) rid=linux-arm ;;
  *) echo "bench.sh: no .NET runtime identifier known for $(uname -m)" >&2; exit 1 ;;
esac
readonly installed_dir="$PWD/artifacts/bench"
# STATION_BIN overrides the binary.
# The environment the station runs with: the unit's (GC budget, one malloc arena, no tiered compilation), as systemd
# sets it, for the station's own runs only (not for dotnet publish). The unit's lines are plain NAME=value.
unit_env=()
if $dev; then
  readonly station="${STATION_BIN:-$PWD/src/Station.Service/bin/Release/net10.0/station}"
else
  readonly station="${STATION_BIN:-$installed_dir/station}"
  while IFS= read -r assignment; do
    unit_env+=("${assignment#Environment=}")
  done < <(grep '^Environment=' systemd/station.service)
fi
readonly listener="$PWD/scripts/bench/notify-listener.py"
work="$(mktemp -d -t station-bench-XXXXXX)"
demo_pid=""
cleanup() {
  if [[ -n "$demo_pid" ]] && kill -0 "$demo_pid" 2>/dev/null; then kill -KILL "$demo_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
failures=0

if $build && [[ -z "${STATION_BIN:-}" ]]; then
  if $dev; then
    dotnet build src/Station.Service -c Release -nologo -v quiet
  else
    rm -rf "$installed_dir"
    dotnet publish src/Station.Service -c Release -r "$rid" --self-contained -o "$installed_dir" -nologo -v quiet
  fi
fi
[[ -x "$station" ]] || { echo "bench.sh: $station is missing; run without --no-build first" >&2; exit 1; }

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
now_ms() { date +%s%3N; }

echo "# machine: $(nproc) cores, $(awk '/^MemTotal:/ { print int($2 / 1024) " MB" }' /proc/meminfo), $(uname -r)"
echo "# station: $("$station" --version 2>/dev/null | head -1 || echo 'version unknown') ($station)"
if $dev; then
  echo "# form: plain Release build, no unit environment"
else
  echo "# form: installed (self-contained, ReadyToRun, built $(date -r "$station" '+%F %T')) with the unit's environment: ${unit_env[*]}"
fi

# --- 1. demo: throughput and memory --------------------------------------
echo "# demo --cards $cards"
mkdir -p "$work/demo"
start_ms=$(now_ms)
env "${unit_env[@]}" "$station" demo --cards "$cards" --data-dir "$work/demo" --sim-latency-ms 0 >"$work/demo.log" 2>&1 &
demo_pid=$!
rss_start="" rss_end="" rss_peak=0
sleep_s=$(awk -v ms="$sample_ms" 'BEGIN { printf "%.3f", ms / 1000 }')
while kill -0 "$demo_pid" 2>/dev/null; do
  rss="$(rss_kb "$demo_pid")"
  if [[ -n "$rss" ]]; then
    # "After start-up": the first sample once the process has run 1 s.
    if [[ -z "$rss_start" ]] && (($(now_ms) - start_ms >= 1000)); then rss_start=$rss; fi
    rss_end=$rss
    ((rss > rss_peak)) && rss_peak=$rss
  fi
  sleep "$sleep_s"
done
demo_status=0
wait "$demo_pid" || demo_status=$?
demo_pid=""
elapsed_ms=$(($(now_ms) - start_ms))
if ((demo_status == 0)) && [[ -z "$(ls -A "$work/demo")" ]]; then
  echo "demo_error=station demo exited 0 but wrote nothing to --data-dir; is the demo verb implemented?" >&2
  failures=$((failures + 1))
elif ((demo_status == 0)); then
  echo "demo_seconds=$(awk -v ms="$elapsed_ms" 'BEGIN { printf "%.2f", ms / 1000 }')"
  echo "demo_cards_per_second=$(awk -v n="$cards" -v ms="$elapsed_ms" 'BEGIN { printf "%.1f", n * 1000 / ms }')"
  echo "demo_ms_per_card=$(awk -v n="$cards" -v ms="$elapsed_ms" 'BEGIN { printf "%.1f", ms / n }')"
  echo "demo_rss_end_mb=$(awk -v kb="${rss_end:-0}" 'BEGIN { printf "%.1f", kb / 1024 }')"
  echo "demo_rss_peak_mb=$(awk -v kb="$rss_peak" 'BEGIN { printf "%.1f", kb / 1024 }')"
  # The demo's own rate: cards issued over the pipeline's run, without start-up and the submission of the jobs.
  pipeline="$(sed -n 's/^demo: done\..*, \([0-9.]*\) cards\/s; elapsed \([0-9.]*\) s.*/\1 \2/p' "$work/demo.log")"
  if [[ -n "$pipeline" ]]; then
    read -r pipeline_rate pipeline_seconds <<<"$pipeline"
    echo "demo_pipeline_cards_per_second=$pipeline_rate"
    echo "demo_pipeline_seconds=$pipeline_seconds"
  fi
  if [[ -n "$rss_start" ]]; then
    echo "demo_rss_after_startup_mb=$(awk -v kb="$rss_start" 'BEGIN { printf "%.1f", kb / 1024 }')"
    echo "demo_rss_growth_mb=$(awk -v a="$rss_start" -v b="$rss_end" 'BEGIN { printf "%.1f", (b - a) / 1024 }')"
  else
    echo "# note: the demo ended within 1 s: no after-start-up sample, no growth figure (use more --cards)"
  fi
else
  echo "demo_error=station demo exited with $demo_status; last lines:" >&2
  tail -n 15 "$work/demo.log" >&2
  failures=$((failures + 1))
fi

# --- 2. settled memory before and after the cards -----------------------------
# The demo's own readings, each taken once the runtime's background compiler finished, garbage was collected and
# freed memory returned to the system: what the process keeps before its first card and after its last.
echo "# demo --cards $cards --memory-report"
mkdir -p "$work/memory"
if env "${unit_env[@]}" "$station" demo --cards "$cards" --data-dir "$work/memory" --sim-latency-ms 0 --memory-report >"$work/memory.log" 2>&1; then
  settled="$(sed -n 's/^demo: resident memory \([0-9]*\) MB before the pipeline ran, \([0-9]*\) MB after.*/\1 \2/p' "$work/memory.log")"
  split="$(sed -n 's/^demo: of which private[^0-9]*\([0-9]*\) -> \([0-9]*\) MB, pages of mapped files[^0-9]*\([0-9]*\) -> \([0-9]*\) MB$/\1 \2 \3 \4/p' "$work/memory.log")"
  if [[ -n "$settled" && -n "$split" ]]; then
    read -r settled_before settled_after <<<"$settled"
    read -r private_before private_after files_before files_after <<<"$split"
    echo "demo_rss_settled_before_cards_mb=$settled_before"
    echo "demo_rss_settled_after_cards_mb=$settled_after"
    echo "demo_rss_settled_growth_mb=$((settled_after - settled_before))"
    echo "demo_private_settled_growth_mb=$((private_after - private_before))"
    echo "demo_files_settled_growth_mb=$((files_after - files_before))"
    # After the first jobs (at most 50) the card path is loaded; what the rest add is what would show a leak.
    warm="$(sed -n 's/^demo: after the first \([0-9]*\) jobs \([0-9]*\) MB settled.*/\1 \2/p' "$work/memory.log")"
    if [[ -n "$warm" ]]; then
      read -r warm_jobs warm_mb <<<"$warm"
      echo "demo_rss_settled_after_${warm_jobs}_jobs_mb=$warm_mb"
      echo "demo_rss_settled_growth_after_${warm_jobs}_jobs_mb=$((settled_after - warm_mb))"
    fi
  else
    echo "memory_error=station demo --memory-report printed no settled readings (no /proc/self/status?)" >&2
    failures=$((failures + 1))
  fi
else
  echo "memory_error=station demo --memory-report failed; last lines:" >&2
  tail -n 15 "$work/memory.log" >&2
  failures=$((failures + 1))
fi

# --- 3. time to READY under a NOTIFY_SOCKET listener -------------------------
echo "# run: time to READY=1"
mkdir -p "$work/run"
if ! env "${unit_env[@]}" /usr/bin/python3 "$listener" --timeout 20 --stop -- "$station" run --data-dir "$work/run" | sed 's/^/run_/'; then
  echo "run_error=no clean READY=1 / shutdown (see above)" >&2
  failures=$((failures + 1))
fi

exit $((failures > 0))
