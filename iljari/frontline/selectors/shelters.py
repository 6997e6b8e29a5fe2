"""The shelters desk's reads: the shelters, their daily counts and yearly averages, and a shelter to edit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404

from iljari.core.access import access_frontline_view, require, scope_rows
from iljari.frontline.models import Shelter, ShelterDailyCount
from iljari.frontline.selectors.rooms import manage_divisions


@dataclass
class ShelterAverage:
    shelter: Shelter
    days: int
    users: int
    average: int | None  # people a day, rounded; None when no count was entered


def shelter_list(*, user):
    require(access_frontline_view(user))
    return scope_rows(user, Shelter.objects.select_related("division", "partner"), partner="partner")


def shelter_get(*, user, code: str) -> Shelter:
    return get_object_or_404(shelter_list(user=user), code=code)


def manage_shelter_get(*, user, code: str) -> Shelter:
    shelters = Shelter.objects.select_related("division")
    return get_object_or_404(shelters, code=code, division__in=manage_divisions(user=user))


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def shelter_averages(*, user, year: int, as_of: date | None = None) -> list[ShelterAverage]:
    """Average daily users of each shelter in a year (up to as_of): the users counted over the days counted."""
    shelters = list(shelter_list(user=user))
    counts = ShelterDailyCount.objects.filter(shelter__in=shelters, day__year=year)
    if as_of is not None:
        counts = counts.filter(day__lte=as_of)
    totals = {row["shelter"]: row for row in counts.values("shelter").annotate(days=Count("id"), users=Sum("users"))}
    rows = []
    for shelter in shelters:
        total = totals.get(shelter.pk)
        if total is None:
            rows.append(ShelterAverage(shelter, 0, 0, None))
        else:
            rows.append(
                ShelterAverage(shelter, total["days"], total["users"], _round(Decimal(total["users"]) / total["days"]))
            )
    return rows


def shelter_counts(*, shelter: Shelter, year: int):
    return shelter.counts.filter(day__year=year).order_by("-day")


def shelter_year_average(*, year: int) -> int:
    """Sum over shelters of each one's average daily users in the year (the report's '17년 127명 → '18년 175명)."""
    totals = (
        ShelterDailyCount.objects.filter(day__year=year)
        .values("shelter")
        .annotate(days=Count("id"), users=Sum("users"))
    )
    return sum(_round(Decimal(row["users"]) / row["days"]) for row in totals)
