"""Every word a person reads goes through here: English (the default) or Norwegian bokmål.

One ``language`` setting chooses the language on every surface (the app, the notebooks, the
report, the command line and the exports). Texts are written in English in the code and marked
for translation; the Norwegian words live in a gettext catalog, ``workbook/locale/nb/LC_MESSAGES/
workbook.po``, kept with Babel (``make messages`` extracts and updates it, ``make catalogs``
compiles it). The glossary that every Norwegian text follows is in ``docs/glossary.md``.

- ``_("text")`` translates a sentence into the current language;
- ``ngettext("an account", "{n} accounts", n)`` chooses the form for a count;
- ``pgettext("tier", "A")`` translates a word that needs its context to be translated right;
- ``N_("text")`` only marks a text (a module-level constant) that is translated where it is shown.

Write whole sentences with named placeholders (``_("{n} accounts of {owner}").format(...)``), never
sentences glued from pieces: Norwegian does not put the words in the same order.

The language is a context variable, so each kernel, command or report run has its own; the
pseudo-language ``qps`` turns every text of the catalog into accented look-alikes inside
``⟦…⟧`` (a text the catalog lacks stays English), so a test can see any text that bypasses
translation or never reached the catalog.

Examples
--------
>>> with use_language("nb"):
...     language()
'nb'
>>> with use_language("qps"):
...     _("Revenue"), _("not a text of the catalog")
('⟦Ŕéṽéñúé⟧', 'not a text of the catalog')
>>> language()
'en'
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from workbook.errors import SettingsError

#: The languages a person can choose, each with its name in that language.
LANGUAGES: dict[str, str] = {"en": "English", "nb": "Norsk bokmål"}
DEFAULT_LANGUAGE = "en"
#: A pseudo-language for tests: every translated text comes out visibly marked.
PSEUDO = "qps"
#: Other ways people write the two languages, read as one of them.
ALIASES: dict[str, str] = {
    "english": "en",
    "en_gb": "en",
    "en_us": "en",
    "no": "nb",
    "nob": "nb",
    "nb_no": "nb",
    "no_no": "nb",
    "norsk": "nb",
    "bokmål": "nb",
    "bokmal": "nb",
    "norwegian": "nb",
}
#: The Babel locale that formats numbers and dates in each language.
LOCALES: dict[str, str] = {"en": "en_GB", "nb": "nb_NO", PSEUDO: "en_GB"}

DOMAIN = "workbook"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The environment variable a process starts from (e.g. a Voilà kernel, a report run).
ENVIRONMENT_VARIABLE = "WORKBOOK_LANGUAGE"


class LanguageError(SettingsError):
    """A language the workbook does not speak (a setting error, not bad data)."""


def check_language(code: object) -> str:
    """Return the language code for ``code`` (``"en"`` or ``"nb"``), or raise LanguageError.

    Examples
    --------
    >>> check_language("nb"), check_language("nb-NO"), check_language(" NO "), check_language("")
    ('nb', 'nb', 'nb', 'en')
    >>> check_language("de")
    Traceback (most recent call last):
    ...
    workbook.i18n.LanguageError: language 'de' is not one the workbook speaks: choose en or nb
    """
    text = str(code or "").strip().lower().replace("-", "_")
    if not text:
        return DEFAULT_LANGUAGE
    text = ALIASES.get(text, text)
    if text in LANGUAGES or text == PSEUDO:
        return text
    raise LanguageError(
        f"language {code!r} is not one the workbook speaks: choose {' or '.join(LANGUAGES)}",
        setting="language",
        allowed=tuple(LANGUAGES),
    )


def _start_language() -> str:
    try:
        return check_language(os.environ.get(ENVIRONMENT_VARIABLE, ""))
    except LanguageError:
        return DEFAULT_LANGUAGE


#: Each process starts in the language of its environment (a str, so immutable: B039 is moot).
_language: ContextVar[str] = ContextVar("workbook_language", default=_start_language())  # noqa: B039


def language() -> str:
    """Return the current language code."""
    return _language.get()


def set_language(code: object) -> str:
    """Make ``code`` the language from now on (in this context); return it, checked."""
    checked = check_language(code)
    _language.set(checked)
    return checked


@contextmanager
def use_language(code: object) -> Iterator[str]:
    """Speak ``code`` inside the ``with`` block, then go back to the language before it."""
    token = _language.set(check_language(code))
    try:
        yield _language.get()
    finally:
        _language.reset(token)


def locale() -> str:
    """Return the Babel locale of the current language (e.g. ``"nb_NO"``)."""
    return LOCALES[language()]


# --- the catalogs -------------------------------------------------------------------------------
@cache
def translations(code: str) -> gettext.NullTranslations:
    """Return the compiled catalog of ``code`` (read once per process).

    The ``.mo`` file is compiled by ``make catalogs`` (and by every install); when it is missing or
    older than the ``.po`` file, the catalog is compiled in memory from the ``.po`` file instead,
    so a fresh checkout speaks Norwegian before anything was built.
    """
    folder = LOCALE_DIR / code / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as file:
            return gettext.GNUTranslations(file)
    if po.is_file():
        return _compiled_in_memory(po)
    return gettext.NullTranslations()


def _compiled_in_memory(po: Path) -> gettext.NullTranslations:
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as file:
        catalog = read_po(file)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _catalog() -> gettext.NullTranslations:
    code = language()
    return gettext.NullTranslations() if code in (DEFAULT_LANGUAGE, PSEUDO) else translations(code)


# --- translating --------------------------------------------------------------------------------
def _(message: str) -> str:
    """Return ``message`` in the current language."""
    if language() == PSEUDO:
        return _pseudo_if_catalogued(message)
    return _catalog().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Return the form of a text for the count ``n`` in the current language.

    Examples
    --------
    >>> ngettext("{n} account", "{n} accounts", 1).format(n=1)
    '1 account'
    """
    if language() == PSEUDO:
        text = singular if n == 1 else plural
        return pseudo(text) if singular in catalogued() else text
    return _catalog().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Return ``message`` translated in its ``context`` (a word with several meanings)."""
    if language() == PSEUDO:
        return _pseudo_if_catalogued(message)
    return _catalog().pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it (it is translated where shown)."""
    return message


