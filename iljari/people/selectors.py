"""people selectors — finding persons, scoped by iljari.core.access.

Contract:
- person_list(*, user, name="") -> QuerySet[Person]
- person_find_by_rrn(*, user, rrn) -> Person | None      (exact, through the blind index; never a LIKE)
- person_get(*, user, pk) -> Person
- person_of_user(*, user) -> Person | None               (one's own record)
- person_subjects_describe(ids, *, user) -> {id: (masked name, url | None)}   the access log's subjects (registered
      with core.accesslog): 홍*동, with the person's page where `user` may open it
- person_address_history(*, person) -> list[AddressChange]   the person's addresses as the change history recorded
      them (django-auditlog), newest first: when, the address, its district's name ("" outside Seoul), postal code
- applicant_of_user(*, user) -> Person | None            (one's own record as an application reads it: one query,
                                                          without the consents, the district row and the resident
                                                          number, which stays deferred: nothing to decrypt)
- pay_account_current(*, user, person) -> PayAccount | None      the person's current 급여 계좌 (masked on screen)
- pay_account_history(*, user, person) -> list[PayAccount]        every account they had, newest first
- pay_account_number(*, user, person) -> str                      the current number whole: staff who may correct
      the person only (the caller writes the access log)
- pay_accounts_of(*, person_ids) -> {person_id: PayAccount}       the current accounts of these people, for the
      system's pay runs (no user: the caller's service checked its actor); one query, the number left undecrypted
      (deferred: a pay run points at the account row, it does not copy the number)

`person` above is one the user may see (person_get); the account selectors check that again.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from auditlog.models import LogEntry
from django.db.models import QuerySet
from django.urls import reverse

from iljari.core.access import (
    access_own_person_record_change,
    access_people_view,
    access_person_record_change,
    require,
    scope_rows,
)
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.exports import mask_name
from iljari.org.models import District
from iljari.people.models import PayAccount, Person
from iljari.people.rrn import RrnError, parse_rrn, rrn_indexes


def person_subjects_describe(ids, *, user) -> dict[int, tuple[str, str | None]]:
    may_open = access_people_view(user)
    found = Person.objects.filter(pk__in=list(ids)).values_list("pk", "name")
    return {
        pk: (mask_name(name) or "(파기된 정보)", reverse("people:person_detail", args=[pk]) if may_open else None)
        for pk, name in found
    }


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


@functools.cache
def _applicant_sql() -> str:
    """Written out once: the ORM would build this one-row query again for every submission."""
    table = Person._meta.db_table
    columns = ", ".join(f'"{f.column}"' for f in Person._meta.concrete_fields if f.name not in ("rrn", "rrn_index"))
    return f'SELECT {columns} FROM {table} WHERE "user_id" = %s'  # noqa: S608 - names from the model # nosec B608


def applicant_of_user(*, user) -> Person | None:
    if user is None or not user.is_authenticated:
        return None
    return next(iter(Person.objects.raw(_applicant_sql(), [user.pk])), None)


ADDRESS_FIELDS = ("address", "district", "postal_code")


@dataclass(frozen=True)
class AddressChange:
    at: datetime
    address: str
    district: str
    postal_code: str


def _recorded(value) -> str:
    return "" if value in (None, "None") else str(value)


def person_address_history(*, person: Person) -> list[AddressChange]:
    """Replays the person's change-history entries in order, keeping the three address fields; one row for each
    entry that changed any of them."""
    state = dict.fromkeys(ADDRESS_FIELDS, "")
    rows: list[tuple[datetime, dict]] = []
    for entry in LogEntry.objects.get_for_object(person).order_by("timestamp", "pk"):
        changes = entry.changes_dict or {}
        touched = [name for name in ADDRESS_FIELDS if name in changes]
        if not touched:
            continue
        for name in touched:
            values = changes[name]
            state[name] = _recorded(values[-1] if isinstance(values, list | tuple) else values)
        rows.append((entry.timestamp, dict(state)))
    names = dict(
        District.objects.filter(pk__in={int(s["district"]) for _, s in rows if s["district"].isdecimal()}).values_list(
            "pk", "name"
        )
    )
    return [
        AddressChange(
            at=at,
            address=kept["address"],
            district=names.get(int(kept["district"]), "") if kept["district"].isdecimal() else "",
            postal_code=kept["postal_code"],
        )
        for at, kept in reversed(rows)
    ]


def _account_person(user, person: Person) -> Person:
    if access_own_person_record_change(user, person):
        return person
    return person_get(user=user, pk=person.pk)


def pay_account_current(*, user, person: Person) -> PayAccount | None:
    person = _account_person(user, person)
    return PayAccount.objects.filter(person=person, replaced_at__isnull=True).first()


def pay_account_history(*, user, person: Person) -> list[PayAccount]:
    person = _account_person(user, person)
    return list(PayAccount.objects.filter(person=person).select_related("entered_by").order_by("-created_at", "-pk"))


def pay_account_number(*, user, person: Person) -> str:
    person = person_get(user=user, pk=person.pk)
    require(
        access_person_record_change(user, person.district_id),
        "계좌번호 전체는 이 사람의 정보를 고칠 수 있는 담당자만 봅니다.",
    )
    account = PayAccount.objects.filter(person=person, replaced_at__isnull=True).first()
    if account is None:
        raise NotFound("등록된 급여 계좌가 없습니다.")
    return account.number


def pay_accounts_of(*, person_ids) -> dict[int, PayAccount]:
    ids = list(person_ids)
    found: dict[int, PayAccount] = {}
    for start in range(0, len(ids), 5000):
        rows = PayAccount.objects.filter(person_id__in=ids[start : start + 5000], replaced_at__isnull=True).defer(
            "number"
        )
        found.update((account.person_id, account) for account in rows)
    return found
