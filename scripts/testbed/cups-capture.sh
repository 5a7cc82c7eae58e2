#!/usr/bin/env bash
# Run by socat once per print job (one TCP connection from CUPS's socket
# backend): stores the job's bytes as cups-out/job-<ns>.prn, renamed into
# place only when complete, and copies it to card.prn (the latest job).
set -euo pipefail
out_dir="$1"
stamp="$(date +%s%N)"
cat >"$out_dir/.job-$stamp.part"
cp "$out_dir/.job-$stamp.part" "$out_dir/.card.prn.part"
mv "$out_dir/.job-$stamp.part" "$out_dir/job-$stamp.prn"
mv "$out_dir/.card.prn.part" "$out_dir/card.prn"
