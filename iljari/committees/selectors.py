"""committees selectors — the reads of 위원회.

Contract (core.access.access_committees_view; 403 otherwise; every committee is the office's, so a reader reads all):
- committee_list(*, user, query="", kind="") -> QuerySet[Committee]      a part of the name or code; unordered (the
      page orders it by committees/lists.py COMMITTEES); annotated `meeting_count`
- committee_get(*, user, code) -> Committee                              404 for an unknown code
- committee_page(*, user, committee, as_of) -> CommitteePage            the members (serving on `as_of` first, then
      past and future terms), the count by kind on `as_of` beside the fixed seats, the meetings
- member_get(*, user, pk) -> Member
- meeting_get(*, user, pk) -> Meeting
- meeting_page(*, user, meeting) -> MeetingPage                         the agenda with each decision and the record
      it decides (text and link, resolved through subjects.py in one batch per kind), the attendance with the
      allowance totals (paid and unpaid), the members serving on the meeting day (the attendance form's choices)
For the apps above committees and the figures (no user: the caller's own selector has scoped its records):
- committee_by_code(*, code) -> Committee | None
- members_serving_count(*, code, as_of, kind=None) -> int              members of a committee whose term covers `as_of`
- decision_by_subject(*, subject_type, ids) -> {id: Decision}           each record's latest decision (with its meeting)
"""

from __future__ import annotations

import dataclasses
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum

from iljari.committees.models import AgendaItem, Attendance, Committee, Decision, Meeting, Member
from iljari.committees.subjects import decision_subject_get, decision_subjects_resolve
from iljari.core.access import access_committees_view, require
from iljari.core.errors import NotFound


@dataclasses.dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    serving: int
    seats: int | None


@dataclasses.dataclass(frozen=True)
class CommitteePage:
    committee: Committee
    as_of: date
    serving: list[Member]
    others: list[Member]
    counts: list[KindCount]
    total: int
    meetings: list[Meeting]


@dataclasses.dataclass(frozen=True)
class DecisionRow:
    item: AgendaItem
    decision: Decision | None
    subject_label: str
    subject_text: str
    subject_url: str


@dataclasses.dataclass(frozen=True)
class MeetingPage:
    meeting: Meeting
    rows: list[DecisionRow]
    attendance: list[Attendance]
    present: int
    allowance_total: int
    allowance_paid: int
    serving: list[Member]


def _serving(queryset, as_of: date):
    return queryset.filter(term_start__lte=as_of).filter(Q(term_end__isnull=True) | Q(term_end__gte=as_of))


def committee_list(*, user, query: str = "", kind: str = "") -> QuerySet[Committee]:
    require(access_committees_view(user))
    committees = Committee.objects.select_related("supervising_division", "programme").annotate(
        meeting_count=Count("meetings", filter=~Q(meetings__state=Meeting.State.CANCELLED))
    )
    if query:
        committees = committees.filter(Q(name__icontains=query) | Q(code__icontains=query))
    if kind in Committee.Kind.values:
        committees = committees.filter(kind=kind)
    return committees


def committee_get(*, user, code: str) -> Committee:
    require(access_committees_view(user))
    committee = Committee.objects.select_related("supervising_division", "programme").filter(code=code).first()
    if committee is None:
        raise NotFound("위원회를 찾을 수 없습니다.")
    return committee


def committee_page(*, user, committee: Committee, as_of: date) -> CommitteePage:
    require(access_committees_view(user))
    members = list(committee.members.order_by("kind", "-role", "term_start", "name", "pk"))
    role_order = {Member.Role.CHAIR: 0, Member.Role.VICE_CHAIR: 1, Member.Role.MEMBER: 2}
    serving = sorted(
        (m for m in members if m.serves_on(as_of)), key=lambda m: (m.kind != "appointed", role_order[m.role], m.pk)
    )
    others = sorted((m for m in members if not m.serves_on(as_of)), key=lambda m: (m.term_start, m.pk), reverse=True)
    seats = {Member.Kind.APPOINTED: committee.appointed_seats, Member.Kind.EX_OFFICIO: committee.ex_officio_seats}
    counts = [
        KindCount(kind, label, sum(1 for m in serving if m.kind == kind), seats[kind])
        for kind, label in Member.Kind.choices
    ]
    meetings = list(
        committee.meetings.annotate(
            item_count=Count("items", distinct=True),
            present_count=Count("attendance", filter=Q(attendance__present=True), distinct=True),
        ).order_by("-held_on", "-number")
    )
    return CommitteePage(committee, as_of, serving, others, counts, len(serving), meetings)


