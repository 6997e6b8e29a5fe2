"""In a real browser: the 인쇄 button of a person's page opens the print dialog, and the print is written to the
access log once, as `print`, naming that person (app.js posts the page's token as a beacon on `beforeprint`)."""

from datetime import date

from iljari.core.models import AccessLogEntry
from iljari.people.tests.factories import make_person
from iljari.testing import BROWSER_MARKS, browser_log_in

pytestmark = BROWSER_MARKS


def test_the_print_button_writes_one_print_entry_naming_the_person(transactional_db, personas, page, live_server):
    person = make_person(date(1990, 1, 1), None, name="인쇄대상", sex="F", rrn="900101-2000123")
    # no print dialog: in every document of the page, before its own scripts run (set after loading, the override
    # would be lost if the document were replaced in between, and headless Chromium's own print() fires nothing)
    page.add_init_script("window.print = function () { window.dispatchEvent(new Event('beforeprint')); };")
    answers: list[str] = []  # what the server answered to each print post, for the message of a failure

    def answered(response) -> None:
        if "/print/" in response.url:
            answers.append(f"{response.request.method} {response.url} {response.status}")

    page.on("response", answered)
    browser_log_in(page, "t_manager")
    page.wait_for_url("**/")
    page.goto(f"/people/{person.pk}/")
    printed = AccessLogEntry.objects.filter(action="print")
    seen = set(printed.values_list("pk", flat=True))
    page.get_by_role("button", name="인쇄", exact=True).click()
    for _ in range(300):  # the beacon is sent in the background (a loaded machine may take seconds)
        if printed.exclude(pk__in=seen).exists():
            break
        page.wait_for_timeout(100)  # (Playwright's wait, which also takes the responses seen meanwhile)
    page.wait_for_timeout(500)  # and no second one follows
    entries = list(printed.exclude(pk__in=seen))
    assert len(entries) == 1, f"{len(entries)} print entries; the server answered: {answers}"
    [entry] = entries
    assert entry.subject_ids == str(person.pk) and entry.username == "t_manager"
    assert AccessLogEntry.objects.filter(action="view", subject_ids=str(person.pk)).count() == 1
    assert page.url.endswith(f"/people/{person.pk}/")  # stayed on the page: no form post, no message
