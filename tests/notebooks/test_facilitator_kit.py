"""The trainer's kit stays true, in English and in Norwegian: the sample's expected answers, the
agendas' references, the export guides' headers, the fill-in grids, the privacy notes, the
worksheets' steps, and the links between the kit's documents."""

from __future__ import annotations

import functools
import importlib.util
import re
import sys

import pytest

from workbook import coaching, formatting, paths
from workbook.coaching import self_check
from workbook.coaching.lessons import Results
from workbook.course.book import read_book
from workbook.i18n import _, use_language
from workbook.loading import load
from workbook.loading.headers import match_header

KIT = paths.FACILITATOR_DIR
SYSTEMS = ["Salesforce", "HubSpot", "Microsoft Dynamics 365 Sales", "SuperOffice CRM", "Tripletex"]
#: Each language's participant documents, and the words the checks below look for in them.
KITS = {
    "en": {
        "exports": "crm-exports.md",
        "privacy": "privacy.md",
        "worksheet": "worksheet.html",
        "grid": "estimates-template.xlsx",
        "reads": "Columns the workbook reads",
        "uncertain": "check your version",
        "grid_section": "No visits, hours or potential? The fill-in grid",
    },
    "nb": {
        "exports": "crm-eksport.md",
        "privacy": "personvern.md",
        "worksheet": "arbeidsark.html",
        "grid": "utfyllingsskjema.xlsx",
        "reads": "Kolonner arbeidsboka leser",
        "uncertain": "sjekk versjonen din",
        "grid_section": "Ingen besøk, timer eller potensial? Utfyllingsskjemaet",
    },
}


def kit_text(language: str, document: str) -> str:
    return (KIT / KITS[language][document]).read_text(encoding="utf-8")


def flat(text: str) -> str:
    """``text`` with its line breaks and runs of spaces as single spaces (Markdown wraps lines)."""
    return " ".join(plain(text).split())


def section(text: str, heading: str) -> str:
    return text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def table_rows(text: str) -> list[list[str]]:
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("|")
    ]
    return rows[2:]  # without the header and the |---| line


#: Each guide, in its own language, and the words the checks below look for in it.
GUIDES = {
    "en": {
        "file": "session-guide.md",
        "answers": "Expected answers on the sample",
        "questions": "Discussion questions",
        "short": "The 90-minute session (the app course)",
        "half_day": "The half-day session (about 3½ hours, guided notebooks)",
        "to": "to",  # "Q8 to Q11"
        "step": "Step",
        "last_step": "Your plan",
        "break": "Break",
        "buffer": "Buffer",
        "room": "room",
        "downloads": ("Download my plan (HTML)", "Download calendar (.ics)", "Download tier list"),
    },
    "nb": {
        "file": "kursveiledning.md",
        "answers": "Forventede svar på eksempeldataene",
        "questions": "Spørsmål til diskusjon",
        "short": "Kurset på 90 minutter (i appen)",
        "half_day": "Halvdagskurset (ca. 3½ timer, veiledede notatbøker)",
        "to": "til",
        "step": "Steg",
        "last_step": "Planen din",
        "break": "Pause",
        "buffer": "Buffer",
        "room": "gruppa",
        "downloads": (
            "Last ned planen min (HTML)",
            "Last ned kalender (.ics)",
            "Last ned kundegruppelisten",
        ),
    },
}

