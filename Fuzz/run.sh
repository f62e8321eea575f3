#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer harnesses (Swift's -sanitize=fuzzer,address) and runs each for
# FUZZ_TIME seconds (default 60), seeded with the built-in data and the seeds' text. A crash, hang
# or sanitizer report stops the run and leaves its input in Fuzz/findings/; keep it as a test.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no  # the Swift crash handler hangs under the sanitizers; libFuzzer reports instead
TIME=${1:-${FUZZ_TIME:-60}}
OUT=.build-fuzz
rm -rf "$OUT/src" && mkdir -p "$OUT/src" "$OUT/corpus-core" "$OUT/corpus-csv" Fuzz/findings

# One module per harness: the sources it needs, without the imports of their own modules.
cp $(find Sources/ChiTieuCore -name '*.swift') "$OUT/src/"
sed -i '/^import ChiTieuCore$/d' "$OUT/src/"*.swift
build() { # name harness extra-sources...
  local name=$1 harness=$2; shift 2
  local extra=()
  for f in "$@"; do cp "$f" "$OUT/src/"; sed -i '/^import ChiTieuCore$/d' "$OUT/src/$(basename "$f")"; extra+=("$OUT/src/$(basename "$f")"); done
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name "Fuzz$name" \
    $(find "$OUT/src" -maxdepth 1 -name '*.swift' ! -name 'CSVReader.swift' ! -name 'TextFile.swift') "${extra[@]}" "$harness" \
    -o "$OUT/fuzz-$name" 2> >(grep -v 'Cannot export local symbol' >&2)
}
build core Fuzz/core.swift
build csv Fuzz/csv.swift Sources/ChiTieuLoad/CSVReader.swift Sources/ChiTieuLoad/TextFile.swift

# The YAML loader: Yams' Swift sources, ChiTieuCore's and ChiTieuLoad's in one module named Yams
# (so `Yams.compose` still resolves), libyaml's C sources compiled with the fuzzer's coverage.
swift package resolve >/dev/null
Y=.build/checkouts/Yams/Sources
rm -rf "$OUT/yaml-src" "$OUT/yaml-obj" && mkdir -p "$OUT/yaml-src" "$OUT/yaml-obj" "$OUT/corpus-yaml"
for f in "$Y"/CYaml/src/*.c; do clang -O1 -fsanitize=fuzzer-no-link,address -I "$Y/CYaml/include" -c "$f" -o "$OUT/yaml-obj/$(basename "$f" .c).o"; done
cp "$Y"/Yams/*.swift Sources/ChiTieuLoad/*.swift $(find Sources/ChiTieuCore -name '*.swift') "$OUT/yaml-src/"
sed -i '/^import ChiTieuCore$/d; /^import Yams$/d' "$OUT/yaml-src/"*.swift
swiftc -O -sanitize=fuzzer,address -parse-as-library -D SWIFT_PACKAGE -module-name Yams -I "$Y/CYaml/include" \
  "$OUT/yaml-src/"*.swift Fuzz/yaml.swift "$OUT/yaml-obj/"*.o -o "$OUT/fuzz-yaml" 2> >(grep -v 'Cannot export local symbol' >&2)
find Targets -name '*.yaml' | while read -r f; do cp "$f" "$OUT/corpus-yaml/$(echo "$f" | tr / _)"; done
# The paths mode of fuzz-yaml (byte 1, then path arguments split at NUL): the shapes that once trapped.
i=0; for p in T . .. / '' x.yaml T/ ./x.yaml ../.. //; do i=$((i + 1)); printf '\001%s' "$p" > "$OUT/corpus-yaml/paths-$i"; done
printf '\001x.yaml\000.\000/dev/null' > "$OUT/corpus-yaml/paths-many"

# Seeds: every line of the source texts and every quoted value of the data; the outcome tables.
if [ -d ../shared/seeds ]; then
  i=0; while IFS= read -r line; do i=$((i + 1)); printf '%s' "$line" > "$OUT/corpus-core/seed-$i"; done < <(cat ../shared/seeds/*.txt)
fi
grep -ho '"[^"]*"' Targets/*.yaml Targets/*/*/*.yaml | tr -d '"' | sort -u | head -2000 | { i=0; while IFS= read -r v; do i=$((i + 1)); printf '%s' "$v" > "$OUT/corpus-core/data-$i"; done; }
find Tests -name '*.csv' -exec cp {} "$OUT/corpus-csv/" \; 2>/dev/null || true
printf 'target,period,value,source,quote\r\nket-nap,2016,"1.235",s,"q ""x"""\r\n' > "$OUT/corpus-csv/basic.csv"
printf 'indicator;period;value;source;quote\nket-nap-dang-vien;2016;7.5000;s;q\n' > "$OUT/corpus-csv/semicolons.csv"

for name in core csv yaml; do
  echo "== fuzz-$name for ${TIME}s"
  "$OUT/fuzz-$name" "$OUT/corpus-$name" -max_total_time="$TIME" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=Fuzz/findings/"$name"- -print_final_stats=1 2>&1 | grep -E 'stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Done' || true
done
ls Fuzz/findings | grep -v '^.gitkeep$' && { echo "fuzz: findings in Fuzz/findings"; exit 1; } || echo "fuzz: no findings"
