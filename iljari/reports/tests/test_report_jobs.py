"""The dashboard builds the business report in any format in the background: the page starts the job, the job page
shows its progress and then the file; the command line makes the same file with the same refusals."""

import pytest
from django.core.management import CommandError, call_command

from iljari.core.models import BackgroundJob
from iljari.core.roles import Role


@pytest.fixture
def office(personas, media_root, dataset_2018):
    return personas


def test_the_dashboard_offers_every_format_and_builds_the_report_in_the_background(
    office, client_as, django_capture_on_commit_callbacks
):
    manager = client_as(Role.OFFICE_MANAGER)
    dashboard = manager.get("/office/?year=2018&as_of=2018-06-30").content.decode()
    for label in ("PDF", "한글(HWPX)", "엑셀(XLSX)", "Markdown", "HTML"):
        assert f">{label}</option>" in dashboard
    with django_capture_on_commit_callbacks(execute=True):
        response = manager.post("/office/reports/build/?year=2018&as_of=2018-06-30", {"format": "md"})
    job = BackgroundJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert job.title == "2018 주요업무보고 (Markdown, 2018.6.30. 기준)"
    job.refresh_from_db()
    assert job.status == "succeeded" and job.result_name == "2018 주요업무보고(2018.6.30. 기준).md"
    text = b"".join(manager.get(f"/jobs/{job.pk}/download/").streaming_content).decode()
    assert "237,715" in text and "353,956" in text  # 예산현액, 일자리 목표 as the 2018 report prints them


def test_building_refuses_an_unknown_format_and_a_future_date_in_korean(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    bad = manager.post("/office/reports/build/?year=2018&as_of=2018-06-30", {"format": "docx"})
    assert bad.status_code == 400 and "지원하지 않는 형식입니다: docx" in bad.content.decode()
    assert not BackgroundJob.objects.exists()
    assert client_as(Role.DISTRICT_OFFICER).post("/office/reports/build/", {"format": "md"}).status_code == 403


def test_the_command_refuses_in_korean_and_leaves_no_file(office, tmp_path):
    out = tmp_path / "report.md"
    cases = [
        (["--as-of", "2018-06-30", "--format", "docx"], "지원하지 않는 형식입니다: docx"),
        (["--as-of", "2099-01-01", "--format", "md"], "기준일(2099.1.1.)"),
        (["--as-of", "2018-13-01", "--format", "md"], "기준일은 YYYY-MM-DD 형식이어야 합니다"),
    ]
    for arguments, message in cases:
        with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
            call_command("report", "business", "--year", "2018", *arguments, "-o", str(out))
    with pytest.raises(CommandError, match="연도를 확인하십시오"):  # a year with nothing builds (test_empty_year.py)
        call_command("report", "business", "--year", "1999", "--as-of", "1999-06-30", "--format", "md", "-o", str(out))
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a temporary file
    call_command("report", "business", "--year", "2018", "--as-of", "2018-06-30", "--format", "md", "-o", str(out))
    assert "237,715" in out.read_text(encoding="utf-8") and [p.name for p in tmp_path.iterdir()] == ["report.md"]
