"""The 주요 정책지표 table holds one kind of value per column: the actuals of the past years, the targets of the
report's year and after, as the 2018 report prints them. A half-year actual entered for 2018 (the ombudsman's
consultations, the social economy's public purchases) never takes the target's place: it appears in a table of
its own, "2018년 정책지표 실적", with its as-of date. Expected values are typed from the 2018 report's table."""

import io
import re
from datetime import date
from html import unescape

import pytest
from lxml import html as lxml_html
from openpyxl import load_workbook

from iljari.core.roles import Role
from iljari.performance.services import indicator_actual_derive
from iljari.reports.builders.business import build_business_report
from iljari.reports.renderers import render
from iljari.reports.tests.test_hwpx import Package
from iljari.reports.tests.test_renderers import pipe_cells, pipe_tables

AS_OF = date(2018, 6, 30)

# 주요 정책지표 of the 2018 report (seed text, section Ⅱ): 2016, 2017 실적; 2018, 2019, 2020 목표
PRINTED = {
    "공공 일자리(직접일자리)": ["114", "136", "150", "155", "160"],
    "민간 일자리(취업지원, 직업훈련, 창업지원, 고용장려금)": ["169", "208", "203", "208", "213"],
    "생활임금 적용인원(누적)": ["2,519", "11,619", "10,774", "11,000", "11,000"],
    "공공부문 비정규직의 정규직화 인원(누적)": ["8,450", "9,220", "9,547", "9,547", "9,547"],
    "서울노동아카데미 교육인원": ["63", "47", "50", "50", "50"],
    "시민명예노동옴부즈만 상담건수": ["3,303", "3,411", "4,000", "4,200", "4,400"],
    "사회적경제 기업수(누계)": ["3,501", "3,914", "4,350", "4,700", "5,000"],
    "사회적경제 공공구매액": ["856", "1,157", "1,300", "1,400", "1,500"],
    "사회적경제 특구 육성(누계)": ["6", "11", "12", "12", "12"],
    "사회적경제 클러스터 공간조성(누계)": ["11", "12", "13", "14", "15"],
}
# the half-year actuals the demo's modules derive (frontline's consultations, enterprises' purchases)
ACTUALS = {
    "IND-06": (1694, date(2018, 6, 30), "시민명예노동옴부즈만 상담건수", "1,694", "'18.6.30."),
    "IND-08": (349, date(2018, 5, 31), "사회적경제 공공구매액", "349", "'18.5.31."),
}


@pytest.fixture
def report(personas, dataset_2018):
    for code, (value, as_of, *_) in ACTUALS.items():
        indicator_actual_derive(code=code, year=2018, value=value, as_of=as_of)
    return build_business_report(user=personas[Role.OFFICE_MANAGER], year=2018, as_of=AS_OF)


def _by_name(rows: list[list[str]]) -> dict[str, list[str]]:
    """The indicator rows of a table read as text: name -> the five year cells (the row's last five)."""
    found = {}
    for cells in rows:
        for name in PRINTED:
            if any(cell == name or cell.startswith(f"[{name}]") for cell in cells):
                found[name] = cells[-5:]
    return found


def _md_rows(data: bytes, title: str) -> list[list[str]]:
    text = data.decode()
    after = text[text.index(title) :]
    table = pipe_tables(after)[0]
    return [pipe_cells(line) for line in table]


def _html_rows(data: bytes, caption: str) -> list[list[str]]:
    root = lxml_html.fromstring(data)
    table = next(t for t in root.iter("table") if caption in t.findtext("caption", ""))
    return [[unescape(c.text_content().strip()) for c in tr if c.tag in ("th", "td")] for tr in table.iter("tr")]


def _xlsx_rows(data: bytes, sheet: str) -> list[list[str]]:
    book = load_workbook(io.BytesIO(data))
    rows = []
    for row in book[sheet].iter_rows(values_only=True):
        rows.append([f"{v:,}" if isinstance(v, int) else str(v).strip() for v in row if v is not None])
    return rows


