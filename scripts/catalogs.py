"""Check and compile the translation catalogs (``workbook/locale/<language>/LC_MESSAGES``).

    .venv/bin/python scripts/catalogs.py            # check every catalog, write its .mo
    .venv/bin/python scripts/catalogs.py --check    # only check; exit 1 on any problem

A catalog passes when every text is translated, none is fuzzy, and each translation keeps the
placeholders of its English text: the ``{name}`` fields the code fills with ``str.format``, and
the ``%(prog)s``-style fields of argparse's own texts.

Why not ``pybabel compile``: Babel takes any ``%`` before a letter for %-formatting, so the
prose "20% of your accounts" (``% o``) would ask every translation for the same bogus code, and
"20 % av kundene" fails. The workbook's texts are never %-formatted, so only real %-fields are
compared here.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[1] / "workbook" / "locale"
BRACES = re.compile(r"\{[A-Za-z_0-9]*\}")
PERCENT = re.compile(r"%\([A-Za-z_]+\)[sdr]|%[sdr]\b")


def fields(text: str) -> set[str]:
    """Return the placeholders of a text: ``{name}`` fields and real %-fields."""
    return set(BRACES.findall(text)) | set(PERCENT.findall(text))


def problems(catalog) -> list[str]:
    """Return what is wrong with a catalog, one line per text."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        name = ids[0][:70].replace("\n", " ")
        if message.fuzzy:
            found.append(f"fuzzy: {name}")
        elif not all(strings):
            found.append(f"not translated: {name}")
            continue
        wanted = set().union(*(fields(i) for i in ids))
        for string in strings:
            got = fields(string)
            # A singular may leave out the count ("one account" for "{n} accounts").
            if not got <= wanted or (len(ids) == 1 and got != wanted):
                found.append(f"placeholders {sorted(got)} instead of {sorted(wanted)}: {name}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check only; write no .mo")
    args = parser.parse_args(argv)
    failed = False
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as file:
            catalog = read_po(file, locale=po.parts[-3])
        found = problems(catalog)
        total = sum(1 for m in catalog if m.id)
        print(
            f"{po.relative_to(LOCALE.parent.parent)}: {total - len(found)} of {total} texts ready"
        )
        for line in found:
            print(f"  {line}")
        failed |= bool(found)
        if not args.check:
            with po.with_suffix(".mo").open("wb") as file:
                write_mo(file, catalog, use_fuzzy=False)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
