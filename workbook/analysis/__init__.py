"""The analysis layer: rank accounts, tier them, measure concentration, draw the curves' data.

Everything here is a pure function of the canonical accounts table (see ``workbook.schema``);
nothing prints, displays or writes. The exact tiering rules are in ``workbook.analysis.thresholds``
and ``workbook.analysis.ranking``.
"""

from workbook.analysis.concentration import Concentration, concentration
from workbook.analysis.curves import pareto_curve, share_curve, whale_curve
from workbook.analysis.metrics import metric_values
from workbook.analysis.periods import Bridge, PeriodComparison, compare_periods
from workbook.analysis.ranking import PinnedRanks, Ranking
from workbook.analysis.suggest import Suggestion, suggest_thresholds
from workbook.analysis.tiers import (
    assign_tiers,
    check_pins,
    compare_tierings,
    pinned_accounts,
    tier_moves,
    tier_summary,
)

__all__ = [
    "Bridge",
    "Concentration",
    "PeriodComparison",
    "PinnedRanks",
    "Ranking",
    "Suggestion",
    "assign_tiers",
    "check_pins",
    "compare_periods",
    "compare_tierings",
    "concentration",
    "metric_values",
    "pareto_curve",
    "pinned_accounts",
    "share_curve",
    "suggest_thresholds",
    "tier_moves",
    "tier_summary",
    "whale_curve",
]
