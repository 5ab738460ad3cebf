# The two commands of README.md:
#   make run   — set up everything (virtualenv, packages, SQLite, demo data) and serve on 127.0.0.1:8000
#   make test  — set up everything the tests need and run them (SQLite, or PostgreSQL when DATABASE_URL is set)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?=

.PHONY: run test lint sysdeps migrate demo clean serve worker bench bench-growth

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

run: demo
	@echo "Serving on http://$(HOST)/ — stop with Ctrl+C"
	DEBUG=1 $(PY) manage.py runserver $(HOST)

# Production mode on this machine (docs/deploy.md): PostgreSQL, gunicorn, WhiteNoise, queued tasks.
PROD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/helpdesk
PROD_ENV = DEBUG=0 DATABASE_URL=$(PROD_DATABASE_URL) STATIC_MANIFEST=1 \
	TASKS_BACKEND=django_tasks_db.DatabaseBackend \
	SECRET_KEY="$${SECRET_KEY:-$$(cat .secret-key)}" ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}"

.secret-key: $(VENV)/.installed
	$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

serve: $(VENV)/.installed .secret-key
	@createdb -h 127.0.0.1 -U postgres helpdesk 2>/dev/null || true
	$(PROD_ENV) $(PY) manage.py migrate --noinput
	$(PROD_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(PROD_ENV) $(PY) manage.py check --deploy
	$(PROD_ENV) $(VENV)/bin/gunicorn -c helpdesk/gunicorn.conf.py helpdesk.wsgi

# The task worker, plus the reminder job every 5 minutes (production uses a systemd timer: docs/deploy.md).
worker: $(VENV)/.installed .secret-key
	@( while true; do $(PROD_ENV) $(PY) manage.py send_reminders --verbosity 0 || true; sleep 300; done ) & \
	loop=$$!; trap 'kill $$loop 2>/dev/null' EXIT INT TERM; \
	$(PROD_ENV) $(PY) manage.py db_worker

# The benchmark (docs/scale.md): PostgreSQL database helpdesk_bench, seeded once with 100,000 tickets,
# 20,000 assets and 50,000 ledger movements (several minutes the first time), then the table of key pages
# and the wrk throughput of the tracking page vs a trivial view. BENCH_ARGS e.g. "--runs 50 --workers 3".
BENCH_DB ?= helpdesk_bench
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/$(BENCH_DB)
BENCH_ARGS ?=

bench: $(VENV)/.installed
	@command -v wrk >/dev/null || { \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; }
	@createdb -h 127.0.0.1 -U postgres $(BENCH_DB) 2>/dev/null || true
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) DEBUG=0 $(PY) manage.py bench $(BENCH_ARGS)

# Growth with history (issue 23): the key pages at 10,000, 100,000 and 1,000,000 tickets, each size in its own
# database (helpdesk_bench_10000 …; seeding 1,000,000 takes about 8 minutes the first time), then the growth
# table and the curves (docs/scale-growth.svg). GROWTH_SIZES and GROWTH_ARGS (e.g. "--runs 30") can be set.
GROWTH_SIZES ?= 10000 100000 1000000
GROWTH_ARGS ?= --runs 15
GROWTH_DIR ?= $(CURDIR)/.bench

bench-growth: $(VENV)/.installed
	@mkdir -p $(GROWTH_DIR)
	@for size in $(GROWTH_SIZES); do \
	  url=postgres://postgres@127.0.0.1:5432/helpdesk_bench_$$size; \
	  createdb -h 127.0.0.1 -U postgres helpdesk_bench_$$size 2>/dev/null || true; \
	  DATABASE_URL=$$url $(PY) manage.py migrate --noinput -v0 || exit 1; \
	  DATABASE_URL=$$url DEBUG=0 $(PY) manage.py bench --tickets $$size --no-wrk $(GROWTH_ARGS) \
	    --json $(GROWTH_DIR)/growth-$$size.json || exit 1; \
	done
	$(PY) manage.py bench_growth $(foreach size,$(GROWTH_SIZES),$(GROWTH_DIR)/growth-$(size).json) \
	  --svg docs/scale-growth.svg

# Debian packages the tests use: Chromium (browser tests), poppler-utils (pdffonts), zbar-tools (QR decoding),
# redis-server (the Redis cache backend's tests start one when none is running).
sysdeps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdffonts >/dev/null || missing="$$missing poppler-utils"; \
	command -v zbarimg >/dev/null || missing="$$missing zbar-tools"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

test: $(VENV)/.installed sysdeps
	$(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) staticfiles
