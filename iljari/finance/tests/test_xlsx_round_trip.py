"""The xlsx round trip of the monthly figures, through the pages: download the sheet, edit it, upload it.

Budget execution (/finance/budget/), job achievements (/performance/jobs/) and indicator values
(/performance/indicators/), on the figures of the 2018 report. A bad file answers 400 with a Korean message
that names the row and the column, and writes nothing, not even its valid rows.
"""

from __future__ import annotations

import html
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from iljari.core.http import XLSX
from iljari.core.roles import Role
from iljari.finance.models import BudgetSnapshot
from iljari.performance.models import IndicatorValue, JobAchievement

MILLION = 1_000_000
HEADER_ROW = 3
REPORT_DAY = date(2018, 6, 30)
NEXT_MONTH = date(2018, 7, 31)

BUDGET_EXPORT = "/finance/budget/export.xlsx?year=2018&as_of=2018-06-30"
BUDGET_IMPORT = "/finance/budget/import/?year=2018&as_of=2018-07-31"
JOBS_EXPORT = "/performance/jobs/export.xlsx?year=2018&as_of=2018-06-30"
JOBS_IMPORT = "/performance/jobs/import/?year=2018&as_of=2018-07-31"
INDICATORS_EXPORT = "/performance/indicators/export.xlsx?year=2018&as_of=2018-06-30"
INDICATORS_IMPORT = "/performance/indicators/import/?year=2018&as_of=2018-07-31"

# The 2018 report, 예산 집행 현황 ('18.6.30 기준, 백만원): 예산현액, 원인행위액, 지출액.
BUDGET_2018 = {
    "JOBS-POLICY-2018": (187341, 105588, 100177),
    "LABOUR-POLICY-2018": (19490, 9154, 5553),
    "SOCIAL-ECONOMY-2018": (30884, 18496, 18414),
}
BUDGET_HEADERS = ["연도", "코드", "부서", "사업명", "기준일", "예산현액(원)", "원인행위액(원)", "지출액(원)"]


@pytest.fixture
def office(personas, dataset_2018):
    return personas


# --- helpers ---------------------------------------------------------------------------------------------


class Sheet:
    """A downloaded workbook, addressed by column header and by the value of a key column."""

    def __init__(self, content: bytes, key: str):
        self.workbook = load_workbook(io.BytesIO(content))
        self.sheet = self.workbook.active
        self.key = key

    @property
    def headers(self) -> list:
        return [cell.value for cell in self.sheet[HEADER_ROW]]

    def column(self, header: str) -> int:
        return self.headers.index(header) + 1

    def data_rows(self) -> list[int]:
        return [
            row
            for row in range(HEADER_ROW + 1, self.sheet.max_row + 1)
            if self.sheet.cell(row=row, column=self.column(self.key)).value is not None
        ]

    def row_of(self, key_value: str, **match) -> int:
        for row in self.data_rows():
            if self.get(row, self.key) != key_value:
                continue
            if all(self.get(row, header) == value for header, value in match.items()):
                return row
        raise AssertionError(f"no row {key_value} {match} in the sheet")

    def get(self, row: int, header: str):
        return self.sheet.cell(row=row, column=self.column(header)).value

    def set(self, row: int, header: str, value) -> None:
        self.sheet.cell(row=row, column=self.column(header)).value = value

    def set_all(self, header: str, value) -> None:
        for row in self.data_rows():
            self.set(row, header, value)

    def upload(self, client, url: str, name: str = "figures.xlsx"):
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return client.post(url, {"file": SimpleUploadedFile(name, buffer.getvalue(), content_type=XLSX)})


def download(client, url: str, key: str) -> Sheet:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith("attachment;")
    return Sheet(response.content, key)


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def as_day(value) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def assert_redirected(response, to: str) -> None:
    assert response.status_code == 302, page_text(response)[-3000:]
    assert response["Location"] == to


def budget_row(client, as_of: str, unit: str) -> dict:
    response = client.get(f"/api/finance/budget?year=2018&as_of={as_of}")
    assert response.status_code == 200
    return next(row for row in response.json()["rows"] if row["unit"] == unit)


# --- budget execution: download -----------------------------------------------------------------------------


