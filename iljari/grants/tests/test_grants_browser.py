"""In a real browser (Debian's Chromium through Playwright): staff of 일자리정책담당관 make a 청년일자리 민관협력사업
agreement (a matching mistake first), sign it, disburse two tranches (one beyond the agreement is refused), and
settle it with a return; the budget line's 지출액 on the page moves by exactly the amounts. The grantee then sees
its agreement on its own page."""

from __future__ import annotations

import re

from iljari.approvals.tests.factories import approve_through, open_request
from iljari.testing import BROWSER_MARKS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS

MILLION = 1_000_000
SPENT = 100_177 * MILLION  # JOBS-POLICY's 지출액 on '18.6.30. (the report's snapshot)


def _spent(page) -> int:
    return int(page.locator("#line-spent").inner_text().replace(",", ""))


def test_a_grant_from_agreement_through_two_disbursements_to_settlement(
    transactional_db, personas, page, youth_programme, grantee, grantee_user
):
    _log_in(page, "t_staff")
    page.wait_for_url("**/")
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="보조금", exact=True).click()
    page.get_by_role("link", name="보조금 사업").click()
    page.get_by_role("link", name="청년일자리 민관협력사업").click()
    page.get_by_role("link", name="협약 만들기").click()
    page.get_by_label("수행기관 사업자등록번호").fill(grantee.business_number)
    page.get_by_label("협약번호").fill("2018-YJ-B1")
    page.get_by_label("사업명").fill("청년 소셜 리빙랩")
    page.get_by_label("사업 시작일").fill("2018-08-01")
    page.get_by_label("사업 종료일").fill("2019-01-31")
    page.get_by_label("시비(원)").fill("300000000")
    page.get_by_label("매칭(원)").fill("10000000")
    page.get_by_role("button", name="협약 만들기").click()
    assert "매칭이 모자랍니다" in page.content()
    page.get_by_label("매칭(원)").fill("40000000")
    page.get_by_role("button", name="협약 만들기").click()
    page.wait_for_url("**/grants/agreements/2018-YJ-B1/")
    assert _spent(page) == SPENT

    page.get_by_label("협약일").fill("2018-08-01")
    page.get_by_role("button", name="체결").click()
    # 협약 체결 is an approval (결재): the clerk drafts it, the office manager approves it; nothing committed before
    page.get_by_label("결재권자").select_option(label="총괄 테스트 (정책관, 일자리노동정책관)")
    page.get_by_role("button", name="결재 올리기").click()
    assert "결재를 올렸습니다 — 결재가 끝나면 협약이 체결되고 시비가 원인행위됩니다." in page.content()
    assert "결재 중" in page.locator("#sign-state").inner_text()
    approve_through(open_request("grants.agreement_sign", "2018-YJ-B1/2018-08-01"))
    page.goto("/grants/agreements/2018-YJ-B1/")
    assert page.locator("#agreement-status").inner_text().startswith("협약 체결")

    # each tranche is an approval too (보조금 교부): drafted by the clerk, paid only once the office manager approves
    paid = 0
    for day, amount in (("2018-08-10", "180000000"), ("2018-11-05", "120000000")):
        page.get_by_label("교부일").fill(day)
        page.get_by_label("교부액(원)").fill(amount)
        page.get_by_role("button", name="교부", exact=True).click()
        page.get_by_label("결재권자").select_option(label="총괄 테스트 (정책관, 일자리노동정책관)")
        page.get_by_role("button", name="결재 올리기").click()
        page.wait_for_url("**/grants/agreements/2018-YJ-B1/")
        assert "결재를 올렸습니다 — 결재가 끝나면 보조금이 교부되고 예산 사업의 지출액이 됩니다." in page.content()
        assert "결재 중" in page.locator("#disburse-state").inner_text()
        assert _spent(page) == SPENT + paid  # not paid before the final approval
        approve_through(open_request("grants.disburse", f"2018-YJ-B1/{day}/{amount}"))
        paid += int(amount)
        page.goto("/grants/agreements/2018-YJ-B1/")
    assert page.locator("#tranches tbody tr").count() == 2
    assert _spent(page) == SPENT + 180_000_000 + 120_000_000

    page.get_by_label("교부일").fill("2018-11-20")
    page.get_by_label("교부액(원)").fill("1")
    page.get_by_role("button", name="교부", exact=True).click()
    assert "남은 금액은 0원입니다" in page.content()
    assert page.locator("#tranches tbody tr").count() == 2

    page.get_by_label("정산일").fill("2018-12-20")
    page.get_by_label("집행액(원)").fill("290000000")
    page.get_by_label("반납액(원)").fill("0")
    page.get_by_role("button", name="정산", exact=True).click()
    assert "10,000,000원이 모자랍니다" in page.content()
    page.get_by_label("반납액(원)").fill("10000000")
    page.get_by_role("button", name="정산", exact=True).click()
    assert "정산했습니다" in page.content()
    assert page.locator("#agreement-status").inner_text().startswith("정산 완료")
    assert _spent(page) == SPENT + 300_000_000 - 10_000_000
    assert page.locator("#history tbody tr").count() >= 4

    page.get_by_role("button", name="로그아웃").click()
    _log_in(page, "t_grantee")
    page.wait_for_url("**/")
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="우리 보조금").click()
    page.get_by_role("link", name="2018-YJ-B1").click()
    assert re.search(r"300,000,000원 중\s*<span id=\"disbursed\">300,000,000", page.content())
