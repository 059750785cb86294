#!/usr/bin/env bash
# Builds the given presets (default: native and web) after making sure set-up is done.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten needs Debian's node-acorn
source scripts/compiler_cache.sh
presets=("$@")
((${#presets[@]})) || presets=(native web)
for preset in "${presets[@]}"; do
  echo "[build] $preset"
  cmake --preset "$preset" "${CCACHE_FLAGS[@]}" >/dev/null
  cmake --build --preset "$preset" -j2
done
