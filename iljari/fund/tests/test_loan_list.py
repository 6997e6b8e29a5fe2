"""The loan list as an office works with it (core.lists): sorted by its columns both ways, filtered and searched by
the filter form, the filters kept by the sort links, and downloaded as xlsx in the page's order; a partner agency's
download holds only the loans it is the intermediary of."""

import io
import re
from datetime import date

import pytest
from django.test import Client
from openpyxl import load_workbook

from iljari.core.roles import Role
from iljari.core.xlsx import HEADER_ROW


@pytest.fixture
def loans(make_loan):
    """L-1 12,000,000원 실행 1.31., L-2 30,000,000원 3.15., L-3 5,000,000원 2.10. — all through 가나사회투자."""
    make_loan("L-1", principal=12_000_000, on=date(2018, 1, 31))
    make_loan("L-2", principal=30_000_000, on=date(2018, 3, 15), rate="1.5")
    make_loan("L-3", principal=5_000_000, on=date(2018, 2, 10), rate="2.5")


@pytest.fixture
def manager_client(fund_manager):
    client = Client()
    client.force_login(fund_manager)
    return client


def numbers(response) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/fund/loans/[^"]+/">([^<]+)</a></th>', response.content.decode())


def test_loans_sort_by_their_columns_both_ways(loans, manager_client):
    assert numbers(manager_client.get("/fund/")) == ["L-2", "L-3", "L-1"]  # the newest disbursement first
    assert numbers(manager_client.get("/fund/", {"sort": "principal", "dir": "desc"})) == ["L-2", "L-1", "L-3"]
    assert numbers(manager_client.get("/fund/", {"sort": "principal", "dir": "asc"})) == ["L-3", "L-1", "L-2"]
    assert numbers(manager_client.get("/fund/", {"sort": "rate", "dir": "asc"})) == ["L-2", "L-1", "L-3"]
    assert numbers(manager_client.get("/fund/", {"sort": "disbursed", "dir": "asc"})) == ["L-1", "L-3", "L-2"]
    searched = manager_client.get("/fund/", {"q": "L-", "status": "active", "sort": "number", "dir": "desc"})
    assert numbers(searched) == ["L-3", "L-2", "L-1"]
    assert "?q=L-&amp;status=active&amp;sort=number&amp;dir=asc" in searched.content.decode()  # the filters kept


def test_the_export_holds_the_list_in_the_page_order(loans, manager_client, client_as):
    query = {"sort": "principal", "dir": "desc"}
    response = manager_client.get("/fund/export.xlsx", query)
    assert response.status_code == 200 and "filename*=utf-8''" in response["Content-Disposition"].lower()
    header, *rows = load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=HEADER_ROW, values_only=True)
    assert header[:2] == ("융자번호", "차주")
    assert [row[0] for row in rows] == numbers(manager_client.get("/fund/", query)) == ["L-2", "L-1", "L-3"]
    assert [row[5] for row in rows] == [30_000_000, 12_000_000, 5_000_000]
    assert rows[0][9] == date(2018, 3, 15) or rows[0][9].date() == date(2018, 3, 15)
    # the partner persona's partner (TTI-EAST) is the intermediary of none of them
    partner = client_as(Role.PARTNER_AGENCY).get("/fund/export.xlsx")
    assert list(load_workbook(io.BytesIO(partner.content)).active.iter_rows(min_row=HEADER_ROW + 1)) == []
