#!/usr/bin/env bash
# Every test: set-up, native and WebAssembly builds, the Catch2 suites natively and under
# Node.js, the CLI end to end (native and WebAssembly side by side), the questionnaire in
# headless Chromium, the desktop app under Xvfb, then sanitizers and fuzzing when present.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
bash scripts/build.sh native web

step() { printf '\n=== %s ===\n' "$*"; }

step "C++ style (.clang-format, clang-format-14)"
bash scripts/format.sh --check

step "JavaScript syntax (the web platform's libraries and the page's scripts)"
for js in src/platform/js/*.js web/*.js; do node --check "$js" && echo "ok $js"; done

step "benchmarks compile (scripts/bench.sh runs them; built here so that they never fall behind the code)"
cmake --build build/native --target engine_bench questioning_bench load_bench
# The matrices AHPy is timed on (bench/ahpy_bench.py): 200 of each size, each a full upper triangle.
build/native/engine_bench --matrices | python3 -c '
import json, sys
rows = [json.loads(line) for line in sys.stdin]
sizes = sorted({r["n"] for r in rows})
assert all(sum(r["n"] == n for r in rows) == 200 for n in sizes), "200 matrices per size"
assert all(len(r["upper"]) == r["n"] * (r["n"] - 1) // 2 and min(r["upper"]) >= 1 / 9 for r in rows)
print("engine_bench --matrices: sizes", sizes)'
python3 -c "import ast; ast.parse(open('bench/ahpy_bench.py').read())" && echo "ok bench/ahpy_bench.py"

step "unit tests, native"
ctest --test-dir build/native --output-on-failure

step "unit tests, WebAssembly under Node.js"
ctest --test-dir build/web --output-on-failure

step "command line, native and WebAssembly"
AHP_BIN="$PWD/build/native/ahp" AHP_WASM_CLI="$PWD/build/web/ahp.js" node --test tests/cli/

if [[ -x scripts/sanitize.sh ]]; then
  step "unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
  bash scripts/sanitize.sh
fi
if [[ -x scripts/fuzz.sh ]]; then
  step "fuzzing (bounded)"
  bash scripts/fuzz.sh "${FUZZ_SECONDS:-20}"
fi

step "desktop app under Xvfb, and the page in headless Chromium"
cd tests/web
AHP_BIN="$OLDPWD/build/native/ahp" node --test --test-concurrency=1
