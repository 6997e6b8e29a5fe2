"""In a real browser (Debian's Chromium through Playwright): the office manager adds a programme, gives it a
milestone (a row added by the page's script) and a table block, and sees both on the programme's page."""

from __future__ import annotations

from iljari.plan.models import Programme
from iljari.testing import BROWSER_MARKS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS


def test_the_manager_adds_a_programme_with_a_milestone_and_a_table(transactional_db, personas, page, dataset_2018):
    _log_in(page, "t_manager")
    page.wait_for_url("**/")
    page.goto("/plan/?year=2018")
    page.get_by_role("link", name="주요업무 추가").click()
    page.locator("#id_objective").select_option(index=1)
    page.get_by_label("번호").fill("9")
    page.get_by_label("코드").fill("P1-09")
    page.get_by_label("사업명").fill("청년 창업 일자리")
    page.get_by_label("담당 부서").select_option(label="일자리정책담당관")
    page.get_by_label("소요예산(원)").fill("1500000000")
    page.get_by_role("button", name="저장").click()
    page.wait_for_url("**/plan/programmes/P1-09/edit/")

    page.get_by_role("button", name="추진일정 행 추가").click()
    page.locator("[name=milestones-1-title]").fill("창업 공간 공모")
    page.locator("[name=milestones-1-state]").select_option("planned")
    page.locator("[name=milestones-1-precision]").select_option("month")
    page.locator("[name=milestones-1-start]").fill("2018-09-01")
    page.get_by_role("button", name="저장").click()
    page.wait_for_url("**/plan/programmes/P1-09/")
    assert "창업 공간 공모 : 2018.9월" in page.locator("#planned-title + ul").inner_text()

    page.get_by_role("link", name="본문 추가").click()
    page.get_by_label("종류").select_option("table")
    page.get_by_label("내용").fill("창업 공간 현황")
    page.get_by_label("표 제목").fill("창업 공간")
    page.get_by_label("단위·기준").fill("(단위 : 개소)")
    page.get_by_label("머리행").fill("권역 | 개소")
    page.get_by_label("본문행").fill("동북권 | 3\n서남권 | 2")
    page.get_by_label("표 아래 참고").fill("※ '18.6월 기준")
    page.get_by_role("button", name="저장").click()
    page.wait_for_url("**/plan/programmes/P1-09/#text-title")

    table = page.get_by_role("table", name="창업 공간")
    assert table.locator("tbody tr").count() == 2
    assert table.locator("tbody tr").first.inner_text().split("\t") == ["동북권", "3"]
    assert page.get_by_text("※ '18.6월 기준").is_visible()
    programme = Programme.objects.get(code="P1-09")
    assert programme.milestones.get().title == "창업 공간 공모"
    assert programme.blocks.get().cells.count() == 6
