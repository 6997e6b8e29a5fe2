"""The business report rebuilt from the database carries every figure of the 2018 report's sections Ⅰ and Ⅱ
and every programme of Ⅲ, in the report's formats. Expected values are typed from the 2018 report."""

import io
import re
from datetime import date
from html import unescape

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from iljari.core.roles import Role
from iljari.reports.builders.business import build_business_report
from iljari.reports.renderers import render

AS_OF = date(2018, 6, 30)

SECTION_ONE = [
    "1정책관 3담당관 15팀",
    "정원 81명 / 현원 72명 (정원외 : 공무직 21명)",
    "△9",
    "△3",
    "69/64",
    "1/1",
    "3/3",
    "16/15",
    "25/24",
    "24/21",
    "11/8",
    "1/0",  # 계 row
    "27/25",
    "9/11",
    "11/7",
    "4/4",  # 일자리정책담당관
    "17/16",
    "5/4",
    "7/5",
    "4/6",
    "6/4",  # 노동정책담당관
    "25/23",
    "6/6",
    "9/8",
    "1/0",  # 사회적경제담당관
    "일자리 종합대책 수립 시행, 일자리위원회 운영",
    "사회투자기금 및 사회성과보상사업 추진",
    "예 산 - 237,715백만원",
    "(단위 : 백만원, '18.6.30 기준)",
    "237,715",
    "133,238",
    "124,144",
    "52.2%",
    "187,341",
    "105,588",
    "100,177",
    "53.5%",
    "19,490",
    "9,154",
    "5,553",
    "28.5%",
    "30,884",
    "18,496",
    "18,414",
    "59.6%",
]

SECTION_TWO = [
    "시민행복 일자리 도시 서울",
    "지속가능한 좋은 일자리 창출",
    "시민의 삶을 바꾸는 노동존중 구현",
    "사회적경제 성과 가시화",
    "일·생활균형 강소 기업 발굴·육성",
    "전태일 기념관 개관",
    "사회적경제 공공구매 확대 및 매출증대",
    # 주요 정책지표 2016–2020
    "114",
    "136",
    "150",
    "155",
    "160",
    "169",
    "208",
    "203",
    "213",
    "2,519",
    "11,619",
    "10,774",
    "11,000",
    "8,450",
    "9,220",
    "9,547",
    "63",
    "47",
    "50",
    "3,303",
    "3,411",
    "4,000",
    "4,200",
    "4,400",
    "3,501",
    "3,914",
    "4,350",
    "4,700",
    "5,000",
    "856",
    "1,157",
    "1,300",
    "1,400",
    "1,500",
    "6",
    "11",
    "12",
    "13",
    "14",
    "15",
    # 일자리 창출 추진 목표
    "353,956",
    "245,657",
    "69.4%",
    "11,482",
    "150,061",
    "9,514",
    "132,391",
    "88.2%",
    "203,895",
    "1,968",
    "113,266",
    "55.6%",
    "76,692",
    "48,697",
    "63.5%",
    "2,985",
    "70,924",
    "50,825",
    "71.7%",
    "4,331",
    "42,962",
    "57.4%",
    "651",
    "60,542",
    "78.9%",
    "1,467",
    "4,935",
    "83.6%",
    "523",
    "19,645",
    "92.8%",
    "1,156",
    "27,618",
    "18,051",
    "65.4%",
    "369",
]

PROGRAMMES = [
    ("일생활균형 서울형 강소기업 지원", "3,326백만원"),
    ("뉴딜일자리 참여자 지원 및 민간일자리 발굴 강화", "80,662백만원"),
    ("시-구 상향적", "15,000백만원"),
    ("취약계층을 위한 공공근로사업 추진", "49,907백만원"),
    ("서울시 기술교육원 운영", "20,791백만원"),
    ("노동존중문화의 상징", "23,768백만원"),
    ("사회성과보상사업(SIB) 활성화", "405백만원"),
    ("소셜벤처 지원체계 구축", "1,600백만원"),
    ("공정무역 도시, 서울 추진", "691백만원"),
    ("국제사회적경제 연대 활성화", "893백만원"),
]

DATED_MILESTONES = [
    "서울형 강소기업 공모·선정 ('18.5.14.~6.1.)",
    "민간기업 맞춤형 2차 사업자 공모 및 참여자 모집 : '18.7~9월",
    "2018년 좋은 일자리도시 국제포럼 개최 : '18.12.11.~12.",
    "뉴딜일자리 참여자 전용교육장 조성(송파구 문정동) : '18.10월",
]


@pytest.fixture
def office(personas, dataset_2018):
    return personas


