"""Pay (급여): the labour rules applied to a month's work record (pay_amounts), a month's pay computed for every
placement with a record, set-based (pay_compute), and a worksite's month made final on its approval (pay_confirm)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone

from iljari.approvals.services import approval_draft
from iljari.core.access import access_participation_tables_manage, access_worksite_records, require
from iljari.core.errors import ValidationFailed
from iljari.core.formats import screen_month
from iljari.core.history import history_batch, history_bulk_replace
from iljari.core.locks import require_month_open
from iljari.participation.calendar import daily_hours, holidays_between, month_calendar, month_end, month_start
from iljari.participation.models import PayConfirmation, Payment, Placement, ProgrammeTerms, WorkRecord, Worksite
from iljari.participation.pay_checks import pay_confirm_checks_run
from iljari.participation.services.tables import living_wage_hourly

PAY_FIELDS = ("hourly_wage", "work_pay", "weekly_rest_pay", "holiday_pay", "leave_pay", "total", "paid_holidays")
PAY_RULE = "iljari-pay-v1"  # hours × wage; weekly rest for 15+ h/week; paid public holidays; 원 미만 절사
WEEKLY_REST_MIN_HOURS = Decimal(15)


def won_floor(amount: Decimal) -> int:
    """The amount rounded down to the whole 원 (원 미만 절사)."""
    return int(amount.to_integral_value(rounding=ROUND_FLOOR))


@dataclass(frozen=True)
class _PayInput:
    """What the pay of one month reads of a work record and its placement (pay_amounts, month_calendar)."""

    COLUMNS = (
        "placement_id",
        "placement__start_date",
        "placement__end_date",
        "placement__ended_on",
        "placement__programme_id",
        "placement__weekly_hours",
        "placement__hourly_wage",
        "hours_worked",
        "paid_leave_hours",
        "full_weeks",
    )

    pk: int
    start_date: date
    end_date: date
    ended_on: date | None
    programme_id: int
    weekly_hours: Decimal
    hourly_wage: int
    hours_worked: Decimal
    paid_leave_hours: Decimal
    full_weeks: int

    @property
    def last_day(self) -> date:
        return self.ended_on or self.end_date


@dataclass
class PayRun:
    month: date
    count: int
    total: int


def pay_amounts(*, record: WorkRecord, placement: Placement, wage: int, holidays: int, terms: ProgrammeTerms) -> dict:
    """The labour rules, applied to one month: hours worked at the wage; a paid weekly rest day (1일 소정근로시간)
    for each week attended in full when the contract is 15 hours a week or more; each public holiday on a
    working day paid a day's hours where the programme pays them; paid leave at the wage. Each amount is
    rounded down to the 원."""
    day_hours = daily_hours(placement.weekly_hours)
    rest_weeks = record.full_weeks if placement.weekly_hours >= WEEKLY_REST_MIN_HOURS else 0
    paid_holidays = holidays if terms.paid_public_holidays else 0
    amounts = {
        "hourly_wage": wage,
        "work_pay": won_floor(Decimal(record.hours_worked) * wage),
        "weekly_rest_pay": won_floor(rest_weeks * day_hours * wage),
        "holiday_pay": won_floor(paid_holidays * day_hours * wage),
        "leave_pay": won_floor(Decimal(record.paid_leave_hours) * wage),
        "paid_holidays": paid_holidays,
    }
    amounts["total"] = sum(amounts[k] for k in ("work_pay", "weekly_rest_pay", "holiday_pay", "leave_pay"))
    return amounts


def pay_compute(*, actor, month: date, worksite: Worksite | None = None) -> PayRun:
    if actor is not None:
        if worksite is not None:
            require(access_worksite_records(actor, worksite), "이 사업장의 급여를 계산할 권한이 없습니다.")
        else:
            require(access_participation_tables_manage(actor), "전체 급여를 계산할 권한이 없습니다.")
    month = month_start(month)
    require_month_open(month, field="month")
    confirmed = PayConfirmation.objects.filter(month=month)
    if worksite is not None:
        confirmed = confirmed.filter(worksite=worksite)
    if confirmed.exists():
        raise ValidationFailed(
            f"{month.year}년 {month.month}월 급여가 확정되어 다시 계산할 수 없습니다.",
            field_errors={"month": ["급여가 확정된 달입니다."]},
        )
    chosen = WorkRecord.objects.filter(month=month)
    if worksite is not None:
        chosen = chosen.filter(placement__worksite=worksite)
    rows = list(chosen.values_list(*_PayInput.COLUMNS).order_by())  # plain rows: no model instance per record
    if not rows:
        raise ValidationFailed(f"{screen_month(month)} 근무상황이 입력된 참여자가 없습니다.")
    floor = living_wage_hourly(month.year)
    holidays = holidays_between(month, month_end(month))
    terms = {t.programme_id: t for t in ProgrammeTerms.objects.filter(programme__in={row[4] for row in rows})}
    now = timezone.now()
    payments = []
    for row in rows:
        item = _PayInput(*row)
        span = month_calendar(placement=item, month=month, holidays=holidays)
        amounts = pay_amounts(
            record=item,
            placement=item,
            wage=max(item.hourly_wage, floor),
            holidays=span.holidays,
            terms=terms[item.programme_id],
        )
        payments.append((item.pk, amounts))
    actor_id = actor.pk if actor is not None else None
    place = worksite.place_label if worksite is not None else "전체"
    with history_batch(
        kind="participation.pay", label="급여 계산", subject=f"{month.year}년 {month.month}월 {place} 급여", actor=actor
    ):
        # a payment whose amounts come out the same is left as it was (its computed_at stays that of the run that
        # first found them); the others are updated with before and after, or created
        history_bulk_replace(
            Payment,
            existing=Payment.objects.filter(month=month, placement__in=chosen.values("placement_id")),
            rows=(
                Payment(placement_id=pk, month=month, computed_at=now, computed_by_id=actor_id, rule=PAY_RULE, **a)
                for pk, a in payments
            ),
            key=("placement_id", "month"),
            fields=(*PAY_FIELDS, "rule"),
            extra=("computed_at", "computed_by_id"),
            keep_missing=True,
            describe=lambda payment: f"참여 #{payment.placement_id} {screen_month(payment.month)} 급여",
        )
    return PayRun(month=month, count=len(payments), total=sum(a["total"] for _, a in payments))


PAY_CONFIRM = "participation.pay_confirm"  # the act (participation/approval_acts.py)


@dataclass(frozen=True)
class PayMonth:
    """A worksite's month of pay: what 급여 확정 confirms."""

    worksite: Worksite
    month: date

    @property
    def key(self) -> str:
        return f"{self.worksite.code}/{self.month:%Y-%m}"

    @property
    def label(self) -> str:
        return f"{self.worksite.name} {self.month.year}년 {self.month.month}월 급여"


