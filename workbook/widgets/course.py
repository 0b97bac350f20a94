"""The course in the guided notebooks: your file, your answers and the settings you settled on,
carried from one notebook to the next.

Every guided notebook's set-up cell makes one :class:`Course` (``scripts/notebooks.py`` writes
it). It opens your accounts with the tier settings kept in 03 and the plan kept in 07 (a value in
the parameters cell wins), says so in one line, and offers the buttons that keep what you settle
on. Nothing leaves your machine: answers and settings are small JSON files in ``reports/``.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from workbook import coaching, paths
from workbook import formatting as fmt
from workbook.coaching import wording
from workbook.coaching.lessons import GUESSES, Results
from workbook.coaching.prompts import PROMPTS
from workbook.course.book import Book, previous_period, read_book
from workbook.course.saved import SavedSettings
from workbook.errors import AccountDataError, SettingsError
from workbook.i18n import _, ngettext, set_language
from workbook.parameters import plan_settings, tier_settings
from workbook.settings import PlanSettings, TierSettings
from workbook.widgets.base import MessageArea, guarded, message_html
from workbook.widgets.change import ChangePanel
from workbook.widgets.exercises import AnswerStore, Reflection, ask, predict
from workbook.widgets.refusals import FileRefused, SettingRefused, missing_file
from workbook.widgets.style import figure_html, stylesheet
from workbook.widgets.upload import ACCEPTED, upload_item

#: The samples a notebook may open when no file is given, by name.
SAMPLES = {"accounts": paths.SAMPLE_ACCOUNTS, "orders": paths.SAMPLE_ORDERS_NB}
#: Where a file chosen in the notebooks is copied, so the next notebooks can open it.
CHOSEN_FILES = paths.REPORTS_DIR / "my-files"


class Course:
    """Your answers and kept settings for the guided notebooks.

    Parameters
    ----------
    answers_path : str, default ""
        The answers file (empty: ``reports/my-answers.json``); settings are kept beside it.
    language : str, default ""
        The language of every text (``en`` or ``nb``); empty keeps the current one.
    """

    def __init__(self, answers_path: str = "", *, language: str = ""):
        if language:
            try:
                set_language(language)
            except SettingsError as error:
                raise SettingRefused(str(error), setting="language") from None
        self.answers = AnswerStore.for_notebook(answers_path)
        self.saved = SavedSettings.beside(self.answers.path)
        self.notes: list[str] = []

    # --- opening your accounts ----------------------------------------------------------------
    def tier_settings(self, **parameters) -> TierSettings:
        """Return the tier settings: the parameters cell's, on top of those kept in 03."""
        kept = self.saved.tiers
        try:
            chosen = tier_settings(parameters, saved=kept)
        except SettingsError as error:
            raise SettingRefused(str(error), setting=error.setting) from None
        if kept is not None and chosen == kept:
            where = self.saved.kept("tiers")
            self._note(
                _("Tiers as you kept them in {notebook}: {rule}").format(
                    notebook=where.notebook, rule=wording.tier_rule(chosen)
                )
            )
        return chosen

    def plan_settings(self, **parameters) -> PlanSettings:
        """Return the plan settings: the parameters cell's, on top of those kept in 07."""
        kept = self.saved.plan
        try:
            chosen = plan_settings(parameters, saved=kept)
        except SettingsError as error:
            raise SettingRefused(str(error), setting=error.setting) from None
        if kept is not None and chosen == kept:
            where = self.saved.kept("plan")
            self._note(
                _(
                    "Your plan as you kept it in {notebook}: {hours} a week, {weeks} weeks, "
                    "{share} of the time for A."
                ).format(
                    notebook=where.notebook,
                    hours=fmt.hours(chosen.hours_per_week),
                    weeks=fmt.number(chosen.weeks),
                    share=fmt.share(chosen.share_a),
                )
            )
        return chosen

    @property
    def levels(self) -> pd.DataFrame:
        """The service levels kept in 07, else the defaults."""
        kept = self.saved.levels
        if kept is None:
            return coaching.default_service_levels()
        self._note(
            _("Service levels as you edited them in {notebook}.").format(
                notebook=self.saved.kept("levels").notebook
            )
        )
        return kept

    def accounts_source(self, accounts_path: str = "") -> str:
        """Return the file to open: the parameter, else the file chosen in 01, else the sample."""
        given = clean_path(accounts_path)
        if given:
            return given
        chosen = self.saved.accounts_path
        if chosen and Path(chosen).is_file():
            self._note(
                _("Your file, as you chose it in {notebook}: {name}.").format(
                    notebook=self.saved.kept("accounts_path").notebook, name=Path(chosen).name
                )
            )
            return chosen
        return ""

    def open_book(
        self, accounts_path: str = "", *, owner: str = "", sample: str = "", **parameters
    ) -> Book:
        """Return your accounts, tiered, as every notebook opens them.

        ``sample`` is which sample to open when you have given no file: ``"accounts"`` (the
        default) or ``"orders"`` (two years of order lines, so two periods to compare).
        Pins kept in 03 that name accounts not in the file are left out, and said so. A file or
        a setting that cannot be used stops the notebook with its problems and what to do, not
        a traceback.
        """
        tiers = self.tier_settings(**parameters)
        source = self.accounts_source(accounts_path) or str(SAMPLES.get(sample or "accounts", ""))
        try:
            book = read_book(source, tiers, owner=owner, leave_out_unknown_pins=True)
        except AccountDataError as error:
            raise FileRefused(error.problems, file=error.file) from None
        except (FileNotFoundError, IsADirectoryError):
            raise missing_file(source) from None
        if book.left_out_pins:
            self._note(
                ngettext(
                    "{n} pin you kept earlier names an account that is not in this file, so it "
                    "is left out: {ids}.",
                    "{n} pins you kept earlier name accounts that are not in this file, so they "
                    "are left out: {ids}.",
                    len(book.left_out_pins),
                ).format(
                    n=fmt.number(len(book.left_out_pins)),
                    ids=fmt.listing([pin.account_id for pin in book.left_out_pins], limit=5),
                )
            )
        return book

    def since_last_period(self, book: Book, previous_path: str = "") -> ChangePanel:
        """Return what changed since last period: ``previous_path``'s accounts, else the previous
        12 months of your order lines, else a panel that asks for last period's file.

        Both periods are tiered as ``book`` is (its pins included); with an owner chosen, only
        that salesperson's accounts of the previous period count.
        """
        path = clean_path(previous_path)
        try:
            previous, name = previous_period(book.loaded, path, owner=book.owner)
        except AccountDataError as error:
            raise FileRefused(error.problems, file=error.file) from None
        except (FileNotFoundError, IsADirectoryError):
            raise missing_file(path) from None
        return ChangePanel(
            book.accounts, book.tiers, previous=previous, previous_name=name, owner=book.owner
        )

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    # --- what is shown ------------------------------------------------------------------------
    def about(self, book: Book) -> widgets.HTML:
        """Return what was opened: whose accounts, how they are tiered, what was carried over."""
        notes = ""
        if book.loaded.warnings:
            notes = message_html(
                _("Read, with notes (01-load-your-accounts explains them):"),
                "warning",
                details=book.loaded.warnings[:10],
            )
        carried = "".join(
            f"<div class='wb-note'>↪ {html.escape(note)}</div>" for note in self.notes
        )
        return widgets.HTML(
            stylesheet().value
            + figure_html(book.whose())
            + f"<div class='wb-note'>{html.escape(wording.tier_rule(book.tiers))}</div>"
            + carried
            + notes
        )

    def ask(
        self,
        key: str,
        *,
        book: Book | None = None,
        tiered: pd.DataFrame | None = None,
        plan: PlanSettings | None = None,
        comparison=None,
    ):
        """Return the course's guess ``key`` on your ``book`` (or ``tiered`` accounts; neither
        when the file could not be read): the same question, figure and explanation as the
        app's step (``workbook.coaching.lessons``); ``comparison`` is what changed since last
        period, for the guesses about it."""
        if book is not None:
            return ask(key, Results(book.tiered, book.tiers, plan, comparison))
        if tiered is not None:
            return ask(key, Results(tiered, None, plan))
        guess = GUESSES[key]
        return predict(question=guess.text(), answer=None, missing=guess.why_missing())

    def reflect(self, key: str) -> Reflection:
        """Return the reflection question ``key``, its answer kept for the action plan."""
        prompt = PROMPTS[key]
        return Reflection(key, prompt.question, self.answers, placeholder=prompt.placeholder)

    # --- keeping what you settle on -----------------------------------------------------------
    def keep_tiers(self, panel, *, notebook: str) -> widgets.VBox:
        """Return a button that keeps the tier panel's settings for the next notebooks."""
        return self._keep_button(
            _("Keep these tiers for the next notebooks"),
            lambda: self.saved.keep_tiers(panel.settings, notebook=notebook),
            lambda: _("Kept: {rule} The next notebooks start from it.").format(
                rule=wording.tier_rule(panel.settings)
            ),
        )

    def keep_plan(self, panel, *, notebook: str) -> widgets.VBox:
        """Return a button that keeps the plan panel's settings and service levels."""
        return self._keep_button(
            _("Keep this plan and these service levels"),
            lambda: self.saved.keep_plan(
                panel.settings, notebook=notebook, levels=panel.service.levels()
            ),
            lambda: _("Kept: 08-your-action-plan starts from this plan and these levels."),
        )

    def _keep_button(self, label: str, keep, said) -> widgets.VBox:
        message = MessageArea()
        button = widgets.Button(
            description=label, button_style="success", layout=widgets.Layout(width="auto")
        )

        def on_click(_button=None) -> None:
            keep()
            message.show(said(), "success")

        button.on_click(guarded(message)(on_click))
        return widgets.VBox([button, message])

    def choose_file(self, *, notebook: str) -> widgets.VBox:
        """Return a file chooser: the file is copied to ``reports/my-files`` (yours is never
        changed) and the next notebooks open it when their ``accounts_path`` is empty."""
        message = MessageArea()
        upload = widgets.FileUpload(
            accept=ACCEPTED,
            multiple=False,
            description=_("Choose your file"),
            button_style="primary",
            layout=widgets.Layout(width="auto"),
        )

        def on_upload(change) -> None:
            if not change["new"]:
                return
            name, content = upload_item(change["new"])
            CHOSEN_FILES.mkdir(parents=True, exist_ok=True)
            target = CHOSEN_FILES / Path(name).name
            target.write_bytes(content)
            self.saved.keep_accounts_path(target, notebook=notebook)
            message.show(
                _(
                    "Chosen: {name}. Run this notebook again from the top to check it; the next "
                    "notebooks open it too."
                ).format(name=Path(name).name),
                "success",
            )

        upload.observe(guarded(message)(on_upload), "value")
        return widgets.VBox([upload, message])


def clean_path(text: object) -> str:
    """Return a pasted path without what often comes with it: quotes, spaces, ``file://``.

    Examples
    --------
    >>> clean_path(' "C:/Users/kari/kunder.csv" '), clean_path("file:///home/kari/kunder.csv")
    ('C:/Users/kari/kunder.csv', '/home/kari/kunder.csv')
    """
    value = str(text or "").strip().strip('"').strip("'").strip()
    if value.startswith("file://"):
        from urllib.parse import unquote, urlparse

        value = unquote(urlparse(value).path)
    return value
