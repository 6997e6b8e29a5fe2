"""participation selectors — worksites, placements, months and pay, employment rates; scoped to the user.

Contract:
- worksite_list(*, user, programme_code=None, query="", year=None, records_missing=None) -> QuerySet[Worksite]
      (in scope; `year`: of the worksite's programme's plan); each worksite annotated with `placed` (its placements
      still running: 배치, the figure its places 정원 bound) and `total` (every placement there), counted by
      subqueries, so the list's rows are not multiplied and a page counts only its own worksites
      `records_missing` (a month's first day): only the worksites of worksites_records_missing for that month
- worksites_records_missing(*, user, month) -> QuerySet[Worksite]
      the worksites in scope with someone at work in `month` whose work record (근무상황) of that month is not
      entered; division staff: of their own division's programmes. The work list counts these (the month before
      today) and links to the worksite list filtered to them.
- worksite_placed(queryset) -> QuerySet[Worksite]   the `placed` annotation, for every list of worksites
- worksite_placed_count(*, worksite) -> int         (unscoped, for the services' capacity rule)
- worksite_years() -> list[int]   the plan years of the programmes with terms, newest first (the worksite filter)
- worksite_get(*, user, code) -> Worksite               (404 out of scope; `placed` annotated as in the list)
- programme_worksites(*, user, programme) -> list[Worksite]    (`placed` annotated)
- latest_record_month(*, worksite) -> date | None
- placement_get(*, user, pk) -> Placement
- person_placement_list(*, user, person_id) -> QuerySet[Placement]      one person's placements in scope
- person_work_months(*, user, person_id) -> list[(WorkRecord, Payment | None)]   their months at worksites in
      scope, newest first (the participant's one page in web)
- placement_months(*, placement) -> list[PlacementMonth]                          (record and pay per month)
- my_placements(*, user) -> list[Placement]                                       (a citizen's own)
- payroll(*, user, worksite, month) -> Payroll                                    (rows and totals)
- payroll_sheet(*, user, worksite, month) -> bytes                                 (xlsx, resident numbers masked)
- work_record_sheet(*, user, worksite, month) -> bytes                             (the month's entry sheet)
- employment_rates(*, user, year) -> list[EmploymentRate]                          (per programme, set-based)
- placement_outcome(*, placement) -> EmploymentOutcome | None
- calls_awaiting_placement(*, user) -> list[Call]         (selected, not yet placed; a district officer: its quotas')
- placeable_quotas(*, user, call) -> (list[Quota], bool)  the quotas this user places, and whether the whole call
- placement_waiting(*, user, call) -> list[(quota name, n)]   selected people not yet placed, per quota, in scope
- living_wage_list() / public_holiday_list(*, year)
- programme_terms_list(*, year=None) -> list[(code, title)]   the programmes with terms (of the year), newest first
- programme_year(*, code) -> int | None
- placements_by_district(*, user, first_day, last_day) -> list[DistrictCount]
      people at work in the period per programme and district (the worksite's; None: the city or a partner), in
      one query — the monthly job disclosure's district table
- direct_jobs_overlapping(person_ids, first_day, last_day) -> QuerySet[Placement]
      (unscoped, for the services' rules) direct-job placements of these people overlapping the period
- direct_job_busy_person_ids(person_ids, first_day, last_day) -> set[int]
      the eligibility check intake's rule "no other direct job in the period" calls (registered in apps.ready)
- pay_month_state(*, worksite, month) -> dict   its 급여 확정 (PayConfirmation), the open approval, the act and key
- payment_inputs(*, month, worksite=None) -> list[PaymentInput]
      (unscoped, for payroll's services) each Payment of the month with what its deductions read: the person's
      birth date, the placement's contract and hours, the work record's days (one query, plain rows)
- records_missing_count(*, month, worksite=None) -> int
      (unscoped) people at work in the month (at the worksite) whose work record of the month is not entered
- pay_confirmed_worksite_ids(*, month) -> set[int]   (unscoped) the worksites whose month of pay is confirmed
- placements_starting_or_ending(*, month) -> list[Placement]
      (unscoped, for payroll's insurance filings) placements that start or end (ended_on, else end_date) in the
      month, with person and worksite
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from iljari.approvals.selectors import approval_open_for
from iljari.core.access import (
    access_participation_view,
    access_placements_manage,
    access_quota_place,
    figures_unit_path,
    require,
    scope_rows,
)
from iljari.core.errors import NotFound
from iljari.core.formats import ratio
from iljari.core.xlsx import Column, xlsx_table
from iljari.intake.models import Application, Call
from iljari.participation.calendar import month_end, month_start
from iljari.participation.models import (
    EmploymentOutcome,
    LivingWage,
    PayConfirmation,
    Payment,
    Placement,
    ProgrammeTerms,
    PublicHoliday,
    WorkRecord,
    Worksite,
)
from iljari.plan.models import Programme

WORK_RECORD_COLUMNS = [
    Column("placement", "참여 번호", kind="int", editable=False),
    Column("name", "성명", editable=False, required=False),
    Column("period", "참여 기간", editable=False, required=False),
    Column("days_worked", "근무일수", kind="int"),
    Column("hours_worked", "근무시간", kind="decimal"),
    Column("paid_leave_hours", "유급휴가 시간", kind="decimal", required=False),
    Column("full_weeks", "주휴 대상 주 수", kind="int"),
]
PAYROLL_COLUMNS = [
    Column("number", "번호", kind="int"),
    Column("name", "성명"),
    Column("rrn", "주민등록번호"),
    Column("days_worked", "근무일수", kind="int"),
    Column("hours_worked", "근무시간", kind="decimal"),
    Column("hourly_wage", "시급", kind="int"),
    Column("work_pay", "기본급", kind="int"),
    Column("weekly_rest_pay", "주휴수당", kind="int"),
    Column("holiday_pay", "공휴일 수당", kind="int"),
    Column("leave_pay", "유급휴가 수당", kind="int"),
    Column("total", "지급 총액", kind="int"),
]


def _scoped(user, queryset: QuerySet, prefix: str = "") -> QuerySet:
    require(access_participation_view(user))
    return scope_rows(user, queryset, district=f"{prefix}district", partner=f"{prefix}partner")


def _placements_counted(*, running: bool) -> Coalesce:
    """A correlated subquery counting one worksite's placements (the running ones, or all): one figure per worksite
    row, never a join that would repeat the worksite once per placement."""
    placements = Placement.objects.filter(worksite=OuterRef("pk"))
    if running:
        placements = placements.filter(status=Placement.Status.ACTIVE)
    counted = placements.order_by().values("worksite").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def worksite_placed(queryset: QuerySet) -> QuerySet:
    """The worksites annotated with `placed`: their placements still running (참여 중), the places taken (배치)."""
    return queryset.annotate(placed=_placements_counted(running=True))


def worksite_placed_count(*, worksite: Worksite) -> int:
    return Placement.objects.filter(worksite=worksite, status=Placement.Status.ACTIVE).count()


def worksites_records_missing(*, user, month: date) -> QuerySet[Worksite]:
    first, last = month_start(month), month_end(month)
    at_work = Placement.objects.filter(worksite=OuterRef("pk"), start_date__lte=last).filter(
        Q(ended_on__isnull=True, end_date__gte=first) | Q(ended_on__gte=first)
    )
    unrecorded = at_work.exclude(work_records__month=first)
    worksites = _scoped(user, Worksite.objects.all()).filter(Exists(unrecorded))
    unit_path = figures_unit_path(user)
    if unit_path:
        worksites = worksites.filter(programme__division__path__startswith=unit_path)
    return worksites


def worksite_list(
    *,
    user,
    programme_code: str | None = None,
    query: str = "",
    year: int | None = None,
    records_missing: date | None = None,
) -> QuerySet[Worksite]:
    worksites = _scoped(user, Worksite.objects.select_related("programme", "district", "partner", "org_unit"))
    if records_missing is not None:
        missing = worksites_records_missing(user=user, month=records_missing).values("pk")
        worksites = worksites.filter(pk__in=missing)
    if year is not None:
        worksites = worksites.filter(programme__objective__vision__year=year)
    if programme_code:
        worksites = worksites.filter(programme__code=programme_code)
    if query:
        worksites = worksites.filter(Q(name__icontains=query) | Q(project__icontains=query) | Q(code__iexact=query))
    worksites = worksite_placed(worksites).annotate(total=_placements_counted(running=False))
    return worksites.order_by("programme__code", "code")


def worksite_years() -> list[int]:
    return list(
        ProgrammeTerms.objects.values_list("programme__objective__vision__year", flat=True)
        .distinct()
        .order_by("-programme__objective__vision__year")
    )


def worksite_get(*, user, code: str) -> Worksite:
    worksite = (
        worksite_placed(
            _scoped(user, Worksite.objects.select_related("programme__division", "district", "partner", "org_unit"))
        )
        .filter(code=code)
        .first()
    )
    if worksite is None:
        raise NotFound("사업장을 찾을 수 없습니다.")
    return worksite


def programme_worksites(*, user, programme) -> list[Worksite]:
    """The programme's running worksites, for placing its selected applicants."""
    return list(
        worksite_placed(_scoped(user, Worksite.objects.filter(programme=programme, is_active=True))).order_by("code")
    )


