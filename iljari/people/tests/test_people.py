"""The person registry: encrypted at rest, found through a blind index, masked on every page, never in clear in
the database, the change history, the logs or a page; scoped; self-service for citizens."""

import logging
from datetime import date

import pytest
from django.db import connection
from django.test import Client

from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.org.models import District
from iljari.people import selectors, services
from iljari.people.models import Person

RRN = "900101-1234567"
DIGITS = "9001011234567"
BOTH = ["personal_data", "unique_identifier"]


def _register(actor=None, rrn=RRN, **overrides):
    values = {
        "name": "홍길동",
        "birth_date": date(1990, 1, 1),
        "sex": "M",
        "rrn": rrn,
        "consents": BOTH,
        "phone": "010-1234-5678",
        "district": District.objects.get(code="11740"),
        "income_status": "none",
        "job_seeker_registered": True,
    }
    values.update(overrides)
    return services.person_register(actor=actor, **values)


def _everything_stored() -> str:
    """Every value of every row of every table in the database (not only the models' tables), as text."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from the database itself
            chunks.extend(str(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def test_the_number_is_encrypted_at_rest_and_found_through_the_index(personas):
    person = _register()
    with connection.cursor() as cursor:
        cursor.execute("SELECT rrn, rrn_index FROM people_person WHERE id = %s", [person.pk])
        stored, index = cursor.fetchone()
    assert DIGITS not in stored and "900101" not in stored
    assert len(index) == 64 and DIGITS not in index
    assert Person.objects.get(pk=person.pk).rrn == DIGITS  # decrypted through the ORM
    found = selectors.person_find_by_rrn(user=personas[Role.OFFICE_MANAGER], rrn="900101 1234567")
    assert found == person


def test_no_table_holds_the_number_in_clear_not_even_the_change_history(personas, client_as):
    person = _register(actor=personas[Role.OFFICE_MANAGER])
    client_as(Role.OFFICE_MANAGER).post(f"/people/{person.pk}/", {"phone": "010-9999-0000", "income_status": "none"})
    stored = _everything_stored()
    assert DIGITS not in stored and RRN not in stored and "1234567" not in stored


def test_a_duplicate_number_is_refused_without_repeating_it(personas):
    _register()
    with pytest.raises(ValidationFailed) as caught:
        _register(name="다른사람", phone="")
    assert caught.value.field_errors == {"rrn": ["이미 등록된 주민등록번호입니다."]}
    assert Person.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"birth_date": date(1990, 1, 2)}, "rrn", "생년월일이 입력한 생년월일과 다릅니다"),
        ({"sex": "F"}, "rrn", "성별 자리"),
        ({"consents": ["personal_data"]}, "consents", "모두 동의해야"),
        ({"rrn": "12345"}, "rrn", "13자리"),
        ({"name": " "}, "name", "이름을 입력"),
    ],
)
def test_bad_registrations_are_explained_and_nothing_is_written(personas, overrides, field, message):
    with pytest.raises(ValidationFailed) as caught:
        _register(**overrides)
    assert message in " ".join(caught.value.field_errors[field])
    assert Person.objects.count() == 0


def test_consent_is_recorded_with_what_when_and_notice_version(personas):
    person = _register(context="뉴딜일자리 신청")
    consents = {c.purpose: c for c in person.consents.all()}
    assert set(consents) == set(BOTH)
    assert consents["unique_identifier"].notice_version == "2018-01"
    assert consents["unique_identifier"].context == "뉴딜일자리 신청"


def test_key_rotation_keeps_old_records_readable_and_new_ones_use_the_new_key(personas, settings):
    person = _register()
    field = Person._meta.get_field("rrn")
    for attribute in ("keys", "f"):
        field.__dict__.pop(attribute, None)
    settings.SALT_KEY = ["rotated-salt-2026", *settings.SALT_KEY]
    try:
        assert Person.objects.get(pk=person.pk).rrn == DIGITS  # decrypts with the old key
        person = Person.objects.get(pk=person.pk)
        person.save()  # re-encrypts with the new key
        old_only = [settings.SALT_KEY[1]]
        for attribute in ("keys", "f"):
            field.__dict__.pop(attribute, None)
        settings.SALT_KEY = ["rotated-salt-2026"]
        assert Person.objects.get(pk=person.pk).rrn == DIGITS  # readable with the new key alone
        del old_only
    finally:
        for attribute in ("keys", "f"):
            field.__dict__.pop(attribute, None)


def test_pages_show_the_number_only_masked(personas, client_as):
    person = _register()
    manager = client_as(Role.OFFICE_MANAGER)
    for path in ("/people/", f"/people/{person.pk}/", "/people/?name=홍"):
        page = manager.get(path).content.decode()
        assert "900101-1******" in page
        assert DIGITS not in page and "1234567" not in page
    lookup = manager.post("/people/", {"rrn": RRN})
    assert lookup.status_code == 302 and lookup["Location"] == f"/people/{person.pk}/"
    assert DIGITS not in lookup["Location"]


def test_a_refused_registration_page_does_not_echo_the_number(personas, client_as):
    _register()
    response = client_as(Role.DIVISION_STAFF).post(
        "/people/new/",
        {
            "name": "홍길동",
            "birth_date": "1990-01-01",
            "sex": "M",
            "rrn": RRN,
            "income_status": "none",
            "consent_personal_data": "on",
            "consent_unique_identifier": "on",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400 and "이미 등록된 주민등록번호입니다" in page
    assert DIGITS not in page and RRN not in page and "1234567" not in page


def test_the_number_never_reaches_the_logs(personas, client_as, caplog):
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django.db.backends")
    connection.force_debug_cursor = True
    try:
        _register()
        client_as(Role.OFFICE_MANAGER).post("/people/", {"rrn": RRN})
        client_as(Role.OFFICE_MANAGER).post("/people/new/", {"name": "x", "rrn": RRN, "birth_date": "bad"})
        with pytest.raises(ValidationFailed):
            _register()
    finally:
        connection.force_debug_cursor = False
    logged = "\n".join(record.getMessage() + str(record.args) for record in caplog.records)
    assert logged  # the SQL was logged, so the check below had something to look at
    assert DIGITS not in logged and RRN not in logged


def test_district_officers_see_only_their_residents(personas, client_as):
    mine = _register()  # 강동구, the district officer's district
    other = _register(
        rrn="850505-2345678",
        name="김영희",
        birth_date=date(1985, 5, 5),
        sex="F",
        district=District.objects.get(code="11110"),
    )
    officer = client_as(Role.DISTRICT_OFFICER)
    assert officer.get(f"/people/{mine.pk}/").status_code == 200
    assert officer.get(f"/people/{other.pk}/").status_code == 404
    page = officer.get("/people/").content.decode()
    assert "홍길동" in page and "김영희" not in page
    assert officer.post("/people/", {"rrn": "850505-2345678"}).status_code == 200  # not found in scope
    for role in (Role.CITIZEN, Role.PARTNER_AGENCY, Role.SYSTEM_ADMIN):
        assert client_as(role).get("/people/").status_code == 403


def test_a_citizen_registers_sees_and_corrects_their_own_record(personas):
    citizen = Client()
    citizen.force_login(personas[Role.CITIZEN])
    assert "내 인적사항 등록" in citizen.get("/people/me/").content.decode()
    response = citizen.post(
        "/people/me/",
        {
            "name": "한시민",
            "rrn": "950302-2123456",
            "income_status": "none",
            "consent_personal_data": "on",
            "consent_unique_identifier": "on",
        },
    )
    assert response.status_code == 302
    page = citizen.get("/people/me/").content.decode()
    assert "950302-2******" in page and "2123456" not in page
    citizen.post("/people/me/", {"phone": "010-2222-3333", "income_status": "regular"})
    person = Person.objects.get(user=personas[Role.CITIZEN])
    assert person.phone == "010-2222-3333" and person.income_status == "regular"
    assert person.rrn == "9503022123456"  # the number cannot be changed from here
    assert (person.birth_date, person.sex) == (date(1995, 3, 2), "F")  # read from the number, never asked


def test_a_citizens_own_registration_asks_the_consents_first_and_no_birth_date_or_sex(personas):
    citizen = Client()
    citizen.force_login(personas[Role.CITIZEN])
    page = citizen.get("/people/me/").content.decode()
    assert page.index('name="consent_personal_data"') < page.index('name="rrn"')
    assert 'name="birth_date"' not in page and 'name="sex"' not in page
    response = citizen.post("/people/me/", {"name": "한시민", "rrn": "950302-2123456", "income_status": "none"})
    assert response.status_code == 400 and not Person.objects.filter(user=personas[Role.CITIZEN]).exists()


def test_staff_corrections_are_in_the_history_without_the_number(personas, client_as):
    person = _register()
    client_as(Role.DIVISION_STAFF).post(f"/people/{person.pk}/", {"phone": "010-0000-1111", "income_status": "none"})
    history = client_as(Role.AUDITOR).get(f"/history/?model=people.person&object_pk={person.pk}").content.decode()
    assert "수정" in history and "900101-1******" in history
    assert DIGITS not in history
