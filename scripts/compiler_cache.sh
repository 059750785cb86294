# Sourced by the build scripts: compile through ccache when it is installed (scripts/setup.sh
# installs it), so CI runs and rebuilds on the same machine reuse unchanged objects. Sets
# CCACHE_FLAGS (CMake launcher options) and EM_COMPILER_WRAPPER (emcc's own hook).
CCACHE_FLAGS=()
if command -v ccache >/dev/null; then
  CCACHE_FLAGS=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export EM_COMPILER_WRAPPER=ccache
  # Paths below the checkout are hashed relative to it: a fresh clone elsewhere still hits.
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
fi
