"""frontline selectors — reads, scoped to the user.

Contract:
- service_point_list(*, user) -> QuerySet[ServicePoint]               scope_rows(partner="partner")
- service_point_get(*, user, code) -> ServicePoint                    404 outside the scope
- topic_list() -> QuerySet[ConsultationTopic]                          the active topics
- consultation_list(*, user, query="", service_point="") -> QuerySet  newest first; client, topic, point
- consultation_get(*, user, pk) -> Consultation                        `.notes_visible`: the user's own point only;
      otherwise `notes` and the follow-ups' notes are blanked on the returned object
- case_list(*, user) / case_get(*, user, pk)                        an advocate's cases, `.can_work` on the one
- visit_list(*, user, query="") / visit_get(*, user, pk)              workplace visits and the visits that check them
- room_list_public() -> list[Room];  room_get_public(*, code) -> Room
- room_day(*, room, day) -> list[SlotRow]                              each opening hour: free / taken
- room_list(*, user) / room_bookings(*, user, room, day)               staff view of a day's bookings
- room_usage(*, user, year)                                           each room's people, uses and no-shows
- my_bookings(*, user) / my_registrations(*, user)                     the citizen's own
- session_list_public() -> QuerySet[ProgrammeSession]                  open, future sessions of public programmes
- programme_list(*, user) / programme_get(*, user, code)
- certificate_get(*, user, registration_pk) -> Certificate             a citizen's completion certificate
- shelter_list(*, user) / shelter_get(*, user, code)
- shelter_averages(*, user, year, as_of=None) -> list[ShelterAverage]  average daily users per shelter in a year
- public_sector_summary(*, user, as_of) -> PublicSectorSummary
- frontline_figures(*, user, year, as_of) -> Figures                   every count the 2018 report prints
- indicator_actuals(*, year, as_of) -> dict[str, int]                   figures that feed an office indicator
- manage_divisions(*, user) -> QuerySet[OrgUnit]                       the divisions whose set-up the user keeps
- manage_points(*, user) -> QuerySet[ServicePoint]                     the points of those divisions
- closure_list(*, user, since) -> QuerySet[Closure]                    closed days from `since`, every point's
- manage_rooms(*, user);  manage_room_get / manage_programme_get / manage_shelter_get (*, user, code),
      manage_session_get / manage_closure_get (*, user, pk): a record to edit, 404 outside the user's divisions
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Max, Prefetch, Q, Sum
from django.shortcuts import get_object_or_404

from iljari.core.access import (
    access_book,
    access_frontline_manage_any,
    access_frontline_view,
    access_public_sector_view,
    access_service_point_work,
    division_path,
    require,
    scope_rows,
)
from iljari.core.errors import NotFound
from iljari.core.roles import Role
from iljari.frontline.models import (
    Booking,
    Closure,
    Consultation,
    ConsultationTopic,
    Conversion,
    FixedTermScreening,
    FollowUp,
    LabourCase,
    LabourCheck,
    Programme,
    ProgrammeSession,
    Registration,
    Room,
    ServicePoint,
    Shelter,
    ShelterDailyCount,
    WorkingHours,
    WorkplaceVisit,
)
from iljari.org.models import OrgUnit

# The indicator an office figure feeds (performance's indicator code → the figure's name in Figures).
INDICATORS = {"IND-06": "ombudsman_consultations"}


def service_point_list(*, user):
    require(access_frontline_view(user))
    return scope_rows(user, ServicePoint.objects.select_related("division", "partner"), partner="partner")


def service_point_get(*, user, code: str) -> ServicePoint:
    return get_object_or_404(service_point_list(user=user), code=code)


def manage_divisions(*, user):
    """The divisions whose rooms, programmes, shelters and closures the user keeps (access_frontline_manage):
    every division for the office manager, the own division for division staff."""
    require(access_frontline_manage_any(user), "현장 서비스의 기본 자료를 바꿀 권한이 없습니다.")
    rows = OrgUnit.objects.filter(kind=OrgUnit.Kind.DIVISION, is_active=True).order_by("sort_order", "code")
    if user.role != Role.OFFICE_MANAGER:
        rows = rows.filter(path=division_path(user.org_unit.path)) if user.org_unit_id else rows.none()
    return rows


def manage_points(*, user):
    return (
        ServicePoint.objects.filter(division__in=manage_divisions(user=user))
        .select_related("division", "partner")
        .order_by("code")
    )


def manage_rooms(*, user):
    rooms = Room.objects.filter(service_point__division__in=manage_divisions(user=user))
    return rooms.select_related("service_point").order_by("service_point__code", "code")


def manage_room_get(*, user, code: str) -> Room:
    rooms = Room.objects.select_related("service_point__division")
    return get_object_or_404(rooms, code=code, service_point__division__in=manage_divisions(user=user))


def manage_programme_get(*, user, code: str) -> Programme:
    programmes = Programme.objects.select_related("division", "service_point")
    return get_object_or_404(programmes, code=code, division__in=manage_divisions(user=user))


def manage_session_get(*, user, pk: int) -> ProgrammeSession:
    sessions = ProgrammeSession.objects.select_related("programme__division", "programme__service_point")
    return get_object_or_404(sessions, pk=pk, programme__division__in=manage_divisions(user=user))


def manage_shelter_get(*, user, code: str) -> Shelter:
    shelters = Shelter.objects.select_related("division")
    return get_object_or_404(shelters, code=code, division__in=manage_divisions(user=user))


def manage_closure_get(*, user, pk: int) -> Closure:
    closure = get_object_or_404(Closure.objects.select_related("service_point__division"), pk=pk)
    if closure.service_point_id is None:
        require(user.role == Role.OFFICE_MANAGER, "모든 창구의 휴관일은 총괄만 바꿀 수 있습니다.")
    elif not manage_points(user=user).filter(pk=closure.service_point_id).exists():
        raise NotFound()
    return closure


def closure_list(*, user, since: date):
    require(access_frontline_view(user))
    return Closure.objects.filter(day__gte=since).select_related("service_point").order_by("day", "service_point")


def topic_list():
    return ConsultationTopic.objects.filter(is_active=True)


def consultation_list(*, user, query: str = "", service_point: str = ""):
    require(access_frontline_view(user))
    rows = scope_rows(
        user,
        Consultation.objects.select_related("service_point", "topic", "person", "advisor"),
        partner="service_point__partner",
    ).defer("notes")
    if service_point:
        rows = rows.filter(service_point__code=service_point)
    if query:
        rows = rows.filter(
            Q(person__name__icontains=query)
            | Q(client_label__icontains=query)
            | Q(topic__name__icontains=query)
            | Q(employer__icontains=query)
        )
    return rows.order_by("-held_on", "-id")


def consultation_get(*, user, pk: int) -> Consultation:
    require(access_frontline_view(user))
    rows = scope_rows(
        user,
        Consultation.objects.select_related("service_point__division", "service_point__partner", "topic", "person"),
        partner="service_point__partner",
    ).prefetch_related(Prefetch("follow_ups", queryset=FollowUp.objects.order_by("due_on", "id")))
    consultation = get_object_or_404(rows, pk=pk)
    consultation.notes_visible = access_service_point_work(user, consultation.service_point)
    if not consultation.notes_visible:
        consultation.notes = ""
        for follow_up in consultation.follow_ups.all():
            follow_up.note = ""
    consultation.case_row = LabourCase.objects.filter(consultation=consultation).first()
    return consultation


def case_list(*, user):
    require(access_frontline_view(user))
    rows = scope_rows(
        user, LabourCase.objects.select_related("service_point", "advocate"), partner="service_point__partner"
    )
    return rows.order_by("-opened_on", "-id")


def case_get(*, user, pk: int) -> LabourCase:
    rows = case_list(user=user).select_related("service_point__division", "consultation")
    case = get_object_or_404(rows.prefetch_related("steps"), pk=pk)
    case.can_work = access_service_point_work(user, case.service_point)
    return case


def visit_list(*, user, query: str = ""):
    require(access_frontline_view(user))
    rows = scope_rows(
        user, WorkplaceVisit.objects.select_related("service_point", "checks"), partner="service_point__partner"
    )
    if query:
        rows = rows.filter(workplace__icontains=query)
    return rows.order_by("-visited_on", "-id")


def visit_get(*, user, pk: int) -> WorkplaceVisit:
    rows = visit_list(user=user).select_related("service_point__division").prefetch_related("follow_up_visits")
    return get_object_or_404(rows, pk=pk)


# --- rooms ------------------------------------------------------------------------------------------------


@dataclass
class SlotRow:
    hour: int
    label: str
    free: bool
    mine: bool = False


def room_list_public() -> list[Room]:
    return list(Room.objects.filter(is_active=True).select_related("service_point").order_by("service_point", "code"))


def room_get_public(*, code: str) -> Room:
    return get_object_or_404(Room.objects.select_related("service_point"), code=code, is_active=True)


def day_closed(*, room: Room, day: date) -> bool:
    return (
        Closure.objects.filter(day=day)
        .filter(Q(service_point__isnull=True) | Q(service_point=room.service_point_id))
        .exists()
    )


def room_day(*, room: Room, day: date, user=None) -> list[SlotRow]:
    """The room's opening hours on a day, each free or taken (empty when the point is closed)."""
    opening = room.service_point.hours_on(day)
    if opening is None or day_closed(room=room, day=day):
        return []
    taken = dict(
        Booking.objects.filter(room=room, day=day, status__in=Booking.ACTIVE).values_list("hour", "booked_by_id")
    )
    user_id = getattr(user, "pk", None)
    return [
        SlotRow(
            hour=hour,
            label=f"{hour:02d}:00~{hour + 1:02d}:00",
            free=hour not in taken,
            mine=user_id is not None and taken.get(hour) == user_id,
        )
        for hour in range(*opening)
    ]


