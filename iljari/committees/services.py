"""committees services — the writes of 위원회: committees, members, meetings, agenda items, decisions, attendance and
minutes. Each runs in one transaction; the models are tracked by core.history (the change history).

Contract:
- committee_save(*, actor, committee=None, code, name, kind, legal_basis="", supervising_division=None,
      programme=None, appointed_seats=None, ex_officio_seats=None, term_months=None, cadence="",
      established_on=None) -> Committee
- committee_ensure(*, code, name, kind, **values) -> Committee      the system's standing committee by its code
      (created once, as the system; an app above calls it before it records a decision of that committee)
- member_add(*, actor, committee, name, kind, role="member", affiliation="", term_start, term_end=None) -> Member
      term_end defaults to term_start + the committee's term; a member's terms in one committee do not overlap
      (the same name is one member); a 위원장 once at a time; the seats of the kind, when fixed, are not exceeded
      on any day of the term
- member_term_end(*, actor, member, term_end) -> Member              해촉·사임: the term ends early
- meeting_schedule(*, actor, committee, held_on, kind="regular", place="", title="", number=None,
      state="planned") -> Meeting          number defaults to the next (제n차)
- meeting_for_day(*, actor, committee, held_on, title="") -> Meeting the committee's held meeting of that day, or a
      new one (the deciding apps' monthly meeting)
- meeting_state_set(*, actor, meeting, state) -> Meeting             예정 → 개최 or 취소; a cancelled meeting decides
      nothing and a meeting with decisions is not cancelled
- agenda_item_add(*, actor, meeting, title, kind="deliberation") -> AgendaItem
- decision_record(*, actor, item, result, text="", decided_on=None, subject_type="", subject_id=None) -> Decision
      one decision per agenda item; decided_on defaults to the meeting day and is not before it; the subject, when
      given, is of a registered kind (subjects.py) and resolves to a record
- decision_link(*, actor, meeting, title, result, text="", subject_type, subject_id, kind="deliberation",
      decided_on=None) -> Decision          an agenda item and its decision in one step: what a deciding app calls
- attendance_record(*, actor, meeting, member, present=True, allowance=0, paid=False) -> Attendance
      once per member and meeting (a second call changes the row); only a member whose term covers the meeting day;
      allowance ≥ 0 원; an absent member is paid nothing
- minutes_upload(*, actor, meeting, upload) -> Meeting               a PDF, HWP or HWPX (told by its first bytes) of
      at most MINUTES_MAX_BYTES, replacing the one before

`actor=None` is the system (the demo loader, migrations, a deciding app's standing committee); everyone else must
pass core.access.access_committee_keep for the committee's supervising division. A refusal is a
core.errors.ValidationFailed with Korean field messages, and nothing is written.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Max, Q

from iljari.committees.models import (
    MINUTES_SUFFIXES,
    AgendaItem,
    Attendance,
    Committee,
    Decision,
    Meeting,
    Member,
)
from iljari.committees.subjects import decision_subject_get
from iljari.core.access import access_committee_keep, require
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.files import file_store
from iljari.core.formats import screen_date
from iljari.core.korean import with_object, with_topic

MINUTES_MAX_BYTES = 20 * 1024 * 1024
MINUTES_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-hwp"),  # HWP 5: an OLE2 compound file
    (b"PK\x03\x04", "application/hwp+zip"),  # HWPX: a zip (OWPML)
)
CODE = re.compile(r"[A-Z0-9][A-Z0-9-]{0,31}")
NOT_ALLOWED = "이 위원회는 소관 부서 직원과 총괄 담당자가 관리합니다."


def _keep(actor, committee: Committee) -> None:
    if actor is None:
        return
    path = committee.supervising_division.path if committee.supervising_division_id else None
    require(access_committee_keep(actor, path), NOT_ALLOWED)


def _text(errors: dict, field: str, value, label: str, limit: int, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        errors[field] = [f"{with_object(label)} 적으십시오."]
    elif len(value) > limit:
        errors[field] = [f"{with_topic(label)} {limit:,}자까지 적습니다."]
    return value


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_end_default(committee: Committee, term_start: date) -> date | None:
    """The last day of a term that starts on `term_start`: '18.3.29. with a 2-year term ends '20.3.28."""
    if not committee.term_months:
        return None
    return add_months(term_start, committee.term_months) - timedelta(days=1)


def committee_save(
    *,
    actor,
    committee: Committee | None = None,
    code: str,
    name: str,
    kind: str,
    legal_basis: str = "",
    supervising_division=None,
    programme=None,
    appointed_seats: int | None = None,
    ex_officio_seats: int | None = None,
    term_months: int | None = None,
    cadence: str = "",
    established_on: date | None = None,
) -> Committee:
    errors: dict[str, list[str]] = {}
    code = _text(errors, "code", code, "위원회 코드", 32)
    if code and not CODE.fullmatch(code):
        errors["code"] = ["위원회 코드는 영문 대문자, 숫자, 하이픈으로 적습니다(예: TRAINING-BOARD)."]
    name = _text(errors, "name", name, "위원회명", 120)
    legal_basis = _text(errors, "legal_basis", legal_basis, "근거", 200, required=False)
    cadence = _text(errors, "cadence", cadence, "개최 주기", 100, required=False)
    if kind not in Committee.Kind.values:
        errors["kind"] = ["구분을 고르십시오."]
    for field, value in (("appointed_seats", appointed_seats), ("ex_officio_seats", ex_officio_seats)):
        if value is not None and not (isinstance(value, int) and 0 <= value <= 500):
            errors[field] = ["정수는 0명에서 500명 사이입니다."]
    if term_months is not None and not (isinstance(term_months, int) and 1 <= term_months <= 120):
        errors["term_months"] = ["임기는 1개월에서 120개월 사이입니다."]
    if supervising_division is not None and supervising_division.kind != "division":
        errors["supervising_division"] = ["소관 부서는 담당관(부서)입니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        if committee is None:
            if actor is not None:
                path = supervising_division.path if supervising_division is not None else None
                require(access_committee_keep(actor, path), NOT_ALLOWED)
            if Committee.objects.filter(code=code).exists():
                raise field_error("code", f"이미 있는 위원회 코드입니다: {code}")
            committee = Committee(code=code)
        else:
            committee = Committee.objects.select_for_update().get(pk=committee.pk)
            _keep(actor, committee)
            if code != committee.code:
                raise field_error("code", "위원회 코드는 바꿀 수 없습니다.")
            if actor is not None and supervising_division is not None:
                require(access_committee_keep(actor, supervising_division.path), NOT_ALLOWED)
        committee.name, committee.kind, committee.legal_basis = name, kind, legal_basis
        committee.supervising_division, committee.programme = supervising_division, programme
        committee.appointed_seats, committee.ex_officio_seats = appointed_seats, ex_officio_seats
        committee.term_months, committee.cadence, committee.established_on = term_months, cadence, established_on
        committee.save()
    return committee


def committee_ensure(*, code: str, name: str, kind: str, **values) -> Committee:
    existing = Committee.objects.filter(code=code).first()
    if existing is not None:
        return existing
    return committee_save(actor=None, code=code, name=name, kind=kind, **values)


def _overlaps(queryset, start: date, end: date | None):
    """The rows of `queryset` (term_start/term_end) whose term shares a day with [start, end]."""
    overlapping = queryset.filter(Q(term_end__isnull=True) | Q(term_end__gte=start))
    if end is not None:
        overlapping = overlapping.filter(term_start__lte=end)
    return overlapping


def _seats_check(committee: Committee, kind: str, start: date, end: date | None, exclude: int | None = None) -> None:
    seats = committee.appointed_seats if kind == Member.Kind.APPOINTED else committee.ex_officio_seats
    if seats is None:
        return
    others = _overlaps(committee.members.filter(kind=kind), start, end)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    # the most members of the kind on one day of the term: a day when a term starts is where the count rises
    days = [start] + [d for d in others.values_list("term_start", flat=True) if d > start]
    terms = list(others.values_list("term_start", "term_end"))
    for day in days:
        if end is not None and day > end:
            continue
        serving = sum(1 for s, e in terms if s <= day and (e is None or day <= e))
        if serving + 1 > seats:
            label = Member.Kind(kind).label
            raise field_error("kind", f"{label} 정수 {seats}명이 {screen_date(day)}에 이미 찼습니다.")


def member_add(
    *,
    actor,
    committee: Committee,
    name: str,
    kind: str,
    role: str = Member.Role.MEMBER,
    affiliation: str = "",
    term_start: date,
    term_end: date | None = None,
) -> Member:
    _keep(actor, committee)
    errors: dict[str, list[str]] = {}
    name = _text(errors, "name", name, "성명", 60)
    affiliation = _text(errors, "affiliation", affiliation, "소속·직위", 120, required=False)
    if kind not in Member.Kind.values:
        errors["kind"] = ["위원 구분(위촉직·당연직)을 고르십시오."]
    if role not in Member.Role.values:
        errors["role"] = ["직책을 고르십시오."]
    if not isinstance(term_start, date):
        errors["term_start"] = ["임기 시작일을 적으십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    if term_end is None:
        term_end = term_end_default(committee, term_start)
    if term_end is not None and term_end <= term_start:
        raise field_error("term_end", "임기 끝은 임기 시작보다 뒤여야 합니다.")
    with transaction.atomic():
        committee = Committee.objects.select_for_update().get(pk=committee.pk)
        same = _overlaps(committee.members.filter(name=name, affiliation=affiliation), term_start, term_end)
        if same.exists():
            raise field_error("term_start", f"{name} 위원의 임기가 이 위원회의 다른 임기와 겹칩니다.")
        if role == Member.Role.CHAIR and _overlaps(committee.members.filter(role=role), term_start, term_end).exists():
            raise field_error("role", "임기 중에 위원장이 이미 있습니다.")
        _seats_check(committee, kind, term_start, term_end)
        return Member.objects.create(
            committee=committee,
            name=name,
            affiliation=affiliation,
            kind=kind,
            role=role,
            term_start=term_start,
            term_end=term_end,
        )


def member_term_end(*, actor, member: Member, term_end: date) -> Member:
    _keep(actor, member.committee)
    with transaction.atomic():
        member = Member.objects.select_for_update().get(pk=member.pk)
        if term_end <= member.term_start:
            raise field_error("term_end", "임기 끝은 임기 시작보다 뒤여야 합니다.")
        if member.term_end is not None and term_end > member.term_end:
            raise field_error("term_end", "임기를 늘릴 수는 없습니다. 새 임기로 위촉하십시오.")
        later = member.attendance.filter(meeting__held_on__gt=term_end)
        if later.exists():
            raise field_error("term_end", "새 임기 끝 뒤에 참석한 회의가 있습니다.")
        member.term_end = term_end
        member.save(update_fields=["term_end", "updated_at"])
    return member


def meeting_schedule(
    *,
    actor,
    committee: Committee,
    held_on: date,
    kind: str = Meeting.Kind.REGULAR,
    place: str = "",
    title: str = "",
    number: int | None = None,
    state: str = Meeting.State.PLANNED,
) -> Meeting:
    _keep(actor, committee)
    errors: dict[str, list[str]] = {}
    place = _text(errors, "place", place, "장소", 120, required=False)
    title = _text(errors, "title", title, "회의명", 160, required=False)
    if kind not in Meeting.Kind.values:
        errors["kind"] = ["회의 구분을 고르십시오."]
    if state not in (Meeting.State.PLANNED, Meeting.State.HELD):
        errors["state"] = ["상태는 예정 또는 개최입니다."]
    if not isinstance(held_on, date):
        errors["held_on"] = ["개최일을 적으십시오."]
    if number is not None and not (isinstance(number, int) and 1 <= number <= 9999):
        errors["number"] = ["차수는 1부터 9999까지의 수입니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        committee = Committee.objects.select_for_update().get(pk=committee.pk)
        if number is None:
            number = (committee.meetings.aggregate(n=Max("number"))["n"] or 0) + 1
        elif committee.meetings.filter(number=number).exists():
            raise field_error("number", f"제{number}차 회의가 이미 있습니다.")
        return Meeting.objects.create(
            committee=committee, number=number, held_on=held_on, kind=kind, place=place, title=title, state=state
        )


def meeting_for_day(*, actor, committee: Committee, held_on: date, title: str = "") -> Meeting:
    _keep(actor, committee)
    existing = (
        committee.meetings.filter(held_on=held_on).exclude(state=Meeting.State.CANCELLED).order_by("number").first()
    )
    if existing is not None:
        if existing.state == Meeting.State.PLANNED:
            return meeting_state_set(actor=actor, meeting=existing, state=Meeting.State.HELD)
        return existing
    return meeting_schedule(actor=actor, committee=committee, held_on=held_on, title=title, state=Meeting.State.HELD)


def meeting_state_set(*, actor, meeting: Meeting, state: str) -> Meeting:
    _keep(actor, meeting.committee)
    if state not in Meeting.State.values:
        raise field_error("state", "상태를 고르십시오.")
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().select_related("committee").get(pk=meeting.pk)
        if meeting.state == Meeting.State.CANCELLED and state != Meeting.State.CANCELLED:
            raise field_error("state", "취소한 회의는 다시 열 수 없습니다. 새 회의를 잡으십시오.")
        if state == Meeting.State.CANCELLED and Decision.objects.filter(item__meeting=meeting).exists():
            raise field_error("state", "의결이 있는 회의는 취소할 수 없습니다.")
        meeting.state = state
        meeting.save(update_fields=["state", "updated_at"])
    return meeting


def _open_meeting(meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().select_related("committee").get(pk=meeting.pk)
    if meeting.state == Meeting.State.CANCELLED:
        raise ValidationFailed("취소한 회의에는 안건·의결·참석을 기록할 수 없습니다.")
    return meeting


def agenda_item_add(*, actor, meeting: Meeting, title: str, kind: str = AgendaItem.Kind.DELIBERATION) -> AgendaItem:
    _keep(actor, meeting.committee)
    errors: dict[str, list[str]] = {}
    title = _text(errors, "title", title, "안건명", 200)
    if kind not in AgendaItem.Kind.values:
        errors["kind"] = ["안건 구분을 고르십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        meeting = _open_meeting(meeting)
        order = (meeting.items.aggregate(n=Max("order"))["n"] or 0) + 1
        return AgendaItem.objects.create(meeting=meeting, order=order, title=title, kind=kind)


def _subject_check(subject_type: str, subject_id) -> None:
    if not subject_type and subject_id is None:
        return
    subject = decision_subject_get(subject_type or "")
    if subject is None:
        raise field_error("subject_type", "결정 대상의 종류를 고르십시오.")
    if not isinstance(subject_id, int) or subject_id < 1:
        raise field_error("subject_id", f"결정 대상({subject.label})을 고르십시오.")
    if subject_id not in subject.resolve([subject_id]):
        raise field_error("subject_id", f"결정 대상({subject.label})을 찾을 수 없습니다.")


def decision_record(
    *,
    actor,
    item: AgendaItem,
    result: str,
    text: str = "",
    decided_on: date | None = None,
    subject_type: str = "",
    subject_id: int | None = None,
) -> Decision:
    _keep(actor, item.meeting.committee)
    errors: dict[str, list[str]] = {}
    text = _text(errors, "text", text, "결정 내용", 5000, required=False)
    if result not in Decision.Result.values:
        errors["result"] = ["결과(원안 가결·수정 가결·부결·보류)를 고르십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    subject_type = (subject_type or "").strip()
    _subject_check(subject_type, subject_id)
    with transaction.atomic():
        meeting = _open_meeting(item.meeting)
        item = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if Decision.objects.filter(item=item).exists():
            raise field_error("result", "이 안건은 이미 의결했습니다.")
        decided_on = decided_on or meeting.held_on
        if decided_on < meeting.held_on:
            raise field_error("decided_on", f"의결일이 회의일({screen_date(meeting.held_on)})보다 앞설 수 없습니다.")
        if meeting.state == Meeting.State.PLANNED:
            meeting.state = Meeting.State.HELD
            meeting.save(update_fields=["state", "updated_at"])
        return Decision.objects.create(
            item=item,
            result=result,
            text=text,
            decided_on=decided_on,
            subject_type=subject_type,
            subject_id=subject_id if subject_type else None,
        )


def decision_link(
    *,
    actor,
    meeting: Meeting,
    title: str,
    result: str,
    text: str = "",
    subject_type: str,
    subject_id: int,
    kind: str = AgendaItem.Kind.DELIBERATION,
    decided_on: date | None = None,
) -> Decision:
    with transaction.atomic():
        item = agenda_item_add(actor=actor, meeting=meeting, title=title, kind=kind)
        return decision_record(
            actor=actor,
            item=item,
            result=result,
            text=text,
            decided_on=decided_on,
            subject_type=subject_type,
            subject_id=subject_id,
        )


def attendance_record(
    *, actor, meeting: Meeting, member: Member, present: bool = True, allowance: int = 0, paid: bool = False
) -> Attendance:
    _keep(actor, meeting.committee)
    if not isinstance(allowance, int) or allowance < 0 or allowance > 10_000_000:
        raise field_error("allowance", "참석수당은 0원에서 10,000,000원 사이입니다.")
    if not present and (allowance or paid):
        raise field_error("allowance", "불참한 위원에게는 참석수당이 없습니다.")
    if paid and not allowance:
        raise field_error("paid", "지급할 참석수당이 없습니다.")
    with transaction.atomic():
        meeting = _open_meeting(meeting)
        if member.committee_id != meeting.committee_id:
            raise field_error("member", "이 위원회의 위원이 아닙니다.")
        if not member.serves_on(meeting.held_on):
            raise field_error(
                "member", f"{member.name} 위원의 임기는 회의일({screen_date(meeting.held_on)})을 포함하지 않습니다."
            )
        row = Attendance.objects.select_for_update().filter(meeting=meeting, member=member).first()
        if row is None:
            return Attendance.objects.create(
                meeting=meeting, member=member, present=present, allowance=allowance, paid=paid
            )
        row.present, row.allowance, row.paid = present, allowance, paid
        row.save(update_fields=["present", "allowance", "paid", "updated_at"])
        return row


def _minutes_type(upload) -> str:
    if upload.size > MINUTES_MAX_BYTES:
        raise field_error("minutes", "회의록은 20MB까지 올릴 수 있습니다.")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, content_type in MINUTES_SIGNATURES:
        if head.startswith(signature):
            return content_type
    raise field_error("minutes", "회의록은 PDF, HWP, HWPX 파일만 올릴 수 있습니다.")


def minutes_upload(*, actor, meeting: Meeting, upload) -> Meeting:
    _keep(actor, meeting.committee)
    content_type = _minutes_type(upload)
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().select_related("committee").get(pk=meeting.pk)
        if meeting.state != Meeting.State.HELD:
            raise field_error("minutes", "회의록은 개최한 회의에 올립니다.")
        meeting.minutes_type = content_type
        meeting.minutes_name = (upload.name or "회의록")[-200:]
        file_store(meeting.minutes, meeting.minutes_name, upload)
        meeting.save()
    return meeting


__all__ = [
    "MINUTES_SUFFIXES",
    "add_months",
    "agenda_item_add",
    "attendance_record",
    "committee_ensure",
    "committee_save",
    "decision_link",
    "decision_record",
    "meeting_for_day",
    "meeting_schedule",
    "meeting_state_set",
    "member_add",
    "member_term_end",
    "minutes_upload",
    "term_end_default",
]
