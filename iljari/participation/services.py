"""participation services — worksites, placements, monthly work records, pay, dropouts and outcomes.

Contract:
- living_wage_set(*, actor, year, hourly, note="") -> LivingWage
- public_holiday_set(*, actor, day, name) -> PublicHoliday
- programme_terms_set(*, actor, programme, target_group, is_direct_job=True, max_months=None, weekly_hours=40,
                      paid_public_holidays=True, city_share_percent=100) -> ProgrammeTerms
      city_share_percent: of a district worksite's pay, the city's part (공공근로 시·구 7:3 → 70)
- worksite_set(*, actor, code, programme, name, operator, org_unit=None, district=None, partner=None, **details)
      -> Worksite
- placement_create(*, actor, person, worksite, start_date, end_date, weekly_hours=None, application=None,
                   sync=True) -> Placement
      refuses a period longer than the programme allows, an application that was not selected or belongs to
      someone else, and a direct job overlapping another direct job of the same person in any programme (the
      person's row is locked while checking, so two staff cannot both place them). The hourly wage is the
      start year's living wage. Placing an application confirms its call's selection.
- placements_from_selection(*, actor, call, worksites, start_date, end_date, quota=None) -> int
      places every selected, not yet placed application of a call (or of one of its quotas), spreading them over
      the worksites in turn, set-based; all or nothing. A district officer places its own district quota's
      selected people at its own district's worksites. Placing confirms the call's selection
      (intake.applications_mark_placed), so that it cannot be run again under the people placed.
- placement_end(*, actor, placement, ended_on, reason="", note="") -> Placement
      completion (no reason) or dropout (with a reason); work records after the end are refused.
- work_record_set(*, actor, placement, month, days_worked, hours_worked, paid_leave_hours=0, full_weeks)
      -> WorkRecord      (the month must be open and within the placement; figures checked against the calendar)
- work_record_import(*, actor, worksite, month, data: bytes) -> int        (the worksite's month sheet; all or none)
- pay_compute(*, actor, month, worksite=None) -> PayRun
      computes the month's pay of every placement with a work record (of a worksite, or all the actor may
      run), set-based; replaces earlier figures while the month is open.
- pay_amounts(*, record, placement, wage, holidays, terms) -> dict           (pure: the labour rules)
- outcome_record(*, actor, placement, employed_on, employer, kind) -> EmploymentOutcome
- placement_achievements_sync(*, programme, year, as_of) -> dict[str, int]
      counts the programme's placements started in the year by target group and hands them to
      performance as the programme's job achievements (no hand copying).

`actor=None` is the system (demo loader, scheduled sync).
"""

from __future__ import annotations

import calendar
import functools
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from iljari.core.access import (
    access_participation_tables_manage,
    access_placements_manage,
    access_quota_place,
    access_worksite_records,
    require,
)
from iljari.core.bulk import rows_insert
from iljari.core.errors import ValidationFailed
from iljari.core.locks import require_month_open
from iljari.core.xlsx import xlsx_rows
from iljari.participation.models import (
    EmploymentOutcome,
    LivingWage,
    Payment,
    Placement,
    ProgrammeTerms,
    PublicHoliday,
    WorkRecord,
    Worksite,
)
from iljari.people.models import Person
from iljari.performance.models import TargetGroup

PAY_FIELDS = ("hourly_wage", "work_pay", "weekly_rest_pay", "holiday_pay", "leave_pay", "total", "paid_holidays")
PAY_RULE = "iljari-pay-v1"  # hours × wage; weekly rest for 15+ h/week; paid public holidays; 원 미만 절사
WEEKLY_REST_MIN_HOURS = Decimal(15)
MAX_DAILY_HOURS = Decimal(8)


# --- calendar helpers ----------------------------------------------------------------------------------


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _days(first: date, last: date):
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


@dataclass(frozen=True)
class MonthCalendar:
    """What a placement's part of a month holds: weekdays, paid holidays on weekdays, Sundays (weekly rest)."""

    first: date
    last: date
    scheduled_days: int  # weekdays that are not public holidays
    holidays: int  # public holidays on weekdays
    sundays: int

    @property
    def is_empty(self) -> bool:
        return self.first > self.last


def month_calendar(*, placement: Placement, month: date, holidays: set[date]) -> MonthCalendar:
    first = max(placement.start_date, month_start(month))
    last = min(placement.last_day, month_end(month))
    return _span(first, last, frozenset(d for d in holidays if first <= d <= last))


