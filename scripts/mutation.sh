#!/usr/bin/env bash
# Mutation testing of one module with mutmut, against only the tests that exercise it.
#
#   scripts/mutation.sh access                    # the access policy (see below); prints score and survivors
#   MUTATION_JOBS=2 scripts/mutation.sh core/security.py
#   MUTATION_TESTS="tests/documents" scripts/mutation.sh documents/files.py
#   MUTATION_ONLY="documents.models.xǁAudienceǁ*" scripts/mutation.sh documents/models.py
#
# "access" mutates the access policy where it lives: core/access.py, the doors of core/models.py
# (Publishable), the access functions of documents/models.py (Audience, Document, DocumentFile and
# their querysets) and accounts.models.delegate_state_id. Only the mutants whose names match
# MUTATION_ONLY (mutmut names, fnmatch patterns) are run and counted; the rest of those modules
# (upload checks, text extraction, history…) is left to the ordinary tests.
#
# The project is copied to a scratch folder (MUTATION_DIR, default /tmp/mutation-<module>), so the
# checkout stays clean and two modules can be tested side by side. The database is chosen as the
# test settings choose it (DATABASE_URL, else PostgreSQL on 127.0.0.1:5432 when it answers, else
# SQLite), under a name of its own per module; the test database is created once and reused
# (--reuse-db), so each mutant pays for its tests only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
target=${1:?usage: scripts/mutation.sh access | path/to/module.py}
only=${MUTATION_ONLY:-}
if [ "$target" = access ]; then
  modules="core/access.py core/models.py documents/models.py accounts/models.py"
  slug=access
  only=${only:-"core.access.* core.models.xǁPublishableQuerySetǁ* core.models.xǁPublishableǁpublic_q__*
    core.models.xǁPublishableǁvisible_q__* core.models.xǁPublishableǁis_visible_to__*
    core.models.xǁPublishableǁis_published__* documents.models.xǁAudienceǁ*
    documents.models.xǁDocumentQuerySetǁfor_detail__* documents.models.xǁDocumentǁprotection_parent__*
    documents.models.xǁDocumentǁpublic_q__* documents.models.xǁDocumentǁvisible_q__*
    documents.models.xǁDocumentǁ_parent_q__* documents.models.xǁDocumentǁshows_only_public_to__*
    documents.models.xǁDocumentǁis_visible_to__* documents.models.xǁDocumentFileQuerySetǁdownloadable_by__*
    documents.models.xǁDocumentFileQuerySetǁvisible_to__* documents.models.xǁDocumentFileQuerySetǁpublic__*
    documents.models.xǁDocumentFileQuerySetǁfor_meeting_zip__* documents.models.xǁDocumentFileǁpublic_q__*
    documents.models.xǁDocumentFileǁvisible_q__* documents.models.xǁDocumentFileǁis_visible_to__*
    documents.models.xǁDocumentFileǁrestricted_audience__* accounts.models.x_delegate_state_id__*
    accounts.models.xǁDelegateQuerySetǁfor_access__*"}
else
  modules=$target
  [ -f "$target" ] || { echo "no such module: $target" >&2; exit 2; }
  slug=$(echo "${target%.py}" | tr '/' '_')
fi
module=$target

# The test directories and files that exercise each security-critical module.
case "$module" in
  access|core/access.py|core/models.py|documents/models.py|accounts/models.py)
    default_tests="tests/security/test_access_policy.py tests/security/test_mutants_access.py
      tests/security/test_mutants_file_doors.py
      tests/security/test_access_matrix.py tests/security/test_access_rules.py
      tests/accounts/test_restricted_downloads.py tests/documents/test_downloads.py
      tests/documents/test_meeting_zip.py tests/documents/test_hidden_by_meeting.py" ;;
  documents/search.py)
    default_tests="tests/security/test_mutants_ranking.py tests/documents/test_public_search.py
      tests/search/test_search_documents.py" ;;
  documents/downloads.py)
    default_tests="tests/documents/test_byte_ranges.py tests/documents/test_zip_stream.py
      tests/documents/test_downloads.py tests/documents/test_meeting_zip.py" ;;
  core/security.py)
    default_tests="tests/security/test_mutants_security.py tests/security/test_rate_limits.py
      tests/security/test_archive_search_rate_limit.py tests/security/test_headers.py
      tests/accounts/test_lockout.py tests/deploy/test_redis.py" ;;
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
only_mutate = [$(for m in $modules; do printf '"%s", ' "$m"; done | sed 's/, $//')]
also_copy = ["templates", "static", "locale", "manage.py", "conftest.py"]
pytest_add_cli_args = ["-p", "no:cacheprovider", "--reuse-db", "-x", "-q", "-m", "not browser"]
pytest_add_cli_args_test_selection = [${selection%, }]
process_isolation = "forkserver"
TOML

cd "$work"
echo "Mutating $(echo $modules)${only:+ (only $(echo $only | wc -w) name patterns)} against: $(echo $tests)"
started=$(date +%s)
# mutmut redraws a spinner with carriage returns; the log keeps only the finished lines.
status=0
read -ra only_args <<<"$(echo $only)"  # the patterns as words, never expanded here: mutmut matches them
.venv/bin/mutmut run --max-children "$jobs" "${only_args[@]}" 2>&1 | tr '\r' '\n' | grep --line-buffered -v '^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]' >"$work/run.log" || status=$?
[ "$status" = 0 ] || { tail -40 "$work/run.log"; exit 1; }
.venv/bin/python - "$modules" "$only" <<'PY'
import fnmatch
import json
import sys
from pathlib import Path

from mutmut.stats import status_by_exit_code

modules, patterns = sys.argv[1].split(), sys.argv[2].split()
status = {}
for module in modules:
    codes = json.loads(Path("mutants", module + ".meta").read_text())["exit_code_by_key"]
    status.update({name: status_by_exit_code[code] for name, code in codes.items()})
if patterns:
    status = {name: s for name, s in status.items() if any(fnmatch.fnmatch(name, p) for p in patterns)}
killed = [name for name, s in status.items() if s in ("killed", "timeout", "segfault", "caught by type check")]
counted = [name for name, s in status.items() if s not in ("skipped", "not checked")]
label = " ".join(modules) + (" (the mutants named by MUTATION_ONLY)" if patterns else "")
print(f"{label}: {len(killed)} of {len(counted)} mutants killed = {100 * len(killed) / max(len(counted), 1):.0f} %")
if len(counted) < len(status):
    print(f"  ({len(status) - len(counted)} not checked or skipped)")
for name in sorted(set(counted) - set(killed)):
    print(f"  {status[name]}: {name}")
PY
echo "Took $(( ($(date +%s) - started) / 60 )) min."
echo "Show one: (cd $work && .venv/bin/mutmut show NAME)"