def test_the_budget_sheet_carries_the_2018_figures_as_numbers_in_won(office, client_as):
    sheet = download(client_as(Role.OFFICE_MANAGER), BUDGET_EXPORT, key="코드")
    assert sheet.headers == BUDGET_HEADERS
    assert sheet.sheet.cell(row=1, column=1).value == "예산 집행 현황"
    rows = sheet.data_rows()
    assert sorted(sheet.get(row, "코드") for row in rows) == sorted(BUDGET_2018)
    for row in rows:
        budget, committed, spent = BUDGET_2018[sheet.get(row, "코드")]
        assert sheet.get(row, "연도") == 2018
        assert as_day(sheet.get(row, "기준일")) == REPORT_DAY
        assert sheet.get(row, "예산현액(원)") == budget * MILLION
        assert sheet.get(row, "원인행위액(원)") == committed * MILLION
        assert sheet.get(row, "지출액(원)") == spent * MILLION
        assert isinstance(sheet.get(row, "지출액(원)"), int)
    jobs_policy = sheet.row_of("JOBS-POLICY-2018")
    assert sheet.get(jobs_policy, "예산현액(원)") == 187_341_000_000
    assert sheet.get(jobs_policy, "부서") == "일자리정책담당관"


def test_division_staff_download_only_their_own_divisions_budget_lines(office, client_as):
    sheet = download(client_as(Role.DIVISION_STAFF), BUDGET_EXPORT, key="코드")
    assert [sheet.get(row, "코드") for row in sheet.data_rows()] == ["JOBS-POLICY-2018"]


# --- budget execution: upload -------------------------------------------------------------------------------


def test_an_edited_budget_sheet_uploads_as_a_new_snapshot_and_shows_in_the_api(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, BUDGET_EXPORT, key="코드")
    labour = sheet.row_of("LABOUR-POLICY-2018")
    sheet.set(labour, "지출액(원)", 6_000_000_000)
    sheet.set(labour, "기준일", NEXT_MONTH)
    before = BudgetSnapshot.objects.count()

    response = sheet.upload(manager, BUDGET_IMPORT)

    assert_redirected(response, "/finance/budget/?year=2018&as_of=2018-07-31")
    snapshot = BudgetSnapshot.objects.get(line__code="LABOUR-POLICY-2018", as_of=NEXT_MONTH)
    assert (snapshot.current_budget, snapshot.committed, snapshot.spent) == (
        19_490_000_000,
        9_154_000_000,
        6_000_000_000,
    )
    assert BudgetSnapshot.objects.count() == before + 1
    # the June snapshot is kept as it was
    june = BudgetSnapshot.objects.get(line__code="LABOUR-POLICY-2018", as_of=REPORT_DAY)
    assert june.spent == 5_553_000_000
    row = budget_row(manager, "2018-07-31", "LABOUR-POLICY")
    assert row["spent"] == 6_000_000_000
    assert row["current_budget"] == 19_490_000_000
    assert budget_row(manager, "2018-06-30", "LABOUR-POLICY")["spent"] == 5_553_000_000
    page = manager.get(response["Location"])
    assert "엑셀 파일의 3행을 저장했습니다." in page_text(page)


def _number_text(sheet, row):
    sheet.set(row, "지출액(원)", "많음")
    return "지출액(원)", "숫자가 아닙니다"


def _negative(sheet, row):
    sheet.set(row, "지출액(원)", -1_000_000)
    return "지출액(원)", "0 이상이어야 합니다"


def _above_budget(sheet, row):
    sheet.set(row, "지출액(원)", 19_490_000_001)
    return "지출액(원)", "지출액이 예산현액보다 클 수 없습니다"


def _date_outside_the_year(sheet, row):
    sheet.set(row, "기준일", date(2019, 1, 31))
    return "기준일", "2018년 안의 날짜"


def _wrong_year(sheet, row):
    sheet.set(row, "연도", 2019)
    return "연도", "2018년 양식이 아닙니다"


def _unknown_code(sheet, row):
    sheet.set(row, "코드", "NO-SUCH-LINE-2018")
    return "코드", "없는 코드"


@pytest.mark.parametrize(
    "spoil",
    [_number_text, _negative, _above_budget, _date_outside_the_year, _wrong_year, _unknown_code],
    ids=["text in a number", "negative amount", "spent above budget", "date outside year", "wrong year", "code"],
)
def test_a_bad_budget_row_is_named_by_row_and_column_and_nothing_is_written(office, client_as, spoil):
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, BUDGET_EXPORT, key="코드")
    sheet.set_all("기준일", NEXT_MONTH)  # the valid rows would be new snapshots if they were written
    row = sheet.row_of("LABOUR-POLICY-2018")
    header, message = spoil(sheet, row)
    before = BudgetSnapshot.objects.count()

    response = sheet.upload(manager, BUDGET_IMPORT)

    assert response.status_code == 400
    text = page_text(response)
    assert f"{row}행 '{header}'" in text
    assert message in text
    assert BudgetSnapshot.objects.count() == before
    assert not BudgetSnapshot.objects.filter(as_of__gt=REPORT_DAY).exists()


