"""The done-when of opening a year, in a real browser (Debian's Chromium through Playwright), with no shell used:
the office manager opens 2019 from 2018 (preview, then one confirmed step), adds a programme with a milestone, a
budget line linked to it and a job target, changes an indicator's 2019 target, and builds the 2019 business report
in md, pdf and hwpx; its policy-indicator table shows the 2019 targets the 2018 report printed."""

import zipfile
from pathlib import Path

from django.core.management import call_command
from pypdf import PdfReader

from iljari.finance.models import BudgetLine
from iljari.performance.models import IndicatorValue, JobTarget
from iljari.plan.models import Programme
from iljari.testing import BROWSER_MARKS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS

# The 2019 column of the 2018 report's 주요 정책지표 table, as printed there (공공 일자리 155천개, 민간 일자리 208천개,
# 생활임금 적용인원 11,000명, 공공구매액 1,400억원, 사회적경제 기업수 4,700개).
PRINTED_2019_TARGETS = ("155", "208", "11,000", "1,400", "4,700")


def _download(page, link_name: str) -> Path:
    with page.expect_download() as download_info:
        page.get_by_role("link", name=link_name, exact=True).click()
    return Path(download_info.value.path())


def _build(page, label: str, filename: str) -> Path:
    """PDF and HWPX are built in the background from the dashboard: the job page offers the file once the worker
    has run."""
    page.get_by_label("형식").select_option(label=label)
    page.get_by_role("button", name="보고서 만들기").click()
    page.wait_for_url("**/jobs/*/")
    call_command("worker", "--batch", verbosity=0)
    link = page.get_by_role("link", name=f"{filename} 내려받기")
    link.wait_for(timeout=60_000)
    with page.expect_download() as download:
        link.click()
    return Path(download.value.path())


