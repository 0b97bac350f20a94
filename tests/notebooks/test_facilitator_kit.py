"""The trainer's kit stays true: the sample's expected answers, the agendas' references, the export
guide's headers, the fill-in grid, and the links between the kit's documents."""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest

from workbook import coaching, formatting, paths
from workbook.coaching import self_check
from workbook.coaching.lessons import Results
from workbook.course.book import read_book
from workbook.loading import load
from workbook.loading.headers import match_header

KIT = paths.FACILITATOR_DIR
GUIDE = (KIT / "session-guide.md").read_text(encoding="utf-8")
EXPORTS = (KIT / "crm-exports.md").read_text(encoding="utf-8")
SYSTEMS = ["Salesforce", "HubSpot", "Microsoft Dynamics 365 Sales", "SuperOffice CRM", "Tripletex"]


def section(text: str, heading: str) -> str:
    return text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def table_rows(text: str) -> list[list[str]]:
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("|")
    ]
    return rows[2:]  # without the header and the |---| line


def sample_answers() -> dict[str, str]:
    """Compute every answer the guide quotes, with the package, on the sample."""
    book = read_book("")
    tiered, figures = book.tiered, book.figures
    counts = book.summary["accounts"]
    results = Results(tiered, book.tiers)  # the figures the app's steps show
    today, plan, freed = results.today, results.plan, results.freed
    outlook = coaching.before_after(tiered, plan).table["cost_per_revenue"]
    room = coaching.room_figures(tiered, plan)
    n = figures.n
    return {
        "Accounts, and how many in A, B and C": (
            f"{n}: {counts['A']} A, {counts['B']} B, {counts['C']} C"
        ),
        "Share of revenue from the top 20% of accounts": formatting.share(figures.top20_share),
        "Accounts that make 80% of revenue": (
            f"{figures.accounts_for_80} ({formatting.share(figures.accounts_for_80 / n)} of the "
            "accounts)"
        ),
        "Share of revenue from the biggest account": formatting.share(
            self_check.biggest_share(tiered)
        ),
        "Gini coefficient of revenue": formatting.number(figures.gini, 2),
        "A accounts that stay A when ranked by gross profit": formatting.share(
            self_check.kept_in_tier(tiered, book.tiers, metric="gross_profit")
        ),
        "Share of selling time on A accounts today": formatting.share(self_check.time_share(today)),
        "Focus score today": formatting.fixed(today.score, 2),
        'Over-served accounts ("customers you like")': str(len(today.over_served)),
        "Under-served A accounts": str(len(today.under_served)),
        "Share of C accounts that lose money after serving costs": formatting.share(
            self_check.loss_share(coaching.cost_to_serve(tiered))
        ),
        "B accounts already at 80% or more of their potential": formatting.share(
            self_check.near_potential_share(tiered)
        ),
        "B accounts the growth screen flags": str(len(coaching.growth_screen(tiered).flagged)),
        "Visits a year the plan gives the biggest A account": formatting.number(
            self_check.visits_of_biggest(plan, tier="A")
        ),
        "Hours a year the plan frees from C, frees from over-served accounts, adds to A": ", ".join(
            formatting.hours(h, 0) for h in (freed.from_c, freed.from_over_served, freed.to_a)
        ),
        "Selling cost per unit of revenue, today and with the plan (same hours)": (
            f"{formatting.share(outlook['today'], 1)}; with the plan "
            f"{formatting.share(outlook['plan_high'], 1)} to "
            f"{formatting.share(outlook['plan_low'], 1)}"
        ),
        "Focus score in the plan": formatting.fixed(room.focus_plan, 2),
        "Hours a week the plan frees": formatting.hours(room.hours_freed_per_week),
    }


def test_the_guide_s_expected_answers_are_what_the_package_computes_on_the_sample():
    rows = table_rows(section(GUIDE, "Expected answers on the sample"))
    quoted = {question: answer for _step, question, answer in rows}
    assert quoted == sample_answers()


def test_the_agendas_point_at_questions_that_exist_and_every_question_is_used():
    questions = section(GUIDE, "Discussion questions")
    defined = re.findall(r"\*\*(Q\d+) ", questions)
    assert defined == [f"Q{i}" for i in range(1, len(defined) + 1)]
    agendas = section(GUIDE, "The 90-minute session (the app course)") + section(
        GUIDE, "The half-day session (about 3½ hours, guided notebooks)"
    )
    used = set(re.findall(r"\bQ(\d+)\b", agendas))
    for low, high in re.findall(r"\bQ(\d+) to Q(\d+)\b", agendas):
        used |= {str(i) for i in range(int(low), int(high) + 1)}
    assert {f"Q{i}" for i in used} <= set(defined)
    assert set(defined) - {f"Q{i}" for i in used} <= {"Q12"}  # the closing one, after the session


def test_the_90_minutes_walk_through_the_app_s_eight_steps_with_a_break_and_a_buffer():
    table = section(GUIDE, "The 90-minute session (the app course)")
    from workbook.widgets.app import steps as app_steps

    steps = app_steps()  # the last one, "Your plan", has the downloads
    assert len(steps) == 8 and steps[-1] == "Your plan"
    positions = [table.index(f"Step {i} *{name}*") for i, name in enumerate(steps, start=1)]
    assert positions == sorted(positions)
    assert "| Break |" in table and "Buffer" in table and "room" in table.lower()
    for download in ("Download my plan (HTML)", "Download calendar (.ics)", "Download tier list"):
        assert download in table