def test_every_bad_cell_of_a_budget_file_is_listed_not_only_the_first(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, BUDGET_EXPORT, key="코드")
    sheet.set_all("기준일", NEXT_MONTH)
    labour, social = sheet.row_of("LABOUR-POLICY-2018"), sheet.row_of("SOCIAL-ECONOMY-2018")
    sheet.set(labour, "지출액(원)", 19_490_000_001)
    sheet.set(social, "기준일", date(2017, 12, 31))

    response = sheet.upload(manager, BUDGET_IMPORT)

    assert response.status_code == 400
    text = page_text(response)
    assert f"{labour}행 '지출액(원)'" in text
    assert f"{social}행 '기준일'" in text
    assert not BudgetSnapshot.objects.filter(as_of=NEXT_MONTH).exists()


def test_a_budget_file_without_the_spent_column_is_refused_naming_the_column(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, BUDGET_EXPORT, key="코드")
    sheet.set_all("기준일", NEXT_MONTH)
    sheet.sheet.cell(row=HEADER_ROW, column=sheet.column("지출액(원)")).value = None
    before = BudgetSnapshot.objects.count()

    response = sheet.upload(manager, BUDGET_IMPORT)

    assert response.status_code == 400
    text = page_text(response)
    assert "필요한 열이 없습니다" in text
    assert "지출액(원)" in text
    assert BudgetSnapshot.objects.count() == before


def test_a_file_that_is_not_a_workbook_is_refused_in_korean(office, client_as):
    before = BudgetSnapshot.objects.count()
    upload = SimpleUploadedFile("budget.xlsx", b"JOBS-POLICY-2018,2018-07-31,1,1,1\n", content_type=XLSX)

    response = client_as(Role.OFFICE_MANAGER).post(BUDGET_IMPORT, {"file": upload})

    assert response.status_code == 400
    assert "엑셀(.xlsx) 파일을 읽을 수 없습니다" in page_text(response)
    assert BudgetSnapshot.objects.count() == before


def test_a_csv_file_name_is_refused_before_it_is_read(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, BUDGET_EXPORT, key="코드")
    sheet.set_all("기준일", NEXT_MONTH)
    before = BudgetSnapshot.objects.count()

    response = sheet.upload(manager, BUDGET_IMPORT, name="budget.csv")

    assert response.status_code == 400
    assert "엑셀(.xlsx) 파일만 올릴 수 있습니다" in page_text(response)
    assert BudgetSnapshot.objects.count() == before


def test_division_staff_uploading_another_divisions_row_get_a_permission_error_and_nothing_is_written(
    office, client_as
):
    sheet = download(client_as(Role.OFFICE_MANAGER), BUDGET_EXPORT, key="코드")
    sheet.set_all("기준일", NEXT_MONTH)
    own, labour = sheet.row_of("JOBS-POLICY-2018"), sheet.row_of("LABOUR-POLICY-2018")
    sheet.set(own, "지출액(원)", 110_000_000_000)
    sheet.set(labour, "지출액(원)", 6_000_000_000)
    before = BudgetSnapshot.objects.count()

    response = sheet.upload(client_as(Role.DIVISION_STAFF), BUDGET_IMPORT)

    assert response.status_code == 400
    text = page_text(response)
    assert f"{labour}행 '코드'" in text
    assert "권한" in text
    assert f"{own}행" not in text  # their own row was fine
    assert BudgetSnapshot.objects.count() == before
    assert not BudgetSnapshot.objects.filter(as_of=NEXT_MONTH).exists()