def latest_record_month(*, worksite: Worksite) -> date | None:
    return (
        WorkRecord.objects.filter(placement__worksite=worksite)
        .order_by("-month")
        .values_list("month", flat=True)
        .first()
    )


def person_placement_list(*, user, person_id: int) -> QuerySet[Placement]:
    rows = Placement.objects.filter(person_id=person_id).select_related("worksite", "programme")
    return _scoped(user, rows, prefix="worksite__").order_by("-start_date", "pk")


def person_work_months(*, user, person_id: int) -> list[tuple[WorkRecord, Payment | None]]:
    placements = person_placement_list(user=user, person_id=person_id).values("pk")
    records = list(
        WorkRecord.objects.filter(placement__in=placements).select_related("placement__worksite").order_by("-month")
    )
    payments = {(p.placement_id, p.month): p for p in Payment.objects.filter(placement__in=placements)}
    return [(record, payments.get((record.placement_id, record.month))) for record in records]


def placement_get(*, user, pk: int) -> Placement:
    placement = (
        _scoped(
            user,
            Placement.objects.select_related("person", "worksite__programme__division", "programme", "application"),
            prefix="worksite__",
        )
        .filter(pk=pk)
        .first()
    )
    if placement is None:
        raise NotFound("참여 기록을 찾을 수 없습니다.")
    return placement


