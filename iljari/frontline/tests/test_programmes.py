"""Programme registration: never over capacity (also for concurrent requests on PostgreSQL), once per citizen,
staff register named participants (the forum, the academies), cancelling frees the place; completion needs the
programme's attended sessions."""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from iljari.core.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from iljari.core.roles import Role
from iljari.frontline import selectors, services
from iljari.frontline.models import Programme, ProgrammeSession, Registration
from iljari.frontline.tests.factories import make_frontline, next_weekday
from iljari.org.models import OrgUnit
from iljari.testing import Persona, make_org, make_persona


def test_a_citizen_registers_once_and_cancelling_frees_the_place(frontline, personas):
    citizen = personas[Role.CITIZEN]
    session = frontline["session"]
    registration = services.registration_create(actor=citizen, session=session)
    with pytest.raises(ValidationFailed) as error:
        services.registration_create(actor=citizen, session=session)
    assert error.value.message == "이미 이 회차에 신청했습니다."
    services.registration_cancel(actor=citizen, registration=registration)
    session.refresh_from_db()
    assert session.registered == 0
    services.registration_create(actor=citizen, session=session)  # may register again after cancelling
    assert Registration.objects.filter(session=session, cancelled=False).count() == 1


def test_staff_register_named_participants_for_a_forum_session_up_to_its_capacity(frontline, personas):
    forum = Programme.objects.create(
        code="FORUM-TEST",
        title="국제포럼",
        kind=Programme.Kind.FORUM,
        division=OrgUnit.objects.get(code="JOBS-POLICY"),
        public=False,
    )
    session = ProgrammeSession.objects.create(programme=forum, title="개막식", day=next_weekday(1), capacity=2)
    staff = personas[Role.DIVISION_STAFF]
    with pytest.raises(ValidationFailed) as error:
        services.registration_create(actor=staff, session=session)
    assert error.value.field_errors["participant"] == ["참가자 이름을 입력하십시오."]
    services.registration_create(actor=staff, session=session, participant="ILO 대표")
    services.registration_create(actor=staff, session=session, participant="OECD 대표")
    with pytest.raises(Conflict) as error:
        services.registration_create(actor=staff, session=session, participant="시민")
    assert error.value.message == "국제포럼 개막식은 정원(2명)이 다 찼습니다."
    with pytest.raises(ValidationFailed) as error:
        services.registration_create(actor=personas[Role.CITIZEN], session=session)
    assert error.value.message == "이 프로그램은 포털에서 신청을 받지 않습니다."
    with pytest.raises(NotAllowed):
        services.registration_create(actor=personas[Role.AUDITOR], session=frontline["session"])


def test_a_completion_needs_the_sessions_the_programme_asks(frontline, personas):
    citizen = personas[Role.CITIZEN]
    programme = frontline["programme"]
    programme.sessions_to_complete = 2
    programme.save()
    first = ProgrammeSession.objects.create(programme=programme, title="2회차", day=date(2018, 5, 2), capacity=5)
    Registration.objects.create(session=first, user=citizen, participant="한시민", attended=True)
    with pytest.raises(NotFound, match="수료하지 않아"):
        selectors.certificate_get(user=citizen, programme_code=programme.code)
    second = ProgrammeSession.objects.create(programme=programme, title="3회차", day=date(2018, 5, 9), capacity=5)
    Registration.objects.create(session=second, user=citizen, participant="한시민", attended=True)
    certificate = selectors.certificate_get(user=citizen, programme_code=programme.code)
    assert (certificate.attended, certificate.last_day) == (2, date(2018, 5, 9))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_pass_the_capacity():
    make_org()
    made = make_frontline()  # the session holds 2
    citizens = [make_persona(Persona(Role.CITIZEN, f"t_reg{n}")) for n in range(6)]
    barrier = threading.Barrier(len(citizens))
    outcomes: list[str] = []

    def register(citizen):
        try:
            barrier.wait()
            services.registration_create(actor=citizen, session=made["session"])
            outcomes.append("registered")
        except Conflict:
            outcomes.append("full")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(citizen,)) for citizen in citizens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["full"] * 4 + ["registered"] * 2
    made["session"].refresh_from_db()
    assert made["session"].registered == 2
    assert Registration.objects.filter(session=made["session"]).count() == 2