def test_division_staff_may_upload_their_own_divisions_row(office, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    sheet = download(staff, BUDGET_EXPORT, key="코드")
    sheet.set_all("기준일", NEXT_MONTH)
    sheet.set(sheet.row_of("JOBS-POLICY-2018"), "지출액(원)", 110_000_000_000)

    response = sheet.upload(staff, BUDGET_IMPORT)

    assert_redirected(response, "/finance/budget/?year=2018&as_of=2018-07-31")
    assert BudgetSnapshot.objects.get(line__code="JOBS-POLICY-2018", as_of=NEXT_MONTH).spent == 110_000_000_000


def test_a_budget_upload_into_a_locked_month_writes_nothing(office, client_as):
    from iljari.core.locks import month_lock

    month_lock(actor=office[Role.OFFICE_MANAGER], year=2018, month=7)
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, BUDGET_EXPORT, key="코드")
    sheet.set_all("기준일", NEXT_MONTH)

    response = sheet.upload(manager, BUDGET_IMPORT)

    assert response.status_code == 400
    assert "마감" in page_text(response)
    assert not BudgetSnapshot.objects.filter(as_of=NEXT_MONTH).exists()


# --- job achievements -------------------------------------------------------------------------------------

# The 2018 report, 일자리 창출 추진 목표 ('18. 6월말): key -> (목표, 실적); a target the source lost is None.
JOBS_2018 = {
    "youth": (76692, 48697),
    "women": (70924, 50825),
    "middle_aged": (None, 42962),
    "seniors": (None, 60542),
    "disabled": (None, 4935),
    "low_income": (None, 19645),
    "general": (27618, 18051),
    "direct": (150061, 132391),
    "indirect": (203895, 113266),
}


def test_the_jobs_sheet_carries_the_2018_targets_and_achievements(office, client_as):
    sheet = download(client_as(Role.OFFICE_MANAGER), JOBS_EXPORT, key="구분코드")
    assert sheet.headers == ["연도", "구분코드", "구분", "목표(개)", "기준일", "실적(개)"]
    rows = sheet.data_rows()
    assert {sheet.get(row, "구분코드"): (sheet.get(row, "목표(개)"), sheet.get(row, "실적(개)")) for row in rows} == (
        JOBS_2018
    )
    assert {as_day(sheet.get(row, "기준일")) for row in rows} == {REPORT_DAY}
    assert sheet.get(sheet.row_of("youth"), "구분") == "청년"


def test_an_edited_youth_achievement_uploads_and_shows_in_the_api(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, JOBS_EXPORT, key="구분코드")
    youth = sheet.row_of("youth")
    sheet.set(youth, "실적(개)", 55_000)
    sheet.set(youth, "기준일", NEXT_MONTH)

    response = sheet.upload(manager, JOBS_IMPORT)

    assert_redirected(response, "/performance/jobs/?year=2018&as_of=2018-07-31")
    assert JobAchievement.objects.get(job_target__target_group="youth", as_of=NEXT_MONTH).achieved == 55_000
    assert JobAchievement.objects.get(job_target__target_group="youth", as_of=REPORT_DAY).achieved == 48_697
    jobs = manager.get("/api/performance/jobs?year=2018&as_of=2018-07-31").json()
    youth_row = next(row for row in jobs["groups"] if row["key"] == "youth")
    assert youth_row["achieved"] == 55_000
    assert Decimal(str(youth_row["achievement_rate"])).quantize(Decimal("0.001")) == Decimal("0.717")  # 55000/76692


def test_a_negative_achievement_in_the_jobs_sheet_is_refused_by_row_and_nothing_is_written(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, JOBS_EXPORT, key="구분코드")
    sheet.set_all("기준일", NEXT_MONTH)
    women = sheet.row_of("women")
    sheet.set(women, "실적(개)", -5)
    before = JobAchievement.objects.count()

    response = sheet.upload(manager, JOBS_IMPORT)

    assert response.status_code == 400
    text = page_text(response)
    assert f"{women}행 '실적" in text
    assert "0 이상의 정수" in text
    assert JobAchievement.objects.count() == before
    assert not JobAchievement.objects.filter(as_of=NEXT_MONTH).exists()


def test_a_bad_achievement_is_named_by_the_sheets_own_column_header(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, JOBS_EXPORT, key="구분코드")
    women = sheet.row_of("women")
    sheet.set(women, "실적(개)", -5)

    response = sheet.upload(manager, JOBS_IMPORT)

    assert response.status_code == 400
    assert f"{women}행 '실적(개)'" in page_text(response)


# --- indicator values -------------------------------------------------------------------------------------

# The 2018 report, 주요 정책지표: the 2018 targets.
INDICATOR_TARGETS_2018 = {
    "IND-01": 150,
    "IND-02": 203,
    "IND-03": 10774,
    "IND-04": 9547,
    "IND-05": 50,
    "IND-06": 4000,
    "IND-07": 4350,
    "IND-08": 1300,
    "IND-09": 12,
    "IND-10": 13,
}


