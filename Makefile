# Intake task runner. The two set-up commands in the README are `make run` and `make test`;
# each installs what it needs on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test test-fast lint system-packages i18n-extract i18n-update i18n-compile i18n-check bench clean

# A virtual environment with the app and its test tools, rebuilt when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# htmx from the npm registry: the same version and file as the CDN URL the pages use.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: $(VENV)/.installed
	INTAKE_DEMO=$${INTAKE_DEMO:-true} $(BIN)/intake serve --host $(HOST) --port $(PORT)

# Chromium, fonts and gettext from Debian (apt-get, as root or with sudo).
system-packages:
	bash scripts/install-system-packages.sh

test: $(VENV)/.installed node_modules/.installed system-packages
	$(BIN)/ruff check intake tests bench
	$(BIN)/mypy intake
	$(BIN)/intake i18n check
	bash scripts/check-catalogs.sh
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed
	$(BIN)/python -m pytest -m "not browser"

lint: $(VENV)/.installed
	$(BIN)/ruff check intake tests bench
	$(BIN)/mypy intake

i18n-extract: $(VENV)/.installed
	$(BIN)/intake i18n extract
i18n-update: $(VENV)/.installed
	$(BIN)/intake i18n update
i18n-compile: $(VENV)/.installed
	$(BIN)/intake i18n compile
i18n-check: $(VENV)/.installed
	$(BIN)/intake i18n check
	bash scripts/check-catalogs.sh

bench: $(VENV)/.installed
	$(BIN)/python bench/page_size.py
	$(BIN)/python bench/language.py

clean:
	rm -rf $(VENV) node_modules .pytest_cache test-artifacts
