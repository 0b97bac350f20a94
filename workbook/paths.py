"""Where things live: the one place that names the project's folders and sample files."""

import os
import re
import unicodedata
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


#: Letters that Unicode decomposition leaves alone, spelled as Norwegians (and Germans) write them.
SPELLINGS = str.maketrans(
    {"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "œ": "oe", "ð": "d"}
)
MAX_LENGTH = 60


def slug(text: str, *, fallback: str = "report") -> str:
    """Return ``text`` as a lower-case file name stem of letters, digits and hyphens.

    Parameters
    ----------
    text : str
        An owner name or a file name.
    fallback : str, default "report"
        The slug when nothing usable is left (e.g. a name in Chinese characters or only dots).

    Returns
    -------
    str
        At most 60 characters, never empty, never starting or ending with a hyphen.

    Examples
    --------
    >>> slug("Ingrid Berg"), slug("Øystein Ærø-Åsen"), slug("Björn Weiß")
    ('ingrid-berg', 'oystein-aero-asen', 'bjorn-weiss')
    >>> slug("../../etc/passwd"), slug("  Kari  O'Neil "), slug("..."), slug("王")
    ('etc-passwd', 'kari-o-neil', 'report', 'report')
    """
    folded = unicodedata.normalize("NFKD", str(text).casefold().translate(SPELLINGS))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:MAX_LENGTH].rstrip("-")
    return cleaned or fallback
