"""The demo grants carry the 2018 report's figures: 1,208 enterprises / 4,971 people with 3,992백만원 of wage and
1,179백만원 of social-insurance subsidies, 111 business-development grants of 2,400백만원, 1,157백만원 disbursed to
〈한국노총〉 by June; the office's '18.6.30. budget execution stays the report's (the movements are dated before the
snapshot), the subsidised people count as the programme's jobs, and a second load adds nothing."""

from __future__ import annotations

from datetime import date

from django.db.models import Sum

from iljari.core.roles import Role
from iljari.demo.grants_loader import load_grants
from iljari.finance.models import BudgetMovement
from iljari.finance.selectors import budget_execution
from iljari.grants.models import Disbursement, GrantAgreement, GrantProgramme, Payroll, PayrollLine
from iljari.performance.models import JobAchievement

MILLION = 1_000_000


def test_the_demo_grants_carry_the_reports_figures(office):
    load_grants()
    wage = GrantProgramme.objects.get(code="2018-SE-WAGE")
    assert wage.agreements.count() == 1_208
    payrolls = Payroll.objects.filter(agreement__programme=wage).aggregate(
        w=Sum("wage_subsidy"), i=Sum("insurance_subsidy")
    )
    assert (payrolls["w"], payrolls["i"]) == (3_992 * MILLION, 1_179 * MILLION)
    people = (
        PayrollLine.objects.filter(payroll__agreement__programme=wage)
        .values_list("payroll__agreement_id", "employee_number")
        .distinct()
        .count()
    )
    assert people == 4_971
    disbursed = Disbursement.objects.filter(agreement__programme=wage).aggregate(s=Sum("amount"))["s"]
    assert disbursed == (3_992 + 1_179) * MILLION
    development = GrantAgreement.objects.filter(programme__code="2018-SE-DEVELOPMENT")
    assert development.count() == 111
    assert Disbursement.objects.filter(agreement__in=development).aggregate(s=Sum("amount"))["s"] == 2_400 * MILLION
    fktu = GrantAgreement.objects.get(code="2018-LABOUR-FKTU")
    assert fktu.city_amount == 2_496 * MILLION
    assert fktu.disbursements.aggregate(s=Sum("amount"))["s"] == 1_157 * MILLION
    assert (
        GrantAgreement.objects.filter(programme__code="2018-FAIRTRADE-DISTRICT").aggregate(s=Sum("city_amount"))["s"]
        == 150 * MILLION
    )
    # every tranche moved 지출액 by its amount, and the '18.6.30. snapshot includes them all
    assert (
        BudgetMovement.objects.filter(reference__startswith="grants:disbursement:").aggregate(s=Sum("spent"))["s"]
        == Disbursement.objects.aggregate(s=Sum("amount"))["s"]
    )
    table = budget_execution(user=office[Role.OFFICE_MANAGER], year=2018, as_of=date(2018, 6, 30))
    assert (table.total.current_budget, table.total.committed, table.total.spent) == (
        237_715 * MILLION, 133_238 * MILLION, 124_144 * MILLION,
    )  # fmt: skip
    jobs = JobAchievement.objects.filter(job_target__programme__code="P3-01").order_by("-as_of").first()
    assert jobs.achieved == 4_971

    before = (GrantAgreement.objects.count(), Disbursement.objects.count(), BudgetMovement.objects.count())
    load_grants()
    assert (GrantAgreement.objects.count(), Disbursement.objects.count(), BudgetMovement.objects.count()) == before
