"""Every default of the coaching measures in one place, each with the reason it was chosen.

The notebooks, the app and the command line read these names; change a default here and every
place that shows it changes with it.
"""

from __future__ import annotations

from types import MappingProxyType

# --- the time plan ------------------------------------------------------------------------------
#: Selling hours a week: a 40-hour week less about 10 hours of e-mail, quotes, reports and travel
#: that is not time with a customer.
HOURS_PER_WEEK = 30.0
#: Selling weeks a year: 52 less 5 weeks of holiday and about one week of public holidays.
WEEKS = 46.0
#: The article's rule: block 80% of selling time for the top accounts ...
SHARE_A = 0.8
#: ... and fit the B accounts into the remaining 20%.
SHARE_B = 0.2
#: C accounts get no field time by default: inside sales, e-mail or self-service serves them.
SHARE_C = 0.0
#: Shares must add up to 1 within this tolerance (0.8 + 0.2 is not exactly 1.0 in floating point).
SHARE_TOLERANCE = 1e-9

#: Hours one visit takes, travel included: A meetings are longer (several people, a review of the
#: business); a B visit is a normal call; a C contact is short (and mostly by phone).
VISIT_HOURS = MappingProxyType({"A": 1.5, "B": 1.0, "C": 0.5})
#: The least contact a plan must allow, in visits a year ("do not ignore anyone, but reduce
#: contact"): every A account at least monthly, every B account at least once a year, C none (other
#: channels serve them). With the defaults above the sample's 50 A / 138 B accounts get about 14.7
#: and 2 visits a year, so the plan fits; at 10 hours a week A gets 4.9 and it does not.
MIN_VISITS_PER_YEAR = MappingProxyType({"A": 12.0, "B": 1.0, "C": 0.0})
#: More than two visits a week to one account is more time than it can use: the plan says so
#: (it happens with a handful of accounts, e.g. a small test file).
MAX_VISITS_PER_MONTH = 8.0

# --- where time goes today ----------------------------------------------------------------------
#: An account is over-served ("a customer you like") when its share of your time is at least this
#: many times its share of value ...
OVER_SERVED_RATIO = 2.0
#: ... and, so that tiny accounts with one visit do not all qualify, above the average share of
#: time (1 / number of accounts). An A account is under-served when its time share is at most this
#: fraction of its value share.
UNDER_SERVED_RATIO = 0.5

# --- cost to serve ------------------------------------------------------------------------------
#: What one hour of a field salesperson costs, in the file's currency (NOK in the sample): salary,
#: social costs, car and travel come to about 1.1 million NOK a year, spread over the
#: 1,380 selling hours of the default plan (30 h x 46 weeks) that is about 800 an hour.
HOURLY_COST = 800.0
#: Minutes one small service request takes (a call, an e-mail, a complaint, a credit note).
MINUTES_PER_REQUEST = 20.0
#: The sample's gross_profit is already net of concessions (see data/README.md), as most ERP
#: margin reports are; subtracting them again would count them twice.
PROFIT_INCLUDES_CONCESSIONS = True

# --- growth screen for B ------------------------------------------------------------------------
#: Room to grow matters most, then recent growth, then margin (a growing, profitable customer with
#: a big wallet is where extra B time pays back).
GROWTH_WEIGHTS = MappingProxyType({"headroom": 0.5, "growth": 0.3, "margin": 0.2})
#: The article: only about one in five B accounts has real potential.
GROWTH_TOP_SHARE = 0.2

# --- the weekly calendar ------------------------------------------------------------------------
#: The working day starts here; the A block comes first, when customers are easiest to meet.
DAY_START = "08:00"
#: A short daily slot for admin and C follow-up (e-mail, hand-overs to inside sales), outside the
#: planned selling hours.
ADMIN_MINUTES = 30
#: The calendar's time zone (an IANA name): the sample's salespeople work in Norway.
TIMEZONE = "Europe/Oslo"
