"""Synthetic, reproducible sample data: one salesperson's accounts, a team, Norwegian order lines.

The numbers are invented but shaped like a real book of business, so every lesson of the
workbook shows on them: revenue concentrated on a few accounts, a few big accounts with thin or
negative profit, small accounts that cost a lot to serve, small accounts that get far more visits
than their value justifies (the "customers you like"), and B accounts of which only a few have real
room to grow. ``python -m workbook sample`` writes them; the same seed always gives the same files.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SEED = 20261127
#: The order lines end here, so the files never depend on the day they are generated.
ORDERS_END = pd.Timestamp("2026-10-31")

_PLACES = [
    "Nord",
    "Fjord",
    "Berg",
    "Lys",
    "Sol",
    "Vik",
    "Havn",
    "Bakke",
    "Dal",
    "Skog",
    "Strand",
    "Elve",
    "Fjell",
    "Øy",
    "Bjørk",
    "Furu",
    "Nes",
    "Holm",
    "Stein",
    "Ås",
    "Lund",
    "Eik",
    "Tind",
    "Bre",
    "Myr",
    "Sand",
    "Kyst",
    "Vest",
    "Øst",
    "Sør",
]
_TRADES = [
    "Bakeri",
    "Kafé",
    "Byggvarer",
    "Elektro",
    "Hotell",
    "Rør",
    "Bil",
    "Sport",
    "Blomster",
    "Regnskap",
    "Transport",
    "Maskin",
    "Verksted",
    "Handel",
    "Mat",
    "Interiør",
    "Trelast",
    "Dagligvare",
    "Catering",
    "Kontor",
    "Eiendom",
    "Marine",
    "Helse",
    "Apotek",
]
_FORMS = ["AS", "AS", "AS", "ASA", "ANS", "DA"]
_SEGMENTS = ["Retail", "Hospitality", "Industry", "Public sector"]
_REGIONS = ["Oslo", "Viken", "Vestland", "Trøndelag", "Rogaland", "Nordland"]
_TEAM = [
    "Ingrid Berg",
    "Lars Haugen",
    "Nora Lie",
    "Ola Dahl",
    "Sofie Moe",
    "Jonas Bakken",
    "Emma Strand",
    "Henrik Vik",
]
#: How each salesperson spends time: the exponent of revenue in visits (0 = the same for every
#: account, 1 = exactly in proportion to value) and how many small accounts they over-serve.
_HABITS = {
    "Ingrid Berg": (0.75, 2),
    "Lars Haugen": (0.0, 6),
    "Nora Lie": (0.45, 14),
    "Ola Dahl": (0.35, 8),
    "Sofie Moe": (0.6, 4),
    "Jonas Bakken": (0.2, 10),
    "Emma Strand": (0.5, 6),
    "Henrik Vik": (0.3, 12),
}


def _names(rng: np.random.Generator, n: int) -> list[str]:
    """Return ``n`` distinct, plausible Norwegian company names."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < n:
        name = f"{rng.choice(_PLACES)}{rng.choice(_TRADES).lower()} {rng.choice(_FORMS)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _book(
    rng: np.random.Generator,
    n: int,
    *,
    owner: str,
    first_id: int,
    visit_exponent: float = 0.35,
    liked: int = 8,
    sigma: float = 1.7,
) -> pd.DataFrame:
    """Return one salesperson's ``n`` accounts with every canonical column."""
    revenue = np.round(rng.lognormal(np.log(60_000), sigma, n), 2)
    order = np.argsort(-revenue, kind="stable")
    pct = np.empty(n)  # 1 for the biggest account, towards 0 for the smallest
    pct[order] = 1 - np.arange(n) / n

    # Concessions: small accounts haggle hardest (6-15 % of revenue), big ones 1-3 %.
    concession_rate = np.where(
        pct > 0.8,
        rng.uniform(0.01, 0.03, n),
        np.where(pct > 0.25, rng.uniform(0.02, 0.06, n), rng.uniform(0.06, 0.15, n)),
    )
    concessions = np.round(revenue * concession_rate, 2)
    margin = rng.normal(0.28, 0.05, n)
    thin = order[[1, 4, 9]]  # a few big accounts that buy at cost
    margin[thin] = [0.04, 0.015, -0.02]
    gross_profit = np.round(revenue * margin - concessions, 2)  # profit already net of concessions

    # Visits: less than in proportion to value, plus small accounts that get far too many.
    weight = (revenue / revenue.mean()) ** visit_exponent
    visits = rng.poisson(np.clip(4 * weight / weight.mean(), 0.3, 30)).astype(float)
    small = order[int(n * 0.45) :]
    favourites = rng.choice(small, size=min(liked, len(small)), replace=False)
    visits[favourites] = rng.integers(10, 19, len(favourites))
    visit_length = rng.choice([0.75, 1.0, 1.5, 2.0], n, p=[0.2, 0.4, 0.3, 0.1])
    selling_hours = np.round(visits * visit_length + rng.uniform(0, 2, n), 1)

    service_requests = rng.poisson(2 + 10 * (1 - pct) ** 1.5)

    # Potential and growth: most B accounts are close to their ceiling, about one in five is not.
    b_rank = (pct <= 0.8) & (pct > 0.25)
    promising = b_rank & (rng.random(n) < 0.2)
    headroom = np.where(promising, rng.uniform(1.8, 4.0, n), rng.uniform(1.0, 1.35, n))
    potential = np.round(revenue * headroom, -2)
    growth = np.where(promising, rng.normal(0.25, 0.1, n), rng.normal(0.02, 0.12, n))
    revenue_prev = np.round(revenue / np.clip(1 + growth, 0.3, None), 2)

    ids = [f"{first_id + i:05d}" for i in range(n)]
    return pd.DataFrame(
        {
            "account_id": ids,
            "account": _names(rng, n),
            "revenue": revenue,
            "gross_profit": gross_profit,
            "owner": owner,
            "visits": visits.astype(int),
            "selling_hours": selling_hours,
            "service_requests": service_requests,
            "concessions": concessions,
            "potential": potential,
            "revenue_prev": revenue_prev,
            "segment": rng.choice(_SEGMENTS, n, p=[0.4, 0.25, 0.25, 0.1]),
            "region": rng.choice(_REGIONS, n),
        }
    )


