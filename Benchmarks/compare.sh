#!/usr/bin/env bash
# The comparison benchmark: `chitieu compare` over a SYNTHETIC national data set (every province's
# committee, blocs and districts: 693 bodies x 15 indicators x 10 years, Benchmarks/generate_national.py)
# against a pandas groupby-and-rank baseline on the same files, measured in this run, each pinned
# to one core. Prints seconds (wall and CPU), peak memory and the ratio. Not a test: `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/chitieu-compare.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# CHITIEU=path/to/chitieu measures a binary already built (another scratch path); otherwise make builds it.
BIN=${CHITIEU:-.build/release/chitieu}
[ -n "${CHITIEU:-}" ] || make -s build >/dev/null
python3 -c 'import pandas' 2>/dev/null || python3 -m pip install --quiet pandas
python3 Benchmarks/generate_national.py "$WORK/data"
echo "synthetic national data: $(grep -c '^  - { id:' "$WORK/data/bodies.yaml") bodies, $(cat "$WORK"/data/*/*/facts.csv | grep -vc '^indicator,') figures"
ONE="taskset -c 0"
command -v taskset >/dev/null || ONE=""

measure() { # name command...
  local name=$1; shift
  local best=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/t" $ONE "$@" >"$WORK/$name.out" 2>"$WORK/$name.log" || { cat "$WORK/$name.log"; exit 1; }
    read -r wall user sys kb < "$WORK/t"
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < ${best%% *})}"; then best="$wall $user $sys $kb"; fi
  done
  echo "$name $best" >> "$WORK/results"
}

measure "chitieu-compare-csv" "$BIN" compare --every all --year 2020 --data "$WORK/data" --format csv
measure "chitieu-compare-text" "$BIN" compare --every all --year 2020 --data "$WORK/data"
measure "pandas-groupby-rank" python3 Benchmarks/pandas_compare.py "$WORK/data" 2020 "$WORK/pandas.csv"

python3 - "$WORK/results" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
base = {r[0]: float(r[1]) for r in rows}
print("%-22s %9s %9s %9s %11s %12s" % ("program (1 core)", "wall s", "user s", "sys s", "peak MB", "vs pandas"))
for name, wall, user, sys_, kb in rows:
    print("%-22s %9.2f %9.2f %9.2f %11.1f %11.2fx" % (name, float(wall), float(user), float(sys_), int(kb) / 1024, float(wall) / base["pandas-groupby-rank"]))
print("pandas takes %.2fx the time of chitieu compare (CSV out)" % (base["pandas-groupby-rank"] / base["chitieu-compare-csv"]))
PY
