# Two set-up commands for a fresh machine (see README.md):
#   make demo   install, migrate, load demo content, serve on http://127.0.0.1:8000/
#   make test   install and run every check and test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: demo test install install-dev messages checks clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@# axe-core for the accessibility browser tests; without npm those tests are skipped.
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not installed: accessibility browser tests will be skipped"; fi

# Compiled catalogues are committed, so msgfmt (gettext) is needed only to rebuild them.
messages:
	@if command -v msgfmt >/dev/null; then $(BIN)/python manage.py compilemessages --ignore=.venv -v0; \
	else echo "gettext not installed: using the committed .mo files"; fi

demo: export DEBUG ?= 1
demo: install messages
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py build_open_data --origin http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py build_compilations >/dev/null
	$(BIN)/python manage.py create_demo_admin
	@echo "Portal: http://127.0.0.1:$(PORT)/  Admin: http://127.0.0.1:$(PORT)/ru/admin/"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: export DEBUG ?= 1
test: install-dev messages
	@bash scripts/test.sh

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles test-artifacts
