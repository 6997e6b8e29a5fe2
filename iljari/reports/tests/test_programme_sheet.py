"""A programme's one-page summary (사업 요약): what the business report prints for it, its division's budget execution
where no budget line is its own, its calls opened by the as-of date, its job achievement — built from the programme's
page in the background, in every format, and on one PDF page."""

from datetime import datetime
from io import BytesIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from iljari.core.models import BackgroundJob
from iljari.core.roles import Role
from iljari.intake.tests.factories import make_call
from iljari.reports.builders.programme import build_programme_sheet
from iljari.reports.document import Heading
from iljari.reports.renderers import render
from iljari.reports.tests.test_business_report import AS_OF

# The 2018 report's budget execution of 일자리정책담당관 ('18.6.30.): 예산현액, 원인행위, 지출 (백만원), 집행률
DIVISION_EXECUTION = ["187,341", "105,588", "100,177", "53.5%"]


@pytest.fixture
def office(personas, media_root, dataset_2018):
    return personas


def _sheet(user, code="P1-03"):
    return build_programme_sheet(user=user, year=2018, as_of=AS_OF, subject=code)


def _rows(document, title):
    table = next(t for t in document.tables() if t.title == title)
    return [[cell.text for cell in row] for row in table.body]


def test_the_sheet_holds_the_programmes_report_text_and_its_divisions_execution(office):
    document = _sheet(office[Role.OFFICE_MANAGER])
    assert document.title == "뉴딜일자리 참여자 지원 및 민간일자리 발굴 강화" and not document.cover
    assert document.organisation == "일자리정책담당관 · P1-03"
    # the programme's own heading would repeat the title that heads the page
    assert not [b for b in document.blocks if isinstance(b, Heading) and b.text == document.title]
    markdown = render(document, "md").decode()
    for text in ("◆ 뉴딜일자리를 통해 청년들에게 직무경험 제공", "총 250개 사업, 총 4,655명", "□ 추진계획"):
        assert text in markdown
    assert _rows(document, "□ 예산 집행(일자리정책담당관 전체)") == [DIVISION_EXECUTION]


def test_only_calls_opened_by_the_as_of_date_are_counted(office):
    make_call("NEWDEAL-JUNE", opens=timezone.make_aware(datetime(2018, 6, 1, 9)))
    make_call("NEWDEAL-JULY", opens=timezone.make_aware(datetime(2018, 7, 2, 9)))
    rows = _rows(_sheet(office[Role.OFFICE_MANAGER]), "□ 모집과 선발")
    assert [row[0] for row in rows] == ["뉴딜일자리 모집 NEWDEAL-JUNE"]
    assert rows[0][1:3] == ["3", "0"]  # the call's two quotas: 2 + 1 places, nobody applied yet


def test_the_pdf_is_one_page_numbered_and_the_xlsx_holds_the_figures_as_numbers(office):
    document = _sheet(office[Role.OFFICE_MANAGER])
    pdf = PdfReader(BytesIO(render(document, "pdf")))
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "뉴딜일자리" in text and "187,341" in text and "- 1 -" in text
    workbook = load_workbook(BytesIO(render(document, "xlsx")))
    sheet = next(ws for ws in workbook if ws.title.startswith("□ 예산 집행"))
    numbers = [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, int | float)]
    assert numbers[:3] == [187341, 105588, 100177]  # 백만원, as numbers
    assert round(numbers[3] * 100, 1) == 53.5


def test_an_unknown_programme_is_refused_in_korean_and_writes_nothing(office, tmp_path):
    out = tmp_path / "sheet.md"
    with pytest.raises(CommandError, match="주요업무를 찾을 수 없습니다"):
        call_command(
            "report", "programme", "--programme", "P9-99", "--year", "2018", "--as-of", "2018-06-30",
            "--format", "md", "-o", str(out),
        )  # fmt: skip
    with pytest.raises(CommandError, match="주요업무 코드"):
        call_command("report", "programme", "--year", "2018", "--as-of", "2018-06-30", "--format", "md", "-o", str(out))
    assert list(tmp_path.iterdir()) == []


def test_the_programme_page_builds_its_sheet_in_the_background(office, client_as, django_capture_on_commit_callbacks):
    manager = client_as(Role.OFFICE_MANAGER)
    page = manager.get("/plan/programmes/P1-03/?year=2018&as_of=2018-06-30").content.decode()
    assert "사업 요약 만들기" in page and 'name="subject" value="P1-03"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = manager.post(
            "/office/reports/build/?year=2018&as_of=2018-06-30",
            {"kind": "programme", "subject": "P1-03", "format": "md"},
        )
    job = BackgroundJob.objects.get()
    assert response["Location"] == f"/jobs/{job.pk}/"
    job.refresh_from_db()
    assert job.status == "succeeded" and job.result_name == "사업 요약 P1-03(2018.6.30. 기준).md"
    text = b"".join(manager.get(f"/jobs/{job.pk}/download/").streaming_content).decode()
    assert "187,341" in text and "총 250개 사업" in text


def test_a_sheet_without_a_programme_code_is_refused_and_no_job_starts(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    bad = manager.post("/office/reports/build/?year=2018&as_of=2018-06-30", {"kind": "programme", "format": "md"})
    assert bad.status_code == 400 and "주요업무 코드(예: P1-03)가 필요합니다" in bad.content.decode()
    assert not BackgroundJob.objects.exists()
