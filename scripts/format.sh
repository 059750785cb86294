#!/usr/bin/env bash
# The C++ style (.clang-format, clang-format-14): rewrites every source file in place, or with
# --check lists the files that differ and fails (scripts/test.sh runs the check).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp')
if [[ ${1:-} == --check ]]; then
  clang-format-14 --dry-run --Werror "${files[@]}"
  echo "ok: ${#files[@]} files follow .clang-format"
else
  clang-format-14 -i "${files[@]}"
fi