# --- the pseudo-language ------------------------------------------------------------------------
_LOOKALIKE = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçđéƒĝĥíĵķĺɱñóƥǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤǪŔŠŢÚṼŴẊÝŽ",
)
#: Characters a pseudo-translated text begins and ends with.
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"


@cache
def catalogued() -> frozenset[str]:
    """The texts of the translation template (``workbook/locale/workbook.pot``)."""
    from babel.messages.pofile import read_po

    with (LOCALE_DIR / "workbook.pot").open("rb") as template:
        return frozenset(m.id[0] if isinstance(m.id, tuple) else m.id for m in read_po(template))


def _pseudo_if_catalogued(message: str) -> str:
    # A text the catalog does not hold reaches no translator: it stays English here too, so the
    # pseudo-language tests see it (a text marked where the extraction cannot find it, say).
    return pseudo(message) if message in catalogued() else message


def pseudo(message: str) -> str:
    """Return ``message`` with its letters turned into look-alikes, placeholders and markup kept.

    Examples
    --------
    >>> pseudo("<b>{n}</b> accounts &amp; %(x)s more")
    '⟦<b>{n}</b> áççóúñţš &amp; %(x)s ɱóŕé⟧'
    >>> pseudo("invalid choice: %r (choose from %s)")  # argparse's own texts
    '⟦íñṽáĺíđ çĥóíçé: %r (çĥóóšé ƒŕóɱ %s)⟧'
    """
    out, i = [], 0
    closers = {"{": "}", "<": ">", "&": ";", "%": ")"}
    while i < len(message):
        char = message[i]
        end = -1
        if char == "%" and message[i + 1 : i + 2] in ("s", "r", "d", "%"):  # printf-style
            end = i
        elif char in closers and (char != "%" or message[i + 1 : i + 2] == "("):
            end = message.find(closers[char], i)
            if char == "&" and (end < 0 or not message[i + 1 : end].replace("#", "").isalnum()):
                end = -1
        if end >= 0:
            if char == "%":  # %(name)s: keep the conversion letter too
                end += 1
            out.append(message[i : end + 1])
            i = end + 1
        else:
            out.append(char.translate(_LOOKALIKE))
            i += 1
    return PSEUDO_OPEN + "".join(out) + PSEUDO_CLOSE
