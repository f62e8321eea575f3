#!/usr/bin/env bash
# The forms benchmark: 70 SYNTHETIC grassroots units' forms (10 targets x 5 years each, written by
# `chitieu form --for-each`, filled by openpyxl), then `chitieu import --consolidate` of all 70
# (read, checked, written into the data, added up) timed against openpyxl and python-calamine
# merely reading the same files, in one run; best of 3, wall seconds, and the ratios.
#   Benchmarks/forms.sh            (CHITIEU=path/to/chitieu to use a built binary)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/chitieu-forms.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
if [ -z "${CHITIEU:-}" ]; then make -s build >/dev/null; CHITIEU=.build/release/chitieu; fi
python3 -c 'import openpyxl, python_calamine' 2>/dev/null || python3 -m pip install --quiet openpyxl python-calamine
python3 Benchmarks/forms_generate.py "$WORK/data" 70
"$CHITIEU" form "$WORK/data/bench/khoi/2020-2025.yaml" --for-each grassroots --output-dir "$WORK/forms" 2>/dev/null
python3 Benchmarks/forms_fill.py "$WORK/forms" "$WORK/filled"
echo "forms: $(ls "$WORK/filled" | wc -l) filled by openpyxl"

best() { # name command... (prints the best wall time of 3; FRESH=1: a fresh copy of the data before each run)
  local name=$1; shift
  local b=""
  for _ in 1 2 3; do
    if [ "${FRESH:-1}" = 1 ]; then rm -rf "$WORK/run"; cp -r "$WORK/data" "$WORK/run"; fi
    local s e
    s=$(date +%s.%N)
    "$@" >"$WORK/$name.out" 2>"$WORK/$name.log" || { cat "$WORK/$name.log"; exit 1; }
    e=$(date +%s.%N)
    local t; t=$(echo "$e - $s" | bc)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
  done
  echo "$b"
}
C=$(best chitieu "$CHITIEU" import --consolidate --data "$WORK/run" "$WORK"/filled/*.xlsx)
grep -m1 "đã nhập" "$WORK/chitieu.log"
# The same forms again into the data that now holds them: read and checked, nothing written.
A=$(FRESH=0 best again "$CHITIEU" import --consolidate --data "$WORK/run" "$WORK"/filled/*.xlsx)
grep -m1 "đã nhập" "$WORK/again.log"
O=$(best openpyxl python3 Benchmarks/forms_read.py openpyxl "$WORK/filled")
cat "$WORK/openpyxl.out"
K=$(best calamine python3 Benchmarks/forms_read.py calamine "$WORK/filled")
cat "$WORK/calamine.out"
printf "chitieu import --consolidate (writes 70 files): %.3f s\n" "$C"
printf "chitieu import --consolidate again (no writes): %.3f s\n" "$A"
printf "openpyxl read:                                  %.3f s\n" "$O"
printf "python-calamine read:                           %.3f s\n" "$K"
printf "openpyxl / chitieu = %.1fx (again: %.1fx)   calamine / chitieu = %.2fx (again: %.2fx)\n" \
  "$(echo "$O / $C" | bc -l)" "$(echo "$O / $A" | bc -l)" "$(echo "$K / $C" | bc -l)" "$(echo "$K / $A" | bc -l)"
