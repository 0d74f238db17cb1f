# Coopérations et mobilités ville–campagne — `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The local PostgreSQL server the second half of `make test` runs against when it answers.
PG_URL ?= postgresql://postgres@127.0.0.1:5432/villecampagne
CHROMIUM ?= /usr/bin/chromium
# One pytest worker per core (pytest-xdist); the browser tests stay together on one worker, which loads the
# demo once. `make test PARALLEL=` runs everything in one process.
PARALLEL ?= -n auto --dist loadgroup

.PHONY: help install run demo serve test test-sqlite test-postgres test-browser chromium lint format messages migrations-check bench screenshots clean audit

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install the Python dependencies

run: install ## Set everything up and serve the site on http://127.0.0.1:8000 (SQLite)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --if-empty --print-accounts
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) publish_scheduled
	$(MANAGE) runserver $(HOST):$(PORT)

demo: install ## Load (or refresh) the demo content in the development database
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --print-accounts

chromium: ## Install Debian's Chromium for the browser tests when it is missing (needs root)
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "!! apt could not install chromium: the browser tests will be skipped"; \
	else echo "!! not root or no apt: cannot install chromium; the browser tests will be skipped"; fi

test: install chromium ## Audit the dependencies, run the whole suite on SQLite, then on PostgreSQL when it answers
	$(MAKE) --no-print-directory audit
	$(MANAGE) makemigrations --check --dry-run --settings=cms.settings.test
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

# --- Vulnerability audit (hardening, issue 9) ---------------------------------------------------------------------
# pip-audit checks the packages installed in $(VENV) (nothing is downloaded or resolved) against PyPI's
# vulnerability data, asked per release at https://pypi.org/pypi/<name>/<version>/json. When that service does not
# answer (offline, or a registry mirror that serves only /pypi/<name>/json), the audit is skipped with the reason, as
# the PostgreSQL half is; --strict makes a package that could not be checked a failure once the service answers.
AUDIT_PROBE_URL ?= https://pypi.org/pypi/django/5.2/json

audit: install ## Audit the installed packages for known vulnerabilities (pip-audit); skipped when PyPI's service does not answer
	@set -o pipefail; if reason=$$($(PY) -c "import sys, urllib.request as u; u.urlopen(sys.argv[1], timeout=5).read(1)" '$(AUDIT_PROBE_URL)' 2>&1 | tail -n 1); then \
		echo "== pip-audit: auditing the packages installed in $(VENV)"; \
		$(VENV)/bin/pip-audit --strict --skip-editable --progress-spinner off; \
	else echo "== SKIPPED the vulnerability audit: $(AUDIT_PROBE_URL) does not answer ($$reason)"; fi

test-sqlite: install ## Run the suite on SQLite only
	$(VENV)/bin/pytest $(PARALLEL)

test-postgres: install ## Run the suite on the local PostgreSQL (skipped with a message when it does not answer)
	@if $(PY) -c "import psycopg, sys; psycopg.connect('$(PG_URL)'.rsplit('/', 1)[0] + '/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== PostgreSQL answers at $(PG_URL): running the suite on it"; \
		DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -m "not browser" $(PARALLEL); \
	else echo "== SKIPPED the PostgreSQL half: no server answers at $(PG_URL)"; fi

test-browser: install chromium ## Run only the browser tests (Playwright + axe)
	$(VENV)/bin/pytest -m browser

lint: install ## ruff (lint and format check) and djhtml
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates

format: install ## Format Python and templates
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djhtml templates

messages: install ## Regenerate and compile the translation catalogues (needs gettext)
	$(MANAGE) makemessages -l fr -l en --ignore=.venv --ignore=static_collected --no-obsolete
	$(MANAGE) compilemessages --ignore=.venv

bench: install ## Measure response times of the main pages on the demo content, and the 1,000-row offers import
	$(PY) -m tests.bench
	$(MANAGE) migrate --noinput --verbosity 0
	$(PY) -m tests.bench_offer_import

screenshots: install chromium ## Retake the editors' guide screenshots (docs/images/editors/) from the demo, in a temporary database
	$(PY) docs/screenshots.py

clean: ## Remove the virtualenv, the SQLite database, collected static and media
	rm -rf $(VENV) db.sqlite3 static_collected media
