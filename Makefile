# Gids Ambtelijk vakmanschap. `make serve` and `make test` set everything up
# on a machine that has only Python 3.11+ and git (plus Chromium for tests).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
SITE_DIR ?= site

# Material prints an end-of-life banner on every build; contributors need
# the content messages, not that.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build test check-python check-browser clean

help:
	@echo "make serve   - de gids bekijken op http://127.0.0.1:8000 (past zich aan als je iets wijzigt)"
	@echo "make build   - de gids bouwen in de map $(SITE_DIR)/"
	@echo "make test    - alle tests draaien (heeft Chromium nodig)"
	@echo "make clean   - de gebouwde site en de Python-omgeving weggooien"

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { \
	  echo "Python 3.11 of nieuwer is nodig; '$(PYTHON)' is ouder. Kies een andere met PYTHON=..."; exit 1; }

$(BIN)/mkdocs: requirements.txt | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.test-tools: requirements-test.txt $(BIN)/mkdocs
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@touch $@

serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/mkdocs
	$(BIN)/mkdocs build --site-dir $(SITE_DIR)

check-browser:
	@test -x "$(CHROMIUM)" || { \
	  echo "Geen browser gevonden op $(CHROMIUM). De tests in de browser hebben Chromium nodig."; \
	  echo "Installeer het met:  sudo apt-get install chromium"; \
	  echo "(of wijs een andere Chromium aan met CHROMIUM=/pad/naar/chromium)"; \
	  exit 1; }

test: $(VENV)/.test-tools check-browser
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest

clean:
	rm -rf $(SITE_DIR) $(VENV) .pytest_cache
