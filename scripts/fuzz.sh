#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build/fuzz, -DAHP_FUZZ=ON, ASan + UBSan) and runs each
# for a bounded time on a throw-away copy of its seed corpus (tests/fuzz/corpus/<target>/ is
# never grown). Saved crashes in tests/fuzz/regressions/<target>/ are replayed first.
# A crash, leak, timeout or broken invariant is copied into tests/fuzz/regressions/<target>/
# (commit it: catalogue_tests replays it in every build) and the script fails.
#
#   scripts/fuzz.sh [seconds per target, default 20]
#
# Prints one line per target: executions, exec/s, coverage, corpus size, result. Then the
# share-link decoder (JavaScript) for the same time under Node (tests/fuzz/share_link_fuzz.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
[[ $SECONDS_EACH =~ ^[0-9]+$ && $SECONDS_EACH -gt 0 ]] || { echo "usage: scripts/fuzz.sh [seconds]" >&2; exit 2; }
BUILD=build/fuzz
source scripts/compiler_cache.sh
TARGETS=(fuzz_model fuzz_response fuzz_matrix fuzz_model_tree)
CC=${FUZZ_CC:-clang-14}
CXX=${FUZZ_CXX:-clang++-14}
command -v "$CXX" >/dev/null || { echo "fuzz: $CXX not found (scripts/setup.sh installs clang-14)" >&2; exit 2; }

echo "[fuzz] building ${TARGETS[*]} in $BUILD"
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER="$CC" \
  -DCMAKE_CXX_COMPILER="$CXX" -DAHP_FUZZ=ON "${CCACHE_FLAGS[@]}" >"$BUILD.configure.log" 2>&1 ||
  { cat "$BUILD.configure.log" >&2; exit 2; }
cmake --build "$BUILD" -j2 --target "${TARGETS[@]}" >"$BUILD.build.log" 2>&1 ||
  { tail -40 "$BUILD.build.log" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
summary=()
for target in "${TARGETS[@]}"; do
  regressions=tests/fuzz/regressions/$target
  mkdir -p "$regressions" "$work/$target/artifacts"
  cp -r "tests/fuzz/corpus/$target" "$work/$target/corpus"
  log=$work/$target/log

  # 1. Every saved crash must now pass.
  mapfile -t saved < <(find "$regressions" -type f ! -name '.gitkeep' | sort)
  if ((${#saved[@]})); then
    if ! "$BUILD/$target" -runs=1 "${saved[@]}" >"$log.replay" 2>&1; then
      echo "[fuzz] $target: a saved regression input still fails:" >&2
      tail -30 "$log.replay" >&2
      status=1
      summary+=("$(printf '%-14s %12s %10s %8s %8s  %s' "$target" - - - - "REGRESSION FAILS")")
      continue
    fi
  fi

  # 2. Fuzz for a bounded time. -max_len 8192 covers the largest seeds (a full response).
  echo "[fuzz] $target: ${SECONDS_EACH}s"
  rc=0
  "$BUILD/$target" "$work/$target/corpus" -max_total_time="$SECONDS_EACH" -max_len=8192 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/$target/artifacts/" >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  corpus=$(find "$work/$target/corpus" -type f | wc -l)
  mapfile -t found < <(find "$work/$target/artifacts" -type f | sort)
  if ((rc != 0)) || ((${#found[@]})); then
    status=1
    for f in "${found[@]}"; do cp "$f" "$regressions/"; echo "[fuzz] $target: saved $regressions/$(basename "$f")" >&2; done
    grep -E 'ERROR|SUMMARY|runtime error|deadly signal|==[0-9]+==' "$log" | head -20 >&2 || true
    result="FAILED (exit $rc, ${#found[@]} input(s) saved)"
  else
    result="ok"
  fi
  summary+=("$(printf '%-14s %12s %10s %8s %8s  %s' "$target" "${execs:-?}" "${speed:-?}" "${cov:-?}" "$corpus" "$result")")
done

# The share-link decoder is JavaScript (web/share-link.js, inlined into the page): fuzzed under
# Node for the same time; its saved failures are in tests/fuzz/share_link/regressions/.
echo "[fuzz] share_link (web/share-link.js, Node): ${SECONDS_EACH}s"
if line=$(node tests/fuzz/share_link_fuzz.mjs "$SECONDS_EACH"); then
  summary+=("$(printf '%-14s %s' share_link "$line")")
else
  status=1
  summary+=("$(printf '%-14s %s' share_link "${line:-FAILED (see above)}")")
fi

# The Catch2 replay (tests/catalogue/) reads this list: every seed and every saved crash.
find tests/fuzz/corpus tests/fuzz/regressions -type f ! -name '.gitkeep' | LC_ALL=C sort >tests/fuzz/MANIFEST

echo
printf '%-14s %12s %10s %8s %8s  %s\n' target execs exec/s cov corpus result
printf '%s\n' "${summary[@]}"
exit $status
