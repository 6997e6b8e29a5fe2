"""The payroll pages through HTTP: a worksite's month of deductions (scoped, computed by its keepers), the rates
page (a new period, bounds and overlaps refused with nothing written), and the filings' personal downloads."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.participation import services as participation
from iljari.payroll.models import IncomeTaxRule, InsuranceRate, PayDeduction
from iljari.people.tests.factories import make_person

MAY = date(2018, 5, 1)
PAGE = "/payroll/worksites/PW-GD/2018-05/"


@pytest.fixture
def paid(site):
    placement = participation.placement_create(
        actor=None,
        person=make_person(),
        worksite=site["works"],
        start_date=date(2018, 5, 2),
        end_date=date(2018, 8, 31),
    )
    participation.work_record_set(
        actor=None, placement=placement, month=MAY, days_worked=20, hours_worked=160, full_weeks=4
    )
    participation.pay_compute(actor=None, month=MAY)
    return placement


def test_the_worksites_keeper_computes_the_months_deductions_on_its_page(paid, client_as):
    officer = client_as(Role.DISTRICT_OFFICER)  # 강동구's, the worksite's district
    assert "공제 미계산 1명" in officer.get(PAGE).content.decode()
    response = officer.post(PAGE + "compute/")
    assert response.status_code == 302 and response["Location"] == PAGE
    line = PayDeduction.objects.get(payment__placement=paid)
    page = officer.get(PAGE).content.decode()
    assert f"{line.net:,}" in page and "적용 기준" in page and "공제 미계산" not in page
    participation.work_record_set(actor=None, placement=paid, month=MAY, days_worked=19, hours_worked=152, full_weeks=3)
    participation.pay_compute(actor=None, month=MAY)
    assert "공제를 다시 계산해야 하는 사람 1명" in officer.get(PAGE).content.decode()
    assert AccessLogEntry.objects.filter(detail__contains="PW-GD").exists()
    worksite_page = officer.get("/participation/worksites/PW-GD/?month=2018-05").content.decode()
    assert (
        f"실지급액 {line.net:,}원" in worksite_page and f'<td class="ilj-num">{line.deductions:,}</td>' in worksite_page
    )


def test_another_districts_officer_finds_no_such_worksite_and_the_auditor_cannot_compute(paid, client_as, personas):
    personas[Role.DISTRICT_OFFICER].district = type(personas[Role.DISTRICT_OFFICER].district).objects.get(code="11110")
    personas[Role.DISTRICT_OFFICER].save()
    officer = client_as(Role.DISTRICT_OFFICER)
    assert officer.get(PAGE).status_code == 404
    assert officer.post(PAGE + "compute/").status_code == 404
    assert client_as(Role.AUDITOR).post(PAGE + "compute/").status_code == 403
    assert not PayDeduction.objects.exists()


def _rate_form(**values):
    form = {
        "rate-insurance": "employment",
        "rate-valid_from": "2027-01-01",
        "rate-worker_rate": "0.9",
        "rate-employer_rate": "0.9",
        "rate-employer_extra_rate": "0.85",
        "rate-rounding": "ten_won",
        "rate-min_month_hours": "60",
        "rate-min_contract_days": "0",
        "rate-age_limit": "65",
        "rate-source": "고용보험 및 산업재해보상보험의 보험료징수 등에 관한 법률 시행령 제12조",
    }
    return form | {f"rate-{key}": value for key, value in values.items()}


def test_a_new_years_rate_closes_the_open_period_and_keeps_the_history(site, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    response = staff.post("/payroll/rates/", _rate_form())
    assert response.status_code == 302
    periods = list(InsuranceRate.objects.filter(insurance="employment").order_by("valid_from"))
    assert [(p.valid_from, p.valid_to) for p in periods[-2:]] == [
        (date(2022, 7, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), None),
    ]
    page = staff.get("/payroll/rates/").content.decode()
    assert "2027.1.1." in page and "2026.12.31." in page  # the new period and the one it closed


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"worker_rate": "25"}, "근로자 요율은 0% 이상 20% 이하여야 합니다."),
        ({"employer_rate": "-1"}, "사업주 요율은 0% 이상 20% 이하여야 합니다."),
        ({"valid_from": "2019-01-01"}, "적용 기간이 이미 입력된 기간"),
        ({"valid_from": "2027-01-01", "valid_to": "2026-12-01"}, "적용 종료일이 시작일보다 빠릅니다."),
        ({"insurance": "pension"}, "기준소득월액 하한과 상한"),
    ],
)
def test_a_rate_out_of_bounds_or_overlapping_is_refused_and_nothing_is_written(site, client_as, values, message):
    before = list(InsuranceRate.objects.order_by("pk").values())
    response = client_as(Role.OFFICE_MANAGER).post("/payroll/rates/", _rate_form(**values))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(InsuranceRate.objects.order_by("pk").values()) == before


def test_an_overlapping_tax_rule_is_refused(site, client_as):
    form = {
        "tax-valid_from": "2020-01-01",
        "tax-simple_table": "2020",
        "tax-daily_deduction": "150000",
        "tax-daily_rate": "6",
        "tax-daily_credit": "55",
        "tax-small_amount": "1000",
        "tax-local_rate": "10",
        "tax-daily_contract_days": "90",
        "tax-source": "소득세법 시행령 별표2",
    }
    response = client_as(Role.OFFICE_MANAGER).post("/payroll/rates/tax/", form)
    assert response.status_code == 400 and "겹칩니다" in response.content.decode()
    assert IncomeTaxRule.objects.count() == 3
    response = client_as(Role.OFFICE_MANAGER).post("/payroll/rates/tax/", form | {"tax-valid_from": "2027-01-01"})
    assert response.status_code == 302 and IncomeTaxRule.objects.count() == 4


def test_the_months_acquisitions_and_the_years_withholding_are_downloaded_minimised_and_logged(paid, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    staff.post(PAGE + "compute/")
    reason = {"purpose": "payment", "reason": "5월 4대보험 취득 신고"}
    response = staff.post("/payroll/filings/insurance/2018-05/", reason)
    assert response.status_code == 200
    cells = [c for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True) for c in row]
    person = paid.person
    assert "취득" in cells and person.rrn_masked in cells and person.rrn not in cells
    line = PayDeduction.objects.get(payment__placement=paid)
    assert line.gross in cells
    response = staff.post("/payroll/filings/withholding/2018/", reason | {"purpose": "statistics"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    mine = next(row for row in rows if line.income_tax in row and line.gross in row)
    assert person.name not in mine and person.rrn_masked not in str(rows)  # statistics: masked name, no number
    assert AccessLogEntry.objects.filter(detail__contains="지급명세서", reason__contains="취득 신고").exists()
