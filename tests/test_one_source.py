"""One source for each setting and each sentence: change it in one place and every surface (the
command line, the guided notebooks, the app and the report) follows."""

from __future__ import annotations

import json
from types import MappingProxyType

import pytest

import workbook
from workbook import cli, parameters, paths
from workbook import settings as settings_module
from workbook.coaching import wording
from workbook.report import sections
from workbook.settings import TierSettings
from workbook.widgets import ConcentrationPanel, WorkbookApp, guide


@pytest.fixture
def c_is_30_percent(monkeypatch):
    """Change the default c in its one place, as a newcomer editing workbook/settings.py would."""
    changed = {
        **settings_module.THRESHOLDS,
        "account_share": MappingProxyType({"a": 0.2, "c": 0.3}),
    }
    monkeypatch.setattr(settings_module, "THRESHOLDS", MappingProxyType(changed))


def test_a_changed_default_c_reaches_every_surface(c_is_30_percent, capsys, tmp_path):
    assert TierSettings().c == 0.3
    # the command line
    assert cli.main(["tiers", str(paths.SAMPLE_ACCOUNTS), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["tiers"]["C"]["accounts"] == 75  # floor(0.3·250)
    # the notebooks: their parameters cells' help, and the book they open
    assert "None: 0.30" in parameters.parameters_cell(["c"])
    book = guide.Course(str(tmp_path / "answers.json")).open_book()
    assert book.summary.at["C", "accounts"] == 75
    # the app
    app = WorkbookApp()
    assert app._make("tiers").sliders["c"].value == pytest.approx(0.3)
    # the report
    heading = sections.heading(
        owner="", source="a.csv", accounts=book.accounts, tiers=parameters.tier_settings()
    )
    assert "C = the bottom 30%" in str(heading)


def test_a_changed_sentence_reaches_every_surface(monkeypatch, capsys):
    monkeypatch.setattr(wording, "concentration_headline", lambda figures: "ONE SENTENCE")
    accounts = workbook.load_accounts(paths.SAMPLE_ACCOUNTS)
    assert cli.main(["tiers", str(paths.SAMPLE_ACCOUNTS)]) == 0
    assert "ONE SENTENCE" in capsys.readouterr().out
    panel = ConcentrationPanel(accounts)  # the app's Pareto step and notebook 02
    assert "ONE SENTENCE" in panel.headline.value
    tiered = workbook.assign_tiers(accounts)
    summary = workbook.tier_summary(tiered, "revenue")
    assert "ONE SENTENCE" in str(sections.key_figures(workbook.concentration(tiered), summary))
