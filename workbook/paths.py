"""Where things live: the one place that names the project's folders and sample files."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_ROOT / "data"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"

SAMPLE_ACCOUNTS = DATA_DIR / "sample_accounts.csv"
SAMPLE_TEAM = DATA_DIR / "sample_team.csv"
SAMPLE_ORDERS_NB = DATA_DIR / "sample_orders_nb.csv"

APP_NOTEBOOK = NOTEBOOKS_DIR / "app.ipynb"
REPORT_NOTEBOOK = NOTEBOOKS_DIR / "report.ipynb"

#: When set (the app's launcher sets it), where the offline chart bundle is served on the app's
#: own server, relative to Voilà's base URL (see ``workbook.charts.render``). Named here, so that
#: the launcher need not import the charts (and Altair) to set it.
BUNDLE_URL_VARIABLE = "WORKBOOK_CHART_BUNDLE_URL"


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
