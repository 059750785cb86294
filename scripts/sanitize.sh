#!/usr/bin/env bash
# Builds the engine, model, text and CLI and every Catch2 test binary (engine_tests,
# model_tests, text_tests, catalogue_tests) with AddressSanitizer + UndefinedBehaviorSanitizer
# (gcc, -DAHP_SANITIZE=ON: -fsanitize=address,undefined -fno-omit-frame-pointer
# -fno-sanitize-recover=all) in build/sanitize, runs them with ctest, then runs the CLI's
# end-to-end tests (tests/cli) against the sanitized `ahp`. Exits non-zero on any finding:
# a sanitizer report aborts the process, which fails its test.
#
#   scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=build/sanitize
source scripts/compiler_cache.sh

echo "[sanitize] configuring $BUILD"
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAHP_SANITIZE=ON "${CCACHE_FLAGS[@]}" \
  >"$BUILD.configure.log" 2>&1 || { cat "$BUILD.configure.log" >&2; exit 2; }
echo "[sanitize] building (ASan + UBSan)"
cmake --build "$BUILD" -j2 >"$BUILD.build.log" 2>&1 || { tail -40 "$BUILD.build.log" >&2; exit 2; }

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

echo "[sanitize] unit tests"
ctest --test-dir "$BUILD" --output-on-failure -j2

if command -v node >/dev/null && [[ -x "$BUILD/ahp" ]]; then
  echo "[sanitize] command line end to end (sanitized ahp)"
  AHP_BIN="$PWD/$BUILD/ahp" node --test tests/cli/
fi
echo "[sanitize] no findings"
