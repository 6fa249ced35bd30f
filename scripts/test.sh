#!/usr/bin/env bash
# Install everything the tests need (Debian packages, npm packages, services), then run every
# test layer and print one summary line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
# better-sqlite3 compiles from source here and needs Node's headers.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_apt[*]}"
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

bash scripts/services.sh

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

npm run typecheck
mkdir -p test-artifacts
status=0
./node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile=test-artifacts/vitest.json || status=$?
node scripts/summary.mjs test-artifacts/vitest.json
exit $status
