"""Events and campaigns: reads (docs/events.md).

Contract:
- event_list(*, user, query="", kind="", year=None) -> QuerySet[Event]   the frontline readers (access_frontline_view:
      the office manager, division staff and auditors every event; a partner agency the events its partner
      co-hosts); `query` a part of the title, organisers or place; annotated with `attendees` (the count its
      counting rule gives: attended registrations of its sessions, or the sum of its tallies)
- event_get(*, user, code) -> Event            404 outside the scope; `.can_manage` for the user
- event_page(*, event) -> EventPage            the sessions (with attendance), tallies, committees, guests, visits and
      documents of an event the caller already read through event_get, and a contest's call's funnel (entries →
      passed document review → selected: intake's call_funnel)
- event_document_get(*, user, pk) -> EventDocument   404 outside the scope
- event_entry_get(*, event, pk) -> EventEntry   an entry of an event already read through event_get (404 otherwise)
- event_years() -> list[int]                   the years events start in (the list's filter)
- manage_event_get(*, user, code), manage_session_programmes(*, user), plan_programme_choices(*, user, divisions),
      organisation_articles(*, organisation): what the forms of the divisions the user keeps offer
- event_summary(*, user, year, as_of) -> list[KindSummary]   each kind's events, sessions held and people counted
      from 1 January to as_of
- Counts from records (no user: the registry of figures from records, performance.record_figures, calls them):
  event_sessions_held(*, kind, year, as_of), event_attendees(*, kind, year, as_of) — sessions of the kind's events
  held from 1 January to as_of and their attended registrations; event_tally_total(*, kind, year, as_of) — the
  people the kind's tallies counted from 1 January to as_of; event_capacity_planned(*, kind, year, as_of) — the
  places of the kind's events of the year that stand (are recorded and not cancelled) on as_of.
- A plan programme's contests (공모전·해커톤 events of the programme, e.g. P3-04's 모의크라우드 펀딩대회), counted from
  their entries (no user, for the registry): contest_entries(*, programme, year, as_of, stage=None) — entries
  proposed by as_of (stage "selected": selected by as_of, whatever came after; "awarded": awarded by as_of), of the
  programme's contests running in the year (ending on or after 1 January); contest_pledged(*, programme, year,
  as_of) — the amounts pledged (원) for the entries selected by as_of, None when no amount is recorded;
  contest_tallied(*, programme, year, as_of) — the people their tallies counted from 1 January to as_of.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from iljari.core.access import access_frontline_manage, access_frontline_view, require, scope_rows
from iljari.frontline.models import (
    Event,
    EventDocument,
    EventEntry,
    EventTally,
    Programme,
    ProgrammeSession,
    Registration,
)
from iljari.frontline.selectors.rooms import manage_divisions
from iljari.intake import selectors as intake_selectors
from iljari.plan import selectors as plan_selectors


def _attendees_subquery():
    registered = (
        Registration.objects.filter(session__programme=OuterRef("sessions"), attended=True, cancelled=False)
        .order_by()
        .values("session__programme")
        .annotate(n=Count("id"))
        .values("n")
    )
    tallied = (
        EventTally.objects.filter(event=OuterRef("pk")).order_by().values("event").annotate(n=Sum("count")).values("n")
    )
    return (
        Coalesce(Subquery(registered, output_field=IntegerField()), Value(0)),
        Coalesce(Subquery(tallied, output_field=IntegerField()), Value(0)),
    )


def event_list(*, user, query: str = "", kind: str = "", year: int | None = None):
    require(access_frontline_view(user))
    rows = scope_rows(
        user, Event.objects.select_related("division", "programme", "partner", "sessions"), partner="partner"
    )
    query = (query or "").strip()
    if query:
        rows = rows.filter(Q(title__icontains=query) | Q(organisers__icontains=query) | Q(place__icontains=query))
    if kind in Event.Kind.values:
        rows = rows.filter(kind=kind)
    if year is not None:
        rows = rows.filter(starts_on__year=year)
    registered, tallied = _attendees_subquery()
    return rows.annotate(registered_attendees=registered, tallied_attendees=tallied)


def event_get(*, user, code: str) -> Event:
    event = get_object_or_404(event_list(user=user), code=code)
    event.can_manage = access_frontline_manage(user, event.division.path)
    return event


@dataclass
class EventPage:
    sessions: list
    tallies: list
    committees: list
    guests: list
    visits: list
    documents: list
    attended: int
    tallied: int
    funnel: object = None  # a contest's call: 접수 → 서면심사 통과 → 선정 (intake's call_funnel), or None
    entries: list = ()  # a contest's proposals (EventEntry), by the day proposed
    entry_counts: dict | None = None  # {"proposed", "selected", "awarded", "pledged"} of the entries


def event_page(*, event: Event) -> EventPage:
    sessions = []
    if event.sessions_id:
        sessions = list(
            ProgrammeSession.objects.filter(programme_id=event.sessions_id)
            .annotate(
                attended=Count("registrations", filter=Q(registrations__attended=True, registrations__cancelled=False))
            )
            .order_by("day", "starts", "id")
        )
    tallies = list(event.tallies.order_by("day", "place"))
    entries = list(event.entries.order_by("proposed_on", "pk"))
    entry_counts = None
    if entries or event.kind == Event.Kind.CONTEST:
        entry_counts = {
            "proposed": len(entries),
            "selected": sum(1 for e in entries if e.selected_on is not None),
            "awarded": sum(1 for e in entries if e.awarded_on is not None),
            "pledged": sum(e.pledged or 0 for e in entries),
        }
    return EventPage(
        entries=entries,
        entry_counts=entry_counts,
        sessions=sessions,
        tallies=tallies,
        committees=list(event.committees.order_by("formed_on", "pk")),
        guests=list(event.guests.order_by("kind", "name")),
        visits=list(event.visits.select_related("organisation", "article").order_by("visited_on", "pk")),
        documents=list(event.documents.order_by("-issued_on", "-pk")),
        attended=sum(s.attended for s in sessions),
        tallied=sum(t.count for t in tallies),
        funnel=intake_selectors.call_funnel(call=event.call) if event.call_id else None,
    )


def event_entry_get(*, event: Event, pk: int) -> EventEntry:
    """An entry of an event the caller already read through event_get (404 when it is another event's)."""
    return get_object_or_404(EventEntry, pk=pk, event=event)


def event_document_get(*, user, pk: int) -> EventDocument:
    events = event_list(user=user).values("pk")
    return get_object_or_404(EventDocument.objects.select_related("event"), pk=pk, event__in=events)


def event_years() -> list[int]:
    return sorted({day.year for day in Event.objects.values_list("starts_on", flat=True)}, reverse=True)


# --- counts from records -----------------------------------------------------------------------------------------


def _sessions(kind: str, year: int, as_of: date):
    return ProgrammeSession.objects.filter(
        programme__event__kind=kind,
        day__range=(date(year, 1, 1), as_of),
    ).exclude(programme__event__state=Event.State.CANCELLED)


def event_sessions_held(*, kind: str, year: int, as_of: date) -> int:
    return _sessions(kind, year, as_of).count()


def event_attendees(*, kind: str, year: int, as_of: date) -> int:
    return Registration.objects.filter(session__in=_sessions(kind, year, as_of), attended=True, cancelled=False).count()


def event_tally_total(*, kind: str, year: int, as_of: date) -> int:
    total = EventTally.objects.filter(event__kind=kind, day__range=(date(year, 1, 1), as_of)).aggregate(n=Sum("count"))[
        "n"
    ]
    return total or 0


def event_capacity_planned(*, kind: str, year: int, as_of: date) -> int | None:
    rows = Event.objects.filter(kind=kind, starts_on__year=year).exclude(state=Event.State.CANCELLED)
    return rows.aggregate(n=Sum("capacity"))["n"]


def _contests(programme: str, year: int, as_of: date):
    return Event.objects.filter(
        kind=Event.Kind.CONTEST, programme__code=programme, ends_on__gte=date(year, 1, 1), starts_on__lte=as_of
    ).exclude(state=Event.State.CANCELLED)


def contest_entries(*, programme: str, year: int, as_of: date, stage: str | None = None) -> int | None:
    contests = _contests(programme, year, as_of)
    if not contests.exists():
        return None
    rows = EventEntry.objects.filter(event__in=contests, proposed_on__lte=as_of)
    if stage == EventEntry.Stage.SELECTED:
        rows = rows.filter(selected_on__lte=as_of)
    elif stage == EventEntry.Stage.AWARDED:
        rows = rows.filter(awarded_on__lte=as_of)
    return rows.count()


def contest_pledged(*, programme: str, year: int, as_of: date) -> int | None:
    rows = EventEntry.objects.filter(
        event__in=_contests(programme, year, as_of), selected_on__lte=as_of, pledged__isnull=False
    )
    return rows.aggregate(n=Sum("pledged"))["n"]


def contest_tallied(*, programme: str, year: int, as_of: date) -> int | None:
    contests = _contests(programme, year, as_of)
    if not contests.exists():
        return None
    rows = EventTally.objects.filter(event__in=contests, day__range=(date(year, 1, 1), as_of))
    return rows.aggregate(n=Sum("count"))["n"] or 0


@dataclass
class KindSummary:
    kind: str
    label: str
    events: int
    sessions: int
    attendees: int
    tallied: int


def event_summary(*, user, year: int, as_of: date) -> list[KindSummary]:
    listed = event_list(user=user, year=year)
    counts = dict(listed.order_by().values("kind").annotate(n=Count("id")).values_list("kind", "n"))
    rows = listed.values("pk")
    result = []
    for kind, label in Event.Kind.choices:
        result.append(
            KindSummary(
                kind=kind,
                label=str(label),
                events=counts.get(kind, 0),
                sessions=_sessions(kind, year, as_of).filter(programme__event__in=rows).count(),
                attendees=Registration.objects.filter(
                    session__in=_sessions(kind, year, as_of).filter(programme__event__in=rows),
                    attended=True,
                    cancelled=False,
                ).count(),
                tallied=EventTally.objects.filter(
                    event__in=rows, event__kind=kind, day__range=(date(year, 1, 1), as_of)
                ).aggregate(n=Sum("count"))["n"]
                or 0,
            )
        )
    return result


# --- what the forms offer ------------------------------------------------------------------------------------------


def manage_event_get(*, user, code: str) -> Event:
    """An event to edit or add to: 404 outside the divisions the user keeps."""
    rows = Event.objects.select_related("division", "programme", "partner", "sessions", "call")
    return get_object_or_404(rows, code=code, division__in=manage_divisions(user=user))


def manage_session_programmes(*, user):
    """The frontline programmes (sessions and registrations) of the divisions the user keeps."""
    return Programme.objects.filter(division__in=manage_divisions(user=user)).order_by("code")


def plan_programme_choices(*, user, divisions) -> list:
    """The plan's programmes of `divisions`, every year's, newest year first."""
    codes = {d.pk for d in divisions}
    rows = []
    for year in sorted(plan_selectors.plan_years(), reverse=True):
        rows += [p for p in plan_selectors.programme_list(user=user, year=year) if p.division_id in codes]
    return rows


def organisation_articles(*, organisation) -> list:
    """The strong-SME platform's tour articles about an organisation (enterprises' PlatformArticle)."""
    return list(organisation.articles.order_by("-published_on", "-pk"))
