"""Figures within their kind's bounds (issue 21): the API, the forms and the sheets refuse what lies outside
(NaN, Infinity, 1e30, 2^63, 기준일 of another century) with a Korean message and write nothing; and a figure
already stored out of bounds (written around the application) is shown flagged, never a 500."""

from __future__ import annotations

import html
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.core.errors import ValidationFailed
from iljari.core.figures import COUNT, FLAG_TEXT, OFFICE_DATE, QUANTITY
from iljari.core.roles import Role
from iljari.core.xlsx import xlsx_table
from iljari.performance import services
from iljari.performance.models import IndicatorValue, JobAchievement
from iljari.performance.selectors import INDICATOR_COLUMNS, JOB_COLUMNS
from iljari.testing import written_around_the_application
from iljari.testing_figures import beyond, dates_beyond, not_numbers

VALUES = "/api/performance/indicators/values"
ACHIEVEMENTS = "/api/performance/jobs/achievements"
INDICATOR_IMPORT = "/performance/indicators/import/?year=2018"


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


def korean(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


# --- the API ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [1e30, "1e30", "1e400", "NaN", "Infinity", "-1", "10000000000000.01"])
def test_an_indicator_value_outside_its_bounds_is_refused_through_the_api(office, client_as, value):
    before = IndicatorValue.objects.count()
    body = {"indicator": "IND-01", "year": 2018, "kind": "actual", "as_of": "2018-07-31", "value": value}

    response = post(client_as(Role.OFFICE_MANAGER), VALUES, body)

    assert response.status_code == 422, response.content
    assert [e["field"] for e in response.json()["errors"]] == ["value"]
    assert IndicatorValue.objects.count() == before


@pytest.mark.parametrize("achieved", [2**63 - 1, 2**63, 10**30, 100_000_001])
def test_a_job_achievement_beyond_any_count_is_refused_through_the_api(office, client_as, achieved):
    before = JobAchievement.objects.count()
    body = {"year": 2018, "key": "youth", "as_of": "2018-07-31", "achieved": achieved}

    response = post(client_as(Role.OFFICE_MANAGER), ACHIEVEMENTS, body)

    assert response.status_code == 422, response.content
    assert JobAchievement.objects.count() == before


@pytest.mark.parametrize("as_of", ["0001-01-01", "1000-01-01", "2099-01-01", "9999-12-31"])
def test_an_indicator_target_dated_far_from_its_year_is_refused(office, client_as, as_of):
    body = {"indicator": "IND-01", "year": 2018, "kind": "target", "as_of": as_of, "value": "10"}

    response = post(client_as(Role.OFFICE_MANAGER), VALUES, body)

    assert response.status_code in (400, 422), response.content
    assert [e["field"] for e in response.json()["errors"]] == ["as_of"]
    assert korean(response.json()["errors"][0]["message"])


def test_a_target_dated_in_the_year_before_is_still_taken(office, client_as):
    body = {"indicator": "IND-01", "year": 2018, "kind": "target", "as_of": "2017-12-31", "value": "150"}

    assert post(client_as(Role.OFFICE_MANAGER), VALUES, body).status_code == 201


# --- the sheets -------------------------------------------------------------------------------------------


def indicator_sheet(value, as_of="2018-07-31") -> bytes:
    row = {"code": "IND-01", "year": 2018, "kind": "실적", "as_of": as_of, "value": value}
    return xlsx_table(title="정책지표", columns=INDICATOR_COLUMNS, rows=[row])


def job_sheet(achieved) -> bytes:
    row = {"year": 2018, "key": "youth", "as_of": "2018-07-31", "achieved": achieved}
    return xlsx_table(title="일자리 실적", columns=JOB_COLUMNS, rows=[row])


def upload(client, url: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile("sheet.xlsx", data, content_type="application/octet-stream")
    return client.post(url, {"file": file})


@pytest.mark.parametrize("value", [10**20, "1e400", "1e30", "NaN", "Infinity", "-Infinity", "sNaN", "-5"])
def test_an_indicator_sheet_with_a_value_outside_its_bounds_changes_nothing(office, client_as, value):
    before = list(IndicatorValue.objects.values_list("pk", "value"))

    response = upload(
        client_as(Role.OFFICE_MANAGER), "/performance/indicators/import/?year=2018", indicator_sheet(value)
    )

    assert response.status_code == 400
    text = response.content.decode()
    assert "4행 &#x27;값&#x27;" in text or "4행 '값'" in text
    assert list(IndicatorValue.objects.values_list("pk", "value")) == before


@pytest.mark.parametrize("as_of", ["1000-01-01", "2099-01-01", "2020-01-01"])
def test_an_indicator_sheet_dated_outside_its_year_changes_nothing(office, client_as, as_of):
    before = IndicatorValue.objects.count()
    sheet = indicator_sheet(5, as_of=as_of)
    row = {"code": "IND-01", "year": 2018, "kind": "목표", "as_of": as_of, "value": 5}
    target_sheet = xlsx_table(title="정책지표", columns=INDICATOR_COLUMNS, rows=[row])

    for data in (sheet, target_sheet):
        response = upload(client_as(Role.OFFICE_MANAGER), INDICATOR_IMPORT, data)
        assert response.status_code == 400
        assert "기준일" in response.content.decode()
    assert IndicatorValue.objects.count() == before


@pytest.mark.parametrize("achieved", [2**63, 2**63 - 1, 10**30, "NaN", "Infinity", "sNaN", "1e400"])
def test_a_job_sheet_beyond_any_count_changes_nothing(office, client_as, achieved):
    before = JobAchievement.objects.count()

    response = upload(client_as(Role.OFFICE_MANAGER), "/performance/jobs/import/?year=2018", job_sheet(achieved))

    assert response.status_code == 400
    assert "실적(개)" in response.content.decode()
    assert JobAchievement.objects.count() == before


# --- figures stored out of bounds -------------------------------------------------------------------------


def huge_decimal() -> str:
    # SQLite holds anything; PostgreSQL's numeric(16,2) holds up to 10^14, past the kind's 10^13
    return "1e30" if connection.vendor == "sqlite" else "50000000000000"


def huge_integer() -> str:
    return "1e20" if connection.vendor == "sqlite" else "2000000000"


@pytest.fixture
def odd_figures(office):
    value = IndicatorValue.objects.filter(indicator__code="IND-01", year=2018).order_by("pk").first()
    achievement = JobAchievement.objects.filter(job_target__year=2018, job_target__programme__isnull=True).first()
    with written_around_the_application(IndicatorValue, JobAchievement), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {IndicatorValue._meta.db_table} SET value = {huge_decimal()} WHERE id = %s", [value.pk])
        cursor.execute(
            f"UPDATE {JobAchievement._meta.db_table} SET achieved = {huge_integer()} WHERE id = %s",
            [achievement.pk],
        )
    return value, achievement


PAGES = [
    "/office/?year=2018",
    "/office/business/?year=2018",
    "/performance/indicators/?year=2018",
    "/performance/indicators/IND-01/?year=2018",
    "/performance/jobs/?year=2018",
    "/performance/validation/?year=2018",
]


@pytest.mark.parametrize("url", PAGES)
def test_a_page_showing_a_figure_stored_out_of_bounds_answers_with_the_flag(odd_figures, client_as, url):
    response = client_as(Role.OFFICE_MANAGER).get(url)

    assert response.status_code == 200
    if "validation" not in url:
        assert FLAG_TEXT in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/performance/indicators/export.xlsx?year=2018", "/performance/jobs/export.xlsx?year=2018"]
)
def test_an_export_with_a_figure_stored_out_of_bounds_answers(odd_figures, client_as, url):
    assert client_as(Role.OFFICE_MANAGER).get(url).status_code == 200


@pytest.mark.parametrize(
    "url", ["/api/performance/indicators?year=2018", "/api/performance/jobs?year=2018", "/api/performance/validation"]
)
def test_the_api_lists_with_a_figure_stored_out_of_bounds_answer(odd_figures, client_as, url):
    response = client_as(Role.OFFICE_MANAGER).get(url)

    assert response.status_code == 200
    if "validation" not in url:
        assert FLAG_TEXT in response.content.decode()


def test_a_figure_stored_out_of_bounds_reads_back_flagged(odd_figures):
    value, _ = odd_figures

    read = IndicatorValue.objects.get(pk=value.pk).value

    assert isinstance(read, Decimal) and getattr(read, "raw", None)


def test_the_validation_page_lists_figures_stored_out_of_bounds_to_the_office_manager(odd_figures, client_as):
    manager = client_as(Role.OFFICE_MANAGER).get("/performance/validation/?year=2018").content.decode()
    staff = client_as(Role.DIVISION_STAFF).get("/performance/validation/?year=2018").content.decode()

    assert "범위 밖 저장값" in manager
    assert "정책지표 값" in manager and "일자리 실적" in manager
    assert "범위 밖 저장값" not in staff


def test_check_figures_names_each_figure_stored_out_of_bounds(odd_figures):
    value, achievement = odd_figures
    out = io.StringIO()

    with pytest.raises(SystemExit) as exit_:
        call_command("check-figures", stdout=out)

    assert exit_.value.code == 1
    lines = out.getvalue().splitlines()
    assert any(f"performance.indicatorvalue) #{value.pk} 값" in line for line in lines)
    assert any(f"performance.jobachievement) #{achievement.pk} 실적(개)" in line for line in lines)


def test_check_figures_finds_nothing_in_the_2018_dataset(office):
    out = io.StringIO()

    call_command("check-figures", stdout=out)

    assert "없습니다" in out.getvalue()


SLOW = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SLOW
@given(value=st.one_of(beyond(QUANTITY).map(str), not_numbers()))
def test_the_indicator_api_refuses_any_value_beyond_quantity_never_a_500(office, client_as, value):
    body = {"indicator": "IND-01", "year": 2018, "kind": "actual", "as_of": "2018-07-31", "value": value}

    response = post(client_as(Role.OFFICE_MANAGER), VALUES, body)

    assert response.status_code == 422
    assert korean(response.json()["errors"][0]["message"])


@SLOW
@given(achieved=beyond(COUNT), as_of=st.one_of(st.just(date(2018, 7, 31)), dates_beyond(OFFICE_DATE)))
def test_the_job_api_refuses_any_count_beyond_count_never_a_500(office, client_as, achieved, as_of):
    body = {"year": 2018, "key": "youth", "as_of": as_of.isoformat(), "achieved": achieved}

    response = post(client_as(Role.OFFICE_MANAGER), ACHIEVEMENTS, body)

    assert response.status_code == 422
    assert "achieved" in {error["field"] for error in response.json()["errors"]}


@SLOW
@given(achieved=beyond(COUNT))
def test_the_job_sheet_refuses_any_count_beyond_count_by_row_and_column(office, achieved):
    with pytest.raises(ValidationFailed) as error:
        services.job_achievement_import(actor=None, year=2018, data=job_sheet(achieved))

    assert error.value.field_errors["file"][0].startswith("4행 '실적(개)': ")


@SLOW
@given(
    value=st.one_of(beyond(QUANTITY).map(str), not_numbers()),
    as_of=st.one_of(st.just(date(2018, 7, 31)), dates_beyond(OFFICE_DATE)),
)
def test_the_indicator_form_refuses_a_value_or_date_beyond_its_kind_in_korean(office, client_as, value, as_of):
    indicator = IndicatorValue.objects.filter(indicator__code="IND-01").first().indicator_id
    before = IndicatorValue.objects.count()
    data = {"indicator": indicator, "year": 2018, "kind": "actual", "as_of": as_of.isoformat(), "value": value}

    response = client_as(Role.OFFICE_MANAGER).post("/performance/indicators/record/?year=2018", data)

    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert QUANTITY.message in page or "숫자여야 합니다" in page or "날짜여야 합니다" in page
    assert IndicatorValue.objects.count() == before
