"""The notice list as an office works with it (core.lists): searched by loan number or borrower, sorted by its
columns both ways with the kind kept, and downloaded as xlsx in the page's order; a partner agency sees and
downloads only the notices of the loans it is the intermediary of."""

import io
import re
from datetime import date
from urllib.parse import unquote

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from iljari.core.roles import Role
from iljari.core.xlsx import HEADER_ROW
from iljari.fund.models import Notice


@pytest.fixture
def notices(make_loan):
    """Repayment notices of 2018.4.1.~15.: L-1 1,020,000원, L-2 2,530,000원; an overdue notice of L-3 510,000원."""
    for number, kind, amount in [("L-1", "repayment", 1_020_000), ("L-2", "repayment", 2_530_000),
                                 ("L-3", "overdue", 510_000)]:  # fmt: skip
        loan = make_loan(number, on=date(2018, 1, 31))
        Notice.objects.create(loan=loan, kind=kind, period_start=date(2018, 4, 1), period_end=date(2018, 4, 15),
                              amount=amount, generated_at=timezone.now())  # fmt: skip


@pytest.fixture
def manager_client(fund_manager):
    client = Client()
    client.force_login(fund_manager)
    return client


def numbers(response) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/fund/notices/\d+/">([^<]+)</a></th>', response.content.decode())


def test_notices_search_and_sort_both_ways_keeping_the_kind(notices, manager_client):
    assert numbers(manager_client.get("/fund/notices/", {"q": "L-2"})) == ["L-2"]
    assert numbers(manager_client.get("/fund/notices/", {"sort": "amount", "dir": "desc"})) == ["L-2", "L-1", "L-3"]
    assert numbers(manager_client.get("/fund/notices/", {"sort": "amount", "dir": "asc"})) == ["L-3", "L-1", "L-2"]
    repayments = manager_client.get("/fund/notices/", {"kind": "repayment", "sort": "loan", "dir": "desc"})
    assert numbers(repayments) == ["L-2", "L-1"]
    assert "?kind=repayment&amp;sort=loan&amp;dir=asc" in repayments.content.decode()


def test_the_notice_export_holds_the_page_in_its_order_within_the_scope(notices, manager_client, client_as):
    query = {"sort": "amount", "dir": "desc"}
    response = manager_client.get("/fund/notices/export.xlsx", query)
    assert response.status_code == 200 and "상환·연체 고지 목록.xlsx" in unquote(response["Content-Disposition"])
    header, *rows = load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=HEADER_ROW, values_only=True)
    assert header[:3] == ("융자번호", "차주", "구분")
    assert [row[0] for row in rows] == numbers(manager_client.get("/fund/notices/", query)) == ["L-2", "L-1", "L-3"]
    kinds = [(row[2], row[5]) for row in rows]
    assert kinds == [("원리금 상환고지", 2_530_000), ("원리금 상환고지", 1_020_000), ("미납·연체고지", 510_000)]
    # the partner persona's partner (TTI-EAST) is the intermediary of none of these loans
    partner = client_as(Role.PARTNER_AGENCY)
    assert numbers(partner.get("/fund/notices/")) == []
    rows = list(load_workbook(io.BytesIO(partner.get("/fund/notices/export.xlsx").content)).active.iter_rows(
        min_row=HEADER_ROW + 1))  # fmt: skip
    assert rows == []
