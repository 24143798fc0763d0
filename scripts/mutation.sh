#!/usr/bin/env bash
# Mutation testing of one module with mutmut, against only the tests that exercise it.
#
#   scripts/mutation.sh core/access.py            # run, then print the score and the survivors
#   MUTATION_JOBS=2 scripts/mutation.sh core/security.py
#   MUTATION_TESTS="tests/documents" scripts/mutation.sh documents/files.py
#   scripts/mutation.sh core/security.py 'core.security.x_client_ip__mutmut_*'   # only these mutants
#
# The project is copied to a scratch folder (MUTATION_DIR, default /tmp/mutation-<checkout>_<module>), so the
# checkout stays clean and two modules can be tested side by side. The database is chosen as the
# test settings choose it (DATABASE_URL, else PostgreSQL on 127.0.0.1:5432 when it answers, else
# SQLite), under a name of its own per module; the test database is created once and reused
# (--reuse-db), so each mutant pays for its tests only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
module=${1:?usage: scripts/mutation.sh path/to/module.py [mutant name patterns]}
shift
[ -f "$module" ] || { echo "no such module: $module" >&2; exit 2; }
# The checkout's folder name keeps runs from two checkouts apart (work folder and database).
slug=$(basename "$ROOT" | tr -c 'a-zA-Z0-9\n' '_')_$(echo "${module%.py}" | tr '/' '_')

# The test directories and files that exercise each security-critical module.
case "$module" in
  core/access.py)
    default_tests="tests/security/test_mutants_access.py tests/security/test_access_matrix.py
      tests/security/test_access_rules.py tests/accounts/test_restricted_downloads.py
      tests/documents/test_downloads.py tests/documents/test_meeting_zip.py" ;;
  search/ranking.py|documents/ranking.py)
    default_tests="tests/security/test_mutants_ranking.py tests/search/test_public_ranking.py
      tests/search/test_search_page.py" ;;
  documents/downloads.py)
    default_tests="tests/documents/test_byte_ranges.py tests/documents/test_zip_stream.py
      tests/documents/test_downloads.py tests/documents/test_meeting_zip.py" ;;
  core/security.py)
    default_tests="tests/security/test_mutants_security.py tests/security/test_rate_limits.py
      tests/security/test_headers.py tests/accounts/test_lockout.py" ;;
  *)
    default_tests="tests/$(dirname "$module")" ;;
esac
tests=${MUTATION_TESTS:-$default_tests}

work=${MUTATION_DIR:-/tmp/mutation-$slug}
rm -rf "$work"
mkdir -p "$work"
# The tracked files plus new, not yet committed ones; never .venv, node_modules or media.
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work"
ln -s "$ROOT/.venv" "$work/.venv"

if [ -z "${DATABASE_URL:-}" ]; then
  if .venv/bin/python -c "import psycopg2; psycopg2.connect('postgres://postgres@127.0.0.1:5432/postgres', connect_timeout=2)" 2>/dev/null; then
    DATABASE_URL="postgres://postgres@127.0.0.1:5432/mutation_$slug"
  fi
fi
if [ -n "${DATABASE_URL:-}" ] && [[ "$DATABASE_URL" == postgres* ]]; then
  export DATABASE_URL="${DATABASE_URL%/*}/mutation_$slug"
  jobs=${MUTATION_JOBS:-1}
  echo "Database: PostgreSQL (test_mutation_$slug)"
else
  export DATABASE_URL="sqlite:///$work/db.sqlite3"
  export TEST_DATABASE_NAME="$work/test.sqlite3"
  jobs=${MUTATION_JOBS:-1}
  echo "Database: SQLite ($TEST_DATABASE_NAME)"
fi
export DEBUG=1

# Every first-party package is copied into mutants/; only the module is mutated.
packages=$(for init in */__init__.py; do printf '"%s", ' "$(dirname "$init")"; done)
selection=$(for t in $tests; do printf '"%s", ' "$t"; done)
cat >> "$work/pyproject.toml" <<TOML

[tool.mutmut]
source_paths = [${packages%, }]
only_mutate = ["$module"]
also_copy = ["templates", "static", "locale", "manage.py", "conftest.py"]
pytest_add_cli_args = ["-p", "no:cacheprovider", "--reuse-db", "-x", "-q", "-m", "not browser"]
pytest_add_cli_args_test_selection = [${selection%, }]
process_isolation = "forkserver"
TOML

cd "$work"
echo "Mutating $module against: $(echo $tests)"
# mutmut redraws a spinner with carriage returns; the log keeps only the finished lines.
status=0
.venv/bin/mutmut run --max-children "$jobs" "$@" 2>&1 | tr '\r' '\n' | grep --line-buffered -v '^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]' >"$work/run.log" || status=$?
[ "$status" = 0 ] || { tail -40 "$work/run.log"; exit 1; }
.venv/bin/python - "$module" <<'PY'
import json
import sys
from pathlib import Path

from mutmut.stats import status_by_exit_code

module = sys.argv[1]
codes = json.loads(Path("mutants", module + ".meta").read_text())["exit_code_by_key"]
status = {name: status_by_exit_code[code] for name, code in codes.items()}
killed = [name for name, s in status.items() if s in ("killed", "timeout", "segfault", "caught by type check")]
counted = [name for name, s in status.items() if s not in ("skipped", "not checked")]
print(f"{module}: {len(killed)} of {len(counted)} mutants killed = {100 * len(killed) / max(len(counted), 1):.0f} %")
if len(counted) < len(status):
    print(f"  ({len(status) - len(counted)} not checked or skipped)")
for name in sorted(set(counted) - set(killed)):
    print(f"  {status[name]}: {name}")
PY
echo "Show one: (cd $work && .venv/bin/mutmut show NAME)"