def member_get(*, user, pk: int) -> Member:
    require(access_committees_view(user))
    member = Member.objects.select_related("committee", "committee__supervising_division").filter(pk=pk).first()
    if member is None:
        raise NotFound("위원을 찾을 수 없습니다.")
    return member


def meeting_get(*, user, pk: int) -> Meeting:
    require(access_committees_view(user))
    meeting = Meeting.objects.select_related("committee", "committee__supervising_division").filter(pk=pk).first()
    if meeting is None:
        raise NotFound("회의를 찾을 수 없습니다.")
    return meeting


def meeting_page(*, user, meeting: Meeting) -> MeetingPage:
    require(access_committees_view(user))
    items = list(meeting.items.select_related("decision").order_by("order"))
    decisions = {item.pk: getattr(item, "decision", None) for item in items}
    names = decision_subjects_resolve(
        (d.subject_type, d.subject_id) for d in decisions.values() if d is not None and d.subject_type
    )
    rows = []
    for item in items:
        decision = decisions[item.pk]
        label = text = url = ""
        if decision is not None and decision.subject_type:
            subject = decision_subject_get(decision.subject_type)
            label = subject.label if subject is not None else "등록되지 않은 대상"
            text, url = names[(decision.subject_type, decision.subject_id)]
        rows.append(DecisionRow(item, decision, label, text, url))
    attendance = list(meeting.attendance.select_related("member").order_by("member__kind", "member__name", "pk"))
    totals = meeting.attendance.aggregate(
        total=Sum("allowance"), paid=Sum("allowance", filter=Q(paid=True)), present=Count("pk", filter=Q(present=True))
    )
    serving = list(_serving(meeting.committee.members.all(), meeting.held_on).order_by("kind", "name", "pk"))
    return MeetingPage(
        meeting,
        rows,
        attendance,
        totals["present"] or 0,
        totals["total"] or 0,
        totals["paid"] or 0,
        serving,
    )


def committee_by_code(*, code: str) -> Committee | None:
    return Committee.objects.select_related("supervising_division").filter(code=code).first()


def members_serving_count(*, code: str, as_of: date, kind: str | None = None, affiliation: str | None = None) -> int:
    members = _serving(Member.objects.filter(committee__code=code), as_of)
    if kind is not None:
        members = members.filter(kind=kind)
    if affiliation is not None:
        members = members.filter(affiliation=affiliation)
    return members.count()


def decision_by_subject(*, subject_type: str, ids) -> dict[int, Decision]:
    decisions = (
        Decision.objects.filter(subject_type=subject_type, subject_id__in=list(ids))
        .select_related("item__meeting__committee")
        .order_by("subject_id", "decided_on", "pk")
    )
    return {d.subject_id: d for d in decisions}  # the latest wins


def division_choices():
    """The divisions a committee may be supervised by (the form's choices)."""
    from iljari.plan.selectors import division_choices as divisions

    return divisions()


def programme_choices():
    """The programmes a committee may belong to, newest year first (the form's choices)."""
    from iljari.plan.models import Programme

    return Programme.objects.filter(retired_on__isnull=True).select_related("objective__vision").order_by("code")


def decision_subject_choices(*, committee: Committee) -> list[tuple[str, str]]:
    """The records a decision of this committee may link to ("code:id", "label: text"), from every registered kind
    that offers choices."""
    from iljari.committees.subjects import decision_subjects_registered

    choices = []
    for subject in decision_subjects_registered():
        if subject.choices is None:
            continue
        for pk, text in subject.choices(committee):
            choices.append((f"{subject.code}:{pk}", f"{subject.label}: {text}"))
    return choices
