"""Drafts (임시저장) and the documents a call requires: save, upload, submit; what is refused; what counts."""

from datetime import timedelta

import pytest
from django.test import Client

from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.intake import selectors, services
from iljari.intake.models import Application, ApplicationDocument
from iljari.intake.tests.factories import (
    CONSENT,
    EXE,
    JPEG,
    PNG,
    close_call,
    make_call,
    stored_files,
    upload,
)
from iljari.people.tests.factories import make_person


@pytest.fixture
def office(personas, media_root, dataset_2018):
    return personas


def _draft_with_documents(call, person):
    quota = call.quotas.get(code="CITY")
    draft = services.application_draft_save(actor=None, call=call, person=person, quota=quota)
    services.application_document_upload(actor=None, application=draft, label="주민등록등본", upload=upload())
    services.application_document_upload(
        actor=None, application=draft, label="구직등록 확인서", upload=upload("확인서.png", PNG, "image/png")
    )
    return draft


def test_a_draft_gets_its_documents_and_is_submitted_as_the_same_application(office):
    call = make_call()
    person = make_person()
    draft = _draft_with_documents(call, person)
    assert (draft.status, draft.submitted_at) == ("draft", None)
    submitted = services.application_submit(actor=None, call=call, person=person, quota=call.quotas.get(code="CITY"))
    assert submitted.pk == draft.pk and submitted.status == "submitted" and submitted.submitted_at is not None
    assert Application.objects.filter(call=call, person=person).count() == 1
    kinds = dict(ApplicationDocument.objects.filter(application=draft).values_list("label", "content_type"))
    assert kinds == {"주민등록등본": "application/pdf", "구직등록 확인서": "image/png"}


def test_a_double_click_on_submit_never_makes_two_applications(office):
    call = make_call()
    person = make_person()
    _draft_with_documents(call, person)
    quota = call.quotas.get(code="CITY")
    first = services.application_save(actor=None, call=call, person=person, quota=quota, submit=True)
    again = services.application_save(
        actor=None, call=call, person=person, quota=quota, documents={"주민등록등본": upload()}, submit=True
    )
    assert first.pk == again.pk and again.status == "submitted"
    assert Application.objects.filter(call=call).count() == 1
    assert ApplicationDocument.objects.filter(application=first).count() == 2  # the second click changed nothing


def test_submitting_without_every_document_is_refused_and_names_what_is_missing(office):
    call = make_call()
    person = make_person()
    quota = call.quotas.get(code="CITY")
    draft = services.application_draft_save(actor=None, call=call, person=person, quota=quota)
    services.application_document_upload(actor=None, application=draft, label="주민등록등본", upload=upload())
    with pytest.raises(ValidationFailed, match="올리지 않은 서류: 구직등록 확인서") as caught:
        services.application_submit(actor=None, call=call, person=person, quota=quota)
    assert "주민등록등본," not in caught.value.message
    assert Application.objects.get(pk=draft.pk).status == "draft"  # still a draft
    other = make_person()
    with pytest.raises(ValidationFailed, match="주민등록등본, 구직등록 확인서"):
        services.application_submit(actor=None, call=call, person=other, quota=quota)  # no draft, no document
    assert not Application.objects.filter(person=other).exists()


def test_a_program_renamed_to_pdf_is_refused_by_its_content_and_nothing_is_written(office, media_root):
    call = make_call()
    person = make_person()
    quota = call.quotas.get(code="CITY")
    with pytest.raises(ValidationFailed) as caught:
        services.application_save(
            actor=None,
            call=call,
            person=person,
            quota=quota,
            documents={"주민등록등본": upload("등본.pdf", EXE, "application/pdf")},
        )
    assert caught.value.field_errors["documents"] == [
        "'주민등록등본': PDF, JPG, PNG 파일만 올릴 수 있습니다. 파일 내용이 이 형식이 아닙니다."
    ]
    assert not Application.objects.filter(person=person).exists()
    assert ApplicationDocument.objects.count() == 0 and stored_files(media_root) == []


