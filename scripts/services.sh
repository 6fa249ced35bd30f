#!/usr/bin/env bash
# Start the local services the tests use (idempotent): Redis and PostgreSQL on loopback, with a
# role and database for Parley's tests. apt never starts services on these machines.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1 && ! redis-cli -p 6379 ping >/dev/null 2>&1; then
  redis-server --port 6379 --bind 127.0.0.1 --save "" --appendonly no --daemonize yes >/dev/null
  for _ in $(seq 1 50); do redis-cli -p 6379 ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

if command -v pg_ctlcluster >/dev/null 2>&1; then
  if ! pg_isready -h 127.0.0.1 -q 2>/dev/null; then
    service postgresql start >/dev/null 2>&1 || true
    for _ in $(seq 1 100); do pg_isready -h 127.0.0.1 -q 2>/dev/null && break; sleep 0.1; done
  fi
  psql_su() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"; }
  if [ "$(psql_su -c "SELECT 1 FROM pg_roles WHERE rolname='parley'")" != "1" ]; then
    psql_su -c "CREATE ROLE parley LOGIN PASSWORD 'parley' CREATEDB"
  fi
  if [ "$(psql_su -c "SELECT 1 FROM pg_database WHERE datname='parley_test'")" != "1" ]; then
    psql_su -c "CREATE DATABASE parley_test OWNER parley"
  fi
fi
