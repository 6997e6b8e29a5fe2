"""Test data of the people app: a registered person, for every test that needs one (intake's applicants,
participation's workers and trainees, the access-log and print tests)."""

from __future__ import annotations

from datetime import date
from itertools import count

from iljari.org.models import District
from iljari.people import services

BOTH = ["personal_data", "unique_identifier"]  # the two consents an applicant gives

_serial = count(200000)


def rrn_for(birth: date, serial: int | None = None) -> str:
    """A resident number for `birth`: the century's sex digit (1 before 2000, 3 after) and a serial of the session
    (or the one given)."""
    serial = next(_serial) if serial is None else serial
    return f"{birth:%y%m%d}-{1 if birth.year < 2000 else 3}{serial:06d}"


def make_person(
    birth: date = date(1990, 5, 5),
    district: str | None = "11740",
    *,
    user=None,
    name: str | None = None,
    rrn: str | None = None,
    sex: str = "M",
    consents: list[str] = BOTH,
    **extra,
):
    """A person registered through `person_register` with both consents, living in `district` (a district code,
    강동구 by default; None: outside Seoul), named 신청자<serial> and numbered from a serial unless told."""
    number = next(_serial)
    return services.person_register(
        actor=None,
        name=name or f"신청자{number}",
        birth_date=birth,
        sex=sex,
        rrn=rrn or rrn_for(birth, number),
        consents=consents,
        user=user,
        district=District.objects.get(code=district) if district else None,
        **extra,
    )
