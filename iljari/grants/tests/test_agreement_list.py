"""The agreement list sorts by its columns both ways (core.lists), and its download follows the page's sort."""

import io
import re

from openpyxl import load_workbook

from iljari.core.roles import Role

MILLION = 1_000_000


def codes(response) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/grants/[^"]+">([^<]+)</a></th>', response.content.decode())


def test_agreements_sort_by_amount_both_ways_and_download_in_that_order(office, client_as, make_agreement):
    make_agreement("2018-YJ-001", city=300 * MILLION)
    make_agreement("2018-YJ-002", city=100 * MILLION)
    make_agreement("2018-YJ-003", city=200 * MILLION)
    staff = client_as(Role.AUDITOR)
    assert codes(staff.get("/grants/")) == ["2018-YJ-001", "2018-YJ-002", "2018-YJ-003"]
    query = {"q": "2018-YJ", "sort": "city_amount", "dir": "desc"}
    assert codes(staff.get("/grants/", query)) == ["2018-YJ-001", "2018-YJ-003", "2018-YJ-002"]
    ascending = staff.get("/grants/", {**query, "dir": "asc"})
    assert codes(ascending) == ["2018-YJ-002", "2018-YJ-003", "2018-YJ-001"]
    assert 'aria-sort="ascending"' in ascending.content.decode()
    export = staff.get("/grants/export.xlsx", query)
    rows = [r for r in load_workbook(io.BytesIO(export.content)).active.iter_rows(min_row=4, values_only=True) if r[0]]
    assert [r[0] for r in rows] == ["2018-YJ-001", "2018-YJ-003", "2018-YJ-002"]
