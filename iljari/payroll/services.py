"""payroll services — the rates kept as data, and each month's deductions and net pay.

Contract:
- insurance_rate_save(*, actor, **fields) -> InsuranceRate
      a new period of one insurance's rates (the rates page): rates within bounds (0–20%; 장기요양 0–30% of the
      health premium), floor below ceiling, no overlap with another period of the insurance (and industry); an
      open-ended period that starts earlier is closed the day before (recorded in the change history)
- income_tax_rule_save(*, actor, **fields) -> IncomeTaxRule      the same for the income tax rules
- deductions_compute(*, actor, month, worksite=None) -> DeductionRun
      every Payment of the month (of the worksite) gets its PayDeduction, set-based: refused while a work record of
      the month is missing, when no pay is computed, or (for one worksite) once its pay is confirmed; in the whole
      month's run the confirmed worksites are left as they are (frozen). One change batch.
- deductions_current_check(*, worksite, month) -> None
      registered in participation's 급여 확정 checks (apps.ready): refuses a worksite's month whose deductions are
      missing for a payment or older than it (the pay computed again after them): compute the deductions again first
- deduction_line(*, payment, ...) -> dict   the pure computation of one line (tests, the bench)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from iljari.core.access import access_participation_tables_manage, access_worksite_records, require
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.formats import screen_date, screen_month
from iljari.core.history import history_batch, history_bulk_replace
from iljari.core.korean import with_topic
from iljari.core.locks import require_month_open
from iljari.participation.calendar import month_start
from iljari.participation.selectors import (
    PaymentInput,
    pay_confirmed_worksite_ids,
    payment_inputs,
    records_missing_count,
)
from iljari.payroll.models import IncomeTaxRule, Insurance, InsuranceRate, PayDeduction, Rounding
from iljari.payroll.rates import ACCIDENT_INDUSTRY
from iljari.payroll.selectors import deductions_outdated
from iljari.payroll.tax import daily_wage_tax, floor_ten, floor_won, local_income_tax, monthly_wage_tax

DEDUCTION_FIELDS = (
    "gross",
    "pension",
    "health",
    "care",
    "employment",
    "income_tax",
    "local_tax",
    "deductions",
    "net",
    "employer_pension",
    "employer_health",
    "employer_care",
    "employer_employment",
    "employer_accident",
    "employer_total",
    "tax_method",
    "coverage",
)
RATE_BOUND = Decimal(20)
CARE_BOUND = Decimal(30)
MONTH_HOURS_PER_WEEK = Decimal(365) / 7 / 12  # 월 소정근로시간 = 주 소정근로시간 × 365/7/12


@dataclass(frozen=True)
class Rates:
    """The rules in force in one month."""

    pension: InsuranceRate
    health: InsuranceRate
    care: InsuranceRate
    employment: InsuranceRate
    accident: InsuranceRate
    tax: IncomeTaxRule


@dataclass
class DeductionRun:
    month: date
    count: int
    deductions: int
    net: int
    employer: int
    frozen: int = 0


def _in_force(queryset, day: date):
    return queryset.filter(valid_from__lte=day).exclude(valid_to__lt=day).order_by("-valid_from").first()


def rates_for(month: date) -> Rates:
    """The rates in force on the month's first day; a missing one is a clear error (enter it on the rates page)."""
    day = month_start(month)
    found = {}
    for insurance in Insurance:
        rows = InsuranceRate.objects.filter(insurance=insurance)
        if insurance == Insurance.ACCIDENT:
            rows = rows.filter(industry=ACCIDENT_INDUSTRY)
        rate = _in_force(rows, day)
        if rate is None:
            raise ValidationFailed(
                f"{screen_month(day)}에 적용할 {insurance.label} 요율이 없습니다. 요율을 먼저 입력하십시오."
            )
        found[insurance.value] = rate
    tax = _in_force(IncomeTaxRule.objects.all(), day)
    if tax is None:
        raise ValidationFailed(f"{screen_month(day)}에 적용할 소득세 원천징수 기준이 없습니다.")
    return Rates(tax=tax, **found)


def _round(amount: Decimal, rounding: str) -> int:
    return floor_won(amount) if rounding == Rounding.WON else floor_ten(amount)