def _hwpx_rows(data: bytes, first_cell: str) -> list[list[str]]:
    for cells in Package(data).tables():
        if any(c.text == first_cell for c in cells):
            rows: dict[int, list] = {}
            for cell in sorted(cells, key=lambda c: (c.row, c.col)):
                rows.setdefault(cell.row, []).append(cell.text)
            return list(rows.values())
    raise AssertionError(f"no table with {first_cell}")


@pytest.mark.parametrize("fmt", ["md", "html", "xlsx", "hwpx"])
def test_each_format_prints_the_2018_reports_targets_not_the_half_year_actuals(report, fmt):
    data = render(report, fmt)
    rows = {
        "md": lambda: _md_rows(data, "주요 정책지표"),
        "html": lambda: _html_rows(data, "분야별 정책지표"),
        "xlsx": lambda: _xlsx_rows(data, "주요 정책지표"),
        "hwpx": lambda: _hwpx_rows(data, "지 표 명"),
    }[fmt]()
    assert _by_name(rows) == PRINTED


@pytest.mark.parametrize("fmt", ["md", "html", "xlsx", "hwpx"])
def test_each_format_shows_the_years_actuals_apart_with_their_dates(report, fmt):
    data = render(report, fmt)
    rows = {
        "md": lambda: _md_rows(data, "2018년 정책지표 실적"),
        "html": lambda: _html_rows(data, "2018년 실적"),
        "xlsx": lambda: _xlsx_rows(data, "2018년 정책지표 실적"),
        "hwpx": lambda: _hwpx_rows(data, "2018 목표"),
    }[fmt]()
    assert ["지 표 명", "단위", "2018 목표", "실적", "기준일"] in rows
    body = [  # the table's rows (a sheet also holds its title and notes, a Markdown table its rule)
        cells for cells in rows if len(cells) == 5 and cells[0] != "지 표 명" and not re.fullmatch(r":?-+:?", cells[0])
    ]
    expected = [
        [name, unit, target, actual, day]
        for (name, unit, target, actual, day) in (
            ("시민명예노동옴부즈만 상담건수", "건", "4,000", "1,694", "'18.6.30."),
            ("사회적경제 공공구매액", "억원", "1,300", "349", "'18.5.31."),
        )
    ]
    assert [[re.sub(r"^\[(.*)\]\(.*\)$", r"\1", c) for c in cells] for cells in body] == expected


def test_the_pdf_prints_the_targets_in_the_table_and_the_actuals_in_their_own(report):
    pytest.importorskip("weasyprint")
    from iljari.reports.tests.test_pdf import page_texts, squeezed

    try:
        text = squeezed("".join(page_texts(render(report, "pdf"))))
    except Exception as error:  # noqa: BLE001 — no pango on this machine: the pdf tests skip the same way
        pytest.skip(str(error))
    for name, cells in PRINTED.items():
        assert "".join(cells) in text, name  # each row's five cells, in order
    assert "시민명예노동옴부즈만상담건수건3,3033,4114,0004,2004,400" in text
    assert "사회적경제공공구매액억원8561,1571,3001,4001,500" in text
    assert "2018년정책지표실적" in text
    assert "시민명예노동옴부즈만상담건수건4,0001,694'18.6.30." in text
    assert "사회적경제공공구매액억원1,300349'18.5.31." in text


def test_the_dashboard_keeps_targets_and_actuals_apart(personas, dataset_2018, client_as):
    for code, (value, as_of, *_) in ACTUALS.items():
        indicator_actual_derive(code=code, year=2018, value=value, as_of=as_of)
    data = client_as(Role.OFFICE_MANAGER).get("/office/?year=2018&as_of=2018-06-30").content
    rows = _html_rows(data, "주요 정책지표")
    assert rows[0] == ["지표", "2016 실적", "2017 실적", "2018 목표", "2019 목표", "2020 목표"]
    assert _by_name(rows) == PRINTED
    actuals = _html_rows(data, "2018년 정책지표 실적")
    assert actuals[1:] == [  # a screen's date style; the documents print the report's ('18.6.30.)
        ["시민명예노동옴부즈만 상담건수", "건", "4,000", "1,694", "2018.6.30."],
        ["사회적경제 공공구매액", "억원", "1,300", "349", "2018.5.31."],
    ]
