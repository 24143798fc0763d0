"""Run the real background worker (`manage.py db_worker`) against the test database."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The worker is another process: it needs a database it can share with the tests (PostgreSQL; CI has it).
needs_shared_database = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("CI") != "true",
        reason="the worker process needs a database it can share with the tests (PostgreSQL)",
    ),
]


def _environment(**environment) -> dict:
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    return {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": url,
        "TASKS_BACKEND": "database",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **environment,
    }


WORKER = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload"]


def run_worker(**environment):
    """Work through every job that is due, then stop; returns the finished process."""
    return subprocess.run(
        [*WORKER, "--batch"],
        cwd=settings.BASE_DIR,
        env=_environment(**environment),
        capture_output=True,
        text=True,
        timeout=120,
    )


def start_worker(**environment) -> subprocess.Popen:
    """A worker that keeps taking jobs until it is terminated."""
    return subprocess.Popen(
        [*WORKER, "--interval", "0.2"],
        cwd=settings.BASE_DIR,
        env=_environment(**environment),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
