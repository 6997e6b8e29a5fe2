# ruff: noqa: F811  (the fixtures imported from district_fixtures are redefined as test arguments)
"""In a real browser (Debian's Chromium through Playwright): a district officer of 강동구 enters a month's monitoring
of the district's project (a satisfaction over 100 is refused first, in Korean); staff of 일자리정책담당관 record the
mid-term review and see it, and the month, on the project's page."""

from __future__ import annotations

from iljari.grants.models import DistrictMonitoring
from iljari.grants.tests.district_fixtures import grants_office, other_project, project  # noqa: F401
from iljari.testing import BROWSER_MARKS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS


def test_district_officer_enters_monitoring_and_staff_record_the_mid_term_review(
    transactional_db, grants_office, project, other_project, page
):
    _log_in(page, "t_district")
    page.wait_for_url("**/")
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="시-구 협력사업").click()
    page.wait_for_url("**/grants/districts/")
    assert other_project.code not in page.content()  # 종로구's project is not 강동구's to see
    page.get_by_role("link", name=project.code).click()
    page.wait_for_url(f"**/grants/districts/{project.code}/")

    page.get_by_label("모니터링 월").fill("2018-07")
    page.get_by_label("매출(원)").fill("3500000")
    page.get_by_label("이용자 수(명)").fill("120")
    page.get_by_label("수혜자 만족도(0~100점)").fill("105")
    page.get_by_label("청년 채용 일자리(개, 누계)").fill("6")
    page.get_by_label("여성 채용 일자리(개, 누계)").fill("2")
    page.get_by_role("button", name="모니터링 저장").click()
    assert "0점 이상 100점 이하" in page.content()
    assert not DistrictMonitoring.objects.exists()

    page.get_by_label("수혜자 만족도(0~100점)").fill("91.5")
    page.get_by_role("button", name="모니터링 저장").click()
    page.wait_for_url(f"**/grants/districts/{project.code}/")
    assert "2018년 7월 모니터링을 저장했습니다" in page.content()
    row = page.locator("#monitoring tbody tr").first.inner_text()
    assert "2018년 7월" in row and "3,500,000" in row and "91.5" in row and "청년 6" in row
    assert page.locator("svg[role=img] rect").count() == 1
    assert page.get_by_role("button", name="중간평가 기록").count() == 0  # the district does not review itself
    page.context.clear_cookies()

    _log_in(page, "t_staff")
    page.wait_for_url("**/")
    page.goto(f"/grants/districts/{project.code}/")
    page.get_by_label("중간평가일").fill("2018-07-05")
    page.get_by_label("평가자").fill("사업관리 전문기관")
    page.get_by_label("중간평가 점수(0~100점)").fill("84.5")
    page.get_by_label("평가 의견").fill("이용자 증가세 양호, 판로 확대 필요")
    page.get_by_role("button", name="중간평가 기록").click()
    page.wait_for_url(f"**/grants/districts/{project.code}/")
    assert "중간평가를 기록했습니다" in page.content()
    review = page.locator("#reviews tbody tr").first.inner_text()
    assert "84.5" in review and "판로 확대 필요" in review and "사업관리 전문기관" in review
    assert "2018년 7월" in page.locator("#monitoring").inner_text()
