"""The access log of personal data: every view, search, change and registration is recorded with who, when,
from where and which subjects; the chain reveals an edited or deleted entry."""

from datetime import date

import pytest
from django.core.management import call_command

from iljari.core.accesslog import access_log_verify
from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.people.tests.factories import make_person


@pytest.fixture
def person(personas):
    return make_person(date(1990, 1, 1), "11740", name="홍길동", rrn="900101-1234567")


def test_views_searches_changes_are_recorded_with_who_where_and_whom(person, client_as, personas):
    staff = client_as(Role.DIVISION_STAFF)
    staff.get("/people/?name=홍", REMOTE_ADDR="10.0.0.7")
    staff.get(f"/people/{person.pk}/", REMOTE_ADDR="10.0.0.7")
    staff.post(f"/people/{person.pk}/", {"phone": "010-1", "income_status": "none"}, REMOTE_ADDR="10.0.0.7")
    staff.post("/people/", {"rrn": "900101-1234567"}, REMOTE_ADDR="10.0.0.7")
    entries = list(AccessLogEntry.objects.order_by("id"))
    assert [e.action for e in entries] == ["search", "view", "change", "search"]
    assert {e.username for e in entries} == {"t_staff"}
    assert {e.remote_addr for e in entries} == {"10.0.0.7"}
    assert all(e.subject_ids == str(person.pk) for e in entries)
    assert entries[3].detail == "주민등록번호로 찾기"
    assert all("1234567" not in e.detail + e.subject_ids for e in entries)


def test_the_chain_is_whole_and_the_command_says_so(person, client_as, capsys):
    for _ in range(3):
        client_as(Role.OFFICE_MANAGER).get(f"/people/{person.pk}/")
    assert access_log_verify() == (3, None)
    call_command("accesslog", "verify")
    assert "3건의 체인이 온전합니다" in capsys.readouterr().out


def test_the_auditor_reads_and_filters_it_and_nobody_else_does(person, client_as):
    client_as(Role.DIVISION_STAFF).get(f"/people/{person.pk}/")
    client_as(Role.OFFICE_MANAGER).get("/people/")
    page = client_as(Role.AUDITOR).get(f"/history/access/?username=t_staff&subject_id={person.pk}").content.decode()
    assert "t_staff" in page and "t_manager" not in page and "조회" in page
    for role in (Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.CITIZEN):
        assert client_as(role).get("/history/access/").status_code == 403
