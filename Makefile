# One command to serve, one to test. Each creates .venv and installs the pinned packages first.
# MkDocs and Zensical run as `python -m …` so that they can import content_checks (the project's
# Markdown extension and macros) from this folder.
PYTHON ?= python3
# .ci/run sets VENV to a fresh folder to run the README's commands with requirements.txt alone.
VENV ?= .venv
# Where `make serve` listens (mkdocs serve's own default).
DEV_ADDR ?= 127.0.0.1:8000
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build build-zensical bench review-due check clean

# The preview makes the search index after each build (content_checks/preview.py), so search works in it.
serve: $(VENV)/.site-installed  ## Preview the site at http://127.0.0.1:8000 with live reload
	$(BIN)/python -m content_checks.preview $(DEV_ADDR)

# Two workers, one test file each at a time (each builds the site once): the browser module, the
# longest, runs beside the others. About 9 minutes instead of 12 on two cores.
test: $(VENV)/.dev-installed  ## Set up and run every test (content, pages, browser, Zensical)
	$(BIN)/python -m pytest -n 2 --dist loadfile

# The search index (Pagefind) is made from the built pages, after either builder (search_index.py).
# A build per language: English into site/, then the Spanish edition into site/es (mkdocs.es.yml); the
# English build empties site/ first, so it goes first (ENGINEERING.md, Languages).
build: $(VENV)/.site-installed  ## Strict build of both languages into site/, with their search indexes, ready to host
	$(BIN)/python -m mkdocs build --strict
	$(BIN)/python -m mkdocs build --strict -f mkdocs.es.yml
	$(BIN)/python -m content_checks.search_index site docs

build-zensical: $(VENV)/.dev-installed  ## The same site built with Zensical (into site/), then the same checks
	$(BIN)/python -m content_checks docs
	$(BIN)/python -m content_checks docs-es
	$(BIN)/python -m zensical build --clean --strict
	$(BIN)/python -m zensical build --clean --strict -f mkdocs.es.yml
	$(BIN)/python -m content_checks.search_index site docs
	$(BIN)/python -m content_checks --site site --without-budgets docs
	$(BIN)/python -m content_checks --site site/es --without-budgets docs-es

# Every check that needs no browser: the pages and data first (quick, plain messages), then a build,
# whose hook runs the built-site checks (URL and anchor contract, other origins, byte budgets), then
# the search index and its checks. Green here is green in CI.
check: $(VENV)/.site-installed  ## Every check that needs no browser, with plain-language messages
	$(BIN)/python -m content_checks docs
	$(BIN)/python -m content_checks docs-es
	$(BIN)/python -m mkdocs build --strict --site-dir .cache/check-site
	$(BIN)/python -m mkdocs build --strict -f mkdocs.es.yml --site-dir .cache/check-site/es
	$(BIN)/python -m content_checks.search_index .cache/check-site docs

review-due: $(VENV)/.site-installed  ## Pages and facts due for review, and Spanish behind its English (a report)
	$(BIN)/python -m content_checks --review-due docs
	$(BIN)/python -m content_checks --review-due docs-es

bench: $(VENV)/.dev-installed $(VENV)/lighthouse/node_modules/.bin/lighthouse  ## Build times, page weights, index size, Lighthouse
	$(BIN)/python tests/benchmark.py

$(VENV)/lighthouse/node_modules/.bin/lighthouse: $(VENV)/.site-installed
	npm install --silent --no-audit --no-fund --prefix $(VENV)/lighthouse lighthouse@13.5.0

$(VENV)/.site-installed: requirements.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

clean:
	rm -rf site .pytest_cache .cache/check-site
