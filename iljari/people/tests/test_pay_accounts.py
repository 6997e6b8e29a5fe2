"""급여 계좌: the number checked against its bank's lengths, encrypted at rest, masked on every page, whole only by
a logged POST of staff who may correct the person; a holder other than the person flagged, not refused; a change
keeps the old account; the citizen keeps their own."""

from __future__ import annotations

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test import Client
from django.utils import timezone

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.people import selectors, services
from iljari.people.models import PayAccount, Person
from iljari.people.retention import person_anonymise_expired
from iljari.people.tests.factories import make_person

NUMBER = "123456789012"  # 국민은행: 12 digits


def _stored_numbers() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT number FROM people_payaccount")
        return " ".join(str(row[0]) for row in cursor.fetchall())


def test_an_account_is_stored_encrypted_and_shown_masked(personas, client_as):
    person = make_person(name="홍길동")
    account = services.pay_account_set(
        actor=personas[Role.OFFICE_MANAGER], person=person, bank_code="004", number="1234-5678-9012", holder="홍길동"
    )
    assert PayAccount.objects.get(pk=account.pk).number == NUMBER
    assert NUMBER not in _stored_numbers() and "56789" not in _stored_numbers()
    assert account.holder_differs is False
    page = client_as(Role.DIVISION_STAFF).get(f"/people/{person.pk}/account/").content.decode()
    assert "국민은행 (004)" in page and "123-*****-9012" in page
    assert NUMBER not in page and "56789" not in page
    history = LogEntry.objects.filter(content_type__model="payaccount", object_pk=str(account.pk)).get()
    assert NUMBER not in str(history.changes) and "number" not in history.changes


@pytest.mark.parametrize(
    ("bank_code", "number", "field", "message"),
    [
        ("004", "1234567890123", "number", "국민은행 계좌번호는 12·14자리입니다. 입력한 번호는 13자리입니다."),
        ("090", "123456789012", "number", "카카오뱅크 계좌번호는 13자리입니다. 입력한 번호는 12자리입니다."),
        ("004", "12345678901가", "number", "숫자로만"),
        ("999", NUMBER, "bank_code", "은행을 목록에서 고르십시오."),
    ],
)
def test_a_number_of_a_length_its_bank_does_not_issue_is_refused_and_nothing_written(
    personas, bank_code, number, field, message
):
    person = make_person()
    with pytest.raises(ValidationFailed) as refused:
        services.pay_account_set(actor=None, person=person, bank_code=bank_code, number=number, holder="홍길동")
    assert message in refused.value.field_errors[field][0]
    assert number not in str(refused.value.field_errors)
    assert not PayAccount.objects.exists()


def test_a_holder_other_than_the_person_is_flagged_not_refused(personas, client_as):
    person = make_person(name="김영희")
    staff = client_as(Role.DIVISION_STAFF)
    response = staff.post(
        f"/people/{person.pk}/account/",
        {"bank_code": "090", "number": "3333-01-2345678", "holder": "김철수"},
        follow=True,
    )
    page = response.content.decode()
    assert "예금주(김철수)가 본인 이름과 달라 확인 표시를 했습니다" in page
    assert "예금주가 본인과 다름 · 확인 필요" in page
    account = PayAccount.objects.get(person=person)
    assert account.holder_differs is True and account.number == "3333012345678"
    same = services.pay_account_set(
        actor=None, person=make_person(name="이 민 수"), bank_code="090", number="3333012345679", holder="이민수"
    )
    assert same.holder_differs is False  # spacing is no difference


def test_a_change_keeps_the_old_account_encrypted_and_opens_a_new_one(personas):
    person = make_person(name="홍길동")
    staff = personas[Role.DIVISION_STAFF]
    first = services.pay_account_set(actor=staff, person=person, bank_code="004", number=NUMBER, holder="홍길동")
    again = services.pay_account_set(actor=staff, person=person, bank_code="004", number=NUMBER, holder="홍길동")
    assert again.pk == first.pk  # nothing changed
    second = services.pay_account_set(
        actor=staff, person=person, bank_code="020", number="1002123456789", holder="홍길동"
    )
    first.refresh_from_db()
    assert first.replaced_at is not None and first.number == NUMBER
    assert selectors.pay_account_current(user=staff, person=person) == second
    assert selectors.pay_account_history(user=staff, person=person) == [second, first]
    assert selectors.pay_accounts_of(person_ids=[person.pk]) == {person.pk: second}
    assert PayAccount.objects.filter(person=person, replaced_at__isnull=True).count() == 1