def test_a_jpeg_is_accepted_whatever_the_browser_calls_it(office):
    call = make_call()
    draft = services.application_draft_save(
        actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY")
    )
    document = services.application_document_upload(
        actor=None, application=draft, label="주민등록등본", upload=upload("scan.bin", JPEG, "application/octet-stream")
    )
    assert document.content_type == "image/jpeg" and document.file.name.endswith(".jpg")


def test_a_file_over_the_limit_is_refused_and_the_limit_is_a_setting(office, settings, media_root):
    assert settings.ILJARI_UPLOAD_MAX_BYTES == 10 * 1024 * 1024
    call = make_call()
    draft = services.application_draft_save(
        actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY")
    )
    too_big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)
    with pytest.raises(ValidationFailed) as caught:
        services.application_document_upload(
            actor=None, application=draft, label="주민등록등본", upload=upload(content=too_big)
        )
    assert caught.value.field_errors["documents"] == [
        "'주민등록등본': 파일이 10MB보다 큽니다. 10MB 이하의 파일을 올리십시오."
    ]
    settings.ILJARI_UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationFailed) as caught:
        services.application_document_upload(
            actor=None, application=draft, label="주민등록등본", upload=upload(content=b"%PDF-" + b"0" * 1024)
        )
    assert "파일이 1KB보다 큽니다" in caught.value.field_errors["documents"][0]
    assert ApplicationDocument.objects.count() == 0 and stored_files(media_root) == []


def test_a_new_upload_replaces_the_old_file(office, media_root, django_capture_on_commit_callbacks):
    call = make_call()
    draft = services.application_draft_save(
        actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY")
    )
    first = services.application_document_upload(actor=None, application=draft, label="주민등록등본", upload=upload())
    with django_capture_on_commit_callbacks(execute=True):
        second = services.application_document_upload(
            actor=None, application=draft, label="주민등록등본", upload=upload("새 등본.png", PNG, "image/png")
        )
    assert first.pk == second.pk and second.original_name == "새 등본.png"
    assert [path.name for path in stored_files(media_root)] == [second.file.name.rsplit("/", 1)[-1]]


def test_files_are_stored_under_media_root_with_a_random_name(office, media_root):
    call = make_call()
    draft = services.application_draft_save(
        actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY")
    )
    document = services.application_document_upload(
        actor=None, application=draft, label="주민등록등본", upload=upload("홍길동_등본.pdf")
    )
    (path,) = stored_files(media_root)
    assert path.is_relative_to(media_root) and "홍길동" not in str(path) and len(path.stem) == 32
    assert document.original_name == "홍길동_등본.pdf" and document.size == path.stat().st_size


def test_after_the_deadline_nothing_is_submitted_and_the_draft_shows_as_closed_unsubmitted(office):
    call = make_call()
    person = make_person(user=office[Role.CITIZEN])
    draft = _draft_with_documents(call, person)
    with pytest.raises(ValidationFailed, match="접수 기간이 아닙니다"):
        services.application_submit(
            actor=None, call=call, person=person, quota=draft.quota, now=call.closes_at + timedelta(seconds=1)
        )
    with pytest.raises(ValidationFailed, match="접수 기간이 아닙니다"):
        services.application_save(
            actor=None, call=call, person=person, quota=draft.quota, submit=True, now=call.closes_at
        )
    type(call).objects.filter(pk=call.pk).update(closes_at=call.opens_at + timedelta(hours=1))  # the call closes
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.status_text == "마감(미제출)"
    citizen = Client()
    citizen.force_login(office[Role.CITIZEN])
    assert "마감(미제출)" in citizen.get("/portal/applications/").content.decode()
    assert "마감(미제출)" in citizen.get(f"/portal/calls/{call.code}/").content.decode()


