"""Set-based stand-ins for the per-row services the demo loaders would otherwise call hundreds of times (a budget
movement per grant, a drop-out per trainee or participant, a placement run per quota).

Each does, for the demo's generated rows (valid by construction), what the service does row by row — in a few
statements through core.bulk.rows_insert or one UPDATE per group — and the loaders that call it say so. Like every
bulk write they send no signals, so these rows have no per-row change history, as the bulk-inserted rows they
belong to (agreements, enrolments, placements) have none either; the services are still the only way the office's
own users change them."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from auditlog.context import disable_auditlog
from django.db.models import Count, F
from django.utils import timezone

from iljari.core.bulk import rows_insert
from iljari.core.locks import require_month_open
from iljari.finance.models import BudgetMovement
from iljari.finance.services import budget_summary_refresh
from iljari.intake.models import Application
from iljari.intake.services import applications_mark_placed
from iljari.participation.models import (
    EmploymentOutcome,
    Enrolment,
    LivingWage,
    Placement,
    ProgrammeTerms,
    TrainingDeposit,
    WorkRecord,
    Worksite,
)
from iljari.participation.selectors import direct_job_busy_person_ids
from iljari.participation.services import month_start, placement_achievements_sync


def budget_movements_insert(line, rows) -> None:
    """Movements of one budget line, (on, committed, spent, reference, note) each, in one statement, and the line's
    execution summary refreshed once: what finance's budget_movement_post does per movement (the month must be
    open)."""
    for day in sorted({row[0] for row in rows}):
        require_month_open(day, field="on")
    rows_insert(
        BudgetMovement, ("line", "on", "committed", "spent", "reference", "note"), [(line.pk, *row) for row in rows]
    )
    budget_summary_refresh(line_ids=[line.pk])


def enrolments_drop(drops: list[tuple[int, date, str]]) -> None:
    """Trainees who left (enrolment id, day, reason), one UPDATE per day and reason: what participation's
    enrolment_drop does for each — the enrolment ends as dropped; a deposit held is refunded to one who left for a
    job and forfeited otherwise (settled on that day, or on its payment day when later), one never paid is
    cancelled. The loader has already counted the last month's attendance up to that day."""
    now = timezone.now()
    by_end: dict[tuple[date, str], list[int]] = defaultdict(list)
    for pk, ended_on, reason in drops:
        by_end[ended_on, reason].append(pk)
    for (ended_on, reason), ids in sorted(by_end.items()):
        Enrolment.objects.filter(pk__in=ids, status=Enrolment.Status.ENROLLED).update(
            status=Enrolment.Status.DROPPED, ended_on=ended_on, dropout_reason=reason, updated_at=now
        )
        deposits = TrainingDeposit.objects.filter(enrolment__in=ids)
        held = (
            TrainingDeposit.Status.REFUNDED
            if reason == Enrolment.DropoutReason.EMPLOYED
            else TrainingDeposit.Status.FORFEITED
        )
        deposits.filter(status=TrainingDeposit.Status.HELD, paid_on__lte=ended_on).update(
            status=held, settled_on=ended_on, updated_at=now
        )
        deposits.filter(status=TrainingDeposit.Status.HELD, paid_on__gt=ended_on).update(
            status=held, settled_on=F("paid_on"), updated_at=now
        )
        deposits.filter(status=TrainingDeposit.Status.DUE).update(
            status=TrainingDeposit.Status.CANCELLED, settled_on=ended_on, updated_at=now
        )


def placements_drop(drops: list[tuple[int, date, str, tuple | None]]) -> None:
    """Participants who left (placement id, day, reason, (employed on, employer, kind) or None), one UPDATE per day
    and reason: what participation's placement_end and outcome_record do for each — the work records of the
    months after that day go (the loader generated them in bulk, without history, and deletes them so), the
    placement ends as dropped, a new job is recorded as its outcome."""
    now = timezone.now()
    by_end: dict[tuple[date, str], list[int]] = defaultdict(list)
    for pk, ended_on, reason, _outcome in drops:
        by_end[ended_on, reason].append(pk)
    for (ended_on, reason), ids in sorted(by_end.items()):
        with disable_auditlog():  # bulk-inserted records, which have no history to close
            WorkRecord.objects.filter(placement_id__in=ids, month__gt=month_start(ended_on)).delete()
        Placement.objects.filter(pk__in=ids, status=Placement.Status.ACTIVE).update(
            ended_on=ended_on, status=Placement.Status.DROPPED, dropout_reason=reason, dropout_note="", updated_at=now
        )
    rows_insert(
        EmploymentOutcome,
        ("placement", "employed_on", "employer", "kind"),
        [(pk, *outcome) for pk, _ended_on, _reason, outcome in drops if outcome is not None],
    )


def _within_places(adding: Counter) -> None:
    """participation's rule, for the demo's generated placements: a worksite's running placements stay within its
    places (정원)."""
    placed = Counter(
        dict(
            Placement.objects.filter(worksite__in=list(adding), status=Placement.Status.ACTIVE)
            .values("worksite")
            .annotate(n=Count("pk"))
            .values_list("worksite", "n")
            .order_by()
        )
    )
    places = dict(Worksite.objects.filter(pk__in=list(adding)).values_list("pk", "places"))
    over = [pk for pk, n in adding.items() if placed[pk] + n > places[pk]]
    if over:
        raise AssertionError(f"데모 자료: 사업장 {len(over):,}곳에 정원보다 많이 배치합니다.")


def placements_from_quotas(*, call, worksites: dict[int, list], start_date: date, end_date: date) -> None:
    """The selected of each quota of `call` placed at that quota's worksites (`worksites` by quota id), in one
    statement: what participation's placements_from_selection does per quota — in quota order, each quota's
    applications in id order, each at the quota's next worksite in turn, on the programme's terms and the year's
    living wage; the applications marked placed; the programme's job achievement counted as of the day it counts
    them (its start, or today, within its year)."""
    programme = call.programme
    terms = ProgrammeTerms.objects.get(programme_id=programme.pk)
    wage = LivingWage.objects.get(year=start_date.year).hourly
    selected = defaultdict(list)
    for pk, person_id, quota_id in (
        Application.objects.filter(call=call, status=Application.Status.SELECTED, placement__isnull=True)
        .order_by("pk")
        .values_list("pk", "person_id", "quota_id")
    ):
        selected[quota_id].append((pk, person_id))
    rows = []
    for quota in call.quotas.all():
        sites = worksites[quota.pk]
        rows += [
            (person_id, programme.pk, sites[index % len(sites)].pk, pk, terms.target_group, terms.is_direct_job,
             start_date, end_date, terms.weekly_hours, wage)
            for index, (pk, person_id) in enumerate(selected[quota.pk])
        ]  # fmt: skip
    if terms.is_direct_job and direct_job_busy_person_ids([row[0] for row in rows], start_date, end_date):
        raise AssertionError("데모 자료: 선발자 중 같은 기간에 다른 직접일자리에 참여 중인 사람이 있습니다.")
    _within_places(Counter(row[2] for row in rows))
    applications_mark_placed(call=call, application_ids=[row[3] for row in rows])
    rows_insert(
        Placement,
        ("person", "programme", "worksite", "application", "target_group", "is_direct_job", "start_date", "end_date",
         "weekly_hours", "hourly_wage"),
        rows,
    )  # fmt: skip
    as_of = min(max(timezone.localdate(), start_date), date(start_date.year, 12, 31))
    placement_achievements_sync(programme=programme, year=start_date.year, as_of=as_of)
