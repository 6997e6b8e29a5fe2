"""Printing a page with personal data (인쇄) is an access-log action of its own (`print`), distinct from the page's
view and from a download: the page carries a signed list of the people it shows, bound to the account; its 인쇄
button (or the browser's print, through app.js) posts it to core:print_record, which writes one `print` entry."""

import re
from datetime import date

import pytest
from django.test import Client

from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.people.tests.factories import make_person


@pytest.fixture
def person(personas):
    return make_person(date(1990, 1, 1), None, name="인쇄대상", sex="F", rrn="900101-2000123")


def _token(html: str) -> str:
    match = re.search(r'name="token" value="([^"]+)"', html)
    assert match, "the page has no 인쇄 button"
    return match.group(1)


def test_printing_a_persons_page_adds_exactly_one_print_entry_naming_them(client_as, person):
    client = client_as(Role.OFFICE_MANAGER)
    html = client.get(f"/people/{person.pk}/").content.decode()
    assert "data-print-log" in html and ">인쇄</button>" in html
    before = list(AccessLogEntry.objects.values_list("action", flat=True))
    assert before.count("view") == 1 and "print" not in before

    response = client.post("/history/access/print/", {"token": _token(html), "beacon": "1"})
    assert response.status_code == 204
    [entry] = AccessLogEntry.objects.filter(action=AccessLogEntry.Action.PRINT)
    assert (entry.subject_type, entry.subject_ids, entry.username) == ("people.person", str(person.pk), "t_manager")
    assert entry.detail.startswith("인쇄: ") and entry.get_action_display() == "출력"
    assert AccessLogEntry.objects.count() == len(before) + 1  # the print only: no second view, no download
    assert "900101" not in entry.detail


def test_without_the_script_the_button_posts_the_form_and_comes_back_with_a_message(client_as, person):
    client = client_as(Role.OFFICE_MANAGER)
    page = f"/people/{person.pk}/"
    token = _token(client.get(page).content.decode())
    response = client.post("/history/access/print/", {"token": token, "next": page}, follow=True)
    assert response.redirect_chain[-1][0] == page
    assert "인쇄 기록을 남겼습니다" in response.content.decode()
    assert AccessLogEntry.objects.filter(action="print", subject_ids=str(person.pk)).count() == 1


def test_a_forged_or_another_accounts_print_token_is_refused_and_writes_nothing(client_as, person):
    token = _token(client_as(Role.OFFICE_MANAGER).get(f"/people/{person.pk}/").content.decode())
    count = AccessLogEntry.objects.count()
    auditor = client_as(Role.AUDITOR)
    assert auditor.post("/history/access/print/", {"token": token, "beacon": "1"}).status_code == 400
    forged = auditor.post("/history/access/print/", {"token": token[:-2] + "xx"})
    assert forged.status_code == 400 and "인쇄할 화면의 정보가 올바르지 않거나" in forged.content.decode()
    assert Client().post("/history/access/print/", {"token": token}).status_code == 302  # to the login
    assert client_as(Role.OFFICE_MANAGER).get("/history/access/print/").status_code == 405
    assert AccessLogEntry.objects.count() == count


def test_a_print_delivered_twice_is_recorded_once(client_as, person):
    """A browser may deliver the beacon twice; the same page's print within seconds is one print."""
    client = client_as(Role.OFFICE_MANAGER)
    token = _token(client.get(f"/people/{person.pk}/").content.decode())
    for _ in range(2):
        assert client.post("/history/access/print/", {"token": token, "beacon": "1"}).status_code == 204
    assert AccessLogEntry.objects.filter(action="print").count() == 1
    again = _token(client.get(f"/people/{person.pk}/").content.decode())  # the page shown and printed again
    client.post("/history/access/print/", {"token": again, "beacon": "1"})
    assert AccessLogEntry.objects.filter(action="print").count() == 2


def test_a_page_without_personal_data_has_no_print_button(client_as):
    assert "data-print-log" not in client_as(Role.OFFICE_MANAGER).get("/").content.decode()
