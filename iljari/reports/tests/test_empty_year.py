"""Every report builds for any year with whatever data it has: the business report and the job disclosure of a 2019
just opened from 2018 (definitions, no figures), and of 2017, a year with nothing at all, in every format. A
section with nothing yet says so in Korean ("2019년 자료가 아직 없습니다.") and never fails."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from iljari.core.roles import Role
from iljari.core.tests.figure_readers import hwpx_text, pdf_text
from iljari.core.years import year_open
from iljari.reports.files import report_file
from iljari.reports.renderers import RENDERERS

pytestmark = pytest.mark.django_db

FORMATS = list(RENDERERS)


def _text(fmt: str, data: bytes) -> str:
    if fmt in ("md", "html"):
        return data.decode("utf-8")
    if fmt == "pdf":
        return pdf_text(data)
    if fmt == "hwpx":
        return hwpx_text(data)
    book = load_workbook(io.BytesIO(data))
    return "\n".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v)


@pytest.fixture
def opened_2019(dataset_2018):
    year_open(actor=None, to_year=2019, from_year=2018)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_business_report_of_an_opened_empty_2019(opened_2019, personas, fmt):
    built = report_file(
        user=personas[Role.OFFICE_MANAGER], kind="business", year=2019, as_of=date(2019, 1, 31), fmt=fmt
    )
    text = " ".join(_text(fmt, built.data).split())
    assert "2019 주요업무보고" in text or fmt == "xlsx"
    assert "청년 일자리" in text or "일자리" in text  # the carried objectives and programmes are there
    assert "2019년 예산 집행 자료가 아직 없습니다." in text
    assert "2019년 일자리 목표가 아직 정해지지 않았습니다(" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_business_report_of_a_year_with_nothing(dataset_2018, personas, fmt):
    built = report_file(
        user=personas[Role.OFFICE_MANAGER], kind="business", year=2017, as_of=date(2017, 6, 30), fmt=fmt
    )
    text = " ".join(_text(fmt, built.data).split())
    assert "2017년 자료가 아직 없습니다." in text
    assert "2017년 예산 집행 자료가 아직 없습니다." in text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("year", [2019, 2017])
def test_the_job_disclosure_of_an_empty_year(opened_2019, personas, fmt, year):
    built = report_file(user=personas[Role.OFFICE_MANAGER], kind="jobs", year=year, as_of=date(year, 1, 31), fmt=fmt)
    text = " ".join(_text(fmt, built.data).split())
    assert f"{year}년 일자리 목표가 아직 정해지지 않았습니다(" in text
