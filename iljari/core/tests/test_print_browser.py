"""In a real browser: the 인쇄 button of a person's page opens the print dialog, and the print is written to the
access log once, as `print`, naming that person (app.js posts the page's token as a beacon on `beforeprint`)."""

import time
from datetime import date

from iljari.core.models import AccessLogEntry
from iljari.people import services
from iljari.testing import BROWSER_MARKS, browser_log_in

pytestmark = BROWSER_MARKS


def test_the_print_button_writes_one_print_entry_naming_the_person(transactional_db, personas, page, live_server):
    person = services.person_register(
        actor=None,
        name="인쇄대상",
        birth_date=date(1990, 1, 1),
        sex="F",
        rrn="900101-2000123",
        consents=["personal_data", "unique_identifier"],
    )
    browser_log_in(page, "t_manager")
    page.wait_for_url("**/")
    page.evaluate("window.print = function () { window.dispatchEvent(new Event('beforeprint')); }")  # no dialog
    page.goto(f"/people/{person.pk}/")
    page.evaluate("window.print = function () { window.dispatchEvent(new Event('beforeprint')); }")
    printed = AccessLogEntry.objects.filter(action="print")
    seen = set(printed.values_list("pk", flat=True))
    page.get_by_role("button", name="인쇄", exact=True).click()
    for _ in range(300):  # the beacon is sent in the background (a loaded machine may take seconds)
        if printed.exclude(pk__in=seen).exists():
            break
        time.sleep(0.1)
    time.sleep(0.5)  # and no second one follows
    [entry] = printed.exclude(pk__in=seen)
    assert entry.subject_ids == str(person.pk) and entry.username == "t_manager"
    assert AccessLogEntry.objects.filter(action="view", subject_ids=str(person.pk)).count() == 1
    assert page.url.endswith(f"/people/{person.pk}/")  # stayed on the page: no form post, no message
