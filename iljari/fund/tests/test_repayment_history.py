"""A loan's page shows its repayment history: each payment received with its 원금, 이자, 연체이자, 합계 and the
principal still owed after it, oldest first, with the totals."""

from datetime import date

import pytest
from django.test import Client
from lxml import html as lxml_html

from iljari.fund import services


@pytest.fixture
def manager_client(fund_manager):
    client = Client()
    client.force_login(fund_manager)
    return client


def _rows(page: str, part: str) -> list[list[str]]:
    table = lxml_html.fromstring(page).get_element_by_id("repayments")
    return [[cell.text_content().strip() for cell in row] for row in table.xpath(f"./{part}/tr")]


def _won(text: str) -> int:
    return int(text.replace(",", ""))


def test_the_repayment_history_reads_like_a_passbook(manager_client, make_loan):
    loan = make_loan()  # 12,000,000원 at 2% a year, equal principal over 12 months, disbursed 2018.1.31.
    services.repayment_post(actor=None, loan=loan, received_on=date(2018, 2, 28), amount=1_020_000,
                            reference="T-1", today=date(2030, 1, 1))  # fmt: skip
    # March's instalment (due 3.31.) paid late, a month after: overdue interest comes first
    services.repayment_post(actor=None, loan=loan, received_on=date(2018, 4, 30), amount=1_100_000,
                            reference="T-2", today=date(2030, 1, 1))  # fmt: skip
    page = manager_client.get("/fund/loans/L-1/?as_of=2018-05-01").content.decode()
    first, second = _rows(page, "tbody")
    # 2월: 원금 1,000,000 (12,000,000 ÷ 12), 이자 20,000 (12,000,000 × 2% ÷ 12), no overdue interest
    assert first[:6] == ["2018.2.28.", "1,000,000", "20,000", "0", "1,020,000", "11,000,000"]
    assert second[0] == "2018.4.30." and _won(second[4]) == 1_100_000
    principal, interest, overdue = (_won(cell) for cell in second[1:4])
    assert overdue > 0 and principal + interest + overdue == 1_100_000
    assert _won(second[5]) == 11_000_000 - principal
    (total,) = _rows(page, "tfoot")
    assert total[0] == "합계" and _won(total[4]) == 2_120_000
    assert _won(total[1]) == 1_000_000 + principal and _won(total[3]) == overdue


def test_a_loan_without_repayments_says_so(manager_client, make_loan):
    make_loan()
    page = manager_client.get("/fund/loans/L-1/").content.decode()
    assert _rows(page, "tbody") == [["상환이 없습니다."]] and _rows(page, "tfoot") == []