@pytest.fixture
def report(office):
    return build_business_report(user=office[Role.OFFICE_MANAGER], year=2018, as_of=AS_OF)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_sections_one_and_two_carry_every_figure_of_the_2018_report(report, fmt):
    text = unescape(render(report, fmt).decode())
    missing = [figure for figure in SECTION_ONE + SECTION_TWO if figure not in text]
    assert missing == []


def test_the_report_keeps_the_2018_order(report):
    text = render(report, "md").decode()
    positions = [text.index(marker) for marker in ("Ⅰ. 일반현황", "Ⅱ. 비전 및 목표", "Ⅲ. 주요업무 보고")]
    assert positions == sorted(positions)
    assert text.index("일자리정책담당관 | 32") < text.index("노동정책담당관 | 23") < text.index("사회적경제담당관 | 26")


def test_every_programme_is_in_part_three_with_its_budget_and_dated_milestones(report):
    text = render(report, "md").decode()
    assert len(re.findall(r"^### ", text, flags=re.MULTILINE)) == 21
    for title, budget in PROGRAMMES:
        assert title in text, title
        assert f"소요예산 : {budget}" in text, budget
    for milestone in DATED_MILESTONES:
        assert milestone in text, milestone


def test_lost_targets_stay_missing_and_show_the_implied_range(report):
    text = render(report, "md").decode()
    # 중장년: 42,962 / (57.4% ± 0.05%) gives 74,781..74,911; the four lost targets together are
    # 353,956 − (76,692 + 70,924 + 27,618) = 178,722, and the other three at most 76,781 + 5,906 + 21,180,
    # so the 중장년 target is at least 178,722 − 103,867 = 74,855.
    assert "(유실) 74,855~74,911" in text
    assert "(유실) 5,900~5,906" in text
    assert "74,8" not in text.split("(유실)")[0]  # no invented figure before the first lost cell


def test_xlsx_has_one_sheet_per_table_with_numbers_as_numbers(report):
    book = load_workbook(io.BytesIO(render(report, "xlsx")))
    assert {"인력 현황", "예산 집행 현황", "주요 정책지표", "일자리 창출 목표"} <= set(book.sheetnames)
    budget = book["예산 집행 현황"]
    numbers = [cell.value for row in budget.iter_rows() for cell in row if isinstance(cell.value, (int, float))]
    assert 237715 in numbers and 124144 in numbers
    rates = [cell for row in budget.iter_rows() for cell in row if isinstance(cell.value, float) and cell.value < 1]
    assert any(abs(cell.value - 124144 / 237715) < 1e-9 and "%" in cell.number_format for cell in rates)


def test_a_figure_changed_through_the_form_shows_in_the_next_report(office, client_as):
    from iljari.finance.models import BudgetLine

    line = BudgetLine.objects.get(code="LABOUR-POLICY-2018")
    response = client_as(Role.OFFICE_MANAGER).post(
        "/finance/budget/record/?year=2018&as_of=2018-06-30",
        {
            "line": line.pk,
            "as_of": "2018-06-30",
            "current_budget": 19_490_000_000,
            "committed": 9_154_000_000,
            "spent": 6_000_000_000,
        },
    )
    assert response.status_code == 302
    page = client_as(Role.OFFICE_MANAGER).get("/office/business/?year=2018&as_of=2018-06-30&format=md")
    text = page.content.decode()
    assert "| 노동정책담당관 | 19,490 | 9,154 | 6,000 | 30.8% |" in text
    assert "124,591" in text  # 124,144 − 5,553 + 6,000


def test_report_download_formats_and_refusals(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    for fmt, content_type in (("html", "text/html"), ("md", "text/markdown"), ("xlsx", "application/vnd.openxml")):
        response = manager.get(f"/office/business/?year=2018&as_of=2018-06-30&format={fmt}")
        assert response.status_code == 200 and response["Content-Type"].startswith(content_type)
        assert "attachment" in response["Content-Disposition"]
    bad = manager.get("/office/business/?year=2018&format=docx")
    assert bad.status_code == 400 and "지원하지 않는 형식" in bad.content.decode()
    assert client_as(Role.DISTRICT_OFFICER).get("/office/business/?year=2018").status_code == 403
    future = manager.get("/office/business/?year=2031")  # a year with nothing builds, but not as of a day to come
    assert future.status_code == 400 and "기준일(2031.12.31.)이 오늘" in future.content.decode()


def test_report_command_writes_each_format(office, tmp_path):
    for fmt in ("html", "md", "xlsx"):
        out = tmp_path / f"report.{fmt}"
        call_command("report", "business", "--year", "2018", "--as-of", "2018-06-30", "--format", fmt, "-o", str(out))
        assert out.stat().st_size > 10_000
    assert "237,715" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_html_report_loads_nothing_from_outside(report):
    html = render(report, "html").decode()
    assert "http://" not in html and "https://" not in html
    assert '<html lang="ko">' in html
