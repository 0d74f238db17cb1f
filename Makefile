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

.PHONY: help install run demo serve test test-sqlite test-postgres test-browser chromium lint format messages migrations-check bench screenshots clean backup restore audit
.PHONY: stack stack-stop stack-status faults loadtest

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
	@# Every part runs and prints its figures even when an earlier one misses a target; make fails at the end.
	@status=0; \
	$(PY) -m tests.bench || status=1; \
	$(MANAGE) migrate --noinput --verbosity 0 && $(PY) -m tests.bench_offer_import || status=1; \
	$(MAKE) --no-print-directory bench-scale || status=1; \
	exit $$status

# --- Scale benchmark (issue 9) ---------------------------------------------------------------------------
# 10,000 offers and 20,000 event dates in their own PostgreSQL database (filled once, kept between runs),
# served by gunicorn with the production settings, measured over HTTP against a trivial view.
BENCH_SCALE_DB_URL ?= postgresql://postgres@127.0.0.1:5432/villecampagne_scale
.PHONY: bench-scale
bench-scale: install ## Time the catalogue, agenda and search at 10,000 offers / 20,000 dates (PostgreSQL, Redis, gunicorn)
	@if $(PY) -c "import psycopg, redis; psycopg.connect('$(BENCH_SCALE_DB_URL)'.rsplit('/', 1)[0] + '/postgres', connect_timeout=3).close(); redis.Redis(host='127.0.0.1', port=6379, socket_timeout=3).ping()" 2>/dev/null; then \
		BENCH_SCALE_DB_URL=$(BENCH_SCALE_DB_URL) $(PY) -m tests.bench_scale.run; \
	else echo "== SKIPPED the scale benchmark: PostgreSQL ($(BENCH_SCALE_DB_URL)) or Redis (127.0.0.1:6379) does not answer"; fi
# --- end of the scale benchmark -------------------------------------------------------------------------

screenshots: install chromium ## Retake the editors' guide screenshots (docs/images/editors/) from the demo, in a temporary database
	$(PY) docs/screenshots.py

# --- The production stack on 127.0.0.1 (issue 9): nginx :8080 → gunicorn :8001/:8002, its own PostgreSQL
# cluster (:5433) and Redis (:6380). ops/stack/stack.sh says what each part is; state in var/stack/.
LOADTEST_CONNECTIONS ?= 64
LOADTEST_DURATION ?= 60s

stack: install ## Start the production stack on http://127.0.0.1:8080 (installs nginx and wrk with apt when missing)
	ops/stack/stack.sh start

stack-stop: ## Stop what `make stack` started, and nothing else
	ops/stack/stack.sh stop

stack-status: ## Show which parts of the stack run
	ops/stack/stack.sh status

faults: stack ## Break the stack under load (PostgreSQL restart, Redis down, an app server killed, a hanging feed)
	$(PY) ops/faults.py

loadtest: stack ## Drive the stack with wrk over a realistic mix (LOADTEST_CONNECTIONS=64, LOADTEST_DURATION=60s)
	LOADTEST_CONNECTIONS=$(LOADTEST_CONNECTIONS) LOADTEST_DURATION=$(LOADTEST_DURATION) ops/loadtest/run.sh

clean: ## Remove the virtualenv, the SQLite database, collected static and media
	rm -rf $(VENV) db.sqlite3 static_collected media

# --- Operations: backup and restore (cms/backups.py, docs/deploy.md "Sauvegarde / Backup") ---------------------
# The database comes from DATABASE_URL in the environment (the stack's is another, e.g.
# postgresql://postgres@127.0.0.1:5433/villecampagne_stack); media from the settings' MEDIA_ROOT (./media here);
# backups go to BACKUP_DIR (./backups). `make restore BACKUP=backups/<time>` restores into RESTORE_DATABASE_URL
# (default: DATABASE_URL itself; created when missing) and RESTORE_MEDIA_ROOT (default: MEDIA_ROOT).
DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/villecampagne
RESTORE_DATABASE_URL ?= $(DATABASE_URL)

backup: install ## Dump DATABASE_URL (pg_dump) and archive MEDIA_ROOT into BACKUP_DIR/<UTC time>/ (default ./backups)
	@# Not echoed, and passed in the environment rather than on a command line: the URL may hold a password.
	@DATABASE_URL='$(DATABASE_URL)' $(MANAGE) backup

restore: install ## Restore BACKUP=backups/<time> into RESTORE_DATABASE_URL (default DATABASE_URL) and MEDIA_ROOT
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/<UTC time> [RESTORE_DATABASE_URL=…]"; exit 2; }
	@DATABASE_URL='$(RESTORE_DATABASE_URL)' $(MANAGE) restore '$(BACKUP)' \
		$(if $(RESTORE_MEDIA_ROOT),--media-root '$(RESTORE_MEDIA_ROOT)')
# --- end of Operations ------------------------------------------------------------------------------------------
