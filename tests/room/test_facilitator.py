"""The trainer's page: refused without its token, the room's picture with it, nothing outside."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pytest
import tornado.web
from tornado.testing import AsyncHTTPTestCase

from workbook.coaching.room import FIELDS, check_room_figures
from workbook.room.facilitator import COOKIE, facilitator_handlers, facilitator_page
from workbook.room.store import Room, new_participant_key

TOKEN = "trainer-token-" + "x" * 20


def figures(top20: float):
    return check_room_figures(
        {f.name: None for f in FIELDS if f.optional}
        | {
            "accounts_band": "100-249",
            "metric": "revenue",
            "top20_share": top20,
            "accounts_for_80_share": 0.25,
            "gini": 0.7,
            "focus_today": 0.5,
            "time_on_a_today": 0.3,
            "focus_plan": 0.66,
            "time_on_a_plan": 0.8,
        }
    )


class FacilitatorTest(AsyncHTTPTestCase):
    def get_app(self):
        import tempfile

        self.room = Room.start("facilitator-test", folder=tempfile.mkdtemp())
        return tornado.web.Application(facilitator_handlers("/", room=self.room, token=TOKEN))

    def tearDown(self):
        self.room.remove()
        super().tearDown()

    def get(self, path, **kwargs):
        return self.fetch(path, follow_redirects=False, **kwargs)

    def test_without_the_token_the_page_and_its_data_are_refused(self):
        for path in ("/facilitator", "/facilitator/", "/facilitator/room.json"):
            for extra in ({}, {"token": "wrong"}, {"token": TOKEN[:-1]}):
                answer = self.get(path + ("?" + urlencode(extra) if extra else ""))
                assert answer.code == 403, (path, extra)
                assert b"facilitator-test" not in answer.body and b"Traceback" not in answer.body
        answer = self.get("/facilitator/room.json", headers={"Cookie": f"{COOKIE}=guess"})
        assert answer.code == 403

    def test_the_token_in_the_address_becomes_a_cookie_and_leaves_the_address(self):
        answer = self.get(f"/facilitator?token={TOKEN}")
        assert answer.code == 303 and answer.headers["Location"] == "/facilitator"
        cookie = answer.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        assert "Path=/facilitator" in cookie
        page = self.get("/facilitator", headers={"Cookie": cookie.split(";")[0]})
        assert page.code == 200 and TOKEN not in page.body.decode()

    def test_the_page_and_the_data_show_exactly_who_shared(self):
        header = {"Authorization": f"token {TOKEN}"}
        self.room.share(new_participant_key(), figures(0.62))
        self.room.share(new_participant_key(), figures(0.91))
        data = json.loads(self.get("/facilitator/room.json", headers=header).body)
        assert data["participants"] == 2 and len(data["figures"]) == 2
        assert set(data["figures"][0]) == {f.name for f in FIELDS}  # no participant key
        page = self.get("/facilitator", headers=header)
        text = page.body.decode()
        assert "2 participants have shared their figures." in text
        assert "62%–91% of revenue" in text
        assert "data-participants='2'" in text
        policy = page.headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "connect-src 'self'" in policy
        assert page.headers["Cache-Control"] == "no-store"
        nonce = re.search(r"script-src 'nonce-([^']+)'", policy).group(1)
        assert f"<script nonce='{nonce}'>" in text

    def test_a_withdrawal_changes_the_version_the_page_polls(self):
        header = {"Authorization": f"token {TOKEN}"}
        key = new_participant_key()
        self.room.share(key, figures(0.7))
        before = json.loads(self.get("/facilitator/room.json", headers=header).body)
        self.room.withdraw(key)
        after = json.loads(self.get("/facilitator/room.json", headers=header).body)
        assert after["participants"] == 0 and after["version"] != before["version"]
        assert (
            "Nobody has shared their figures yet."
            in self.get("/facilitator", headers=header).body.decode()
        )


def test_the_page_loads_nothing_from_anywhere():
    room = [figures(0.62), figures(0.8)]
    page = facilitator_page(room, room="r", version=3, data_url="/facilitator/room.json", nonce="n")
    # the only URLs are SVG's namespace; no src=, no href= and no @import reach out
    assert not re.search(r"\b(src|href)\s*=", page)
    assert set(re.findall(r"https?://[^\s'\")]+", page)) <= {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    }
    assert page.count("<svg") == 6  # top 20%, 80%, Gini, bands, time on A, focus (no hours)
    assert page.count("<svg") == len(re.findall(r"class='wb-chart'", page))


def test_the_first_chart_has_one_dot_per_participant():
    from workbook.room.facilitator import chart_svgs

    first = chart_svgs([figures(0.62), figures(0.91)])[0]
    assert len(re.findall(r'class="mark-symbol role-mark', first)) == 1
    assert first.count("<path") >= 2


def test_handlers_need_a_token():
    with pytest.raises(ValueError, match="needs a token"):
        facilitator_handlers("/", room=Room("/nowhere"), token="")


def test_every_text_of_the_trainer_s_page_goes_through_translation():
    from workbook.i18n import use_language

    with use_language("qps"):
        page = facilitator_page(
            [figures(0.62), figures(0.8)], room="r", version=1, data_url="/x", nonce="n"
        )
    body = page.split("<body>", 1)[1].split("<div class='wb-charts'>", 1)[0]
    words = [t.strip() for t in re.findall(r">([^<>]+)<", body) if re.search(r"[A-Za-z]", t)]
    assert words and all(w.startswith("⟦") for w in words), words
    charts = page.split("<div class='wb-charts'>", 1)[1]
    labels = [t for t in re.findall(r"<text[^>]*>([^<]*)</text>", charts) if re.search(r"\D", t)]
    worded = [t for t in labels if not re.fullmatch(r"[\d.,%]+", t)]  # axis numbers are numbers
    assert len(worded) >= 8 and all(t.startswith("⟦") for t in worded), worded
