"""The page 보고서 수치와 기록, its export, its API and `iljari record-figures` over a registry holding three planted
figures: one that agrees with the printed value, one that does not, one the report never printed. (Who may open the
page and the API: core/tests/test_access_matrix.py; the demo's figures: test_record_figures_demo.py.)"""

from __future__ import annotations

import io
from datetime import date
from urllib.parse import quote

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from iljari.core.roles import Role
from iljari.performance import record_figures
from iljari.performance.record_figures import RecordFigure, record_figure_register

PAGE = "/performance/record-figures/?year=2018&as_of=2018-06-30"


def TEXT(max_size):  # noqa: N802 - a strategy, read like st.text
    """Text without control characters (a request carrying them is refused as a whole: core.middleware)."""
    return st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=max_size)


@pytest.fixture
def planted(personas, dataset_2018, monkeypatch):
    """A registry of three figures only (the real ones are the demo test's): the report printed 13,869명 and
    1,785명 under the first two keys (dataset_2018's programme figures)."""
    monkeypatch.setattr(record_figures, "_FIGURES", {})
    seen = []

    def employed(*, year, as_of):
        seen.append((year, as_of))
        return 1_785

    record_figure_register(
        RecordFigure(
            key="p1-02.counselled",
            programme="P1-02",
            label="청년일자리센터 상담 인원",
            unit="명",
            page="frontline:consultation_list",
            count=lambda *, year, as_of: 13_000,
        )
    )
    record_figure_register(
        RecordFigure(
            key="p1-02.employed",
            programme="P1-02",
            label="청년일자리센터 상담 후 취업 인원",
            unit="명",
            page="frontline:consultation_list",
            count=employed,
        )
    )
    record_figure_register(
        RecordFigure(
            key="p3-01.test.unprinted",
            programme="P3-01",
            label="보고서에 없는 수",
            unit="건",
            page="/enterprises/",
            count=lambda *, year, as_of: 7,
        )
    )
    return seen


def test_the_page_shows_each_figure_beside_the_printed_value_grouped_by_programme(planted, client_as):
    page = client_as(Role.OFFICE_MANAGER).get(PAGE).content.decode()
    assert planted == [(2018, date(2018, 6, 30))]  # counted for the year as of the day asked
    assert "일치 1건 · 불일치 1건 · 인쇄값 없음 1건" in page
    youth = page.index("청년 체감 일자리 종합서비스 확대 운영")  # the programme's title from the plan
    economy = page.index("체계적인 종합지원으로 사회적경제기업 육성")
    assert youth < economy  # part Ⅲ's order
    row = page[page.index("청년일자리센터 상담 인원") :]
    row = row[: row.index("</tr>")]
    assert "13,000명" in row and "13,869명" in row and "<strong>불일치</strong>" in row
    assert 'href="/frontline/consultations/"' in row and "기록 보기" in row
    assert "7건" in page and "인쇄값 없음" in page and 'href="/enterprises/"' in page


def test_the_mismatches_filter_keeps_the_disagreeing_rows_only(planted, client_as):
    page = client_as(Role.AUDITOR).get(PAGE + "&mismatches=1").content.decode()
    assert "청년일자리센터 상담 인원" in page
    assert "상담 후 취업 인원" not in page and "보고서에 없는 수" not in page
    page = client_as(Role.AUDITOR).get(PAGE + "&programme=P3-01").content.decode()
    assert "보고서에 없는 수" in page and "청년일자리센터 상담 인원" not in page


def test_an_unknown_programme_shows_everything_with_a_warning(planted, client_as):
    response = client_as(Role.DIVISION_STAFF).get(PAGE + "&programme=P9-99")
    page = response.content.decode()
    assert response.status_code == 200
    assert "그런 주요업무의 수치가 없어 전체를 보여 줍니다." in page and "보고서에 없는 수" in page


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(year=TEXT(max_size=6), as_of=TEXT(max_size=12), programme=TEXT(max_size=8))
def test_no_query_string_breaks_the_page(planted, client_as, year, as_of, programme):
    response = client_as(Role.OFFICE_MANAGER).get(
        "/performance/record-figures/", {"year": year, "as_of": as_of, "programme": programme, "mismatches": "1"}
    )
    assert response.status_code == 200


