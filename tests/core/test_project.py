"""Project-wide guarantees; the production-settings checks live in tests/security/test_deploy_check.py."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_every_migration_runs_forwards_and_back_on_sqlite_as_make_demo_does(tmp_path):
    """`make demo` migrates a new SQLite database: PostgreSQL-only operations must leave it consistent."""
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)

    def migrate(*arguments):
        result = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0", *arguments],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr[-2000:]

    migrate()
    migrate("search", "0003")
    migrate()
