"""Paper applications registered by the call's staff: a registered person found by resident number, or a new
person registered on the spot; the same rules as online."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.intake import services
from iljari.intake.models import Application
from iljari.intake.tests.factories import make_call
from iljari.org.models import District
from iljari.people.models import Person
from iljari.people.tests.factories import make_person, rrn_for
from iljari.testing import Persona, make_persona


@pytest.fixture
def office(personas, media_root, dataset_2018):
    return personas


def _new_person(birth=date(1992, 3, 4), **extra):
    return {
        "name": "서면신청",
        "birth_date": birth,
        "sex": "M",
        "district": District.objects.get(code="11740"),
        "income_status": "none",
        **extra,
    }


BOTH = ["personal_data", "unique_identifier"]


def test_a_registered_person_is_found_by_resident_number(office):
    call = make_call()
    person = make_person()
    application = services.application_paper_register(
        actor=office[Role.DIVISION_STAFF],
        call=call,
        quota=call.quotas.get(code="DISTRICT"),
        rrn=person.rrn,
        consents=BOTH,
    )
    assert (application.person, application.channel, application.status) == (person, "paper", "submitted")
    assert person.consents.filter(context__startswith="서면 신청").count() == 2  # the paper form's, with it


def test_a_paper_application_without_both_consents_is_refused(office):
    call = make_call()
    person = make_person()
    with pytest.raises(ValidationFailed) as caught:
        services.application_paper_register(
            actor=office[Role.DIVISION_STAFF], call=call, quota=call.quotas.first(), rrn=person.rrn, consents=BOTH[:1]
        )
    assert "consents" in caught.value.field_errors
    assert not Application.objects.filter(person=person).exists()


def test_a_new_person_is_registered_on_the_spot_with_their_consents(office):
    call = make_call()
    rrn = rrn_for(date(1992, 3, 4))
    application = services.application_paper_register(
        actor=office[Role.DIVISION_STAFF],
        call=call,
        quota=call.quotas.get(code="CITY"),
        rrn=rrn,
        person_details=_new_person(),
        consents=BOTH,
    )
    person = application.person
    assert person.name == "서면신청" and person.consents.count() == 2
    assert application.channel == "paper" and not application.documents.exists()  # the documents are on paper


def test_a_paper_application_needs_no_upload_but_the_same_rules(office):
    call = make_call()
    staff = office[Role.DIVISION_STAFF]
    rrn = rrn_for(date(1960, 1, 1))
    with pytest.raises(ValidationFailed) as caught:
        services.application_paper_register(
            actor=staff,
            call=call,
            quota=call.quotas.get(code="CITY"),
            rrn=rrn,
            person_details=_new_person(birth=date(1960, 1, 1)),
            consents=BOTH,
        )
    assert caught.value.field_errors["eligibility"][0].startswith("만 18세 이상 39세 이하만")
    assert not Person.objects.filter(name="서면신청").exists()  # nothing written, not even the person


def test_a_person_not_yet_registered_needs_their_particulars(office):
    call = make_call()
    with pytest.raises(ValidationFailed) as caught:
        services.application_paper_register(
            actor=office[Role.DIVISION_STAFF],
            call=call,
            quota=call.quotas.first(),
            rrn=rrn_for(date(1990, 1, 1)),
            consents=BOTH,
        )
    assert set(caught.value.field_errors) == {"name", "birth_date", "sex"}


def test_once_per_call_and_only_in_the_call_period(office):
    call = make_call(documents="")
    staff = office[Role.DIVISION_STAFF]
    person = make_person()
    online = services.application_submit(actor=None, call=call, person=person, quota=call.quotas.first())
    with pytest.raises(ValidationFailed, match=f"이미 이 공고에 신청한 사람입니다\\(접수번호 {online.pk}\\)"):
        services.application_paper_register(
            actor=staff, call=call, quota=call.quotas.first(), rrn=person.rrn, consents=BOTH
        )
    closed = make_call("CLOSED", opens=timezone.now() - timedelta(days=10), days=5)
    with pytest.raises(ValidationFailed, match="접수 기간이 아닙니다"):
        services.application_paper_register(
            actor=staff, call=closed, quota=closed.quotas.first(), rrn=person.rrn, consents=BOTH
        )
    assert Application.objects.filter(person=person).count() == 1


def test_a_draft_left_online_becomes_the_paper_application(office):
    call = make_call()
    person = make_person()
    draft = services.application_draft_save(actor=None, call=call, person=person, quota=call.quotas.first())
    application = services.application_paper_register(
        actor=office[Role.DIVISION_STAFF], call=call, quota=call.quotas.first(), rrn=person.rrn, consents=BOTH
    )
    assert application.pk == draft.pk and (application.status, application.channel) == ("submitted", "paper")


def test_only_the_programmes_division_or_the_manager_register_paper_applications(office):
    call = make_call()
    person = make_person()
    labour = make_persona(Persona(Role.DIVISION_STAFF, "t_labour", org_unit="LABOUR-POLICY"))
    for actor in (labour, office[Role.DISTRICT_OFFICER], office[Role.AUDITOR], office[Role.CITIZEN]):
        with pytest.raises(NotAllowed):
            services.application_paper_register(
                actor=actor, call=call, quota=call.quotas.first(), rrn=person.rrn, consents=BOTH
            )
    services.application_paper_register(
        actor=office[Role.OFFICE_MANAGER], call=call, quota=call.quotas.first(), rrn=person.rrn, consents=BOTH
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.OFFICE_MANAGER, 200),
        (Role.DIVISION_STAFF, 200),
        (Role.AUDITOR, 403),
        (Role.DISTRICT_OFFICER, 404),  # the call has no quota of 강동구: not in the officer's scope
        (Role.PARTNER_AGENCY, 403),
        (Role.SYSTEM_ADMIN, 403),
        (Role.CITIZEN, 403),
        (Role.ORGANISATION, 403),
    ],
)
def test_the_paper_and_upload_pages_are_for_the_calls_staff(office, client_as, role, status):
    call = make_call()
    client = client_as(role)
    for path in (
        f"/intake/calls/{call.code}/paper/",
        f"/intake/calls/{call.code}/import/",
        f"/intake/calls/{call.code}/import/template.xlsx",
    ):
        assert client.get(path).status_code == status, path


def test_staff_of_another_division_cannot_open_the_paper_page(office):
    from django.test import Client

    call = make_call()
    labour = make_persona(Persona(Role.DIVISION_STAFF, "t_labour", org_unit="LABOUR-POLICY"))
    client = Client()
    client.force_login(labour)
    assert client.get(f"/intake/calls/{call.code}/paper/").status_code == 403
    assert client.get(f"/intake/calls/{call.code}/import/").status_code == 403


def test_staff_register_a_paper_application_on_the_page_and_it_is_logged(office, client_as):
    call = make_call()
    staff = client_as(Role.DIVISION_STAFF)
    rrn = rrn_for(date(1992, 3, 4))
    form = {
        "quota": call.quotas.get(code="CITY").pk,
        "rrn": rrn,
        "name": "종이신청",
        "birth_date": "1992-03-04",
        "sex": "M",
        "district": District.objects.get(code="11740").pk,
        "income_status": "none",
        "consent_personal_data": "on",
        "consent_unique_identifier": "on",
    }
    response = staff.post(f"/intake/calls/{call.code}/paper/", form, follow=True)
    page = response.content.decode()
    application = Application.objects.get(call=call, person__name="종이신청")
    assert f"접수번호 {application.pk}" in page and rrn not in page
    entry = AccessLogEntry.objects.get(action="create")
    assert entry.subject_ids == str(application.person_id) and entry.username == "t_staff"
    again = staff.post(f"/intake/calls/{call.code}/paper/", {"quota": form["quota"], "rrn": rrn})
    assert again.status_code == 400 and "이미 이 공고에 신청한 사람입니다" in again.content.decode()
    assert rrn not in again.content.decode()
