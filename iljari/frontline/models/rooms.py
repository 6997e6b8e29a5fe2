"""The rooms and programmes desk's records: service points with their opening hours and closed days, rooms and
their one-hour bookings, programmes with sessions and registrations.

A service point is run by a partner institution (its staff are partner-agency accounts of that partner) or directly
by a division (its staff are that division's accounts): see docs/frontline.md.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from iljari.core.formats import screen_date
from iljari.core.models import TimeStampedModel


class ServicePoint(TimeStampedModel):
    """A place or service that meets people: the youth job centre, a job café, the labour ombudsmen, the village
    labour attorneys, the labour-rights advocates."""

    class Kind(models.TextChoices):
        YOUTH_JOB_CENTRE = "youth_job_centre", _("청년일자리센터")
        JOB_CAFE = "job_cafe", _("일자리카페")
        LABOUR_OMBUDSMAN = "labour_ombudsman", _("시민명예노동옴부즈만")
        VILLAGE_LABOUR_ATTORNEY = "village_labour_attorney", _("마을노무사")
        LABOUR_RIGHTS_ADVOCATE = "labour_rights_advocate", _("노동권리보호관")
        LABOUR_CENTRE = "labour_centre", _("노동권익센터")
        COOP_CENTRE = "coop_centre", _("협동조합지원센터")
        SOCIAL_ECONOMY_CENTRE = "social_economy_centre", _("사회적경제지원센터")
        EMOTIONAL_LABOUR_CENTRE = "emotional_labour_centre", _("감정노동보호센터")

    code = models.CharField(_("코드"), max_length=32, unique=True)
    name = models.CharField(_("이름"), max_length=100)
    kind = models.CharField(_("구분"), max_length=32, choices=Kind.choices)
    division = models.ForeignKey(
        "org.OrgUnit", verbose_name=_("담당 부서"), on_delete=models.PROTECT, related_name="service_points"
    )
    partner = models.ForeignKey(
        "org.Partner",
        verbose_name=_("운영 기관"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="service_points",
    )
    weekday_opens = models.PositiveSmallIntegerField(_("평일 여는 시각"), null=True, blank=True)
    weekday_closes = models.PositiveSmallIntegerField(_("평일 닫는 시각"), null=True, blank=True)
    saturday_opens = models.PositiveSmallIntegerField(_("토요일 여는 시각"), null=True, blank=True)
    saturday_closes = models.PositiveSmallIntegerField(_("토요일 닫는 시각"), null=True, blank=True)
    appointed = models.PositiveIntegerField(_("위촉 인원"), default=0)
    is_active = models.BooleanField(_("운영"), default=True)
    opened_on = models.DateField(
        _("운영 시작일"), null=True, blank=True, help_text=_("이날 전의 상담·프로그램은 기록하지 않습니다")
    )
    rental_days = models.PositiveSmallIntegerField(
        _("대여 기간(일)"), default=4, help_text=_("취업날개 정장 대여: 대여일을 포함한 날수(3박4일 = 4)")
    )
    rentals_per_year = models.PositiveSmallIntegerField(_("1인 연간 대여 한도(회)"), default=10)

    class Meta:
        verbose_name = _("서비스 창구")
        verbose_name_plural = _("서비스 창구")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                name="service_point_weekday_hours_in_order",
                condition=Q(weekday_opens__isnull=True)
                | Q(weekday_closes__gt=F("weekday_opens")) & Q(weekday_closes__lte=24),
            ),
            models.CheckConstraint(
                name="service_point_saturday_hours_in_order",
                condition=Q(saturday_opens__isnull=True)
                | Q(saturday_closes__gt=F("saturday_opens")) & Q(saturday_closes__lte=24),
            ),
            models.CheckConstraint(
                name="service_point_rental_settings_in_range",
                condition=Q(rental_days__gte=1) & Q(rental_days__lte=30) & Q(rentals_per_year__gte=1),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def opened_by(self, day) -> bool:
        """Whether the point had opened by that day (no opening day recorded: always)."""
        return self.opened_on is None or day >= self.opened_on

    def hours_on(self, day) -> tuple[int, int] | None:
        """(opens, closes) hours on that day; None when closed (Sundays; Saturdays without hours)."""
        weekday = day.weekday()
        if weekday < 5 and self.weekday_opens is not None:
            return self.weekday_opens, self.weekday_closes
        if weekday == 5 and self.saturday_opens is not None:
            return self.saturday_opens, self.saturday_closes
        return None


class Closure(TimeStampedModel):
    """A day the service points are closed (public holidays): for one point, or for all when no point."""

    day = models.DateField(_("날짜"))
    service_point = models.ForeignKey(
        ServicePoint, verbose_name=_("창구"), null=True, blank=True, on_delete=models.CASCADE, related_name="closures"
    )
    reason = models.CharField(_("사유"), max_length=60)

    class Meta:
        verbose_name = _("휴관일")
        verbose_name_plural = _("휴관일")
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["day", "service_point"], name="closure_unique")]

    def __str__(self) -> str:
        return f"{screen_date(self.day)} {self.reason}"


class Room(TimeStampedModel):
    """A room of a service point, booked in one-hour slots within the point's opening hours."""

    class Kind(models.TextChoices):
        STUDY = "study", _("스터디룸")
        MENTORING = "mentoring", _("멘토링실")
        SEMINAR = "seminar", _("세미나실")
        HALL = "hall", _("다목적홀")

    service_point = models.ForeignKey(
        ServicePoint, verbose_name=_("창구"), on_delete=models.PROTECT, related_name="rooms"
    )
    code = models.CharField(_("코드"), max_length=32, unique=True)
    name = models.CharField(_("이름"), max_length=60)
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices)
    capacity = models.PositiveSmallIntegerField(_("정원"))
    max_hours_per_day = models.PositiveSmallIntegerField(_("1인 1일 최대 시간"), default=3)
    is_active = models.BooleanField(_("사용"), default=True)

    class Meta:
        verbose_name = _("공간")
        verbose_name_plural = _("공간")
        ordering = ["service_point", "kind", "code"]
        constraints = [models.CheckConstraint(name="room_capacity_positive", condition=Q(capacity__gte=1))]

    def __str__(self) -> str:
        return self.name


