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
- deductions_outdated(*, worksite, month) -> (missing, stale)
      (unscoped, for services) of a worksite's month of pay: payments without a deduction line, and payments changed
      after their line was computed (recomputed later, or a gross that is no longer the payment's total)
- insurance_rate_list(*, insurance=None) -> QuerySet[InsuranceRate]      every period, newest first
- income_tax_rule_list() -> QuerySet[IncomeTaxRule]
- worksite_pay_extra(*, user, worksite, month, payment_ids) -> PayExtra | None
      what participation's worksite page shows of the month's deductions (registered in apps.ready)
- rates_in_force(*, day) -> dict[str, InsuranceRate]        the insurance rates valid on the day, by insurance
- insurance_changes(*, month) -> list[dict] / insurance_changes_sheet(*, month) -> bytes
      (office-wide, behind the filings gate) the month's 4대보험 취득·상실: who started and who ended, their pay
      and the insurances applied; resident numbers masked
- withholding_statement(*, year) -> list[dict] / withholding_sheet(*, year) -> bytes
      each person's year (지급명세서 자료): pay, income and local tax withheld, insurance deducted, by kind of income
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Max, Min, Q, QuerySet, Sum
from django.urls import reverse

from iljari.core.formats import screen_date, screen_month
from iljari.core.xlsx import Column, xlsx_table
from iljari.participation.calendar import month_start
from iljari.participation.models import Payment
from iljari.participation.pay_extras import PayExtra
from iljari.participation.selectors import placements_starting_or_ending, worksite_get
from iljari.payroll.models import IncomeTaxRule, Insurance, InsuranceRate, PayDeduction
from iljari.people.models import Person


@dataclass(frozen=True)
class NetTotals:
    people: int
    gross: int
    deductions: int
    net: int
    employer_total: int


def deduction_lines(*, payment_ids) -> dict[int, PayDeduction]:
    return {line.payment_id: line for line in PayDeduction.objects.filter(payment_id__in=list(payment_ids))}


def deductions_outdated(*, worksite, month: date) -> tuple[int, int]:
    payments = Payment.objects.filter(month=month_start(month), placement__worksite=worksite)
    row = payments.aggregate(
        missing=Count("pk", filter=Q(deduction__isnull=True)),
        stale=Count(
            "pk",
            filter=Q(deduction__isnull=False)
            & (Q(deduction__computed_at__lt=F("computed_at")) | ~Q(deduction__gross=F("total"))),
        ),
    )
    return row["missing"] or 0, row["stale"] or 0


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


def worksite_pay_extra(*, user, worksite, month: date, payment_ids) -> PayExtra | None:
    lines = deduction_lines(payment_ids=payment_ids)
    if not payment_ids:
        return None
    deductions = sum(line.deductions for line in lines.values())
    net = sum(line.net for line in lines.values())
    employer = sum(line.employer_total for line in lines.values())
    missing = len(set(payment_ids) - set(lines))
    summary = f"공제 계 {deductions:,}원 · 실지급액 {net:,}원 · 사업주 부담 {employer:,}원"
    if missing:
        summary += f" · 공제 미계산 {missing:,}명"
    return PayExtra(
        by_payment={pk: (line.deductions, line.net) for pk, line in lines.items()},
        summary=summary,
        url=reverse("payroll:worksite_month", args=[worksite.code, f"{month_start(month):%Y-%m}"]),
    )


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


# --- filings --------------------------------------------------------------------------------------------------

INSURANCE_CHANGE_COLUMNS = [
    Column("kind", "구분"),
    Column("name", "성명"),
    Column("rrn", "주민등록번호"),
    Column("worksite", "사업장"),
    Column("day", "취득·상실일"),
    Column("pay", "월 보수액", kind="int"),
    Column("pension", "국민연금"),
    Column("health", "건강보험"),
    Column("employment", "고용보험"),
    Column("accident", "산재보험"),
]
WITHHOLDING_COLUMNS = [
    Column("name", "성명"),
    Column("rrn", "주민등록번호"),
    Column("kind", "소득 구분"),
    Column("period", "근무 기간"),
    Column("months", "지급 개월", kind="int"),
    Column("gross", "총지급액", kind="int"),
    Column("income_tax", "소득세", kind="int"),
    Column("local_tax", "지방소득세", kind="int"),
    Column("pension", "국민연금", kind="int"),
    Column("health", "건강보험", kind="int"),
    Column("care", "장기요양보험", kind="int"),
    Column("employment", "고용보험", kind="int"),
]


def _applies(line: PayDeduction | None, field: str) -> str:
    if line is None:
        return "급여 미계산"
    return "적용" if getattr(line, field) > 0 or getattr(line, f"employer_{field}") > 0 else "제외"


def insurance_changes(*, month: date) -> list[dict]:
    """The month's 취득 (a placement starting) and 상실 (one ending: the day after its last day) with the first or
    last month's pay and whether each insurance applied (from that month's deduction line)."""
    month = month_start(month)
    placements = placements_starting_or_ending(month=month)
    lines = {
        line.payment.placement_id: line
        for line in PayDeduction.objects.filter(
            month=month, payment__placement_id__in=[p.pk for p in placements]
        ).select_related("payment")
    }
    rows = []
    for placement in placements:
        line = lines.get(placement.pk)
        last = placement.ended_on or placement.end_date
        events = []
        if month_start(placement.start_date) == month:
            events.append(("취득", placement.start_date))
        if month_start(last) == month:
            events.append(("상실", last + timedelta(days=1)))
        for kind, day in events:
            rows.append(
                {
                    "kind": kind,
                    "name": placement.person.name,
                    "rrn": placement.person.rrn_masked,
                    "worksite": f"{placement.worksite.name} ({placement.worksite.code})",
                    "day": screen_date(day),
                    "pay": line.gross if line else None,
                    "pension": _applies(line, "pension"),
                    "health": _applies(line, "health"),
                    "employment": _applies(line, "employment"),
                    "accident": "적용",
                    "person_id": placement.person_id,
                }
            )
    return rows


def insurance_changes_sheet(*, month: date) -> bytes:
    rows = insurance_changes(month=month)
    return xlsx_table(
        title=f"4대보험 취득·상실 {month:%Y-%m}",
        columns=INSURANCE_CHANGE_COLUMNS,
        rows=rows,
        note=f"{screen_month(month)} 참여를 시작(취득)하거나 마친(상실) 사람 · 주민등록번호는 가려서 적었습니다.",
    )


def withholding_statement(*, year: int) -> list[dict]:
    """Each person's year: pay and taxes withheld (지급명세서), per kind of income (상용 근로·일용근로), summed in the
    database from the deduction lines of the year's months."""
    lines = PayDeduction.objects.filter(month__year=year)
    rows = (
        lines.values(
            "payment__placement__person_id",
            "payment__placement__person__name",
            "tax_method",
        )
        .annotate(
            months=Count("month", distinct=True),
            first=Min("payment__placement__start_date"),
            last=Max("payment__placement__end_date"),
            gross=Sum("gross"),
            income_tax=Sum("income_tax"),
            local_tax=Sum("local_tax"),
            pension=Sum("pension"),
            health=Sum("health"),
            care=Sum("care"),
            employment=Sum("employment"),
        )
        .order_by("payment__placement__person__name", "payment__placement__person_id", "tax_method")
    )
    rows = list(rows)
    masked = {
        person.pk: person.rrn_masked
        for person in Person.objects.filter(pk__in={row["payment__placement__person_id"] for row in rows})
    }
    labels = dict(PayDeduction.TaxMethod.choices)
    return [
        {
            "person_id": row["payment__placement__person_id"],
            "name": row["payment__placement__person__name"],
            "rrn": masked.get(row["payment__placement__person_id"], ""),
            "kind": "근로소득" if row["tax_method"] == PayDeduction.TaxMethod.MONTHLY else labels[row["tax_method"]],
            "period": f"{screen_date(row['first'])} ~ {screen_date(row['last'])}",
            **{key: row[key] for key in ("months", "gross", "income_tax", "local_tax", "pension", "health", "care")},
            "employment": row["employment"],
        }
        for row in rows
    ]


def withholding_sheet(*, year: int) -> bytes:
    return xlsx_table(
        title=f"지급명세서 자료 {year}",
        columns=WITHHOLDING_COLUMNS,
        rows=withholding_statement(year=year),
        note=f"{year}년 귀속 참여자별 지급액과 원천징수 세액 · 주민등록번호는 가려서 적었습니다.",
    )
