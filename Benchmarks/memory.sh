#!/usr/bin/env bash
# The memory curve: peak memory of `chitieu check`, `report` (text and xlsx) and `export` (CSV,
# SQLite) as the outcomes grow, on SYNTHETIC data spread over many bodies (Benchmarks/generate.py
# with bodies=N: 100 targets x 5 years per body, one folder and term file each). Each command
# holds one record (or one body's records) at a time, so the peak should stay flat while the
# outcomes grow fortyfold. Not a test: `make bench` (CURVE="50000 200000" for a shorter run).
set -euo pipefail
cd "$(dirname "$0")/.."
CURVE=${CURVE:-50000 200000 1000000 2000000}
# CHITIEU=path/to/chitieu measures a binary already built (another scratch path); otherwise make builds it.
BIN=${CHITIEU:-.build/release/chitieu}
[ -n "${CHITIEU:-}" ] || make -s build >/dev/null
WORK=$(mktemp -d "${TMPDIR:-/tmp}/chitieu-memory.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

printf '%-10s %-22s %9s %9s\n' "outcomes" "command" "seconds" "peak MB"
for n in $CURVE; do
  orgs=$((n / 50)) bodies=$((n / 500))
  python3 Benchmarks/generate.py "$WORK/data" "$orgs" 10 "bodies=$bodies"
  run() { # name command...
    local name=$1; shift
    /usr/bin/time -f "%e %M" -o "$WORK/t" "$@" >/dev/null 2>"$WORK/log" || { tail -5 "$WORK/log"; exit 1; }
    read -r secs kb < "$WORK/t"
    # Issue 20's aim: a peak of at most 100 MB however many outcomes.
    awk -v n="$n" -v name="$name" -v s="$secs" -v kb="$kb" 'BEGIN { printf "%-10s %-22s %9.2f %9.1f %s\n", n, name, s, kb / 1024, (kb > 102400 ? "over the 100 MB aim" : "") }'
  }
  run check "$BIN" check --as-of 2026 "$WORK/data"
  run "report (text)" "$BIN" report --as-of 2026 --output-dir "$WORK/text" "$WORK/data"
  run "report --format xlsx" "$BIN" report --format xlsx --as-of 2026 --output-dir "$WORK/out" "$WORK/data"
  run "export --format csv" "$BIN" export --as-of 2026 --format csv -o "$WORK/feed.csv" "$WORK/data"
  run "export --format sqlite" "$BIN" export --as-of 2026 --format sqlite -o "$WORK/feed.sqlite" "$WORK/data"
  rm -rf "$WORK/data" "$WORK/out" "$WORK/text" "$WORK"/feed.*
done
