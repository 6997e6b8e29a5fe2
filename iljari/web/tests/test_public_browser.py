"""In a real browser, at a desk (1366×900) and on a phone (390×844): a visitor who is not logged in finds an open
call from the home page, reaches its page (its rules, documents, quotas and schedule), and is asked to log in only
when pressing 신청하기 — and comes back to the call's form after logging in. Axe finds no violation on the way."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from iljari.core.roles import Role
from iljari.intake import services as intake
from iljari.plan.models import Programme
from iljari.testing import BROWSER_MARKS, PASSWORD
from iljari.web.tests.test_accessibility import AXE, RUN

pytestmark = BROWSER_MARKS
# the elements reaching past the screen's right edge (named in a failure)
WIDE = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(0, 8).map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)"""


@pytest.fixture
def open_call(dataset_2018):
    opens = timezone.now() - timedelta(days=2)
    return intake.call_set(
        actor=None,
        code="WALK-1",
        programme=Programme.objects.get(code="P1-03"),
        title="청년 뉴딜일자리 참여자 모집(걷기)",
        opens_at=opens,
        closes_at=opens + timedelta(days=14),
        announce_on=date(2030, 1, 1),
        quotas=[("CITY", "서울시 추진사업", 12), ("DISTRICT", "자치구 사업", 8)],
        eligibility=[{"kind": "resides_in_seoul"}],
        required_documents="주민등록등본",
        target_group="youth",
        contact="일자리정책과 뉴딜일자리팀 02-2133-5000",
    )


@pytest.mark.parametrize(("width", "height"), [(1366, 900), (390, 844)])
def test_a_visitor_finds_an_open_call_from_the_home_page_and_logs_in_only_to_apply(
    transactional_db, personas, open_call, browser, live_server, width, height
):
    context = browser.new_context(base_url=live_server.url, locale="ko-KR")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((live_server.url, "data:")) else None)
    page.set_viewport_size({"width": width, "height": height})
    violations: list[str] = []

    def axe(where):
        violations.extend(f"{where} ({width}px): {v['id']} {v['help']} — {v['nodes']}" for v in page.evaluate(RUN))

    page.goto("/")
    assert page.get_by_role("heading", name="지금 접수 중인 모집공고").is_visible()
    axe("home")
    calls = page.locator("#open-calls")
    link = calls.get_by_role("link", name="청년 뉴딜일자리 참여자 모집(걷기)")
    assert re.fullmatch(r"D-1[12]", calls.locator('[data-call="WALK-1"] .ilj-dday').inner_text())
    link.click()
    page.wait_for_url("**/portal/calls/WALK-1/info/")
    assert page.locator("h1").inner_text() == "청년 뉴딜일자리 참여자 모집(걷기)"
    assert "주민등록등본" in page.content() and "일자리정책과 뉴딜일자리팀 02-2133-5000" in page.content()
    assert "까지" in page.locator("[data-call-period]").inner_text()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = page.evaluate(WIDE)
    assert overflow <= 0, wide  # nothing wider than the screen
    axe("call")

    page.get_by_role("link", name="신청하기").click()
    page.wait_for_url("**/accounts/login/?next=/portal/calls/WALK-1/")
    page.get_by_label("아이디").fill(personas[Role.CITIZEN].username)
    page.get_by_label("비밀번호").fill(PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url("**/portal/calls/WALK-1/")
    assert page.locator("h1").inner_text() == "청년 뉴딜일자리 참여자 모집(걷기)"
    context.close()
    assert outside == []
    assert violations == [], "\n".join(violations)
