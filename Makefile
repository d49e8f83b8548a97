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
# The native module of gitlab-ci-local (make pipeline), built after npm ci.
RE2 := node_modules/re2/build/Release/re2.node
# The form at /bewerken/ (Decap CMS), fetched by make decap-cms (see there).
DECAP_CMS := vendor/decap-cms/decap-cms.js

# Material and ProperDocs (pulled in by mkdocs-redirects) print banners about
# MkDocs 2.0 on every build; contributors need the content messages, not that.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: help serve build check test test-system bench offline release check-history site-all-versions serve-all-versions pipeline decap-cms check-python clean

help:
	@echo "make serve   - de gids bekijken op http://127.0.0.1:8000 (past zich aan als je iets wijzigt)"
	@echo "make build   - de gids bouwen in de map $(SITE_DIR)/"
	@echo "make check   - alle inhoud controleren, zonder de site te bouwen"
	@echo "make test    - alle tests draaien (heeft Chromium, Java en npm nodig)"
	@echo "make site-all-versions - de gids met alle versies bouwen in $(PUBLIC_DIR)/ (SITE_URL=https://...)"
	@echo "make serve-all-versions - die map bekijken op http://127.0.0.1:8000"
	@echo "make pipeline - de GitLab-pijplijn van je laatste commit hier draaien: als merge request en als $(DEFAULT_BRANCH) (zonder de tests)"
	@echo "make bench   - meten: de bouw tegenover gewone MkDocs, bij 200, 1.000 en 2.000 dilemma's"
	@echo "make offline - de gids als zip voor gebruik zonder internet ($(OFFLINE_DIR)/gids-offline.zip)"
	@echo "make decap-cms - het formulier op /bewerken/ ophalen (heeft npm nodig; make test en make site-all-versions doen het zelf)"
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
# Its own Dutch summary is the last line: make would add an English line of
# its own after a failing command ("make: *** [Makefile:57: check] Error 1"),
# so on failure the recipe interrupts make instead, which then stops without
# a word and with a failing exit status (130, as after Ctrl-C).
check: $(BIN)/mkdocs
	@$(BIN)/gids check || kill -INT $$PPID

# What the tests need from Debian besides Python: Chromium (the browser
# tests), npm (the HTML checker and the offline zip), Java (the HTML
# checker), and for make pipeline rsync (gitlab-ci-local copies with it)
# and g++ (to build its native module re2). Installed here when this user
# may (root, or sudo without a password); otherwise the message says which
# command to run.
TEST_PACKAGES := chromium npm default-jre-headless rsync g++

test-system:
	@missing=""; \
	test -x "$(CHROMIUM)" || missing="$$missing chromium"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v rsync >/dev/null || missing="$$missing rsync"; \
	command -v g++ >/dev/null || missing="$$missing g++"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; \
	else \
	  echo "Voor de tests ontbreekt:$$missing (Chromium op $(CHROMIUM), npm, Java, rsync en g++)."; \
	  echo "Installeer het met:  sudo apt-get install$$missing"; \
	  echo "(of wijs een andere Chromium aan met CHROMIUM=/pad/naar/chromium)"; \
	  exit 1; \
	fi; \
	command -v apt-get >/dev/null || { echo "Installeer eerst:$$missing (deze computer heeft geen apt-get)."; exit 1; }; \
	echo "De tests hebben nodig:$$missing; die worden nu geïnstalleerd."; \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	$$sudo mkdir -p /usr/share/man/man1 && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing

test: test-system $(VENV)/.test-tools $(VNU_JAR) $(RE2) $(DECAP_CMS)
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

# Decap CMS, the form at /bewerken/ (src/gids/cms.py): its browser bundle
# only. Not in package.json, whose npm ci would install Decap's whole
# dependency tree, which the bundle already holds: npm pack fetches the
# tarball of the version pinned in src/gids/vendor.py, which checks it
# against the pinned integrity and puts the bundle and its licences in
# vendor/decap-cms/ (git-ignored). The build serves it when it is there.
decap-cms: $(DECAP_CMS)

$(DECAP_CMS): src/gids/vendor.py | $(BIN)/mkdocs
	@command -v npm >/dev/null || { echo "npm ontbreekt; het formulier (/bewerken/) heeft het nodig. Installeer het met: sudo apt-get install npm"; exit 1; }
	$(BIN)/python -m gids.vendor decap-cms
	@touch $@

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
site-all-versions: $(VENV)/.test-tools $(DECAP_CMS)
	@$(BIN)/gids publish

serve-all-versions: site-all-versions
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory $(PUBLIC_DIR)

