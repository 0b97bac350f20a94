"""Coaching measures: turn tiers into the decisions the workbook coaches.

- :func:`plan_time`: a year's selling time for prospecting, each tier and each account (visits
  by a response with diminishing returns, a cadence and a channel), and whether it fits.
- :func:`time_vs_value`, :func:`focus_score`, :func:`focus_if_followed`, :func:`hours_freed`:
  where time goes today against the plan (the focus score) and against value, the over- and
  under-served accounts, and the hours the plan moves.
- :func:`cost_to_serve`: serving cost and net contribution per account and tier.
- :func:`growth_screen`: the B accounts with real room to grow.
- :func:`default_service_levels`, :func:`check_service_levels`: a service level per tier.
- :func:`before_after`: today and the plan on the same hours: serving cost, and the revenue
  effect as a range under the response model.
- :func:`plan_per_account`, :func:`plan_export`, :func:`weekly_schedule_ics`: the plan as a
  table, a spreadsheet and a weekly calendar file.
- :func:`visit_rota`, :func:`rota_ics`, :func:`rota_export`: every visit of the plan in a week of
  the year (holidays and a summer break left free), as a calendar and a CRM task list.
- :func:`room_figures`: the anonymous figures a participant may share with the room.

Every default lives in :mod:`workbook.settings`; settings that cannot be used raise
:class:`SettingsError` (a ``ValueError``).
"""

from workbook.coaching.cost import CostToServe, cost_to_serve
from workbook.coaching.exports import plan_export, plan_per_account, tier_list
from workbook.coaching.focus import (
    HoursFreed,
    TimeVsValue,
    focus_if_followed,
    focus_score,
    hours_freed,
    time_vs_value,
)
from workbook.coaching.growth import GrowthScreen, growth_screen
from workbook.coaching.outlook import BeforeAfter, before_after
from workbook.coaching.plan import TimePlan, plan_time
from workbook.coaching.room import RoomFigures, check_room_figures, room_figures
from workbook.coaching.rota import Rota, rota_export, rota_ics, rota_tasks, visit_rota
from workbook.coaching.schedule import weekly_blocks, weekly_schedule_ics
from workbook.coaching.service import ServiceCheck, check_service_levels, default_service_levels
from workbook.coaching.team import team_overview

__all__ = [
    "BeforeAfter",
    "CostToServe",
    "GrowthScreen",
    "HoursFreed",
    "RoomFigures",
    "Rota",
    "ServiceCheck",
    "TimePlan",
    "TimeVsValue",
    "before_after",
    "check_room_figures",
    "check_service_levels",
    "cost_to_serve",
    "default_service_levels",
    "focus_if_followed",
    "focus_score",
    "growth_screen",
    "hours_freed",
    "plan_export",
    "plan_per_account",
    "plan_time",
    "room_figures",
    "rota_export",
    "rota_ics",
    "rota_tasks",
    "team_overview",
    "tier_list",
    "time_vs_value",
    "visit_rota",
    "weekly_blocks",
    "weekly_schedule_ics",
]
