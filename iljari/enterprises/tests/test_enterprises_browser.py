"""In a real browser (Debian's Chromium through Playwright): an enterprise applies to the strong-SME call, three
reviewers score it, the division selects, and the enterprise appears on the public platform; an employee's review
is moderated and published. The procurement progress page shows the year's figure against ₩130bn from an upload."""

from datetime import date, timedelta

from django.test import Client
from django.utils import timezone

from iljari.core import services as core_services
from iljari.core.roles import Role
from iljari.intake.forms import ORG_PLEDGE_LABEL
from iljari.testing import BROWSER_MARKS, PASSWORD
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS


def _log_out(page):
    page.get_by_role("button", name="로그아웃").click()
    page.wait_for_url("**/accounts/login/")


def test_an_enterprise_is_selected_by_three_reviewers_and_an_employee_review_is_published(
    transactional_db, personas, page, dataset_2018
):
    from iljari.enterprises import services as enterprises
    from iljari.enterprises.tests.factories import CRITERIA, make_organisation
    from iljari.intake import services as intake
    from iljari.org.models import OrgUnit
    from iljari.plan.models import Programme

    opens = timezone.now() - timedelta(days=1)
    intake.call_set(
        actor=None,
        code="SME-BROWSER",
        programme=Programme.objects.get(code="P1-01"),
        title="서울형 강소기업 브라우저 공모",
        opens_at=opens,
        closes_at=opens + timedelta(days=10),
        announce_on=date(2030, 1, 1),
        quotas=[("SME", "서울형 강소기업", 1)],
        eligibility=[],
        audience="organisations",
        score_aggregation="trimmed_mean",
        certifies="strong_sme",
        criteria=CRITERIA,
    )
    company = make_organisation("(주)브라우저강소", flexible_work=True)
    enterprises.organisation_contact_add(actor=None, organisation=company, username="t_company")
    unit = OrgUnit.objects.get(code="JOBS-POLICY")
    for name in ("t_reviewer2", "t_reviewer3"):
        core_services.user_create(actor=None, username=name, password=PASSWORD, role=Role.DIVISION_STAFF, org_unit=unit)
    page.on("dialog", lambda dialog: dialog.accept())

    # the enterprise applies
    _log_in(page, "t_company")
    page.wait_for_url("**/")
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="기업 공모").click()
    page.get_by_role("link", name="서울형 강소기업 브라우저 공모").click()  # the call's public page
    page.get_by_role("link", name="신청하기").click()
    page.get_by_text(ORG_PLEDGE_LABEL, exact=True).click()  # the KRDS check box is drawn by its label
    page.get_by_role("button", name="우리 기업으로 신청").click()
    page.wait_for_url("**/portal/org/applications/*/")
    assert "서울형 강소기업 브라우저 공모" in page.content() and "진행 단계" in page.content()
    _log_out(page)

    # three reviewers score the published criteria
    from iljari.intake.models import Application, Call
    from iljari.intake.tests.factories import close_call

    application = Application.objects.get(organisation=company)
    for reviewer, points in (
        ("t_staff", ("36", "27", "27")),
        ("t_reviewer2", ("32", "24", "24")),
        ("t_reviewer3", ("20", "10", "10")),
    ):
        _log_in(page, reviewer)
        page.wait_for_url("**/")
        page.goto(f"/intake/applications/{application.pk}/review/")
        page.get_by_label("단계").select_option("document_review")
        page.get_by_label("고용안정성 (0~40점)").fill(points[0])
        page.get_by_label("일생활 균형제도 (0~30점)").fill(points[1])
        page.get_by_label("적정임금 수준 (0~30점)").fill(points[2])
        page.get_by_role("button", name="점수 저장").click()
        assert "점수를 저장했습니다" in page.content()
        _log_out(page)

    # the division selects and confirms
    _log_in(page, "t_staff")
    page.wait_for_url("**/")
    close_call(Call.objects.get(code="SME-BROWSER"))  # 접수 has ended: the selection may run
    page.goto("/intake/calls/SME-BROWSER/")
    page.get_by_label("추첨 기준값").fill("5")
    page.get_by_role("button", name="선발 실행").click()
    assert "선발 1명" in page.content()
    page.get_by_role("button", name="선발 확정 결재").click()  # a 주무관: on to the approval's draft form
    page.get_by_label("결재권자").select_option(label="총괄 테스트 (정책관, 일자리노동정책관)")
    page.get_by_role("button", name="결재 올리기").click()
    assert "결재를 올렸습니다 — 결재가 끝나면 선발 결과가 확정됩니다." in page.content()
    _log_out(page)
    assert "(주)브라우저강소" not in Client().get("/platform/").content.decode()  # not before the final approval

    # the office manager approves it in 결재함
    _log_in(page, "t_manager")
    page.wait_for_url("**/")
    page.goto("/approvals/?box=inbox")
    page.get_by_role("link", name="서울형 강소기업 브라우저 공모 선발 확정").click()
    page.get_by_role("button", name="승인").click()
    assert "결재했습니다. 선발 결과를 확정했습니다." in page.content()
    _log_out(page)

    # the enterprise is on the public platform
    page.goto("/platform/")
    page.get_by_role("link", name="(주)브라우저강소").click()
    assert page.get_by_role("heading", name="(주)브라우저강소").is_visible()

    # an employee writes a review; it waits for moderation
    _log_in(page, "t_citizen")
    page.wait_for_url("**/")
    page.goto(f"/platform/{company.pk}/")
    page.get_by_label("관계").select_option("employee")
    page.get_by_label("평점").select_option("4")
    page.locator("#id_body").fill("정시 퇴근하고 육아휴직도 눈치 보지 않고 씁니다.")
    page.get_by_role("button", name="후기 보내기").click()
    assert "담당자가 검토한 뒤 게시합니다" in page.content()
    assert "정시 퇴근하고" not in page.locator(".ilj-reviews").inner_text()
    _log_out(page)

    _log_in(page, "t_staff")
    page.wait_for_url("**/")
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="후기 검토").click()
    assert "t_citizen" in page.content()
    page.get_by_role("button", name="검토 저장").click()
    assert "검토했습니다" in page.content()
    _log_out(page)

    page.goto(f"/platform/{company.pk}/")
    reviews = page.locator(".ilj-reviews").inner_text()
    assert "정시 퇴근하고 육아휴직도 눈치 보지 않고 씁니다." in reviews and "재직자" in reviews


