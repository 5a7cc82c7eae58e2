#!/usr/bin/env bash
# Chip-data benchmark (issue 3, "Performance"): builds the benchmarks in Release, runs them with BenchmarkDotNet,
# prints the medians, and next to them OpenSSL's raw ECDSA sign times, so the cost beyond the signature shows.
#
#   scripts/bench-chip.sh                      # the chip-data suite (about 2 minutes on 2 cores)
#   BENCH_FILTER='*ChipKeyGeneration*' scripts/bench-chip.sh   # where key generation spends its time
#   nice -n -10 scripts/bench-chip.sh          # on a shared machine (as root): concurrent builds take less of its cores
#
# Needs: the .NET SDK, softhsm2 (softhsm2-util and the module), openssl, python3.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
filter="${BENCH_FILTER:-*ChipData*}"
artifacts="${BENCH_ARTIFACTS:-$root/bench/BenchmarkDotNet.Artifacts/chip}"  # ignored by git
project="$root/bench/Station.Benchmarks"

for tool in dotnet openssl python3 softhsm2-util; do
  command -v "$tool" >/dev/null || { echo "bench-chip: '$tool' is missing (softhsm2-util: Debian package softhsm2)." >&2; exit 1; }
done

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(openssl version)"
echo "== load before: $(uptime | sed 's/.*load average/load average/')"

dotnet build "$project" -c Release -nologo -v quiet
rm -rf "$artifacts" && mkdir -p "$artifacts"
dotnet "$project/bin/Release/net10.0/Station.Benchmarks.dll" --filter "$filter" --artifacts "$artifacts" \
  > "$artifacts/run.log" 2>&1 || { tail -40 "$artifacts/run.log" >&2; echo "bench-chip: the benchmarks failed; full log: $artifacts.log" >&2; exit 1; }

echo "== load after:  $(uptime | sed 's/.*load average/load average/')"
echo
# OpenSSL 3 names brainpoolP256r1 'brp256r1' in speed; it divides by CPU time unless -elapsed is given.
openssl_out="$(openssl speed -seconds 2 ecdsabrp256r1 ecdsap256 2>/dev/null)"

python3 - "$artifacts/results" "$openssl_out" <<'PY'
import glob, json, re, sys

results, openssl_out = sys.argv[1], sys.argv[2]
rows = []  # (name, median, min, max) in milliseconds
for path in sorted(glob.glob(f"{results}/*-report-brief.json")):
    with open(path) as f:
        for b in json.load(f)["Benchmarks"]:
            s = b.get("Statistics")
            if s:
                rows.append((b["MethodTitle"].strip("'\""), s["Median"] / 1e6, s["Min"] / 1e6, s["Max"] / 1e6))
if not rows:
    sys.exit(f"bench-chip: no results in {results}")

width = max(len(r[0]) for r in rows)
print(f"{'Benchmark (BenchmarkDotNet, wall clock)':<{width}}  {'median ms':>10}  {'min ms':>8}  {'max ms':>8}")
for name, median, low, high in rows:
    print(f"{name:<{width}}  {median:>10.3f}  {low:>8.3f}  {high:>8.3f}")

print()
print("openssl speed -seconds 2 ecdsabrp256r1 ecdsap256 (CPU time):")
sign = {}
for line in openssl_out.splitlines():
    m = re.match(r"\s*256 bits ecdsa \((\w+)\)\s+([\d.]+)s\s+([\d.]+)s\s+([\d.]+)\s+([\d.]+)", line)
    if m:
        curve, per_sign, sign_per_s = m.group(1), float(m.group(2)), float(m.group(4))
        sign[curve] = 1000.0 / sign_per_s
        print(f"  {curve:<16} sign {sign[curve]:.3f} ms  ({sign_per_s:.0f} signs/s)")
if "brainpoolP256r1" in sign:
    raw = sign["brainpoolP256r1"]
    print()
    print(f"Beyond the raw brainpoolP256r1 signature ({raw:.3f} ms):")
    for name, median, _, _ in rows:
        if name.startswith(("Build+sign", "Per card")):
            print(f"  {name:<{width}}  +{median - raw:.3f} ms")
PY
echo
# The same operations in thread CPU time: what they cost when other builds share the cores.
dotnet "$project/bin/Release/net10.0/Station.Benchmarks.dll" cputime
echo
echo "Full BenchmarkDotNet tables: $artifacts/results/*-report-github.md"
