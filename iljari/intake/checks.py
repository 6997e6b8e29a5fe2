"""Eligibility checks whose facts live in apps that come after intake.

Some rules read what intake cannot see: "not in another direct job in an overlapping period" reads placements,
which belong to `participation` (an app that uses intake, so intake may not import it). That app registers the
check here when it is ready (its AppConfig.ready), and intake calls it through this registry: dependency
inversion, no import upwards, no signal.

A check takes person ids and a period and answers the subset that fails, in one query, so that the same check
serves one applicant on the form and a batch of 100,000.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from django.core.exceptions import ImproperlyConfigured

# kind -> check(person_ids, first_day, last_day) -> the ids of the people who fail it
PersonPeriodCheck = Callable[[Iterable[int], date, date], set[int]]

_CHECKS: dict[str, PersonPeriodCheck] = {}

DIRECT_JOB_OVERLAP = "direct_job_overlap"


def person_check_register(kind: str, check: PersonPeriodCheck) -> None:
    _CHECKS[kind] = check


def person_check_failing(kind: str, person_ids: Iterable[int], first_day: date, last_day: date) -> set[int]:
    check = _CHECKS.get(kind)
    if check is None:
        raise ImproperlyConfigured(f"no eligibility check registered for {kind!r} (is its app installed?)")
    ids = [pk for pk in person_ids if pk is not None]
    if not ids:
        return set()
    return check(ids, first_day, last_day)