def test_a_draft_counts_nowhere_is_not_checked_scored_or_selected(office):
    call = make_call(documents="")
    manager = office[Role.OFFICE_MANAGER]
    quota = call.quotas.get(code="CITY")
    submitted = services.application_submit(actor=None, call=call, person=make_person(), quota=quota)
    draft = services.application_draft_save(actor=None, call=call, person=make_person(), quota=quota)
    figures = selectors.call_figures(call=call)
    assert (figures.applicants, figures.ratio) == (1, "0.3:1")
    assert services.eligibility_run(actor=manager, call=call) == (1, 0)
    with pytest.raises(ValidationFailed, match="임시저장"):
        services.review_score_record(actor=manager, application=draft, stage="document_review", score=90)
    close_call(call)
    run = services.selection_run(actor=manager, call=call, seed=1)
    assert (run.selected, run.waitlisted) == (1, 0)
    assert Application.objects.get(pk=draft.pk).status == "draft"
    assert Application.objects.get(pk=submitted.pk).status == "selected"
    listed = selectors.application_list(user=manager, call=call)
    assert [a.pk for a in listed] == [submitted.pk]


def test_a_submitted_application_cannot_go_back_to_draft(office):
    call = make_call(documents="")
    person = make_person()
    quota = call.quotas.get(code="CITY")
    services.application_submit(actor=None, call=call, person=person, quota=quota)
    with pytest.raises(ValidationFailed, match="이미 제출한 신청은 임시저장할 수 없습니다"):
        services.application_draft_save(actor=None, call=call, person=person, quota=quota)


def test_a_citizen_saves_a_draft_uploads_and_submits_on_the_portal(office, media_root):
    call = make_call()
    _person = make_person(user=office[Role.CITIZEN])
    citizen = Client()
    citizen.force_login(office[Role.CITIZEN])
    page = citizen.get(f"/portal/calls/{call.code}/").content.decode()
    assert "임시저장" in page and 'enctype="multipart/form-data"' in page and "주민등록등본" in page
    city = call.quotas.get(code="CITY").pk

    response = citizen.post(
        f"/portal/calls/{call.code}/", {"quota": city, "action": "draft", "document_0": upload()}, follow=True
    )
    assert "임시저장했습니다" in response.content.decode()
    application = Application.objects.get(person=_person)
    assert application.status == "draft" and application.documents.count() == 1
    assert "임시저장" in citizen.get("/portal/applications/").content.decode()

    response = citizen.post(f"/portal/calls/{call.code}/", {"quota": city, "action": "submit", **CONSENT}, follow=True)
    assert "올리지 않은 서류: 구직등록 확인서" in response.content.decode()
    assert Application.objects.get(pk=application.pk).status == "draft"

    response = citizen.post(
        f"/portal/calls/{call.code}/",
        {"quota": city, "action": "submit", **CONSENT, "document_1": upload("확인서.exe.pdf", EXE, "application/pdf")},
        follow=True,
    )
    assert "PDF, JPG, PNG 파일만" in response.content.decode()
    assert application.documents.count() == 1

    response = citizen.post(
        f"/portal/calls/{call.code}/",
        {"quota": city, "action": "submit", **CONSENT, "document_1": upload("확인서.png", PNG, "image/png")},
    )
    assert response.status_code == 302 and response["Location"] == f"/portal/applications/{application.pk}/"
    application.refresh_from_db()
    assert application.status == "submitted" and application.documents.count() == 2
    again = citizen.post(
        f"/portal/calls/{call.code}/", {"quota": city, "action": "submit", **CONSENT}
    )  # a double click
    assert again.status_code == 302 and Application.objects.filter(call=call).count() == 1
    page = citizen.get(f"/portal/calls/{call.code}/").content.decode()
    assert f"접수번호 {application.pk}" in page and 'value="draft"' not in page


def test_the_portal_refuses_a_too_large_file_and_writes_nothing(office, settings, media_root):
    settings.ILJARI_UPLOAD_MAX_BYTES = 2048
    call = make_call()
    make_person(user=office[Role.CITIZEN])
    citizen = Client()
    citizen.force_login(office[Role.CITIZEN])
    assert "PDF, JPG, PNG 파일 2KB까지" in citizen.get(f"/portal/calls/{call.code}/").content.decode()
    response = citizen.post(
        f"/portal/calls/{call.code}/",
        {
            "quota": call.quotas.get(code="CITY").pk,
            "action": "draft",
            "document_0": upload(content=b"%PDF-" + b"0" * 4096),
        },
        follow=True,
    )
    assert "'주민등록등본': 파일이 2KB보다 큽니다" in response.content.decode().replace("&#x27;", "'")
    assert not Application.objects.exists() and stored_files(media_root) == []