@functools.lru_cache(maxsize=4096)
def _span(first: date, last: date, holidays: frozenset[date]) -> MonthCalendar:
    """The calendar of first..last (most placements of a month share their period: computed once)."""
    scheduled = off = sundays = 0
    for day in _days(first, last) if first <= last else ():
        weekday = day.weekday()
        if weekday == 6:
            sundays += 1
        if weekday < 5:
            if day in holidays:
                off += 1
            else:
                scheduled += 1
    return MonthCalendar(first=first, last=last, scheduled_days=scheduled, holidays=off, sundays=sundays)


def holidays_between(first: date, last: date) -> set[date]:
    return set(PublicHoliday.objects.filter(day__range=(first, last)).values_list("day", flat=True))


def daily_hours(weekly_hours: Decimal) -> Decimal:
    return min(Decimal(weekly_hours) / 5, MAX_DAILY_HOURS)


def _won(amount: Decimal) -> int:
    return int(amount.to_integral_value(rounding=ROUND_FLOOR))


# --- tables the division keeps -------------------------------------------------------------------------


def living_wage_set(*, actor, year: int, hourly: int, note: str = "") -> LivingWage:
    if actor is not None:
        require(access_participation_tables_manage(actor), "생활임금을 바꿀 권한이 없습니다.")
    if not isinstance(hourly, int) or hourly <= 0:
        raise ValidationFailed(field_errors={"hourly": ["시급은 1원 이상의 정수여야 합니다."]})
    if not 2000 <= year <= 2100:
        raise ValidationFailed(field_errors={"year": ["연도를 확인하십시오."]})
    with transaction.atomic():
        wage, _ = LivingWage.objects.update_or_create(year=year, defaults={"hourly": hourly, "note": note})
    return wage


def public_holiday_set(*, actor, day: date, name: str) -> PublicHoliday:
    if actor is not None:
        require(access_participation_tables_manage(actor), "공휴일을 바꿀 권한이 없습니다.")
    if not (name or "").strip():
        raise ValidationFailed(field_errors={"name": ["공휴일 이름을 입력하십시오."]})
    with transaction.atomic():
        holiday, _ = PublicHoliday.objects.update_or_create(day=day, defaults={"name": name.strip()})
    return holiday


