#!/usr/bin/env bash
# The writer benchmark: chitieu end to end (load, validate, evaluate, write one workbook) against a
# plain C libxlsxwriter program, Python XlsxWriter and pandas writing the same cells (read from a
# list of the cells of chitieu's own workbook: same sheets, strings, formulas, formats), all measured
# in this run on a SYNTHETIC ledger (Benchmarks/generate.py): targets in YAML, outcomes in a CSV
# table beside it, as the data format has it for long series; and once more with every outcome in
# the YAML file. Prints wall time, peak memory and ratios, and checks with compare_cells.py that
# the C and Python baselines wrote the very cells chitieu wrote. Not a test: run it with
# `make bench` (the default ORGS=1000 gives issue 20's 50.000 outcomes; ORGS=4000 gives 200.000).
set -euo pipefail
cd "$(dirname "$0")/.."
ORGS=${ORGS:-1000}
INDICATORS=${INDICATORS:-10}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/chitieu-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# CHITIEU=path/to/chitieu measures a binary already built (another scratch path); otherwise make builds it.
BIN=${CHITIEU:-.build/release/chitieu}
[ -n "${CHITIEU:-}" ] || make -s build >/dev/null
cc -O2 Benchmarks/c_writer.c -o "$WORK/c_writer" $(pkg-config --cflags --libs xlsxwriter)
python3 -c 'import xlsxwriter, pandas' 2>/dev/null || python3 -m pip install --quiet xlsxwriter pandas
python3 Benchmarks/generate.py "$WORK/data" "$ORGS" "$INDICATORS" csv
python3 Benchmarks/generate.py "$WORK/yaml" "$ORGS" "$INDICATORS" yaml
rows=$((ORGS * INDICATORS * 5))
echo "synthetic ledger: $ORGS organisations x $INDICATORS indicators x 5 years = $rows outcomes"
echo "  $(du -h "$WORK/data/synthetic.yaml" | cut -f1) of YAML targets + $(du -h "$WORK/data/synthetic-outcomes.csv" | cut -f1) of CSV outcomes, or $(du -h "$WORK/yaml/synthetic.yaml" | cut -f1) all in YAML"

measure() { # name command...
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/$name.time" "$@" >/dev/null 2>"$WORK/$name.log" || { cat "$WORK/$name.log"; exit 1; }
  read -r secs kb user sys < "$WORK/$name.time"
  printf '%s %s %s %s\n' "$name" "$secs" "$kb" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" >> "$WORK/results"
}

measure "chitieu-check" "$BIN" check --as-of 2026 "$WORK/data/synthetic.yaml"
measure "chitieu-report-xlsx" "$BIN" report --format xlsx --as-of 2026 "$WORK/data/synthetic.yaml" -o "$WORK/chitieu.xlsx"
measure "chitieu-all-yaml" "$BIN" report --format xlsx --as-of 2026 "$WORK/yaml/synthetic.yaml" -o "$WORK/chitieu-yaml.xlsx"
# BEFORE=path/to/an/older/chitieu measures it too, in this run, for a before/after pair.
if [ -n "${BEFORE:-}" ]; then
  measure "before-check" "$BEFORE" check --as-of 2026 "$WORK/data/synthetic.yaml"
  measure "before-report-xlsx" "$BEFORE" report --format xlsx --as-of 2026 "$WORK/data/synthetic.yaml" -o "$WORK/before.xlsx"
fi
# The baselines write the workbook chitieu just wrote, from a list of its cells (workbook_dump.py,
# not timed); each is run once more reading the list only (--dry), and that time is taken out.
python3 Benchmarks/workbook_dump.py "$WORK/chitieu.xlsx" "$WORK/cells.txt"
measure "c-libxlsxwriter" "$WORK/c_writer" "$WORK/c.xlsx" "$WORK/cells.txt"
measure "c-libxlsxwriter-dry" "$WORK/c_writer" "$WORK/c.xlsx" "$WORK/cells.txt" --dry
measure "python-xlsxwriter" env PYTHONPATH=Benchmarks python3 Benchmarks/xlsxwriter_writer.py "$WORK/py.xlsx" "$WORK/cells.txt"
measure "python-xlsxwriter-dry" env PYTHONPATH=Benchmarks python3 Benchmarks/xlsxwriter_writer.py "$WORK/py.xlsx" "$WORK/cells.txt" --dry
measure "pandas" env PYTHONPATH=Benchmarks python3 Benchmarks/pandas_writer.py "$WORK/pd.xlsx" "$WORK/cells.txt"
measure "pandas-dry" env PYTHONPATH=Benchmarks python3 Benchmarks/pandas_writer.py "$WORK/pd.xlsx" "$WORK/cells.txt" --dry

python3 - "$WORK/results" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
# Wall seconds and CPU seconds (user + system: steadier when other work shares the machine).
wall = {n: float(s) for n, s, _, _ in rows}
cpu = {n: float(c) for n, _, _, c in rows}
# A baseline's own time: its run less the run that only reads the list.
def net(t, n):
    return t[n] - t[n + "-dry"] if n + "-dry" in t else t[n]
print("%-22s %9s %9s %9s %11s %12s" % ("program", "seconds", "CPU s", "peak MB", "vs C (wall)", "vs C (CPU)"))
for n, s, kb, _ in rows:
    if n.endswith("-dry"):
        continue
    note = " (less %.2f s reading the list)" % wall[n + "-dry"] if n + "-dry" in wall else ""
    print("%-22s %9.2f %9.2f %9.1f %10.2fx %11.2fx%s" % (n, net(wall, n), net(cpu, n), int(kb) / 1024,
          net(wall, n) / net(wall, "c-libxlsxwriter"), net(cpu, n) / net(cpu, "c-libxlsxwriter"), note))
for t, what in ((wall, "wall"), (cpu, "CPU")):
    ours = t["chitieu-report-xlsx"]
    vs_c, vs_py = ours / net(t, "c-libxlsxwriter"), net(t, "python-xlsxwriter") / ours
    print("%s time: chitieu end to end is %.2fx the plain C writer; Python XlsxWriter is %.2fx and pandas %.2fx slower than chitieu"
          % (what, vs_c, vs_py, net(t, "pandas") / ours))
    # Issue 20's aims: within 1,5x of the C writer, at least 10x faster than Python XlsxWriter.
    print("  aims (%s): within 1.5x of C %s; 10x faster than Python XlsxWriter %s"
          % (what, "met" if vs_c <= 1.5 else "NOT met", "met" if vs_py >= 10 else "NOT met"))
PY
if [ -n "${BEFORE:-}" ]; then
  cmp -s "$WORK/before.xlsx" "$WORK/chitieu.xlsx" && echo "before and after wrote the same bytes" || echo "before and after DIFFER"
fi
echo "C baseline:      $(python3 Benchmarks/compare_cells.py "$WORK/chitieu.xlsx" "$WORK/c.xlsx" | tail -1)"
echo "Python baseline: $(python3 Benchmarks/compare_cells.py "$WORK/chitieu.xlsx" "$WORK/py.xlsx" | tail -1)"
# What each file holds, counted the same way (pandas writes the values and formulas only).
python3 Benchmarks/count_cells.py "$WORK/chitieu.xlsx" "$WORK/c.xlsx" "$WORK/py.xlsx" "$WORK/pd.xlsx"
