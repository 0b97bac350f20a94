"""What the app's page says by itself, before the participant's workbook has started.

The page template (``jupyter/voila/templates/workbook/index.html.j2``) is drawn by the server, not
by a kernel, so its few texts travel in the template's resources (Voilà's
``VoilaConfiguration.resources``), translated once when the server starts, in the language of
its environment (``WORKBOOK_LANGUAGE``, as the kernels), and in every other language the
workbook speaks: a participant whose address asks for another (``?language=nb``) gets the page's
texts in it, and not the picture of the first view, which the kernel drew in the server's.
"""

from __future__ import annotations

import json

from workbook import i18n
from workbook.app import CONFIG_FILE
from workbook.i18n import _


def page_texts() -> dict[str, str]:
    """Return the page's own texts in the current language (``{name}``-style placeholders).

    Examples
    --------
    >>> with i18n.use_language("qps"):
    ...     page_texts()["starting"]
    '⟦Ýóúŕ ŵóŕķƀóóķ íš šţáŕţíñĝ …⟧'
    """
    return {
        "code": i18n.language(),
        "language": i18n.LOCALES.get(i18n.language(), "en_GB").replace("_", "-"),
        "starting": _("Your workbook is starting …"),
        "starting_note": _(
            "This takes a few seconds. The page fills in by itself: there is no need to reload it."
        ),
        "slow": _(
            "This is taking longer than usual. If nothing changes within a minute, reload the "
            "page: your answers are kept in this browser."
        ),
        "stopped": _(
            "Your workbook has stopped, perhaps because a file needed more memory than a "
            "workbook may use. Reload the page to start again (with a smaller file)."
        ),
        "too_large": _(
            '"{name}" is {size} MB; files up to {limit} MB can be uploaded. Export fewer '
            "columns or a shorter period, or save the sheet as .xlsx, and try again."
        ),
    }


def page_resources() -> dict:
    """Return the template's resources: those in ``voila.json``, and the page's texts."""
    configuration = json.loads(CONFIG_FILE.read_text(encoding="utf-8"))
    resources = dict(configuration.get("VoilaConfiguration", {}).get("resources", {}))
    resources["texts"] = page_texts()
    # A participant's ?language= may differ from the server's: the page switches to its texts.
    resources["texts_by_language"] = {}
    for code in [*i18n.LANGUAGES, i18n.language()]:
        with i18n.use_language(code):
            resources["texts_by_language"][code] = page_texts()
    return resources
