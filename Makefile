# Gids Ambtelijk vakmanschap. `make serve` and `make test` set everything up
# on a machine that has only Python 3.11+ and git (plus Chromium for tests).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
SITE_DIR ?= site
# The complete publishable folder (all versions); GitLab Pages expects public/.
PUBLIC_DIR ?= public
# The offline guide: a zip to unpack on a USB stick.
OFFLINE_DIR ?= offline
SITE_URL ?= http://127.0.0.1:8000/
# The W3C Nu HTML checker, installed by npm (see package.json).
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar

# Material and ProperDocs (pulled in by mkdocs-redirects) print banners about
# MkDocs 2.0 on every build; contributors need the content messages, not that.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: help serve build check test test-system bench offline release check-history site-all-versions serve-all-versions check-python clean

help:
	@echo "make serve   - de gids bekijken op http://127.0.0.1:8000 (past zich aan als je iets wijzigt)"
	@echo "make build   - de gids bouwen in de map $(SITE_DIR)/"
	@echo "make check   - alle inhoud controleren, zonder de site te bouwen"
	@echo "make test    - alle tests draaien (heeft Chromium, Java en npm nodig)"
	@echo "make site-all-versions - de gids met alle versies bouwen in $(PUBLIC_DIR)/ (SITE_URL=https://...)"
	@echo "make serve-all-versions - die map bekijken op http://127.0.0.1:8000"
	@echo "make bench   - meten: de bouw tegenover gewone MkDocs, bij 200, 1.000 en 2.000 dilemma's"
	@echo "make offline - de gids als zip voor gebruik zonder internet ($(OFFLINE_DIR)/gids-offline.zip)"
	@echo "make check-history - wijzigingen sinds de laatste versie zonder notitie zoeken (BASE=ref kan)"
	@echo "make release VERSION=1.1 TITLE=\"...\" SUMMARY=\"...\" - een nieuwe versie uitbrengen"
	@echo "make clean   - de gebouwde site en de Python-omgeving weggooien"

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { \
	  echo "Python 3.11 of nieuwer is nodig; '$(PYTHON)' is ouder. Kies een andere met PYTHON=..."; exit 1; }

# The site's packages (pinned), then the guide's own package (src/gids),
# editable: the hook imports it, and its command `gids` runs the tools.
$(BIN)/mkdocs: requirements.txt pyproject.toml | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	@touch $@

$(VENV)/.test-tools: requirements-test.txt $(BIN)/mkdocs
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@touch $@

serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/mkdocs
	$(BIN)/mkdocs build --site-dir $(SITE_DIR)

# The fast check for contributors: the build's messages, without a build.
check: $(BIN)/mkdocs
	@$(BIN)/gids check

# What the tests need from Debian besides Python: Chromium (the browser
# tests), npm (the HTML checker and the offline zip) and Java (the HTML
# checker). Installed here when this user may (root, or sudo without a
# password); otherwise the message says which command to run.
TEST_PACKAGES := chromium npm default-jre-headless

test-system:
	@missing=""; \
	test -x "$(CHROMIUM)" || missing="$$missing chromium"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; \
	else \
	  echo "Voor de tests ontbreekt:$$missing (Chromium op $(CHROMIUM), npm en Java)."; \
	  echo "Installeer het met:  sudo apt-get install$$missing"; \
	  echo "(of wijs een andere Chromium aan met CHROMIUM=/pad/naar/chromium)"; \
	  exit 1; \
	fi; \
	command -v apt-get >/dev/null || { echo "Installeer eerst:$$missing (deze computer heeft geen apt-get)."; exit 1; }; \
	echo "De tests hebben nodig:$$missing; die worden nu geïnstalleerd."; \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	$$sudo mkdir -p /usr/share/man/man1 && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing

test: test-system $(VENV)/.test-tools $(VNU_JAR)
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest

# A benchmark, not a test: prints ratios against plain MkDocs on this
# machine and writes benchmark/RESULTS.md.
bench: $(BIN)/mkdocs
	$(BIN)/python benchmark/bench.py --repeat 5

# The npm packages in package.json: a small worker shim for the search of
# the offline guide, and the W3C Nu HTML checker for make test. One npm ci
# installs both; npm keeps the files' dates from the packages, so both files
# are touched, which makes them newer than package.json.
node_modules/iframe-worker/shim/index.js $(VNU_JAR): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm ontbreekt; make offline en make test hebben het nodig. Installeer het met: sudo apt-get install npm"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	@touch node_modules/iframe-worker/shim/index.js $(VNU_JAR)

# Nothing is deleted first: the build writes beside the last folder and
# swaps it in when it succeeded (the hook), and the zip is written under a
# new name and then renamed over the last one.
offline: $(BIN)/mkdocs node_modules/iframe-worker/shim/index.js
	OFFLINE=true $(BIN)/mkdocs build --site-dir $(OFFLINE_DIR)/gids-ambtelijk-vakmanschap
	cd $(OFFLINE_DIR) && $(abspath $(BIN))/python -m zipfile -c gids-offline.zip.new gids-ambtelijk-vakmanschap \
		&& mv -f gids-offline.zip.new gids-offline.zip
	@echo "Klaar: $(OFFLINE_DIR)/gids-offline.zip. Pak het uit en open gids-ambtelijk-vakmanschap/index.html."

# Stamps every unreleased history entry with VERSION and adds the release to
# docs/versies.md. DATE (jjjj-mm-dd) is optional; the default is today.
# The four values reach Python through the environment, exactly as typed:
# $(value ...) keeps make from expanding them ($(shell ...) would run), the
# recipe never writes them into shell text (backticks and $(...) would run,
# quotes would vanish), and unexport stops make from exporting them itself,
# which would expand them. gids.release checks them and says what is wrong.
unexport VERSION TITLE SUMMARY DATE
release: export GIDS_RELEASE_VERSION := $(value VERSION)
release: export GIDS_RELEASE_TITLE := $(value TITLE)
release: export GIDS_RELEASE_SUMMARY := $(value SUMMARY)
release: export GIDS_RELEASE_DATE := $(value DATE)
release: $(BIN)/mkdocs
	@$(BIN)/gids release

# For reviewers: items changed since the last release without a history note
# (warnings), and removed items whose address would break (errors).
check-history: $(BIN)/mkdocs
	$(BIN)/gids history $(if $(BASE),--base $(BASE))

# The guide as it is now at the root, every release in /<version>/. Built
# beside PUBLIC_DIR first; an existing PUBLIC_DIR is replaced only when
# everything succeeded. The folder and address go through the environment,
# not through shell text.
site-all-versions: export GIDS_PUBLIC_DIR := $(value PUBLIC_DIR)
site-all-versions: export GIDS_SITE_URL := $(value SITE_URL)
site-all-versions: $(VENV)/.test-tools
	@$(BIN)/gids publish

serve-all-versions: site-all-versions
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory $(PUBLIC_DIR)

clean:
	rm -rf $(SITE_DIR) $(PUBLIC_DIR) $(OFFLINE_DIR) $(VENV) node_modules .pytest_cache
