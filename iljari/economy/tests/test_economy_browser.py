"""In a real browser at a desk (1366×900) and on a phone (390×844): the office manager opens every economy page of
the 2018 demo and records a month's use of a space; the page body never scrolls sideways (a wide table scrolls in
its own box)."""

from __future__ import annotations

import pytest

from iljari.demo import districts_loader, economy_loader
from iljari.economy.models import Space, SpaceUse
from iljari.testing import BROWSER_MARKS, browser_log_in

pytestmark = BROWSER_MARKS

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
PAGES = [
    "/economy/?year=2018&as_of=2018-06-30",
    "/economy/gsef/",
    "/economy/gsef/dialogues/",
    "/economy/fair-trade/?year=2018&as_of=2018-06-30",
    "/economy/spaces/",
    "/economy/markets/?year=2018&as_of=2018-06-30",
    "/economy/markets/upload/",
    "/economy/gsef/new/",
]


@pytest.mark.parametrize(
    "viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}], ids=["1366", "390"]
)
def test_the_economy_pages_fit_a_desk_and_a_phone(
    transactional_db, personas, dataset_2018, page, live_server, viewport
):
    districts_loader.load_ecosystem()
    economy_loader.load_economy()
    page.set_viewport_size(viewport)
    browser_log_in(page, "t_manager")
    page.wait_for_url("**/")
    for path in PAGES:
        page.goto(path)
        assert page.locator("main h1").count() == 1, path
        assert page.evaluate(OVERFLOW) <= 0, path
    space = Space.objects.get(name="사회적경제 활성화 공간 1")
    page.goto(f"/economy/spaces/{space.pk}/")
    assert page.evaluate(OVERFLOW) <= 0
    form = page.locator(f"form[action='/economy/spaces/{space.pk}/uses/']")
    form.get_by_label("월").fill("2018-05-10")
    form.get_by_label("이용 구분").select_option("residents")
    form.get_by_label("이용 건수").fill("42")
    form.get_by_role("button", name="이용 기록").click()
    page.wait_for_url(f"**/economy/spaces/{space.pk}/")
    assert "2018년 5월" in page.locator("#uses").inner_text()
    assert SpaceUse.objects.get(space=space).count == 42
