"""From the call to the job achievement, in a real browser: a citizen applies to a New Deal call and follows the
status; a reviewer scores; the division runs the selection and places the selected; the citizen sees the result;
the district's worksite records a month and computes pay; the placement shows in the youth job achievement."""

from datetime import date, timedelta

from django.utils import timezone

from iljari.core.roles import Role
from iljari.intake import services as intake
from iljari.intake.models import Call
from iljari.intake.tests.factories import close_call
from iljari.participation import services
from iljari.participation.models import Payment, Placement
from iljari.participation.tests.factories import make_site
from iljari.people.tests.factories import make_person
from iljari.plan.models import Programme
from iljari.testing import BROWSER_MARKS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS
WAGE = 12_345  # this year's living wage, as the test sets it


def _as(page, username: str) -> None:
    page.context.clear_cookies()
    _log_in(page, username)
    page.wait_for_url("**/")


def test_from_application_to_pay_and_job_achievement(transactional_db, personas, page, dataset_2018):
    make_site()
    today = timezone.localdate()
    services.living_wage_set(actor=None, year=today.year, hourly=WAGE)
    opens = timezone.now() - timedelta(days=1)
    call = intake.call_set(
        actor=None,
        code="ND-FLOW",
        programme=Programme.objects.get(code="P1-03"),
        title="뉴딜일자리 참여자 모집(시험)",
        opens_at=opens,
        closes_at=opens + timedelta(days=10),
        announce_on=today + timedelta(days=10),
        quotas=[("CITY", "서울시 추진사업", 1)],
        eligibility=[
            {"kind": "age_between", "min_value": 18, "max_value": 39, "on_date": today},
            {"kind": "resides_in_seoul"},
        ],
    )
    person = make_person(
        date(1995, 5, 5), "11740", user=personas[Role.CITIZEN], name="한시민", sex="F", rrn="950505-2345678"
    )

    # the citizen applies and follows the status
    _as(page, "t_citizen")
    page.goto("/portal/calls/")
    page.get_by_role("link", name="뉴딜일자리 참여자 모집(시험)").click()
    page.get_by_role("link", name="신청하기").click()  # from the call's public page to its application form
    page.get_by_role("button", name="신청", exact=True).click()  # without the consents: refused, said why
    assert "모두 동의해야 합니다" in page.content()
    for consent in ("개인정보 수집·이용에 동의합니다", "고유식별정보(주민등록번호) 처리에 동의합니다"):
        page.get_by_text(consent, exact=True).click()  # the KRDS check box is drawn by its label
    page.get_by_role("button", name="신청", exact=True).click()
    page.goto("/portal/applications/")
    assert "접수" in page.locator("table").inner_text()

    # the division scores and selects
    _as(page, "t_staff")
    close_call(call)  # 접수 has ended: the selection may run
    page.goto(f"/intake/calls/{call.code}/")
    application = call.applications.get(person=person)
    page.locator(f"#score-{application.pk}").fill("87.5")
    page.locator(f"#score-{application.pk}").locator("xpath=..").get_by_role("button", name="저장").click()
    page.locator("#id_seed").fill("42")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="선발 실행").click()
    assert "추첨 기준값 42" in page.content()
    # 선발 확정 is an approval (결재), walked in approvals' own browser test; here its final approval has been given
    from iljari.intake import services as intake_services

    intake_services.selection_confirm(actor=None, call=call)

    # the announcement day comes; the citizen sees the result
    Call.objects.filter(pk=call.pk).update(announce_on=today)
    _as(page, "t_citizen")
    page.goto("/portal/applications/")
    assert "선발" in page.locator("table").inner_text()

    # the division places the selected at the 강동구 worksite from the first of this month
    start = today.replace(day=1)
    _as(page, "t_staff")
    page.goto("/participation/")
    page.get_by_role("link", name="배치", exact=True).click()
    page.get_by_text("강동구 골목상권 활성화 (정원 / 배치 10 / 0)").click()  # the label, as a person clicks it
    assert page.get_by_label("강동구 골목상권 활성화 (정원 / 배치 10 / 0)").is_checked()
    page.get_by_label("근무 시작일").fill(start.isoformat())
    page.get_by_label("종료 예정일").fill((start + timedelta(days=180)).isoformat())
    page.get_by_role("button", name="배치").click()
    assert "선발자 1명을 배치했습니다" in page.content()
    placement = Placement.objects.get(person=person)

    # the district's worksite records the month and computes pay
    _as(page, "t_district")
    page.goto("/participation/")
    page.get_by_role("link", name="강동구 골목상권 활성화").click()
    page.get_by_role("link", name="한시민").click()
    page.locator("#id_month").fill(f"{start:%Y-%m}")  # <input type="month">
    page.get_by_label("근무일수").fill("1")
    page.get_by_label("근무시간").fill("8")
    page.get_by_label("주휴 대상 주 수").fill("0")
    page.get_by_role("button", name="근무상황 저장").click()
    assert "근무상황을 저장했습니다" in page.content()
    page.goto(f"/participation/worksites/ND-GD/?month={start:%Y-%m}")
    page.get_by_role("button", name=f"{start.month}월 급여 계산").click()
    assert "급여를 계산했습니다: 1명" in page.content()
    total = Payment.objects.get(placement=placement).total
    assert total >= 8 * WAGE  # 8 hours at this year's wage, plus any public holiday of the month
    assert f"{total:,}" in page.locator("#payroll-table").inner_text()

    # the citizen sees the pay; the manager sees the job in the youth achievement
    _as(page, "t_citizen")
    page.goto("/portal/placements/")
    assert f"{total:,}" in page.content()
    _as(page, "t_manager")
    page.goto(f"/performance/jobs/?year={today.year}&as_of={max(today, start).isoformat()}")
    rows = [row.split("\t") for row in page.locator("#jobs-table tbody tr").all_inner_texts()]
    youth = [row for row in rows if row[0] == "청년"]
    part = [row for row in rows if "사업별" in row[0] and "뉴딜일자리" in row[1]]
    assert youth[0][3] == "1†"  # no youth figure entered this year: the sum of its programme rows
    assert part[0][3] == "1"
