"""Where things live: the one place that names the project's folders and sample files."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_ROOT / "data"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
#: What the app's server keeps while it runs (the room view's figures): outside ``notebooks/``, so
#: Voilà never serves it, and ignored by git. ``WORKBOOK_STATE_DIR`` moves it.
STATE_DIR = Path(os.environ.get("WORKBOOK_STATE_DIR") or PROJECT_ROOT / "state")
ROOMS_DIR = STATE_DIR / "rooms"
FACILITATOR_DIR = NOTEBOOKS_DIR / "facilitator"

SAMPLE_ACCOUNTS = DATA_DIR / "sample_accounts.csv"
SAMPLE_TEAM = DATA_DIR / "sample_team.csv"
SAMPLE_ORDERS_NB = DATA_DIR / "sample_orders_nb.csv"

APP_NOTEBOOK = NOTEBOOKS_DIR / "app.ipynb"
REPORT_NOTEBOOK = NOTEBOOKS_DIR / "report.ipynb"


def resolve_accounts_path(accounts_path: str | Path | None) -> Path:
    """Return the file a notebook should load: the user's path, or the sample when it is empty.

    Examples
    --------
    >>> resolve_accounts_path("") == SAMPLE_ACCOUNTS
    True
    >>> resolve_accounts_path("sample") == SAMPLE_ACCOUNTS
    True
    """
    if accounts_path is None or str(accounts_path).strip() in {"", "sample"}:
        return SAMPLE_ACCOUNTS
    return Path(accounts_path).expanduser()