def test_both_agendas_have_a_break_a_buffer_and_time_with_the_room():
    for heading in (
        "The 90-minute session (the app course)",
        "The half-day session (about 3½ hours, guided notebooks)",
    ):
        rows = table_rows(section(GUIDE, heading))
        whats = [row[2] for row in rows]
        assert any(w.startswith("Break") for w in whats), heading
        assert any("Buffer" in w for w in whats), heading
        assert sum("room" in w.lower() for w in whats) >= 1, heading


PAIR = re.compile(r"`([^`]+)` → (\w+)")


def test_every_header_the_export_guide_promises_is_read_as_it_says():
    pairs = PAIR.findall(EXPORTS)
    assert len(pairs) >= 40
    wrong = [
        (header, target, getattr(match_header(header), "target", None))
        for header, target in pairs
        if getattr(match_header(header), "target", None) != target
    ]
    assert wrong == []


@pytest.mark.parametrize("system", [*SYSTEMS, "Visma"])
def test_each_system_says_what_to_export_and_where_the_documentation_is_uncertain(system):
    text = section(EXPORTS, system)
    assert "Columns the workbook reads" in text or "→ account" in text
    assert "check your version" in text.lower()
    assert "→ revenue" in text and "→ account" in text


def load_kit_script():
    if "kit_script" not in sys.modules:
        path = paths.PROJECT_ROOT / "scripts" / "kit.py"
        spec = importlib.util.spec_from_file_location("kit_script", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["kit_script"] = module
        spec.loader.exec_module(module)
    return sys.modules["kit_script"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_fill_in_grid_loads_with_every_estimate_in_its_column(suffix):
    kit = load_kit_script()
    result = load(KIT / f"estimates-template{suffix}")
    assert result.kind == "accounts" and len(result.accounts) == len(kit.EXAMPLES)
    assert {target: header for target, header in result.columns.items()} == {
        target: header for header, target, _ in kit.COLUMNS
    }
    accounts = result.accounts.set_index("account")
    assert accounts.at["Example: Fjordbakeri AS", "visits"] == 24
    assert accounts.at["Example: Lys Kafé DA", "potential"] == 35000
    assert accounts["potential"].isna().sum() == 1  # a blank potential stays unknown
    assert any("blank" in w for w in result.warnings)


def test_the_committed_grid_is_what_the_script_writes():
    assert load_kit_script().main(["--check"]) == 0


def test_the_grid_filled_in_by_a_participant_gives_the_focus_score():
    kit = load_kit_script()
    rows = [",".join(name for name, _, _ in kit.COLUMNS)]
    for i in range(1, 21):
        revenue = 1_000_000 // i
        rows.append(f"{i},Kunde {i} AS,{revenue},{revenue // 4},{max(24 - i, 0)},{30 - i},{i},")
    path = paths.PROJECT_ROOT / "tests" / "artifacts"
    path.mkdir(parents=True, exist_ok=True)
    filled = path / "filled-grid.csv"
    filled.write_text("\n".join(rows) + "\n", encoding="utf-8")
    tiered = read_book(str(filled)).tiered
    today = coaching.time_vs_value(tiered)
    assert today.available and today.time_column == "selling_hours" and 0 < today.score <= 1


LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("name", ["session-guide.md", "crm-exports.md", "invitation.md"])
def test_the_kit_s_links_lead_to_files_in_the_kit(name):
    text = (KIT / name).read_text(encoding="utf-8")
    links = [link for link in LINK.findall(text) if not link.startswith("http")]
    assert links and all((KIT / link).is_file() for link in links), links
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):  # links within the page
        headings = re.findall(r"^#+ (.+)$", text, flags=re.M)
        slugs = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}
        assert anchor in slugs, anchor


def test_the_invitation_sends_the_pre_work_and_the_route_without_make():
    text = (KIT / "invitation.md").read_text(encoding="utf-8")
    for needed in ("crm-exports.md", "estimates-template.xlsx", "privacy.md"):
        assert needed in text
    assert "python -m workbook lab" in text and "pip install -r requirements.txt" in text
    assert "Nobody collects your file" in text


def test_the_privacy_note_says_what_leaves_where_it_lives_and_when_it_is_gone():
    text = (KIT / "privacy.md").read_text(encoding="utf-8")
    for heading in ("## What leaves your hands", "## Where your data is", "## When it is gone"):
        assert heading in text
    for phrase in (
        "Nothing, unless you press a button",
        "Share my figures with the room",
        "Withdraw my figures",
        "Never a customer's name, number or amount",
        "deleted when the trainer stops the app",
    ):
        assert phrase in text


def test_what_the_privacy_note_says_is_shared_is_what_a_room_keeps():
    from workbook.coaching.room import FIELDS

    text = (KIT / "privacy.md").read_text(encoding="utf-8").lower()
    described = {
        "accounts_band": "how many accounts",
        "metric": None,  # which value the tiers rank by: a word, not a figure
        "top20_share": "top 20%",
        "accounts_for_80_share": "make 80%",
        "gini": "gini",
        "focus_today": "focus score today",
        "focus_plan": "in your plan",
        "time_on_a_today": "selling time on a accounts today",
        "time_on_a_plan": "in your plan",
        "hours_freed_per_week": "hours a week your plan frees",
    }
    assert set(described) == {f.name for f in FIELDS}
    assert all(phrase in text for phrase in described.values() if phrase)
