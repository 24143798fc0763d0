#!/usr/bin/env bash
# Refresh the Russian catalogue from the code and compile it (needs gettext).
set -euo pipefail
cd "$(dirname "$0")/.."
DEBUG=1 .venv/bin/python manage.py makemessages -l ru --no-location --no-obsolete \
  --ignore=.venv --ignore=node_modules --ignore=test-artifacts --ignore=tests --ignore=bench \
  --ignore=staticfiles --ignore=media
DEBUG=1 .venv/bin/python manage.py compilemessages --ignore=.venv
msgattrib --untranslated locale/ru/LC_MESSAGES/django.po | grep -c '^msgid' || true
