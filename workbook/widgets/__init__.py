"""The control panels the notebooks and the app share (the only layer that imports ipywidgets).

Each panel lays out controls, calls the pure functions of the lower layers and shows charts as
offline ``JupyterChart`` widgets (never through an ``Output`` widget: execution can hang there).
Callback errors appear as messages in the panel, never as tracebacks.
"""

from workbook.widgets.app import WorkbookApp
from workbook.widgets.concentration import ConcentrationPanel
from workbook.widgets.cost import CostPanel
from workbook.widgets.exercises import AnswerStore, Prediction, Reflection
from workbook.widgets.growth import GrowthPanel
from workbook.widgets.plan import PlanPanel
from workbook.widgets.tiers import TierPanel
from workbook.widgets.time_value import TimePanel

__all__ = [
    "AnswerStore",
    "ConcentrationPanel",
    "CostPanel",
    "GrowthPanel",
    "PlanPanel",
    "Prediction",
    "Reflection",
    "TierPanel",
    "TimePanel",
    "WorkbookApp",
]
