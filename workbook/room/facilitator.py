"""The trainer's page of a room: the room's anonymous picture, behind a token of its own.

``make app ROOM=name`` serves it from the app's own server (``workbook.app.server``) at
``/facilitator`` and prints its address with the token. Without the token every request is
refused (403), so a participant can open neither the page nor its JSON. The first visit with
``?token=…`` sets a cookie (HttpOnly, SameSite=Strict, this path only) and sends the browser to
the address without the token, so the projector does not show it.

The page is drawn on the server (SVG charts from vl-convert, no JavaScript library) and asks the
JSON every few seconds whether the room changed; when it has, it reloads. Nothing on it comes
from outside the server (a Content-Security-Policy says so to the browser).
"""

from __future__ import annotations

import asyncio
import hmac
import html
import json
import secrets
import threading

import tornado.web
from jupyter_server.utils import url_path_join

from workbook import charts
from workbook.charts.room import room_band_chart, room_dot_chart
from workbook.coaching.room import RoomFigures, room_sentences, room_spread
from workbook.i18n import _, language
from workbook.room.store import Room

COOKIE = "workbook-facilitator"
#: How often the page asks whether the room changed (milliseconds).
POLL_MS = 3000

STYLE = """
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
       color: #1d2733; margin: 24px auto; max-width: 1100px; padding: 0 18px; }
h1 { font-size: 26px; margin: 0 0 4px 0; }
.wb-count { font-size: 22px; font-weight: 650; margin: 10px 0; }
.wb-note { color: #6b7785; font-size: 14px; }
.wb-lines { font-size: 17px; line-height: 1.5; }
.wb-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr));
             gap: 18px 28px; margin-top: 18px; }
.wb-chart svg { overflow: visible; max-width: 100%; height: auto; }
"""


def chart_svgs(figures: list[RoomFigures]) -> list[str]:
    """Return the room's charts as SVG texts (only those some participant has figures for)."""
    drawn = []

    def values(name: str) -> list[float]:
        spread = room_spread(figures, name)
        return list(spread.values) if spread else []

    for name, title, kind in (
        ("top20_share", _("Share of revenue from the top 20% of accounts"), "share"),
        ("accounts_for_80_share", _("Share of accounts that make 80% of revenue"), "share"),
        (
            "gini",
            _("Gini coefficient of revenue (0 = all alike, 1 = one account has it all)"),
            "score",
        ),
    ):
        if found := values(name):
            drawn.append(room_dot_chart({_("Room"): found}, title=title, kind=kind))
    if figures:
        drawn.append(room_band_chart(figures))
    for today, plan, title, kind in (
        ("time_on_a_today", "time_on_a_plan", _("Share of selling time on A accounts"), "share"),
        ("focus_today", "focus_plan", _("Focus score (1 = time follows value exactly)"), "score"),
    ):
        rows = {_("Today"): values(today), _("In the plan"): values(plan)}
        rows = {label: found for label, found in rows.items() if found}
        if rows:
            drawn.append(room_dot_chart(rows, title=title, kind=kind))
    if found := values("hours_freed_per_week"):
        drawn.append(
            room_dot_chart({_("Room"): found}, title=_("Hours a week the plan frees"), kind="hours")
        )
    return [charts.svg(chart) for chart in drawn]


