"""What placements lead to: a participant's employment outcome (취업 성과), and the programme's placements counted
by target group and handed to performance as its job achievements."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from iljari.core.access import access_worksite_records, require
from iljari.core.errors import ValidationFailed
from iljari.participation.models import EmploymentOutcome, Placement
from iljari.performance.services import job_achievement_derive


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


def sync_day(start_date: date) -> date:
    """The as-of date a placement is counted on: today, or its start when it starts later; the year's last day
    for a placement of a past year."""
    return min(max(timezone.localdate(), start_date), date(start_date.year, 12, 31))


def placement_achievements_sync(*, programme, year: int, as_of: date) -> dict[str, int]:
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
