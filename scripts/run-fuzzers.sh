#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (preset `fuzz`) and runs each for a bounded time, seeded
# from tests/fuzz/corpus/<target>/. New inputs found go to a scratch corpus, not into the repository.
# Usage: scripts/run-fuzzers.sh [SECONDS]      A crash leaves its input in build-fuzz/artifacts/.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
targets="fuzz_frameparser fuzz_handshake fuzz_inflate"
mkdir -p build-fuzz
if ! { cmake --preset fuzz && cmake --build --preset fuzz -j "$(nproc)" --target $targets; } > build-fuzz/build.log 2>&1; then
    tail -n 60 build-fuzz/build.log
    echo "fuzz: build FAILED"
    exit 1
fi
mkdir -p build-fuzz/artifacts
status=0
for target in $targets; do
    scratch=$(mktemp -d)
    cp tests/fuzz/corpus/$target/* "$scratch/" 2>/dev/null
    if ASAN_OPTIONS=detect_leaks=1 build-fuzz/tests/fuzz/$target -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=70000 -artifact_prefix=build-fuzz/artifacts/ -print_final_stats=1 \
        "$scratch" > "build-fuzz/$target.log" 2>&1; then
        echo "fuzz: $target ok ($(grep -m1 -oE 'stat::number_of_executed_units: *[0-9]+' build-fuzz/$target.log | grep -oE '[0-9]+$') runs in ${seconds} s)"
    else
        echo "fuzz: $target FAILED"
        tail -n 40 "build-fuzz/$target.log"
        status=1
    fi
    rm -rf "$scratch"
done
exit $status
