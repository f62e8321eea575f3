#!/usr/bin/env bash
# The export benchmark: `chitieu export` (CSV, JSON, SQLite) of two SYNTHETIC data sets
# (Benchmarks/generate_national.py): the national one (693 bodies x 15 indicators x 10 years) and a
# grassroots-level one (GRASSROOTS=50000 organisations x 10 indicators x 5 years), against pandas
# to_csv and to_sql on the same files, measured in this run, each pinned to one core.
# Not a test: `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/chitieu-export.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# CHITIEU=path/to/chitieu measures a binary already built (another scratch path); otherwise make builds it.
BIN=${CHITIEU:-.build/release/chitieu}
[ -n "${CHITIEU:-}" ] || make -s build >/dev/null
python3 -c 'import pandas' 2>/dev/null || python3 -m pip install --quiet pandas
ONE="taskset -c 0"
command -v taskset >/dev/null || ONE=""

measure() { # set name command...
  local set=$1 name=$2; shift 2
  /usr/bin/time -f "%e %U %M" -o "$WORK/t" $ONE "$@" >/dev/null 2>"$WORK/$name.log" || { cat "$WORK/$name.log"; exit 1; }
  read -r wall user kb < "$WORK/t"
  echo "$set $name $wall $user $kb" >> "$WORK/results"
}

for set in national grassroots; do
  if [ "$set" = national ]; then python3 Benchmarks/generate_national.py "$WORK/$set" "${PROVINCES:-63}" "${DISTRICTS:-8}"
  else python3 Benchmarks/generate_national.py "$WORK/$set" 0 0 "${GRASSROOTS:-50000}"; fi
  echo "$set: $(grep -c '^  - { id:' "$WORK/$set/bodies.yaml") bodies, $(find "$WORK/$set" -name facts.csv -exec cat {} + | grep -vc '^indicator,') figures"
  for format in csv json sqlite; do
    measure "$set" "chitieu-$format" "$BIN" export "$WORK/$set" --as-of 2026 --format "$format" -o "$WORK/$set.$format"
  done
  measure "$set" "pandas-csv-and-sql" python3 Benchmarks/pandas_export.py "$WORK/$set" "$WORK/$set-pandas.csv" "$WORK/$set-pandas.sqlite"
  rm -rf "$WORK/$set" "$WORK/$set".* "$WORK/$set"-pandas.*
done

python3 - "$WORK/results" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
base = {(r[0]): float(r[2]) for r in rows if r[1] == "pandas-csv-and-sql"}
print("%-11s %-20s %9s %9s %11s %11s" % ("data", "program (1 core)", "wall s", "user s", "peak MB", "vs pandas"))
for data, name, wall, user, kb in rows:
    print("%-11s %-20s %9.2f %9.2f %11.1f %10.2fx" % (data, name, float(wall), float(user), int(kb) / 1024, float(wall) / base[data]))
user = {(r[0], r[1]): float(r[3]) for r in rows}
for data in dict.fromkeys(r[0] for r in rows):
    print("%s: SQLite export takes %.2fx the CPU time of the CSV export" % (data, user[(data, "chitieu-sqlite")] / user[(data, "chitieu-csv")]))
PY