def pay_month_totals(*, worksite: Worksite, month: date) -> tuple[int, int]:
    """(people paid, total 원) of a worksite's month as computed now."""
    row = Payment.objects.filter(month=month_start(month), placement__worksite=worksite).aggregate(
        n=Count("pk"), total=Sum("total")
    )
    return row["n"] or 0, row["total"] or 0


def pay_confirm_check(*, worksite: Worksite, month: date) -> None:
    """Refuses a month that cannot be confirmed: confirmed already, no pay computed, or a check the apps above
    registered refuses it (participation/pay_checks.py: payroll's "deductions computed after the pay")."""
    month = month_start(month)
    if PayConfirmation.objects.filter(worksite=worksite, month=month).exists():
        raise ValidationFailed(f"{month.year}년 {month.month}월 급여는 이미 확정되었습니다.")
    if not Payment.objects.filter(month=month, placement__worksite=worksite).exists():
        raise ValidationFailed(f"{month.year}년 {month.month}월 급여를 먼저 계산하십시오.")
    pay_confirm_checks_run(worksite=worksite, month=month)


def pay_confirm(*, actor, worksite: Worksite, month: date, approval=None) -> PayConfirmation | None:
    """Make a worksite's month of pay final (급여 확정): at once for the system (actor None) or on its approval's final
    step (`approval`: the act's run); any other actor drafts the approval instead (전결 at once where the actor's
    own position gives it). Returns the confirmation, or None while it waits for its approval."""
    month = month_start(month)
    if actor is not None:
        require(access_worksite_records(actor, worksite), "이 사업장의 급여를 확정할 권한이 없습니다.")
        if approval is None:
            approval_draft(actor=actor, act=PAY_CONFIRM, target=PayMonth(worksite, month))
            return PayConfirmation.objects.filter(worksite=worksite, month=month).first()
    with transaction.atomic():
        pay_confirm_check(worksite=worksite, month=month)
        count, total = pay_month_totals(worksite=worksite, month=month)
        return PayConfirmation.objects.create(
            worksite=worksite,
            month=month,
            count=count,
            total=total,
            confirmed_at=timezone.now(),
            confirmed_by=actor,
        )