@dataclass
class PlacementMonth:
    month: date
    record: WorkRecord | None
    payment: Payment | None


def placement_months(*, placement: Placement) -> list[PlacementMonth]:
    records = {r.month: r for r in placement.work_records.all()}
    payments = {p.month: p for p in placement.payments.all()}
    months = sorted(set(records) | set(payments))
    return [PlacementMonth(month=m, record=records.get(m), payment=payments.get(m)) for m in months]


def my_placements(*, user) -> list[Placement]:
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is None:
        return []
    return list(
        Placement.objects.filter(person=person)
        .select_related("worksite", "programme")
        .prefetch_related("work_records", "payments")
        .order_by("-start_date")
    )


@dataclass
class PayrollRow:
    placement: Placement
    record: WorkRecord | None
    payment: Payment | None
    extra: tuple[int, int] | None = None  # (공제 계, 실지급액) when an app above adds them (pay_extras)


@dataclass
class Payroll:
    worksite: Worksite
    month: date
    rows: list[PayrollRow] = field(default_factory=list)
    city_share_percent: int = 100  # of a district worksite's pay, the city's part (public works: 70)

    @property
    def city_pay(self) -> int:
        """The city's part of the month's pay (rounded down to the 원; the district pays the rest)."""
        return self.totals["total"] * self.city_share_percent // 100

    @property
    def district_pay(self) -> int:
        return self.totals["total"] - self.city_pay

    @property
    def district_share_percent(self) -> int:
        return 100 - self.city_share_percent

    @property
    def totals(self) -> dict[str, int]:
        keys = ("work_pay", "weekly_rest_pay", "holiday_pay", "leave_pay", "total")
        return {k: sum(getattr(r.payment, k) for r in self.rows if r.payment) for k in keys}

    @property
    def missing_records(self) -> int:
        return sum(1 for r in self.rows if r.record is None)

    @property
    def unpaid(self) -> int:
        return sum(1 for r in self.rows if r.record is not None and r.payment is None)


