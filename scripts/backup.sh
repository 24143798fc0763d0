#!/usr/bin/env bash
# Back up the portal: the PostgreSQL database (pg_dump, custom format) and every stored file with its
# checksum, into one folder. Usage: scripts/backup.sh TARGET_FOLDER   (DATABASE_URL and storage settings
# as for the portal itself).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/backup.sh TARGET_FOLDER}
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database}"
PYTHON=${PYTHON:-.venv/bin/python}
mkdir -p "$target"
pg_dump --format=custom --no-owner --no-privileges --file "$target/database.dump" "$DATABASE_URL"
"$PYTHON" manage.py backup_files "$target/files"
echo "Backup written to $target"
