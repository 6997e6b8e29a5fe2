"""people selectors — finding persons, scoped by iljari.core.access.

Contract:
- person_list(*, user, name="") -> QuerySet[Person]
- person_find_by_rrn(*, user, rrn) -> Person | None      (exact, through the blind index; never a LIKE)
- person_get(*, user, pk) -> Person
- person_of_user(*, user) -> Person | None               (one's own record)
- applicant_of_user(*, user) -> Person | None            (one's own record as an application reads it: one query,
                                                          without the consents and the district row)
"""

from __future__ import annotations

from django.db.models import QuerySet

from iljari.core.access import access_people_view, require, scope_rows
from iljari.core.errors import NotFound, ValidationFailed
from iljari.people.models import Person
from iljari.people.rrn import RrnError, parse_rrn, rrn_indexes


def _people(user) -> QuerySet[Person]:
    require(access_people_view(user))
    return scope_rows(user, Person.objects.select_related("district"), district="district")


def person_list(*, user, name: str = "") -> QuerySet[Person]:
    people = _people(user)
    if name:
        people = people.filter(name__icontains=name.strip())
    return people.order_by("name", "pk")


def person_find_by_rrn(*, user, rrn: str) -> Person | None:
    try:
        number = parse_rrn(rrn)
    except RrnError as exc:
        raise ValidationFailed(field_errors={"rrn": [str(exc)]}) from exc
    return _people(user).filter(rrn_index__in=rrn_indexes(number)).first()


def person_get(*, user, pk: int) -> Person:
    person = _people(user).prefetch_related("consents").filter(pk=pk).first()
    if person is None:
        raise NotFound("사람을 찾을 수 없습니다.")
    return person


def person_of_user(*, user) -> Person | None:
    if user is None or not user.is_authenticated:
        return None
    return Person.objects.select_related("district").prefetch_related("consents").filter(user=user).first()


def applicant_of_user(*, user) -> Person | None:
    if user is None or not user.is_authenticated:
        return None
    return Person.objects.filter(user=user).first()
