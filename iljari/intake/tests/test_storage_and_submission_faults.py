"""Faults said plainly: the file storage refusing an applicant's document (a full or read-only disk) answers 503 with
a Korean message and writes nothing; a fault between saving the draft and submitting it leaves nothing behind — no
draft with documents the citizen was never told about. A refusal (a document missing) still keeps the draft."""

import threading
from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import connection, connections
from django.test import Client
from django_tasks import task

from iljari.core import jobs
from iljari.core.errors import Unavailable, ValidationFailed
from iljari.core.files import STORAGE_FAILED
from iljari.core.models import BackgroundJob
from iljari.core.roles import Role
from iljari.intake import services
from iljari.intake.models import Application, ApplicationDocument
from iljari.intake.services import applications as applications_module
from iljari.intake.tests.factories import CONSENT, PNG, make_call, stored_files, upload
from iljari.people.tests.factories import make_person


@pytest.fixture
def office(personas, media_root, dataset_2018):
    return personas


@pytest.fixture
def citizen(office):
    make_person(user=office[Role.CITIZEN])
    client = Client(raise_request_exception=False)
    client.force_login(office[Role.CITIZEN])
    return client


@task()
def _nothing(*, job_id: int) -> None:
    pass


def storage_refuses():
    return mock.patch.object(FileSystemStorage, "_save", side_effect=PermissionError(13, "Permission denied"))


@pytest.mark.parametrize("action", ["draft", "submit"])
def test_an_upload_the_storage_refuses_answers_503_in_korean_and_writes_nothing(citizen, media_root, action):
    call = make_call()
    form = {"quota": call.quotas.get(code="CITY").pk, "action": action, **CONSENT}
    with storage_refuses():
        response = citizen.post(
            f"/portal/calls/{call.code}/",
            {**form, "document_0": upload(), "document_1": upload("확인서.png", PNG, "image/png")},
        )
    assert response.status_code == 503
    assert "파일을 저장하지 못했습니다. 잠시 후 다시 시도하세요." in response.content.decode()
    assert not Application.objects.exists() and not ApplicationDocument.objects.exists()
    assert stored_files(media_root) == []


def test_the_second_file_refused_takes_the_first_one_back(citizen, media_root):
    call = make_call()
    real_save = FileSystemStorage._save
    calls = []

    def second_refused(self, name, content):
        calls.append(name)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_save(self, name, content)

    with mock.patch.object(FileSystemStorage, "_save", second_refused):
        response = citizen.post(
            f"/portal/calls/{call.code}/",
            {
                "quota": call.quotas.get(code="CITY").pk,
                "action": "draft",
                "document_0": upload(),
                "document_1": upload("확인서.png", PNG, "image/png"),
            },
        )
    assert response.status_code == 503 and len(calls) == 2
    assert not Application.objects.exists() and stored_files(media_root) == []


def test_a_background_job_whose_upload_the_storage_refuses_is_not_started(office):
    with storage_refuses(), pytest.raises(Unavailable) as error:
        jobs.job_start(
            actor=office[Role.OFFICE_MANAGER], kind="test", title="올린 파일", task=_nothing, upload=("a.xlsx", b"x")
        )
    assert error.value.message == STORAGE_FAILED and error.value.status == 503
    assert not BackgroundJob.objects.exists()


def test_a_fault_between_the_draft_and_the_submission_leaves_no_hidden_draft(citizen, media_root):
    call = make_call()
    with mock.patch.object(applications_module, "application_submit", side_effect=RuntimeError("connection lost")):
        response = citizen.post(
            f"/portal/calls/{call.code}/",
            {
                "quota": call.quotas.get(code="CITY").pk,
                "action": "submit",
                **CONSENT,
                "document_0": upload(),
                "document_1": upload("확인서.png", PNG, "image/png"),
            },
        )
    assert response.status_code == 500
    assert not Application.objects.exists() and not ApplicationDocument.objects.exists()
    assert stored_files(media_root) == []


def test_a_refused_submission_still_keeps_the_draft_and_says_what_is_missing(citizen, media_root):
    call = make_call()
    response = citizen.post(
        f"/portal/calls/{call.code}/",
        {"quota": call.quotas.get(code="CITY").pk, "action": "submit", **CONSENT, "document_0": upload()},
        follow=True,
    )
    assert "올리지 않은 서류: 구직등록 확인서" in response.content.decode()
    application = Application.objects.get(call=call)
    assert application.status == "draft" and application.documents.count() == 1
    assert len(stored_files(media_root)) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_tabs_submitting_with_their_files_at_once_make_one_application(personas, dataset_2018, media_root):
    call = make_call()
    person = make_person()
    quota = call.quotas.get(code="CITY")
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def submit():
        try:
            barrier.wait(timeout=30)
            services.application_save(
                actor=None,
                call=call,
                person=person,
                quota=quota,
                documents={"주민등록등본": upload(), "구직등록 확인서": upload("확인서.png", PNG, "image/png")},
                submit=True,
            )
            outcomes.append("ok")
        except ValidationFailed as error:
            outcomes.append(error.message)
        except Exception as error:  # noqa: BLE001 — a server error is what this test looks for
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(outcomes) <= {"ok", "이미 제출한 신청은 임시저장할 수 없습니다."} and "ok" in outcomes, outcomes
    application = Application.objects.get(call=call, person=person)
    assert application.status == "submitted" and application.documents.count() == 2
    assert len(stored_files(media_root)) == 2  # the losers' files were taken back