def programme_terms_set(
    *,
    actor,
    programme,
    target_group: str,
    is_direct_job: bool = True,
    max_months: int | None = None,
    weekly_hours=40,
    paid_public_holidays: bool = True,
    city_share_percent: int = 100,
) -> ProgrammeTerms:
    if actor is not None:
        require(access_placements_manage(actor, programme.division.path), "이 사업의 참여 조건을 바꿀 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if target_group not in TargetGroup.values:
        errors["target_group"] = ["사업대상을 고르십시오."]
    if max_months is not None and not 1 <= max_months <= 60:
        errors["max_months"] = ["최대 참여 개월은 1~60 사이여야 합니다."]
    if not 0 < Decimal(weekly_hours) <= 40:
        errors["weekly_hours"] = ["주 소정근로시간은 0시간 초과 40시간 이하여야 합니다."]
    if not isinstance(city_share_percent, int) or not 0 <= city_share_percent <= 100:
        errors["city_share_percent"] = ["시비 부담 비율은 0~100(%)입니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        terms, _ = ProgrammeTerms.objects.update_or_create(
            programme=programme,
            defaults={
                "target_group": target_group,
                "is_direct_job": is_direct_job,
                "max_months": max_months,
                "weekly_hours": Decimal(weekly_hours),
                "paid_public_holidays": paid_public_holidays,
                "city_share_percent": city_share_percent,
            },
        )
    return terms


def worksite_set(
    *,
    actor,
    code: str,
    programme,
    name: str,
    operator: str,
    org_unit=None,
    district=None,
    partner=None,
    **details,
) -> Worksite:
    if actor is not None:
        require(access_placements_manage(actor, programme.division.path), "이 사업의 사업장을 바꿀 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if not (code or "").strip():
        errors["code"] = ["사업장 코드를 입력하십시오."]
    if not (name or "").strip():
        errors["name"] = ["사업장명을 입력하십시오."]
    if operator not in Worksite.Operator.values:
        errors["operator"] = ["운영 주체를 고르십시오."]
    elif operator == Worksite.Operator.DISTRICT and district is None:
        errors["district"] = ["자치구 사업장은 자치구를 정해야 합니다."]
    elif operator == Worksite.Operator.PARTNER and partner is None:
        errors["partner"] = ["기관 사업장은 기관을 정해야 합니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    allowed = {"project", "address", "supervisor", "places", "is_active"}
    with transaction.atomic():
        worksite, _ = Worksite.objects.update_or_create(
            code=code.strip(),
            defaults={
                "programme": programme,
                "name": name.strip(),
                "operator": operator,
                "org_unit": org_unit,
                "district": district,
                "partner": partner,
                **{key: value for key, value in details.items() if key in allowed},
            },
        )
    return worksite


# --- placements ----------------------------------------------------------------------------------------


def _terms(programme) -> ProgrammeTerms:
    """The programme's terms as stored now (not a relation cached on the instance, which may predate a change)."""
    terms = ProgrammeTerms.objects.filter(programme_id=programme.pk).first()
    if terms is None:
        raise ValidationFailed(
            f"'{programme.title}'의 참여 조건(사업대상, 최대 참여 기간)이 등록되지 않았습니다. 먼저 등록하십시오."
        )
    return terms


def _living_wage(year: int) -> int:
    hourly = LivingWage.objects.filter(year=year).values_list("hourly", flat=True).first()
    if hourly is None:
        raise ValidationFailed(f"{year}년 생활임금이 등록되지 않았습니다. 생활임금 표에 먼저 등록하십시오.")
    return hourly


def _period_errors(*, terms: ProgrammeTerms, start_date: date, end_date: date) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if end_date < start_date:
        errors["end_date"] = ["종료 예정일은 시작일보다 빠를 수 없습니다."]
    elif terms.max_months and end_date >= add_months(start_date, terms.max_months):
        errors["end_date"] = [f"이 사업의 참여 기간은 최대 {terms.max_months}개월입니다."]
    return errors


def _overlap_message(other: Placement) -> str:
    return (
        f"이미 다른 직접일자리({other.programme.title}, {other.start_date:%Y-%m-%d}~{other.last_day:%Y-%m-%d})에 "
        "참여 중이어서 같은 기간에 배치할 수 없습니다."
    )


def placement_create(
    *,
    actor,
    person: Person,
    worksite: Worksite,
    start_date: date,
    end_date: date,
    weekly_hours=None,
    application=None,
    sync: bool = True,
) -> Placement:
    programme = worksite.programme
    if actor is not None:
        require(access_placements_manage(actor, programme.division.path), "이 사업에 참여자를 배치할 권한이 없습니다.")
    terms = _terms(programme)
    errors = _period_errors(terms=terms, start_date=start_date, end_date=end_date)
    hours = Decimal(weekly_hours if weekly_hours is not None else terms.weekly_hours)
    if not 0 < hours <= 40:
        errors["weekly_hours"] = ["주 소정근로시간은 0시간 초과 40시간 이하여야 합니다."]
    if not worksite.is_active:
        errors["worksite"] = ["운영을 마친 사업장에는 배치할 수 없습니다."]
    if application is not None:
        if application.person_id != person.pk or application.call.programme_id != programme.pk:
            errors["application"] = ["이 사람이 이 사업에 낸 신청이 아닙니다."]
        elif application.status != "selected":
            errors["application"] = ["선발된 신청만 배치할 수 있습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    wage = _living_wage(start_date.year)
    from iljari.participation.selectors import direct_jobs_overlapping  # selectors import this module

    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()
        if application is not None and Placement.objects.filter(application=application).exists():
            raise ValidationFailed("이 신청은 이미 배치되었습니다.")
        if terms.is_direct_job:
            other = direct_jobs_overlapping([person.pk], start_date, end_date).select_related("programme").first()
            if other is not None:
                raise ValidationFailed(_overlap_message(other), field_errors={"start_date": [_overlap_message(other)]})
        if application is not None:
            from iljari.intake.services import applications_mark_placed

            applications_mark_placed(call=application.call, application_ids=[application.pk])
        placement = Placement.objects.create(
            person=person,
            programme=programme,
            worksite=worksite,
            application=application,
            target_group=terms.target_group,
            is_direct_job=terms.is_direct_job,
            start_date=start_date,
            end_date=end_date,
            weekly_hours=hours,
            hourly_wage=wage,
            created_by=actor,
        )
        if sync:
            placement_achievements_sync(programme=programme, year=start_date.year, as_of=_sync_day(start_date))
    return placement


def placements_from_selection(
    *, actor, call, worksites: list[Worksite], start_date: date, end_date: date, quota=None
) -> int:
    from iljari.intake.models import Application

    programme = call.programme
    if actor is not None:
        district_id = quota.district_id if quota is not None else None
        require(
            access_quota_place(actor, programme.division.path, district_id),
            "이 사업에 참여자를 배치할 권한이 없습니다.",
        )
        if not access_placements_manage(actor, programme.division.path):  # a district officer: its own sites
            require(
                all(access_worksite_records(actor, w) for w in worksites),
                "다른 자치구의 사업장에는 배치할 수 없습니다.",
            )
    if not worksites:
        raise ValidationFailed(field_errors={"worksites": ["배치할 사업장을 하나 이상 고르십시오."]})
    if any(w.programme_id != programme.pk for w in worksites):
        raise ValidationFailed(field_errors={"worksites": ["이 공고의 사업에 속한 사업장만 고를 수 있습니다."]})
    if quota is not None and quota.call_id != call.pk:
        raise ValidationFailed(field_errors={"quota": ["이 공고의 선발 구분이 아닙니다."]})
    terms = _terms(programme)
    errors = _period_errors(terms=terms, start_date=start_date, end_date=end_date)
    if errors:
        raise ValidationFailed(field_errors=errors)
    wage = _living_wage(start_date.year)
    with transaction.atomic():
        applications = list(
            Application.objects.select_for_update()
            .filter(call=call, status="selected", **({"quota": quota} if quota is not None else {}))
            .exclude(pk__in=Placement.objects.filter(application__call=call).values("application_id"))
            .order_by("pk")
        )
        person_ids = [a.person_id for a in applications]
        if terms.is_direct_job:
            from iljari.participation.selectors import direct_jobs_overlapping  # selectors import this module

            busy = direct_jobs_overlapping(person_ids, start_date, end_date).count()
            if busy:
                raise ValidationFailed(
                    f"선발자 중 {busy}명이 같은 기간에 다른 직접일자리에 참여 중입니다. 그 사람들을 먼저 정리하십시오."
                )
        from iljari.intake.services import applications_mark_placed

        applications_mark_placed(call=call, application_ids=[a.pk for a in applications])
        actor_id = actor.pk if actor is not None else None
        rows_insert(
            Placement,
            (
                "person", "programme", "worksite", "application", "target_group", "is_direct_job",
                "start_date", "end_date", "weekly_hours", "hourly_wage", "created_by",
            ),
            (
                (
                    a.person_id, programme.pk, worksites[index % len(worksites)].pk, a.pk, terms.target_group,
                    terms.is_direct_job, start_date, end_date, terms.weekly_hours, wage, actor_id,
                )
                for index, a in enumerate(applications)
            ),
        )  # fmt: skip
        placement_achievements_sync(programme=programme, year=start_date.year, as_of=_sync_day(start_date))
    return len(applications)


def placement_end(*, actor, placement: Placement, ended_on: date, reason: str = "", note: str = "") -> Placement:
    if actor is not None:
        require(access_worksite_records(actor, placement.worksite), "이 참여자의 종료를 기록할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if placement.status != Placement.Status.ACTIVE:
        errors["ended_on"] = ["이미 종료된 참여입니다."]
    elif ended_on < placement.start_date:
        errors["ended_on"] = ["종료일은 시작일보다 빠를 수 없습니다."]
    elif ended_on > placement.end_date:
        errors["ended_on"] = ["종료일은 종료 예정일보다 늦을 수 없습니다. 연장은 새 참여로 등록하십시오."]
    if reason and reason not in Placement.DropoutReason.values:
        errors["reason"] = ["중도 포기 사유를 고르십시오."]
    if not reason and errors == {} and ended_on < placement.end_date:
        errors["reason"] = ["종료 예정일 전에 끝나면 중도 포기 사유를 고르십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    if WorkRecord.objects.filter(placement=placement, month__gt=month_start(ended_on)).exists():
        raise ValidationFailed(field_errors={"ended_on": ["종료일 뒤의 달에 근무상황이 있습니다. 먼저 확인하십시오."]})
    with transaction.atomic():
        placement.ended_on = ended_on
        placement.status = Placement.Status.DROPPED if reason else Placement.Status.COMPLETED
        placement.dropout_reason = reason
        placement.dropout_note = note[:200]
        placement.save(update_fields=["ended_on", "status", "dropout_reason", "dropout_note", "updated_at"])
    return placement


def outcome_record(*, actor, placement: Placement, employed_on: date, employer: str, kind: str) -> EmploymentOutcome:
    if actor is not None:
        require(access_worksite_records(actor, placement.worksite), "이 참여자의 취업 성과를 기록할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if not (employer or "").strip():
        errors["employer"] = ["취업처를 입력하십시오."]
    if kind not in EmploymentOutcome.Kind.values:
        errors["kind"] = ["고용 형태를 고르십시오."]
    if employed_on < placement.start_date:
        errors["employed_on"] = ["취업일은 참여 시작일보다 빠를 수 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        outcome, _ = EmploymentOutcome.objects.update_or_create(
            placement=placement,
            defaults={"employed_on": employed_on, "employer": employer.strip(), "kind": kind, "recorded_by": actor},
        )
    return outcome


# --- work records --------------------------------------------------------------------------------------


def _decimal(value, field: str, label: str, errors: dict) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        errors[field] = [f"{label}은(는) 숫자여야 합니다."]
        return None
    if number < 0 or number != number.quantize(Decimal("0.01")):
        errors[field] = [f"{label}은(는) 0 이상, 소수 둘째 자리까지입니다."]
        return None
    return number


def _record_errors(
    *, placement: Placement, month: date, days_worked, hours_worked, paid_leave_hours, full_weeks, holidays: set[date]
) -> tuple[dict, dict]:
    """(errors, clean values) for one month of one placement, checked against its calendar."""
    errors: dict[str, list[str]] = {}
    span = month_calendar(placement=placement, month=month, holidays=holidays)
    if span.is_empty:
        return {"month": [f"{month:%Y년 %m월}은 이 참여의 기간(시작~종료)이 아닙니다."]}, {}
    hours = _decimal(hours_worked, "hours_worked", "근무시간", errors)
    leave = _decimal(paid_leave_hours or 0, "paid_leave_hours", "유급휴가 시간", errors)
    if not isinstance(days_worked, int) or days_worked < 0:
        errors["days_worked"] = ["근무일수는 0 이상의 정수여야 합니다."]
    elif days_worked > span.scheduled_days:
        errors["days_worked"] = [f"이 달 소정근로일은 {span.scheduled_days}일입니다(공휴일 제외)."]
    if not isinstance(full_weeks, int) or full_weeks < 0:
        errors["full_weeks"] = ["주휴 대상 주 수는 0 이상의 정수여야 합니다."]
    elif full_weeks > span.sundays:
        errors["full_weeks"] = [f"이 달 참여 기간의 주휴일(일요일)은 {span.sundays}일입니다."]
    day_hours = daily_hours(placement.weekly_hours)
    if hours is not None and "days_worked" not in errors and hours > days_worked * day_hours:
        errors["hours_worked"] = [
            f"근무시간은 근무일수 × 1일 소정근로시간({day_hours.normalize()}시간)을 넘을 수 없습니다."
        ]
    if leave is not None and "days_worked" not in errors and leave > (span.scheduled_days - days_worked) * day_hours:
        errors["paid_leave_hours"] = ["유급휴가 시간이 근무하지 않은 소정근로일보다 많습니다."]
    return errors, {
        "days_worked": days_worked,
        "hours_worked": hours,
        "paid_leave_hours": leave,
        "full_weeks": full_weeks,
    }


def work_record_set(
    *,
    actor,
    placement: Placement,
    month: date,
    days_worked: int,
    hours_worked,
    paid_leave_hours=0,
    full_weeks: int,
) -> WorkRecord:
    if actor is not None:
        require(access_worksite_records(actor, placement.worksite), "이 사업장의 근무상황을 입력할 권한이 없습니다.")
    month = month_start(month)
    holidays = holidays_between(month, month_end(month))
    errors, values = _record_errors(
        placement=placement,
        month=month,
        days_worked=days_worked,
        hours_worked=hours_worked,
        paid_leave_hours=paid_leave_hours,
        full_weeks=full_weeks,
        holidays=holidays,
    )
    if errors:
        raise ValidationFailed(field_errors=errors)
    require_month_open(month, field="month")
    with transaction.atomic():
        record, _ = WorkRecord.objects.update_or_create(
            placement=placement, month=month, defaults={**values, "entered_by": actor}
        )
    return record


def work_record_import(*, actor, worksite: Worksite, month: date, data: bytes) -> int:
    from iljari.participation.selectors import WORK_RECORD_COLUMNS

    if actor is not None:
        require(access_worksite_records(actor, worksite), "이 사업장의 근무상황을 입력할 권한이 없습니다.")
    month = month_start(month)
    require_month_open(month, field="file")
    rows = xlsx_rows(data=data, columns=WORK_RECORD_COLUMNS, title="근무상황")
    placements = {p.pk: p for p in Placement.objects.filter(worksite=worksite)}
    holidays = holidays_between(month, month_end(month))
    problems: list[str] = []
    records: list[WorkRecord] = []
    seen: set[int] = set()
    for number, row in enumerate(rows, start=4):
        placement = placements.get(row["placement"])
        if placement is None:
            problems.append(f"{number}행: 이 사업장의 참여 번호가 아닙니다.")
            continue
        if placement.pk in seen:
            problems.append(f"{number}행: 같은 참여자가 두 번 있습니다.")
            continue
        seen.add(placement.pk)
        errors, values = _record_errors(
            placement=placement,
            month=month,
            days_worked=row["days_worked"],
            hours_worked=row["hours_worked"],
            paid_leave_hours=row.get("paid_leave_hours") or 0,
            full_weeks=row["full_weeks"],
            holidays=holidays,
        )
        problems.extend(f"{number}행: {message}" for messages in errors.values() for message in messages)
        if not errors:
            records.append(WorkRecord(placement=placement, month=month, entered_by=actor, **values))
    if problems:
        raise ValidationFailed(
            "엑셀 파일에 고칠 곳이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": problems}
        )
    with transaction.atomic():
        WorkRecord.objects.filter(placement__in=[r.placement for r in records], month=month).delete()
        WorkRecord.objects.bulk_create(records, batch_size=2000)
    return len(records)


# --- pay -----------------------------------------------------------------------------------------------


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
        "work_pay": _won(Decimal(record.hours_worked) * wage),
        "weekly_rest_pay": _won(rest_weeks * day_hours * wage),
        "holiday_pay": _won(paid_holidays * day_hours * wage),
        "leave_pay": _won(Decimal(record.paid_leave_hours) * wage),
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
    chosen = WorkRecord.objects.filter(month=month)
    if worksite is not None:
        chosen = chosen.filter(placement__worksite=worksite)
    rows = list(chosen.values_list(*_PayInput.COLUMNS).order_by())  # plain rows: no model instance per record
    if not rows:
        raise ValidationFailed(f"{month:%Y년 %m월} 근무상황이 입력된 참여자가 없습니다.")
    floor = _living_wage(month.year)
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
    with transaction.atomic():
        Payment.objects.filter(month=month, placement__in=chosen.values("placement_id")).delete()
        rows_insert(
            Payment,
            ("placement", "month", "rule", "computed_at", "computed_by", *PAY_FIELDS),
            ((pk, month, PAY_RULE, now, actor_id, *(a[key] for key in PAY_FIELDS)) for pk, a in payments),
        )
    return PayRun(month=month, count=len(payments), total=sum(a["total"] for _, a in payments))


# --- achievements --------------------------------------------------------------------------------------


def _sync_day(start_date: date) -> date:
    """The as-of date a placement is counted on: today, or its start when it starts later; the year's last day
    for a placement of a past year."""
    return min(max(timezone.localdate(), start_date), date(start_date.year, 12, 31))


def placement_achievements_sync(*, programme, year: int, as_of: date) -> dict[str, int]:
    from iljari.performance.services import job_achievement_derive

    counts = Counter(
        dict(
            Placement.objects.filter(programme=programme, start_date__year=year, start_date__lte=as_of)
            .values_list("target_group")
            .annotate(n=Count("pk"))
            .values_list("target_group", "n")
        )
    )
    groups = set(counts) | set(
        Placement.objects.filter(programme=programme, start_date__year=year).values_list("target_group", flat=True)
    )
    for group in groups:
        job_achievement_derive(programme=programme, year=year, target_group=group, achieved=counts[group], as_of=as_of)
    return dict(counts)
