#!/usr/bin/env bash
# Fuzzes the document reader and the plan parser with libFuzzer for a time budget, starting from our fixtures,
# the seed plans and the corpus (when ../shared is beside the clone), each also as a Word and an Excel file.
#
#   scripts/fuzz.sh [SECONDS]      default 120; CI runs the default, a longer run is e.g. scripts/fuzz.sh 3600
#
# DUBAN_FUZZ_SEED fixes libFuzzer's random seed, so that a run can be repeated exactly; CI sets one. Without it
# every run starts from a new seed and explores differently.
#
# An input that crashes the reader, or breaks one of the promises ReaderExercise checks, is saved under
# .build-fuzz/findings/ and the script fails naming it. Replay it with `swift run duban-fuzz replay FILE`, fix the
# cause, and keep the input as a regression fixture in Tests/DubanCoreTests/Fixtures/Fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-120}
scratch=.build-fuzz
fail() { echo "FUZZ FAILED: $*" >&2; exit 1; }

# The ordinary build's tool writes the starting corpus. The instrumented build has its own scratch folder, as every
# module in it is compiled differently; it is optimised (three times the inputs a second of a debug build) and links
# with lld, as gold fails on the sanitizer's runtime.
swift build --product duban-fuzz >/dev/null || fail "the duban-fuzz tool did not build"
mkdir -p "$scratch"
swift build -c release --scratch-path "$scratch" --product duban-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DDUBAN_FUZZ -Xswiftc -use-ld=lld >"$scratch/build.log" 2>&1 \
  || { tail -40 "$scratch/build.log"; fail "the fuzz target did not build with -sanitize=fuzzer"; }

corpus=$scratch/corpus
findings=$scratch/findings
mkdir -p "$corpus" "$findings"
sources=(Tests/DubanCoreTests/Fixtures)
for shared in ../shared/seeds ../shared/corpus; do [ -d "$shared" ] && sources+=("$shared"); done
.build/debug/duban-fuzz seeds "$corpus" "${sources[@]}"
cp Tests/DubanCoreTests/Fixtures/Fuzz/* "$corpus"/ 2>/dev/null || true

echo "fuzzing the reader and parser for $seconds s"
# Leaks are not checked: Foundation's XML parser keeps each parse error's message (72 bytes), which is not ours.
status=0
ASAN_OPTIONS=detect_leaks=0 "$scratch"/release/duban-fuzz "$corpus" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
  -max_len=32768 -detect_leaks=0 -seed="${DUBAN_FUZZ_SEED:-0}" -artifact_prefix="$findings/" -print_final_stats=1 2>"$scratch/fuzz.log" || status=$?
grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)|cov:" "$scratch/fuzz.log" | tail -4 || true
if [ "$status" -ne 0 ]; then
  grep -E "ERROR|broken|Fatal|Test unit written" "$scratch/fuzz.log" | head -20 || true
  fail "libFuzzer found an input the reader does not survive (above); saved under $findings/"
fi
echo "no crash in $seconds s"
