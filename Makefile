# The commands of the README. Every target creates .venv when it is missing and reinstalls only
# when requirements.txt or pyproject.toml changed since the last install.
PYTHON ?= python3
VENV   ?= .venv
HOST   ?= 127.0.0.1
PORT   ?= 8866
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: help app test lab report lint browser messages catalogs

help:
	@echo "make app     serve the Voila app on http://$(HOST):$(PORT) (HOST=, PORT=, TOKEN=, POOL=, KERNEL_MEMORY= override)"
	@echo "make test    run every test (installs Chromium for the browser tests when it can)"
	@echo "make lab     open the guided notebooks in JupyterLab"
	@echo "make report  write the sample team's reports to reports/"
	@echo "make lint    check the code and the notebooks with ruff"
	@echo "make messages  extract the texts to translate and update the Norwegian catalog"
	@echo "make catalogs  compile the catalogs (every install does it too)"

$(BIN)/python:
	@scripts/make-venv.sh "$(PYTHON)" "$(VENV)"

$(STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/pybabel compile --use-fuzzy --statistics -D workbook -d workbook/locale 2>/dev/null || true
	@touch $@

app: $(STAMP)
	$(BIN)/python -m workbook.app --host "$(HOST)" --port "$(PORT)" $(if $(TOKEN),--token "$(TOKEN)") $(if $(POOL),--pool "$(POOL)") $(if $(KERNEL_MEMORY),--kernel-memory "$(KERNEL_MEMORY)")

test: $(STAMP) browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

browser:
	@scripts/ensure-chromium.sh

lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

report: $(STAMP)
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
	$(BIN)/pybabel compile --statistics -D workbook -d workbook/locale

catalogs: $(STAMP)
	$(BIN)/pybabel compile --statistics -D workbook -d workbook/locale
