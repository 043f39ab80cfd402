#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors and runs the whole test suite:
#   1. the normal build (GUI, CLI, engine) and the widget tests (and the engine's tests too when stage 2 is
#      left out);
#   2. an AddressSanitizer + UndefinedBehaviorSanitizer build of the engine, frameline-cli and the engine's
#      tests, which run there (compiling them once keeps CI well inside its time);
#   3. each libFuzzer target for a bounded time (FRAMELINE_FUZZ_SECONDS, default 20).
# FRAMELINE_SKIP_ASAN=1 or FRAMELINE_SKIP_FUZZ=1 leave out a stage for a quicker local run.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test || exit 1

export QT_QPA_PLATFORM=offscreen
jobs=$(nproc)
passed=0
failed=0
logdir=$(mktemp -d)

# Adds the counts from a ctest log ("100% tests passed, 0 tests failed out of 12").
count_ctest() {
    local line total bad
    line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$1" | tail -n 1)
    if [ -z "$line" ]; then
        failed=$((failed + 1))
        return
    fi
    bad=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
    total=$(echo "$line" | sed -E 's/.* failed out of ([0-9]+).*/\1/')
    passed=$((passed + total - bad))
    failed=$((failed + bad))
}

stage() { printf '\n=== %s ===\n' "$*"; }

engine_tests=OFF
[ "${FRAMELINE_SKIP_ASAN:-0}" = 1 ] && engine_tests=ON

stage "build (warnings are errors)"
if cmake --preset ci -DFRAMELINE_ENGINE_TESTS=$engine_tests && cmake --build --preset ci -j "$jobs"; then
    stage "tests"
    ctest --preset ci -j "$jobs" 2>&1 | tee "$logdir/ctest.log"
    count_ctest "$logdir/ctest.log"
else
    echo "build failed" >&2
    failed=$((failed + 1))
fi

if [ "${FRAMELINE_SKIP_ASAN:-0}" != 1 ]; then
    stage "AddressSanitizer + UndefinedBehaviorSanitizer build"
    if cmake --preset asan && cmake --build --preset asan -j "$jobs"; then
        stage "tests under ASan + UBSan"
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
            ctest --preset asan -j "$jobs" 2>&1 | tee "$logdir/ctest-asan.log"
        count_ctest "$logdir/ctest-asan.log"
    else
        echo "ASan build failed" >&2
        failed=$((failed + 1))
    fi
fi

if [ "${FRAMELINE_SKIP_FUZZ:-0}" != 1 ]; then
    if command -v clang++ >/dev/null; then
        stage "fuzzers (${FRAMELINE_FUZZ_SECONDS:-20} s each)"
        if scripts/run-fuzzers.sh "${FRAMELINE_FUZZ_SECONDS:-20}" 2>&1 | tee "$logdir/fuzz.log"; then
            passed=$((passed + $(grep -c '^fuzz: .* ok' "$logdir/fuzz.log")))
        else
            failed=$((failed + 1))
            passed=$((passed + $(grep -c '^fuzz: .* ok' "$logdir/fuzz.log")))
        fi
    else
        echo "clang++ not found: fuzzers not run" >&2
    fi
fi

rm -rf "$logdir"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
