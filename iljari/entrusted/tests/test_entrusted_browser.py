"""The entrusted pages in a real browser at a desktop's width (1366×900) and a phone's (390×844): the page body never
scrolls sideways (the tables scroll in their own box) and the renewal timeline's steps are drawn."""

from __future__ import annotations

import pytest

from iljari.entrusted.tests.factories import make_entrusted
from iljari.testing import BROWSER_MARKS, browser_log_in

pytestmark = BROWSER_MARKS

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize(
    "viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}], ids=["1366", "390"]
)
def test_the_manager_reads_the_facilities_and_a_timeline_at_both_widths(
    transactional_db, personas, page, live_server, viewport
):
    make_entrusted()
    page.set_viewport_size(viewport)
    browser_log_in(page, "t_manager")
    page.wait_for_url("**/")
    for path in ("/entrusted/", "/entrusted/EAST/?on=2018-10-01", "/entrusted/ending/?on=2018-06-30",
                 "/entrusted/EAST/contracts/new/"):  # fmt: skip
        page.goto(live_server.url + path)
        assert page.locator("main h1").is_visible(), path
        assert page.evaluate(OVERFLOW) <= 0, path
    page.goto(live_server.url + "/entrusted/EAST/?on=2018-10-01")
    assert page.locator(".ilj-step").count() == 2
    assert "1일 지남" in page.locator(".ilj-step").first.inner_text()
