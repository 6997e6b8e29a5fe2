"""participation training selectors — the technical training institutes (기술교육원), their courses, trainees,
attendance and deposits; scoped to the user (a partner agency reads only the institutes its partner runs).

Contract:
- institute_list(*, user) -> QuerySet[TrainingInstitute]
- institute_get(*, user, code) -> TrainingInstitute                                        (404 out of scope)
- course_list(*, user, institute) -> QuerySet[TrainingCourse]   (with enrolled, in training, completed, dropped)
- course_get(*, user, code) -> TrainingCourse  /  enrolment_get(*, user, pk) -> Enrolment   (404 out of scope)
- person_enrolment_list(*, user, person_id) -> QuerySet[Enrolment]    one person's courses in scope (web's one page),
      each with `attended` and `scheduled`: the days of its recorded months summed (None before any month)
- courses_attendance_missing(*, user, month) -> QuerySet[TrainingCourse]
      courses in scope with a trainee in training during `month` whose attendance of that month is not entered;
      division staff: their own division's programmes'. The work list counts these (last month) and links to the
      training page, which lists them (?attendance_missing=YYYY-MM).
- course_month(*, user, course, month) -> CourseMonth
      the course's trainees during the month: each one's scheduled days (the calendar), the month's record and
      the attendance so far (a fixed number of queries)
- latest_attendance_month(*, course) -> date | None
- enrolment_attendance(*, enrolment) -> EnrolmentAttendance                  (months, totals, rate, the deposit)
- attendance_sheet(*, user, course, month) -> bytes                                  (the month's entry sheet)
- training_figures(*, user, year, as_of) -> TrainingFigures
      per institute and track (서울시·국가 과정): departments, places, enrolled, in training on the day, not yet
      closed, completed, dropped, completion rate, deposits held/refunded/forfeited (count and 원); aggregated in the
      database in four queries, whatever the number of institutes
- call_enrolment_plan(*, user, call) -> list[TrainingCourse]        (each course of a call: places, taken, waiting)
- calls_awaiting_enrolment(*, user) -> list[Call]                   (calls with selected people not yet enrolled)
- my_enrolment_list(*, user) -> list[EnrolmentAttendance]           (a citizen's own, with months and deposit)

"Enrolled" counts everyone who entered by the day; "in training on the day" those entered who had neither
completed nor dropped out before it and whose course had not ended; "not yet closed" those whose course ended
before the day with neither completion nor dropout recorded; completed and dropped count ends up to the day (so
enrolled = in training + not yet closed + completed + dropped); the completion rate is completed ÷ (completed +
dropped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from iljari.core.access import access_training_view, figures_unit_path, require, scope_rows
from iljari.core.errors import NotFound
from iljari.core.formats import ratio
from iljari.core.xlsx import Column, xlsx_table
from iljari.intake.models import Application, Call
from iljari.participation.calendar import (
    attendance_percent_text,
    holidays_between,
    month_end,
    month_start,
    scheduled_training_days,
)
from iljari.participation.models import (
    AttendanceMonth,
    Enrolment,
    TrainingCourse,
    TrainingDeposit,
    TrainingInstitute,
)

ATTENDANCE_COLUMNS = [
    Column("enrolment", "훈련생 번호", kind="int", editable=False),
    Column("name", "성명", editable=False, required=False),
    Column("scheduled_days", "소정 훈련일수", kind="int", editable=False, required=False),
    Column("attended_days", "출석일수", kind="int"),
]
TRACKS = [TrainingCourse.Track.CITY, TrainingCourse.Track.NATIONAL]


def _scoped(user, queryset: QuerySet, partner: str) -> QuerySet:
    require(access_training_view(user))
    return scope_rows(user, queryset, partner=partner)


def institute_list(*, user) -> QuerySet[TrainingInstitute]:
    return _scoped(
        user, TrainingInstitute.objects.select_related("partner", "district", "programme"), partner="partner"
    ).order_by("code")


def institute_get(*, user, code: str) -> TrainingInstitute:
    institute = (
        _scoped(
            user,
            TrainingInstitute.objects.select_related("partner", "district", "programme__division"),
            partner="partner",
        )
        .filter(code=code)
        .first()
    )
    if institute is None:
        raise NotFound("기술교육원을 찾을 수 없습니다.")
    return institute


def course_list(*, user, institute: TrainingInstitute) -> QuerySet[TrainingCourse]:
    return (
        _scoped(user, TrainingCourse.objects.filter(institute=institute), partner="institute__partner")
        .annotate(
            enrolled=Count("enrolments"),
            in_training=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.ENROLLED)),
            completed=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.COMPLETED)),
            dropped=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.DROPPED)),
        )
        .order_by("-start_date", "code")
    )


def course_get(*, user, code: str) -> TrainingCourse:
    course = (
        _scoped(
            user,
            TrainingCourse.objects.select_related("institute__programme__division", "institute__partner", "quota"),
            partner="institute__partner",
        )
        .filter(code=code)
        .first()
    )
    if course is None:
        raise NotFound("훈련 과정을 찾을 수 없습니다.")
    return course


def courses_attendance_missing(*, user, month: date) -> QuerySet[TrainingCourse]:
    first, last = month_start(month), month_end(month)
    in_training = Enrolment.objects.filter(course=OuterRef("pk"), enrolled_on__lte=last).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=first)
    )
    unrecorded = in_training.exclude(attendance__month=first)
    courses = _scoped(user, TrainingCourse.objects.select_related("institute"), partner="institute__partner").filter(
        start_date__lte=last, end_date__gte=first
    )
    unit_path = figures_unit_path(user)
    if unit_path:
        courses = courses.filter(institute__programme__division__path__startswith=unit_path)
    return courses.filter(Exists(unrecorded)).order_by("institute__code", "code")


def person_enrolment_list(*, user, person_id: int) -> QuerySet[Enrolment]:
    rows = (
        Enrolment.objects.filter(person_id=person_id)
        .select_related("course__institute")
        .annotate(attended=Sum("attendance__attended_days"), scheduled=Sum("attendance__scheduled_days"))
    )
    return _scoped(user, rows, partner="course__institute__partner").order_by("-course__start_date", "-pk")


def enrolment_get(*, user, pk: int) -> Enrolment:
    enrolment = (
        _scoped(
            user,
            Enrolment.objects.select_related(
                "person", "course__institute__programme__division", "course__institute__partner", "application"
            ),
            partner="course__institute__partner",
        )
        .filter(pk=pk)
        .first()
    )
    if enrolment is None:
        raise NotFound("훈련생을 찾을 수 없습니다.")
    return enrolment


# --- attendance ------------------------------------------------------------------------------------------


@dataclass
class EnrolmentAttendance:
    """One trainee's attendance: the recorded months and their totals, against the course's completion percent."""

    enrolment: Enrolment
    months: list[AttendanceMonth] = field(default_factory=list)
    attended: int = 0
    scheduled: int = 0
    deposit: TrainingDeposit | None = None

    @property
    def rate(self) -> Decimal | None:
        return ratio(self.attended, self.scheduled)

    @property
    def rate_text(self) -> str:
        return attendance_percent_text(self.attended, self.scheduled)

    @property
    def meets_completion(self) -> bool:
        return bool(self.scheduled) and self.attended * 100 >= self.enrolment.course.completion_percent * self.scheduled


def enrolment_attendance(*, enrolment: Enrolment) -> EnrolmentAttendance:
    months = list(enrolment.attendance.order_by("month"))
    return EnrolmentAttendance(
        enrolment=enrolment,
        months=months,
        attended=sum(m.attended_days for m in months),
        scheduled=sum(m.scheduled_days for m in months),
        deposit=TrainingDeposit.objects.filter(enrolment=enrolment).first(),
    )


@dataclass
class TraineeMonth:
    enrolment: Enrolment
    scheduled: int
    record: AttendanceMonth | None
    attended_total: int
    scheduled_total: int

    @property
    def rate_text(self) -> str:
        return attendance_percent_text(self.attended_total, self.scheduled_total)

    @property
    def field_name(self) -> str:
        return f"attended_{self.enrolment.pk}"


@dataclass
class CourseMonth:
    course: TrainingCourse
    month: date
    rows: list[TraineeMonth]

    @property
    def missing(self) -> int:
        return sum(1 for row in self.rows if row.record is None)


def course_month(*, user, course: TrainingCourse, month: date) -> CourseMonth:
    """Everyone training in the course during the month (four queries)."""
    month = month_start(month)
    course = course_get(user=user, code=course.code)
    enrolments = list(
        Enrolment.objects.filter(course=course, enrolled_on__lte=month_end(month))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=month))
        .select_related("person", "course")
        .order_by("person__name", "pk")
    )
    if course.end_date < month or course.start_date > month_end(month):
        enrolments = []
    records = {r.enrolment_id: r for r in AttendanceMonth.objects.filter(enrolment__in=enrolments, month=month)}
    totals = {
        row["enrolment_id"]: row
        for row in AttendanceMonth.objects.filter(enrolment__in=enrolments)
        .values("enrolment_id")
        .annotate(attended=Sum("attended_days"), scheduled=Sum("scheduled_days"))
    }
    holidays = holidays_between(month, month_end(month))
    rows = []
    for enrolment in enrolments:
        scheduled = scheduled_training_days(enrolment=enrolment, month=month, holidays=holidays)
        if scheduled is None:
            continue
        total = totals.get(enrolment.pk, {})
        rows.append(
            TraineeMonth(
                enrolment=enrolment,
                scheduled=scheduled,
                record=records.get(enrolment.pk),
                attended_total=total.get("attended") or 0,
                scheduled_total=total.get("scheduled") or 0,
            )
        )
    return CourseMonth(course=course, month=month, rows=rows)


def latest_attendance_month(*, course: TrainingCourse) -> date | None:
    return (
        AttendanceMonth.objects.filter(enrolment__course=course)
        .order_by("-month")
        .values_list("month", flat=True)
        .first()
    )


def attendance_sheet(*, user, course: TrainingCourse, month: date) -> bytes:
    sheet = course_month(user=user, course=course, month=month)
    rows = [
        {
            "enrolment": row.enrolment.pk,
            "name": row.enrolment.person.name,
            "scheduled_days": row.scheduled,
            "attended_days": row.record.attended_days if row.record else None,
        }
        for row in sheet.rows
    ]
    return xlsx_table(
        title="출석",
        columns=ATTENDANCE_COLUMNS,
        rows=rows,
        note=f"{course.name} {sheet.month.year}년 {sheet.month.month}월 출석. 회색 열은 바꾸지 마십시오.",
    )


# --- figures ---------------------------------------------------------------------------------------------


@dataclass
class FigureRow:
    departments: int = 0
    capacity: int = 0
    enrolled: int = 0
    in_training: int = 0
    unclosed: int = 0
    completed: int = 0
    dropped: int = 0
    held: int = 0
    held_won: int = 0
    refunded: int = 0
    refunded_won: int = 0
    forfeited: int = 0
    forfeited_won: int = 0

    @property
    def ended(self) -> int:
        return self.completed + self.dropped

    @property
    def completion_rate(self) -> Decimal | None:
        return ratio(self.completed, self.ended)

    def add(self, values: dict) -> None:
        for name, value in values.items():
            if hasattr(self, name) and value:
                setattr(self, name, getattr(self, name) + value)

    def add_row(self, other: FigureRow) -> None:
        self.add({name: getattr(other, name) for name in self.__dataclass_fields__})


@dataclass
class InstituteFigures:
    institute: TrainingInstitute
    tracks: dict[str, FigureRow]
    total: FigureRow

    def track_rows(self) -> list[tuple[str, FigureRow]]:
        return [(TrainingCourse.Track(track).label, self.tracks[track]) for track in TRACKS]


@dataclass
class TrainingFigures:
    year: int
    as_of: date
    institutes: list[InstituteFigures]
    tracks: dict[str, FigureRow]
    total: FigureRow

    def track_rows(self) -> list[tuple[str, FigureRow]]:
        return [(TrainingCourse.Track(track).label, self.tracks[track]) for track in TRACKS]


def training_figures(*, user, year: int, as_of: date) -> TrainingFigures:
    institutes = list(institute_list(user=user))
    courses = _scoped(
        user, TrainingCourse.objects.filter(start_date__year=year), partner="institute__partner"
    ).values_list("institute_id", "track")
    course_rows = courses.annotate(departments=Count("pk"), capacity=Sum("capacity")).order_by()
    ongoing = Q(course__end_date__gte=as_of) & (Q(ended_on__isnull=True) | Q(ended_on__gt=as_of))
    enrolment_rows = (
        _scoped(
            user,
            Enrolment.objects.filter(course__start_date__year=year, enrolled_on__lte=as_of),
            partner="course__institute__partner",
        )
        .values_list("course__institute_id", "course__track")
        .annotate(
            enrolled=Count("pk"),
            in_training=Count("pk", filter=ongoing),
            unclosed=Count("pk", filter=Q(course__end_date__lt=as_of, ended_on__isnull=True)),
            completed=Count("pk", filter=Q(status=Enrolment.Status.COMPLETED, ended_on__lte=as_of)),
            dropped=Count("pk", filter=Q(status=Enrolment.Status.DROPPED, ended_on__lte=as_of)),
        )
        .order_by()
    )
    paid = Q(paid_on__lte=as_of) & ~Q(status__in=[TrainingDeposit.Status.DUE, TrainingDeposit.Status.CANCELLED])
    held = paid & (Q(settled_on__isnull=True) | Q(settled_on__gt=as_of))
    refunded = Q(status=TrainingDeposit.Status.REFUNDED, settled_on__lte=as_of)
    forfeited = Q(status=TrainingDeposit.Status.FORFEITED, settled_on__lte=as_of)
    deposit_rows = (
        _scoped(
            user,
            TrainingDeposit.objects.filter(enrolment__course__start_date__year=year),
            partner="enrolment__course__institute__partner",
        )
        .values_list("enrolment__course__institute_id", "enrolment__course__track")
        .annotate(
            held=Count("pk", filter=held),
            held_won=Sum("amount", filter=held),
            refunded=Count("pk", filter=refunded),
            refunded_won=Sum("amount", filter=refunded),
            forfeited=Count("pk", filter=forfeited),
            forfeited_won=Sum("amount", filter=forfeited),
        )
        .order_by()
    )
    cells: dict[tuple[int, str], FigureRow] = {}
    for rows, names in (
        (course_rows, ("departments", "capacity")),
        (enrolment_rows, ("enrolled", "in_training", "unclosed", "completed", "dropped")),
        (deposit_rows, ("held", "held_won", "refunded", "refunded_won", "forfeited", "forfeited_won")),
    ):
        for institute_id, track, *values in rows:
            cells.setdefault((institute_id, track), FigureRow()).add(dict(zip(names, values, strict=True)))
    result = TrainingFigures(
        year=year, as_of=as_of, institutes=[], tracks={track: FigureRow() for track in TRACKS}, total=FigureRow()
    )
    for institute in institutes:
        tracks = {track: cells.get((institute.pk, track), FigureRow()) for track in TRACKS}
        total = FigureRow()
        for track, row in tracks.items():
            total.add_row(row)
            result.tracks[track].add_row(row)
        result.total.add_row(total)
        result.institutes.append(InstituteFigures(institute=institute, tracks=tracks, total=total))
    return result


# --- calls -----------------------------------------------------------------------------------------------


def call_enrolment_plan(*, user, call) -> list[TrainingCourse]:
    """The courses a call recruits for, each with its places taken and the selected people waiting to enter."""
    waiting = (
        Application.objects.filter(quota=OuterRef("quota"), status=Application.Status.SELECTED, enrolment__isnull=True)
        .order_by()
        .values("quota")
        .annotate(n=Count("pk"))
        .values("n")
    )
    taken = (
        Enrolment.objects.filter(course=OuterRef("pk"))
        .exclude(status=Enrolment.Status.DROPPED)
        .order_by()
        .values("course")
        .annotate(n=Count("pk"))
        .values("n")
    )
    zero = Value(0, output_field=IntegerField())
    return list(
        _scoped(user, TrainingCourse.objects.filter(quota__call=call), partner="institute__partner")
        .select_related("institute")
        .annotate(
            waiting=Coalesce(Subquery(waiting, output_field=IntegerField()), zero),
            taken=Coalesce(Subquery(taken, output_field=IntegerField()), zero),
        )
        .order_by("institute__code", "start_date", "code")
    )


def calls_awaiting_enrolment(*, user) -> list:
    """Calls whose quotas recruit for courses and that have selected applicants not yet enrolled."""
    require(access_training_view(user))
    waiting = (
        Application.objects.filter(
            call=OuterRef("pk"),
            status=Application.Status.SELECTED,
            enrolment__isnull=True,
            quota__training_courses__isnull=False,
        )
        .order_by()
        .values("call")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return list(
        Call.objects.filter(programme__training_institutes__isnull=False)
        .distinct()
        .annotate(waiting=Subquery(waiting, output_field=IntegerField()))
        .filter(waiting__gt=0)
        .select_related("programme__division")
        .order_by("-opens_at")
    )


# --- the portal ------------------------------------------------------------------------------------------


def my_enrolment_list(*, user) -> list[EnrolmentAttendance]:
    """A citizen's own enrolments, newest first, with their months and deposit (three queries)."""
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is None:
        return []
    enrolments = list(
        Enrolment.objects.filter(person=person)
        .select_related("course__institute", "deposit")
        .prefetch_related("attendance")
        .order_by("-enrolled_on", "pk")
    )
    summaries = []
    for enrolment in enrolments:
        months = sorted(enrolment.attendance.all(), key=lambda m: m.month)
        try:
            deposit = enrolment.deposit
        except TrainingDeposit.DoesNotExist:
            deposit = None
        summaries.append(
            EnrolmentAttendance(
                enrolment=enrolment,
                months=months,
                attended=sum(m.attended_days for m in months),
                scheduled=sum(m.scheduled_days for m in months),
                deposit=deposit,
            )
        )
    return summaries
