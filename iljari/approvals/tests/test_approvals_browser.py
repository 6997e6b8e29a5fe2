"""In a real browser: a division official (주무관) puts a new call up for publishing, the office manager approves it
in 결재함, and only then does the call appear on the citizens' call list. The same gate stands before a selection
is confirmed (선발 확정) and before a month's pay is final (급여 확정)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from iljari.core.roles import Role
from iljari.intake import services as intake
from iljari.plan.models import Programme
from iljari.testing import BROWSER_MARKS, browser_log_in

pytestmark = BROWSER_MARKS


@pytest.fixture
def person_page(browser, live_server):
    """A fresh browser context per person (each with their own session), closed at the end."""
    contexts = []

    def open_as(username):
        context = browser.new_context(base_url=live_server.url, locale="ko-KR")
        contexts.append(context)
        page = context.new_page()
        browser_log_in(page, username)
        page.wait_for_url("**/")
        return page

    yield open_as
    for context in contexts:
        context.close()


def test_a_call_reaches_citizens_only_after_the_office_manager_approves(
    transactional_db, personas, dataset_2018, person_page
):
    opens = timezone.now() - timedelta(days=1)
    call = intake.call_set(  # what the call page saves for the official: a call not yet published
        actor=personas[Role.DIVISION_STAFF],
        code="NEWDEAL-3",
        programme=Programme.objects.get(code="P1-03"),
        title="뉴딜일자리 3차 참여자 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=10),
        announce_on=date(2030, 1, 1),
        quotas=[("CITY", "서울시 추진사업", 30)],
        eligibility=[{"kind": "resides_in_seoul"}],
        create=True,
    )
    assert not call.is_published

    staff = person_page("t_staff")
    staff.goto(f"/intake/calls/{call.code}/")
    staff.get_by_role("link", name="게시 결재 올리기").click()
    assert "결재권자는 담당관 이상입니다" in staff.locator("#draft-rule").inner_text()
    staff.get_by_label("결재권자").select_option(label="총괄 테스트 (정책관, 일자리노동정책관)")
    staff.get_by_label("기안 의견").fill("3차 모집 공고를 올립니다.")
    staff.get_by_role("button", name="결재 올리기").click()
    staff.wait_for_url(f"**/intake/calls/{call.code}/")
    assert "결재를 올렸습니다 — 결재가 끝나면 공고가 게시됩니다." in staff.content()
    assert "결재 중" in staff.locator("#call-publish-state").inner_text()

    citizen = person_page("t_citizen")
    citizen.goto("/portal/calls/")
    assert call.title not in citizen.content()  # nothing before the final approval

    manager = person_page("t_manager")
    manager.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="결재함").click()
    manager.get_by_role("link", name="뉴딜일자리 3차 참여자 모집 게시").click()
    line = manager.locator("#approval-line").inner_text()
    assert "기안" in line and "담당관·팀 테스트" in line and "결재 차례" in line
    manager.get_by_label("의견(선택)").fill("게시하십시오.")
    manager.get_by_role("button", name="승인").click()
    assert "결재했습니다. 공고를 게시했습니다." in manager.content()
    assert manager.locator("#approval-state").inner_text() == "승인"

    citizen.goto("/portal/calls/")
    citizen.get_by_role("link", name=call.title).click()
    assert call.title in citizen.locator("h1").inner_text()


def _approve_in_box(page, title: str, done: str) -> None:
    """The approver opens 결재함, the request by its title, and approves it."""
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="결재함").click()
    page.get_by_role("link", name=title).click()
    assert "결재 차례" in page.locator("#approval-line").inner_text()
    page.get_by_role("button", name="승인").click()
    assert done in page.content()
    assert page.locator("#approval-state").inner_text() == "승인"


def test_a_selection_is_confirmed_only_after_the_office_manager_approves(
    transactional_db, personas, dataset_2018, person_page
):
    from iljari.intake.models import Call
    from iljari.intake.tests.factories import close_call, make_call
    from iljari.people.tests.factories import make_person

    call = make_call("GATE", documents="")
    for _ in range(3):
        intake.application_submit(actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY"))
    close_call(call)
    intake.selection_run(actor=None, call=call, seed=5)

    staff = person_page("t_staff")
    staff.goto(f"/intake/calls/{call.code}/")
    staff.once("dialog", lambda dialog: dialog.accept())
    staff.get_by_role("button", name="선발 확정 결재").click()
    staff.wait_for_url(f"**/approvals/new/intake.selection_confirm/{call.code}/")
    staff.get_by_label("결재권자").select_option(label="총괄 테스트 (정책관, 일자리노동정책관)")
    staff.get_by_role("button", name="결재 올리기").click()
    staff.wait_for_url(f"**/intake/calls/{call.code}/")
    assert "결재를 올렸습니다" in staff.content()
    assert not Call.objects.get(pk=call.pk).selection_confirmed  # nothing before the final approval

    manager = person_page("t_manager")
    _approve_in_box(manager, f"{call.title} 선발 확정", "결재했습니다.")
    assert Call.objects.get(pk=call.pk).selection_confirmed
    staff.goto(f"/intake/calls/{call.code}/")
    assert "선발 결과를 확정했습니다" in staff.content()


def test_a_months_pay_is_final_only_after_its_approval(transactional_db, personas, dataset_2018, person_page):
    from iljari.participation import services as participation
    from iljari.participation.models import PayConfirmation
    from iljari.participation.tests.factories import make_site
    from iljari.payroll import services as payroll
    from iljari.payroll.models import IncomeTaxRule, InsuranceRate
    from iljari.payroll.rates import INCOME_TAX_RULES, INSURANCE_RATES
    from iljari.people.tests.factories import make_person

    site = make_site()["city"]
    may = date(2018, 5, 1)
    placement = participation.placement_create(
        actor=None, person=make_person(), worksite=site, start_date=date(2018, 3, 2), end_date=date(2018, 12, 31),
        weekly_hours=40,
    )  # fmt: skip
    participation.work_record_set(actor=None, placement=placement, month=may, days_worked=21, hours_worked=168,
                                  full_weeks=4)  # fmt: skip
    participation.pay_compute(actor=None, month=may, worksite=site)
    if not InsuranceRate.objects.exists():  # a transactional test's flush empties what migration 0002 loaded
        InsuranceRate.objects.bulk_create(InsuranceRate(**row) for row in INSURANCE_RATES)
        IncomeTaxRule.objects.bulk_create(IncomeTaxRule(**row) for row in INCOME_TAX_RULES)
    payroll.deductions_compute(actor=None, month=may, worksite=site)  # confirmed only with current deductions

    staff = person_page("t_staff")
    staff.goto(f"/participation/worksites/{site.code}/?month=2018-05")
    assert "아직 확정되지 않았습니다" in staff.locator("#pay-state").inner_text()
    staff.get_by_role("link", name="5월 급여 확정 결재").click()
    staff.get_by_label("결재권자").select_option(label="총괄 테스트 (정책관, 일자리노동정책관)")
    staff.get_by_role("button", name="결재 올리기").click()
    assert "결재 중" in staff.locator("#pay-state").inner_text()
    assert not PayConfirmation.objects.exists()  # nothing before the final approval

    manager = person_page("t_manager")
    manager.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="결재함").click()
    manager.get_by_role("link", name=re.compile("급여 확정")).click()
    manager.get_by_role("button", name="승인").click()
    assert manager.locator("#approval-state").inner_text() == "승인"
    confirmed = PayConfirmation.objects.get()
    assert (confirmed.worksite_id, confirmed.month, confirmed.total) == (site.pk, may, 1_991_520)
    staff.goto(f"/participation/worksites/{site.code}/?month=2018-05")
    assert "5월 급여 확정" in staff.locator("#pay-state").inner_text()
    assert "다시 계산할 수 없습니다" in staff.locator("#pay-state").inner_text()