def sample_accounts(seed: int = SEED) -> pd.DataFrame:
    """Return one salesperson's 250 accounts with every canonical column.

    Examples
    --------
    >>> accounts = sample_accounts()
    >>> len(accounts), accounts["account_id"].iloc[0]
    (250, '00101')
    """
    rng = np.random.default_rng(seed)
    return _book(rng, 250, owner="Kari Nordmann", first_id=101)


def sample_team(seed: int = SEED) -> pd.DataFrame:
    """Return about 2,000 accounts of eight salespeople with different habits.

    Lars Haugen spreads his visits evenly over every account; Ingrid Berg follows value closely.

    Examples
    --------
    >>> team = sample_team()
    >>> team["owner"].nunique(), len(team)
    (8, 2000)
    """
    rng = np.random.default_rng(seed + 1)
    books = []
    for i, owner in enumerate(_TEAM):
        exponent, liked = _HABITS[owner]
        books.append(
            _book(
                rng,
                250,
                owner=owner,
                first_id=10_001 + 1000 * i,
                visit_exponent=exponent,
                liked=liked,
            )
        )
    return pd.concat(books, ignore_index=True)


def sample_orders(seed: int = SEED, *, customers: int = 150, months: int = 24) -> pd.DataFrame:
    """Return order lines over ``months`` months ending on ORDERS_END (numbers, real dates).

    Columns: account_id, account, date, amount, cost, owner. Big customers order often, small
    ones rarely; a few lines are credit notes (negative amounts).

    Examples
    --------
    >>> orders = sample_orders()
    >>> orders["date"].max() <= ORDERS_END, orders["account_id"].nunique()
    (True, 150)
    """
    rng = np.random.default_rng(seed + 2)
    yearly = rng.lognormal(np.log(120_000), 1.6, customers)
    orders_per_year = np.clip(np.round(2 + 40 * (yearly / yearly.max()) ** 0.5), 2, 52).astype(int)
    start = ORDERS_END - pd.DateOffset(months=months) + pd.Timedelta(days=1)
    span_days = (ORDERS_END - start).days + 1
    names = _names(rng, customers)
    sellers = rng.choice(["Kari Nordmann", "Per Hansen"], customers)
    trend = rng.normal(0.05, 0.2, customers)  # growth from the first year to the second

    rows = []
    for i in range(customers):
        count = orders_per_year[i] * months // 12
        days = np.sort(rng.integers(0, span_days, count))
        second_year = days >= span_days / 2
        scale = np.where(second_year, 1 + trend[i] / 2, 1 - trend[i] / 2)
        amount = np.round(yearly[i] / orders_per_year[i] * scale * rng.lognormal(0, 0.4, count), 2)
        credit = rng.random(count) < 0.02
        amount[credit] = -np.round(amount[credit] * 0.3, 2)
        cost = np.round(np.abs(amount) * rng.uniform(0.62, 0.82) * np.sign(amount), 2)
        for day, a, c in zip(days, amount, cost, strict=True):
            rows.append(
                (f"{20_001 + i}", names[i], start + pd.Timedelta(days=int(day)), a, c, sellers[i])
            )
    orders = pd.DataFrame(
        rows, columns=["account_id", "account", "date", "amount", "cost", "owner"]
    )
    return orders.sort_values(["date", "account_id"], kind="stable", ignore_index=True)


def norwegian_amount(value: float) -> str:
    """Write an amount the way a Norwegian spreadsheet does: ``1 234,50`` (non-breaking spaces).

    Examples
    --------
    >>> norwegian_amount(-1234567.5)
    '-1\\xa0234\\xa0567,50'
    """
    return f"{value:,.2f}".replace(",", "\u00a0").replace(".", ",")


def norwegian_orders(orders: pd.DataFrame) -> pd.DataFrame:
    """Return order lines as a Norwegian export shows them: Norwegian headers, text amounts, dates.

    Examples
    --------
    >>> list(norwegian_orders(sample_orders()).columns)
    ['Kundenr', 'Kundenavn', 'Fakturadato', 'Beløp', 'Varekost', 'Selger']
    """
    return pd.DataFrame(
        {
            "Kundenr": orders["account_id"],
            "Kundenavn": orders["account"],
            "Fakturadato": orders["date"].dt.strftime("%d.%m.%Y"),
            "Beløp": orders["amount"].map(norwegian_amount),
            "Varekost": orders["cost"].map(norwegian_amount),
            "Selger": orders["owner"],
        }
    )
