# Two entry points do all set-up on a fresh machine (see README.md):
#   make run    virtual env + pinned runtime requirements, sample corpus into the store if empty, serve
#   make test   virtual env + pinned dev requirements + Debian chromium, then every test
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
DB      ?= data/conflict.duckdb
PORT    ?= 8501
PYTEST_ARGS ?=

.PHONY: run test sample venv venv-dev chromium bench clean

$(BIN)/.runtime: requirements.txt constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt -c constraints.txt
	touch $@

$(BIN)/.dev: $(BIN)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install -q -r requirements-dev.txt -c constraints.txt
	touch $@

venv: $(BIN)/.runtime
venv-dev: $(BIN)/.dev

# Debian's chromium for the browser tests (never `playwright install`: it downloads).
chromium:
	@if ! test -x /usr/bin/chromium; then \
	  SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi
	@/usr/bin/chromium --version

sample: venv
	$(BIN)/python -m data ingest data/articles --db $(DB) --if-empty

run: sample
	CONFLICT_DB=$(DB) $(BIN)/streamlit run dashboard/app.py --server.port $(PORT) \
	  --server.headless true --browser.gatherUsageStats false

test: venv-dev chromium
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: venv-dev
	$(BIN)/python -m bench.run_all

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
