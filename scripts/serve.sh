#!/usr/bin/env bash
# Sets up (first run), builds the web app and serves build/web on http://127.0.0.1:8080.
# Only the build output is served. PORT=9000 scripts/serve.sh to use another port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh web
port=${PORT:-8080}
echo
echo "  AHP survey: http://127.0.0.1:${port}/"
echo "  (offline single file: build/web/ahp-survey.html, if built)"
echo
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory build/web
