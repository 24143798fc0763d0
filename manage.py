#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys

# Commands that only compare or show the migrations sign nothing: they run without SECRET_KEY, so that
# `manage.py makemigrations --check` works in a bare checkout (almaty_portal/settings.py).
SCHEMA_COMMANDS = {"makemigrations", "showmigrations", "sqlmigrate"}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almaty_portal.settings")
    if len(sys.argv) > 1 and sys.argv[1] in SCHEMA_COMMANDS:
        os.environ.setdefault("PORTAL_SCHEMA_ONLY", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
