"""The app's last step, "Your plan": what the participant found and chose, their commitments,
and the three files they take away (the plan as one page, the calendar, the tier list).

Everything is built in the kernel's memory when a download button is pressed; the plan page is
self-contained (no scripts, no outside links) and prints on at most two A4 pages.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

import ipywidgets as widgets

from workbook import formatting as fmt
from workbook.coaching.action_plan import ActionPlan, Commitment
from workbook.i18n import _
from workbook.widgets.base import MessageArea, guarded
from workbook.widgets.browser import DownloadButton
from workbook.widgets.style import note_html

#: How many commitments a participant writes: few enough to keep.
COMMITMENTS = 3


class PlanStep:
    """Commitments, what to stop, what to check in 30 days, a preview and the downloads.

    Parameters
    ----------
    build_plan : callable
        Returns the participant's ``ActionPlan`` as everything stands now (given the answers of
        this step).
    files : dict
        Label -> (filename callable, bytes callable) for the downloads besides the plan.
    filename : callable
        Returns the plan page's file name.
    on_change : callable
        Called after anything in the step changes (so it is kept in the browser).
    """

    def __init__(
        self,
        *,
        build_plan: Callable[[PlanStep], ActionPlan],
        files: dict[str, tuple[Callable[[], str], Callable[[], bytes]]],
        filename: Callable[[], str],
        on_change: Callable[[], None],
    ):
        self.build_plan, self.on_change = build_plan, on_change
        self.message = MessageArea()
        self.found = widgets.HTML()
        self.rows = [self._commitment_row(i + 1) for i in range(COMMITMENTS)]
        self.stop = self._area(
            _("e.g. Driving out for small complaints: inside sales calls them back.")
        )
        self.check = self._area(
            _("e.g. Hours on A accounts in my calendar, and orders from the A accounts.")
        )
        self.preview = widgets.HTML()
        self.refresh_button = widgets.Button(
            description=_("Show my plan as it stands"), layout=widgets.Layout(width="auto")
        )
        self.refresh_button.on_click(guarded(self.message)(self.refresh))
        self.downloads = [
            DownloadButton(
                _("Download my plan (HTML)"),
                filename,
                lambda: self.plan().html().encode("utf-8"),
                on_error=self.message.show_error,
            ),
            *(
                DownloadButton(label, name, build, on_error=self.message.show_error)
                for label, (name, build) in files.items()
            ),
        ]
        heading = lambda text: widgets.HTML(  # noqa: E731 - a tiny local helper
            f"<div class='wb-section' style='font-size:17px'>{html.escape(text)}</div>"
        )
        self.view = widgets.VBox(
            [
                self.found,
                heading(_("Up to three things I will do")),
                widgets.HTML(
                    note_html(
                        _(
                            "What, with which accounts, by when. Be concrete: name the accounts "
                            "and the day."
                        )
                    )
                ),
                *[row for row, _fields in self.rows],
                heading(_("What I stop doing")),
                self.stop,
                heading(_("What I check in 30 days")),
                self.check,
                self.message,
                heading(_("Take it with you")),
                widgets.HBox(self.downloads, layout=widgets.Layout(flex_flow="row wrap")),
                widgets.HBox([self.refresh_button]),
                self.preview,
            ]
        )

    # --- the fields ---------------------------------------------------------------------------
    def _area(self, placeholder: str) -> widgets.Textarea:
        area = widgets.Textarea(
            placeholder=placeholder,
            continuous_update=False,
            layout=widgets.Layout(width="680px", height="64px"),
        )
        area.observe(guarded(self.message)(lambda _c: self.on_change()), "value")
        return area

    def _commitment_row(self, number: int) -> tuple[widgets.HBox, dict]:
        what = widgets.Text(
            placeholder=_("e.g. Book a business review"),
            description=_("Commitment {n}").format(n=number),
            continuous_update=False,
            style={"description_width": "110px"},
            layout=widgets.Layout(width="440px"),
        )
        accounts = widgets.Text(
            placeholder=_("with which accounts"),
            continuous_update=False,
            layout=widgets.Layout(width="260px"),
        )
        by = widgets.DatePicker(
            description=_("by"),
            style={"description_width": "30px"},
            layout=widgets.Layout(width="200px"),
        )
        for field in (what, accounts, by):
            field.observe(guarded(self.message)(lambda _c: self.on_change()), "value")
        fields = {"what": what, "accounts": accounts, "by": by}
        return widgets.HBox([what, accounts, by]), fields

    def commitments(self) -> list[Commitment]:
        """The commitments written so far (empty rows left out)."""
        return [
            Commitment(f["what"].value, f["accounts"].value, f["by"].value)
            for _row, f in self.rows
            if f["what"].value.strip()
        ]

    def answers(self) -> dict[str, str]:
        """What to stop and what to check, as the action plan's answers."""
        return {"stop": self.stop.value, "measure": self.check.value}

    def plan(self) -> ActionPlan:
        """The participant's plan as it stands now."""
        return self.build_plan(self)

    def refresh(self, _button=None) -> None:
        """Show the plan as it stands."""
        self.preview.value = self.plan().html(page=False)

    def show_found(self, lines: list[str]) -> None:
        """Show what the participant found along the way (their guesses and figures)."""
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        self.found.value = (
            f"<div class='wb-section' style='font-size:17px'>{html.escape(_('What you found'))}"
            f"</div><ul class='wb-figure' style='font-size:15px'>{items}</ul>"
        )

    # --- what is kept -------------------------------------------------------------------------
    def state(self) -> dict:
        return {
            "commitments": [
                {
                    "what": f["what"].value,
                    "accounts": f["accounts"].value,
                    "by": f["by"].value.isoformat() if f["by"].value else "",
                }
                for _row, f in self.rows
            ],
            "stop": self.stop.value,
            "check": self.check.value,
        }

    def restore(self, state: dict) -> None:
        for (_row, fields), kept in zip(self.rows, state.get("commitments") or [], strict=False):
            if not isinstance(kept, dict):
                continue
            fields["what"].value = str(kept.get("what") or "")
            fields["accounts"].value = str(kept.get("accounts") or "")
            try:
                fields["by"].value = dt.date.fromisoformat(kept["by"]) if kept.get("by") else None
            except (TypeError, ValueError):
                fields["by"].value = None
        self.stop.value = str(state.get("stop") or "")
        self.check.value = str(state.get("check") or "")


def found_line(question: str, guess: float | None, figure: float, kind: str) -> str:
    """Return one line of what was found: the question, the guess and the participant's figure.

    Examples
    --------
    >>> found_line("Top 20% share?", 0.5, 0.77, "share")
    'Top 20% share? You guessed 50%; your figure is 77%.'
    >>> found_line("Top 20% share?", None, 0.77, "share")
    'Top 20% share? Your figure is 77%.'
    """
    shown = fmt.share if kind == "share" else fmt.number
    if guess is None:
        return _("{question} Your figure is {figure}.").format(
            question=question, figure=shown(figure)
        )
    return _("{question} You guessed {guess}; your figure is {figure}.").format(
        question=question, guess=shown(guess), figure=shown(figure)
    )
