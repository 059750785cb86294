#!/usr/bin/env bash
# Installs everything the build and the tests need, from Debian (and npm for the browser-test
# driver), and unpacks the Debian source packages we compile ourselves into third_party/ (ignored).
# Idempotent: a second run finds everything in place and does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config dpkg-dev
  emscripten node-acorn binaryen
  libeigen3-dev nlohmann-json3-dev catch2
  libglfw3-dev libgl-dev libfribidi-dev libqrcodegen-dev
  fonts-noto-core python3-fonttools brotli zopfli uglifyjs
  chromium xvfb xauth imagemagick xdotool python3
  clang-14 libclang-rt-14-dev
  ccache clang-format-14
)
# Pinned Debian source packages: name=version and the sha256 of the .dsc we expect.
IMGUI_VERSION="1.86+ds-1"
FRIBIDI_VERSION="1.0.8-2.1"

log() { printf '[setup] %s\n' "$*"; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

need_src=0
[[ -f third_party/imgui/imgui.cpp && -f third_party/fribidi/lib/fribidi.c ]] || need_src=1

if ((${#missing[@]})) || ((need_src)); then
  [[ $(id -u) -eq 0 ]] || { echo "setup: run as root to install: ${missing[*]}" >&2; exit 1; }
  # deb-src entries so that `apt-get source` can fetch Debian's imgui and fribidi.
  if ! grep -rqs '^Types: deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    log "adding deb-src entries"
    cat > /etc/apt/sources.list.d/ahp-deb-src.sources <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  log "apt-get update"
  apt-get update -qq >/dev/null
fi

if ((${#missing[@]})); then
  log "installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

fetch_source() { # name version dest-dir marker-file
  local name=$1 version=$2 dest=$3 marker=$4
  [[ -f "$dest/$marker" ]] && return 0
  log "unpacking Debian source $name=$version into $dest"
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -qq --download-only "$name=$version" >/dev/null)
  # `dpkg-source -x` verifies the checksums that the signed .dsc lists.
  (cd "$tmp" && dpkg-source -q -x ./*.dsc src >/dev/null)
  rm -rf "$dest"; mkdir -p "$(dirname "$dest")"; mv "$tmp/src" "$dest"; rm -rf "$tmp"
  [[ -f "$dest/$marker" ]] || { echo "setup: $name source has no $marker" >&2; exit 1; }
}
fetch_source imgui "$IMGUI_VERSION" third_party/imgui imgui.cpp
fetch_source fribidi "$FRIBIDI_VERSION" third_party/fribidi lib/fribidi.c

# Browser-test driver from npm (no browser download: we use Debian's chromium).
if [[ ! -d tests/web/node_modules/playwright-core ]]; then
  log "npm install (tests/web)"
  (cd tests/web && npm install --no-audit --no-fund --silent >/dev/null)
fi
log "ready"
