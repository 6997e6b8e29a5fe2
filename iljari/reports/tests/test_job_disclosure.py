"""The monthly job disclosure (일자리 목표 공시): targets and achievements by direct/indirect and target group as the
2018 report gives them for '18.6월말, the programmes' counted rows, and the people at work in the month per district
and programme, counted from the placements."""

from datetime import date

import pytest
from django.core.management import call_command

from iljari.core.roles import Role
from iljari.participation import services as participation
from iljari.participation.tests.factories import make_site
from iljari.people.tests.factories import make_person
from iljari.reports.builders.jobs import build_job_disclosure
from iljari.reports.document import Table
from iljari.reports.renderers import render


@pytest.fixture
def office(personas, dataset_2018):
    site = make_site()
    # three at 강동구's New Deal worksite in June, one at the city's, one who left in May, one from July
    for _ in range(3):
        participation.placement_create(
            actor=None, person=make_person(), worksite=site["gangdong"], start_date=date(2018, 3, 2),
            end_date=date(2018, 12, 31), sync=False,
        )  # fmt: skip
    participation.placement_create(
        actor=None, person=make_person(), worksite=site["city"], start_date=date(2018, 3, 2),
        end_date=date(2018, 12, 31), sync=False,
    )  # fmt: skip
    left = participation.placement_create(
        actor=None, person=make_person(), worksite=site["jongno"], start_date=date(2018, 3, 2),
        end_date=date(2018, 12, 31), sync=False,
    )  # fmt: skip
    participation.placement_end(actor=None, placement=left, ended_on=date(2018, 5, 31), reason="personal")
    participation.placement_create(
        actor=None, person=make_person(), worksite=site["jongno"], start_date=date(2018, 7, 2),
        end_date=date(2018, 12, 31), sync=False,
    )  # fmt: skip
    return personas


def _table(document, title) -> Table:
    return next(t for t in document.tables() if t.title == title)


def _texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.body]


def test_the_disclosure_gives_the_reports_targets_and_achievements(office):
    document = build_job_disclosure(user=office[Role.OFFICE_MANAGER], year=2018, as_of=date(2018, 6, 15))
    assert document.title == "2018년 일자리 목표 공시 (6월 추진실적)" and document.as_of_text == "('18. 6월말 기준)"
    rows = {row[0]: row[1:4] for row in _texts(_table(document, "대상별 목표와 실적"))}
    assert rows["총 계"] == ["353,956", "245,657", "69.4%"]
    assert rows["직접일자리"] == ["150,061", "132,391", "88.2%"]
    assert rows["간접일자리"] == ["203,895", "113,266", "55.6%"]
    assert rows["청년"] == ["76,692", "48,697", "63.5%"]
    assert rows["중장년"][:2] == ["(유실)", "42,962"]  # the lost target stays missing
    assert document.charts()[0].categories[0] == "청년"


def test_the_district_table_counts_the_people_at_work_in_the_month(office):
    document = build_job_disclosure(user=office[Role.OFFICE_MANAGER], year=2018, as_of=date(2018, 6, 30))
    rows = {row[0]: row[1:] for row in _texts(_table(document, "자치구별 직접일자리 참여 인원"))}
    assert rows["강동구"] == ["3", "3"] and rows["서울시·기관"] == ["1", "1"]
    assert "종로구" not in rows  # one left in May, one starts in July: nobody at work in June
    assert rows["계"] == ["4", "4"]
    may = build_job_disclosure(user=office[Role.OFFICE_MANAGER], year=2018, as_of=date(2018, 5, 31))
    assert {row[0]: row[1:] for row in _texts(_table(may, "자치구별 직접일자리 참여 인원"))}["종로구"] == ["1", "1"]


def test_the_disclosure_renders_in_every_format_and_from_the_command(office, tmp_path):
    document = build_job_disclosure(user=office[Role.OFFICE_MANAGER], year=2018, as_of=date(2018, 6, 30))
    assert "353,956" in render(document, "md").decode() and "<svg" in render(document, "html").decode()
    out = tmp_path / "jobs.xlsx"
    call_command("report", "jobs", "--year", "2018", "--as-of", "2018-06-30", "--format", "xlsx", "-o", str(out))
    assert out.read_bytes().startswith(b"PK")
