import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-production-secret-with-enough-variety-0123456789-ABCDEFGHIJ",
    "ALLOWED_HOSTS": "almaty-process.example.org",
    "DJANGO_SETTINGS_MODULE": "almaty_portal.settings",
}


def run_django(code: str, **extra_env) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update(PRODUCTION, **extra_env)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_django(
        "from django.core.management import call_command; call_command('check', deploy=True, fail_level='WARNING')"
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("SESSION_COOKIE_SECURE", "True"),
        ("SESSION_COOKIE_HTTPONLY", "True"),
        ("CSRF_COOKIE_SECURE", "True"),
        ("LANGUAGE_COOKIE_SECURE", "True"),
        ("SECURE_SSL_REDIRECT", "True"),
        ("SECURE_HSTS_SECONDS", "31536000"),
        ("X_FRAME_OPTIONS", "DENY"),
        ("EMAIL_BACKEND", "core.mail.QueuedEmailBackend"),
        ("EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
    ],
)
def test_production_settings_are_safe_by_default(setting, expected):
    result = run_django(f"from django.conf import settings; print(settings.{setting})")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_smtp_settings_come_from_the_environment():
    result = run_django(
        "from django.conf import settings; print(settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS)",
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="1",
    )

    assert result.stdout.strip() == "smtp.example.org 587 True"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django("pass", SECRET_KEY="")

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_a_bare_checkout_can_check_its_migrations_but_not_serve_without_a_secret_key():
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    env["DJANGO_SETTINGS_MODULE"] = "almaty_portal.settings"

    def manage(*arguments):
        return subprocess.run(
            [sys.executable, "manage.py", *arguments], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120
        )

    migrations = manage("makemigrations", "--check", "--dry-run")
    serving = manage("check")

    assert (migrations.returncode, migrations.stdout.strip()) == (0, "No changes detected")
    assert serving.returncode != 0
    assert "Set SECRET_KEY" in serving.stderr
