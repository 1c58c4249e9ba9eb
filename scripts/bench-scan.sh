#!/usr/bin/env bash
# Release-mode benchmark of `posture scan` on a large generated authorization-details file,
# and, with BENCH_CLOUDSPLAINING=1, the same file through cloudsplaining (pip install
# cloudsplaining) for comparison — that run takes about 40 minutes and 7 GB on 2 cores.
# Prints wall time, peak RSS and the file size; `make bench` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-$(mktemp -d)}
file="$work/big-authz.json"
[ -f "$file" ] || python3 scripts/generate-authz-details.py --users 5000 --roles 20000 --policies 5000 --groups 200 -o "$file"
size=$(stat -c %s "$file")
swift build -c release --product posture >/dev/null
echo "file: $file ($((size / 1024 / 1024)) MB)"
measure() { # label, command...
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" >"$work/out-$label" 2>"$work/err-$label" || true
  end=$(date +%s.%N)
  local rss_kb; rss_kb=$(tail -n 1 "$work/rss")
  printf '%s: %.2f s wall, peak RSS %d MB (%.2f x file size)\n' "$label" "$(echo "$end - $start" | bc)" \
    $((rss_kb / 1024)) "$(echo "$rss_kb * 1024 / $size" | bc -l)"
}
for run in 1 2 3; do measure "posture-text-run$run" .build/release/posture scan "$file" --fail-on none -o "$work/posture.txt"; done
measure posture-json .build/release/posture scan "$file" --fail-on none --format json -o "$work/posture.json"
if [ "${BENCH_CLOUDSPLAINING:-0}" != 1 ]; then
  echo "cloudsplaining: skipped (BENCH_CLOUDSPLAINING=1 to compare; it takes about 40 minutes)"
elif command -v cloudsplaining >/dev/null 2>&1; then
  mkdir -p "$work/cloudsplaining"
  measure cloudsplaining cloudsplaining scan --input-file "$file" --output "$work/cloudsplaining"
else
  echo "cloudsplaining: not installed (pip install cloudsplaining) — skipped"
fi