def payroll(*, user, worksite: Worksite, month: date) -> Payroll:
    """Everyone placed at the worksite during the month, with their record and pay (one query each)."""
    month = month_start(month)
    worksite = worksite_get(user=user, code=worksite.code)
    placements = list(
        Placement.objects.filter(worksite=worksite, start_date__lte=month_end(month))
        .filter(Q(ended_on__isnull=True, end_date__gte=month) | Q(ended_on__gte=month))
        .select_related("person")
        .order_by("person__name", "pk")
    )
    records = {r.placement_id: r for r in WorkRecord.objects.filter(placement__in=placements, month=month)}
    payments = {p.placement_id: p for p in Payment.objects.filter(placement__in=placements, month=month)}
    share = 100
    if worksite.operator == Worksite.Operator.DISTRICT:
        share = (
            ProgrammeTerms.objects.filter(programme_id=worksite.programme_id)
            .values_list("city_share_percent", flat=True)
            .first()
        )
        share = 100 if share is None else share
    return Payroll(
        worksite=worksite,
        month=month,
        rows=[PayrollRow(placement=p, record=records.get(p.pk), payment=payments.get(p.pk)) for p in placements],
        city_share_percent=share,
    )


def payroll_sheet(*, user, worksite: Worksite, month: date) -> bytes:
    sheet = payroll(user=user, worksite=worksite, month=month)
    rows = [
        {
            "number": index,
            "name": row.placement.person.name,
            "rrn": row.placement.person.rrn_masked,
            "days_worked": row.record.days_worked if row.record else None,
            "hours_worked": row.record.hours_worked if row.record else None,
            **(
                {k: getattr(row.payment, k) for k in ("hourly_wage", "work_pay", "weekly_rest_pay", "holiday_pay")}
                | {"leave_pay": row.payment.leave_pay, "total": row.payment.total}
                if row.payment
                else {}
            ),
        }
        for index, row in enumerate(sheet.rows, start=1)
    ]
    rows.append({"name": "합계", **sheet.totals})
    return xlsx_table(
        title=f"급여대장 {month:%Y-%m}",
        columns=PAYROLL_COLUMNS,
        rows=rows,
        note=(
            f"{worksite.name} · {month.year}년 {month.month}월 · (단위: 원) · 주민등록번호는 가려서 적었습니다."
            + (
                f" · 시비 {sheet.city_pay:,}원 / 구비 {sheet.district_pay:,}원 (시 {sheet.city_share_percent}%)"
                if sheet.city_share_percent < 100
                else ""
            )
        ),
    )


def work_record_sheet(*, user, worksite: Worksite, month: date) -> bytes:
    sheet = payroll(user=user, worksite=worksite, month=month)
    rows = [
        {
            "placement": row.placement.pk,
            "name": row.placement.person.name,
            "period": f"{row.placement.start_date:%Y-%m-%d}~{row.placement.last_day:%Y-%m-%d}",
            "days_worked": row.record.days_worked if row.record else None,
            "hours_worked": row.record.hours_worked if row.record else None,
            "paid_leave_hours": row.record.paid_leave_hours if row.record else None,
            "full_weeks": row.record.full_weeks if row.record else None,
        }
        for row in sheet.rows
    ]
    return xlsx_table(
        title="근무상황",
        columns=WORK_RECORD_COLUMNS,
        rows=rows,
        note=f"{worksite.name} {month.year}년 {month.month}월 근무상황. 회색 열은 바꾸지 마십시오.",
    )


