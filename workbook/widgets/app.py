"""The Voilà app: the course on one page, on the participant's own data.

Each step follows the course's rhythm (``workbook.coaching.lessons``): its question, a guess
before the figure is shown, the participant's own figure next to their guess, the step's panel,
and a reflection. The last step gathers it all into a plan with three downloads.

Everything a participant uploads stays in their own kernel (this object's memory) and downloads
are built in memory. Their answers and settings are kept in their own browser (``BrowserStore``),
under a key made from their file, so a reload or a dropped connection loses nothing; "Start over"
forgets them. The app starts on the sample (or ``accounts_path``), so a preheated kernel shows
the first step before anyone has uploaded anything.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
from pathlib import Path
from urllib.parse import parse_qs

import ipywidgets as widgets
import pandas as pd

from workbook import analysis, charts, coaching, loading, paths, spreadsheet
from workbook.coaching import wording
from workbook.coaching.action_plan import action_plan
from workbook.coaching.lessons import BY_KEY, GUESSES, LESSONS, Results
from workbook.coaching.prompts import PROMPTS
from workbook.errors import SettingsError
from workbook.i18n import LANGUAGES, N_, _, check_language, language, set_language
from workbook.parameters import PLAN, TIERING, plan_settings, tier_settings
from workbook.paths import slug
from workbook.selection import owners, select_owner
from workbook.settings import PlanSettings, TierSettings
from workbook.widgets.base import MessageArea, guarded
from workbook.widgets.browser import BrowserStore, fingerprint
from workbook.widgets.change import ChangePanel
from workbook.widgets.concentration import ConcentrationPanel
from workbook.widgets.cost import CostPanel
from workbook.widgets.growth import GrowthPanel
from workbook.widgets.lesson_step import LessonStep
from workbook.widgets.plan import PlanPanel
from workbook.widgets.plan_step import PlanStep, found_line
from workbook.widgets.room import RoomShare
from workbook.widgets.style import CSS, figure_html, stylesheet
from workbook.widgets.tiers import TierPanel
from workbook.widgets.time_value import TimePanel
from workbook.widgets.upload import UploadPanel, describe

log = logging.getLogger("workbook")

#: Which version of the kept state this app reads and writes.
STATE_VERSION = 1
KEYS = [lesson.key for lesson in LESSONS]
TOP_COLUMNS = {
    "rank": (N_("Rank"), "count"),
    "account": (N_("Account"), "text"),
    "tier": (N_("Tier"), "text"),
    "revenue": (N_("Revenue"), "money"),
    "gross_profit": (N_("Gross profit"), "money"),
    "visits": (N_("Visits"), "count"),
}


def steps() -> list[str]:
    """The steps' titles in the current language, in order (the tabs' names without numbers)."""
    return [lesson.heading() for lesson in LESSONS]


def close_tree(widget: widgets.Widget) -> None:
    """Close ``widget`` and every widget inside it (frees the browser's and kernel's copies)."""
    for child in getattr(widget, "children", ()):
        close_tree(child)
    widget.close()


class WorkbookApp:
    """The whole course on one page: the file, then the steps as tabs.

    Parameters
    ----------
    accounts_path : str, default ""
        The file the app starts on (empty: the sample accounts).
    owner : str, default ""
        The salesperson to show first, when the file has several.
    language : str, default ""
        ``en`` or ``nb``; a ``?language=nb`` in the page's address wins.
    tiers, plan : TierSettings, PlanSettings, optional
        Where the tiers and the plan start.
    **parameters
        The notebook parameters of ``workbook.parameters`` (``metric``, ``a``,
        ``hours_per_week`` …); those not None change ``tiers`` and ``plan``.
    """

    def __init__(
        self,
        accounts_path: str = "",
        *,
        owner: str = "",
        language: str = "",
        tiers: TierSettings | None = None,
        plan: PlanSettings | None = None,
        **parameters,
    ):
        unknown = sorted(set(parameters) - {*TIERING, *PLAN})
        if unknown:
            raise TypeError(f"WorkbookApp() got unknown parameters {unknown}")
        if language:
            set_language(language)
        charts.enable_offline_widgets()
        self.start_tiers = tier_settings(parameters, saved=tiers)
        self.start_plan = plan_settings(parameters, saved=plan)
        self._wanted_owner = owner
        self.result: loading.LoadResult | None = None
        self.accounts: pd.DataFrame | None = None
        self.key = ""
        self._restoring = False
        self.store = BrowserStore()
        self.store.on_msg(self._from_browser)
        self.room = RoomShare(self._room_figures)  # hidden unless the session has a room
        self.view = widgets.VBox(layout=widgets.Layout(max_width="1100px"))
        self.upload = UploadPanel(on_loaded=self._on_loaded)
        self._render()
        guarded(self.message)(self.upload.load)(paths.resolve_accounts_path(accounts_path))

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.view._repr_mimebundle_(**kwargs)
        if bundle and "text/html" not in bundle:
            bundle["text/html"] = self.first_view_html()  # the page shows it at once
        return bundle

    # --- the page -----------------------------------------------------------------------------
    def _render(self) -> None:
        """(Re)build the page's controls in the current language."""
        old = list(self.view.children)
        if self.result is not None:  # the file stays read; its panel speaks the new language
            kept, self.upload = self.upload, UploadPanel(on_loaded=self._on_loaded)
            self.upload.source, self.upload.result = kept.source, kept.result
            self.upload.summary.value = describe(self.result)
        self.message = MessageArea()
        self.language = widgets.ToggleButtons(
            options=[(name, code) for code, name in LANGUAGES.items()],
            value=language() if language() in LANGUAGES else "en",
            style={"button_width": "110px"},
            tooltips=[_("Show the workbook in {name}").format(name=n) for n in LANGUAGES.values()],
        )
        self.language.observe(guarded(self.message)(self._on_language), "value")
        self.start_over = widgets.Button(
            description=_("Start over"),
            tooltip=_("Forget my answers and settings in this browser"),
            layout=widgets.Layout(width="auto"),
        )
        self.start_over.on_click(guarded(self.message)(self._on_start_over))
        self.owner = widgets.Dropdown(
            description=_("Whose accounts"),
            style={"description_width": "110px"},
            layout=widgets.Layout(width="380px", display="none"),
        )
        self.owner.observe(guarded(self.message)(self._on_owner), "value")
        self.tabs = widgets.Tab()
        self.tabs.observe(guarded(self.message)(self._on_tab), "selected_index")
        self.welcome = widgets.HTML()
        self.header = header = widgets.HTML(
            "<div class='wb-section' style='font-size:26px;margin-top:4px'>"
            + html.escape(_("Account Focus Workbook"))
            + "</div><div class='wb-note' style='font-size:15px'>"
            + html.escape(
                _(
                    "See where your business comes from, sort your accounts into A, B and C, "
                    "and plan your time to match. Guess first, then see your own figure."
                )
            )
            + "</div>"
        )
        top = widgets.HBox(
            [header, widgets.VBox([self.language, self.start_over])],
            layout=widgets.Layout(justify_content="space-between", align_items="flex-start"),
        )
        self.view.children = [
            stylesheet(),
            self.store,
            top,
            self.welcome,
            self.upload.view,
            self.owner,
            self.message,
            self.room.view,
            self.tabs,
        ]
        for widget in old:
            if widget not in (self.store, self.upload.view, self.room.view):
                close_tree(widget)  # the old upload panel too, when it was replaced
        if self.result is not None:
            self._show_owners(self.result)
            self._build()

    def first_view_html(self) -> str:
        """Return the page as it first looks, as plain HTML (no controls): the header and the
        first step's question and the guess it asks for.

        The app's page shows it as soon as it arrives, while the widgets connect (about two
        seconds in a browser on its own here, far longer when a whole room opens the page at
        once); JupyterLab shows the widgets instead.
        """
        parts = [CSS, self.header.value, self.welcome.value]
        first = getattr(self, "lessons", {}).get(LESSONS[0].key)
        if first is not None:
            parts += [first.header.value, first.prompt.value]
        return f"<div class='wb-first-view'>{''.join(parts)}</div>"

    # --- data in ------------------------------------------------------------------------------
    def _on_loaded(self, result: loading.LoadResult) -> None:
        self.result = result
        source = self.upload.source
        content = source[1] if isinstance(source, tuple) else None
        name = source[0] if isinstance(source, tuple) else Path(str(source)).name
        self.key = fingerprint(content) if content is not None else f"file:{name}"
        self.file_name = name
        self._show_owners(result)
        self._reset_choices()
        self._build()
        self.store.load(self.key, self._restore)

    def _show_owners(self, result: loading.LoadResult) -> None:
        names = owners(result.accounts)
        wanted = self._wanted_owner if self._wanted_owner in names else None
        self._restoring = True  # setting the choices must not rebuild the steps twice
        try:
            self.owner.options = [(_("Everyone in the file"), ""), *[(n, n) for n in names]]
            self.owner.value = wanted or ""
        finally:
            self._restoring = False
        self.owner.layout.display = None if len(names) > 1 else "none"
        self.accounts = select_owner(result.accounts, self.owner.value)

    def _on_owner(self, change) -> None:
        if self._restoring or change["new"] is None or self.result is None:
            return
        self._wanted_owner = change["new"]
        self.accounts = select_owner(self.result.accounts, change["new"])
        self._build()
        self._save()

    def _reset_choices(self) -> None:
        """Start the settings and answers of a newly loaded file from the app's start."""
        self.tiers = self.start_tiers
        self.plan = self.start_plan
        self.levels = coaching.default_service_levels()
        self.growth_picks: list[str] | None = None
        self.handover: list[str] | None = None
        self.kept_steps: dict[str, dict] = {}
        self.kept_plan: dict = {}

    # --- the steps ----------------------------------------------------------------------------
    def _build(self) -> None:
        """Show the accounts: the first step now, each other step when it is first opened.

        A step's controls are made only when the participant opens it (or the plan needs it):
        a page that arrives with all eight steps' controls, about 500 widgets, costs each
        browser seconds of drawing before it can be used, and a room opening the page at once
        waits for the slowest. What a step kept in the browser is given back as it is made.
        """
        self.message.clear()
        old = list(self.tabs.children)
        self.panels: dict[str, object] = {}
        self._stale: set[str] = set()
        self.lessons: dict[str, LessonStep] = {}
        self.plan_step: PlanStep | None = None
        self._slots = [widgets.VBox() for _lesson in LESSONS]
        self.tabs.children = self._slots
        for i, lesson in enumerate(LESSONS):
            self.tabs.set_title(i, f"{i + 1} {lesson.heading()}")
        self.step(LESSONS[0].key).ask()
        self.tabs.selected_index = 0
        for widget in old:
            close_tree(widget)

    def step(self, key: str) -> LessonStep:
        """Return the step ``key`` of the course, making it (in its tab) when first needed."""
        if key not in self.lessons:
            self.lessons[key] = step = self._new_step(key)
            number = KEYS.index(key)
            parts = [step.view]
            if number + 1 < len(LESSONS):
                button = widgets.Button(
                    description=_("Next: {step} →").format(step=LESSONS[number + 1].heading()),
                    button_style="primary",
                    layout=widgets.Layout(width="auto", margin="18px 0 0 0"),
                )
                button.on_click(lambda _b, n=number + 1: setattr(self.tabs, "selected_index", n))
                parts.append(button)
            self._slots[number].children = parts
            if key in self.kept_steps:
                step.restore(self.kept_steps[key])
        return self.lessons[key]

    def _new_step(self, key: str) -> LessonStep:
        number = KEYS.index(key) + 1
        if key != LESSONS[-1].key:
            return LessonStep(
                number,
                BY_KEY[key],
                results=self.results,
                make_panel=lambda: self._panel(key),
                on_change=self._save,
                extra=self._extra(key),
            )
        self.plan_step = PlanStep(
            build_plan=self._action_plan,
            files={
                _("Download calendar (.ics)"): (
                    lambda: f"{self._who()}-calendar.ics",
                    lambda: coaching.weekly_schedule_ics(
                        self.results().plan, owner=self.owner.value or None
                    ),
                ),
                _("Download tier list (CSV)"): (
                    lambda: f"{self._who()}-tiers.csv",
                    lambda: spreadsheet.csv_bytes(self._tier_list()),
                ),
            },
            filename=lambda: f"{self._who()}-plan.html",
            on_change=self._save,
        )
        self.plan_step.restore(self.kept_plan)
        return LessonStep(
            number,
            BY_KEY[key],
            results=self.results,
            make_panel=lambda: self.plan_step,
            on_change=self._save,
        )

    def step_state(self, key: str) -> dict:
        """What step ``key`` holds as plain data: from the step once made, else as it was kept."""
        step = self.lessons.get(key)
        return step.state() if step is not None else dict(self.kept_steps.get(key) or {})

    def results(self) -> Results:
        """The participant's results as the steps stand now (worked out once per settings)."""
        tiers, plan = self.tier_settings, self.plan_settings
        key = (id(self.accounts), tiers, json.dumps(plan.to_dict(), sort_keys=True))
        if getattr(self, "_results", (None,))[0] != key:
            self._results = (key, Results(self.tiered(), tiers, plan))
        return self._results[1]

    @property
    def tier_settings(self) -> TierSettings:
        """The tier settings in force: the tiers step's once it exists."""
        tiers = self.panels.get("tiers")
        return tiers.settings if tiers else self._pinned()

    @property
    def plan_settings(self) -> PlanSettings:
        """The plan settings in force: the week step's hours, the cost step's hourly cost."""
        settings = self.plan
        week, cost = self.panels.get("week"), self.panels.get("cost")
        try:
            if week is not None:
                settings = week.settings
            if cost is not None:
                settings = PlanSettings.of(settings, hourly_cost=cost.settings.hourly_cost)
        except SettingsError:  # a mix the controls show as a message: keep the last good one
            pass
        return settings

    @property
    def metric(self) -> str:
        return self.tier_settings.metric

    def tiered(self) -> pd.DataFrame:
        """The accounts with the current tiers (the sliders', once the tiers step exists)."""
        tiers = self.panels.get("tiers")
        return tiers.tiered() if tiers else analysis.assign_tiers(self.accounts, self.tier_settings)

    def _pinned(self) -> TierSettings:
        """The tiers to start from, keeping the pins of the accounts shown (another owner's go)."""
        return self.tiers.pins_for(self.accounts["account_id"])

    def _panel(self, key: str):
        """Return the panel of step ``key`` (made once, on the current tiers)."""
        if key not in self.panels:
            self.panels[key] = self._make(key)
        return self.panels[key]

    def _make(self, key: str):
        if key == "tiers":
            tiers = TierPanel(self.accounts, settings=self._pinned())
            tiers.on_change(self._tiers_changed)
            return tiers
        if key == "pareto":
            return ConcentrationPanel(self.accounts, metric=self.metric)
        tiered = self.tiered()
        if key == "accounts":
            return _AccountsStep(self._summary(), tiered, self.metric)
        if key == "time":
            return TimePanel(tiered, metric=self.metric, settings=self.plan_settings)
        if key == "cost":
            panel = CostPanel(tiered, settings=self.plan_settings)
        elif key == "growth":
            panel = GrowthPanel(tiered)
        else:
            panel = PlanPanel(
                tiered,
                settings=self.plan_settings,
                owner=self.owner.value,
                levels=self.levels,
                metric=self.metric,
            )
        _watch(panel.view, self._save)
        return panel

    def _summary(self):
        tiers = self.panels.get("tiers")
        if tiers:
            return tiers.summary()
        return analysis.tier_summary(self.tiered(), self.tier_settings)

    def _extra(self, key: str):
        """Return what a step adds below its panel: what changed since last period (the tiers
        step), the accounts the participant picks (cost, growth)."""
        if key == "tiers":
            return lambda: [self._since_last_period().view]
        if key == "cost":
            return lambda: [self._picker("handover")]
        if key == "growth":
            return lambda: [self._picker("growth")]
        return None

    def _since_last_period(self) -> ChangePanel:
        """Return what changed since last period on the tiers as they are (made once a file)."""
        panel = self.panels.get("change")
        if panel is None:
            panel = self.panels["change"] = ChangePanel.of_load(
                self.result,
                self.accounts,
                self.tier_settings,
                owner=self.owner.value,
                follow=lambda: self.tier_settings,
            )
        else:
            panel.show(self.accounts, self.tier_settings)
        return panel

    def _picker(self, which: str) -> widgets.VBox:
        """Return the list where the participant picks B accounts to grow or C accounts to hand
        over to other channels (kept for their plan)."""
        tiered = self.tiered()
        if which == "growth":
            tier, title = "B", _("The B accounts I will give more time (for my plan):")
            panel = self.panels.get("growth")
            flagged = list(panel.screen.flagged["account"]) if panel is not None else []
            chosen = self.growth_picks if self.growth_picks is not None else flagged
        else:
            tier = "C"
            title = _(
                "The C accounts I hand to inside sales, e-mail or self-service (for my plan):"
            )
            chosen = self.handover
        names = [str(n) for n in tiered.loc[tiered["tier"] == tier, "account"]]
        chosen = names if chosen is None else [n for n in chosen if n in names]
        picker = widgets.SelectMultiple(
            options=names, value=tuple(chosen), rows=8, layout=widgets.Layout(width="420px")
        )

        def picked(change) -> None:
            if which == "growth":
                self.growth_picks = list(change["new"])
            else:
                self.handover = list(change["new"])
            self._save()

        picker.observe(guarded(self.message)(picked), "value")
        return widgets.VBox([widgets.HTML(figure_html(title)), picker])

    def _tiers_changed(self, panel: TierPanel) -> None:
        # The other steps are brought up to date when they are opened, not on every slider move.
        pareto = self.panels.get("pareto")
        self._stale = {
            key
            for key in self.panels
            if key != "tiers" and (key != "pareto" or pareto.metric != self.metric)
        }
        self.tiers = panel.settings
        self._save()

    def _on_tab(self, change) -> None:
        if change["new"] is None or not self.lessons:
            return
        key = LESSONS[change["new"]].key
        for stale in list(self._stale):
            panel = self.panels.get(stale)
            if panel is None or stale != key:
                continue
            self._stale.discard(stale)
            if stale == "accounts":
                panel.show(self._summary(), self.tiered(), self.metric)
            else:
                if hasattr(panel, "metric"):  # value is counted in the metric the tiers rank by
                    panel.metric = self.metric
                panel.show_accounts(self.tiered())
        step = self.step(key)
        step.ask()
        if step.answered and step.extra is not None:
            step._show_panel()  # the picked accounts follow the tiers as they are now
        if key == LESSONS[-1].key:
            self.plan_step.show_found(self._found())
        self._save()

    def _room_figures(self):
        """Return the anonymous figures of the current tiers and plan (for the room view)."""
        results = self.results()
        return coaching.room_figures(results.tiered, results.plan, metric=self.metric)

    # --- the plan -----------------------------------------------------------------------------
    def _who(self) -> str:
        return slug(self.owner.value or _the_owner(self.accounts), fallback="my")

    def _found(self) -> list[str]:
        """The plan's "what I found" lines: each answered step's figure beside the guess."""
        lines = []
        results = self.results()
        for lesson in LESSONS[:-1]:
            state, guess = self.step_state(lesson.key), GUESSES[lesson.guess]
            figure = guess.answer(results)
            if state.get("answered") and figure == figure:  # NaN: the data could not answer
                guessed = None if state.get("skipped") else state.get("guess")
                lines.append(found_line(guess.text(), guessed, figure, guess.kind))
        return lines

    def _tier_list(self) -> pd.DataFrame:
        return coaching.tier_list(self.tiered())

    def _action_plan(self, step: PlanStep):
        results = self.results()
        reflections = {
            lesson.reflection: str(self.step_state(lesson.key).get("reflection") or "")
            for lesson in LESSONS[:-1]
        }
        week = self.panels.get("week")
        levels = week.service.levels() if week is not None else self.levels
        return action_plan(
            {**reflections, **step.answers()},
            plan=results.plan,
            facts=[wording.tier_headline(self._summary(), metric=self.metric), *self._found()],
            today=results.today,
            levels=levels,
            screen=results.screen,
            owner=self.owner.value or _the_owner(results.tiered),
            source=self.file_name,
            commitments=step.commitments(),
            tiers=self.tier_settings,
            growth_picks=self.growth_picks,
            handover=self.handover,
            where=lambda prompt: _step_of(prompt.key),
        )

    # --- kept in the browser ------------------------------------------------------------------
    def state(self) -> dict:
        """Everything the participant chose and wrote, as plain data (for their browser)."""
        week = self.panels.get("week")
        levels = week.service.levels() if week is not None else self.levels
        return {
            "version": STATE_VERSION,
            "file": getattr(self, "file_name", ""),
            "language": language(),
            "owner": self.owner.value,
            "tiers": self.tier_settings.to_dict(),
            "plan": self.plan_settings.to_dict(),
            "levels": {
                str(t): {k: _plain(v) for k, v in row.items()} for t, row in levels.iterrows()
            },
            "growth": self.growth_picks,
            "handover": self.handover,
            "steps": {key: kept for key in KEYS if (kept := self.step_state(key))},
            "plan_step": self.plan_step.state() if self.plan_step else dict(self.kept_plan),
            "tab": self.tabs.selected_index or 0,
            "saved": dt.datetime.now().isoformat(timespec="seconds"),
        }

    def _save(self, *_ignored) -> None:
        if not self._restoring and self.key:
            self.store.save(self.state())

    def _restore(self, state: dict) -> None:
        """Give back what the participant's browser kept for this file (nothing: a fresh start)."""
        if not state or state.get("version") != STATE_VERSION:
            return
        self._restoring = True
        try:
            try:
                self.tiers = TierSettings.from_dict(state.get("tiers") or {})
                self.plan = PlanSettings.from_dict(state.get("plan") or {})
            except (SettingsError, TypeError):
                log.info("kept settings no longer valid; starting from the defaults")
            levels = state.get("levels")
            if isinstance(levels, dict) and set(levels) == {"A", "B", "C"}:
                self.levels = pd.DataFrame.from_dict(levels, orient="index").rename_axis("tier")
            self.growth_picks = _names_or_none(state.get("growth"))
            self.handover = _names_or_none(state.get("handover"))
            self.kept_steps = state.get("steps") if isinstance(state.get("steps"), dict) else {}
            plan_step = state.get("plan_step")
            self.kept_plan = plan_step if isinstance(plan_step, dict) else {}
            owner = state.get("owner")
            if isinstance(owner, str) and owner in [v for _l, v in self.owner.options]:
                self.owner.value = owner
                self.accounts = select_owner(self.result.accounts, owner)
            self._build()
            tab = state.get("tab")
            if isinstance(tab, int) and 0 <= tab < len(LESSONS):
                self.tabs.selected_index = tab
        finally:
            self._restoring = False
        when = str(state.get("saved", ""))[:16].replace("T", " ")
        self.welcome.value = figure_html(
            _(
                "Welcome back: your answers and settings for {file} are as you left them ({when})."
            ).format(file=self.file_name, when=when)
        )

    def _on_start_over(self, _button=None) -> None:
        self.store.forget()
        self._reset_choices()
        self.welcome.value = figure_html(
            _("Started over: your answers and settings are forgotten.")
        )
        self._restoring = True  # nothing is kept again until the participant does something
        try:
            self._build()
        finally:
            self._restoring = False

    def _from_browser(self, _widget, content: dict, _buffers) -> None:
        """The browser's first message carries the page's address: ``?language=nb`` is obeyed."""
        if content.get("op") != "ready":
            return
        query = parse_qs(str(content.get("search") or "").lstrip("?"))
        wanted = (query.get("language") or query.get("lang") or [""])[0]
        if wanted:
            try:
                code = check_language(wanted)
            except SettingsError:
                self.message.show(
                    _("The address asks for a language the workbook does not speak."), "warning"
                )
                return
            if code != language():
                set_language(code)
                self._render()

    def _on_language(self, change) -> None:
        if change["new"] and change["new"] != language():
            set_language(change["new"])
            self._render()
            self._save()


