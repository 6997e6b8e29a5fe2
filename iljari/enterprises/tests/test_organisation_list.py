"""The organisation list as an office works with it (core.lists): sorted by its columns both ways with the filter
form's search and filters kept, and downloaded as xlsx in the page's order; a district officer's holds only the
organisations of their district."""

import io
import re

import pytest
from openpyxl import load_workbook

from iljari.core.roles import Role
from iljari.core.xlsx import HEADER_ROW
from iljari.demo.enterprises_loader import business_number
from iljari.enterprises.services import organisation_register
from iljari.org.models import District


@pytest.fixture
def organisations(personas):
    """나눔협동조합 (강동구, 12명), 가온기업 (강동구, 40명), 다온협동조합 (종로구, 3명)."""
    gangdong, jongno = District.objects.get(code="11740"), District.objects.get(code="11110")
    for serial, (name, kind, district, employees) in enumerate(
        [
            ("나눔협동조합", "cooperative", gangdong, 12),
            ("가온기업", "company", gangdong, 40),
            ("다온협동조합", "cooperative", jongno, 3),
        ],  # fmt: skip
        start=1,
    ):
        organisation_register(actor=None, name=name, kind=kind, business_number=business_number(777_000_000 + serial),
                              district=district, employees=employees)  # fmt: skip


def names(response) -> list[str]:
    body = response.content.decode()
    table = body[body.index("<caption>기업·단체 목록") :]
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', table[: table.index("</table>")])


def test_organisations_sort_both_ways_and_keep_the_filters(organisations, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    mine = ["가온기업", "나눔협동조합", "다온협동조합"]
    assert [n for n in names(staff.get("/enterprises/")) if n in mine] == mine  # by name
    by_staff = names(staff.get("/enterprises/", {"q": "온", "sort": "employees", "dir": "desc"}))
    assert by_staff == ["가온기업", "다온협동조합"]
    filtered = staff.get("/enterprises/", {"kind": "cooperative", "q": "협동", "sort": "employees", "dir": "asc"})
    assert names(filtered) == ["다온협동조합", "나눔협동조합"]
    assert "?kind=cooperative&amp;q=%ED%98%91%EB%8F%99&amp;sort=employees&amp;dir=desc" in filtered.content.decode()


def test_the_export_holds_the_list_in_the_page_order_within_the_scope(organisations, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    query = {"kind": "cooperative", "sort": "name", "dir": "desc"}
    response = staff.get("/enterprises/export.xlsx", query)
    header, *rows = load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=HEADER_ROW, values_only=True)
    assert header[:3] == ("기관명", "구분", "사업자등록번호")
    assert [row[0] for row in rows] == names(staff.get("/enterprises/", query))
    assert [row[0] for row in rows if row[0] in ("나눔협동조합", "다온협동조합")] == ["다온협동조합", "나눔협동조합"]
    officer = client_as(Role.DISTRICT_OFFICER)  # 강동구
    response = officer.get("/enterprises/export.xlsx", {"q": "온"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [(row[0], row[4]) for row in rows] == [("가온기업", "강동구")]
