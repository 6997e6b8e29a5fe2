"""What every stage of `iljari generate` shares: the scales, the years and codes of the generated data, date
helpers, and `Generation` — the one random generator, the report, and what the stages hand on to each other."""

from __future__ import annotations

import functools
import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from iljari.core.bulk import rows_insert

YEARS = (2014, 2015, 2016, 2017, 2018)
DATA_END = date(2018, 6, 30)  # the demo's as-of date: the office's "today" in the generated data
LIVING_WAGE = {2014: 6_582, 2015: 6_687, 2016: 7_145, 2017: 8_197, 2018: 9_211}  # 서울시 생활임금(시급)
DIVISION_BY_OBJECTIVE = {1: "JOBS-POLICY", 2: "LABOUR-POLICY", 3: "SOCIAL-ECONOMY"}
PREFIX = "S"  # codes of generated rows start with it (programmes S2016-0012, calls S2016-0012-1, …)


@dataclass(frozen=True)
class Scale:
    """How many of each a scale makes. `small` is about 1/1000 of `city`."""

    name: str
    programmes_per_year: int
    indicators: int
    persons: int
    applications: int
    organisations: int
    loans: int
    consultations: int
    bookings: int
    service_points: int
    select_share: float = 0.40  # of a quota's applications, places: 40% of the applications end up placed


SCALES = {
    "city": Scale(
        name="city",
        programmes_per_year=200,
        indicators=60,
        persons=500_000,
        applications=1_000_000,
        organisations=10_000,
        loans=10_000,
        consultations=700_000,
        bookings=300_000,
        service_points=30,
    ),
    "small": Scale(
        name="small",
        programmes_per_year=1,
        indicators=3,
        persons=500,
        applications=1_000,
        organisations=10,
        loans=10,
        consultations=700,
        bookings=300,
        service_points=6,
    ),
}


@dataclass
class Report:
    """What a run did: rows per table, seconds per stage."""

    scale: str
    seed: int
    stages: list[tuple[str, float]] = field(default_factory=list)
    rows: Counter = field(default_factory=Counter)

    @property
    def seconds(self) -> float:
        return sum(s for _, s in self.stages)


def _tz():
    return ZoneInfo(settings.TIME_ZONE)


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=_tz())


def month_ends(year: int) -> list[date]:
    last = 6 if year == DATA_END.year else 12
    return [(date(year, m, 1) + timedelta(days=32)).replace(day=1) - timedelta(days=1) for m in range(1, last + 1)]


def month_starts(first: date, last: date) -> list[date]:
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return months


@functools.cache
def weekdays(first: date, last: date) -> int:
    return sum(1 for n in range((last - first).days + 1) if (first + timedelta(days=n)).weekday() < 5)


def ids_after(model, last_pk: int) -> list[int]:
    return list(model.objects.filter(pk__gt=last_pk).order_by("pk").values_list("pk", flat=True))


def max_pk(model) -> int:
    return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


class Generation:
    """One run: the scale, the seed's generator, the report, and the rows a stage leaves for the later ones
    (districts, programmes, persons, organisations, the placements' start dates)."""

    def __init__(self, scale: Scale, seed: int, say: Callable[[str], None]):
        self.scale, self.seed, self.say = scale, seed, say
        self.random = random.Random(seed)
        self.report = Report(scale=scale.name, seed=seed)
        self.districts: list[int] = []
        self.partners: list[int] = []
        self.divisions: dict = {}
        self.teams: defaultdict[int, list[int]] = defaultdict(list)
        self.programmes: list = []
        self.programme_year: dict[int, int] = {}
        self.terms: dict[int, str] = {}
        self.person_ids: list[int] = []
        self.organisation_ids: list[int] = []
        self.placements_started: dict[int, list[date]] = defaultdict(list)

    def count(self, model, rows: int) -> None:
        self.report.rows[model._meta.db_table] += rows

    def insert(self, model, fields, rows) -> int:
        count = rows_insert(model, fields, rows)
        self.count(model, count)
        return count
