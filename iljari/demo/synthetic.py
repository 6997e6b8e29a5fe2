"""Synthetic residents in bulk for the demo calls: made-up names, well-formed resident numbers that belong to
nobody, deterministic from the caller's random generator, saved with both consents as the portal would record.

Each loader says who its applicants are (birth years, how many live in Seoul, how often a trait occurs); this module
makes and saves them in a few statements, whatever their number."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from iljari.core.bulk import rows_insert
from iljari.demo.dataset.people import GIVEN, SURNAMES
from iljari.people.models import Consent, Person
from iljari.people.rrn import parse_rrn, rrn_index


@dataclass(frozen=True)
class Profile:
    """Who the applicants of a call are: born between `born_from` and `born_from + years`; the odds of each trait."""

    born_from: date
    years: int
    outside_seoul: float = 0.0
    regular_income: float = 0.0
    job_seeker: float = 0.7
    basic_livelihood: float = 0.05
    veteran: float = 0.02
    disability: float = 0.03


def person_rows(generator: random.Random, count: int, profile: Profile, districts: list) -> list[Person]:
    """`count` unsaved people with distinct resident numbers (and blind indexes)."""
    people: list[Person] = []
    seen: set[str] = set()
    while len(people) < count:
        birth = profile.born_from + timedelta(days=generator.randrange(0, 365 * profile.years))
        sex = generator.choice("MF")
        digit = {("M", 1900): "1", ("F", 1900): "2", ("M", 2000): "3", ("F", 2000): "4"}[
            (sex, 1900 if birth.year < 2000 else 2000)
        ]
        number = parse_rrn(f"{birth:%y%m%d}{digit}{generator.randrange(0, 1_000_000):06d}")
        index = rrn_index(number)
        if index in seen:
            continue
        seen.add(index)
        people.append(
            Person(
                name=generator.choice(SURNAMES) + generator.choice(GIVEN),
                birth_date=birth,
                sex=sex,
                rrn=number.digits,
                rrn_index=index,
                district=None if generator.random() < profile.outside_seoul else generator.choice(districts),
                income_status="regular" if generator.random() < profile.regular_income else "none",
                job_seeker_registered=generator.random() < profile.job_seeker,
                basic_livelihood_recipient=generator.random() < profile.basic_livelihood,
                veteran=generator.random() < profile.veteran,
                disability=generator.random() < profile.disability,
            )
        )
    return people


PERSON_FIELDS = (
    "name",
    "birth_date",
    "sex",
    "rrn",
    "rrn_index",
    "district",
    "income_status",
    "job_seeker_registered",
    "basic_livelihood_recipient",
    "veteran",
    "disability",
)


def people_save(people: list[Person], *, context: str, notice_version: str = "2018-01") -> list[int]:
    """Save the people not saved yet (a rerun of the demo finds them by blind index) with both consents;
    return every person's id, in order."""
    indexes = [p.rrn_index for p in people]
    taken = set(Person.objects.filter(rrn_index__in=indexes).values_list("rrn_index", flat=True))
    fresh = [p for p in people if p.rrn_index not in taken]
    rows_insert(
        Person,
        PERSON_FIELDS,
        ([getattr(p, f"{name}_id" if name == "district" else name) for name in PERSON_FIELDS] for p in fresh),
    )
    ids = dict(Person.objects.filter(rrn_index__in=indexes).values_list("rrn_index", "pk"))
    now = timezone.now()
    rows_insert(
        Consent,
        ("person", "purpose", "notice_version", "context", "given_at"),
        (
            (ids[p.rrn_index], purpose, notice_version, context, now)
            for p in fresh
            for purpose in Consent.Purpose.values
        ),
    )
    return [ids[index] for index in indexes]
