# One command runs the app, one runs the tests. Both only need Python 3.11 (and make, bash).
PY ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN = $(VENV)/bin
COV ?= --cov --cov-report=term:skip-covered
PIP = $(BIN)/pip install -q --disable-pip-version-check

.PHONY: run test install install-dev lint migrations-check bench

$(BIN)/python:
	$(PY) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, got " + sys.version'
	$(PY) -m venv $(VENV)

# The app needs only the runtime requirements; the tests add the tools (pytest, ruff, Playwright, …).
$(VENV)/.installed: $(BIN)/python requirements.txt
	$(PIP) -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Serving http://127.0.0.1:8000 — log in with a demo login above (Ctrl-C stops the server)."
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

migrations-check: install-dev
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings_test

# Fails on lint errors, on missing migrations, on any failing test, when no test passed, and when branch coverage
# falls below the floor in pyproject.toml ([tool.coverage.report] fail_under).
test: lint migrations-check
	$(BIN)/pytest $(COV) $(PYTEST_ARGS)

# Every benchmark beside its floor (benchmarks/README.md); each exits non-zero when its goal is missed.
# BENCH_SIZE=small runs them at CI size. Certificates need PostgreSQL (DATABASE_URL) and a broker (CELERY_BROKER_URL).
SMALL = $(filter small,$(BENCH_SIZE))
bench: install-dev
	@status=0; \
	$(BIN)/python benchmarks/bench_scoring.py $(if $(SMALL),--units 300) $(BENCH_ARGS) || status=1; \
	$(BIN)/python benchmarks/bench_photos.py || status=1; \
	$(BIN)/python benchmarks/bench_exports.py || status=1; \
	$(BIN)/python benchmarks/bench_certificates.py || status=1; \
	$(BIN)/python benchmarks/bench_import.py $(if $(SMALL),--people 2000 --units 200 --repeat 1) || status=1; \
	$(BIN)/python benchmarks/bench_pages.py $(if $(SMALL),--units 300 --requests 40) || status=1; \
	exit $$status
