"""The people list as an office works with it (core.lists): a part of a name finds, the columns sort both ways, the
download holds every row in the page's order, minimised for its purpose and logged; a district officer's list and
download hold only the people of their district."""

import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.core.xlsx import HEADER_ROW
from iljari.people.tests.factories import make_person

URL, EXPORT = "/people/", "/people/export.xlsx"


@pytest.fixture
def people(personas):
    """강동구 (the district persona's): 박서준 ('88), 김민지 ('95); 종로구: 이하늘 ('79), 김민수 ('01)."""
    return {
        name: make_person(birth, district, name=name)
        for name, birth, district in (
            ("박서준", date(1988, 4, 1), "11740"),
            ("김민지", date(1995, 7, 9), "11740"),
            ("이하늘", date(1979, 2, 3), "11110"),
            ("김민수", date(2001, 11, 30), "11110"),
        )
    }


def names(response) -> list[str]:
    body = response.content.decode()
    table = body[body.index("<caption>사람 목록") :]
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', table[: table.index("</table>")])


def test_a_part_of_a_name_finds_and_the_columns_sort_both_ways(people, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    assert names(staff.get(URL)) == ["김민수", "김민지", "박서준", "이하늘"]  # by name, 가나다
    assert names(staff.get(URL, {"name": "민"})) == ["김민수", "김민지"]
    assert names(staff.get(URL, {"sort": "name", "dir": "desc"})) == ["이하늘", "박서준", "김민지", "김민수"]
    assert names(staff.get(URL, {"sort": "birth", "dir": "asc"})) == ["이하늘", "박서준", "김민지", "김민수"]
    oldest_last = staff.get(URL, {"name": "김", "sort": "birth", "dir": "desc"})
    assert names(oldest_last) == ["김민수", "김민지"]
    body = oldest_last.content.decode()
    assert 'aria-sort="descending"' in body and "?name=%EA%B9%80&amp;sort=birth&amp;dir=asc" in body


def test_the_download_holds_the_sorted_list_minimised_and_logged(people, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    query = "?sort=birth&dir=asc"
    response = staff.post(EXPORT + query, {"purpose": "casework", "reason": "참여자 연락 명단 정리"})
    header, *rows = load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=HEADER_ROW, values_only=True)
    assert header == ("이름", "주민등록번호", "생년월일", "거주 자치구", "연락처", "등록일")
    assert [row[0] for row in rows] == names(staff.get(URL + query))
    assert rows[0][1] == people["이하늘"].rrn_masked and rows[0][3] == "종로구"
    entry = AccessLogEntry.objects.filter(action="download").latest("pk")
    assert sorted(entry.subject_id_list) == sorted(str(p.pk) for p in people.values())
    statistics = staff.post(EXPORT + query, {"purpose": "statistics", "reason": "연령대별 통계 작성"})
    header, *rows = load_workbook(io.BytesIO(statistics.content)).active.iter_rows(min_row=HEADER_ROW, values_only=True)
    assert [row[0] for row in rows] == ["이*늘", "박*준", "김*지", "김*수"]
    assert header[1] == "주민등록번호(목적상 제외)" and {row[1] for row in rows} == {None}


def test_a_district_officer_lists_and_downloads_only_their_district(people, client_as):
    officer = client_as(Role.DISTRICT_OFFICER)
    assert set(names(officer.get(URL))) == {"김민지", "박서준"}
    response = officer.post(EXPORT, {"purpose": "casework", "reason": "강동구 참여자 명단"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [row[0] for row in rows] == ["김민지", "박서준"]
