"""Jobs that outlive their worker: a running job holds a lease its worker renews; once the lease runs out, a kind that
writes nothing until its end (a report build, a notice batch) runs once more from the start, any other fails saying
that nothing was changed, and the sheet it was started with is removed. The job page shows which.

The last two tests kill real workers mid-job with SIGKILL — `iljari worker` on the database queue, and rq workers
with their work horses on Redis — and watch each kind settle within the lease."""

from __future__ import annotations

import io
import os
import socket
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from iljari.core import jobs
from iljari.core.models import BackgroundJob
from iljari.core.roles import Role
from iljari.core.tests.livesite import LiveSite, kill, waits_at_a_gate

KINDS = {"report": True, "fund_notices": True, "eligibility": False, "selection": False, "import": False}


@task()
def _quick(*, job_id: int, text: str) -> None:
    with jobs.job_run(job_id) as run:
        run.finish(name="결과.txt", content_type="text/plain; charset=utf-8", data=text.encode())


def _stalled(job: BackgroundJob, *, attempts: int = 1, seconds_ago: int = 5) -> None:
    """As a worker leaves it when it dies: running, its lease run out."""
    lease_until = timezone.now() - timedelta(seconds=seconds_ago)
    BackgroundJob.objects.filter(pk=job.pk).update(status="running", attempts=attempts, done=1, total=3,
                                                   lease_until=lease_until)  # fmt: skip


def test_the_apps_register_which_kinds_are_safe_to_repeat():
    assert {kind: jobs.JOB_KINDS[kind].repeatable for kind in KINDS} == KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_a_stalled_job_is_run_again_or_failed_by_its_kind(
    kind, personas, client_as, media_root, django_capture_on_commit_callbacks
):
    manager = personas[Role.OFFICE_MANAGER]
    sheet = ("a.xlsx", b"rows")
    job = jobs.job_start(actor=manager, kind=kind, title="멈춘 작업", task=_quick, upload=sheet, text="끝")
    upload = Path(job.upload.path)
    _stalled(job)
    with django_capture_on_commit_callbacks(execute=True):  # the retry is queued once the reaper commits
        reaped = jobs.jobs_reap()
    job.refresh_from_db()
    page = client_as(Role.OFFICE_MANAGER).get(f"/jobs/{job.pk}/").content.decode()
    assert job.interrupted_at is not None and job.lease_until is None
    if KINDS[kind]:
        assert reaped.retried == [job.pk] and reaped.failed == []
        assert (job.status, job.attempts, job.result.read()) == ("succeeded", 2, "끝".encode())
        assert "처음부터 다시 실행해 마쳤습니다" in page
    else:
        assert reaped.failed == [job.pk] and reaped.retried == [] and job.attempts == 1
        assert job.status == "failed" and job.error.startswith("작업 실행기가 작업 도중 멈춰(")
        assert job.error.endswith("같은 작업을 다시 요청하십시오. 바뀐 자료는 없습니다.")
        assert not job.upload and not upload.exists()  # the sheet (resident numbers) is gone
        assert page.count("바뀐 자료는 없습니다") == 1 and "작업 실행기가 작업 도중 멈춰(" in page


def test_a_repeatable_job_interrupted_twice_fails(personas, django_capture_on_commit_callbacks):
    job = jobs.job_start(actor=personas[Role.OFFICE_MANAGER], kind="report", title="보고서", task=_quick, text="x")
    _stalled(job, attempts=2)
    assert jobs.jobs_reap().failed == [job.pk]
    job.refresh_from_db()
    assert job.status == "failed" and job.error.startswith("작업 실행기가 두 번 멈춰(")


def test_a_job_whose_lease_still_runs_is_left_alone(personas):
    job = jobs.job_start(actor=personas[Role.OFFICE_MANAGER], kind="import", title="엑셀", task=_quick, text="x")
    _stalled(job, seconds_ago=-30)  # the lease ends in 30 seconds
    assert jobs.jobs_reap() == jobs.Reaped([], [])
    assert BackgroundJob.objects.get(pk=job.pk).status == "running"


def test_reading_the_job_page_settles_a_stalled_job(personas, client_as):
    job = jobs.job_start(actor=personas[Role.OFFICE_MANAGER], kind="selection", title="선발", task=_quick, text="x")
    _stalled(job)
    fragment = client_as(Role.OFFICE_MANAGER).get(f"/jobs/{job.pk}/progress/").content.decode()
    assert "작업을 마치지 못했습니다. 작업 실행기가 작업 도중 멈춰(" in fragment and "hx-trigger" not in fragment
    assert BackgroundJob.objects.get(pk=job.pk).status == "failed"


