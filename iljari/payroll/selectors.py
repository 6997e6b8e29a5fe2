"""payroll selectors — the rates in force and each month's deductions and net pay.

Contract (what the apps above read; G2's paying builds on `deduction_lines` and `month_net_totals`):
- deduction_lines(*, payment_ids) -> dict[payment_id, PayDeduction]
      the deduction line of each of these participation.Payment rows (one query); a payment without a line has not
      had its deductions computed (deductions_compute). Each line: gross, pension, health, care, employment,
      income_tax, local_tax, deductions (공제 계), net (실지급액), employer_pension, employer_health, employer_care,
      employer_employment, employer_accident, employer_total, tax_method, coverage (the rules applied, Korean).
- worksite_deductions(*, user, worksite, month) -> dict[payment_id, PayDeduction]
      a worksite's month in the user's scope (404 out of scope)
- month_net_totals(*, month, worksite_ids=None) -> dict[worksite_id, NetTotals]
      (unscoped, for services) per worksite: people, gross, deductions, net, employer_total
- insurance_rate_list(*, insurance=None) -> QuerySet[InsuranceRate]      every period, newest first
- income_tax_rule_list() -> QuerySet[IncomeTaxRule]
- rates_in_force(*, day) -> dict[str, InsuranceRate]        the insurance rates valid on the day, by insurance
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, QuerySet, Sum

from iljari.participation.calendar import month_start
from iljari.participation.selectors import worksite_get
from iljari.payroll.models import IncomeTaxRule, Insurance, InsuranceRate, PayDeduction


@dataclass(frozen=True)
class NetTotals:
    people: int
    gross: int
    deductions: int
    net: int
    employer_total: int


def deduction_lines(*, payment_ids) -> dict[int, PayDeduction]:
    return {line.payment_id: line for line in PayDeduction.objects.filter(payment_id__in=list(payment_ids))}


def worksite_deductions(*, user, worksite, month: date) -> dict[int, PayDeduction]:
    worksite = worksite_get(user=user, code=worksite.code)
    lines = PayDeduction.objects.filter(month=month_start(month), payment__placement__worksite=worksite)
    return {line.payment_id: line for line in lines}


def month_net_totals(*, month: date, worksite_ids=None) -> dict[int, NetTotals]:
    lines = PayDeduction.objects.filter(month=month_start(month))
    if worksite_ids is not None:
        lines = lines.filter(payment__placement__worksite_id__in=list(worksite_ids))
    rows = (
        lines.values_list("payment__placement__worksite_id")
        .annotate(
            people=Count("pk"),
            gross=Sum("gross"),
            deductions=Sum("deductions"),
            net=Sum("net"),
            employer=Sum("employer_total"),
        )
        .order_by()
    )
    return {row[0]: NetTotals(*row[1:]) for row in rows}


def insurance_rate_list(*, insurance: str | None = None) -> QuerySet[InsuranceRate]:
    rows = InsuranceRate.objects.select_related("entered_by")
    if insurance:
        rows = rows.filter(insurance=insurance)
    return rows.order_by("insurance", "industry", "-valid_from")


def income_tax_rule_list() -> QuerySet[IncomeTaxRule]:
    return IncomeTaxRule.objects.select_related("entered_by").order_by("-valid_from")


def rates_in_force(*, day: date) -> dict[str, InsuranceRate]:
    found = {}
    for insurance in Insurance:
        rate = (
            InsuranceRate.objects.filter(insurance=insurance, valid_from__lte=day)
            .exclude(valid_to__lt=day)
            .order_by("-valid_from")
            .first()
        )
        if rate is not None:
            found[insurance.value] = rate
    return found
