"""Bring your own data: upload a file (or take the sample), see what was understood, correct it.

The file is read in the kernel's memory (``workbook.loading`` takes the uploaded bytes); nothing a
participant uploads is written to disk. Every problem with the file is shown with its row, column
and value, and the panel stays usable: pick another file or correct the column mapping.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets

from workbook import formatting as fmt
from workbook import loading, paths, schema
from workbook.coaching import wording
from workbook.i18n import N_, _, ngettext
from workbook.widgets.base import (
    MessageArea,
    OutOfMemory,
    guarded,
    memory_limit_text,
    message_html,
    out_of_memory,
)
from workbook.widgets.style import SPINNER

ACCEPTED = ",".join(loading.source.SUFFIXES)  # the content decides the format
#: The largest file the kernel accepts (the page refuses bigger ones before sending them).
MAX_UPLOAD_MB = 50
NOT_MAPPED = N_("(not in my file)")  # a dropdown value: translated where shown


def upload_item(value) -> tuple[str, bytes]:
    """Return (name, bytes) of the one file in a FileUpload value (ipywidgets 7 or 8 shape)."""
    items = list(value.values()) if isinstance(value, dict) else list(value)
    if not items:
        raise ValueError(_("No file was received; choose the file again."))
    item = items[0]
    name = item["name"] if "name" in item else item["metadata"]["name"]
    return name, bytes(item["content"])


def upload_within_limit(value) -> tuple[str, bytes]:
    """Return (name, bytes) of an uploaded file, or raise ValueError when it is over the limit
    (the page refuses such a file before sending it; a crafted message may still bring one)."""
    name, content = upload_item(value)
    if len(content) > MAX_UPLOAD_MB * 1024 * 1024:
        raise ValueError(
            f"{name} is {len(content) / 1048576:.1f} MB; files up to "
            f"{MAX_UPLOAD_MB} MB can be read here."
        )
    return name, content


class UploadPanel:
    """Upload or sample, the column mapping it found (with a way to correct it), and messages.

    Parameters
    ----------
    on_loaded : callable
        Called with the ``LoadResult`` after every successful read.
    """

    def __init__(self, on_loaded: Callable[[loading.LoadResult], None]):
        self.on_loaded = on_loaded
        self.message = MessageArea()
        self.source: tuple[str, bytes] | Path | None = None
        self.result: loading.LoadResult | None = None
        self.upload = widgets.FileUpload(
            accept=ACCEPTED,
            multiple=False,
            icon="",
            description=_("Upload your file"),
            button_style="primary",
            layout=widgets.Layout(width="auto"),
        )
        self.sample = widgets.Button(
            description=_("Use the sample accounts"),
            layout=widgets.Layout(width="auto", margin="2px 0 2px 10px"),
        )
        self.status = widgets.HTML()
        self.summary = widgets.HTML()
        self.columns = widgets.HTML()
        self.mapping_box = widgets.VBox()
        self.fix = widgets.Accordion(children=[widgets.VBox([self.columns, self.mapping_box])])
        self.fix.set_title(0, _("Which columns were used, and how to correct them"))
        self.fix.selected_index = None
        self.apply = widgets.Button(
            description=_("Read the file again with these columns"),
            button_style="info",
            layout=widgets.Layout(width="auto"),
        )
        self._choices: dict[str, widgets.Dropdown] = {}
        # ~100 widgets: made when someone opens the section, not on every page load.
        self.fix.observe(guarded(self.message)(self._on_fix_opened), "selected_index")
        self.upload.observe(guarded(self.message)(self._on_upload), "value")
        self.sample.on_click(guarded(self.message)(self._on_sample))
        self.apply.on_click(guarded(self.message)(self._on_apply))
        accepts = _(
            "An account list or order lines: CSV, TSV, TXT, XLSX or Parquet, up to {mb} MB, with "
            "a customer name (or number) and an amount. It stays in this session only."
        ).format(mb=fmt.number(MAX_UPLOAD_MB))
        accepts = f"<div class='wb-note' style='margin-left:12px'>{html.escape(accepts)}</div>"
        self.view = widgets.VBox(
            [
                widgets.HBox(
                    [self.upload, self.sample, widgets.HTML(accepts)],
                    layout=widgets.Layout(align_items="center"),
                ),
                self.status,
                self.message,
                self.summary,
                self.fix,
            ]
        )

    # --- reading ------------------------------------------------------------------------------
    def load(self, source: tuple[str, bytes] | Path, mapping: dict[str, str] | None = None) -> None:
        """Read ``source``; show what was understood, or every problem found."""
        name = source[0] if isinstance(source, tuple) else Path(source).name
        reading = _("Reading {file} …").format(file=name)
        self.status.value = SPINNER.format(text=html.escape(reading))
        self.message.clear()
        try:
            self.source = source
            file = loading.UploadedFile(*source) if isinstance(source, tuple) else source
            result = loading.load(file, mapping=mapping)
        except Exception as error:
            if not out_of_memory(error):
                raise
            # "from None": the error's frames hold what filled the memory; let it all go now.
            raise OutOfMemory(too_big_text(name)) from None
        finally:
            self.status.value = ""
        self.result = result
        self.summary.value = describe(result)
        self.columns.value = columns_used(result)
        self.mapping_box.children = []
        if self.fix.selected_index is not None:
            self._show_mapping(result)
        if result.warnings:
            self.message.show(_("Read, with notes:"), "warning", details=result.warnings)
        self.on_loaded(result)

    def _on_upload(self, change) -> None:
        if not change["new"]:
            return
        name, content = upload_item(change["new"])
        if len(content) > MAX_UPLOAD_MB * 1024 * 1024:
            raise ValueError(
                _("{file} is {size} MB; files up to {mb} MB can be read here.").format(
                    file=name, size=fmt.number(len(content) / 1048576, 1), mb=MAX_UPLOAD_MB
                )
            )
        self.load((name, content))

    def _on_sample(self, _button=None) -> None:
        self.load(paths.SAMPLE_ACCOUNTS)

    def _on_apply(self, _button=None) -> None:
        if self.source is None:
            raise ValueError(_("Upload a file first."))
        mapping = {
            dropdown.value: canonical
            for canonical, dropdown in self._choices.items()
            if dropdown.value != NOT_MAPPED
        }
        self.load(self.source, mapping=mapping)

    def _on_fix_opened(self, change) -> None:
        if change["new"] is not None and self.result is not None and not self.mapping_box.children:
            self._show_mapping(self.result)

    def _show_mapping(self, result: loading.LoadResult) -> None:
        headers = result.headers or list(result.columns.values())
        self._choices = {}
        rows = []
        for column in schema.COLUMNS:
            found = result.columns.get(column.name)
            dropdown = widgets.Dropdown(
                options=[(_(NOT_MAPPED), NOT_MAPPED), *((h, h) for h in headers)],
                value=found if found in headers else NOT_MAPPED,
                layout=widgets.Layout(width="260px"),
            )
            self._choices[column.name] = dropdown
            needed = f" {_('(needed)')}" if column.required else ""
            label = f"<b>{column.name}</b>{html.escape(needed)}"
            rows.append(
                widgets.HBox(
                    [
                        widgets.HTML(label, layout=widgets.Layout(width="170px")),
                        dropdown,
                        widgets.HTML(
                            f"<span class='wb-note'>{html.escape(_(column.meaning))}</span>"
                        ),
                    ]
                )
            )
        self.mapping_box.children = [*rows, self.apply]


def too_big_text(name: str) -> str:
    """Return what to tell a participant whose file needs more memory than their workbook has."""
    return _(
        "{file} needs more memory than a participant's workbook may use ({limit}), so it was "
        "not read. Upload a smaller export (fewer columns, a shorter period or one "
        "salesperson's accounts). The workbook goes on with the accounts it showed before."
    ).format(file=name, limit=memory_limit_text())


def describe(result: loading.LoadResult) -> str:
    """Return what was read, as HTML: the file, accounts, totals and period."""
    accounts = result.accounts
    n = fmt.number(len(accounts))
    facts = [
        (
            ngettext(
                "{file}: {n} account, read as order lines, added up per customer.",
                "{file}: {n} accounts, read as order lines, added up per customer.",
                len(accounts),
            )
            if result.kind == "order_lines"
            else ngettext(
                "{file}: {n} account, read as an account list.",
                "{file}: {n} accounts, read as an account list.",
                len(accounts),
            )
        ).format(file=result.file, n=n)
    ]
    if result.period:
        facts.append(_("Period: {period}.").format(period=fmt.period(*result.period)))
    for name in ("revenue", "gross_profit"):
        if name in accounts.columns:
            facts.append(
                _("Total {metric}: {amount}.").format(
                    metric=wording.metric_label(name), amount=fmt.number(accounts[name].sum())
                )
            )
    if result.dropped_rows:
        dropped = len(result.dropped_rows)
        facts.append(
            ngettext(
                "{n} row left out (totals and footers).",
                "{n} rows left out (totals and footers).",
                dropped,
            ).format(n=fmt.number(dropped))
        )
    return message_html(" ".join(facts), "success")


def columns_used(result: loading.LoadResult) -> str:
    """Return, as HTML, which header of the file became which column of the workbook."""
    found = ", ".join(f"{html.escape(header)} → {name}" for name, header in result.columns.items())
    return f"<div class='wb-note'>{_('Columns used: {columns}.').format(columns=found)}</div>"