def test_a_run_that_lost_its_lease_changes_nothing(personas, media_root):
    job = jobs.job_start(actor=personas[Role.OFFICE_MANAGER], kind="report", title="보고서", task=_quick, text="x")
    BackgroundJob.objects.filter(pk=job.pk).update(status="running", attempts=2)  # the retry runs now
    old = jobs.JobRun(BackgroundJob.objects.get(pk=job.pk), attempt=1)  # the first run, thought dead
    for write in (
        lambda: old.progress(2, 3, "늦은 보고"),
        lambda: old.finish(name="늦은.txt", content_type="text/plain", data=b"late"),
        lambda: old.complete(summary="늦었습니다"),
    ):
        with pytest.raises(jobs.JobLeaseLost):
            write()
    job.refresh_from_db()
    assert (job.status, job.done, job.result_name, job.summary) == ("running", 0, "", "")
    assert not [path for path in media_root.rglob("*") if path.is_file()]


def test_a_job_already_settled_is_not_run_again(personas):
    job = jobs.job_start(actor=personas[Role.OFFICE_MANAGER], kind="report", title="보고서", task=_quick, text="x")
    BackgroundJob.objects.filter(pk=job.pk).update(status="failed", error="멈춤", attempts=1)
    with pytest.raises(jobs.JobLeaseLost), jobs.job_run(job.pk):
        pytest.fail("the body of a settled job ran")


def test_progress_renews_the_lease(personas, settings):
    settings.ILJARI_JOB_LEASE_SECONDS = 60
    job = jobs.job_start(actor=personas[Role.OFFICE_MANAGER], kind="report", title="보고서", task=_quick, text="x")
    with jobs.job_run(job.pk) as run:
        BackgroundJob.objects.filter(pk=job.pk).update(lease_until=timezone.now())
        run.progress(1, 2, "반")
        lease = BackgroundJob.objects.get(pk=job.pk).lease_until
        assert timedelta(seconds=55) < lease - timezone.now() <= timedelta(seconds=60)
        run.finish(name="a.txt", content_type="text/plain", data=b"a")


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_renews_the_lease_between_progress_reports(personas, settings, media_root):
    settings.ILJARI_JOB_LEASE_SECONDS = 1  # a beat every quarter second
    job = BackgroundJob.objects.create(kind="report", title="보고서", requested_by=personas[Role.OFFICE_MANAGER])
    with jobs.job_run(job.pk) as run:
        time.sleep(2.5)  # no progress for more than twice the lease
        assert jobs.jobs_reap() == jobs.Reaped([], [])
        assert BackgroundJob.objects.get(pk=job.pk).lease_until > timezone.now()
        run.finish(name="a.txt", content_type="text/plain", data=b"a")
    assert BackgroundJob.objects.get(pk=job.pk).lease_until is None


def test_the_jobs_command_reaps_and_prunes(personas, media_root):
    job = jobs.job_start(actor=personas[Role.OFFICE_MANAGER], kind="import", title="엑셀", task=_quick, text="x")
    _stalled(job)
    out = io.StringIO()
    call_command("jobs", "reap", stdout=out)
    assert out.getvalue().strip() == "멈춘 작업 실행기의 작업: 다시 실행 0건, 실패 처리 1건."
    BackgroundJob.objects.filter(pk=job.pk).update(finished_at=timezone.now() - timedelta(days=30))
    call_command("jobs", "prune", stdout=out)
    assert "작업 1건을 지웠습니다" in out.getvalue() and not BackgroundJob.objects.exists()


# --- real workers, killed ------------------------------------------------------------------------------------

LEASE = 4  # seconds: renewed every second by the running workers


def _two_jobs(manager, tmp_path):
    """A report build (repeatable) and an Excel import (not), each stopping at its gate."""
    report = jobs.job_start(
        actor=manager, kind="report", title="보고서 만들기", task=waits_at_a_gate, gate=str(tmp_path / "report")
    )
    sheet = jobs.job_start(
        actor=manager, kind="import", title="엑셀 일괄 신청", task=waits_at_a_gate, upload=("신청.xlsx", b"rows"),
        gate=str(tmp_path / "import"),
    )  # fmt: skip
    return report, sheet


def _both_halfway(site, *jobs_):
    return all(site.job(job.pk)["status"] == "running" and site.job(job.pk)["done"] == 1 for job in jobs_)


def _pid(tmp_path, name: str) -> int:
    return int((tmp_path / f"{name}.pid").read_text(encoding="utf-8"))