def test_the_whole_number_is_shown_only_by_a_logged_post_of_staff_who_may_correct_the_person(personas, client_as):
    person = make_person(district="11740")  # 강동구
    services.pay_account_set(actor=None, person=person, bank_code="004", number=NUMBER, holder=person.name)
    url = f"/people/{person.pk}/account/reveal/"
    assert client_as(Role.DISTRICT_OFFICER).get(url).status_code == 405
    before = AccessLogEntry.objects.count()
    page = client_as(Role.DISTRICT_OFFICER).post(url).content.decode()  # 강동구's officer, a 강동구 resident
    assert NUMBER in page
    entry = AccessLogEntry.objects.order_by("-pk").first()
    assert AccessLogEntry.objects.count() == before + 1
    assert entry.detail == "급여 계좌번호 전체 보기" and entry.subject_ids == str(person.pk)
    auditor = client_as(Role.AUDITOR)
    assert NUMBER not in auditor.get(f"/people/{person.pk}/account/").content.decode()
    assert auditor.post(url).status_code == 403  # sees the person, may not unmask
    assert (
        auditor.post(f"/people/{person.pk}/account/", {"bank_code": "004", "number": NUMBER, "holder": "x"}).status_code
        == 403
    )


def test_a_district_officer_cannot_reach_another_districts_resident(personas, client_as):
    person = make_person(district="11110")  # 종로구
    services.pay_account_set(actor=None, person=person, bank_code="004", number=NUMBER, holder=person.name)
    officer = client_as(Role.DISTRICT_OFFICER)
    assert officer.get(f"/people/{person.pk}/account/").status_code == 404
    assert officer.post(f"/people/{person.pk}/account/reveal/").status_code == 404
    with pytest.raises(NotAllowed):
        services.pay_account_set(
            actor=personas[Role.DISTRICT_OFFICER], person=person, bank_code="020", number="1002123456789", holder="x"
        )
    assert PayAccount.objects.filter(person=person).count() == 1


def test_a_citizen_enters_their_own_account_on_my_record(personas):
    citizen = Client()
    citizen.force_login(personas[Role.CITIZEN])
    assert "급여 계좌를 입력하려면 먼저" in citizen.get("/people/me/account/").content.decode()
    assert citizen.post("/people/me/account/", {"bank_code": "004", "number": NUMBER}).status_code == 200
    assert not PayAccount.objects.exists()
    person = make_person(name="시민", user=personas[Role.CITIZEN])
    assert "/people/me/account/" in citizen.get("/people/me/").content.decode()
    bad = citizen.post("/people/me/account/", {"bank_code": "092", "number": "1000123456789", "holder": "시민"})
    assert bad.status_code == 400 and "토스뱅크 계좌번호는 12자리입니다" in bad.content.decode()
    assert not PayAccount.objects.exists()
    citizen.post("/people/me/account/", {"bank_code": "092", "number": "100012345678", "holder": "시민"})
    page = citizen.get("/people/me/account/").content.decode()
    assert "토스뱅크" in page and "100-*****-5678" in page and "100012345678" not in page
    assert selectors.pay_account_current(user=personas[Role.CITIZEN], person=person).number == "100012345678"
    other = make_person()
    with pytest.raises(NotAllowed):
        services.pay_account_set(
            actor=personas[Role.CITIZEN], person=other, bank_code="092", number="100012345678", holder="시민"
        )


def test_anonymising_a_person_deletes_their_accounts(personas):
    person = make_person()
    services.pay_account_set(actor=None, person=person, bank_code="004", number=NUMBER, holder=person.name)
    assert person_anonymise_expired(person_ids=[person.pk], now=timezone.now() + timedelta(days=1)) == 1
    assert not PayAccount.objects.exists()
    assert Person.objects.get(pk=person.pk).destroyed_at is not None