# The GitLab pipeline (.gitlab-ci.yml) of the last commit, run on this
# computer by gitlab-ci-local with its shell executor (no Docker), twice: as
# a merge request into DEFAULT_BRANCH, and as DEFAULT_BRANCH itself. Each
# time in a fresh clone in .gitlab-ci-local/ (git-ignored), as on a runner:
# this work tree is only read, and what is not committed is not in the
# pipeline, as on a forge. Every job the rules choose runs, except test
# (make test runs this), one at a time: the jobs share the clone's .venv.
# The jobs' logs and artifacts stay in the clones, the preview for instance in
# .gitlab-ci-local/merge-request/.gitlab-ci-local/artifacts/preview/public/.
DEFAULT_BRANCH ?= main
unexport DEFAULT_BRANCH
# tests/e2e/test_pipeline.py runs this in a scratch clone with the project's
# own: GITLAB_CI_LOCAL=... -o $(RE2) (no second npm ci and re2 build).
GITLAB_CI_LOCAL := $(CURDIR)/node_modules/.bin/gitlab-ci-local

# gitlab-ci-local's regular expressions (re2) are a native module, which
# npm ci --ignore-scripts leaves unbuilt. Its own install script builds it:
# a prebuilt file from GitHub, or else compiled (g++, 1.5 minutes on 2 cores).
$(RE2): node_modules/iframe-worker/shim/index.js
	npm rebuild re2 --ignore-scripts=false
	@test -f $@ || { echo "re2 (voor gitlab-ci-local) kon niet worden gebouwd. Installeer g++: sudo apt-get install g++"; exit 1; }
	@touch $@

# What makes a pipeline a merge request's, or the default branch's, as
# GitLab sets it; and CI_PAGES_URL, which gitlab-ci-local does not set.
# The branch reaches the shell through the environment, not as shell text.
PIPELINE_VARIABLES := --variable "CI_DEFAULT_BRANCH=$$GIDS_DEFAULT_BRANCH" --variable CI_PAGES_URL=http://127.0.0.1:8000
PIPELINE_MERGE_REQUEST := --variable CI_PIPELINE_SOURCE=merge_request_event \
	--variable "CI_MERGE_REQUEST_TARGET_BRANCH_NAME=$$GIDS_DEFAULT_BRANCH" --unset-variable CI_COMMIT_BRANCH
PIPELINE_DEFAULT_BRANCH := --variable "CI_COMMIT_BRANCH=$$GIDS_DEFAULT_BRANCH"

# $(call run-pipeline,NAME,VARIABLES): the jobs that the rules choose with
# VARIABLES, but test, in a new clone .gitlab-ci-local/NAME. Without
# MAKEFLAGS, so that the jobs' make does not get this make's settings.
define run-pipeline
rm -rf .gitlab-ci-local/$(1) && git clone --quiet . .gitlab-ci-local/$(1) && cd .gitlab-ci-local/$(1) && \
jobs="$$("$(GITLAB_CI_LOCAL)" --list-csv $(PIPELINE_VARIABLES) $(2) \
	| sed -n 's/^\([A-Za-z0-9_-]*\);.*/\1/p' | grep -vx -e name -e test | tr '\n' ' ')" && \
if [ -z "$$jobs" ]; then echo "De pijplijn ($(1)) heeft geen jobs."; exit 1; fi && \
echo "Pijplijn als $(1): $$jobs" && \
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL "$(GITLAB_CI_LOCAL)" --force-shell-executor --concurrency 1 \
	--no-artifacts-to-source $(PIPELINE_VARIABLES) $(2) $$jobs
endef

pipeline: export GIDS_DEFAULT_BRANCH := $(value DEFAULT_BRANCH)
pipeline: test-system $(RE2)
	@git rev-parse --quiet --verify "refs/heads/$$GIDS_DEFAULT_BRANCH^{commit}" >/dev/null || { \
	  echo "Er is geen branch '$$GIDS_DEFAULT_BRANCH' om de merge request mee te vergelijken. Kies er een met DEFAULT_BRANCH=..."; exit 1; }
	@if [ -n "$$(git status --porcelain --untracked-files=no)" ]; then \
	  echo "Let op: wat je nog niet hebt vastgelegd (git commit), zit niet in de pijplijn."; fi
	@$(call run-pipeline,merge-request,$(PIPELINE_MERGE_REQUEST))
	@$(call run-pipeline,default-branch,$(PIPELINE_DEFAULT_BRANCH))
	@echo "Klaar. Wat elke job maakte, staat in .gitlab-ci-local/merge-request/.gitlab-ci-local/artifacts/"
	@echo "en .gitlab-ci-local/default-branch/.gitlab-ci-local/artifacts/ (het voorbeeld: preview/public/index.html)."

clean:
	rm -rf $(SITE_DIR) $(PUBLIC_DIR) $(OFFLINE_DIR) $(VENV) node_modules vendor .pytest_cache