def _watch(view: widgets.Widget, callback) -> None:
    """Call ``callback`` when any control inside ``view`` changes (to keep the settings)."""
    if isinstance(view, widgets.ValueWidget) and not isinstance(view, widgets.HTML):
        view.observe(lambda _change: callback(), "value")
    for child in getattr(view, "children", ()):
        _watch(child, callback)


def _plain(value):
    return value.item() if hasattr(value, "item") else value


def _names_or_none(value) -> list[str] | None:
    return [str(v) for v in value] if isinstance(value, list) else None


def _the_owner(tiered: pd.DataFrame) -> str:
    """Return the one salesperson whose accounts these are ("" when there is not one)."""
    names = owners(tiered) if "owner" in tiered.columns else []
    return names[0] if len(names) == 1 else ""


def _step_of(prompt_key: str) -> str:
    """Return the app step that asks a reflection (for the plan's "still to answer")."""
    for number, lesson in enumerate(LESSONS, start=1):
        if lesson.reflection == prompt_key:
            return _("step {n}, {title}").format(n=number, title=lesson.heading())
    return _("your plan") if prompt_key in PROMPTS else prompt_key


class _AccountsStep:
    """Step 1's panel: how the accounts split into tiers, and the biggest accounts as read."""

    def __init__(self, summary, tiered, metric: str):
        self.headline = widgets.HTML()
        self.table = widgets.HTML()
        # Drawn in the kernel: the first panel a participant sees needs no chart bundle.
        self.bars = widgets.HTML()
        self.view = widgets.VBox([self.headline, self.bars, self.table])
        self.show(summary, tiered, metric)

    def show(self, summary, tiered, metric: str) -> None:
        """Show the tiers' summary and the biggest accounts."""
        self.bars.value = charts.svg_html(charts.tier_summary_chart(summary))
        self.headline.value = figure_html(wording.tier_headline(summary, metric=metric))
        ranked = tiered.sort_values("rank")
        shown = {k: (_(v[0]), v[1]) for k, v in TOP_COLUMNS.items() if k in ranked.columns}
        self.table.value = charts.html_table(
            ranked, shown, max_rows=15, caption=_("Your biggest accounts")
        )


__all__ = ["BY_KEY", "LESSONS", "WorkbookApp", "steps"]
