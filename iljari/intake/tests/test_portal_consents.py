"""The consent defects of the citizen's application form (issue 25): a submit without the consents says so once,
keeps what was ticked and chosen, and leaves no draft; a draft the citizen saved can be deleted."""

import re

import pytest
from django.test import Client

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.intake import services
from iljari.intake.models import Application, ApplicationDocument
from iljari.intake.tests.factories import CONSENT, make_call, stored_files, upload
from iljari.people.services import CONSENTS_NEEDED
from iljari.people.tests.factories import make_person


@pytest.fixture
def office(personas, media_root, dataset_2018):
    return personas


@pytest.fixture
def citizen(office):
    make_person(user=office[Role.CITIZEN])
    client = Client()
    client.force_login(office[Role.CITIZEN])
    return client


def _checked(page: str, name: str) -> bool:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)
    return tag is not None and "checked" in tag.group(0)


def test_applying_without_the_consents_says_so_once_and_writes_nothing(office, citizen):
    call = make_call(documents="")
    quota = call.quotas.get(code="DISTRICT").pk
    response = citizen.post(f"/portal/calls/{call.code}/", {"quota": quota, "action": "submit"}, follow=True)
    page = response.content.decode()
    assert response.status_code == 400
    assert page.count(CONSENTS_NEEDED) == 1
    assert not Application.objects.filter(call=call).exists()  # no draft left behind


def test_a_failed_submit_keeps_the_ticks_and_the_quota_chosen(office, citizen):
    call = make_call()  # two documents required, none uploaded: the submission is refused
    quota = call.quotas.get(code="DISTRICT").pk
    page = citizen.post(f"/portal/calls/{call.code}/", {"quota": quota, "action": "submit", **CONSENT}).content.decode()
    assert "올리지 않은 서류: 주민등록등본, 구직등록 확인서" in page
    assert _checked(page, "consent_personal_data") and _checked(page, "consent_unique_identifier")
    assert re.search(rf'<option value="{quota}" selected>', page)
    only_one = citizen.post(
        f"/portal/calls/{call.code}/", {"quota": quota, "action": "submit", "consent_personal_data": "on"}
    ).content.decode()
    assert _checked(only_one, "consent_personal_data") and not _checked(only_one, "consent_unique_identifier")


def test_a_draft_can_be_deleted_with_its_files(office, citizen, media_root, django_capture_on_commit_callbacks):
    call = make_call()
    quota = call.quotas.get(code="CITY").pk
    citizen.post(f"/portal/calls/{call.code}/", {"quota": quota, "action": "draft", "document_0": upload()})
    draft = Application.objects.get(call=call)
    assert draft.status == "draft" and len(stored_files(media_root)) == 1
    assert "임시저장 삭제" in citizen.get(f"/portal/calls/{call.code}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the files go once the deletion commits
        response = citizen.post(f"/portal/applications/{draft.pk}/delete/")
    assert response.status_code == 302
    assert not Application.objects.filter(pk=draft.pk).exists()
    assert not ApplicationDocument.objects.exists() and stored_files(media_root) == []


def test_only_a_draft_is_deleted_and_only_by_its_owner(office, citizen):
    call = make_call(documents="")
    citizen_person = office[Role.CITIZEN].person
    submitted = services.application_submit(
        actor=None, call=call, person=citizen_person, quota=call.quotas.get(code="CITY")
    )
    with pytest.raises(ValidationFailed):
        services.application_draft_delete(actor=office[Role.CITIZEN], application=submitted)
    assert citizen.post(f"/portal/applications/{submitted.pk}/delete/").status_code == 302
    assert Application.objects.get(pk=submitted.pk).status == "submitted"
    someone_else = services.application_draft_save(
        actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY")
    )
    with pytest.raises(NotAllowed):
        services.application_draft_delete(actor=office[Role.CITIZEN], application=someone_else)
    assert citizen.post(f"/portal/applications/{someone_else.pk}/delete/").status_code == 404
    assert Application.objects.filter(pk=someone_else.pk).exists()
