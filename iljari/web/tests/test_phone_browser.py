"""Pages that work on a phone (issue 25), in a real browser at a desktop's width (1366×900) and a phone's (390×844):
a citizen books a study room for two hours and sees one row with one 취소, which cancels both hours; at 390 px the
menu is one folded 메뉴 line with the content right below it, the page body never scrolls sideways (a table scrolls
inside its own box) and the row's date and 취소 stay in sight; content links are coloured and underlined; the
platform's 근무 조건 checkboxes are drawn."""

from __future__ import annotations

import pytest

from iljari.frontline.models import Booking
from iljari.frontline.tests.factories import make_frontline, next_weekday
from iljari.testing import BROWSER_MARKS, browser_log_in

pytestmark = BROWSER_MARKS

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
# the page body's width against the window's: wider means the whole page scrolls sideways
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 0.5


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_a_citizen_books_two_hours_and_sees_one_booking_with_one_cancel(
    transactional_db, personas, page, live_server, viewport
):
    made = make_frontline()
    monday = next_weekday(0)
    page.set_viewport_size(viewport)
    browser_log_in(page, "t_citizen")
    page.wait_for_url("**/")
    phone = viewport is PHONE

    menu_link = page.get_by_role("link", name="공간 예약", exact=True)
    if phone:
        # one folded 메뉴 line; the page's heading within the first third of the screen
        assert page.locator("details[data-menu]").evaluate("menu => menu.open") is False
        assert not menu_link.is_visible()
        assert page.locator("main h1").bounding_box()["y"] < PHONE["height"] / 3
        page.locator("summary", has_text="메뉴").click()
    menu_link.click()
    page.get_by_role("link", name="청년일자리센터 스터디룸 1").click()
    assert page.evaluate(OVERFLOW) <= 0
    page.locator("#id_day").fill(f"{monday:%Y-%m-%d}")
    page.get_by_label("시작 시각").select_option("14")
    page.get_by_label("이용 시간").select_option("2")
    page.get_by_label("이용 인원").fill("3")
    page.get_by_role("button", name="예약", exact=True).click()
    page.wait_for_url("**/portal/bookings/")

    rows = page.locator("#my-bookings tbody tr")
    assert rows.count() == 1
    assert "14:00~16:00 (2시간)" in rows.first.inner_text()
    cancel = rows.first.get_by_role("button", name="취소")
    assert cancel.count() == 1
    assert page.evaluate(OVERFLOW) <= 0  # the page never scrolls sideways; a wide table scrolls in its own box
    assert in_view(page, rows.first.locator("th")) and in_view(page, cancel)
    assert Booking.objects.filter(room=made["study"], day=monday, status="booked").count() == 2

    cancel.click()
    page.wait_for_url("**/portal/bookings/")
    assert "예약을 취소했습니다" in page.content()
    assert page.locator("#my-bookings tbody tr").count() == 1
    assert page.locator("#my-bookings").get_by_role("button", name="취소").count() == 0
    assert Booking.objects.filter(room=made["study"], day=monday, status="cancelled").count() == 2


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_links_look_like_links_and_checkboxes_are_drawn(transactional_db, personas, page, live_server, viewport):
    page.set_viewport_size(viewport)
    browser_log_in(page, "t_citizen")
    page.wait_for_url("**/")
    link = page.locator("main").get_by_role("link", name="서울형 강소기업 통합정보 플랫폼")
    style = link.evaluate("a => { const s = getComputedStyle(a); return [s.color, s.textDecorationLine]; }")
    assert style == ["rgb(11, 80, 208)", "underline"]  # KRDS primary-60, underlined

    page.goto("/platform/")
    boxes = page.locator("input[type=checkbox][name=conditions]")
    assert boxes.count() >= 2
    for index in range(boxes.count()):
        box = boxes.nth(index).bounding_box()
        assert box["width"] >= 16 and box["height"] >= 16  # not clipped to 1px
    first = boxes.first
    page.locator(f"label[for='{first.get_attribute('id')}']").click()
    assert first.is_checked()
    assert page.evaluate(OVERFLOW) <= 0


def test_lists_with_sortable_headers_never_scroll_the_page_sideways_on_a_phone(
    transactional_db, personas, page, live_server
):
    """A sortable header carries screen-reader text placed absolutely; the table's box contains it, so at 390 px the
    page itself stays as wide as the window while the table scrolls inside its box (a visitor's call list, the
    system administrator's accounts)."""
    page.set_viewport_size(PHONE)
    page.goto("/portal/calls/")
    assert page.locator("table .sr-only").count() > 0
    assert page.evaluate(OVERFLOW) <= 0
    browser_log_in(page, "t_admin")
    page.wait_for_url("**/")
    page.goto("/accounts/users/")
    assert page.locator("table .sr-only").count() > 0
    assert page.evaluate(OVERFLOW) <= 0
