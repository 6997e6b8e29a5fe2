"""The worksite list as an office works with it (core.lists): searched by name, sorted by its columns both ways with
the year and programme kept, and downloaded as xlsx in the page's order; a district officer's holds only theirs."""

import io
import re
from datetime import date

from openpyxl import load_workbook

from iljari.core.roles import Role
from iljari.core.xlsx import HEADER_ROW
from iljari.participation import services
from iljari.people.tests.factories import make_person

ALL_BY_NAME = ["강동구 골목상권 활성화", "강동구 하천변 정비", "공원 환경 모니터링(서울시)", "동부기술교육원 실습 보조",
               "종로구 문화해설"]  # fmt: skip


def names(response) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/participation/worksites/[^"]+/">([^<]+)</a></th>',
                      response.content.decode())  # fmt: skip


def sheet(response) -> list[tuple]:
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=HEADER_ROW, values_only=True))


def _placed(site, worksite, count):
    for _ in range(count):
        services.placement_create(actor=None, person=make_person(), worksite=site[worksite],
                                  start_date=date(2018, 3, 2), end_date=date(2018, 12, 31))  # fmt: skip


def test_worksites_search_and_sort_both_ways(site, client_as):
    _placed(site, "gangdong", 2)
    staff = client_as(Role.DIVISION_STAFF)
    assert names(staff.get("/participation/", {"sort": "name", "dir": "asc"})) == ALL_BY_NAME
    assert names(staff.get("/participation/", {"sort": "name", "dir": "desc"})) == ALL_BY_NAME[::-1]
    # 정원: 하천변 30; then the 10s, the one with people placed first; 실습 보조 5
    by_places = names(staff.get("/participation/", {"sort": "places", "dir": "desc"}))
    assert by_places[:2] == ["강동구 하천변 정비", "강동구 골목상권 활성화"]
    assert by_places[-1] == "동부기술교육원 실습 보조"
    assert names(staff.get("/participation/", {"sort": "total", "dir": "desc"}))[0] == "강동구 골목상권 활성화"
    searched = staff.get("/participation/", {"q": "강동", "year": "2018", "sort": "name", "dir": "desc"})
    assert names(searched) == ["강동구 하천변 정비", "강동구 골목상권 활성화"]
    assert "?q=%EA%B0%95%EB%8F%99&amp;year=2018&amp;sort=name&amp;dir=asc" in searched.content.decode()


def test_the_export_holds_the_list_in_the_page_order_within_the_scope(site, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    query = {"sort": "places", "dir": "asc"}
    header, *rows = sheet(staff.get("/participation/worksites.xlsx", query))
    assert header == ("사업", "사업장 코드", "사업장", "운영 주체", "정원", "배치", "누적")
    assert [row[2] for row in rows] == names(staff.get("/participation/", query))
    assert (rows[0][1], rows[0][4], rows[0][5]) == ("ND-TTI", 5, 0)  # the fewest places first: 실습 보조's 5
    officer = client_as(Role.DISTRICT_OFFICER)  # 강동구
    _header, *rows = sheet(officer.get("/participation/worksites.xlsx", {"sort": "name", "dir": "asc"}))
    assert [row[2] for row in rows] == ["강동구 골목상권 활성화", "강동구 하천변 정비"]
