"""The people stage of `iljari generate`: persons (resident numbers encrypted, with their blind index) with both
consents, in chunks."""

from __future__ import annotations

from datetime import date, timedelta

from iljari.demo.dataset.people import GIVEN, SURNAMES
from iljari.demo.scale.base import Generation, at, ids_after, max_pk
from iljari.people.models import Consent, Person
from iljari.people.rrn import parse_rrn, rrn_index


def people_stage(run: Generation) -> None:
    rnd = run.random
    first = date(1950, 1, 1)
    span = (date(2000, 12, 31) - first).days
    fields = ("name", "birth_date", "sex", "rrn", "rrn_index", "district", "income_status",
              "job_seeker_registered", "basic_livelihood_recipient", "veteran", "disability")  # fmt: skip
    offset = rnd.randrange(0, 1_000_000)
    run.person_ids = []
    last = max_pk(Person)
    chunk = 50_000
    for start in range(0, run.scale.persons, chunk):
        rows = []
        for n in range(start, min(start + chunk, run.scale.persons)):
            birth = first + timedelta(days=rnd.randrange(span))
            sex = "M" if rnd.random() < 0.5 else "F"
            digit = ("1" if sex == "M" else "2") if birth.year < 2000 else ("3" if sex == "M" else "4")
            serial = (n * 7919 + offset) % 1_000_000  # a bijection of n: every number distinct
            number = parse_rrn(f"{birth:%y%m%d}{digit}{serial:06d}")
            rows.append((
                rnd.choice(SURNAMES) + rnd.choice(GIVEN), birth, sex, number.digits, rrn_index(number),
                None if rnd.random() < 0.03 else rnd.choice(run.districts),
                "regular" if rnd.random() < 0.1 else "none", rnd.random() < 0.7, rnd.random() < 0.06,
                rnd.random() < 0.02, rnd.random() < 0.04,
            ))  # fmt: skip
        run.insert(Person, fields, rows)
        ids = ids_after(Person, last)
        last = ids[-1]
        run.person_ids += ids
        given = [at(date(2014, 1, 1) + timedelta(days=rnd.randrange(1600))) for _ in ids]
        run.insert(
            Consent,
            ("person", "purpose", "notice_version", "context", "given_at"),
            ((pk, purpose, "2014-01", "합성 자료(등록)", day) for pk, day in zip(ids, given, strict=True)
             for purpose in Consent.Purpose.values),
        )  # fmt: skip
        run.say(f"  사람 {len(run.person_ids):,}명")