def _assert_settled(report, sheet, upload: Path, client) -> None:
    report.refresh_from_db()
    sheet.refresh_from_db()
    assert (report.status, report.attempts, report.result.read()) == ("succeeded", 2, "문을 지났습니다".encode())
    assert report.interrupted_at is not None
    assert "처음부터 다시 실행해 마쳤습니다" in client.get(f"/jobs/{report.pk}/").content.decode()
    assert (sheet.status, sheet.attempts) == ("failed", 1) and sheet.error.endswith("바뀐 자료는 없습니다.")
    assert not sheet.upload and not upload.exists()
    page = client.get(f"/jobs/{sheet.pk}/").content.decode()
    assert "작업 실행기가 작업 도중 멈춰(" in page and page.count("바뀐 자료는 없습니다") == 1


@pytest.mark.django_db(transaction=True)
def test_killing_database_workers_mid_job_retries_a_report_and_fails_an_import_within_the_lease(
    personas, client_as, settings, media_root, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_QUEUE = "db"
    report, sheet = _two_jobs(personas[Role.OFFICE_MANAGER], tmp_path)
    upload = Path(BackgroundJob.objects.get(pk=sheet.pk).upload.path)
    with LiveSite(tmp_path, media_root, TASKS_BACKEND="db", JOB_LEASE_SECONDS=str(LEASE)) as site:
        for _ in range(2):
            site.start("worker")
        site.wait(lambda: _both_halfway(site, report, sheet), timeout=120, what="both jobs running")
        site.start("worker")  # a third worker, idle: the one that is left
        time.sleep(1)
        killed = time.monotonic()
        for name in ("report", "import"):
            kill(_pid(tmp_path, name))  # the worker process itself runs the task
            (tmp_path / name).touch()  # the gates open: the retry goes through
        site.wait(
            lambda: site.job(sheet.pk)["status"] == "failed" and site.job(report.pk)["status"] == "succeeded",
            timeout=120,
            what="the killed workers' jobs settled",
        )
        settled_after = time.monotonic() - killed
        site.load_back()
    # the lease, then at most half a lease until the surviving worker's reaper looks (and a loaded machine)
    assert settled_after < LEASE * 2 + 15, settled_after
    _assert_settled(report, sheet, upload, client_as(Role.OFFICE_MANAGER))


REDIS = ("127.0.0.1", 6379)
REDIS_DB = 13  # the tests' own database, emptied first (test_scale_out uses 15)


def _redis_up() -> bool:
    try:
        socket.create_connection(REDIS, timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(
    not os.environ.get("ILJARI_REQUIRE_REDIS") and not _redis_up(), reason="Redis is not running on 127.0.0.1:6379"
)
@pytest.mark.django_db(transaction=True)
def test_killing_rq_workers_and_their_work_horses_mid_job_retries_a_report_and_fails_an_import(
    personas, client_as, settings, media_root, tmp_path
):
    import django_rq
    from django_tasks_rq import Job

    url = f"redis://{REDIS[0]}:{REDIS[1]}/{REDIS_DB}"
    settings.RQ_QUEUES = {"default": {"URL": url, "DEFAULT_TIMEOUT": 600}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.TASKS_QUEUE = "rq"
    queue = django_rq.get_queue("default", job_class=Job)
    queue.connection.flushdb()
    report, sheet = _two_jobs(personas[Role.OFFICE_MANAGER], tmp_path)
    upload = Path(BackgroundJob.objects.get(pk=sheet.pk).upload.path)
    env = {"TASKS_BACKEND": "rq", "REDIS_URL": url, "JOB_LEASE_SECONDS": str(LEASE)}
    rqworker = ("rqworker", "--job-class", "django_tasks_rq.Job", "default")
    try:
        with LiveSite(tmp_path, media_root, **env) as site:
            workers = [site.start(*rqworker, "--name", f"ops-test-{i}-{os.getpid()}") for i in range(2)]
            site.wait(lambda: _both_halfway(site, report, sheet), timeout=120, what="both jobs running")
            for worker in workers:
                kill(worker.pid)
            for name in ("report", "import"):
                kill(_pid(tmp_path, name))  # the work horse (its own process group) runs the task
                (tmp_path / name).touch()
            killed = time.monotonic()
            # no worker is left: the reaper beside the rq workers (`iljari jobs reap --every`) settles both
            site.start("jobs", "reap", "--every", "1")
            site.wait(lambda: site.job(sheet.pk)["status"] == "failed", timeout=90, what="the import failed")
            settled_after = time.monotonic() - killed
            assert site.job(report.pk)["status"] == "queued"  # in Redis again, for the next worker
            site.start(*rqworker, "--burst", "--name", f"ops-test-after-{os.getpid()}")
            site.wait(lambda: site.job(report.pk)["status"] == "succeeded", timeout=120, what="the report retried")
            site.load_back()
    finally:
        queue.connection.flushdb()
    assert settled_after < LEASE * 2 + 30, settled_after
    _assert_settled(report, sheet, upload, client_as(Role.OFFICE_MANAGER))
