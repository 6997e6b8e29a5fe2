"""The access log (접속기록) of personal data: record and verify.

Contract:
- access_log_record(*, user, remote_addr, action, subject_type, subject_ids, detail="", reason="") -> AccessLogEntry
      appends one entry chained to the previous one; subject_ids are record ids, never identifiers.
- access_log_verify() -> (checked, first_broken_id | None)
- access_log_list(*, user, username="", action="", subject_type="", subject_id="", date_from=None, date_to=None)
      the auditor's view (auditor, system admin).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from iljari.core.access import access_change_history_view, require
from iljari.core.models import AccessLogEntry, AccessLogHead

GENESIS = "0" * 64


def _digest(entry: AccessLogEntry) -> str:
    body = json.dumps(
        [
            entry.previous_hash,
            entry.at.isoformat(),
            entry.user_id,
            entry.username,
            entry.role,
            entry.remote_addr,
            entry.action,
            entry.subject_type,
            entry.subject_ids,
            entry.detail,
            entry.reason,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode()).hexdigest()


def access_log_record(
    *, user, remote_addr: str | None, action: str, subject_type: str, subject_ids, detail: str = "", reason: str = ""
) -> AccessLogEntry:
    ids = ",".join(str(i) for i in subject_ids)
    with transaction.atomic():
        head, _ = AccessLogHead.objects.select_for_update().get_or_create(pk=1)
        entry = AccessLogEntry(
            at=timezone.now(),
            user=user if user is not None and user.is_authenticated else None,
            username=getattr(user, "username", "") or "",
            role=getattr(user, "role", "") or "",
            remote_addr=remote_addr,
            action=action,
            subject_type=subject_type,
            subject_ids=ids,
            detail=detail[:200],
            reason=reason[:200],
            previous_hash=head.last_hash,
        )
        entry.hash = _digest(entry)
        entry.save()
        head.last_hash = entry.hash
        head.save(update_fields=["last_hash"])
    return entry


def access_log_verify() -> tuple[int, int | None]:
    """Walk the chain in order; return how many entries were checked and the id of the first that does not fit
    (edited, or following a deleted one), or None when the chain is whole."""
    previous = GENESIS
    checked = 0
    for entry in AccessLogEntry.objects.order_by("id").iterator():
        if entry.previous_hash != previous or _digest(entry) != entry.hash:
            return checked, entry.pk
        previous = entry.hash
        checked += 1
    head = AccessLogHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != previous:
        return checked, -1  # the newest entries were deleted
    return checked, None


def access_log_list(
    *,
    user,
    username: str = "",
    action: str = "",
    subject_type: str = "",
    subject_id: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AccessLogEntry]:
    require(access_change_history_view(user), "접속기록을 볼 권한이 없습니다.")
    entries = AccessLogEntry.objects.all()
    if username:
        entries = entries.filter(username__icontains=username)
    if action:
        entries = entries.filter(action=action)
    if subject_type:
        entries = entries.filter(subject_type=subject_type)
    if subject_id:
        entries = entries.filter(
            Q(subject_ids=subject_id)
            | Q(subject_ids__startswith=f"{subject_id},")
            | Q(subject_ids__endswith=f",{subject_id}")
            | Q(subject_ids__contains=f",{subject_id},")
        )
    if date_from:
        entries = entries.filter(at__gte=timezone.make_aware(datetime.combine(date_from, time.min)))
    if date_to:
        entries = entries.filter(at__lt=timezone.make_aware(datetime.combine(date_to + timedelta(days=1), time.min)))
    return entries.order_by("-id")