#: The expected answers' questions as each guide asks them, and the answers' words around the
#: figures (the figures themselves come from ``workbook.formatting`` in the guide's language).
QUESTIONS = {
    "counts": ("Accounts, and how many in A, B and C", "Kunder, og hvor mange i A, B og C"),
    "top20": (
        "Share of revenue from the top 20% of accounts",
        "Andel av omsetningen fra de største 20 % av kundene",
    ),
    "for80": ("Accounts that make 80% of revenue", "Kunder som står for 80 % av omsetningen"),
    "biggest": (
        "Share of revenue from the biggest account",
        "Andel av omsetningen fra den største kunden",
    ),
    "gini": ("Gini coefficient of revenue", "Gini-tallet for omsetningen"),
    "kept": (
        "A accounts that stay A when ranked by gross profit",
        "A-kunder som blir i gruppe A når du rangerer etter DB",
    ),
    "time_on_a": (
        "Share of selling time on A accounts today",
        "Andel av salgstiden som går til A-kunder i dag",
    ),
    "focus": ("Focus score today", "Fokusscore i dag"),
    "over": (
        'Over-served accounts ("customers you like")',
        "Kunder som får mer tid enn verdien tilsier (favorittkundene dine)",
    ),
    "under": ("Under-served A accounts", "A-kunder som får for lite tid"),
    "loss": (
        "Share of C accounts that lose money after serving costs",
        "Andel av C-kundene som gir tap etter betjeningskostnaden",
    ),
    "near": (
        "B accounts already at 80% or more of their potential",
        "B-kunder som allerede har nådd 80 % eller mer av potensialet",
    ),
    "flagged": ("B accounts the growth screen flags", "B-kunder som vurderingen markerer"),
    "visits": (
        "Visits a year the plan gives the biggest A account",
        "Besøk i året planen gir den største A-kunden",
    ),
    "freed": (
        "Hours a year the plan frees from C, frees from over-served accounts, adds to A",
        "Timer i året planen tar fra C, tar fra kunder som får mer tid enn verdien tilsier, "
        "og gir til A",
    ),
    "cost": (
        "Selling cost per unit of revenue, today and with the plan (same hours)",
        "Salgskostnad per krone omsetning, i dag og med planen (samme antall timer)",
    ),
    "focus_plan": ("Focus score in the plan", "Fokusscore i planen"),
    "hours_week": ("Hours a week the plan frees", "Timer i uka planen frigjør"),
}
WORDS = {
    "en": {
        "for80": "{n} ({share} of the accounts)",
        "cost": "{today}; with the plan {high} to {low}",
    },
    "nb": {
        "for80": "{n} ({share} av kundene)",
        "cost": "{today} i dag; med planen {high} til {low}",
    },
}


def plain(text: str) -> str:
    """``text`` with ordinary spaces (Babel writes ``77\xa0%``, a guide may write ``77 %``)."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


@functools.cache
def sample_figures() -> dict[str, object]:
    """Compute every figure the guides quote, with the package, on the sample."""
    book = read_book("")
    tiered, figures = book.tiered, book.figures
    results = Results(tiered, book.tiers)  # the figures the app's steps show
    today, plan, freed = results.today, results.plan, results.freed
    return {
        "n": figures.n,
        "counts": book.summary["accounts"],
        "top20": figures.top20_share,
        "for80": figures.accounts_for_80,
        "biggest": self_check.biggest_share(tiered),
        "gini": figures.gini,
        "kept": self_check.kept_in_tier(tiered, book.tiers, metric="gross_profit"),
        "time_on_a": self_check.time_share(today),
        "focus": today.score,
        "over": len(today.over_served),
        "under": len(today.under_served),
        "loss": self_check.loss_share(coaching.cost_to_serve(tiered)),
        "near": self_check.near_potential_share(tiered),
        "flagged": len(coaching.growth_screen(tiered).flagged),
        "visits": self_check.visits_of_biggest(plan, tier="A"),
        "freed": (freed.from_c, freed.from_over_served, freed.to_a),
        "cost": coaching.before_after(tiered, plan).table["cost_per_revenue"],
        "room": coaching.room_figures(tiered, plan),
    }


def sample_answers(language: str) -> dict[str, str]:
    """Every answer a guide quotes, keyed by its question, written in the guide's language."""
    f, words = sample_figures(), WORDS[language]
    n, counts, cost, room = f["n"], f["counts"], f["cost"], f["room"]
    with use_language(language):
        answers = {
            "counts": f"{n}: {counts['A']} A, {counts['B']} B, {counts['C']} C",
            "top20": formatting.share(f["top20"]),
            "for80": words["for80"].format(n=f["for80"], share=formatting.share(f["for80"] / n)),
            "biggest": formatting.share(f["biggest"]),
            "gini": formatting.number(f["gini"], 2),
            "kept": formatting.share(f["kept"]),
            "time_on_a": formatting.share(f["time_on_a"]),
            "focus": formatting.fixed(f["focus"], 2),
            "over": str(f["over"]),
            "under": str(f["under"]),
            "loss": formatting.share(f["loss"]),
            "near": formatting.share(f["near"]),
            "flagged": str(f["flagged"]),
            "visits": formatting.number(f["visits"]),
            "freed": ", ".join(formatting.hours(h, 0) for h in f["freed"]),
            "cost": words["cost"].format(
                today=formatting.share(cost["today"], 1),
                high=formatting.share(cost["plan_high"], 1),
                low=formatting.share(cost["plan_low"], 1),
            ),
            "focus_plan": formatting.fixed(room.focus_plan, 2),
            "hours_week": formatting.hours(room.hours_freed_per_week),
        }
    column = list(GUIDES).index(language)
    return {QUESTIONS[key][column]: plain(answer) for key, answer in answers.items()}