class Booking(TimeStampedModel):
    """One hour of a room on a day. At most one active booking (booked, checked in, no-show) per room, day and
    hour, held by the database (booking_one_per_slot); a waiting booking queues for a taken slot."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("예약")
        CHECKED_IN = "checked_in", _("이용")
        NO_SHOW = "no_show", _("불참")
        CANCELLED = "cancelled", _("취소")
        WAITING = "waiting", _("대기")

    ACTIVE = (Status.BOOKED, Status.CHECKED_IN, Status.NO_SHOW)

    room = models.ForeignKey(Room, verbose_name=_("공간"), on_delete=models.PROTECT, related_name="bookings")
    day = models.DateField(_("날짜"))
    hour = models.PositiveSmallIntegerField(_("시작 시각"))
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("예약자"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    headcount = models.PositiveSmallIntegerField(_("이용 인원"), default=1)
    purpose = models.CharField(_("이용 목적"), max_length=100, blank=True)
    status = models.CharField(_("상태"), max_length=12, choices=Status.choices, default=Status.BOOKED)
    personal_data_destroyed_at = models.DateTimeField(
        _("개인정보 파기 일시"),
        null=True,
        blank=True,
        help_text=_("보유기간이 지나 예약자와 이용 목적을 파기한 때"),
    )

    class Meta:
        verbose_name = _("대관")
        verbose_name_plural = _("대관")
        ordering = ["day", "hour", "room"]
        constraints = [
            models.UniqueConstraint(
                fields=["room", "day", "hour"],
                condition=Q(status__in=["booked", "checked_in", "no_show"]),
                name="booking_one_per_slot",
            ),
            models.CheckConstraint(name="booking_hour_of_day", condition=Q(hour__lte=23)),
            models.CheckConstraint(name="booking_headcount_positive", condition=Q(headcount__gte=1)),
        ]
        indexes = [models.Index(fields=["booked_by", "day"]), models.Index(fields=["room", "day"])]

    def __str__(self) -> str:
        return f"{self.room} {screen_date(self.day)} {self.hour}시"

    @property
    def hours_label(self) -> str:
        return f"{self.hour:02d}:00~{self.hour + 1:02d}:00"


class Programme(TimeStampedModel):
    """A course or event with sessions: the youth job centre's programmes (CV clinics, mock interviews,
    lectures, mentoring), the 노사민정 academy, the officials' 노동아카데미, the international forum."""

    class Kind(models.TextChoices):
        CV_CLINIC = "cv_clinic", _("이력서·자소서 클리닉")
        MOCK_INTERVIEW = "mock_interview", _("모의면접")
        LECTURE = "lecture", _("취업특강")
        MENTORING = "mentoring", _("멘토링")
        ACADEMY = "academy", _("아카데미")
        LABOUR_ACADEMY = "labour_academy", _("공무원 노동아카데미")
        FORUM = "forum", _("포럼")
        COURSE = "course", _("교육 과정")
        ACTIVATION = "activation", _("활성화 프로그램")
        HEALING = "healing", _("치유프로그램")

    code = models.CharField(_("코드"), max_length=32, unique=True)
    title = models.CharField(_("이름"), max_length=120)
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices)
    service_point = models.ForeignKey(
        ServicePoint, verbose_name=_("창구"), null=True, blank=True, on_delete=models.PROTECT, related_name="programmes"
    )
    division = models.ForeignKey("org.OrgUnit", verbose_name=_("담당 부서"), on_delete=models.PROTECT, related_name="+")
    public = models.BooleanField(_("포털 신청"), default=True)
    sessions_to_complete = models.PositiveSmallIntegerField(_("수료 기준 출석 회차"), default=1)

    class Meta:
        verbose_name = _("프로그램")
        verbose_name_plural = _("프로그램")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.title