def test_the_export_holds_the_rows_the_page_shows(planted, client_as):
    response = client_as(Role.OFFICE_MANAGER).get(
        "/performance/record-figures/export.xlsx?year=2018&as_of=2018-06-30&mismatches=1"
    )
    assert response.status_code == 200
    assert quote("2018 보고서 수치와 기록(2018.6.30. 기준).xlsx") in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [row for row in sheet.iter_rows(min_row=4, values_only=True) if any(row)]
    assert rows == [
        ("P1-02", "청년 체감 일자리 종합서비스 확대 운영", "청년일자리센터 상담 인원", 13_000, 13_869, "명", "불일치",
         "/frontline/consultations/"),
    ]  # fmt: skip


def test_the_api_gives_the_same_rows(planted, client_as):
    response = client_as(Role.AUDITOR).get("/api/performance/record-figures?year=2018&as_of=2018-06-30")
    assert response.status_code == 200
    rows = {row["key"]: row for row in response.json()}
    assert set(rows) == {"p1-02.counselled", "p1-02.employed", "p3-01.test.unprinted"}
    assert (rows["p1-02.counselled"]["value"], rows["p1-02.counselled"]["printed"]) == (
        "13000",
        "13869",
    )  # decimals as text, as the API writes them
    assert (rows["p1-02.counselled"]["status"], rows["p1-02.counselled"]["status_label"]) == ("differs", "불일치")
    assert rows["p1-02.employed"]["status"] == "agrees"
    assert (rows["p3-01.test.unprinted"]["status"], rows["p3-01.test.unprinted"]["printed"]) == ("unprinted", None)
    assert rows["p1-02.employed"]["programme_title"] == "청년 체감 일자리 종합서비스 확대 운영"
    only = client_as(Role.AUDITOR).get("/api/performance/record-figures?as_of=2018-06-30&mismatches=true").json()
    assert [row["key"] for row in only] == ["p1-02.counselled"]


def test_the_api_refuses_the_public(planted, client_as):
    assert client_as(Role.CITIZEN).get("/api/performance/record-figures?year=2018").status_code == 403


def test_the_command_prints_one_line_a_figure_and_fails_on_a_disagreement(planted):
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("record-figures", "--year", "2018", "--as-of", "2018-06-30", stdout=out)
    assert exit_.value.code == 1
    lines = out.getvalue().splitlines()
    assert lines[0] == "2018년 보고서 수치와 기록 (2018-06-30 기준): 3건 — 일치 1건, 불일치 1건, 그 밖 1건"
    assert "P1-02 청년일자리센터 상담 인원 13,000명 (보고서 13,869명, 불일치) — /frontline/consultations/" in lines
    assert "P1-02 청년일자리센터 상담 후 취업 인원 1,785명 (보고서 1,785명, 일치) — /frontline/consultations/" in lines
    assert "P3-01 보고서에 없는 수 7건 (보고서 인쇄값 없음, 인쇄값 없음) — /enterprises/" in lines

    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("record-figures", "--year", "2018", "--as-of", "2018-06-30", "--mismatches-only", stdout=out)
    assert len(out.getvalue().splitlines()) == 2


def test_the_command_ends_well_when_every_printed_figure_agrees(planted, monkeypatch):
    monkeypatch.delitem(record_figures._FIGURES, "p1-02.counselled")
    out = io.StringIO()
    call_command("record-figures", "--year", "2018", "--as-of", "2018-06-30", stdout=out)  # no SystemExit
    assert "불일치 0건" in out.getvalue()


def test_a_key_registered_twice_with_another_count_is_refused(planted):
    with pytest.raises(ValueError, match="registered twice"):
        record_figure_register(
            RecordFigure(
                key="p1-02.employed",
                programme="P1-02",
                label="다른 셈",
                unit="명",
                page="frontline:figures",
                count=lambda *, year, as_of: 0,
            )
        )
