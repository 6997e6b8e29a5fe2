"""Placements (배치): one person placed at a worksite for a period, or a call's selected people at once; the end of a
placement (completion or dropout). The rules: the programme's longest period, a selected application of the person,
no overlapping direct job (the person's row locked while checking), the worksite's places (정원: its placements still
running may not exceed them, the worksite's row locked while counting, unless the office manager or the programme's
division gives a reason, recorded on each placement beyond the places), the start year's living wage."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Count

from iljari.core.access import (
    access_placements_manage,
    access_placements_over_capacity,
    access_quota_place,
    access_worksite_records,
    access_worksites_place,
    require,
)
from iljari.core.bulk import rows_insert
from iljari.core.errors import ValidationFailed
from iljari.core.formats import screen_date
from iljari.core.history import history_batch, history_bulk_created
from iljari.core.locks import row_lock
from iljari.intake.models import Application
from iljari.intake.services import applications_mark_placed
from iljari.participation.calendar import add_months, month_start
from iljari.participation.models import Placement, ProgrammeTerms, WorkRecord, Worksite
from iljari.participation.selectors import direct_jobs_overlapping, worksite_placed_count
from iljari.participation.services.outcomes import placement_achievements_sync, sync_day
from iljari.participation.services.tables import living_wage_hourly, programme_terms_get
from iljari.people.models import Person


def _period_errors(*, terms: ProgrammeTerms, start_date: date, end_date: date) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if end_date < start_date:
        errors["end_date"] = ["종료 예정일은 시작일보다 빠를 수 없습니다."]
    elif terms.max_months and end_date >= add_months(start_date, terms.max_months):
        errors["end_date"] = [f"이 사업의 참여 기간은 최대 {terms.max_months}개월입니다."]
    return errors


def _overlap_message(other: Placement) -> str:
    return (
        f"이미 다른 직접일자리({other.programme.title}, "
        f"{screen_date(other.start_date)}~{screen_date(other.last_day)})에 "
        "참여 중이어서 같은 기간에 배치할 수 없습니다."
    )


def _beyond_places(*, actor, programme, reason: str, message: str, field: str) -> str:
    """Placing beyond a worksite's places: refused without a reason, and refused to whoever may not exceed them
    (access_placements_over_capacity); else the reason to record on the placements beyond the places."""
    if not reason:
        hint = " 정원을 넘겨 배치하려면 사유를 적으십시오(총괄·사업 담당 부서만 넘길 수 있습니다)."
        raise ValidationFailed(message, field_errors={field: [message + hint]})
    if actor is not None:
        require(
            access_placements_over_capacity(actor, programme.division.path),
            f"정원을 넘겨 배치할 권한이 없습니다. {message}",
        )
    return reason[:200]


def placement_create(
    *,
    actor,
    person: Person,
    worksite: Worksite,
    start_date: date,
    end_date: date,
    weekly_hours=None,
    application=None,
    over_capacity_reason: str = "",
    sync: bool = True,
) -> Placement:
    programme = worksite.programme
    if actor is not None:
        require(access_placements_manage(actor, programme.division.path), "이 사업에 참여자를 배치할 권한이 없습니다.")
    terms = programme_terms_get(programme)
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
    wage = living_wage_hourly(start_date.year)
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()
        if application is not None and Placement.objects.filter(application=application).exists():
            raise ValidationFailed("이 신청은 이미 배치되었습니다.")
        if terms.is_direct_job:
            other = direct_jobs_overlapping([person.pk], start_date, end_date).select_related("programme").first()
            if other is not None:
                raise ValidationFailed(_overlap_message(other), field_errors={"start_date": [_overlap_message(other)]})
        site = row_lock(Worksite, worksite.pk)  # a second placement here waits until this one is counted
        placed = worksite_placed_count(worksite=site)
        reason = ""
        if placed + 1 > site.places:
            message = (
                f"{site.name}의 정원은 {site.places:,}명이고 이미 {placed:,}명이 배치되어 있어 더 배치할 수 없습니다."
            )
            reason = _beyond_places(
                actor=actor,
                programme=programme,
                reason=(over_capacity_reason or "").strip(),
                message=message,
                field="worksite",
            )
        if application is not None:
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
            over_capacity_reason=reason,
            created_by=actor,
        )
        if sync:
            placement_achievements_sync(programme=programme, year=start_date.year, as_of=sync_day(start_date))
    return placement


def _spread(worksites: list[Worksite], room: dict[int, int], count: int) -> list[tuple[int, bool]]:
    """`count` people over the worksites in turn, each worksite taking no more than its room; the rest (beyond
    every worksite's places) again in turn over all of them: (worksite id, beyond the places) per person."""
    free = dict(room)
    open_ = [pk for pk in dict.fromkeys(w.pk for w in worksites) if free[pk] > 0]  # a worksite chosen twice: once
    spread: list[tuple[int, bool]] = []
    turn = 0
    while open_ and len(spread) < count:
        turn %= len(open_)
        pk = open_[turn]
        spread.append((pk, False))
        free[pk] -= 1
        if free[pk] == 0:
            open_.pop(turn)
        else:
            turn += 1
    beyond = count - len(spread)
    return spread + [(worksites[k % len(worksites)].pk, True) for k in range(beyond)]


def placements_from_selection(
    *,
    actor,
    call,
    worksites: list[Worksite],
    start_date: date,
    end_date: date,
    quota=None,
    over_capacity_reason: str = "",
) -> int:
    programme = call.programme
    if actor is not None:
        district_id = quota.district_id if quota is not None else None
        require(
            access_quota_place(actor, programme.division.path, district_id),
            "이 사업에 참여자를 배치할 권한이 없습니다.",
        )
        require(
            access_worksites_place(actor, programme.division.path, worksites),
            "다른 자치구의 사업장에는 배치할 수 없습니다.",
        )
    if not worksites:
        raise ValidationFailed(field_errors={"worksites": ["배치할 사업장을 하나 이상 고르십시오."]})
    if any(w.programme_id != programme.pk for w in worksites):
        raise ValidationFailed(field_errors={"worksites": ["이 공고의 사업에 속한 사업장만 고를 수 있습니다."]})
    if quota is not None and quota.call_id != call.pk:
        raise ValidationFailed(field_errors={"quota": ["이 공고의 선발 구분이 아닙니다."]})
    terms = programme_terms_get(programme)
    errors = _period_errors(terms=terms, start_date=start_date, end_date=end_date)
    if errors:
        raise ValidationFailed(field_errors=errors)
    wage = living_wage_hourly(start_date.year)
    batch = history_batch(kind="participation.placements", label="선발자 배치", subject=f"{call.title} 선발자 배치",
                          actor=actor)  # fmt: skip
    with batch:
        applications = list(
            Application.objects.select_for_update()
            .filter(call=call, status="selected", **({"quota": quota} if quota is not None else {}))
            .exclude(pk__in=Placement.objects.filter(application__call=call).values("application_id"))
            .order_by("pk")
        )
        person_ids = [a.person_id for a in applications]
        if terms.is_direct_job:
            busy = direct_jobs_overlapping(person_ids, start_date, end_date).count()
            if busy:
                raise ValidationFailed(
                    f"선발자 중 {busy}명이 같은 기간에 다른 직접일자리에 참여 중입니다. 그 사람들을 먼저 정리하십시오."
                )
        # the chosen worksites' rows locked (in id order) while their places are counted
        sites = list(Worksite.objects.select_for_update().filter(pk__in=[w.pk for w in worksites]).order_by("pk"))
        placed = dict(
            Placement.objects.filter(worksite__in=sites, status=Placement.Status.ACTIVE)
            .values("worksite")
            .annotate(n=Count("pk"))
            .values_list("worksite", "n")
            .order_by()
        )
        room = {w.pk: max(w.places - placed.get(w.pk, 0), 0) for w in sites}
        spread = _spread(worksites, room, len(applications))
        reason = ""
        if any(beyond for _, beyond in spread):
            message = (
                f"고른 사업장의 남은 정원은 모두 {sum(room.values()):,}명인데 "
                f"배치할 선발자는 {len(applications):,}명입니다."
            )
            reason = _beyond_places(
                actor=actor,
                programme=programme,
                reason=(over_capacity_reason or "").strip(),
                message=message,
                field="worksites",
            )
        applications_mark_placed(call=call, application_ids=[a.pk for a in applications])
        actor_id = actor.pk if actor is not None else None
        rows_insert(
            Placement,
            (
                "person", "programme", "worksite", "application", "target_group", "is_direct_job",
                "start_date", "end_date", "weekly_hours", "hourly_wage", "over_capacity_reason", "created_by",
            ),
            (
                (
                    a.person_id, programme.pk, worksite_id, a.pk, terms.target_group, terms.is_direct_job,
                    start_date, end_date, terms.weekly_hours, wage, reason if beyond else "", actor_id,
                )
                for a, (worksite_id, beyond) in zip(applications, spread, strict=True)
            ),
        )  # fmt: skip
        ids = [a.pk for a in applications]
        for start in range(0, len(ids), 5000):
            history_bulk_created(
                Placement.objects.filter(application_id__in=ids[start : start + 5000]).order_by("pk"),
                describe=lambda p: f"참여 #{p.pk} 사업장 #{p.worksite_id} {p.start_date}~",
            )
        placement_achievements_sync(programme=programme, year=start_date.year, as_of=sync_day(start_date))
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
