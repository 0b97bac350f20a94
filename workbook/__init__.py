"""Account Focus Workbook: see how concentrated your business is and plan your time to match.

The package holds all the logic; notebooks, the Voilà app, the report runner and the command line
only call it. Its layers import downwards only:

``loading`` (files -> accounts) <- ``analysis`` (curves, tiers) <- ``coaching`` (plan, time vs
value, cost to serve, growth) <- ``charts`` (Altair specs) <- ``widgets``, ``report``, ``cli``.

The names below are imported on first use, so ``import workbook`` stays fast (the Voilà app
starts a kernel for every visitor).
"""

import sys
from importlib import import_module

# jsonschema, which Altair and nbformat validate with, imports rfc3987_syntax when it is installed
# (Jupyter's event library asks for it), and that module compiles a grammar for IRIs as it is
# imported: 1.9 s of the 2.4 s Altair took to import here, in every kernel and every report run.
# Neither Vega-Lite's schema nor a notebook's uses an IRI format, so nothing they check needs it.
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)

__version__ = "0.1.0"

_PUBLIC = {
    # loading
    "load_accounts": "workbook.loading",
    "load": "workbook.loading",
    "read_pins": "workbook.loading.pins",
    "AccountDataError": "workbook.errors",
    "Problem": "workbook.errors",
    # analysis
    "assign_tiers": "workbook.analysis",
    "concentration": "workbook.analysis",
    "tier_summary": "workbook.analysis",
    "compare_tierings": "workbook.analysis",
    "compare_periods": "workbook.analysis",
    "suggest_thresholds": "workbook.analysis",
    "pareto_curve": "workbook.analysis",
    "whale_curve": "workbook.analysis",
    # the course's one-step openings (shared by the notebooks and the report)
    "pins_for_accounts": "workbook.course.book",
    "since_last_period": "workbook.course.book",
    # settings
    "TierSettings": "workbook.settings",
    "Pin": "workbook.settings",
    # paths and sample data
    "resolve_accounts_path": "workbook.paths",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name in _PUBLIC:
        value = getattr(import_module(_PUBLIC[name]), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module 'workbook' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])
