"""The canonical accounts table: one row per account, the columns every later step relies on."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One canonical column of the accounts table."""

    name: str
    meaning: str
    kind: str  # "text", "amount" (money, may be negative) or "count" (non-negative number)
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column(
        "account_id",
        "stable identifier, kept as text (generated from the name if absent)",
        "text",
        required=True,
    ),
    Column("account", "display name", "text", required=True),
    Column("revenue", "revenue in the period", "amount", required=True),
    Column("gross_profit", "contribution / gross margin in the period (may be negative)", "amount"),
    Column("owner", "salesperson responsible", "text"),
    Column("visits", "visits or meetings in the period", "count"),
    Column("selling_hours", "hours spent on the account in the period", "count"),
    Column(
        "service_requests", "small service calls, e-mails and complaints in the period", "count"
    ),
    Column("concessions", "discounts and credits given in the period", "amount"),
    Column("potential", "estimated annual potential (the customer's wallet)", "amount"),
    Column("revenue_prev", "revenue in the previous period (for growth)", "amount"),
    Column("segment", "free text for grouping", "text"),
    Column("region", "free text for grouping", "text"),
)

BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
TEXT_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "text")
NUMBER_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind != "text")

TIERS: tuple[str, ...] = ("A", "B", "C")
