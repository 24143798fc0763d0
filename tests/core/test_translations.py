"""The Russian catalogue covers every interface string in the code, with nothing fuzzy."""

import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings

MAKEMESSAGES_IGNORES = [".venv", "node_modules", "test-artifacts", "tests", "bench", "staticfiles", "media"]

needs_gettext = pytest.mark.skipif(
    shutil.which("xgettext") is None and os.environ.get("CI") != "true",
    reason="gettext is not installed (CI installs it)",
)


def entries_flagged(po_file, *flags) -> str:
    result = subprocess.run(["msgattrib", *flags, str(po_file)], capture_output=True, text=True, check=True)
    # msgattrib prints the header entry too; only real entries count.
    return "\n".join(line for line in result.stdout.splitlines() if line.startswith("msgid") and line != 'msgid ""')


@needs_gettext
def test_russian_catalogue_is_complete_for_the_current_code(tmp_path):
    copy = tmp_path / "portal"
    shutil.copytree(settings.BASE_DIR, copy, ignore=shutil.ignore_patterns(*MAKEMESSAGES_IGNORES, ".git", "*.pyc"))
    ignores = [argument for name in MAKEMESSAGES_IGNORES for argument in ("--ignore", name)]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ru", "--no-location", "--no-obsolete", *ignores],
        cwd=copy,
        env={**os.environ, "DEBUG": "1"},
        check=True,
        capture_output=True,
    )
    catalogue = copy / "locale" / "ru" / "LC_MESSAGES" / "django.po"

    assert entries_flagged(catalogue, "--untranslated") == ""
    assert entries_flagged(catalogue, "--only-fuzzy") == ""


@needs_gettext
def test_russian_catalogue_compiles(tmp_path):
    catalogue = settings.BASE_DIR / "locale" / "ru" / "LC_MESSAGES" / "django.po"
    subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(catalogue)], check=True)
