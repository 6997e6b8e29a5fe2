"""A large call's batches run in the background: eligibility, selection and an Excel sheet of paper applications go
to a job page that shows their progress, then what they did and a link back to the call — or every mistake, with
nothing written. A small call (at most settings.ILJARI_INLINE_BATCH_ROWS applications) still answers at once."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from iljari.approvals.services import approval_draft
from iljari.approvals.tests.factories import approve_through, make_official
from iljari.core.models import AccessLogEntry, BackgroundJob
from iljari.core.roles import Position, Role
from iljari.intake import services
from iljari.intake.models import Application, Quota
from iljari.intake.tests.factories import close_call, make_call
from iljari.intake.tests.test_bulk_upload import _counts, _row, _sheet
from iljari.people.models import Person
from iljari.people.tests.factories import make_person


@pytest.fixture
def office(personas, media_root, dataset_2018):
    return personas


@pytest.fixture
def large(settings):
    """Every call counts as large: its batches go to the background."""
    settings.ILJARI_INLINE_BATCH_ROWS = 0
    settings.ILJARI_INLINE_UPLOAD_BYTES = 0


def _applied(call, count) -> list[int]:
    quota = Quota.objects.get(call=call, code="CITY")
    return [
        services.application_submit(actor=None, call=call, person=make_person(), quota=quota).person_id
        for _ in range(count)
    ]


def _job_page(client, response) -> tuple[BackgroundJob, str]:
    job = BackgroundJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    job.refresh_from_db()
    return job, client.get(f"/jobs/{job.pk}/").content.decode()


def test_eligibility_of_a_large_call_runs_as_a_job_that_reports_its_counts(
    office, client_as, large, django_capture_on_commit_callbacks
):
    call = make_call(documents="")
    people = _applied(call, 5)
    Person.objects.filter(pk__in=people[:2]).update(birth_date=date(1960, 1, 1))  # now over 39: ineligible
    staff = client_as(Role.DIVISION_STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/intake/calls/{call.code}/eligibility/")
    job, page = _job_page(staff, response)
    assert job.status == "succeeded" and job.kind == "eligibility" and not job.result_name
    assert "자격 있음 3건, 자격 없음 2건" in page and f'href="/intake/calls/{call.code}/"' in page
    assert Application.objects.filter(call=call, status="ineligible").count() == 2


def test_selection_of_a_large_call_runs_as_a_job_and_a_confirmed_call_is_refused_before_queueing(
    office, client_as, large, django_capture_on_commit_callbacks
):
    call = make_call(documents="")  # 2 + 1 places
    _applied(call, 5)
    staff = client_as(Role.DIVISION_STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        close_call(call)
        response = staff.post(f"/intake/calls/{call.code}/select/", {"seed": "7"})
    job, page = _job_page(staff, response)
    assert job.status == "succeeded" and "선발 2명, 예비 3명 (추첨 기준값 7)" in page  # the CITY quota has 2 places
    assert Application.objects.filter(call=call, status="selected").count() == 2
    chief = make_official("t_chief", position=Position.DIRECTOR)  # the division's head approves the confirmation
    approve_through(
        approval_draft(actor=office[Role.DIVISION_STAFF], act=services.SELECTION_CONFIRM, target=call, approver=chief)
    )
    refused = staff.post(f"/intake/calls/{call.code}/select/", {"seed": "8"})
    assert refused.status_code == 400 and "다시 선발할 수 없습니다" in refused.content.decode()
    assert BackgroundJob.objects.count() == 1  # no second job queued


def test_someone_who_may_not_manage_the_call_cannot_queue_its_batches(office, client_as, large):
    call = make_call()
    district = client_as(Role.DISTRICT_OFFICER)
    assert district.post(f"/intake/calls/{call.code}/eligibility/").status_code in (403, 404)
    assert district.post(f"/intake/calls/{call.code}/select/", {"seed": "1"}).status_code in (403, 404)
    assert not BackgroundJob.objects.exists()


def test_a_large_sheet_is_imported_by_a_job_that_logs_the_people_and_removes_the_upload(
    office, client_as, large, media_root, django_capture_on_commit_callbacks
):
    call = make_call()
    staff = client_as(Role.DIVISION_STAFF)
    rows = [_row("이새롬", date(1995, 6, 7)), _row("박종이", date(1993, 8, 9))]
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/intake/calls/{call.code}/import/",
            {"file": SimpleUploadedFile("a.xlsx", _sheet(rows)), "consented": "on"},
        )
    job, page = _job_page(staff, response)
    assert job.status == "succeeded" and "엑셀 파일의 2행을 저장했습니다." in page
    people = set(Application.objects.filter(call=call).values_list("person_id", flat=True))
    entry = AccessLogEntry.objects.get(action="create")
    assert len(people) == 2 and set(map(int, entry.subject_ids.split(","))) == people
    assert not job.upload and not [p for p in media_root.rglob("*") if p.is_file()]  # the sheet is not kept


def test_a_rejected_large_sheet_fails_its_job_with_every_rows_error_and_writes_nothing(
    office, client_as, large, media_root, django_capture_on_commit_callbacks
):
    call = make_call()
    staff = client_as(Role.DIVISION_STAFF)
    rows = [_row("번호틀림", date(1990, 1, 1), rrn="901301-1234567"), _row("구분없음", date(1995, 6, 7), quota="NOPE")]
    before = _counts()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/intake/calls/{call.code}/import/",
            {"file": SimpleUploadedFile("a.xlsx", _sheet(rows)), "consented": "on"},
        )
    job, page = _job_page(staff, response)
    assert job.status == "failed" and _counts() == before
    assert "<li>4행: 주민등록번호 형식이 올바르지 않습니다.</li>" in page and "5행" in page
    assert "바뀐 자료는 없습니다." in page and "901301-1234567" not in page
    assert not [p for p in media_root.rglob("*") if p.is_file()]


def test_a_large_sheet_without_the_consents_is_refused_before_it_is_queued(office, client_as, large):
    call = make_call()
    response = client_as(Role.DIVISION_STAFF).post(
        f"/intake/calls/{call.code}/import/",
        {"file": SimpleUploadedFile("a.xlsx", _sheet([_row("가", date(1995, 1, 1))]))},
    )
    assert response.status_code == 400 and "동의를 받았는지 확인하십시오" in response.content.decode()
    assert not BackgroundJob.objects.exists()