@dataclass
class EmploymentRate:
    programme_code: str
    programme_name: str
    ended: int
    employed: int

    @property
    def rate(self) -> Decimal | None:
        return ratio(self.employed, self.ended)


def employment_rates(*, user, year: int) -> list[EmploymentRate]:
    """Per programme: placements that ended in the year (completed or dropped) and how many of them found a job
    (an employment outcome recorded) — the programme's employment rate (취업률)."""
    rows = (
        _scoped(user, Placement.objects.all(), prefix="worksite__")
        .filter(
            Q(ended_on__year=year) | Q(ended_on__isnull=True, end_date__year=year, end_date__lt=timezone.localdate())
        )
        .values("programme__code", "programme__title")
        .annotate(ended=Count("pk"), employed=Count("outcome"))
        .order_by("programme__code")
    )
    return [
        EmploymentRate(
            programme_code=r["programme__code"],
            programme_name=r["programme__title"],
            ended=r["ended"],
            employed=r["employed"],
        )
        for r in rows
    ]


def living_wage_list() -> list[LivingWage]:
    return list(LivingWage.objects.all())


def public_holiday_list(*, year: int) -> list[PublicHoliday]:
    return list(PublicHoliday.objects.filter(day__year=year))


def programme_terms_list(*, year: int | None = None) -> list[tuple[str, str]]:
    """(code, title) of the programmes with terms, for the worksite filter: of one plan year when given (a city
    holds a thousand over the years; a year about two hundred)."""
    terms = ProgrammeTerms.objects.all()
    if year is not None:
        terms = terms.filter(programme__objective__vision__year=year)
    return list(terms.order_by("-programme__code").values_list("programme__code", "programme__title"))


def programme_year(*, code: str) -> int | None:
    """The plan year of the programme with this code (None when there is none)."""
    return Programme.objects.filter(code=code).values_list("objective__vision__year", flat=True).first()


def placement_outcome(*, placement: Placement) -> EmploymentOutcome | None:
    return EmploymentOutcome.objects.filter(placement=placement).first()


def _waiting(user):
    """Selected applications not yet placed, in the user's scope (a district officer: its district's quotas)."""
    return scope_rows(
        user, Application.objects.filter(status="selected", placed_at__isnull=True), district="quota__district"
    )


def calls_awaiting_placement(*, user) -> list:
    """Calls of programmes with participation terms that have selected applicants not yet placed (for a district
    officer, of its district's quotas), with `waiting` set to their number."""
    require(access_participation_view(user))
    counts = dict(
        _waiting(user)
        .filter(call__programme__participation_terms__isnull=False)
        .values_list("call_id")
        .annotate(n=Count("pk"))
        .values_list("call_id", "n")
        .order_by()
    )
    calls = list(Call.objects.filter(pk__in=counts).select_related("programme").order_by("-opens_at"))
    for call in calls:
        call.waiting = counts[call.pk]
    return calls


def placeable_quotas(*, user, call) -> tuple[list, bool]:
    """The quotas of the call whose selected people this user places, and whether it places the whole call."""
    division = call.programme.division.path
    quotas = [q for q in call.quotas.all() if access_quota_place(user, division, q.district_id)]
    return quotas, access_placements_manage(user, division)


def placement_waiting(*, user, call) -> list[tuple[str, int]]:
    """(quota name, selected people not yet placed) for the call, in the user's scope."""
    counts = dict(
        _waiting(user).filter(call=call).values_list("quota_id").annotate(n=Count("pk")).values_list("quota_id", "n")
    )
    return [(q.name, counts[q.pk]) for q in call.quotas.all() if counts.get(q.pk)]


def direct_jobs_overlapping(person_ids, first_day: date, last_day: date) -> QuerySet[Placement]:
    """Direct-job placements of these people whose period (to the actual end when it ended early) overlaps
    first_day..last_day, in any programme."""
    return Placement.objects.filter(person_id__in=person_ids, is_direct_job=True, start_date__lte=last_day).filter(
        Q(ended_on__isnull=True, end_date__gte=first_day) | Q(ended_on__gte=first_day)
    )


