#!/usr/bin/env bash
# Install, build and start Parley on its embedded default (SQLite): server and web client on
# one port (PORT, default 2567), demo scenarios ready. No database server is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
exec npm start
