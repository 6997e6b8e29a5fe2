"""In a real browser (Debian's Chromium through Playwright): a loan of ₩12,000,000 at 2% for 12 months (equal
principal) goes through disbursement, an on-time payment, a missed payment (overdue notice, bucket), a deferment
decision and repayment in full, every step in its history, and the fund's ledger balances."""

from __future__ import annotations

import re

from iljari.approvals.tests.factories import approve_through, open_request
from iljari.testing import BROWSER_MARKS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS


def test_a_loan_from_disbursement_to_repayment_in_full(transactional_db, personas, page, agreement, borrower,
                                                        fund_manager):  # fmt: skip
    _log_in(page, "t_fund")
    page.wait_for_url("**/")
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="사회투자기금").click()
    page.get_by_role("link", name="융자 등록").click()
    page.get_by_label("융자번호").fill("B-1")
    page.get_by_label("차주 사업자등록번호").fill(borrower.business_number)
    page.get_by_label("수행기관 협약").select_option(str(agreement.pk))
    page.get_by_label("용도").select_option("enterprise")
    page.get_by_label("융자 원금(원)").fill("12000000")
    page.get_by_label("대출금리(연 %)").fill("2")
    page.get_by_label("융자 기간(개월)").fill("12")
    page.get_by_label("거치기간(개월)").fill("0")
    page.get_by_label("상환방법").select_option("equal_principal")
    page.get_by_role("button", name="등록").click()
    page.wait_for_url("**/fund/loans/B-1/")

    # disbursement on '18.1.31.: the schedule appears
    page.get_by_label("실행일").fill("2018-01-31")
    page.get_by_role("button", name="실행").click()
    # 융자 실행 is an approval (결재): the clerk drafts it to the office's head, who approves it
    page.get_by_label("결재권자").select_option(label="총괄 테스트 (정책관, 일자리노동정책관)")
    page.get_by_role("button", name="결재 올리기").click()
    assert "결재를 올렸습니다 — 결재가 끝나면 융자가 실행되고 상환 일정이 만들어집니다." in page.content()
    assert page.locator("#loan-status").inner_text() != "상환 중"
    approve_through(open_request("fund.loan_disburse", "B-1/2018-01-31"))
    page.goto("/fund/loans/B-1/?as_of=2018-02-01")
    assert page.locator("#schedule tbody tr").count() == 12
    assert page.locator("#loan-status").inner_text() == "상환 중"

    # the February instalment paid on time: 20,000 interest and 1,000,000 principal
    page.get_by_label("입금일").fill("2018-02-28")
    page.get_by_label("입금액(원)").fill("1020000")
    page.get_by_label("거래 고유번호").fill("BANK-0228")
    page.get_by_role("button", name="상환 반영").click()
    assert "이자 20,000원, 원금 1,000,000원" in page.content()

    # March is missed: on 4.30. the March instalment is 30 days past due
    page.goto("/fund/loans/B-1/?as_of=2018-04-30")
    assert page.locator("#days-past-due").inner_text() == "30"
    assert page.locator("#bucket").inner_text() == "1-30"
    page.goto("/fund/portfolio/?as_of=2018-04-30")
    assert page.locator("#by-bucket tbody tr").nth(1).inner_text().split("\t")[1].strip() == "1"

    # the monthly overdue notice batch, run as a background job
    page.goto("/fund/notices/")
    page.get_by_label("구분").select_option("overdue")
    page.get_by_label("기간 시작").fill("2018-04-01")
    page.get_by_label("기간 끝").fill("2018-04-30")
    page.get_by_role("button", name="고지 만들기").click()
    # 고지 일괄 발송 is an approval (결재): the clerk drafts it, the office manager approves; the job starts then
    page.get_by_label("결재권자").select_option(label="총괄 테스트 (정책관, 일자리노동정책관)")
    page.get_by_role("button", name="결재 올리기").click()
    assert "결재를 올렸습니다 — 결재가 끝나면 고지 일괄 기록이 시작되고 고지서 묶음이 만들어집니다." in page.content()
    assert page.get_by_role("link", name=re.compile(r"결재 중\(결재 #\d+\)")).count() == 1
    approve_through(open_request("fund.notices_issue", "overdue/2018-04-01/2018-04-30"))
    page.goto("/fund/notices/")
    page.get_by_role("link", name="B-1").click()
    assert "미납·연체고지" in page.content()
    assert "2,034,999" in page.content()  # March 1,018,333 + April 1,016,666

    # a 3-month deferment, requested on the loan and approved by the committee on 5.15.
    page.goto("/fund/loans/B-1/?as_of=2018-05-02")
    page.get_by_label("구분").select_option("deferment")
    page.get_by_label("유예·연기 개월").fill("3")
    page.get_by_label("신청일").fill("2018-05-02")
    page.get_by_label("신청 사유").fill("주요 거래처 폐업으로 매출 감소")
    page.get_by_role("button", name="신청 접수").click()
    page.goto("/fund/deferments/")
    page.get_by_label("심의위원회 개최일").fill("2018-05-15")
    page.locator("select[name=decision]").select_option("approve")
    page.get_by_role("button", name="결정", exact=True).click()
    page.wait_for_url("**/fund/loans/B-1/")
    versions = page.locator("#versions tbody tr")
    assert versions.count() == 2 and "상환유예" in versions.first.inner_text()
    page.goto("/fund/loans/B-1/?as_of=2018-05-15")
    assert page.locator("#days-past-due").inner_text() == "0"

    # repayment in full on 5.31.: the payoff shown on the page
    page.goto("/fund/loans/B-1/?as_of=2018-05-31")
    payoff = page.locator("#position tbody td").last.inner_text().replace(",", "")
    page.get_by_label("입금일").fill("2018-05-31")
    page.get_by_label("입금액(원)").fill(payoff)
    page.get_by_role("button", name="상환 반영").click()
    assert page.locator("#loan-status").inner_text().startswith("상환 완료")
    assert page.locator("#versions tbody tr").count() == 3  # disbursement, deferment, closed
    assert page.locator("#repayments tbody tr").count() == 2
    assert page.locator("#notices tbody tr").count() == 1

    # the ledger: the loan book is empty and debits equal credits
    page.goto("/fund/ledger/?as_of=2018-12-31")
    assert page.locator("#ledger-total").inner_text() == "0"
    assert "융자 채권" in page.locator("#trial-balance").inner_text()
