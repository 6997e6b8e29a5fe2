"""The fund's pages open at the fund's latest date with data (its newest ledger day), not at today — a book whose
payments stop in May 2018 is not ">91 days overdue" on the day someone reads it — and keep the day the user
chose through their forms and redirects."""

from __future__ import annotations

import pytest
from django.test import Client
from lxml import html as lxml_html

from iljari.demo.fund_loader import load_fund
from iljari.fund.models import Repayment

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_client(fund_manager):
    client = Client()
    client.force_login(fund_manager)
    return client


def test_the_portfolio_opens_at_the_latest_ledger_day_with_the_reports_book(manager_client):
    load_fund()
    response = manager_client.get("/fund/portfolio/")
    page = response.content.decode()
    assert "사회투자기금 채권 현황 (2018.5.31. 기준)" in page
    assert lxml_html.fromstring(response.content).xpath("//input[@name='as_of']/@value") == ["2018-05-31"]
    # the 2018 report's book on that day: 채권잔액 총 127건, 41,781백만원
    assert "127" in page and "41,781" in page


def test_the_api_opens_at_the_same_day_as_the_pages(manager_client, make_loan):
    make_loan()  # disbursed '18.1.31.: the ledger's newest day
    portfolio = manager_client.get("/api/fund/portfolio").json()
    loan = manager_client.get("/api/fund/loans/L-1").json()
    assert portfolio["as_of"] == loan["as_of"] == "2018-01-31"
    chosen = manager_client.get("/api/fund/loans/L-1?as_of=2018-02-28").json()
    assert chosen["as_of"] == "2018-02-28"


def test_a_loan_page_opens_at_the_fund_latest_day_and_its_forms_carry_it(manager_client, make_loan):
    make_loan()  # disbursed '18.1.31.: the ledger's newest day
    content = manager_client.get("/fund/loans/L-1/").content
    root = lxml_html.fromstring(content)
    assert "2018.1.31. 기준" in root.text_content()
    actions = root.xpath("//form[@method='post']/@action")
    assert "/fund/loans/L-1/repayments/?as_of=2018-01-31" in actions


def test_a_repayment_keeps_the_day_the_user_chose(manager_client, make_loan):
    make_loan()
    page = manager_client.get("/fund/loans/L-1/?as_of=2018-02-28").content
    action = next(a for a in lxml_html.fromstring(page).xpath("//form[@method='post']/@action") if "repayments" in a)
    assert action == "/fund/loans/L-1/repayments/?as_of=2018-02-28"
    response = manager_client.post(action, {"received_on": "2018-02-28", "amount": "1020000", "reference": "T-1"})
    assert response.status_code == 302
    assert response["Location"] == "/fund/loans/L-1/?as_of=2018-02-28"
    assert Repayment.objects.get().principal == 1_000_000
    after = manager_client.get(response["Location"]).content.decode()
    assert "2018.2.28. 기준" in after


def test_a_refused_repayment_shows_the_page_at_the_chosen_day(manager_client, make_loan):
    make_loan()
    response = manager_client.post(
        "/fund/loans/L-1/repayments/?as_of=2018-02-28", {"received_on": "2018-02-28", "amount": "99000000"}
    )
    assert response.status_code == 400
    assert "2018.2.28. 기준" in response.content.decode()
