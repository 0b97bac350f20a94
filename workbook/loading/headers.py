"""Headers: find the header row, and tell which canonical column each header of a file is.

Headers are compared in a normalised form (``normalise``): lower case, punctuation and brackets
gone, currency codes and VAT remarks dropped, a year set aside. A header equal to an alias of
``aliases.ALIASES`` is an exact match; otherwise a strong alias contained in it as whole words
(``"Total revenue"``) or as the end of a Norwegian compound (``"Kundeomsetning"``) is a weaker
match. Headers that differ only by a year (``"Revenue 2025"``, ``"Revenue 2024"``) give
``revenue`` (the later year) and ``revenue_prev``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from workbook import formatting
from workbook.errors import Problem
from workbook.i18n import _, ngettext
from workbook.loading.aliases import ALIASES, CUSTOMER_SIZE, TARGETS
from workbook.loading.units import strip_note
from workbook.schema import BY_NAME

DYNAMICS_PREFIX = "(do not modify)"
HEADER_SCAN_ROWS = 30
_EXACT = {
    alias: (target, rank) for target, names in ALIASES.items() for rank, alias in enumerate(names)
}
# The canonical names themselves always match, first.
_EXACT.update({target.replace("_", " "): (target, -1) for target in TARGETS})
#: Aliases that may be found inside a longer header (single generic words such as "name" or "no"
#: may not: "Number of visits" is not an account number).
_CONTAINED = {
    "account_id": (
        "account id",
        "account number",
        "customer id",
        "customer number",
        "kundenr",
        "kundenummer",
        "org nr",
        "organisasjonsnummer",
    ),
    "account": ("account name", "customer name", "kundenavn", "firmanavn", "company name"),
    "revenue": ("revenue", "sales", "turnover", "omsetning", "beløp", "amount", "salg"),
    "gross_profit": (
        "gross profit",
        "dekningsbidrag",
        "bruttofortjeneste",
        "contribution",
        "gross margin",
        "profit",
    ),
    "owner": ("account owner", "owner", "selger", "kundeansvarlig", "sales rep"),
    "visits": ("visits", "besøk", "meetings", "møter"),
    "selling_hours": ("selling hours", "salgstimer"),
    "service_requests": ("service requests", "henvendelser", "tickets", "cases"),
    "concessions": ("concessions", "discounts", "rabatt", "rabatter"),
    "potential": ("potential", "potensial", "wallet"),
    "revenue_prev": ("revenue last year", "omsetning i fjor", "previous revenue"),
    "segment": ("segment", "bransje"),
    "region": ("region", "distrikt"),
    "date": ("order date", "invoice date", "ordredato", "fakturadato"),
    "cost": ("varekost", "cogs", "kostnad"),
}
#: Words that make a header an identifier, a date or a ratio, never an amount.
_NOT_AN_AMOUNT = re.compile(
    r"%|\b(?:pct|percent|prosent|rate|andel|grad|share|id|nr|no|number|"
    r"nummer|code|kode|date|dato|count of)\b"
)
_NOISE = re.compile(
    r"\b(?:nok|sek|dkk|eur|usd|gbp|chf|kr|kroner|tnok|ex vat|excl vat|excl|incl "
    r"vat|incl|inkl mva|inkl|eks mva|ekskl mva|eks|ekskl|ex|mva|vat)\b"
)
_BARE_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_YEAR = re.compile(r"\b(?:fy ?)?((?:19|20)\d{2})\b|\bfy ?(\d{2})\b")


@dataclass(frozen=True)
class HeaderMatch:
    """What one header names: a target column, how surely (lower rank is surer; below 1000 is an
    exact alias) and its year."""

    target: str
    rank: int
    year: int | None = None


@dataclass
class ColumnMap:
    """The chosen columns: target name -> position, plus what the person should know."""

    index: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def normalise(header: str) -> str:
    """Return a header in the form the aliases are written in.

    Examples
    --------
    >>> normalise("  Omsetning (NOK) ")
    'omsetning'
    >>> normalise("Org.nr.")
    'org nr'
    >>> normalise("Revenue (last year)")
    'revenue last year'
    >>> normalise("Beløp eks. mva")
    'beløp'
    >>> normalise("DB i 1000 kr"), normalise("Omsetning (TNOK)")
    ('db', 'omsetning')
    """
    text = unicodedata.normalize("NFKC", strip_note(str(header))).casefold().replace("&", " and ")
    text = re.sub(r"[^\w%]+", " ", text).replace("_", " ")
    text = _NOISE.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s(?:i|in)$", "", text)  # "Omsetning i NOK" -> "omsetning"


def match_header(header: str) -> HeaderMatch | None:
    """Return the target column a header names, or None.

    Examples
    --------
    >>> match_header("Kundenavn")
    HeaderMatch(target='account', rank=4, year=None)
    >>> match_header("Revenue 2024").target, match_header("Revenue 2024").year
    ('revenue', 2024)
    >>> match_header("Number of visits").target
    'visits'
    >>> match_header("Kundeomsetning").target
    'revenue'
    >>> match_header("Margin %") is None
    True
    >>> match_header("Annual Revenue") is None  # the customer's own turnover, in a CRM
    True
    """
    text = normalise(header)
    year = None
    found = _YEAR.search(text)
    if found:
        digits = found.group(1) or "20" + found.group(2)
        year = int(digits)
        text = _without_year(text)
    if not text:
        # A bare year ("2025") heads a column of yearly figures, as in a pivot table: revenue,
        # after any header that says so.
        return HeaderMatch("revenue", 2000, year) if year else None
    if text in CUSTOMER_SIZE:
        return None  # the customer's own size, not what was sold to them
    match = _exact(text) or _contained(text)
    if match is None or (
        _is_amount(match.target) and _NOT_AN_AMOUNT.search(text) and text not in _EXACT
    ):
        return None
    return HeaderMatch(match.target, match.rank, year)


def _without_year(text: str) -> str:
    return re.sub(r"\s+", " ", _YEAR.sub(" ", text)).strip()


def _exact(text: str) -> HeaderMatch | None:
    if text in _EXACT:
        target, rank = _EXACT[text]
        return HeaderMatch(target, rank)
    return None


_CONTAINED_LOOKUP = {alias: target for target, names in _CONTAINED.items() for alias in names}
_LONGEST = max(len(alias.split()) for alias in _CONTAINED_LOOKUP)
_COMPOUND_ENDS = sorted(
    (a for a in _CONTAINED_LOOKUP if " " not in a and len(a) >= 5), key=len, reverse=True
)


def _contained(text: str) -> HeaderMatch | None:
    """Find a strong alias inside the header; the longest wins, then the one nearest the end."""
    words = text.split()
    best: tuple[int, int, str] | None = None
    for size in range(1, min(_LONGEST, len(words)) + 1):
        for start in range(len(words) - size + 1):
            alias = " ".join(words[start : start + size])
            target = _CONTAINED_LOOKUP.get(alias)
            if target is None and size == 1:  # a Norwegian compound: "kundeomsetning"
                target, alias = next(
                    (
                        (_CONTAINED_LOOKUP[a], a)
                        for a in _COMPOUND_ENDS
                        if alias.endswith(a) and len(alias) > len(a)
                    ),
                    (None, ""),
                )
            if target is not None:
                key = (len(alias), start + size, target)
                if best is None or key[:2] > best[:2]:
                    best = key
    return HeaderMatch(best[2], 1100 - best[0]) if best else None  # every exact match ranks first


def _is_amount(target: str) -> bool:
    return target == "cost" or (target in BY_NAME and BY_NAME[target].kind != "text")


def is_system_column(header: str) -> bool:
    """Tell a Dynamics 365 system column, such as ``(Do Not Modify) Row Checksum``.

    Examples
    --------
    >>> is_system_column("(Do Not Modify) Account"), is_system_column("Account")
    (True, False)
    """
    return str(header).strip().casefold().startswith(DYNAMICS_PREFIX)


def header_score(cells: list[str], wanted: set[str] = frozenset()) -> int:
    """Return how much a row looks like the header row: the targets it names (and mapped headers).

    Examples
    --------
    >>> header_score(["Kunde", "Omsetning", "Selger"])
    3
    >>> header_score(["Revenue report 2025", "", ""])
    1
    """
    targets = set()
    mapped = 0
    for cell in cells:
        text = str(cell).strip()
        if not text or len(text) > 60 or is_system_column(text):
            continue
        if text[0].isdigit() and not _BARE_YEAR.match(text):
            continue  # a number, not a header (but "2025" heads a pivot table's column)
        if text in wanted or text.casefold() in wanted:
            mapped += 1
        match = match_header(text)
        if match:
            targets.add(match.target)
    return len(targets) + 10 * mapped


def find_header_row(rows: list[list[str]], mapping: dict[str, str] | None = None) -> int:
    """Return the index of the header row among the first rows of a sheet (title blocks skipped).

    The row naming the most known columns wins (the first of equals); when no row names any, the
    first row with text.

    Examples
    --------
    >>> find_header_row([["Sales report"], ["2026-11-01"], [], ["Customer", "Revenue"], ["A", "1"]])
    3
    >>> find_header_row([["a", "b"], ["1", "2"]])
    0
    """
    wanted = {str(k).strip() for k in (mapping or {})} | {
        str(k).strip().casefold() for k in (mapping or {})
    }
    best, best_score = None, 0
    first_text = None
    for i, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        if not any(str(c).strip() for c in cells):
            continue
        if first_text is None:
            first_text = i
        score = header_score(cells, wanted)
        if score > best_score:
            best, best_score = i, score
    if best is not None and best_score >= 2:
        return best
    return first_text if first_text is not None else 0


def map_columns(
    headers: list[str],
    *,
    mapping: dict[str, str] | None = None,
    file: str | None = None,
    letters: bool = True,
) -> ColumnMap:
    """Decide which header of the file gives each canonical column.

    Parameters
    ----------
    headers : list of str
        The headers as in the file, in order.
    mapping : dict, optional
        ``{"Header in the file": "canonical_name"}``; it overrides the detection.
    file : str, optional
        The file's name, for messages.
    letters : bool, default True
        Name positions as spreadsheet columns (A, B, ...) in messages, else as numbers.

    Returns
    -------
    ColumnMap
        Positions by target name, warnings, and problems (unknown names in the mapping,
        duplicate headers, no revenue or account column).

    Examples
    --------
    >>> found = map_columns(["Kundenr", "Kunde", "Omsetning 2025", "Omsetning 2024", "Selger"])
    >>> found.index
    {'account_id': 0, 'account': 1, 'revenue': 2, 'owner': 4, 'revenue_prev': 3}
    >>> map_columns(["Name", "Sum"], mapping={"Sum": "revenue"}).index
    {'account': 0, 'revenue': 1}
    >>> [p.code for p in map_columns(["Customer", "Notes"]).problems]
    ['no_revenue']
    """
    found = ColumnMap()
    taken: set[int] = set()
    _apply_mapping(headers, mapping or {}, found, taken, file)
    system = [h for h in headers if is_system_column(h)]
    candidates: dict[str, list[tuple[HeaderMatch, int]]] = {}
    for position, header in enumerate(headers):
        if position in taken or is_system_column(header) or not str(header).strip():
            continue
        match = match_header(header)
        if match and match.target not in found.index:
            candidates.setdefault(match.target, []).append((match, position))
    _choose(candidates, headers, found, file)
    _check_duplicates(headers, found, file, letters)
    size = [
        h
        for i, h in enumerate(headers)
        if i not in found.index.values() and _without_year(normalise(h)) in CUSTOMER_SIZE
    ]
    _check_required(
        headers,
        found,
        file,
        attempted={
            re.sub(r"[\s-]+", "_", str(t).strip().casefold()) for t in (mapping or {}).values()
        },
        size=size,
    )
    if size and "revenue" in found.index:
        found.warnings.append(
            _(
                '{file}: "{header}" is not used: in a CRM it is the customer\'s own annual '
                "revenue (their size), not what you sold them."
            ).format(file=file or _("The file"), header=size[0])
        )
    unused = [
        h
        for i, h in enumerate(headers)
        if i not in found.index.values()
        and str(h).strip()
        and not is_system_column(h)
        and h not in size
    ]
    if system:
        found.warnings.append(
            ngettext(
                "{file}: ignored {n} Dynamics 365 system column ({columns}).",
                "{file}: ignored {n} Dynamics 365 system columns ({columns}).",
                len(system),
            ).format(
                file=file or _("The file"),
                n=formatting.number(len(system)),
                columns=", ".join(system),
            )
        )
    if unused and not found.problems:
        found.warnings.append(
            _("{file}: columns not used: {columns}.").format(
                file=file or _("The file"), columns=", ".join(unused)
            )
        )
    return found


def _apply_mapping(headers, mapping, found, taken, file) -> None:
    for header, target in mapping.items():
        name = re.sub(r"[\s-]+", "_", str(target).strip().casefold())
        if name not in TARGETS:
            found.problems.append(
                Problem(
                    _("is not a column the workbook knows (choose one of: {columns})").format(
                        columns=", ".join(TARGETS)
                    ),
                    column=_("mapping {header}={column}").format(header=header, column=target),
                    file=file,
                    code="unknown_column",
                )
            )
            continue
        position = _position_of(headers, header)
        if position is None:
            listed = ", ".join(f'"{h}"' for h in headers if str(h).strip())
            found.problems.append(
                Problem(
                    _(
                        'the mapping names the header "{header}", which is not in the file '
                        "(its headers are: {headers})"
                    ).format(header=header, headers=listed),
                    file=file,
                    code="unknown_header",
                )
            )
        elif name in found.index:
            found.problems.append(
                Problem(
                    _('the mapping gives {column} two headers: "{first}" and "{second}"').format(
                        column=name, first=headers[found.index[name]], second=header
                    ),
                    file=file,
                    code="mapping_conflict",
                )
            )
        else:
            found.index[name] = position
            taken.add(position)


def _position_of(headers: list[str], wanted: str) -> int | None:
    for same in (
        lambda h: h == wanted.strip(),
        lambda h: h.casefold() == wanted.strip().casefold(),
        lambda h: normalise(h) == normalise(wanted),
    ):
        for position, header in enumerate(headers):
            if same(str(header).strip()):
                return position
    return None


def _choose(candidates, headers, found, file) -> None:
    """Give each target its best header; two years of revenue give revenue and revenue_prev."""
    for target, options in candidates.items():
        options.sort(key=lambda item: (item[0].rank, -(item[0].year or 0), item[1]))
        best, position = options[0]
        dated = sorted(
            (o for o in options if o[0].year is not None and o[0].rank == best.rank),
            key=lambda item: -item[0].year,
        )
        if len(dated) >= 2 and best.year is not None:
            position = dated[0][1]
            if (
                target == "revenue"
                and "revenue_prev" not in found.index
                and "revenue_prev" not in candidates
            ):
                found.index["revenue_prev"] = dated[1][1]
        found.index[target] = position
        rivals = [
            headers[p]
            for m, p in options[1:]
            if m.rank < 1000 and m.year == best.year and p != position
        ]
        if rivals:
            found.warnings.append(
                _(
                    '{file}: several headers look like {column}: used "{used}", not {others} '
                    '(choose another with the mapping option, e.g. "{example}={column}").'
                ).format(
                    file=file or _("The file"),
                    column=target,
                    used=headers[position],
                    others=", ".join(chr(34) + r + chr(34) for r in rivals),
                    example=rivals[0],
                )
            )
    found.index = {t: found.index[t] for t in TARGETS if t in found.index}


def _check_duplicates(headers, found, file, letters) -> None:
    seen: dict[str, int] = {}
    used = set(found.index.values())
    for position, header in enumerate(headers):
        key = str(header).strip().casefold()
        if not key:
            continue
        if key in seen and (seen[key] in used or position in used or match_header(header)):
            first = seen[key]
            found.problems.append(
                Problem(
                    _(
                        'the header "{header}" appears twice, in {first} and {second}: rename '
                        "one of them"
                    ).format(
                        header=str(header).strip(),
                        first=_where(first, letters),
                        second=_where(position, letters),
                    ),
                    file=file,
                    column=str(header).strip(),
                    code="duplicate_header",
                )
            )
        seen.setdefault(key, position)


def _where(position: int, letters: bool) -> str:
    return _("column {column}").format(column=column_letter(position) if letters else position + 1)


def column_letter(position: int) -> str:
    """Return the spreadsheet letter of a 0-based column position.

    Examples
    --------
    >>> column_letter(0), column_letter(25), column_letter(26)
    ('A', 'Z', 'AA')
    """
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _check_required(headers, found, file, attempted, size=()) -> None:
    """Say what is missing, unless a mistaken mapping already said it."""
    listed = ", ".join(f'"{h}"' for h in headers if str(h).strip()) or _("none")
    if "revenue" not in found.index and "revenue" not in attempted and size:
        found.problems.append(
            Problem(
                _(
                    'no revenue column was found: "{header}" is, in a CRM, the customer\'s own '
                    "annual revenue (their size), not what you sold them, so the tiers would "
                    "rank customers by how big they are. Export what you sold each account "
                    "(closed deals or invoiced sales; see the CRM export guide), or, if this "
                    "column is what you sold them, name it with the mapping option: "
                    '"{header}=revenue"'
                ).format(header=size[0]),
                file=file,
                code="no_revenue",
            )
        )
    elif "revenue" not in found.index and "revenue" not in attempted:
        looked = ", ".join(a.title() for a in ALIASES["revenue"][:7])
        found.problems.append(
            Problem(
                _(
                    "no revenue column was found: the headers are {headers}; looked for {looked} "
                    '(or name it with the mapping option, e.g. "{example}=revenue")'
                ).format(headers=listed, looked=looked, example=_("Your header")),
                file=file,
                code="no_revenue",
            )
        )
    if not {"account", "account_id"} & (set(found.index) | attempted):
        looked = ", ".join(a.title() for a in (*ALIASES["account"][:6], *ALIASES["account_id"][:3]))
        found.problems.append(
            Problem(
                _(
                    "no account column was found: the headers are {headers}; looked for {looked} "
                    '(or name it with the mapping option, e.g. "{example}=account")'
                ).format(headers=listed, looked=looked, example=_("Your header")),
                file=file,
                code="no_account",
            )
        )
