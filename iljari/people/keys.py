"""Rotating the blind-index key of resident numbers (people.Person.rrn_index), with no downtime.

The index is an HMAC of the number under the newest of ILJARI_PERSONAL_DATA_INDEX_KEYS. To rotate: put the new
key first (keeping the old one), restart — new records are indexed under the new key and every look-up tries each
configured key (people.rrn.rrn_indexes) —, run `iljari keys rotate`, which recomputes the stored indexes from the
decrypted numbers in batches of short transactions (each batch's rows locked), then drop the old key. Registered
with core.keys in PeopleConfig.ready (core names no other app).

Contract:
- rrn_index_status() -> core.keys.FieldStatus          current: under the newest key; older: under an older one;
                                                       unreadable: under no configured key (rotate recomputes it)
- rrn_index_rotate(*, batch_size=500, on_batch=None) -> core.keys.FieldStatus
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from iljari.core.keys import FieldStatus
from iljari.people.models import Person
from iljari.people.rrn import RrnError, _hmac, parse_rrn

LABEL = "사람.주민등록번호 검색 색인"


def _kind(digits: str, stored: str | None, keys: list[str]) -> str:
    if stored == _hmac(keys[0], digits):
        return "current"
    if any(stored == _hmac(key, digits) for key in keys[1:]):
        return "older"
    return "unreadable"


def _digits(value) -> str | None:
    try:
        return parse_rrn(value).digits
    except (RrnError, TypeError):
        return None


def _rows():
    return Person._base_manager.filter(rrn__isnull=False).order_by("pk")


def rrn_index_status() -> FieldStatus:
    keys = list(settings.ILJARI_PERSONAL_DATA_INDEX_KEYS)
    status = FieldStatus(LABEL)
    for _, rrn, stored in _rows().values_list("pk", "rrn", "rrn_index").iterator(chunk_size=2000):
        digits = _digits(rrn)
        kind = _kind(digits, stored, keys) if digits else "unreadable"
        setattr(status, kind, getattr(status, kind) + 1)
        status.total += 1
    return status


def rrn_index_rotate(*, batch_size: int = 500, on_batch=None) -> FieldStatus:
    """Recompute every index not under the newest key, batch by batch (rows locked, so a concurrent registration
    or edit is never lost); `on_batch(status)` after each batch. A number that does not decrypt is counted and left."""
    keys = list(settings.ILJARI_PERSONAL_DATA_INDEX_KEYS)
    status = FieldStatus(LABEL)
    last_pk = 0
    while True:
        with transaction.atomic():
            batch = list(
                _rows().select_for_update().filter(pk__gt=last_pk).values_list("pk", "rrn", "rrn_index")[:batch_size]
            )
            if not batch:
                break
            stale = []
            for pk, rrn, stored in batch:
                status.total += 1
                digits = _digits(rrn)
                if digits is None:
                    status.unreadable += 1
                    continue
                status.current += 1
                if _kind(digits, stored, keys) != "current":
                    stale.append(Person(pk=pk, rrn_index=_hmac(keys[0], digits)))
            if stale:
                Person._base_manager.bulk_update(stale, ["rrn_index"])  # no signals: the history never sees it
                status.rotated += len(stale)
            last_pk = batch[-1][0]
        if on_batch is not None:
            on_batch(status)
    return status
