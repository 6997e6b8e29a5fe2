"""In a real browser: the manager ticks "each programme on a new page" on the dashboard's report form and the
background job builds the business report with it."""

import os
from pathlib import Path

from iljari.core.models import BackgroundJob
from iljari.testing import BROWSER_MARKS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS


def test_the_dashboard_form_carries_the_new_page_option_to_the_job(
    transactional_db, personas, page, settings, media_root, dataset_2018
):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_QUEUE = "db"
    _log_in(page, "t_manager")
    page.wait_for_url("**/")
    page.goto("/office/?year=2018&as_of=2018-06-30")
    page.get_by_label("형식").select_option(label="HTML")
    option = page.get_by_label("주요업무보고의 사업마다 새 쪽에서 시작")
    assert not option.is_checked()  # off unless the office asks for it
    page.locator("label", has_text="주요업무보고의 사업마다 새 쪽에서 시작").click()  # KRDS draws the box on the label
    assert option.is_checked()
    if os.environ.get("ILJARI_SCREENSHOT"):
        page.locator("form.ilj-inline-form").first.screenshot(path=os.environ["ILJARI_SCREENSHOT"])
    page.get_by_role("button", name="보고서 만들기").click()
    page.wait_for_url("**/jobs/*/")
    call_command("worker", "--batch", verbosity=0)
    link = page.get_by_role("link", name="2018 주요업무보고(2018.6.30. 기준).html 내려받기")
    link.wait_for(timeout=10_000)
    with page.expect_download() as download:
        link.click()
    html = Path(download.value.path()).read_text(encoding="utf-8")
    assert html.count('<h3 class="new-page">') > 0
    job = BackgroundJob.objects.get()
    assert job.status == "succeeded" and "사업마다 새 쪽" in job.title