def room_list(*, user):
    require(access_frontline_view(user))
    return scope_rows(user, Room.objects.select_related("service_point"), partner="service_point__partner").order_by(
        "service_point", "code"
    )


def room_usage(*, user, year: int):
    """The rooms with their year's use: people checked in, bookings checked in, no-shows (one query)."""
    in_year = Q(bookings__day__year=year)
    return room_list(user=user).annotate(
        users=Sum("bookings__headcount", filter=in_year & Q(bookings__status=Booking.Status.CHECKED_IN)),
        used=Count("bookings", filter=in_year & Q(bookings__status=Booking.Status.CHECKED_IN)),
        no_shows=Count("bookings", filter=in_year & Q(bookings__status=Booking.Status.NO_SHOW)),
    )


def room_get(*, user, code: str) -> Room:
    return get_object_or_404(room_list(user=user), code=code)


def room_bookings(*, user, room: Room, day: date):
    require(access_frontline_view(user))
    return Booking.objects.filter(room=room, day=day).select_related("booked_by").order_by("hour", "created_at")


def booking_get(*, user, pk: int) -> Booking:
    require(access_frontline_view(user))
    rows = scope_rows(
        user, Booking.objects.select_related("room__service_point__division"), partner="room__service_point__partner"
    )
    return get_object_or_404(rows, pk=pk)