def direct_job_busy_person_ids(person_ids, first_day: date, last_day: date) -> set[int]:
    ids = list(person_ids)
    found: set[int] = set()
    for start in range(0, len(ids), 5000):  # bounded parameter lists (SQLite's limit), one query per 5,000
        rows = direct_jobs_overlapping(ids[start : start + 5000], first_day, last_day).order_by()
        found.update(rows.values_list("person_id", flat=True))
    return found


@dataclass(frozen=True)
class DistrictCount:
    programme_code: str
    programme_title: str
    district_code: str | None
    district_name: str | None
    placements: int


def placements_by_district(*, user, first_day: date, last_day: date) -> list[DistrictCount]:
    require(access_participation_view(user))
    placements = scope_rows(
        user,
        Placement.objects.filter(start_date__lte=last_day).filter(
            Q(ended_on__isnull=True, end_date__gte=first_day) | Q(ended_on__gte=first_day)
        ),
        district="worksite__district",
        partner="worksite__partner",
    )
    rows = (
        placements.values_list(
            "programme__code", "programme__title", "worksite__district__code", "worksite__district__name"
        )
        .annotate(n=Count("pk"))
        .order_by("programme__code", "worksite__district__sort_order", "worksite__district__code")
    )
    return [DistrictCount(*row) for row in rows]


def pay_month_state(*, worksite, month) -> dict:
    """A worksite's month of pay: its confirmation (급여 확정) if made, the open approval (결재 중) if any, and the key
    the approval names it by."""
    key = f"{worksite.code}/{month:%Y-%m}"  # services.PayMonth's key (selectors do not import the services)
    return {
        "confirmation": PayConfirmation.objects.filter(worksite=worksite, month=month)
        .select_related("confirmed_by")
        .first(),
        "approval": approval_open_for(act="participation.pay_confirm", key=key),
        "act": "participation.pay_confirm",
        "key": key,
    }


@dataclass(frozen=True)
class PaymentInput:
    """One Payment and what payroll's deductions read of it (payment_inputs)."""

    COLUMNS = (
        "pk",
        "placement_id",
        "placement__worksite_id",
        "placement__person_id",
        "placement__person__birth_date",
        "placement__start_date",
        "placement__end_date",
        "placement__weekly_hours",
        "total",
    )

    pk: int
    placement_id: int
    worksite_id: int
    person_id: int
    birth_date: date
    start_date: date
    end_date: date
    weekly_hours: Decimal
    gross: int
    days_worked: int


def payment_inputs(*, month: date, worksite: Worksite | None = None) -> list[PaymentInput]:
    month = month_start(month)
    payments = Payment.objects.filter(month=month)
    if worksite is not None:
        payments = payments.filter(placement__worksite=worksite)
    days = WorkRecord.objects.filter(placement_id=OuterRef("placement_id"), month=month).values("days_worked")[:1]
    rows = payments.annotate(days=Coalesce(Subquery(days), 0)).order_by().values_list(*PaymentInput.COLUMNS, "days")
    return [PaymentInput(*row) for row in rows]


def records_missing_count(*, month: date, worksite: Worksite | None = None) -> int:
    first, last = month_start(month), month_end(month)
    at_work = Placement.objects.filter(start_date__lte=last).filter(
        Q(ended_on__isnull=True, end_date__gte=first) | Q(ended_on__gte=first)
    )
    if worksite is not None:
        at_work = at_work.filter(worksite=worksite)
    return at_work.exclude(work_records__month=first).count()


def pay_confirmed_worksite_ids(*, month: date) -> set[int]:
    return set(PayConfirmation.objects.filter(month=month_start(month)).values_list("worksite_id", flat=True))


def placements_starting_or_ending(*, month: date) -> list[Placement]:
    first, last = month_start(month), month_end(month)
    started = Q(start_date__range=(first, last))
    ended = Q(ended_on__range=(first, last)) | Q(ended_on__isnull=True, end_date__range=(first, last))
    return list(
        Placement.objects.filter(started | ended)
        .select_related("person", "worksite")
        .order_by("worksite__code", "person__name", "pk")
    )
