"""In a real browser (Debian's Chromium through Playwright): the office manager sets an indicator's 2019 target on
its page, adds a 2019 job target, and writes a validation rule as an expression, previews it on the 2018 figures
and saves it — no shell used."""

from iljari.performance.models import IndicatorValue, JobTarget, ValidationRule
from iljari.testing import BROWSER_MARKS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS


def test_the_office_manager_keeps_indicators_job_targets_and_rules_in_the_browser(
    transactional_db, personas, page, dataset_2018
):
    _log_in(page, "t_manager")
    page.wait_for_url("**/")

    # an indicator's 2019 target, on its own page
    page.goto("/performance/indicators/?year=2019")
    page.get_by_role("link", name="서울노동아카데미 교육인원").click()
    target = page.locator("#target-form")
    target.get_by_label("연도").fill("2019")
    target.get_by_label("기준일").fill("2018-12-20")
    target.get_by_label("값").fill("52")
    target.get_by_role("button", name="목표 저장").click()
    page.wait_for_url("**/performance/indicators/IND-05/")
    assert "2019년 목표를 저장했습니다" in page.locator("body").inner_text()
    assert IndicatorValue.objects.filter(indicator__code="IND-05", year=2019, kind="target", value=52).exists()

    # a 2019 job target
    page.goto("/performance/jobs/targets/?year=2019")
    page.get_by_role("link", name="목표 추가").click()
    page.get_by_label("사업대상").select_option(label="청년")
    page.get_by_label("사업명").fill("뉴딜일자리")
    page.get_by_label("목표(개)").fill("5000")
    page.get_by_role("button", name="저장").click()
    page.wait_for_url("**/performance/jobs/targets/?year=2019")
    assert "뉴딜일자리" in page.locator("#job-targets").inner_text()
    assert JobTarget.objects.get(year=2019, target_group="youth").target == 5000

    # a rule written as an expression: previewed, then saved
    page.goto("/performance/validation/?year=2018&as_of=2018-06-30")
    page.get_by_role("link", name="식으로 규칙 만들기").click()
    page.get_by_label("코드").fill("BUD-JOBS-HALF")
    page.get_by_label("규칙명").fill("일자리정책담당관 집행률 절반 이상")
    page.get_by_label("왼쪽 식").fill("budget.spent[JOBS-POLICY] ÷ budget.current_budget[JOBS-POLICY]")
    page.get_by_label("연산자").select_option(value=">=")
    page.get_by_label("오른쪽 식").fill("0.5")
    page.get_by_role("button", name="미리보기").click()
    assert page.locator("#preview-outcome").inner_text() == "통과"
    assert "100,177백만원" in page.locator("#preview").inner_text()
    assert not ValidationRule.objects.filter(code="BUD-JOBS-HALF").exists()
    page.get_by_role("button", name="저장").click()
    page.wait_for_url("**/performance/validation/")
    assert ValidationRule.objects.get(code="BUD-JOBS-HALF").kind == "formula"
