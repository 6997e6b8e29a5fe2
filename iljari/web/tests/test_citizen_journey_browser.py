# ruff: noqa: F811  (the SMTP server fixture imported from messaging's tests is a test argument here)
"""The citizen's whole journey in a real browser, at a desk (1366×900) and on a phone (390×844): a visitor finds an
open call from the home page without logging in, signs up (consents first, then the contact and its code, the name
and resident number, the address), applies, receives the 접수 message — read from a real SMTP server the test starts
(aiosmtpd), as every e-mail of the walk is —, follows the application's steps, prints the 접수증; after the
official confirms the selection (the office manager's own 전결, from the call's page) the citizen receives the
result. axe-core finds no violation on any page of the walk."""

from __future__ import annotations

import email
import re
import subprocess
import time
from datetime import date, timedelta
from email.policy import default

import pytest
from django.utils import timezone

from iljari.intake import services as intake
from iljari.intake.models import Application
from iljari.intake.tests.factories import close_call
from iljari.messaging.tests.test_smtp import smtp_server  # noqa: F401
from iljari.plan.models import Programme
from iljari.testing import BROWSER_MARKS, PASSWORD, browser_log_in
from iljari.web.tests.test_accessibility import AXE, RUN

pytestmark = BROWSER_MARKS

TITLE = "청년 뉴딜일자리 참여자 모집(여정)"


def _mails(inbox) -> list:
    return [email.message_from_bytes(m.as_bytes(), policy=default) for m in inbox.received]


def _wait_for(inbox, subject: str, count: int = 1, seconds: float = 10.0):
    """The messages with this subject once `count` of them have reached the SMTP server (sent after the commit)."""
    deadline = time.monotonic() + seconds
    while True:
        found = [m for m in _mails(inbox) if m["Subject"] == subject]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def _code(inbox, before: int) -> str:
    for _ in range(100):
        mails = _mails(inbox)
        if len(mails) > before:
            return re.search(r"인증번호는 (\d{6})", mails[-1].get_body().get_content()).group(1)
        time.sleep(0.1)
    raise AssertionError("no code reached the SMTP server")


@pytest.fixture
def open_call(dataset_2018):
    opens = timezone.now() - timedelta(days=2)
    return intake.call_set(
        actor=None,
        code="JOURNEY",
        programme=Programme.objects.get(code="P1-03"),
        title=TITLE,
        opens_at=opens,
        closes_at=opens + timedelta(days=14),
        announce_on=date(2030, 1, 1),
        quotas=[("CITY", "서울시 추진사업", 5)],
        eligibility=[
            {"kind": "age_between", "min_value": 18, "max_value": 39, "on_date": date(2018, 1, 1)},
            {"kind": "resides_in_seoul"},
        ],
        required_documents="",
        target_group="youth",
        contact="일자리정책과 뉴딜일자리팀 02-2133-5000",
    )


