"""The access log (접속기록) of personal data: record, verify, prune, review.

Contract:
- access_log_record(*, user, remote_addr, action, subject_type, subject_ids, detail="", reason="") -> AccessLogEntry
      appends one entry chained to the previous one; subject_ids are record ids, never identifiers. Appends are
      serialised by locking the single AccessLogHead row (SELECT ... FOR UPDATE on PostgreSQL; SQLite's
      IMMEDIATE transactions serialise writers), so concurrent writers still give one valid chain.
- access_log_check() -> ChainCheck(checked, broken_id, message)   the Korean report `iljari accesslog verify` prints
- access_log_verify() -> (checked, first_broken_id | None)        (-1: the newest entries were deleted)
- access_log_prune(*, now=None) -> int   removes entries older than ILJARI_ACCESS_LOG_KEEP_YEARS (at least two),
      keeping the hash the first remaining entry follows, so verify still proves the rest whole
- print_token_make(*, user, subject_type, subject_ids, detail) -> str   signed, bound to the account; put on a page
      that showed personal data, so that printing it can be recorded with the people it showed
- access_log_print(*, user, remote_addr, token) -> AccessLogEntry | None   one `print` entry (출력), distinct
      from the page's view entry, naming the token's subjects; a forged, foreign or stale token: ValidationFailed,
      nothing written. The same page's print sent again within PRINT_REPEAT_SECONDS (a browser may deliver the
      beacon twice) is recorded once: None the second time.
- access_log_list(*, user, username="", action="", subject_type="", subject_id="", date_from=None, date_to=None,
      q="")   the auditor's view (auditor, system admin); `q` finds a part of the entry's detail or reason.
- access_log_month_review(*, user, year, month) -> MonthReview   the monthly review: volumes per account,
      unusual daily volumes, off-hours access, bulk downloads, and the sign-off when there is one
- access_log_review_sign(*, user, year, month, note="") -> AccessLogReview   the auditor signs the month off; the
      sign-off keeps the hash of the month's last entry (an anchor verify checks too)
- access_log_review_missing(*, year, month) -> bool   the month is not signed off yet (the auditor's work list)
- access_log_subject_register(subject_type, *, label, describe=None)   an app names its kind of data subject
      (`people.person` → 개인) and, with `describe(ids, *, user) -> {id: (masked name, url | None)}`, the subjects;
      filled in each app's AppConfig.ready (people, frontline; core.retention registers its kinds, count only)
- access_log_subjects(entries, *, user, shown=2) -> list[SubjectsShown]   what the auditor reads for each entry:
      the first subjects by masked name (홍*동) with a link, and "외 N명" — never "people.person 4583,5345"
- access_log_subject_choices() -> [(subject_type, Korean label)]   the filter's choices

Entries are append-only: the model refuses update and delete and a database trigger refuses them too (PostgreSQL
and SQLite; deleting is allowed by the trigger only for entries older than two years, for prune).
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce, Length, Replace, TruncDate
from django.utils import timezone

from iljari.core.access import (
    access_access_log_review_sign,
    access_change_history_view,
    access_print_record,
    require,
)
from iljari.core.errors import ValidationFailed
from iljari.core.korean import with_subject
from iljari.core.models import AccessLogEntry, AccessLogHead, AccessLogReview

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


def _head_locked() -> AccessLogHead:
    """The chain's head row, locked for this transaction (created on first use; a concurrent first use waits)."""
    head = AccessLogHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        try:
            with transaction.atomic():
                AccessLogHead.objects.create(pk=1)
        except IntegrityError:
            pass  # another writer created it first
        head = AccessLogHead.objects.select_for_update().get(pk=1)
    return head


def access_log_record(
    *, user, remote_addr: str | None, action: str, subject_type: str, subject_ids, detail: str = "", reason: str = ""
) -> AccessLogEntry:
    ids = ",".join(str(i) for i in subject_ids)
    with transaction.atomic():
        head = _head_locked()
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


# --- printing (출력) -----------------------------------------------------------------------------------------

PRINT_SALT = "iljari.core.accesslog.print"
PRINT_TOKEN_MAX_AGE = 12 * 3600  # a page left open all day can still be printed; a token from yesterday cannot
PRINT_REPEAT_SECONDS = 10
PRINT_REFUSED = "인쇄할 화면의 정보가 올바르지 않거나 오래되었습니다. 화면을 새로 고친 뒤 다시 인쇄하십시오."


def print_token_make(*, user, subject_type: str, subject_ids, detail: str) -> str:
    ids = [int(i) for i in subject_ids]
    body = {"u": user.pk, "t": subject_type, "i": ids, "d": detail[:150], "n": secrets.token_hex(6)}  # one per page
    return signing.dumps(body, salt=PRINT_SALT, compress=True)


