"""The committees tests' builders: a committee of a division with members and a meeting."""

from __future__ import annotations

from datetime import date

from iljari.committees import services
from iljari.org.models import OrgUnit


def make_committee(code="TEST-BOARD", division="JOBS-POLICY", **values):
    defaults = {
        "name": "시험 운영위원회",
        "kind": "operation",
        "supervising_division": OrgUnit.objects.get(code=division) if division else None,
        "appointed_seats": 3,
        "ex_officio_seats": 1,
        "term_months": 24,
    }
    defaults.update(values)
    return services.committee_save(actor=None, code=code, **defaults)


def make_member(committee, name="김위원", kind="appointed", start=date(2018, 3, 29), **values):
    return services.member_add(actor=None, committee=committee, name=name, kind=kind, term_start=start, **values)


def make_meeting(committee, held_on=date(2018, 5, 10), **values):
    return services.meeting_schedule(actor=None, committee=committee, held_on=held_on, **values)
