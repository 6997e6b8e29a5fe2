"""Registering many people at once (a bulk upload): the same checks and the same records as one registration —
encrypted number, blind index, both consents, a change-history entry like the one a single save writes, the
actor and address of the request — in bulk inserts; one bad entry and nobody is registered."""

from datetime import date

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.db import connection

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.org.models import District
from iljari.people import services
from iljari.people.models import Consent, Person
from iljari.people.rrn import parse_rrn, rrn_index

BOTH = ["personal_data", "unique_identifier"]


def _entry(serial: int, **overrides) -> dict:
    entry = {
        "name": f"일괄{serial}",
        "birth_date": date(1990, 1, 1),
        "sex": "M",
        "rrn": f"900101-1{serial:06d}",
        "phone": "010-1234-5678",
        "district": District.objects.get(code="11740"),
        "income_status": "none",
        "job_seeker_registered": True,
    }
    entry.update(overrides)
    return entry


def test_many_people_are_registered_as_one_registration_would_register_each(personas):
    staff = personas[Role.DIVISION_STAFF]
    single = services.person_register(actor=None, consents=BOTH, **_entry(1))
    with set_actor(staff, remote_addr="10.0.0.7"):
        people = services.person_register_many(
            actor=staff, people=[_entry(2), _entry(3, sex="F", rrn="900101-2000003")], consents=BOTH, context="일괄"
        )
    assert [p.name for p in people] == ["일괄2", "일괄3"] and all(p.pk for p in people)
    stored = Person.objects.get(pk=people[1].pk)
    assert stored.rrn == "9001012000003" and stored.rrn_index == rrn_index(parse_rrn("900101-2000003"))
    with connection.cursor() as cursor:  # encrypted at rest, as the ORM stores it
        cursor.execute("SELECT rrn FROM people_person WHERE id = %s", [stored.pk])
        assert "9001012000003" not in str(cursor.fetchone()[0])
    assert sorted(Consent.objects.filter(person=stored).values_list("purpose", "context")) == [
        ("personal_data", "일괄"),
        ("unique_identifier", "일괄"),
    ]
    one = LogEntry.objects.get_for_object(single).get()
    many = LogEntry.objects.get_for_object(stored).get()
    assert many.action == LogEntry.Action.CREATE and many.object_repr == str(stored)
    assert set(many.changes) == set(one.changes) and "rrn" not in many.changes and "rrn_index" not in many.changes
    assert {k: v for k, v in many.changes.items() if k not in ("id", "name", "sex")} == {
        k: v for k, v in one.changes.items() if k not in ("id", "name", "sex")
    }
    assert many.changes["name"] == [None, "일괄3"] and many.actor == staff and many.remote_addr == "10.0.0.7"


def test_one_bad_entry_and_nobody_is_registered(personas):
    services.person_register(actor=None, consents=BOTH, **_entry(1))
    before = (Person.objects.count(), Consent.objects.count(), LogEntry.objects.count())
    with pytest.raises(ValidationFailed) as refused:
        services.person_register_many(
            actor=None,
            people=[_entry(2), _entry(3, birth_date=date(1991, 1, 1)), _entry(4), _entry(1), _entry(2)],
            consents=BOTH,
        )
    assert refused.value.field_errors["people"] == [
        "2번째: 주민등록번호의 생년월일이 입력한 생년월일과 다릅니다.",
        "4번째: 이미 등록된 주민등록번호입니다.",
        "5번째: 같은 주민등록번호가 앞에 있습니다.",
    ]
    assert (Person.objects.count(), Consent.objects.count(), LogEntry.objects.count()) == before


def test_registering_many_needs_both_consents_and_the_right_to_register(personas):
    with pytest.raises(ValidationFailed) as refused:
        services.person_register_many(actor=None, people=[_entry(5)], consents=["personal_data"])
    assert "consents" in refused.value.field_errors
    with pytest.raises(NotAllowed):
        services.person_register_many(actor=personas[Role.CITIZEN], people=[_entry(6)], consents=BOTH)
    assert not Person.objects.filter(name__startswith="일괄").exists()


def test_a_number_already_parsed_is_registered_as_it_is_and_still_checked(personas):
    people = services.person_register_many(
        actor=None, people=[_entry(11, rrn=parse_rrn("900101-1000011"))], consents=BOTH
    )
    assert Person.objects.get(pk=people[0].pk).rrn == "9001011000011"
    with pytest.raises(ValidationFailed) as refused:  # the parsed number still has to agree with the birth date
        services.person_register_many(actor=None, people=[_entry(12, rrn=parse_rrn("910101-1000012"))], consents=BOTH)
    assert "생년월일" in str(refused.value.field_errors)


def test_registered_people_are_found_by_their_blind_indexes_in_one_look_up(personas):
    from django.test.utils import CaptureQueriesContext

    people = services.person_register_many(actor=None, people=[_entry(n) for n in (21, 22)], consents=BOTH)
    wanted = [rrn_index(parse_rrn(f"900101-1{n:06d}")) for n in (21, 22, 23)]
    with CaptureQueriesContext(connection) as captured:
        found = services.person_ids_by_rrn_index(indexes=wanted)
    assert found == {wanted[0]: people[0].pk, wanted[1]: people[1].pk}
    if connection.vendor == "postgresql":
        assert len(captured) == 1
