"""Evaluation and extension, spending reports (the grantee's own only), per-employee-month subsidies from a
payroll, and the grant-funded jobs rolling up into performance's job achievements."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import Workbook

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.finance.models import BudgetLine
from iljari.grants import services
from iljari.grants.models import GrantAgreement, Payroll, PayrollLine
from iljari.performance.models import JobAchievement

MILLION = 1_000_000


def _settle(agreement, spent, returned=0):
    services.disbursement_record(actor=None, agreement=agreement, paid_on=date(2018, 8, 10), amount=spent + returned)
    services.settlement_record(
        actor=None, agreement=agreement, settled_on=date(2018, 12, 20), spent=spent, returned=returned
    )


def _next_year(youth_programme):
    from iljari.finance.services import budget_line_set

    line = budget_line_set(
        actor=None, year=2019, org_unit=youth_programme.budget_line.org_unit, code="JOBS-POLICY-2019",
        name="일자리정책담당관 소관 예산", source=BudgetLine.Source.UNSPECIFIED,
    )  # fmt: skip
    return services.grant_programme_set(
        actor=None, code="2019-YOUTH-PPP", year=2019, name=youth_programme.name, programme=youth_programme.programme,
        budget_line=line, matched_source="own_funds", matched_ratio=10, matched_exact=False,
        min_amount=100 * MILLION, max_amount=600 * MILLION, job_count="reported", target_group="youth",
        job_kind="direct",
    )  # fmt: skip


def test_a_cut_creates_next_years_draft_agreement_with_the_smaller_amount(office, make_agreement, youth_programme):
    nxt = _next_year(youth_programme)
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    _settle(agreement, 300 * MILLION)
    evaluation = services.evaluation_record(
        actor=office[Role.DIVISION_STAFF], agreement=agreement, evaluated_on=date(2019, 1, 20), score_plan=80,
        score_jobs=70, score_finance=75, decision="cut", next_amount=200 * MILLION,
    )  # fmt: skip
    assert str(evaluation.score) == "75.0"
    extension = GrantAgreement.objects.get(previous=agreement)
    assert extension.programme == nxt and extension.status == GrantAgreement.Status.DRAFT
    assert extension.city_amount == 200 * MILLION
    assert extension.matched_amount == 22_222_223  # at least 10% of the total: ceil(200m × 10 / 90)
    assert extension.starts_on == date(2019, 2, 1) and extension.ends_on == date(2019, 8, 3)
    agreement.refresh_from_db()
    assert agreement.status == GrantAgreement.Status.CLOSED


def test_stop_creates_nothing(make_agreement):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    _settle(agreement, 280 * MILLION, 20 * MILLION)
    services.evaluation_record(
        actor=None, agreement=agreement, evaluated_on=date(2019, 1, 20), score_plan=30, score_jobs=20,
        score_finance=40, decision="stop",
    )  # fmt: skip
    assert not GrantAgreement.objects.filter(previous=agreement).exists()


def test_only_the_grantee_itself_or_the_programmes_staff_report_spending(office, make_agreement, grantee_user):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    report = services.spending_report_submit(
        actor=grantee_user, agreement=agreement, period_end=date(2018, 9, 30), items={"personnel": 30 * MILLION},
        jobs_created=5,
    )  # fmt: skip
    assert report.submitted_by == grantee_user
    for role in (Role.AUDITOR, Role.DISTRICT_OFFICER, Role.CITIZEN, Role.ORGANISATION):
        with pytest.raises(NotAllowed):
            services.spending_report_submit(
                actor=office[role], agreement=agreement, period_end=date(2018, 10, 31), items={"project": 1}
            )
    with pytest.raises(ValidationFailed, match="총사업비"):
        services.spending_report_submit(
            actor=grantee_user, agreement=agreement, period_end=date(2018, 10, 31), items={"project": 341 * MILLION}
        )


def test_reported_hires_count_as_the_programmes_youth_direct_jobs(office, make_agreement, grantee):
    from iljari.enterprises.services import organisation_register
    from iljari.enterprises.tests.factories import next_number

    other = organisation_register(actor=None, name="청년공방(예시)", kind="company", business_number=next_number())
    first = make_agreement(sign_on=date(2018, 8, 1))
    second = make_agreement("2018-YJ-002", grantee=other, sign_on=date(2018, 8, 1))
    for agreement, day, jobs in (
        (first, date(2018, 9, 30), 4),
        (first, date(2018, 10, 31), 9),
        (second, date(2018, 10, 15), 3),
    ):
        services.spending_report_submit(actor=None, agreement=agreement, period_end=day, items={}, jobs_created=jobs)
    latest = (
        JobAchievement.objects.filter(
            job_target__programme__code="P1-04", job_target__target_group="youth", job_target__kind="direct"
        )
        .order_by("-as_of")
        .first()
    )
    assert latest.as_of == date(2018, 10, 31)
    assert latest.achieved == 9 + 3  # each agreement's latest report, summed over the programme's grants


def _payroll_xlsx(rows) -> bytes:
    from iljari.grants.selectors import PAYROLL_COLUMNS

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["인건비 지원 신청"])
    sheet.append(["note"])
    sheet.append([c.header for c in PAYROLL_COLUMNS])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _wage_agreement(make_agreement, wage_programme):
    return make_agreement("2018-SE-W-001", programme=wage_programme, city=50 * MILLION, matched=0,
                          sign_on=date(2018, 8, 1))  # fmt: skip


def test_a_payroll_subsidy_is_a_wage_share_up_to_the_cap_plus_the_employer_insurance(
    office, make_agreement, wage_programme, grantee_user
):
    agreement = _wage_agreement(make_agreement, wage_programme)
    data = _payroll_xlsx([
        ("E1", "김하나", "2018-08", 1_745_150, 160_000),   # 70% = 1,221,605 (under the cap)
        ("E1", "김하나", "2018-09", 1_745_150, 160_000),
        ("E2", "이두리", "2018-08", 2_500_000, 230_000),   # 70% = 1,750,000 → the cap 1,300,000
    ])  # fmt: skip
    payroll = services.payroll_import(actor=grantee_user, agreement=agreement, title="8~9월분", data=data)
    assert payroll.wage_subsidy == 1_221_605 * 2 + 1_300_000
    assert payroll.insurance_subsidy == 160_000 * 2 + 230_000
    assert (payroll.employees, payroll.employee_months) == (2, 3)
    disbursement = services.payroll_approve(
        actor=office[Role.OFFICE_MANAGER], payroll=payroll, paid_on=date(2018, 10, 10)
    )
    assert disbursement.amount == payroll.subsidy
    payroll.refresh_from_db()
    assert payroll.status == Payroll.Status.APPROVED
    jobs = JobAchievement.objects.get(job_target__programme__code="P3-01", job_target__target_group="low_income",
                                      job_target__kind="indirect", as_of=date(2018, 10, 10))  # fmt: skip
    assert jobs.achieved == 2  # distinct employees subsidised


def test_a_bad_payroll_names_every_row_and_writes_nothing(make_agreement, wage_programme, grantee_user):
    agreement = _wage_agreement(make_agreement, wage_programme)
    services.payroll_submit(actor=None, agreement=agreement, title="8월분", rows=[
        {"employee_number": "E1", "employee_name": "김하나", "month": "2018-08", "wage": 1_700_000,
         "insurance": 150_000},
    ])  # fmt: skip
    data = _payroll_xlsx([
        ("E1", "김하나", "2018-08", 1_700_000, 150_000),   # already claimed
        ("E2", "", "2018-09", 1_700_000, 150_000),         # no name
        ("E3", "박세나", "2019-05", 1_700_000, 150_000),    # outside the period
        ("E4", "최네오", "2018-09", 1_700_000, 150_000),
        ("E4", "최네오", "2018-09", 1_700_000, 150_000),    # twice in the file
    ])  # fmt: skip
    with pytest.raises(ValidationFailed) as error:
        services.payroll_import(actor=grantee_user, agreement=agreement, title="9월분", data=data)
    errors = error.value.field_errors["file"]
    assert any(e.startswith("4행") and "이미 신청" in e for e in errors)
    assert any(e.startswith("5행 '성명'") for e in errors)
    assert any(e.startswith("6행 '지급월'") and "협약 기간" in e for e in errors)
    assert any(e.startswith("8행") and "두 번" in e for e in errors)
    assert Payroll.objects.count() == 1 and PayrollLine.objects.count() == 1


def test_a_payroll_beyond_the_agreement_is_not_paid(make_agreement, wage_programme):
    agreement = make_agreement("2018-SE-W-002", programme=wage_programme, city=2 * MILLION, matched=0,
                               sign_on=date(2018, 8, 1))  # fmt: skip
    payroll = services.payroll_submit(actor=None, agreement=agreement, title="8월분", rows=[
        {"employee_number": f"E{n}", "employee_name": "근로자", "month": "2018-08", "wage": 2_000_000,
         "insurance": 200_000}
        for n in range(3)
    ])  # fmt: skip
    with pytest.raises(ValidationFailed, match="교부할 수 없습니다"):
        services.payroll_approve(actor=None, payroll=payroll, paid_on=date(2018, 9, 10))
    payroll.refresh_from_db()
    assert payroll.status == Payroll.Status.SUBMITTED