def access_log_print(*, user, remote_addr: str | None, token: str) -> AccessLogEntry | None:
    require(access_print_record(user), "로그인한 사람만 인쇄 기록을 남길 수 있습니다.")
    try:
        data = signing.loads(token or "", salt=PRINT_SALT, max_age=PRINT_TOKEN_MAX_AGE)
        if data["u"] != user.pk:
            raise ValueError("another account's page")
        subject_type, ids, detail = str(data["t"]), [int(i) for i in data["i"]], str(data["d"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ValidationFailed(PRINT_REFUSED) from None
    once = hashlib.sha256(token.encode()).hexdigest()
    if not cache.add(f"accesslog:print:{user.pk}:{once}", 1, timeout=PRINT_REPEAT_SECONDS):
        return None  # this page's print was recorded a moment ago
    return access_log_record(
        user=user,
        remote_addr=remote_addr,
        action=AccessLogEntry.Action.PRINT,
        subject_type=subject_type,
        subject_ids=ids,
        detail=f"인쇄: {detail}",
    )


@dataclass(frozen=True)
class ChainCheck:
    checked: int
    broken_id: int | None  # None: whole; -1: the newest entries were deleted
    message: str

    @property
    def whole(self) -> bool:
        return self.broken_id is None


def _describe(entry: AccessLogEntry) -> str:
    when = timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S")
    return f"기록 #{entry.pk} ({when}, {entry.username or '익명'}, {entry.get_action_display()} {entry.subject_type})"


def access_log_check() -> ChainCheck:
    """Walk the chain in id order from where pruning left it; the first entry that does not fit is named: its
    content no longer matches its hash (edited), or it does not follow the previous hash (one before it deleted).
    Then the head (the newest entries deleted) and every monthly sign-off's anchor are checked."""
    head = AccessLogHead.objects.filter(pk=1).first()
    previous = head.pruned_hash if head else GENESIS
    checked = 0
    last = None
    for entry in AccessLogEntry.objects.order_by("id").iterator(chunk_size=2000):
        if _digest(entry) != entry.hash:
            return ChainCheck(
                checked,
                entry.pk,
                f"{_describe(entry)}의 내용이 기록 당시와 다릅니다(고쳐진 기록). 앞의 {checked:,}건은 온전합니다.",
            )
        if entry.previous_hash != previous:
            return ChainCheck(
                checked,
                entry.pk,
                f"{_describe(entry)} 바로 앞의 기록이 지워졌거나 바뀌었습니다. 앞의 {checked:,}건은 온전합니다.",
            )
        previous = entry.hash
        checked += 1
        last = entry
    if head is not None and head.last_hash != previous:
        after = f"{_describe(last)} 뒤" if last else "처음부터"
        return ChainCheck(checked, -1, f"{after}의 최근 기록이 지워졌습니다. 남은 {checked:,}건은 온전합니다.")
    pruned_through = head.pruned_through if head else 0
    for review in AccessLogReview.objects.filter(last_entry_id__gt=pruned_through).order_by("year", "month"):
        kept = AccessLogEntry.objects.filter(pk=review.last_entry_id, hash=review.last_hash).exists()
        if not kept:
            return ChainCheck(
                checked,
                review.last_entry_id,
                f"{review.year}년 {review.month}월 점검 때 확인한 마지막 기록 "
                f"#{with_subject(review.last_entry_id)} 그때와 다릅니다(체인이 다시 쓰였습니다).",
            )
    return ChainCheck(checked, None, f"접속기록 {checked:,}건의 체인이 온전합니다.")


def access_log_verify() -> tuple[int, int | None]:
    """(how many entries were checked, the id of the first that does not fit or None; -1: the newest deleted)."""
    check = access_log_check()
    return check.checked, check.broken_id


def access_log_prune(*, now: datetime | None = None) -> int:
    """Remove entries older than the keeping period (ILJARI_ACCESS_LOG_KEEP_YEARS, at least two years), oldest
    first and only as one unbroken run from the start, recording the last removed entry's hash in the head."""
    now = now or timezone.now()
    years = max(2, settings.ILJARI_ACCESS_LOG_KEEP_YEARS)
    try:
        cutoff = now.replace(year=now.year - years)
    except ValueError:  # 29 February
        cutoff = now.replace(year=now.year - years, day=28)
    with transaction.atomic():
        head = _head_locked()
        young = AccessLogEntry.objects.filter(at__gte=cutoff).order_by("id").values_list("id", flat=True).first()
        old = AccessLogEntry.objects.filter(at__lt=cutoff)
        if young is not None:
            old = old.filter(id__lt=young)
        last = old.order_by("-id").values("id", "hash").first()
        if last is None:
            return 0
        doomed = AccessLogEntry.objects.filter(id__lte=last["id"])
        count = doomed.count()
        doomed._raw_delete(doomed.db)  # the model refuses delete(); the trigger allows it for entries this old
        head.pruned_through = last["id"]
        head.pruned_hash = last["hash"]
        head.pruned_count = F("pruned_count") + count
        head.save(update_fields=["pruned_through", "pruned_hash", "pruned_count"])
    return count


# --- the data subjects as the auditor reads them ----------------------------------------------------------------


@dataclass(frozen=True)
class SubjectKind:
    label: str  # 개인, 대관 예약
    unit: str  # 명, 건
    describe: Callable[..., dict[int, tuple[str, str | None]]] | None  # (ids, *, user) -> {id: (name, url)}


_SUBJECT_KINDS: dict[str, SubjectKind] = {}


def access_log_subject_register(
    subject_type: str, *, label: str, unit: str = "명", describe=None, keep: bool = False
) -> None:
    """Name a kind of data subject for the access-log pages; `describe(ids)` gives each id's masked name and the
    page the reader may open (None: none they may open), for the ids that still exist: `describe(ids, user=…)`.
    `keep`: leave a kind already named."""
    if keep and subject_type in _SUBJECT_KINDS:
        return
    _SUBJECT_KINDS[subject_type] = SubjectKind(label=label, unit=unit, describe=describe)


def access_log_subject_choices() -> list[tuple[str, str]]:
    return sorted(((code, kind.label) for code, kind in _SUBJECT_KINDS.items()), key=lambda pair: pair[1])


@dataclass(frozen=True)
class SubjectsShown:
    kind: str  # the Korean name of the kind (개인)
    shown: list[tuple[str, str | None]]  # the first subjects: (masked name, url | None)
    others: int  # how many more ("외 N명")
    unit: str  # 명 or 건

    @property
    def text(self) -> str:
        """`홍*동, 김*수 외 5명` (or `개인 12명` where no names are known)."""
        if not self.shown:
            total = self.others
            return f"{self.kind} {total:,}{self.unit}" if total else "-"
        names = ", ".join(name for name, _ in self.shown)
        return f"{names} 외 {self.others:,}{self.unit}" if self.others else names


def access_log_subjects(entries, *, user, shown: int = 2) -> list[SubjectsShown]:
    """Each entry's data subjects as the auditor reads them: the first `shown` by masked name with a link, the rest
    counted. One look-up per kind of subject for the whole page."""
    entries = list(entries)
    wanted: dict[str, set[int]] = {}
    for entry in entries:
        ids = [int(i) for i in entry.subject_id_list if i.isdecimal()][:shown]
        wanted.setdefault(entry.subject_type, set()).update(ids)
    names: dict[str, dict[int, tuple[str, str | None]]] = {}
    for subject_type, ids in wanted.items():
        kind = _SUBJECT_KINDS.get(subject_type)
        names[subject_type] = kind.describe(sorted(ids), user=user) if kind and kind.describe and ids else {}
    result = []
    for entry in entries:
        kind = _SUBJECT_KINDS.get(entry.subject_type)
        label, unit = (kind.label, kind.unit) if kind else ("기타 정보", "건")
        ids = [int(i) for i in entry.subject_id_list if i.isdecimal()]
        known = names.get(entry.subject_type, {})
        first = [known[i] for i in ids[:shown] if i in known]
        result.append(SubjectsShown(kind=label, shown=first, others=len(ids) - len(first), unit=unit))
    return result


def access_log_list(
    *,
    user,
    username: str = "",
    action: str = "",
    subject_type: str = "",
    subject_id: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    q: str = "",
) -> QuerySet[AccessLogEntry]:
    require(access_change_history_view(user), "접속기록을 볼 권한이 없습니다.")
    entries = AccessLogEntry.objects.all()
    if q:
        entries = entries.filter(Q(detail__icontains=q) | Q(reason__icontains=q))
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


# --- the monthly review (월간 점검) ------------------------------------------------------------------------------

OFF_HOURS_START = time(20, 0)  # access from 20:00 to 08:00, or on a Saturday or Sunday, is off-hours
OFF_HOURS_END = time(8, 0)


@dataclass
class AccountVolume:
    username: str
    role: str
    entries: int
    subjects: int
    downloads: int


@dataclass
class MonthReview:
    year: int
    month: int
    entries: int
    accounts: list[AccountVolume]
    heavy_days: list[dict]  # {"username", "day", "subjects"} over ILJARI_ACCESS_LOG_DAILY_SUBJECTS
    off_hours: list[AccessLogEntry]
    bulk_downloads: list[AccessLogEntry]  # downloads naming at least ILJARI_ACCESS_LOG_BULK_SUBJECTS people
    review: AccessLogReview | None
    daily_limit: int = 0
    bulk_limit: int = 0
    off_hours_total: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def findings(self) -> int:
        return len(self.heavy_days) + self.off_hours_total + len(self.bulk_downloads)


def _month_range(year: int, month: int) -> tuple[datetime, datetime]:
    if not (1 <= month <= 12) or not (2000 <= year <= 2100):
        raise ValidationFailed("점검할 연도와 월을 바르게 고르십시오.")
    start = timezone.make_aware(datetime(year, month, 1))
    end = timezone.make_aware(datetime(year + month // 12, month % 12 + 1, 1))
    return start, end


def _subject_count():
    """How many ids an entry's comma-separated subject list names, computed in the database."""
    return Case(
        When(subject_ids="", then=Value(0)),
        default=Length("subject_ids") - Length(Replace("subject_ids", Value(","), Value(""))) + 1,
        output_field=IntegerField(),
    )


def access_log_month_review(*, user, year: int, month: int) -> MonthReview:
    require(access_change_history_view(user), "접속기록을 볼 권한이 없습니다.")
    start, end = _month_range(year, month)
    entries = AccessLogEntry.objects.filter(at__gte=start, at__lt=end)
    counted = entries.annotate(subjects=_subject_count())
    accounts = [
        AccountVolume(**row)
        for row in counted.values("username", "role")
        .annotate(
            entries=Count("id"),
            subjects=Coalesce(Sum("subjects"), 0),
            downloads=Count("id", filter=Q(action=AccessLogEntry.Action.DOWNLOAD)),
        )
        .order_by("-subjects", "username")
    ]
    daily_limit = settings.ILJARI_ACCESS_LOG_DAILY_SUBJECTS
    heavy_days = list(
        counted.annotate(day=TruncDate("at", tzinfo=timezone.get_current_timezone()))
        .values("username", "day")
        .annotate(total=Coalesce(Sum("subjects"), 0))
        .filter(total__gt=daily_limit)
        .order_by("day", "username")
    )
    off_hours = [
        entry
        for entry in entries.order_by("id").only("id", "at", "username", "role", "action", "subject_type", "detail")
        if _off_hours(entry.at)
    ]
    bulk_limit = settings.ILJARI_ACCESS_LOG_BULK_SUBJECTS
    bulk = list(counted.filter(action=AccessLogEntry.Action.DOWNLOAD, subjects__gte=bulk_limit).order_by("id"))
    return MonthReview(
        year=year,
        month=month,
        entries=entries.count(),
        accounts=accounts,
        heavy_days=heavy_days,
        off_hours=off_hours[:200],
        off_hours_total=len(off_hours),
        bulk_downloads=bulk,
        review=AccessLogReview.objects.filter(year=year, month=month).select_related("signed_by").first(),
        daily_limit=daily_limit,
        bulk_limit=bulk_limit,
    )


def _off_hours(at: datetime) -> bool:
    local = timezone.localtime(at)
    return local.weekday() >= 5 or local.time() >= OFF_HOURS_START or local.time() < OFF_HOURS_END


def access_log_review_missing(*, year: int, month: int) -> bool:
    return not AccessLogReview.objects.filter(year=year, month=month).exists()


def access_log_review_sign(*, user, year: int, month: int, note: str = "", now: datetime | None = None):
    """The auditor signs off a month that has ended: once per month, with the findings counted at that moment and
    the id and hash of the month's last entry (an anchor for verify)."""
    require(access_access_log_review_sign(user), "접속기록 점검 확인은 감사 담당자가 합니다.")
    now = now or timezone.now()
    start, end = _month_range(year, month)
    if end > now:
        raise ValidationFailed("끝나지 않은 달은 점검 확인을 할 수 없습니다.")
    report = access_log_month_review(user=user, year=year, month=month)
    last = AccessLogEntry.objects.filter(at__lt=end).order_by("-id").values("id", "hash").first()
    with transaction.atomic():
        if AccessLogReview.objects.select_for_update().filter(year=year, month=month).exists():
            raise ValidationFailed(f"{year}년 {month}월은 이미 점검 확인을 했습니다.")
        return AccessLogReview.objects.create(
            year=year,
            month=month,
            entries=report.entries,
            findings=report.findings,
            last_entry_id=last["id"] if last else None,
            last_hash=last["hash"] if last else "",
            note=note.strip()[:2000],
            signed_by=user,
            signed_at=now,
        )