def _age(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _covered(rate: InsuranceRate, *, month_hours: Decimal, contract_days: int) -> str | None:
    """Why the insurance does not apply (a Korean phrase), or None when it does (age apart)."""
    if month_hours < rate.min_month_hours:
        return f"월 {rate.min_month_hours}시간 미만"
    if contract_days < rate.min_contract_days:
        return "1개월 미만 계약" if rate.min_contract_days <= 31 else f"{rate.min_contract_days}일 미만 계약"
    return None


def deduction_line(*, item: PaymentInput, month: date, rates: Rates, family: int = 1) -> dict:
    """One month's deductions, net pay and employer contributions of one Payment, with the rules applied."""
    day = month_start(month)
    gross = item.gross
    age = _age(item.birth_date, day)
    contract_days = (item.end_date - item.start_date).days + 1
    month_hours = Decimal(item.weekly_hours) * MONTH_HOURS_PER_WEEK
    notes = []
    # 국민연금: 기준소득월액 (천원 미만 절사, 하한·상한) × 요율, 원 미만 절사
    p = rates.pension
    reason = _covered(p, month_hours=month_hours, contract_days=contract_days)
    if reason is None and p.age_limit is not None and age >= p.age_limit:
        reason = f"{p.age_limit}세 이상"
    if reason is None:
        base = min(max(gross // 1000 * 1000, p.base_floor or 0), p.base_ceiling or gross)
        pension = _round(base * p.worker_rate / 100, p.rounding)
        employer_pension = _round(base * p.employer_rate / 100, p.rounding)
        notes.append(f"국민연금 기준소득월액 {base:,}원")
    else:
        pension = employer_pension = 0
        notes.append(f"국민연금 제외({reason})")
    # 건강보험 (보수월액 × 요율) and 장기요양보험 (건강보험료 × 요율)
    h, c = rates.health, rates.care
    reason = _covered(h, month_hours=month_hours, contract_days=contract_days)
    if reason is None:
        health = _round(gross * h.worker_rate / 100, h.rounding)
        employer_health = _round(gross * h.employer_rate / 100, h.rounding)
        care = _round(health * c.worker_rate / 100, c.rounding)
        employer_care = _round(employer_health * c.employer_rate / 100, c.rounding)
        notes.append("건강·장기요양 적용")
    else:
        health = employer_health = care = employer_care = 0
        notes.append(f"건강·장기요양 제외({reason})")
    # 고용보험: the worker's share and the employer's (실업급여 + 고용안정·직업능력개발)
    e = rates.employment
    reason = _covered(e, month_hours=month_hours, contract_days=contract_days)
    if reason is None and e.age_limit is not None and age >= e.age_limit:
        employment = 0
        employer_employment = _round(gross * e.employer_extra_rate / 100, e.rounding)
        notes.append(f"고용보험 실업급여 제외({e.age_limit}세 이상)")
    elif reason is None:
        employment = _round(gross * e.worker_rate / 100, e.rounding)
        employer_employment = _round(gross * (e.employer_rate + e.employer_extra_rate) / 100, e.rounding)
        notes.append("고용보험 적용")
    else:
        employment = employer_employment = 0
        notes.append(f"고용보험 제외({reason})")
    a = rates.accident
    employer_accident = _round(gross * a.employer_rate / 100, a.rounding)
    # 소득세: 일용근로소득 (short contracts) or the 간이세액표
    t = rates.tax
    if contract_days < t.daily_contract_days:
        method = PayDeduction.TaxMethod.DAILY
        income_tax = daily_wage_tax(
            gross,
            days=item.days_worked,
            deduction=t.daily_deduction,
            rate=t.daily_rate,
            credit=t.daily_credit,
            small_amount=t.small_amount,
        )
        notes.append(f"일용근로소득({item.days_worked}일)")
    else:
        method = PayDeduction.TaxMethod.MONTHLY
        income_tax = monthly_wage_tax(
            gross, family=family, edition=t.simple_table, pension_rate=p.worker_rate, pension_ceiling=p.base_ceiling
        )
        if income_tax < t.small_amount:  # 소액부징수 (소득세법 제86조) applies to every withholding
            income_tax = 0
        notes.append(f"간이세액표(공제대상가족 {family}명)")
    local_tax = local_income_tax(income_tax, rate=t.local_rate)
    deductions = pension + health + care + employment + income_tax + local_tax
    employer_total = employer_pension + employer_health + employer_care + employer_employment + employer_accident
    return {
        "gross": gross,
        "pension": pension,
        "health": health,
        "care": care,
        "employment": employment,
        "income_tax": income_tax,
        "local_tax": local_tax,
        "deductions": deductions,
        "net": gross - deductions,
        "employer_pension": employer_pension,
        "employer_health": employer_health,
        "employer_care": employer_care,
        "employer_employment": employer_employment,
        "employer_accident": employer_accident,
        "employer_total": employer_total,
        "tax_method": method,
        "coverage": " · ".join(notes)[:300],
    }


def deductions_compute(*, actor, month: date, worksite=None) -> DeductionRun:
    if actor is not None:
        if worksite is not None:
            require(access_worksite_records(actor, worksite), "이 사업장의 급여 공제를 계산할 권한이 없습니다.")
        else:
            require(access_participation_tables_manage(actor), "전체 급여 공제를 계산할 권한이 없습니다.")
    month = month_start(month)
    require_month_open(month, field="month")
    confirmed = pay_confirmed_worksite_ids(month=month)
    if worksite is not None and worksite.pk in confirmed:
        raise field_error("month", f"{screen_month(month)} 급여가 확정되어 공제를 다시 계산할 수 없습니다.")
    missing = records_missing_count(month=month, worksite=worksite)
    if missing:
        raise field_error(
            "month",
            f"{screen_month(month)} 근무상황이 입력되지 않은 참여자가 {missing:,}명 있습니다. 먼저 입력하십시오.",
        )
    items = payment_inputs(month=month, worksite=worksite)
    if not items:
        raise field_error("month", f"{screen_month(month)} 급여가 계산되지 않았습니다. 급여를 먼저 계산하십시오.")
    rates = rates_for(month)
    open_items = [item for item in items if item.worksite_id not in confirmed]
    now = timezone.now()
    actor_id = actor.pk if actor is not None else None
    lines = [(item.pk, deduction_line(item=item, month=month, rates=rates)) for item in open_items]
    place = worksite.place_label if worksite is not None else "전체"
    with history_batch(
        kind="payroll.deductions",
        label="급여 공제 계산",
        subject=f"{month.year}년 {month.month}월 {place} 급여 공제",
        actor=actor,
    ):
        history_bulk_replace(
            PayDeduction,
            existing=PayDeduction.objects.filter(month=month, payment_id__in=[pk for pk, _ in lines]),
            rows=(
                PayDeduction(payment_id=pk, month=month, computed_at=now, computed_by_id=actor_id, **line)
                for pk, line in lines
            ),
            key=("payment_id",),
            fields=DEDUCTION_FIELDS,
            extra=("computed_at", "computed_by_id", "month"),
            keep_missing=True,
            describe=lambda row: f"급여 #{row.payment_id} {screen_month(row.month)} 공제",
        )
        # a line whose figures did not change was still computed now, from the pay as it is now (the 급여 확정
        # check compares the two times): every line of the run carries this run's time — by key, in chunks, with no
        # join (an UPDATE … IN (SELECT … JOIN) over a month of public works takes minutes on PostgreSQL)
        ids = [pk for pk, _ in lines]
        for start in range(0, len(ids), 2000):
            PayDeduction.objects.filter(
                month=month, payment_id__in=ids[start : start + 2000], computed_at__lt=now
            ).update(computed_at=now, computed_by_id=actor_id)
    return DeductionRun(
        month=month,
        count=len(lines),
        deductions=sum(line["deductions"] for _, line in lines),
        net=sum(line["net"] for _, line in lines),
        employer=sum(line["employer_total"] for _, line in lines),
        frozen=len(items) - len(open_items),
    )


def deductions_current_check(*, worksite, month: date) -> None:
    """A month's pay is confirmed only with its current deductions (participation.pay_confirm_check calls this)."""
    missing, stale = deductions_outdated(worksite=worksite, month=month)
    if missing or stale:
        parts = [f"공제가 계산되지 않은 급여 {missing:,}건"] if missing else []
        parts += [f"공제 계산 뒤 다시 계산된 급여 {stale:,}건"] if stale else []
        raise ValidationFailed(
            f"{screen_month(month)} 급여에 {', '.join(parts)}이 있습니다. 급여 공제를 다시 계산한 뒤 확정하십시오."
        )


# --- the rates page -------------------------------------------------------------------------------------------


def _period_check(model, rows, *, valid_from: date, valid_to: date | None, what: str):
    """Refuses an overlap with another period; returns the open-ended earlier period to close, if that is the only
    one."""
    if valid_to is not None and valid_to < valid_from:
        raise field_error("valid_to", "적용 종료일이 시작일보다 빠릅니다.")
    overlapping = rows.filter(valid_from__lte=valid_to) if valid_to is not None else rows
    overlapping = list(overlapping.exclude(valid_to__lt=valid_from).order_by("valid_from"))
    to_close = None
    if overlapping and overlapping[0].valid_to is None and overlapping[0].valid_from < valid_from:
        to_close = overlapping.pop(0)
    if overlapping:
        other = overlapping[0]
        until = f"{screen_date(other.valid_to)}까지" if other.valid_to else "종료일 없이"
        raise field_error(
            "valid_from",
            f"{what}의 적용 기간이 이미 입력된 기간({screen_date(other.valid_from)}부터 {until})과 겹칩니다.",
        )
    return to_close


def _rate_bound(field: str, value: Decimal | None, bound: Decimal, label: str) -> None:
    if value is None or value < 0 or value > bound:
        raise field_error(field, f"{with_topic(label)} 0% 이상 {bound}% 이하여야 합니다.")


def insurance_rate_save(
    *,
    actor,
    insurance: str,
    valid_from: date,
    worker_rate: Decimal,
    employer_rate: Decimal,
    source: str,
    industry: str = "",
    valid_to: date | None = None,
    employer_extra_rate: Decimal = Decimal(0),
    base_floor: int | None = None,
    base_ceiling: int | None = None,
    rounding: str = Rounding.TEN_WON,
    min_month_hours: int = 0,
    min_contract_days: int = 0,
    age_limit: int | None = None,
) -> InsuranceRate:
    if actor is not None:
        require(access_participation_tables_manage(actor), "보험 요율을 입력할 권한이 없습니다.")
    if insurance not in Insurance.values:
        raise field_error("insurance", "보험을 고르십시오.")
    bound = CARE_BOUND if insurance == Insurance.CARE else RATE_BOUND
    _rate_bound("worker_rate", worker_rate, bound, "근로자 요율")
    _rate_bound("employer_rate", employer_rate, bound, "사업주 요율")
    _rate_bound("employer_extra_rate", employer_extra_rate, RATE_BOUND, "사업주 추가 요율")
    if insurance == Insurance.PENSION and (not base_floor or not base_ceiling):
        raise field_error("base_floor", "국민연금은 기준소득월액 하한과 상한을 입력해야 합니다.")
    if base_floor and base_ceiling and base_floor >= base_ceiling:
        raise field_error("base_ceiling", "기준소득월액 상한은 하한보다 커야 합니다.")
    if insurance == Insurance.ACCIDENT and not industry:
        industry = ACCIDENT_INDUSTRY
    if not source.strip():
        raise field_error("source", "법적 근거를 적으십시오.")
    label = Insurance(insurance).label
    with (
        history_batch(kind="payroll.rates", label="보험 요율 입력", subject=f"{label} 요율", actor=actor),
        transaction.atomic(),
    ):
        rows = InsuranceRate.objects.select_for_update().filter(insurance=insurance, industry=industry)
        to_close = _period_check(InsuranceRate, rows, valid_from=valid_from, valid_to=valid_to, what=label)
        if to_close is not None:
            to_close.valid_to = valid_from - timedelta(days=1)
            to_close.save(update_fields=["valid_to", "updated_at"])
        return InsuranceRate.objects.create(
            insurance=insurance,
            industry=industry,
            valid_from=valid_from,
            valid_to=valid_to,
            worker_rate=worker_rate,
            employer_rate=employer_rate,
            employer_extra_rate=employer_extra_rate,
            base_floor=base_floor,
            base_ceiling=base_ceiling,
            rounding=rounding,
            min_month_hours=min_month_hours,
            min_contract_days=min_contract_days,
            age_limit=age_limit,
            source=source.strip(),
            entered_by=actor,
        )


def income_tax_rule_save(
    *,
    actor,
    valid_from: date,
    simple_table: str,
    daily_deduction: int,
    daily_rate: Decimal,
    daily_credit: Decimal,
    small_amount: int,
    local_rate: Decimal,
    daily_contract_days: int,
    source: str,
    valid_to: date | None = None,
) -> IncomeTaxRule:
    if actor is not None:
        require(access_participation_tables_manage(actor), "소득세 기준을 입력할 권한이 없습니다.")
    _rate_bound("daily_rate", daily_rate, Decimal(45), "일용근로 세율")
    _rate_bound("daily_credit", daily_credit, Decimal(100), "일용근로 세액공제율")
    _rate_bound("local_rate", local_rate, Decimal(20), "지방소득세율")
    if not (len(simple_table) == 4 and simple_table.isdecimal()):
        raise field_error("simple_table", "간이세액표는 개정 연도(네 자리)로 적으십시오.")
    if not source.strip():
        raise field_error("source", "법적 근거를 적으십시오.")
    with (
        history_batch(kind="payroll.rates", label="소득세 기준 입력", subject="소득세 원천징수 기준", actor=actor),
        transaction.atomic(),
    ):
        rows = IncomeTaxRule.objects.select_for_update().all()
        to_close = _period_check(
            IncomeTaxRule, rows, valid_from=valid_from, valid_to=valid_to, what="소득세 원천징수 기준"
        )
        if to_close is not None:
            to_close.valid_to = valid_from - timedelta(days=1)
            to_close.save(update_fields=["valid_to", "updated_at"])
        return IncomeTaxRule.objects.create(
            valid_from=valid_from,
            valid_to=valid_to,
            simple_table=simple_table,
            daily_deduction=daily_deduction,
            daily_rate=daily_rate,
            daily_credit=daily_credit,
            small_amount=small_amount,
            local_rate=local_rate,
            daily_contract_days=daily_contract_days,
            source=source.strip(),
            entered_by=actor,
        )