def test_the_procurement_page_shows_the_uploaded_years_figure_against_the_target(
    transactional_db, personas, page, tmp_path
):
    from iljari.enterprises import services as enterprises
    from iljari.enterprises.tests.factories import make_organisation, xlsx

    enterprises.procurement_target_set(actor=None, year=2018, amount=130_000_000_000)
    buyer = make_organisation("서울특별시", kind="agency", district=None)
    supplier = make_organisation("행복사회적기업", cert="social_enterprise", since=date(2015, 1, 1))
    sheet = tmp_path / "2018-05.xlsx"
    sheet.write_bytes(
        xlsx(
            [
                (buyer.business_number, supplier.business_number, "용역", "돌봄", 30_000_000_000, date(2018, 4, 30)),
                (buyer.business_number, supplier.business_number, "물품", "도시락", 4_900_000_000, date(2018, 5, 31)),
            ]
        )
    )
    _log_in(page, "t_staff")
    page.wait_for_url("**/")
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="공공구매").click()
    page.get_by_role("link", name="엑셀로 올리기").click()
    page.get_by_label("엑셀 파일(.xlsx)").set_input_files(str(sheet))
    page.get_by_role("button", name="올리기").click()
    assert "2행을 저장했습니다" in page.content()
    page.goto("/enterprises/procurement/?year=2018")
    progress = page.get_by_role("table", name="공공구매 목표와 실적(억원)").inner_text()
    assert "1,300" in progress and "349" in progress and "26.8%" in progress