def my_bookings(*, user):
    require(access_book(user))
    return Booking.objects.filter(booked_by=user).select_related("room__service_point").order_by("-day", "hour")


def my_booking_get(*, user, pk: int) -> Booking:
    return get_object_or_404(my_bookings(user=user), pk=pk)


# --- programmes -------------------------------------------------------------------------------------------


def session_list_public(*, today: date):
    return (
        ProgrammeSession.objects.filter(programme__public=True, day__gte=today)
        .select_related("programme")
        .order_by("day", "starts", "id")
    )


def session_get_public(*, pk: int, today: date) -> ProgrammeSession:
    return get_object_or_404(session_list_public(today=today), pk=pk)


def my_registrations(*, user):
    require(access_book(user))
    return Registration.objects.filter(user=user).select_related("session__programme").order_by("-session__day", "-id")


def my_registration_get(*, user, pk: int) -> Registration:
    return get_object_or_404(my_registrations(user=user), pk=pk)


def programme_list(*, user):
    require(access_frontline_view(user))
    rows = scope_rows(
        user, Programme.objects.select_related("division", "service_point"), partner="service_point__partner"
    )
    return rows.annotate(
        session_count=Count("sessions", distinct=True),
        attended=Count("sessions__registrations", filter=Q(sessions__registrations__attended=True), distinct=True),
    ).order_by("code")


def programme_get(*, user, code: str) -> Programme:
    return get_object_or_404(programme_list(user=user), code=code)


def programme_sessions(*, programme: Programme):
    return programme.sessions.annotate(
        attended=Count("registrations", filter=Q(registrations__attended=True)),
        satisfaction=Avg("registrations__satisfaction"),
    ).order_by("day", "starts", "id")