def test_the_indicator_sheet_has_a_target_and_an_actual_row_per_indicator(office, client_as):
    sheet = download(client_as(Role.OFFICE_MANAGER), INDICATORS_EXPORT, key="코드")
    assert sheet.headers == ["코드", "지표명", "단위", "연도", "구분", "기준일", "값"]
    targets = {
        sheet.get(row, "코드"): sheet.get(row, "값") for row in sheet.data_rows() if sheet.get(row, "구분") == "목표"
    }
    assert targets == INDICATOR_TARGETS_2018
    actuals = [row for row in sheet.data_rows() if sheet.get(row, "구분") == "실적"]
    assert len(actuals) == 10
    assert all(sheet.get(row, "값") is None for row in actuals)  # no 2018 actual in the report


def _enter_ind01_actual(sheet) -> int:
    row = sheet.row_of("IND-01", 구분="실적")
    sheet.set(row, "값", 140)
    sheet.set(row, "기준일", NEXT_MONTH)
    return row


def _drop_blank_value_rows(sheet) -> None:
    for row in reversed(sheet.data_rows()):
        if sheet.get(row, "값") is None:
            sheet.sheet.delete_rows(row)


def _assert_ind01_actual_140(client) -> None:
    value = IndicatorValue.objects.get(indicator__code="IND-01", year=2018, kind="actual")
    assert value.value == Decimal("140") and value.as_of == NEXT_MONTH
    indicators = client.get("/api/performance/indicators?year=2018&as_of=2018-07-31").json()
    ind01 = next(row for row in indicators if row["code"] == "IND-01")
    cell = next(year for year in ind01["years"] if year["year"] == 2018)
    assert Decimal(str(cell["actual"])) == Decimal("140")
    assert Decimal(str(cell["target"])) == Decimal("150")
    assert Decimal(str(cell["achievement_rate"])).quantize(Decimal("0.001")) == Decimal("0.933")  # 140/150


def test_an_actual_entered_in_the_indicator_sheet_as_downloaded_uploads(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, INDICATORS_EXPORT, key="코드")
    _enter_ind01_actual(sheet)

    response = sheet.upload(manager, INDICATORS_IMPORT)

    assert_redirected(response, "/performance/indicators/?year=2018&as_of=2018-07-31")
    _assert_ind01_actual_140(manager)


def test_an_actual_entered_in_the_indicator_sheet_uploads_once_the_blank_rows_are_removed(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, INDICATORS_EXPORT, key="코드")
    _enter_ind01_actual(sheet)
    _drop_blank_value_rows(sheet)
    assert len(sheet.data_rows()) == 11  # ten targets and the one actual

    response = sheet.upload(manager, INDICATORS_IMPORT)

    assert_redirected(response, "/performance/indicators/?year=2018&as_of=2018-07-31")
    _assert_ind01_actual_140(manager)


def test_an_indicator_row_of_kind_forecast_is_refused_by_row_and_nothing_is_written(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, INDICATORS_EXPORT, key="코드")
    row = _enter_ind01_actual(sheet)
    sheet.set(row, "구분", "예측")
    _drop_blank_value_rows(sheet)
    row = sheet.row_of("IND-01", 구분="예측")
    before = IndicatorValue.objects.count()

    response = sheet.upload(manager, INDICATORS_IMPORT)

    assert response.status_code == 400
    text = page_text(response)
    assert f"{row}행 '구분'" in text
    assert "'목표' 또는 '실적'" in text
    assert IndicatorValue.objects.count() == before
    assert not IndicatorValue.objects.filter(indicator__code="IND-01", year=2018, value=140).exists()


def test_text_in_an_indicator_value_is_named_by_row_and_column(office, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    sheet = download(manager, INDICATORS_EXPORT, key="코드")
    _enter_ind01_actual(sheet)
    _drop_blank_value_rows(sheet)
    row = sheet.row_of("IND-02", 구분="목표")
    sheet.set(row, "값", "많음")
    before = IndicatorValue.objects.count()

    response = sheet.upload(manager, INDICATORS_IMPORT)

    assert response.status_code == 400
    assert f"{row}행 '값': 숫자가 아닙니다" in page_text(response)
    assert IndicatorValue.objects.count() == before