def guide(language: str) -> str:
    return (KIT / GUIDES[language]["file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("language", GUIDES)
def test_the_guide_s_expected_answers_are_what_the_package_computes_on_the_sample(language):
    rows = table_rows(section(guide(language), GUIDES[language]["answers"]))
    quoted = {plain(question): plain(answer) for _step, question, answer in rows}
    assert quoted == sample_answers(language)


@pytest.mark.parametrize("language", GUIDES)
def test_the_agendas_point_at_questions_that_exist_and_every_question_is_used(language):
    words, text = GUIDES[language], guide(language)
    questions = section(text, words["questions"])
    defined = re.findall(r"\*\*(Q\d+) ", questions)
    assert defined == [f"Q{i}" for i in range(1, len(defined) + 1)]
    agendas = section(text, words["short"]) + section(text, words["half_day"])
    used = set(re.findall(r"\bQ(\d+)\b", agendas))
    for low, high in re.findall(rf"\bQ(\d+) {words['to']} Q(\d+)\b", agendas):
        used |= {str(i) for i in range(int(low), int(high) + 1)}
    assert {f"Q{i}" for i in used} <= set(defined)
    assert set(defined) - {f"Q{i}" for i in used} <= {"Q12"}  # the closing one, after the session


@pytest.mark.parametrize("language", GUIDES)
def test_the_90_minutes_walk_through_the_app_s_eight_steps_with_a_break_and_a_buffer(language):
    words = GUIDES[language]
    table = section(guide(language), words["short"])
    from workbook.widgets.app import steps as app_steps

    with use_language(language):
        steps = app_steps()  # the last one, "Your plan", has the downloads
    assert len(steps) == 8 and steps[-1] == words["last_step"]
    positions = [
        table.index(f"{words['step']} {i} *{name}*") for i, name in enumerate(steps, start=1)
    ]
    assert positions == sorted(positions)
    assert f"| {words['break']} |" in table and words["buffer"] in table
    assert words["room"] in table.lower()
    for download in words["downloads"]:
        assert download in table


@pytest.mark.parametrize("language", GUIDES)
def test_both_agendas_have_a_break_a_buffer_and_time_with_the_room(language):
    words = GUIDES[language]
    for heading in (words["short"], words["half_day"]):
        rows = table_rows(section(guide(language), heading))
        whats = [row[2] for row in rows]
        assert any(w.startswith(words["break"]) for w in whats), heading
        assert any(words["buffer"] in w for w in whats), heading
        assert sum(words["room"] in w.lower() for w in whats) >= 1, heading


PAIR = re.compile(r"`([^`]+)` → (\w+)")


@pytest.mark.parametrize("language", KITS)
def test_every_header_the_export_guide_promises_is_read_as_it_says(language):
    pairs = PAIR.findall(kit_text(language, "exports"))
    assert len(pairs) >= 40
    wrong = [
        (header, target, getattr(match_header(header), "target", None))
        for header, target in pairs
        if getattr(match_header(header), "target", None) != target
    ]
    assert wrong == []


@pytest.mark.parametrize("system", [*SYSTEMS, "Visma"])
@pytest.mark.parametrize("language", KITS)
def test_each_system_says_what_to_export_and_where_the_documentation_is_uncertain(language, system):
    words = KITS[language]
    text = section(kit_text(language, "exports"), system)
    assert words["reads"] in text or "→ account" in text
    assert words["uncertain"] in text.lower()
    assert "→ revenue" in text and "→ account" in text


@pytest.mark.parametrize("language", KITS)
def test_the_export_guide_names_the_fill_in_grid_s_own_headers(language):
    text = section(kit_text(language, "exports"), KITS[language]["grid_section"])
    kit = load_kit_script()
    named = [header for header, _target in PAIR.findall(text)]
    assert named == kit.headers(language)
    assert all(f"]({name})" in text for name in map(lambda p: p.name, kit.paths_of(language)))


def test_the_norwegian_export_guide_names_the_app_s_controls_as_the_screen_shows_them():
    text = flat(kit_text("nb", "exports"))
    with use_language("nb"):
        labels = [
            _("Upload your file"),
            _("Which columns were used, and how to correct them"),
            _("Read the file again with these columns"),
        ]
    assert all(f"*{label}*" in text for label in labels), labels


def load_kit_script():
    if "kit_script" not in sys.modules:
        path = paths.PROJECT_ROOT / "scripts" / "kit.py"
        spec = importlib.util.spec_from_file_location("kit_script", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["kit_script"] = module
        spec.loader.exec_module(module)
    return sys.modules["kit_script"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("language", ["en", "nb"])
def test_the_fill_in_grid_loads_with_every_estimate_in_its_column(language, suffix):
    kit = load_kit_script()
    csv, xlsx = kit.paths_of(language)
    result = load(csv if suffix == ".csv" else xlsx)
    assert result.kind == "accounts" and len(result.accounts) == len(kit.EXAMPLES)
    targets = [target for _, target, _ in kit.COLUMNS]
    assert result.columns == dict(zip(targets, kit.headers(language), strict=True))
    examples = zip(kit.EXAMPLES, kit.example_rows(language), strict=True)
    names = {row[1]: written[1] for row, written in examples}  # "Example: …", "Eksempel: …"
    accounts = result.accounts.set_index("account")
    assert accounts.at[names["Fjordbakeri AS"], "visits"] == 24
    assert accounts.at[names["Lys Kafé DA"], "potential"] == 35000
    assert accounts["potential"].isna().sum() == 1  # a blank potential stays unknown
    assert any("blank" in w for w in result.warnings)


def test_the_norwegian_grid_speaks_norwegian_and_opens_in_columns_in_norwegian_excel():
    kit = load_kit_script()
    assert kit.headers("nb") == [
        "Kundenummer", "Kunde", "Omsetning", "Dekningsbidrag", "Besøk", "Salgstimer",
        "Henvendelser", "Potensial",
    ]  # fmt: skip
    csv, xlsx = kit.paths_of("nb")
    text = csv.read_text(encoding="utf-8")
    assert text.startswith("\ufeffKundenummer;Kunde;")  # UTF-8 for Excel, ";" as in Norway
    english = kit.paths_of("en")[0].read_text(encoding="utf-8")
    assert english.startswith("\ufeffCustomer number,Customer,")  # Excel reads its é as é
    assert "Eksempel: Fjordbakeri AS" in text
    sheets = kit.sheet_values(xlsx)
    assert list(sheets) == ["Kundene dine", "Slik fyller du ut"]
    english = {text for row in kit.sheet_values(kit.paths_of("en")[1])["How to fill in"]
               for text in row if text}  # fmt: skip
    how = [text for row in sheets["Slik fyller du ut"] for text in row if text]
    assert how[0] == "Utfyllingsskjema for Account Focus Workbook"
    assert not english & set(how)  # every sentence of the steps is translated


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


@pytest.mark.parametrize(
    "name",
    [
        "session-guide.md",
        "kursveiledning.md",
        "crm-exports.md",
        "crm-eksport.md",
        "invitation.md",
        "invitasjon.md",
        "privacy.md",
        "personvern.md",
    ],
)
def test_the_kit_s_links_lead_to_files_in_the_kit(name):
    text = (KIT / name).read_text(encoding="utf-8")
    links = [link for link in LINK.findall(text) if not link.startswith("http")]
    assert links and all((KIT / link).is_file() for link in links), links
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):  # links within the page
        headings = re.findall(r"^#+ (.+)$", text, flags=re.M)
        slugs = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}
        assert anchor in slugs, anchor


@pytest.mark.parametrize(
    ("language", "name", "nobody_collects"),
    [
        ("en", "invitation.md", "Nobody collects your file"),
        ("nb", "invitasjon.md", "Ingen samler inn filen din"),
    ],
)
def test_the_invitation_sends_the_pre_work_and_the_route_without_make(
    language, name, nobody_collects
):
    text = (KIT / name).read_text(encoding="utf-8")
    for needed in ("exports", "grid", "privacy"):
        assert f"]({KITS[language][needed]})" in text
    assert "python -m workbook lab" in text and "pip install -r requirements.txt" in text
    assert nobody_collects in text


#: What each privacy note says: its three headings, and the phrases that must be in it (the buttons
#: in the app's own words, from the catalog).
PRIVACY = {
    "en": (
        ("## What leaves your hands", "## Where your data is", "## When it is gone"),
        (
            "Nothing, unless you press a button",
            "Never a customer's name, number or amount",
            "deleted when the trainer stops the app",
        ),
    ),
    "nb": (
        ("## Dette forlater deg", "## Her er dataene dine", "## Når det er borte"),
        (
            "Ingenting, med mindre du trykker på en knapp",
            "Aldri navnet, nummeret eller beløpet til en kunde",
            "slettes når kursholderen stopper appen",
        ),
    ),
}
#: The words each note describes every figure a room keeps with (None: a word, not a figure).
SHARED = {
    "accounts_band": ("how many accounts", "hvor mange kunder"),
    "metric": (None, None),  # which value the tiers rank by
    "top20_share": ("top 20%", "de største 20 % av kundene"),
    "accounts_for_80_share": ("make 80%", "står for 80 %"),
    "gini": ("gini", "gini-tallet"),
    "focus_today": ("focus score today", "fokusscoren din i dag"),
    "focus_plan": ("in your plan", "i planen din"),
    "time_on_a_today": (
        "selling time on a accounts today",
        "til a-kunder i dag",
    ),
    "time_on_a_plan": ("in your plan", "i planen din"),
    "hours_freed_per_week": ("hours a week your plan frees", "timene i uka planen din frigjør"),
}


@pytest.mark.parametrize("language", KITS)
def test_the_privacy_note_says_what_leaves_where_it_lives_and_when_it_is_gone(language):
    text = flat(kit_text(language, "privacy"))
    headings, phrases = PRIVACY[language]
    with use_language(language):
        buttons = (_("Share my figures with the room"), _("Withdraw my figures"))
    for needed in (*headings, *phrases, *buttons):
        assert needed in text


@pytest.mark.parametrize("language", KITS)
def test_what_the_privacy_note_says_is_shared_is_what_a_room_keeps(language):
    from workbook.coaching.room import FIELDS

    text = flat(kit_text(language, "privacy")).lower()
    column = list(KITS).index(language)
    assert set(SHARED) == {f.name for f in FIELDS}
    described = [words[column] for words in SHARED.values() if words[column]]
    assert [phrase for phrase in described if phrase not in text] == []


STEP_CELL = re.compile(r'<td class="step">(\d) ([^<]+)</td>')


@pytest.mark.parametrize("language", KITS)
def test_the_worksheet_walks_through_the_app_s_steps_by_their_names_on_screen(language):
    from workbook.widgets.app import steps as app_steps

    html = kit_text(language, "worksheet")
    with use_language(language):
        steps = app_steps()
    rows = [(int(number), name) for number, name in STEP_CELL.findall(html)]
    assert rows == list(enumerate(steps[:7], start=1))
    assert f"<h2>8 {steps[7]}: " in html  # the plan's three lines
    assert f'<html lang="{language}">' in html


def test_both_worksheets_print_with_one_stylesheet():
    """Each worksheet carries its page layout inline (it is handed out as one file), the same
    in both: the one-A4-page print test of one holds for the other."""
    style = re.compile(r"<style>(.*?)</style>", re.S)
    english, norwegian = (style.findall(kit_text(code, "worksheet")) for code in ("en", "nb"))
    assert len(english) == 1 and norwegian == english


def test_the_norwegian_guide_hands_out_the_norwegian_kit():
    kit_table = guide("nb").split("\n## ", 1)[0]
    linked = set(LINK.findall(kit_table))
    assert {words for key, words in KITS["nb"].items() if "." in words} <= linked
    assert not {words for key, words in KITS["en"].items() if "." in words} & linked