@pytest.mark.parametrize(("width", "height"), [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_a_visitor_finds_a_call_signs_up_applies_and_hears_each_step(
    transactional_db, personas, open_call, smtp_server, browser, live_server, tmp_path, width, height
):
    context = browser.new_context(base_url=live_server.url, locale="ko-KR", accept_downloads=True)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": height})
    violations: list[str] = []

    def axe(where: str) -> None:
        violations.extend(f"{where} ({width}px): {v['id']} {v['help']} — {v['nodes']}" for v in page.evaluate(RUN))

    # a visitor: the home page, the open call, its page; login is asked only to apply
    page.goto("/")
    axe("home")
    page.locator("#open-calls").get_by_role("link", name=TITLE).click()
    page.wait_for_url("**/portal/calls/JOURNEY/info/")
    axe("call")
    page.get_by_role("link", name="신청하기").click()
    page.wait_for_url("**/accounts/login/?next=/portal/calls/JOURNEY/")

    # signs up in the lawful order, every code read from the SMTP server
    page.get_by_role("link", name="시민 회원가입").click()
    page.wait_for_url("**/portal/signup/")
    for consent in ("개인정보 수집·이용에 동의합니다 (필수)", "고유식별정보(주민등록번호) 처리에 동의합니다 (필수)"):
        page.get_by_text(consent, exact=True).click()
    page.get_by_role("button", name="동의하고 계속").click()
    page.get_by_label("전자우편 주소 또는 휴대전화 번호").fill("journey@example.com")
    sent = len(smtp_server.received)
    page.get_by_role("button", name="인증번호 받기").click()
    page.wait_for_url("**/portal/signup/code/")
    page.get_by_role("textbox", name="인증번호").fill(_code(smtp_server, sent))
    page.get_by_role("button", name="확인").click()
    page.wait_for_url("**/portal/signup/identity/")
    page.get_by_role("textbox", name="이름").fill("여정민")
    page.get_by_label("주민등록번호").fill("950302-1000001")  # 22 on 2018.1.1.: within the call's 18–39
    page.get_by_role("button", name="본인확인").click()
    page.wait_for_url("**/portal/signup/account/")
    page.locator("#id_address").fill("서울특별시 강동구 성내로 25")
    page.locator("#id_district").select_option(label="강동구")
    page.get_by_role("textbox", name="아이디").fill("journey95")
    page.locator("#id_password").fill("Journey!2018pw")
    page.get_by_label("비밀번호 확인").fill("Journey!2018pw")
    page.get_by_role("button", name="가입하기").click()
    page.wait_for_url(lambda url: "/portal/signup/" not in url)

    # applies: the consents ticked, 신청; the application's own page with its steps
    page.goto("/portal/calls/JOURNEY/")
    axe("apply")
    for consent in ("개인정보 수집·이용에 동의합니다", "고유식별정보(주민등록번호) 처리에 동의합니다"):
        page.get_by_text(consent, exact=True).click()
    page.get_by_role("button", name="신청", exact=True).click()
    page.wait_for_url(re.compile(r".*/portal/applications/\d+/$"))
    axe("application")
    application = Application.objects.get(call=open_call, person__user__username="journey95")
    assert application.status == Application.Status.SUBMITTED
    steps = page.locator(".ilj-steps").inner_text()
    for step in ("접수", "자격 확인", "심사", "배치"):
        assert step in steps

    # the 접수 message reaches the citizen's mailbox
    received = _wait_for(smtp_server, "[일자리] 신청 접수 안내")
    assert len(received) == 1 and received[0]["To"] == "journey@example.com"
    body = received[0].get_body().get_content()
    assert f"여정민님, {TITLE} 신청이" in body and f"접수번호: {application.pk}" in body

    # prints the 접수증: a PDF whose text names the call and the 접수번호, the applicant masked
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("접수증")).first.click()
    path = tmp_path / f"receipt-{width}.pdf"
    download.value.save_as(path)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert TITLE in text and str(application.pk) in text and "여*민" in text and "여정민" not in text

    # the official: the call closes, the selection runs, the office manager confirms it (전결) on the call's page
    close_call(open_call)
    intake.selection_run(actor=None, call=open_call, seed=1)
    office = browser.new_context(base_url=live_server.url, locale="ko-KR")
    manager = office.new_page()
    browser_log_in(manager, "t_manager", PASSWORD)
    manager.goto("/intake/calls/JOURNEY/")
    manager.once("dialog", lambda dialog: dialog.accept())
    manager.get_by_role("button", name="선발 확정 결재").click()
    assert "선발 결과를 확정했습니다" in manager.content()
    office.close()

    # the citizen hears the result
    result = _wait_for(smtp_server, "[일자리] 선발 결과 안내(선발)")
    assert len(result) == 1 and result[0]["To"] == "journey@example.com"
    assert f"여정민님, {TITLE}에 선발되었습니다." in result[0].get_body().get_content()
    context.close()
    assert violations == [], "\n".join(violations)
