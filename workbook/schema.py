"""The canonical accounts table: one row per account, the columns every later step relies on."""

from dataclasses import dataclass

from workbook.i18n import N_


@dataclass(frozen=True)
class Column:
    """One canonical column of the accounts table."""

    name: str
    meaning: str  # in English; shown as ``_(column.meaning)``
    kind: str  # "text", "amount" (money, may be negative) or "count" (non-negative number)
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column(
        "account_id",
        N_("stable identifier, kept as text (generated from the name if absent)"),
        "text",
        required=True,
    ),
    Column("account", N_("display name"), "text", required=True),
    Column("revenue", N_("revenue in the period"), "amount", required=True),
    Column(
        "gross_profit", N_("contribution / gross margin in the period (may be negative)"), "amount"
    ),
    Column("owner", N_("salesperson responsible"), "text"),
    Column("visits", N_("visits or meetings in the period"), "count"),
    Column("selling_hours", N_("hours spent on the account in the period"), "count"),
    Column(
        "service_requests", N_("small service calls, e-mails and complaints in the period"), "count"
    ),
    Column("concessions", N_("discounts and credits given in the period"), "amount"),
    Column("potential", N_("estimated annual potential (the customer's wallet)"), "amount"),
    Column("revenue_prev", N_("revenue in the previous period (for growth)"), "amount"),
    Column("segment", N_("free text for grouping"), "text"),
    Column("region", N_("free text for grouping"), "text"),
)

BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
TEXT_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "text")
NUMBER_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind != "text")

TIERS: tuple[str, ...] = ("A", "B", "C")
