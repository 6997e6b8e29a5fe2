"""An organisation uploads its documents (사업자등록증, 사업계획서) with its application to a call for organisations,
with the same checks as a citizen's: the type by the file's first bytes, the size, a stored name of its own."""

from datetime import timedelta

import pytest
from django.utils import timezone

from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.enterprises import services as enterprise_services
from iljari.enterprises.tests.factories import CRITERIA, make_organisation
from iljari.intake import services
from iljari.intake.models import Application, ApplicationDocument
from iljari.intake.tests.factories import EXE, PDF, PNG, stored_files, upload
from iljari.plan.models import Programme

DOCUMENTS = "사업자등록증\n사업계획서"


@pytest.fixture
def office(personas, media_root, dataset_2018):
    return personas


def _call(code="SME-DOC"):
    opens = timezone.now() - timedelta(days=1)
    return services.call_set(
        actor=None,
        code=code,
        programme=Programme.objects.get(code="P1-01"),
        title="서울형 강소기업 공모(서류)",
        opens_at=opens,
        closes_at=opens + timedelta(days=20),
        announce_on=(opens + timedelta(days=30)).date(),
        quotas=[("SME", "서울형 강소기업", 2)],
        eligibility=[],
        required_documents=DOCUMENTS,
        audience="organisations",
        criteria=CRITERIA,
    )


@pytest.fixture
def company(office, personas):
    company = make_organisation("(주)서류기업")
    enterprise_services.organisation_contact_add(
        actor=None, organisation=company, username=personas[Role.ORGANISATION].username
    )
    return company


def test_the_organisation_uploads_its_documents_and_then_applies(office, company, client_as, media_root):
    call = _call()
    client = client_as(Role.ORGANISATION)
    page = client.get(f"/portal/org/calls/{call.code}/").content.decode()
    assert "사업자등록증" in page and "사업계획서" in page and 'enctype="multipart/form-data"' in page
    # a draft with one file; applying without the other is refused and names it
    response = client.post(
        f"/portal/org/calls/{call.code}/", {"action": "draft", "document_0": upload("등록증.pdf")}, follow=True
    )
    assert "임시저장했습니다" in response.content.decode()
    application = Application.objects.get(call=call, organisation=company)
    assert application.status == "draft" and application.submitted_at is None
    response = client.post(f"/portal/org/calls/{call.code}/", {"action": "submit", "pledge": "on"}, follow=True)
    assert "올리지 않은 서류: 사업계획서" in response.content.decode()
    assert Application.objects.get(pk=application.pk).status == "draft"
    response = client.post(
        f"/portal/org/calls/{call.code}/",
        {"action": "submit", "pledge": "on", "document_1": upload("plan.png", PNG, "image/png")},
    )
    assert response.status_code == 302 and response["Location"] == f"/portal/org/applications/{application.pk}/"
    application.refresh_from_db()
    assert application.status == "submitted" and application.submitted_at is not None
    kinds = dict(application.documents.values_list("label", "content_type"))
    assert kinds == {"사업자등록증": "application/pdf", "사업계획서": "image/png"}
    assert len(stored_files(media_root)) == 2
    # its own documents open for the organisation and for the call's staff; they stay as submitted
    document = application.documents.get(label="사업자등록증")
    assert client.get(f"/intake/documents/{document.pk}/").getvalue() == PDF
    assert client_as(Role.DIVISION_STAFF).get(f"/intake/documents/{document.pk}/").getvalue() == PDF
    with pytest.raises(ValidationFailed, match="이미 제출한 신청"):
        services.application_org_draft_save(actor=None, call=call, organisation=company)


def test_a_disguised_too_big_or_foreign_file_is_refused_and_nothing_is_written(
    office, company, client_as, media_root, settings
):
    call = _call()
    client = client_as(Role.ORGANISATION)
    settings.ILJARI_UPLOAD_MAX_BYTES = 1024
    posts = [
        {"document_0": upload("등록증.pdf", EXE)},  # a program named .pdf
        {"document_1": upload("plan.pdf", PDF + b"\0" * 2000)},  # above the limit
        {"document_0": upload("empty.pdf", b"")},
    ]
    for post in posts:
        response = client.post(f"/portal/org/calls/{call.code}/", {"action": "draft", **post}, follow=True)
        assert "아무것도 저장하지 않았습니다" in response.content.decode() or "빈 파일" in response.content.decode()
    assert not Application.objects.filter(call=call).exists()
    assert stored_files(media_root) == []
    with pytest.raises(ValidationFailed) as caught:
        services.application_org_save(actor=None, call=call, organisation=company, documents={"주민등록등본": upload()})
    assert caught.value.field_errors["documents"] == ["'주민등록등본'은 이 공고의 제출 서류가 아닙니다."]
    assert stored_files(media_root) == [] and not ApplicationDocument.objects.exists()


def test_a_file_name_cannot_climb_out_of_the_media_directory(office, company, media_root):
    call = _call()
    services.application_org_save(
        actor=None, call=call, organisation=company, documents={"사업계획서": upload("../../../etc/passwd.pdf")}
    )
    document = ApplicationDocument.objects.get()
    assert document.original_name == "passwd.pdf"
    assert document.file.name.startswith("intake/documents/") and ".." not in document.file.name
    (stored,) = stored_files(media_root)
    assert stored.resolve().is_relative_to(media_root.resolve())


def test_another_organisations_documents_are_not_found(office, company, client_as, personas):
    call = _call()
    other = make_organisation("(주)다른기업")
    services.application_org_save(
        actor=None, call=call, organisation=other, documents={"사업계획서": upload("plan.pdf")}
    )
    document = ApplicationDocument.objects.get()
    assert client_as(Role.ORGANISATION).get(f"/intake/documents/{document.pk}/").status_code == 404
    assert client_as(Role.CITIZEN).get(f"/intake/documents/{document.pk}/").status_code == 404
    # an organisation account applies only for its own organisation
    from iljari.core.errors import NotAllowed

    with pytest.raises(NotAllowed):
        services.application_org_save(
            actor=personas[Role.ORGANISATION], call=call, organisation=other, documents={}, submit=True
        )