def test_the_manager_opens_2019_from_2018_and_builds_its_report(
    transactional_db, personas, page, settings, media_root, dataset_2018
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # the real queue and worker
    settings.TASKS_QUEUE = "db"
    _log_in(page, "t_manager")
    page.wait_for_url("**/")

    # 1. 2019년 준비: preview, then one confirmed step
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="새 연도 준비").click()
    page.wait_for_url("**/years/open/")
    page.get_by_label("가져올 연도").select_option("2018")
    page.get_by_label("준비할 연도").fill("2019")
    page.get_by_role("button", name="미리 보기").click()
    page.wait_for_url("**/years/open/?from_year=2018&to_year=2019")
    preview = page.get_by_role("table", name="단계별로 새로 만들 것과 이미 있는 것의 수")
    assert "주요업무" in preview.inner_text() and "21" in preview.inner_text()  # the 2018 report's 21 programmes
    assert not Programme.objects.filter(objective__vision__year=2019).exists()  # the preview wrote nothing
    page.get_by_role("button", name="2019년 준비하기").click()
    page.wait_for_selector("text=2019년을 준비했습니다")
    assert Programme.objects.filter(objective__vision__year=2019).count() == 21
    page.get_by_role("link", name="2019년 계획 보기").click()
    page.wait_for_url("**/plan/?year=2019")

    # 2. a 2019 budget line (세부사업) of the policy division
    page.goto("/finance/budget/lines/?year=2019")
    page.get_by_label("부서", exact=True).select_option(label="일자리정책담당관")
    page.get_by_label("코드", exact=True).fill("2019-청년-01")
    page.get_by_label("사업명", exact=True).fill("청년 창업 일자리 2019")
    page.get_by_role("combobox", name="재원").select_option("city")
    page.get_by_role("button", name="등록").click()
    page.wait_for_selector("text=청년 창업 일자리 2019를 등록했습니다")

    # 3. a new 2019 programme with a planned milestone, linked to that budget line
    page.goto("/plan/?year=2019")
    page.get_by_role("link", name="주요업무 추가").click()
    page.locator("#id_objective").select_option(index=1)
    page.get_by_label("번호").fill("9")
    page.get_by_label("코드").fill("P1-09-2019")
    page.get_by_label("사업명").fill("청년 창업 일자리")
    page.get_by_label("담당 부서").select_option(label="일자리정책담당관")
    page.get_by_label("소요예산(원)").fill("1500000000")
    page.get_by_role("button", name="저장").click()
    page.wait_for_url("**/plan/programmes/P1-09-2019/edit/")
    page.get_by_role("button", name="추진일정 행 추가").click()
    page.locator("[name=milestones-1-title]").fill("창업 공간 공모")
    page.locator("[name=milestones-1-state]").select_option("planned")
    page.locator("[name=milestones-1-precision]").select_option("month")
    page.locator("[name=milestones-1-start]").fill("2019-03-01")
    line = page.get_by_label("2019-청년-01 청년 창업 일자리 2019 (시비)")
    page.locator(f"label[for={line.get_attribute('id')}]").click()  # the styled checkbox is ticked by its label
    assert line.is_checked()
    page.get_by_role("button", name="저장").click()
    page.wait_for_url("**/plan/programmes/P1-09-2019/")
    assert "창업 공간 공모 : 2019.3월" in page.locator("#planned-title + ul").inner_text()
    programme = Programme.objects.get(code="P1-09-2019")
    assert programme.objective.vision.year == 2019
    assert list(programme.budget_lines.all()) == [BudgetLine.objects.get(year=2019, code="2019-청년-01")]

    # 4. a 2019 job target
    page.goto("/performance/jobs/targets/?year=2019")
    page.get_by_role("link", name="목표 추가").click()
    page.get_by_label("사업대상").select_option(label="청년")
    page.get_by_label("주요업무").select_option(label="P1-09-2019 청년 창업 일자리")  # 청년 itself was carried
    page.get_by_label("사업명").fill("청년 창업 일자리")
    page.get_by_label("목표(개)").fill("300")
    page.get_by_role("button", name="저장").click()
    page.wait_for_url("**/performance/jobs/targets/?year=2019")
    assert JobTarget.objects.get(year=2019, programme__code="P1-09-2019").target == 300

    # 5. an indicator's 2019 target changed: 서울노동아카데미 교육인원 50 → 52 (천명)
    page.goto("/performance/indicators/?year=2019")
    page.get_by_role("link", name="서울노동아카데미 교육인원").click()
    target = page.locator("#target-form")
    target.get_by_label("연도").fill("2019")
    target.get_by_label("기준일").fill("2018-12-20")
    target.get_by_label("값").fill("52")
    target.get_by_role("button", name="목표 저장").click()
    page.wait_for_selector("text=2019년 목표를 저장했습니다")
    assert IndicatorValue.objects.filter(indicator__code="IND-05", year=2019, kind="target", value=52).exists()

    # 6. the 2019 business report in md, pdf and hwpx, from the dashboard of 2019
    page.goto("/office/?year=2019&as_of=2019-01-31")
    md = _download(page, "주요업무보고 MD").read_text(encoding="utf-8")
    assert "2019 주요업무보고" in md
    assert "2019년 예산 집행 자료가 아직 없습니다." in md
    indicators = md[md.index("주요 정책지표") :]
    indicators = indicators[: indicators.index("\n\n#")] if "\n\n#" in indicators else indicators
    for printed in PRINTED_2019_TARGETS:
        assert printed in indicators, printed
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in indicators.splitlines() if "|" in line]
    header = next(row for row in rows if "2019" in row)
    academy = next(row for row in rows if any("서울노동아카데미" in cell for cell in row))
    public = next(row for row in rows if any("공공 일자리" in cell for cell in row))
    column = header.index("2019")
    assert academy[column] == "52"  # the target changed in the browser (the 2018 report printed 50)
    assert public[column] == "155"  # as the 2018 report printed it for 2019
    assert "청년 창업 일자리" in md  # the new programme

    pdf = _build(page, "PDF", "2019 주요업무보고(2019.1.31. 기준).pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "청년 창업 일자리" in text and "11,000" in text

    page.goto("/office/?year=2019&as_of=2019-01-31")
    hwpx = _build(page, "한글(HWPX)", "2019 주요업무보고(2019.1.31. 기준).hwpx")
    with zipfile.ZipFile(hwpx) as archive:
        section = "".join(
            archive.read(name).decode("utf-8") for name in archive.namelist() if name.startswith("Contents/section")
        )
    assert "청년 창업 일자리" in section and "4,700" in section
