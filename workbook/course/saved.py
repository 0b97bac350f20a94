"""What a learner settles on in one notebook, kept for the next: tiers, plan, service levels, file.

The guided notebooks keep it in ``my-settings.json`` next to the answers file
(``reports/my-answers.json`` by default), on the learner's own machine. A notebook starts from it
and says so in one line; a value typed into (or injected by papermill into) the parameters cell
wins over it. The Voilà app keeps nothing here: a participant's settings stay in their browser.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> saved = SavedSettings.beside(folder / "my-answers.json")
>>> saved.keep_tiers(TierSettings(c=0.3), notebook="03-tune-your-tiers")
>>> SavedSettings.beside(folder / "my-answers.json").tiers
TierSettings(metric='revenue', method='account_share', a=0.2, b=None, c=0.3)
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workbook.errors import SettingsError
from workbook.settings import PlanSettings, TierSettings

FILE_NAME = "my-settings.json"


@dataclass(frozen=True)
class Kept:
    """Where a setting was kept: the notebook and when."""

    notebook: str
    saved: str


class SavedSettings:
    """The settings kept along the course, read from and written to one JSON file.

    A file that cannot be read, or a setting in it that is no longer valid, counts as nothing
    kept (the notebook then starts from the defaults); it is replaced at the next save.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._data: dict = {}
        if self.path.is_file():
            try:
                self._data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._data = {}
            if not isinstance(self._data, dict):
                self._data = {}

    @classmethod
    def beside(cls, answers_file: str | Path) -> SavedSettings:
        """Return the settings kept next to ``answers_file``."""
        return cls(Path(answers_file).with_name(FILE_NAME))

    # --- reading ------------------------------------------------------------------------------
    def _part(self, name: str) -> dict | None:
        part = self._data.get(name)
        return part.get("value") if isinstance(part, dict) else None

    def kept(self, name: str) -> Kept | None:
        """Return where ``name`` (tiers, plan, levels, accounts_path) was kept, if it was."""
        part = self._data.get(name)
        if not isinstance(part, dict) or "value" not in part:
            return None
        return Kept(str(part.get("notebook", "")), str(part.get("saved", "")))

    @property
    def tiers(self) -> TierSettings | None:
        """The tier settings kept (None: none, or no longer valid)."""
        value = self._part("tiers")
        try:
            return TierSettings.from_dict(value) if isinstance(value, dict) else None
        except (SettingsError, TypeError):
            return None

    @property
    def plan(self) -> PlanSettings | None:
        """The plan settings kept (None: none, or no longer valid)."""
        value = self._part("plan")
        try:
            return PlanSettings.from_dict(value) if isinstance(value, dict) else None
        except (SettingsError, TypeError):
            return None

    @property
    def levels(self) -> pd.DataFrame | None:
        """The service levels kept, indexed by tier (None: none kept)."""
        value = self._part("levels")
        if not isinstance(value, dict) or set(value) != {"A", "B", "C"}:
            return None
        return pd.DataFrame.from_dict(value, orient="index").rename_axis("tier")

    @property
    def accounts_path(self) -> str:
        """The file chosen for the course ("" when none was chosen)."""
        value = self._part("accounts_path")
        return value if isinstance(value, str) else ""

    # --- writing ------------------------------------------------------------------------------
    def _keep(self, name: str, value: object, notebook: str) -> None:
        self._data[name] = {
            "value": value,
            "notebook": notebook,
            "saved": dt.datetime.now().isoformat(timespec="minutes"),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self._data, ensure_ascii=False, indent=2), "utf-8")
        temporary.replace(self.path)

    def keep_tiers(self, tiers: TierSettings, *, notebook: str) -> None:
        """Keep the tier settings settled on in ``notebook``."""
        self._keep("tiers", tiers.to_dict(), notebook)

    def keep_plan(
        self, plan: PlanSettings, *, notebook: str, levels: pd.DataFrame | None = None
    ) -> None:
        """Keep the plan settings (and the edited service levels) settled on in ``notebook``."""
        self._keep("plan", plan.to_dict(), notebook)
        if levels is not None:
            table = levels.astype(object).where(levels.notna(), None)
            self._keep("levels", {str(t): dict(row) for t, row in table.iterrows()}, notebook)

    def keep_accounts_path(self, path: str | Path, *, notebook: str) -> None:
        """Keep the file chosen for the course."""
        self._keep("accounts_path", str(path), notebook)

    def forget(self) -> None:
        """Forget everything kept (the file is removed)."""
        self._data = {}
        self.path.unlink(missing_ok=True)
