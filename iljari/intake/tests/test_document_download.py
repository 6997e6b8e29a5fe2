"""Uploaded documents are never public: the applicant and the staff in scope download them, and every download
is in the access log."""

import pytest
from django.test import Client

from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.intake import services
from iljari.intake.tests.factories import PDF, make_call, upload
from iljari.people.tests.factories import make_person
from iljari.testing import Persona, make_persona


@pytest.fixture
def office(personas, media_root, dataset_2018):
    return personas


@pytest.fixture
def submitted(office):
    """A citizen's application to a call of 일자리정책담당관 (the division staff persona's), documents uploaded."""
    call = make_call()
    person = make_person(user=office[Role.CITIZEN])
    quota = call.quotas.get(code="CITY")
    draft = services.application_draft_save(actor=None, call=call, person=person, quota=quota)
    document = services.application_document_upload(
        actor=None, application=draft, label="주민등록등본", upload=upload("내 등본.pdf")
    )
    services.application_document_upload(actor=None, application=draft, label="구직등록 확인서", upload=upload())
    services.application_submit(actor=None, call=call, person=person, quota=quota)
    return document


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_applicant_downloads_their_own_document_and_the_access_is_logged(office, submitted):
    response = _client(office[Role.CITIZEN]).get(f"/intake/documents/{submitted.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf" and "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    entry = AccessLogEntry.objects.get(action="download")
    assert (entry.username, entry.subject_type, entry.subject_ids) == (
        "t_citizen",
        "people.person",
        str(submitted.application.person_id),
    )
    assert "주민등록등본" in entry.detail


def test_another_citizen_gets_404_and_nothing_is_logged(office, submitted):
    other = make_persona(Persona(Role.CITIZEN, "t_citizen2"))
    make_person(user=other)
    assert _client(other).get(f"/intake/documents/{submitted.pk}/").status_code == 404
    assert not AccessLogEntry.objects.filter(action="download").exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.OFFICE_MANAGER, 200),
        (Role.DIVISION_STAFF, 200),  # the programme's own division
        (Role.AUDITOR, 200),
        (Role.DISTRICT_OFFICER, 404),  # sees its district quotas' applications only: this one is not in scope
        (Role.PARTNER_AGENCY, 403),
        (Role.SYSTEM_ADMIN, 403),
        (Role.ORGANISATION, 403),
    ],
)
def test_office_roles_download_only_in_scope(office, submitted, client_as, role, status):
    response = client_as(role).get(f"/intake/documents/{submitted.pk}/")
    assert response.status_code == status
    assert AccessLogEntry.objects.filter(action="download").count() == (1 if status == 200 else 0)


def test_staff_of_another_division_get_404(office, submitted):
    labour = make_persona(Persona(Role.DIVISION_STAFF, "t_labour", org_unit="LABOUR-POLICY"))
    assert _client(labour).get(f"/intake/documents/{submitted.pk}/").status_code == 404


def test_staff_cannot_open_the_documents_of_a_draft(office, client_as):
    call = make_call()
    draft = services.application_draft_save(
        actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY")
    )
    document = services.application_document_upload(
        actor=None, application=draft, label="주민등록등본", upload=upload()
    )
    assert client_as(Role.OFFICE_MANAGER).get(f"/intake/documents/{document.pk}/").status_code == 404


def test_a_missing_document_is_404_and_anonymous_users_are_sent_to_log_in(office, submitted, client_as):
    assert client_as(Role.OFFICE_MANAGER).get("/intake/documents/999999/").status_code == 404
    response = Client().get(f"/intake/documents/{submitted.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_staff_see_the_documents_on_the_call_page(office, submitted, client_as):
    page = client_as(Role.DIVISION_STAFF).get(f"/intake/calls/{submitted.application.call.code}/").content.decode()
    assert f"/intake/documents/{submitted.pk}/" in page and "온라인" in page