class ProgrammeSession(TimeStampedModel):
    """One session of a programme with its capacity."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("프로그램")
    )
    title = models.CharField(_("회차"), max_length=120)
    day = models.DateField(_("날짜"))
    starts = models.PositiveSmallIntegerField(_("시작 시각"), default=10)
    capacity = models.PositiveIntegerField(_("정원"))
    registered = models.PositiveIntegerField(_("신청 인원"), default=0)

    class Meta:
        verbose_name = _("회차")
        verbose_name_plural = _("회차")
        ordering = ["day", "starts", "id"]
        constraints = [
            models.CheckConstraint(name="session_not_over_capacity", condition=Q(registered__lte=F("capacity"))),
        ]

    def __str__(self) -> str:
        return f"{self.programme} {self.title}"

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.registered, 0)


class Registration(TimeStampedModel):
    """A registration for a session (a citizen on the portal, or staff for a named participant); attendance and
    the satisfaction score (1–5) after it."""

    session = models.ForeignKey(
        ProgrammeSession, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("회차")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("계정"),
    )
    participant = models.CharField(_("참가자"), max_length=60, blank=True)
    attended = models.BooleanField(_("출석"), null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField(_("만족도"), null=True, blank=True)
    cancelled = models.BooleanField(_("취소"), default=False)
    personal_data_destroyed_at = models.DateTimeField(
        _("개인정보 파기 일시"),
        null=True,
        blank=True,
        help_text=_("보유기간이 지나 신청자를 가명으로 바꾼 때"),
    )

    class Meta:
        verbose_name = _("신청")
        verbose_name_plural = _("신청")
        ordering = ["session", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=Q(cancelled=False), name="registration_once_per_user"
            ),
            models.CheckConstraint(
                name="registration_satisfaction_1_to_5",
                condition=Q(satisfaction__isnull=True) | Q(satisfaction__gte=1) & Q(satisfaction__lte=5),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session} 신청"
