#!/usr/bin/env bash
# Runs the libFuzzer targets for a bounded time each.
#   Scripts/fuzz.sh            # 30 s per target (what `make test` runs in CI)
#   Scripts/fuzz.sh 1800       # the long run documented in docs/performance.md
# Crashes are written to build/fuzz/<target>/crash-*; copy each into Tests/FuzzRegressions/<target>/
# and the regression test replays it on every `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld --product fuzz-wire
swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld --product fuzz-query
for target in wire query; do
  work=build/fuzz/$target
  mkdir -p "$work/corpus"
  cp -n Fuzz/${target^}/Corpus/* "$work/corpus/" 2>/dev/null || true
  echo "fuzz-$target: ${seconds}s"
  ASAN_OPTIONS=detect_leaks=0 .build-fuzz/debug/fuzz-$target -max_total_time="$seconds" -max_len=4096 \
    -artifact_prefix="$work/" -print_final_stats=1 "$work/corpus" 2>&1 | grep -E "^(#[0-9]+ *DONE|stat::number_of_executed_units|Done|==[0-9]+==ERROR)" || true
  if ls "$work"/crash-* "$work"/timeout-* "$work"/oom-* >/dev/null 2>&1; then
    echo "fuzz-$target found a failing input:" "$work"/crash-* "$work"/timeout-* "$work"/oom-* 2>/dev/null
    exit 1
  fi
done
echo "fuzz: no crashes"
