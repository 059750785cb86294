#!/usr/bin/env bash
# Sets up (first run), builds the web app and serves build/site (the folder to upload to a
# static host) on http://127.0.0.1:8080, as a host does: precompressed .br/.gz copies sent to
# browsers that accept them, application/wasm, ETag revalidation (scripts/static_server.py).
# PORT=9000 scripts/serve.sh to use another port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh web
port=${PORT:-8080}
echo
echo "  AHP survey: http://127.0.0.1:${port}/"
echo "  (offline single file: build/web/ahp-survey.html, if built)"
echo
exec python3 scripts/static_server.py build/site --port "$port" --bind 127.0.0.1