def facilitator_page(
    figures: list[RoomFigures], *, room: str, version: int, data_url: str, nonce: str
) -> str:
    """Return the trainer's page: the count, the room's picture in sentences and charts."""
    lines = room_sentences(figures)
    count, rest = lines[0], lines[1:]
    items = "".join(f"<li>{html.escape(line)}</li>" for line in rest)
    drawn = "".join(f"<div class='wb-chart' role='img'>{svg}</div>" for svg in chart_svgs(figures))
    script = (
        f"const version = {json.dumps(version)};\n"
        f"const url = {json.dumps(data_url)};\n"
        "async function poll() {\n"
        "  try {\n"
        "    const answer = await fetch(url, {credentials: 'same-origin', cache: 'no-store'});\n"
        "    if (answer.ok && (await answer.json()).version !== version) {\n"
        "      location.reload();\n"
        "      return;\n"
        "    }\n"
        "  } catch (error) {}\n"
        f"  setTimeout(poll, {POLL_MS});\n"
        "}\n"
        f"setTimeout(poll, {POLL_MS});\n"
    )
    title = _("Room view: {room}").format(room=room)
    note = _(
        "Only the figures participants chose to share, rounded: no customer's name, number or "
        "amount. This page updates by itself as people share or withdraw."
    )
    return (
        "<!DOCTYPE html>\n"
        f"<html lang='{'nb' if language() == 'nb' else 'en'}'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<noscript><meta http-equiv='refresh' content='10'></noscript>"
        f"<style>{STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>"
        f"<p class='wb-note'>{html.escape(note)}</p>"
        f"<p class='wb-count' id='wb-room-count' data-participants='{len(figures)}'>"
        f"{html.escape(count)}</p>"
        f"<ul class='wb-lines'>{items}</ul>"
        f"<div class='wb-charts'>{drawn}</div>"
        f"<script nonce='{nonce}'>{script}</script>"
        "</body></html>"
    )


def room_data(room: Room) -> dict:
    """Return the room as the JSON endpoint gives it: its version, count and figures."""
    version = room.version()
    figures = room.figures()
    return {
        "room": room.name,
        "version": version,
        "participants": len(figures),
        "figures": [f.to_dict() for f in figures],
    }


# --- serving ------------------------------------------------------------------------------------
class _TokenHandler(tornado.web.RequestHandler):
    """Refuses every request without the room's token (query, cookie or Authorization header)."""

    def initialize(self, *, room: Room, token: str, page_url: str) -> None:
        self.room = room
        self.token = token
        self.page_url = page_url

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("X-Frame-Options", "DENY")

    def _given(self) -> str:
        header = self.request.headers.get("Authorization", "")
        if header.lower().startswith("token "):
            return header[6:].strip()
        return self.get_query_argument("token", "") or self.get_cookie(COOKIE, "") or ""

    def prepare(self) -> None:
        given = self._given()
        if not (self.token and given and hmac.compare_digest(given.encode(), self.token.encode())):
            raise tornado.web.HTTPError(403)

    def write_error(self, status_code: int, **kwargs) -> None:
        # Never a traceback, never a hint: the status and a plain word.
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code} {self._reason}\n")

    def check_xsrf_cookie(self) -> None:  # GET only; no form posts here
        return None


class FacilitatorPage(_TokenHandler):
    """``/facilitator``: the room's picture."""

    _lock = threading.Lock()
    _cache: tuple[str, int, str] | None = None  # (room path, version, page without nonce)

    async def get(self) -> None:
        if self.get_query_argument("token", ""):
            self.set_cookie(
                COOKIE, self.token, path=self.page_url, httponly=True, samesite="Strict"
            )
            self.redirect(self.page_url, status=303)
            return
        nonce = secrets.token_urlsafe(16)
        page = await asyncio.get_running_loop().run_in_executor(None, self._page)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header(
            "Content-Security-Policy",
            f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; "
            "img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'",
        )
        self.finish(page.replace("{{nonce}}", nonce))

    def _page(self) -> str:
        """Draw the page for the room's current version (once per version: SVGs take a moment)."""
        with self._lock:
            version = self.room.version()
            key = str(self.room.path)
            cached = type(self)._cache
            if cached and cached[0] == key and cached[1] == version:
                return cached[2]
            page = facilitator_page(
                self.room.figures(),
                room=self.room.name,
                version=version,
                data_url=url_path_join(self.page_url, "room.json"),
                nonce="{{nonce}}",
            )
            type(self)._cache = (key, version, page)
            return page


class FacilitatorData(_TokenHandler):
    """``/facilitator/room.json``: the room's version, count and figures."""

    def get(self) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(room_data(self.room)))


def facilitator_handlers(base_url: str, *, room: Room, token: str) -> list[tuple]:
    """Return the tornado handlers of the trainer's page and its JSON, under ``base_url``."""
    if not token:
        raise ValueError("the facilitator page needs a token")
    page_url = url_path_join(base_url, "facilitator")
    options = {"room": room, "token": token, "page_url": page_url}
    return [
        (f"{page_url}/?", FacilitatorPage, options),
        (url_path_join(page_url, "room.json"), FacilitatorData, options),
    ]
