"""The report's figures across the desks (every count the 2018 report prints for these services) and the office
indicators they feed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Max, Q, Sum

from iljari.core.access import access_frontline_view, require
from iljari.frontline.models import (
    Booking,
    Consultation,
    Conversion,
    LabourCase,
    Programme,
    ProgrammeSession,
    Registration,
    Room,
    ServicePoint,
    WorkplaceVisit,
)
from iljari.frontline.selectors.points import point_counts
from iljari.frontline.selectors.shelters import shelter_averages
from iljari.frontline.selectors.suits import suit_counts

# The indicator an office figure feeds (performance's indicator code → the figure's name in Figures).
INDICATORS = {"IND-06": "ombudsman_consultations"}


@dataclass
class Figures:
    year: int
    as_of: date
    counselled: int = 0
    employed: int = 0
    programme_sessions: int = 0
    programme_attendees: int = 0
    room_users: int = 0
    study_room_users: int = 0
    other_room_users: int = 0
    rooms: dict = field(default_factory=dict)
    ombudsman_consultations: int = 0
    ombudsman_consultings: int = 0
    village_attorneys: int = 0
    advocates: int = 0
    cases: int = 0
    academy_completed: int = 0
    officials_academy_sessions: int = 0
    forum_registered: int = 0
    shelters: list = field(default_factory=list)
    shelter_daily_users: int = 0
    conversions_done: int = 0
    conversions_remaining: int = 0
    fixed_term_converted: int = 0
    forum_capacity: int = 0
    points: dict = field(default_factory=dict)  # selectors.points.point_counts: the social economy's centres …
    suits: dict = field(default_factory=dict)  # selectors.suits.suit_counts: 취업날개 (no printed figure)


def _year_counts(year: int, as_of: date) -> dict:
    start = date(year, 1, 1)
    consultations = Consultation.objects.filter(held_on__range=(start, as_of))
    youth = consultations.filter(service_point__kind=ServicePoint.Kind.YOUTH_JOB_CENTRE).aggregate(
        counselled=Count("id"),
        employed=Count("id", filter=Q(outcome=Consultation.Outcome.EMPLOYED, employed_on__lte=as_of)),
    )
    ombudsman = consultations.filter(service_point__kind=ServicePoint.Kind.LABOUR_OMBUDSMAN).count()
    consultings = WorkplaceVisit.objects.filter(
        visited_on__range=(start, as_of),
        service_point__kind=ServicePoint.Kind.LABOUR_OMBUDSMAN,
        checks__isnull=True,
    ).count()
    return {**youth, "ombudsman_consultations": ombudsman, "ombudsman_consultings": consultings}


def frontline_figures(*, user, year: int, as_of: date) -> Figures:
    """Every count the 2018 report prints for these services, from the records, for the year up to as_of."""
    require(access_frontline_view(user))
    start = date(year, 1, 1)
    figures = Figures(year=year, as_of=as_of, **_year_counts(year, as_of))

    youth_sessions = ProgrammeSession.objects.filter(
        day__range=(start, as_of), programme__service_point__kind=ServicePoint.Kind.YOUTH_JOB_CENTRE
    )
    figures.programme_sessions = youth_sessions.count()
    figures.programme_attendees = Registration.objects.filter(
        session__in=youth_sessions, attended=True, cancelled=False
    ).count()

    used = (
        Booking.objects.filter(day__range=(start, as_of), status=Booking.Status.CHECKED_IN)
        .values("room__kind")
        .annotate(people=Sum("headcount"))
    )
    figures.rooms = {row["room__kind"]: row["people"] for row in used}
    figures.study_room_users = figures.rooms.get(Room.Kind.STUDY, 0)
    figures.room_users = sum(figures.rooms.values())
    figures.other_room_users = figures.room_users - figures.study_room_users

    points = dict(
        ServicePoint.objects.filter(is_active=True).values("kind").annotate(n=Sum("appointed")).values_list("kind", "n")
    )
    figures.village_attorneys = points.get(ServicePoint.Kind.VILLAGE_LABOUR_ATTORNEY, 0) or 0
    figures.advocates = points.get(ServicePoint.Kind.LABOUR_RIGHTS_ADVOCATE, 0) or 0
    figures.cases = LabourCase.objects.filter(opened_on__range=(start, as_of)).count()

    completed = Registration.objects.filter(
        session__programme__kind=Programme.Kind.ACADEMY,
        session__programme__service_point__isnull=True,
        session__day__range=(start, as_of),
        attended=True,
        cancelled=False,
    )
    figures.academy_completed = _completed(completed)
    figures.officials_academy_sessions = ProgrammeSession.objects.filter(
        programme__kind=Programme.Kind.LABOUR_ACADEMY, day__range=(start, as_of)
    ).count()
    figures.forum_registered = (
        Registration.objects.filter(
            session__programme__kind=Programme.Kind.FORUM, session__day__year=year, cancelled=False
        )
        .values("user", "participant")
        .distinct()
        .count()
    )

    figures.shelters = shelter_averages(user=user, year=year, as_of=as_of)
    figures.shelter_daily_users = sum(row.average or 0 for row in figures.shelters)

    conversions = Conversion.objects.filter(kind=Conversion.Kind.INDEFINITE).aggregate(
        planned=Sum("planned"), done=Sum("done", filter=Q(done_on__lte=as_of))
    )
    figures.conversions_done = conversions["done"] or 0
    figures.conversions_remaining = (conversions["planned"] or 0) - figures.conversions_done
    fixed_term = Conversion.objects.filter(kind=Conversion.Kind.FIXED_TERM, done_on__range=(start, as_of))
    figures.fixed_term_converted = fixed_term.aggregate(n=Sum("done"))["n"] or 0
    forum = ProgrammeSession.objects.filter(programme__kind=Programme.Kind.FORUM, day__year=year)
    figures.forum_capacity = forum.aggregate(n=Max("capacity"))["n"] or 0
    figures.points = point_counts(year=year, as_of=as_of)
    figures.suits = suit_counts(year=year, as_of=as_of, items=False)
    return figures


def _completed(attended) -> int:
    """People who completed: attended at least the sessions their programme asks (one query)."""
    rows = attended.values(
        "session__programme", "participant", "user", "session__programme__sessions_to_complete"
    ).annotate(n=Count("id"))
    return sum(1 for row in rows if row["n"] >= row["session__programme__sessions_to_complete"])


def indicator_actuals(*, year: int, as_of: date) -> dict[str, int]:
    """The office indicators these records feed: {indicator code: actual} (the system's read for the loader)."""
    counts = _year_counts(year, as_of)
    return {code: counts[name] for code, name in INDICATORS.items()}
