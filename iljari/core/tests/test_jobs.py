"""Long work in the background: a job is started from a page, runs in the worker with its progress on the job page
(polled by htmx), and leaves its file — or the reason it failed and no file — for the user who asked for it."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from iljari.core import jobs
from iljari.core.errors import ValidationFailed
from iljari.core.models import BackgroundJob
from iljari.core.progress import TerminalProgress
from iljari.core.roles import Role


@task()
def _make_file(*, job_id: int, text: str) -> None:
    with jobs.job_run(job_id) as run:
        run.progress(1, 2, "반쯤")
        run.finish(name="결과.txt", content_type="text/plain; charset=utf-8", data=text.encode())


@task()
def _refuse(*, job_id: int) -> None:
    with jobs.job_run(job_id) as run:
        run.progress(1, 3, "읽는 중")
        raise ValidationFailed("자료가 모자랍니다.", field_errors={"year": ["2019년 자료가 없습니다."]})


@task()
def _crash(*, job_id: int) -> None:
    with jobs.job_run(job_id):
        raise RuntimeError("boom")


def test_a_job_runs_once_committed_and_keeps_its_file_for_the_requester(
    personas, client_as, media_root, django_capture_on_commit_callbacks
):
    manager = personas[Role.OFFICE_MANAGER]
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.job_start(actor=manager, kind="test", title="시험 작업", task=_make_file, text="안녕하세요")
    job.refresh_from_db()
    assert (job.status, job.percent, job.result_name) == ("succeeded", 100, "결과.txt")
    assert job.task_id and job.finished_at is not None
    client = client_as(Role.OFFICE_MANAGER)
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "완료" in page and "결과.txt 내려받기" in page and "hx-trigger" not in page  # finished: no polling
    download = client.get(f"/jobs/{job.pk}/download/")
    assert b"".join(download.streaming_content).decode() == "안녕하세요"
    assert download["Cache-Control"] == "private, no-store"
    assert client_as(Role.DIVISION_STAFF).get(f"/jobs/{job.pk}/").status_code == 404  # another user's job
    assert client_as(Role.SYSTEM_ADMIN).get(f"/jobs/{job.pk}/download/").status_code == 200


def test_a_queued_job_page_polls_its_progress(personas, client_as):
    job = BackgroundJob.objects.create(kind="test", title="기다리는 작업", requested_by=personas[Role.DIVISION_STAFF])
    jobs.JobRun(job).progress(2, 5, "표 그리는 중")
    fragment = client_as(Role.DIVISION_STAFF).get(f"/jobs/{job.pk}/progress/").content.decode()
    assert 'hx-trigger="every 1s"' in fragment and f'hx-get="/jobs/{job.pk}/progress/"' in fragment
    assert 'value="40"' in fragment and "표 그리는 중" in fragment
    assert client_as(Role.DIVISION_STAFF).get(f"/jobs/{job.pk}/download/").status_code == 404  # nothing yet


def test_a_users_mistake_fails_the_job_with_its_korean_reason_and_no_file(
    personas, client_as, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.job_start(actor=personas[Role.OFFICE_MANAGER], kind="test", title="거절될 작업", task=_refuse)
    job.refresh_from_db()
    assert job.status == "failed" and job.error_lines == ["자료가 모자랍니다.", "2019년 자료가 없습니다."]
    assert not job.result
    assert not [path for path in media_root.rglob("*") if path.is_file()]  # no half-written file left
    page = client_as(Role.OFFICE_MANAGER).get(f"/jobs/{job.pk}/").content.decode()
    assert "작업을 마치지 못했습니다. 자료가 모자랍니다." in page and "<li>2019년 자료가 없습니다.</li>" in page


def test_an_unexpected_error_fails_the_job_with_a_general_message(personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the task framework records the task as failed
        jobs.job_start(actor=personas[Role.OFFICE_MANAGER], kind="test", title="망가질 작업", task=_crash)
    job = BackgroundJob.objects.get(title="망가질 작업")
    assert job.status == "failed" and job.error == jobs.GENERAL_FAILURE and "boom" not in job.error


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_and_the_worker_run_a_job(personas, settings, media_root):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_QUEUE = "db"
    job = jobs.job_start(
        actor=personas[Role.OFFICE_MANAGER], kind="test", title="대기열 작업", task=_make_file, text="큐"
    )
    job.refresh_from_db()
    assert job.status == "queued" and job.task_id  # waiting for the worker
    call_command("worker", "--batch", verbosity=0)
    job.refresh_from_db()
    assert job.status == "succeeded" and job.result.read() == "큐".encode()


def test_old_results_are_pruned(personas, media_root, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.job_start(
            actor=personas[Role.OFFICE_MANAGER], kind="test", title="오래된 작업", task=_make_file, text="x"
        )
    job.refresh_from_db()
    path = Path(job.result.path)
    assert path.exists() and jobs.jobs_prune(now=timezone.now() + timedelta(days=30)) == 1
    assert not BackgroundJob.objects.filter(pk=job.pk).exists() and not path.exists()


def test_the_terminal_progress_bar_draws_only_on_a_terminal():
    import io

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen, pipe = Terminal(), io.StringIO()
    for stream in (screen, pipe):
        bar = TerminalProgress(stream, width=10)
        bar(1, 2, "절반")
        bar.close()
    assert screen.getvalue() == "\r[#####-----] 1/2 절반" + " " * 38 + "\n"
    assert pipe.getvalue() == ""


@pytest.mark.parametrize("batch", [False, True])
def test_the_worker_never_starts_db_workers_reloader_even_with_debug_on(settings, batch):
    # db_worker reloads by default where DEBUG is on; its reloader restarted the demo's worker from a sys.argv that
    # names the package folder, and the worker died at once
    from django_tasks_db.management.commands.db_worker import Command as DbWorker

    from iljari.core.management.commands.worker import db_worker_arguments

    settings.DEBUG = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    parsed = DbWorker().create_parser("iljari", "db_worker").parse_args(db_worker_arguments(batch=batch, interval=1.0))
    assert parsed.reload is False
    assert parsed.batch is batch and parsed.queue_name == "*" and parsed.startup_delay is False
