# Haven: two commands for a newcomer.
#   make demo   set up, build a demo service with synthetic cases on SQLite, serve http://127.0.0.1:8000
#               (debug off, as in production; `make serve` is the development server with HAVEN_DEBUG=1)
#   make test   set up and run the whole test suite (SQLite unless DATABASE_URL is set)
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS ?= never
UV = $(shell if uv --version >/dev/null 2>&1; then echo uv; else echo "python3 -m uv"; fi)
HAVEN = .venv/bin/haven
PYTEST_WORKERS ?= 2

.PHONY: setup demo serve test test-fast lint format assets clean

setup:
	@uv --version >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --locked --all-extras

# The demo runs as production does (debug off, gunicorn, WhiteNoise) on SQLite, with demo logins.
demo: setup
	HAVEN_DEMO=1 $(HAVEN) migrate --no-input
	HAVEN_DEMO=1 $(HAVEN) demo
	@echo "Serving Haven at http://127.0.0.1:8000 (Ctrl-C to stop)"
	HAVEN_DEMO=1 $(HAVEN) serve --host 127.0.0.1 --port 8000 --workers 2

# For development: the reloading server with debug pages (tracebacks) turned on explicitly.
serve:
	HAVEN_DEMO=1 HAVEN_DEBUG=1 $(HAVEN) runserver 127.0.0.1:8000

test: setup
	.venv/bin/pytest -n $(PYTEST_WORKERS) --dist loadgroup --create-db

test-fast: setup
	.venv/bin/pytest -n $(PYTEST_WORKERS) --dist loadgroup -m "not system and not spark and not slow"

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy haven
	.venv/bin/lint-imports
	.venv/bin/djlint haven --lint

format: setup
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

assets:
	cd frontend && npm ci && npm run build

clean:
	rm -rf var/haven.sqlite3* var/static var/mail
