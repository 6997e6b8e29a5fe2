"""Anonymising people whose records have all expired (people's half of core.retention).

Contract:
- person_anonymise_expired(*, person_ids, now) -> int
      of these people, anonymises those nothing still holds, and returns how many. A person is still held by an
      account, or by any row of another app that points at them (an application, a placement, an enrolment, and
      any module added later) unless that row says its personal data was destroyed (`personal_data_destroyed_at`
      set). Unknown relations keep the person: destruction errs on the side of keeping until its owner says so.

Anonymising keeps what the office's figures count — sex, district, the birth year (the date becomes 1 January
of that year, so ages by year and target groups stay), income status and the yes/no flags — and removes the name,
the resident number and its index, the phone, the e-mail and the address; their pay accounts (number and holder)
are deleted. It is written with queryset updates so
that the change history gets no copy of the old values, and the change history already held about those people is
deleted (it holds their old values).
"""

from __future__ import annotations

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Value
from django.db.models.functions import TruncYear

from iljari.people.models import Consent, PayAccount, Person

DESTROYED_NAME = "(파기)"


def _held(person_ids: list[int]) -> set[int]:
    held = set(Person.objects.filter(pk__in=person_ids, user__isnull=False).values_list("pk", flat=True))
    for relation in Person._meta.related_objects:
        model = relation.related_model
        if model in (Consent, PayAccount) or not relation.one_to_many:
            continue
        rows = model._base_manager.filter(**{f"{relation.field.name}__in": person_ids})
        if any(f.name == "personal_data_destroyed_at" for f in model._meta.concrete_fields):
            rows = rows.filter(personal_data_destroyed_at__isnull=True)
        held |= set(rows.values_list(relation.field.attname, flat=True).distinct())
    return held


def person_anonymise_expired(*, person_ids, now) -> int:
    candidates = sorted(set(person_ids))
    held = _held(candidates)
    free = [pk for pk in candidates if pk not in held]
    total = 0
    for start in range(0, len(free), 2000):
        chunk = free[start : start + 2000]
        total += Person.objects.filter(pk__in=chunk, destroyed_at__isnull=True).update(
            name=Value(DESTROYED_NAME),
            rrn=None,
            rrn_index=None,
            phone="",
            email="",
            address="",
            birth_date=TruncYear(F("birth_date")),
            destroyed_at=now,
            updated_at=now,
        )
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Person), object_pk__in=[str(pk) for pk in chunk]
        ).delete()
        accounts = [str(pk) for pk in PayAccount.objects.filter(person_id__in=chunk).values_list("pk", flat=True)]
        PayAccount.objects.filter(person_id__in=chunk).delete()
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(PayAccount), object_pk__in=accounts
        ).delete()
    return total
