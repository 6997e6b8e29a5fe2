"""The business report's option `programme_new_page`: each programme of Ⅲ starts on a new page, as the office may
choose when it prints. Carried from the dashboard's form through the background task, and from the command's
`--programme-new-page`, to the pdf (break-before) and the hwpx (a page break before the programme's heading)."""

import re
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from iljari.core.models import BackgroundJob
from iljari.core.roles import Role
from iljari.core.tests.figure_readers import pdf_text
from iljari.demo.report2018_text_loader import load_report2018_text
from iljari.reports.builders.business import build_business_report
from iljari.reports.document import Heading
from iljari.reports.files import report_file
from iljari.reports.tests.test_hwpx import Package, runs_text

AS_OF = date(2018, 6, 30)
PROGRAMMES_2018 = 21  # the 2018 report's part Ⅲ: 21 programmes under its objectives


@pytest.fixture
def office(dataset_2018, personas, media_root):
    load_report2018_text()
    return personas


def _headings(user) -> list[str]:
    """The programmes' headings ("① 일생활균형 …") as the report prints them."""
    document = build_business_report(user=user, year=2018, as_of=AS_OF)
    headings = [f"{b.number} {b.text}" for b in document.blocks if isinstance(b, Heading) and b.level == 3]
    assert len(headings) == PROGRAMMES_2018
    return headings


def _business(user, fmt: str, **options) -> bytes:
    return report_file(user=user, kind="business", year=2018, as_of=AS_OF, fmt=fmt, **options).data


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _page_tops(pdf: bytes) -> list[str]:
    """Each page's first two lines of text, spaces removed (a heading may wrap onto a second line)."""
    tops = []
    for page in pdf_text(pdf).split("\f"):
        lines = [line for line in page.splitlines() if line.strip()]
        tops.append(_squeezed("".join(lines[:2])))
    return tops


def _at_top(heading: str, tops: list[str]) -> bool:
    return any(top.startswith(_squeezed(heading)[:12]) for top in tops)


def test_with_the_option_each_programme_heads_a_page_of_the_pdf(office):
    user = office[Role.OFFICE_MANAGER]
    headings = _headings(user)

    plain = _business(user, "pdf")
    new_pages = _business(user, "pdf", programme_new_page=True)

    tops = _page_tops(new_pages)
    assert [heading for heading in headings if not _at_top(heading, tops)] == []
    assert len(tops) > len(_page_tops(plain))
    # without the option the programmes run on: some start in the middle of a page
    assert [heading for heading in headings if not _at_top(heading, _page_tops(plain))] != []


def test_with_the_option_the_hwpx_breaks_the_page_before_each_programme(office):
    user = office[Role.OFFICE_MANAGER]
    headings = _headings(user)

    def breaks(data: bytes) -> list[str]:
        return [runs_text(p) for p in Package(data).body() if p.get("pageBreak") == "1"]

    with_option = breaks(_business(user, "hwpx", programme_new_page=True))
    without = breaks(_business(user, "hwpx"))
    assert [heading for heading in headings if heading not in with_option] == []
    assert [heading for heading in headings if heading in without] == []
    assert len(with_option) == len(without) + PROGRAMMES_2018


def test_the_html_marks_the_programmes_to_start_a_page_when_printed(office):
    user = office[Role.OFFICE_MANAGER]
    page = _business(user, "html", programme_new_page=True).decode()
    assert page.count('<h3 class="new-page">') == PROGRAMMES_2018
    assert ".ilj-report .new-page { break-before: page; }" in page
    assert 'class="new-page"' not in _business(user, "html").decode()


def test_the_command_carries_the_option(office, tmp_path):
    out = tmp_path / "report.html"
    call_command(
        "report", "business", "--year", "2018", "--as-of", "2018-06-30", "--format", "html", "-o", str(out),
        "--programme-new-page",
    )  # fmt: skip
    assert out.read_text().count('<h3 class="new-page">') == PROGRAMMES_2018
    call_command("report", "business", "--year", "2018", "--as-of", "2018-06-30", "--format", "html", "-o", str(out))
    assert 'class="new-page"' not in out.read_text()


def test_the_option_is_refused_for_another_report_in_korean(office, tmp_path, client_as):
    out = tmp_path / "jobs.md"
    with pytest.raises(CommandError) as refused:
        call_command(
            "report", "jobs", "--year", "2018", "--as-of", "2018-06-30", "--format", "md", "-o", str(out),
            "--programme-new-page",
        )  # fmt: skip
    assert "사업마다 새 쪽에서 시작하는 선택은 주요업무보고에만 있습니다. (--programme-new-page)" in str(refused.value)
    assert not out.exists()

    manager = client_as(Role.OFFICE_MANAGER)
    bad = manager.post(
        "/office/reports/build/?year=2018&as_of=2018-06-30",
        {"kind": "jobs", "format": "md", "programme_new_page": "1"},
    )
    assert bad.status_code == 400 and "주요업무보고에만 있습니다" in bad.content.decode()
    assert not BackgroundJob.objects.exists()


def test_the_dashboard_builds_it_in_the_background(office, client_as, django_capture_on_commit_callbacks):
    manager = client_as(Role.OFFICE_MANAGER)
    dashboard = manager.get("/office/?year=2018&as_of=2018-06-30").content.decode()
    assert 'name="programme_new_page"' in dashboard and "주요업무보고의 사업마다 새 쪽에서 시작" in dashboard
    with django_capture_on_commit_callbacks(execute=True):
        response = manager.post(
            "/office/reports/build/?year=2018&as_of=2018-06-30",
            {"kind": "business", "format": "html", "programme_new_page": "1"},
        )
    job = BackgroundJob.objects.get()
    assert response["Location"] == f"/jobs/{job.pk}/"
    assert job.title == "2018 주요업무보고 (HTML, 사업마다 새 쪽, 2018.6.30. 기준)"
    job.refresh_from_db()
    assert job.status == "succeeded"
    page = b"".join(manager.get(f"/jobs/{job.pk}/download/").streaming_content).decode()
    assert page.count('<h3 class="new-page">') == PROGRAMMES_2018
