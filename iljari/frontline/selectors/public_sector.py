"""The public sector desk's reads: conversions, pre-screening requests, working hours and checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.shortcuts import get_object_or_404

from iljari.committees.selectors import decision_by_subject
from iljari.core.access import access_public_sector_view, require
from iljari.frontline.committee import SUBJECT as SCREENING_SUBJECT
from iljari.frontline.models import Conversion, FixedTermScreening, LabourCheck, WorkingHours


@dataclass
class PublicSectorSummary:
    conversions: list
    converted: int
    remaining: int
    agreed: int  # of the remaining, the planned headcount of conversions agreed (노사합의) by as_of and not yet done
    screenings: list
    hours: list
    checks: list


def public_sector_summary(*, user, as_of: date) -> PublicSectorSummary:
    require(access_public_sector_view(user))
    conversions = list(Conversion.objects.select_related("institution").order_by("done_on", "id"))
    converted = sum(row.done for row in conversions if row.done_on is not None and row.done_on <= as_of)
    remaining = sum(row.planned for row in conversions) - converted
    agreed = sum(
        row.planned - (row.done if row.done_on is not None and row.done_on <= as_of else 0)
        for row in conversions
        if row.agreed_on is not None and row.agreed_on <= as_of
    )
    for row in conversions:
        row.agreed_by_then = row.agreed_on is not None and row.agreed_on <= as_of
    return PublicSectorSummary(
        conversions=conversions,
        converted=converted,
        remaining=remaining,
        agreed=agreed,
        screenings=_with_decisions(list(FixedTermScreening.objects.select_related("institution", "unit"))),
        hours=list(WorkingHours.objects.select_related("institution").order_by("institution__name", "year")),
        checks=list(LabourCheck.objects.select_related("institution")),
    )


def _with_decisions(screenings: list[FixedTermScreening]) -> list[FixedTermScreening]:
    """Each request with `committee_decision`: the 사전심사위원회's decision on it (with its meeting), or None."""
    decisions = decision_by_subject(subject_type=SCREENING_SUBJECT, ids=[s.pk for s in screenings])
    for screening in screenings:
        screening.committee_decision = decisions.get(screening.pk)
    return screenings


def screening_get(*, user, pk: int) -> FixedTermScreening:
    require(access_public_sector_view(user))
    return get_object_or_404(FixedTermScreening, pk=pk)
