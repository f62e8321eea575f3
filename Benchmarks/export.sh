#!/usr/bin/env bash
# The export benchmark: `chitieu export` (CSV, JSON, SQLite) of the SYNTHETIC national data set
# (Benchmarks/generate_national.py: 693 bodies x 15 indicators x 10 years) against pandas to_csv and
# to_sql on the same files, measured in this run, each pinned to one core. Not a test: `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/chitieu-export.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
make -s build >/dev/null
python3 -c 'import pandas' 2>/dev/null || python3 -m pip install --quiet pandas
python3 Benchmarks/generate_national.py "$WORK/data" "${PROVINCES:-63}" "${DISTRICTS:-8}"
echo "synthetic national data: $(grep -c '^  - { id:' "$WORK/data/bodies.yaml") bodies, $(cat "$WORK"/data/*/*/facts.csv | grep -vc '^indicator,') figures"
ONE="taskset -c 0"
command -v taskset >/dev/null || ONE=""

measure() { # name command...
  local name=$1; shift
  /usr/bin/time -f "%e %U %M" -o "$WORK/t" $ONE "$@" >/dev/null 2>"$WORK/$name.log" || { cat "$WORK/$name.log"; exit 1; }
  read -r wall user kb < "$WORK/t"
  echo "$name $wall $user $kb" >> "$WORK/results"
}

measure "chitieu-export-csv" .build/release/chitieu export "$WORK/data" --as-of 2026 --format csv -o "$WORK/feed.csv"
measure "chitieu-export-json" .build/release/chitieu export "$WORK/data" --as-of 2026 --format json -o "$WORK/feed.json"
measure "chitieu-export-sqlite" .build/release/chitieu export "$WORK/data" --as-of 2026 --format sqlite -o "$WORK/feed.sqlite"
measure "pandas-csv-and-sql" python3 Benchmarks/pandas_export.py "$WORK/data" "$WORK/pandas.csv" "$WORK/pandas.sqlite"
echo "rows: chitieu CSV $(($(wc -l < "$WORK/feed.csv") - 1)), pandas CSV $(($(wc -l < "$WORK/pandas.csv") - 1))"

python3 - "$WORK/results" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
base = {r[0]: float(r[1]) for r in rows}
print("%-24s %9s %9s %11s %11s" % ("program (1 core)", "wall s", "user s", "peak MB", "vs pandas"))
for name, wall, user, kb in rows:
    print("%-24s %9.2f %9.2f %11.1f %10.2fx" % (name, float(wall), float(user), int(kb) / 1024, float(wall) / base["pandas-csv-and-sql"]))
PY
