#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database and storage.
# Usage: scripts/restore.sh BACKUP_FOLDER   (DATABASE_URL names the new database, which must exist)
set -euo pipefail
cd "$(dirname "$0")/.."
source=${1:?usage: scripts/restore.sh BACKUP_FOLDER}
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to restore into}"
PYTHON=${PYTHON:-.venv/bin/python}
# Files first, each checked against its checksum: a damaged backup stops before the database is touched.
"$PYTHON" manage.py restore_files "$source/files"
pg_restore --no-owner --no-privileges --exit-on-error --dbname "$DATABASE_URL" "$source/database.dump"
echo "Restored from $source"
