"""In a real browser: the office manager's home page with its work list, and the menu grouped by the office's work —
open at a desk (1366 px), folded to one 메뉴 line on a phone (390 px) and usable there by keyboard and touch."""

from __future__ import annotations

import re

import pytest

from iljari.testing import BROWSER_MARKS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS


def test_at_a_desk_the_work_list_leads_to_the_records_it_counts(transactional_db, personas, page, dataset_2018):
    page.set_viewport_size({"width": 1366, "height": 900})
    _log_in(page, "t_manager")
    page.wait_for_url("**/")
    worklist = page.get_by_role("region", name=re.compile("오늘 할 일"))
    item = worklist.locator('[data-work-item="마감할 달"]')
    count = int(item.locator("[data-work-count]").inner_text().removesuffix("건"))
    assert count == 12  # every month of the 2018 plan's year has ended and none is closed
    assert page.get_by_role("heading", name=re.compile("주요 수치")).is_visible()
    item.get_by_role("link").click()
    page.wait_for_url("**/months/**")
    assert page.locator("#to-close-title + p + ul li").count() == count

    nav = page.get_by_role("navigation", name="주 메뉴")
    assert not nav.get_by_text("메뉴", exact=True).is_visible()  # at a desk the menu is simply open
    assert nav.get_by_role("link", name="월 마감").get_attribute("aria-current") == "page"
    report_group = nav.locator('details[data-nav-group="보고"]')
    assert report_group.get_attribute("data-current") is not None
    finance = nav.locator('details[data-nav-group="재정"]')
    assert finance.get_by_role("link", name="사회투자기금").is_visible()
    finance.locator("summary").click()  # a group folds
    assert not finance.get_by_role("link", name="사회투자기금").is_visible()


def test_on_a_phone_the_menu_folds_and_opens_by_keyboard(transactional_db, personas, page, dataset_2018):
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, "t_staff")
    page.wait_for_url("**/")
    nav = page.get_by_role("navigation", name="주 메뉴")
    toggle = nav.get_by_text("메뉴", exact=True)
    assert toggle.is_visible()
    assert not nav.get_by_role("link", name="예산 집행").is_visible()  # folded: the work list comes first
    assert page.get_by_role("region", name=re.compile("오늘 할 일")).is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0  # nothing wider than the phone

    toggle.focus()
    page.keyboard.press("Enter")  # the menu opens with its groups folded
    finance = nav.locator('details[data-nav-group="재정"]')
    assert finance.locator("summary").is_visible()
    assert not finance.get_by_role("link", name="예산 집행").is_visible()
    finance.locator("summary").focus()
    page.keyboard.press("Enter")
    finance.get_by_role("link", name="예산 집행").click()
    page.wait_for_url("**/finance/budget/**")

    # on the page reached, the menu opens on its own group
    nav.get_by_text("메뉴", exact=True).click()
    assert nav.locator('details[data-nav-group="재정"]').get_by_role("link", name="예산 집행").is_visible()
    assert not nav.locator('details[data-nav-group="참여자"]').get_by_role("link", name="사람").is_visible()


@pytest.mark.parametrize("width", [1366, 390])
def test_the_header_search_finds_a_menu_item(transactional_db, personas, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    _log_in(page, "t_auditor")
    page.wait_for_url("**/")
    page.get_by_role("searchbox", name="메뉴와 기록 찾기").fill("접속")
    page.get_by_role("search", name="통합 검색").get_by_role("button", name="찾기").click()
    page.wait_for_url("**/search/?q=*")
    results = page.get_by_role("region", name=re.compile("메뉴"))
    assert results.get_by_role("link", name="접속기록", exact=True).is_visible()
    results.get_by_role("link", name="접속기록 점검").click()
    page.wait_for_url("**/history/access/review/**")
