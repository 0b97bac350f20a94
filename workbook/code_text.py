"""The texts the code marks for translation: Babel's extractor for ``workbook/`` and ``scripts/``.

Babel's own Python extractor reads the code token by token, and on Python 3.11 an f-string is one
token: a text marked inside one (``f"<h2>{_('Team overview')}</h2>"``) never reached the catalog,
so it stayed English in every language. :func:`extract` yields what Babel's extractor finds and,
from the code's syntax tree, the marked texts inside f-strings too.

Examples
--------
>>> import io
>>> code = b'title = f"<h2>{_(\\'Team overview\\')}</h2>"\\nnote = _("Plain")\\n'
>>> sorted(m[2] for m in extract(io.BytesIO(code), ["_"], [], {}))
['Plain', 'Team overview']
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from babel.messages.extract import extract_python


def extract(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:
    """Yield ``(line, function, message, comments)`` for every marked text (Babel's API)."""
    source = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)
    yield from in_fstrings(source, keywords)


def in_fstrings(source: bytes, keywords) -> Iterator[tuple]:
    """Yield the marked texts (plain string arguments) of calls inside f-strings."""
    names = set(keywords)
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.JoinedStr):
            continue
        for call in ast.walk(node):
            if not (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id in names
            ):
                continue
            texts = [a.value if _is_text(a) else None for a in call.args]
            if texts and all(t is not None for t in texts):
                yield call.lineno, call.func.id, texts[0] if len(texts) == 1 else tuple(texts), []


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)