def session_get(*, user, pk: int) -> ProgrammeSession:
    require(access_frontline_view(user))
    rows = scope_rows(
        user,
        ProgrammeSession.objects.select_related("programme__division"),
        partner="programme__service_point__partner",
    )
    return get_object_or_404(rows, pk=pk)


def session_registrations(*, session: ProgrammeSession):
    return session.registrations.filter(cancelled=False).select_related("user").order_by("id")


def registration_get(*, user, pk: int) -> Registration:
    require(access_frontline_view(user))
    rows = scope_rows(
        user,
        Registration.objects.select_related("session__programme__division"),
        partner="session__programme__service_point__partner",
    )
    return get_object_or_404(rows, pk=pk)


@dataclass
class Certificate:
    name: str
    programme: Programme
    attended: int
    last_day: date


def certificate_get(*, user, programme_code: str) -> Certificate:
    """A citizen's completion certificate for a programme: only when they attended the sessions it asks."""
    require(access_book(user))
    programme = get_object_or_404(Programme, code=programme_code)
    attended = Registration.objects.filter(
        user=user, session__programme=programme, attended=True, cancelled=False
    ).select_related("session")
    days = [row.session.day for row in attended]
    if len(days) < programme.sessions_to_complete:
        raise NotFound(f"{programme.title}을(를) 수료하지 않아 수료증이 없습니다.")
    return Certificate(name=user.name, programme=programme, attended=len(days), last_day=max(days))


# --- shelters ---------------------------------------------------------------------------------------------


@dataclass
class ShelterAverage:
    shelter: Shelter
    days: int
    users: int
    average: int | None  # people a day, rounded; None when no count was entered


def shelter_list(*, user):
    require(access_frontline_view(user))
    return scope_rows(user, Shelter.objects.select_related("division", "partner"), partner="partner")


def shelter_get(*, user, code: str) -> Shelter:
    return get_object_or_404(shelter_list(user=user), code=code)


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def shelter_averages(*, user, year: int, as_of: date | None = None) -> list[ShelterAverage]:
    """Average daily users of each shelter in a year (up to as_of): the users counted over the days counted."""
    shelters = list(shelter_list(user=user))
    counts = ShelterDailyCount.objects.filter(shelter__in=shelters, day__year=year)
    if as_of is not None:
        counts = counts.filter(day__lte=as_of)
    totals = {row["shelter"]: row for row in counts.values("shelter").annotate(days=Count("id"), users=Sum("users"))}
    rows = []
    for shelter in shelters:
        total = totals.get(shelter.pk)
        if total is None:
            rows.append(ShelterAverage(shelter, 0, 0, None))
        else:
            rows.append(
                ShelterAverage(shelter, total["days"], total["users"], _round(Decimal(total["users"]) / total["days"]))
            )
    return rows


def shelter_counts(*, shelter: Shelter, year: int):
    return shelter.counts.filter(day__year=year).order_by("-day")


# --- public sector ----------------------------------------------------------------------------------------


@dataclass
class PublicSectorSummary:
    conversions: list
    converted: int
    remaining: int
    screenings: list
    hours: list
    checks: list


def public_sector_summary(*, user, as_of: date) -> PublicSectorSummary:
    require(access_public_sector_view(user))
    conversions = list(Conversion.objects.select_related("institution").order_by("done_on", "id"))
    converted = sum(row.done for row in conversions if row.done_on is not None and row.done_on <= as_of)
    remaining = sum(row.planned for row in conversions) - converted
    return PublicSectorSummary(
        conversions=conversions,
        converted=converted,
        remaining=remaining,
        screenings=list(FixedTermScreening.objects.select_related("institution", "unit")),
        hours=list(WorkingHours.objects.select_related("institution").order_by("institution__name", "year")),
        checks=list(LabourCheck.objects.select_related("institution")),
    )


def screening_get(*, user, pk: int) -> FixedTermScreening:
    require(access_public_sector_view(user))
    return get_object_or_404(FixedTermScreening, pk=pk)


# --- the report's figures ---------------------------------------------------------------------------------


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


def shelter_year_average(*, year: int) -> int:
    """Sum over shelters of each one's average daily users in the year (the report's '17년 127명 → '18년 175명)."""
    totals = (
        ShelterDailyCount.objects.filter(day__year=year)
        .values("shelter")
        .annotate(days=Count("id"), users=Sum("users"))
    )
    return sum(_round(Decimal(row["users"]) / row["days"]) for row in totals)
