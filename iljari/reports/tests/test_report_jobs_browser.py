"""In a real browser: the manager builds the business report from the dashboard in the background; the job page
waits for the worker, updates itself as the job runs (htmx polling), and then offers the file."""

from pathlib import Path

from iljari.core.models import BackgroundJob
from iljari.testing import BROWSER_MARKS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS


def test_the_job_page_follows_the_report_build_until_the_file_is_ready(
    transactional_db, personas, page, settings, media_root, dataset_2018
):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # the real queue and worker
    settings.TASKS_QUEUE = "db"
    _log_in(page, "t_manager")
    page.wait_for_url("**/")
    page.goto("/office/?year=2018&as_of=2018-06-30")
    page.get_by_label("형식").select_option(label="Markdown")
    page.get_by_role("button", name="보고서 만들기").click()
    page.wait_for_url("**/jobs/*/")
    assert "대기" in page.locator("#job-progress").inner_text()  # queued: the worker has not taken it yet
    call_command("worker", "--batch", verbosity=0)
    link = page.get_by_role("link", name="2018 주요업무보고(2018.6.30. 기준).md 내려받기")
    link.wait_for(timeout=10_000)  # the page polls every second and shows the result without a reload
    assert "완료" in page.locator("#job-progress").inner_text()
    with page.expect_download() as download:
        link.click()
    path = download.value.path()
    assert "237,715" in Path(path).read_text(encoding="utf-8")
    assert BackgroundJob.objects.get().status == "succeeded"


def test_a_programme_sheet_is_built_as_pdf_from_the_programmes_page(
    transactional_db, personas, page, settings, media_root, dataset_2018
):
    from django.core.management import call_command
    from pypdf import PdfReader

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_QUEUE = "db"
    _log_in(page, "t_manager")
    page.wait_for_url("**/")
    page.goto("/plan/programmes/P1-03/?year=2018&as_of=2018-06-30")
    page.get_by_label("형식").select_option(label="PDF")
    page.get_by_role("button", name="사업 요약 만들기").click()
    page.wait_for_url("**/jobs/*/")
    call_command("worker", "--batch", verbosity=0)
    link = page.get_by_role("link", name="사업 요약 P1-03(2018.6.30. 기준).pdf 내려받기")
    link.wait_for(timeout=15_000)
    with page.expect_download() as download:
        link.click()
    reader = PdfReader(download.value.path())
    assert len(reader.pages) == 1  # one page
    text = reader.pages[0].extract_text()
    assert (
        "뉴딜일자리 참여자 지원" in text and "187,341" in text
    )  # the division's 예산현액 as the 2018 report prints it
