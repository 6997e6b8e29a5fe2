"""reports selectors — the period a page shows when none is asked for.

Contract:
- default_period(*, year=None) -> tuple[int, date]: the newest plan year, and the newest date with figures in it
"""

from __future__ import annotations

from datetime import date

from django.db.models import Max
from django.utils import timezone

from iljari.finance.models import BudgetSnapshot
from iljari.performance.models import JobAchievement
from iljari.plan.selectors import plan_years


def default_period(*, year: int | None = None) -> tuple[int, date]:
    years = plan_years()
    if year is None:
        year = years[0] if years else timezone.localdate().year
    newest = [
        BudgetSnapshot.objects.filter(line__year=year).aggregate(d=Max("as_of"))["d"],
        JobAchievement.objects.filter(job_target__year=year).aggregate(d=Max("as_of"))["d"],
    ]
    dates = [d for d in newest if d is not None]
    if dates:
        return year, max(dates)
    today = timezone.localdate()
    return year, today if today.year == year else date(year, 12, 31)
