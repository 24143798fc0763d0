#!/usr/bin/env bash
# Every check and test. Uses DATABASE_URL when set; otherwise PostgreSQL on
# 127.0.0.1:5432 when it answers, else SQLite (and says so). With
# REQUIRE_POSTGRES=1 (CI), a missing PostgreSQL is an error.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

if [ -z "${DATABASE_URL:-}" ]; then
  candidate="postgres://postgres@127.0.0.1:5432/postgres"
  if $BIN/python -c "import psycopg2,sys; psycopg2.connect('$candidate', connect_timeout=3)" 2>/dev/null; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/almaty_portal"
  elif [ "${REQUIRE_POSTGRES:-0}" = "1" ]; then
    echo "PostgreSQL is required but does not answer on 127.0.0.1:5432" >&2
    exit 1
  else
    echo "PostgreSQL does not answer on 127.0.0.1:5432: running the tests on SQLite instead."
  fi
fi
echo "Database: ${DATABASE_URL:-sqlite (db in memory)}"

$BIN/ruff check .
$BIN/ruff format --check .
$BIN/lint-imports --no-cache
$BIN/python manage.py makemigrations --check --dry-run
# One test process per core (at most 4), each with its own test database (test_<name>_gw0, …);
# PYTEST_WORKERS=0 runs them in this process.
$BIN/python -m pytest --numprocesses "${PYTEST_WORKERS:-auto}" --maxprocesses 4 "$@"
