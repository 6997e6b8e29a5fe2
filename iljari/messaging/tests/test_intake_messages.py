"""Intake tells people what happened: 접수, 자격 미충족, the selection result on confirmation, promotion."""

from __future__ import annotations

from datetime import date

import pytest

from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.core.sms import MemorySmsSender
from iljari.intake import services
from iljari.intake.models import Application
from iljari.intake.tests.factories import close_call, make_call
from iljari.messaging.models import Message
from iljari.messaging.tests.factories import reachable_person
from iljari.people.tests.factories import BOTH

ONE = [("CITY", "서울시", 2)]


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def test_a_citizens_submission_sends_the_receipt_once(office, django_capture_on_commit_callbacks):
    citizen = office[Role.CITIZEN]
    person = reachable_person(user=citizen, name="김접수")
    call = make_call(documents="", quotas=ONE)
    with django_capture_on_commit_callbacks(execute=True):
        application = services.application_submit(actor=citizen, call=call, person=person, consents=BOTH)
    with django_capture_on_commit_callbacks(execute=True):  # a double click: the same application, no second message
        again = services.application_submit(actor=citizen, call=call, person=person, consents=BOTH)
    assert again.pk == application.pk
    message = Message.objects.get()
    assert (message.template, message.status, message.person_id) == ("application_submitted", "sent", person.pk)
    assert (message.content_type.model, message.object_id) == ("application", application.pk)
    assert "김접수님, 뉴딜일자리 모집 DOCS 신청이" in MemorySmsSender.outbox[0].text
    assert f"접수번호: {application.pk}" in MemorySmsSender.outbox[0].text


def test_a_refused_submission_sends_nothing(office):
    citizen = office[Role.CITIZEN]
    person = reachable_person(user=citizen, birth=date(1950, 1, 1))  # too old for the call's 18–39
    with pytest.raises(ValidationFailed):
        services.application_submit(
            actor=citizen, call=make_call(documents="", quotas=ONE), person=person, consents=BOTH
        )
    assert not Message.objects.exists()


def test_the_eligibility_run_tells_those_who_fail_once(office):
    call = make_call(documents="", quotas=ONE)
    young = reachable_person()
    services.application_submit(actor=None, call=call, person=young)
    old = reachable_person(name="박노년")
    application = services.application_submit(actor=None, call=call, person=old)
    Application.objects.filter(pk=application.pk).update(status=Application.Status.SUBMITTED)
    from iljari.people.models import Person

    Person.objects.filter(pk=old.pk).update(birth_date=date(1950, 1, 1))
    manager = office[Role.OFFICE_MANAGER]
    assert services.eligibility_run(actor=manager, call=call) == (1, 1)
    services.eligibility_run(actor=manager, call=call)  # run again: no second message
    message = Message.objects.get()
    assert (message.person_id, message.template, message.required) == (old.pk, "application_ineligible", True)
    assert "박노년님, 뉴딜일자리 모집 DOCS 신청의 자격 확인 결과" in message.body
    assert "사유: 만 18세 이상 39세 이하만 신청할 수 있습니다" in message.body


def test_confirming_the_selection_tells_every_applicant_their_result(office, django_capture_on_commit_callbacks):
    call = make_call(documents="", quotas=[("CITY", "서울시", 2)])
    people = [reachable_person(phone=f"010-0000-000{i}") for i in range(5)]
    for person in people:
        services.application_submit(actor=None, call=call, person=person)
    close_call(call)
    manager = office[Role.OFFICE_MANAGER]
    services.selection_run(actor=manager, call=call, seed=7)
    assert not Message.objects.exists()  # running the lottery tells nobody: confirming does
    with django_capture_on_commit_callbacks(execute=True):
        services.selection_confirm(actor=manager, call=call)
    statuses = dict(call.applications.values_list("person_id", "status"))
    messages = {m.person_id: m for m in Message.objects.all()}
    assert set(messages) == {p.pk for p in people}
    expected = {
        "selected": "selection_selected",
        "waitlisted": "selection_waitlisted",
        "not_selected": "selection_not_selected",
    }
    for person_id, message in messages.items():
        assert message.template == expected[statuses[person_id]]
        assert message.status == "sent"
    run = call.selection_runs.get()
    waiting = list(
        run.results.filter(outcome=Application.Status.WAITLISTED)
        .order_by("rank")
        .values_list("application__person_id", flat=True)
    )
    assert waiting  # 5 applicants for 2 places: some wait
    for place, person_id in enumerate(waiting, start=1):
        assert f"예비 선발자(예비 {place}번)" in messages[person_id].body
    assert len(MemorySmsSender.outbox) == 5


def test_promotion_from_the_waiting_list_is_told(office):
    call = make_call(documents="", quotas=[("CITY", "서울시", 1)])
    people = [reachable_person() for _ in range(3)]
    for person in people:
        services.application_submit(actor=None, call=call, person=person)
    close_call(call)
    manager = office[Role.OFFICE_MANAGER]
    services.selection_run(actor=None, call=call, seed=3)
    selected = call.applications.get(status=Application.Status.SELECTED)
    services.application_decline(actor=manager, application=selected)
    assert services.waitlist_promote(actor=manager, call=call) == 1
    promoted = call.applications.get(status=Application.Status.SELECTED)
    message = Message.objects.get(template="waitlist_promoted")
    assert message.person_id == promoted.person_id
    assert "예비 선발자에서 선발자로 올라갔습니다" in message.body
