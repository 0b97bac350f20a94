# The commands of the README. Every target creates .venv when it is missing and installs the exact
# versions of requirements.lock (hash-checked), then the workbook package itself (editable); it
# reinstalls only when requirements.lock or pyproject.toml changed since the last install.
# requirements.txt lists what the project needs (one line each); `make lock` writes the lock from it.
PYTHON ?= python3
VENV   ?= .venv
LATEST ?= .venv-latest
HOST   ?= 127.0.0.1
PORT   ?= 8866
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock
# The compiled translations (not kept in git): made again whenever a catalog changed.
CATALOGS := $(wildcard workbook/locale/*/LC_MESSAGES/workbook.po)
COMPILED := $(CATALOGS:.po=.mo)
PYTEST_ARGS ?=
# The lock is for every platform and for Python 3.11 and newer (the oldest the project supports).
UV_COMPILE := pip compile requirements.txt --universal --python-version 3.11 --generate-hashes \
	--no-emit-package account-focus-workbook --custom-compile-command "make lock" --quiet -o $(LOCK)

.PHONY: help app test test-latest lock lab report lint browser messages catalogs

help:
	@echo "make app     serve the Voila app on http://$(HOST):$(PORT) (HOST=, PORT=, TOKEN=, POOL=, ROOM=, KERNEL_MEMORY= override)"
	@echo "make test    run every test with the locked versions (installs Chromium when it can)"
	@echo "make test-latest  run every test with the newest versions requirements.txt allows ($(LATEST))"
	@echo "make lock    write requirements.lock again from requirements.txt (newest versions allowed)"
	@echo "make lab     open the guided notebooks in JupyterLab"
	@echo "make report  write the sample team's reports to reports/"
	@echo "make lint    check the code and the notebooks with ruff"
	@echo "make messages  extract the texts to translate and update the Norwegian catalog"
	@echo "make catalogs  compile the catalogs (every install does it too)"

$(BIN)/python:
	@scripts/make-venv.sh "$(PYTHON)" "$(VENV)"

$(STAMP): $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

# Every text that is translated reaches the .mo, even while others still wait for translation.
$(COMPILED): $(CATALOGS) | $(STAMP)
	$(BIN)/python scripts/catalogs.py >/dev/null || true

# The lock: exact versions and their hashes of everything requirements.txt needs, for every
# platform. Run it after adding a line to requirements.txt, and commit both files.
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet "uv>=0.5"
	$(BIN)/python -m uv $(UV_COMPILE)
	@echo "wrote $(LOCK); the next make app or make test installs it"

# The suite against the newest versions requirements.txt allows, in a venv of its own, so that a
# new release that breaks something is found before it reaches the lock.
test-latest: browser
	@test -x $(LATEST)/bin/python || scripts/make-venv.sh "$(PYTHON)" "$(LATEST)"
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -r requirements.txt
	$(LATEST)/bin/python scripts/catalogs.py >/dev/null || true
	$(LATEST)/bin/python -m pip list --format=freeze > $(LATEST)/versions.txt
	$(LATEST)/bin/python -m pytest $(PYTEST_ARGS)

app: $(STAMP) $(COMPILED)
	$(BIN)/python -m workbook app --host "$(HOST)" --port "$(PORT)" $(if $(TOKEN),--token "$(TOKEN)") $(if $(POOL),--pool "$(POOL)") $(if $(ROOM),--room "$(ROOM)") $(if $(KERNEL_MEMORY),--kernel-memory "$(KERNEL_MEMORY)")

test: $(STAMP) $(COMPILED) browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

browser:
	@scripts/ensure-chromium.sh

lab: $(STAMP) $(COMPILED)
	$(BIN)/python -m workbook lab

report: $(STAMP) $(COMPILED)
	$(BIN)/python -m workbook report data/sample_team.csv --by owner --out reports

lint: $(STAMP)
	$(BIN)/ruff check workbook tests benchmarks scripts notebooks
	$(BIN)/ruff format --check workbook tests benchmarks scripts

# Translations (gettext catalogs kept with Babel): extract every marked text, update nb's catalog.
BABEL_KEYWORDS := -k _ -k N_ -k ngettext:1,2 -k pgettext:1c,2
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --no-location --sort-output \
		--omit-header -o workbook/locale/workbook.pot . >/dev/null
	$(BIN)/pybabel update -D workbook -d workbook/locale -i workbook/locale/workbook.pot \
		--no-fuzzy-matching --ignore-obsolete
	$(BIN)/python scripts/catalogs.py

catalogs: $(STAMP)
	$(BIN)/python scripts/catalogs.py
