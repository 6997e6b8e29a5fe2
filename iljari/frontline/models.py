"""Frontline services: service points and their consultations, cases and workplace visits; rooms and bookings;
programmes (courses, academies, the forum) with sessions and registrations; shelters and their daily counts; and
the public sector's own labour programmes (conversions, fixed-term pre-screening, working hours, checks).

A service point is run by a partner institution (its staff are partner-agency accounts of that partner) or directly
by a division (its staff are that division's accounts): see docs/frontline.md.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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
        ]

    def __str__(self) -> str:
        return self.name

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
        return f"{self.day:%Y-%m-%d} {self.reason}"


class ConsultationTopic(TimeStampedModel):
    """The managed list of consultation topics."""

    code = models.CharField(_("코드"), max_length=32, unique=True)
    name = models.CharField(_("주제"), max_length=60)
    sort_order = models.PositiveSmallIntegerField(_("순서"), default=0)
    is_active = models.BooleanField(_("사용"), default=True)

    class Meta:
        verbose_name = _("상담 주제")
        verbose_name_plural = _("상담 주제")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class Consultation(TimeStampedModel):
    """One counselling session or labour consultation. The client is a registered person, or anonymous with
    minimal data (a label, birth year, sex). `notes` are private to the service point's own staff."""

    class Channel(models.TextChoices):
        VISIT = "visit", _("방문")
        PHONE = "phone", _("전화")
        ONLINE = "online", _("온라인")

    class Outcome(models.TextChoices):
        NONE = "", _("진행 중")
        EMPLOYED = "employed", _("취업")
        REFERRED = "referred", _("연계")
        CASE_OPENED = "case_opened", _("사건 수임")
        CLOSED = "closed", _("상담 종결")

    service_point = models.ForeignKey(
        ServicePoint, verbose_name=_("창구"), on_delete=models.PROTECT, related_name="consultations"
    )
    held_on = models.DateField(_("상담일"))
    channel = models.CharField(_("방법"), max_length=8, choices=Channel.choices)
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("상담자"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    client_label = models.CharField(_("익명 상담자"), max_length=60, blank=True)
    client_birth_year = models.PositiveSmallIntegerField(_("출생연도"), null=True, blank=True)
    topic = models.ForeignKey(
        ConsultationTopic, verbose_name=_("주제"), on_delete=models.PROTECT, related_name="consultations"
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("상담사"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notes = models.TextField(_("상담 내용(창구 내부)"), blank=True)
    outcome = models.CharField(_("결과"), max_length=16, choices=Outcome.choices, blank=True, default="")
    employer = models.CharField(_("취업처"), max_length=120, blank=True)
    employed_on = models.DateField(_("취업일"), null=True, blank=True)
    referred_to = models.CharField(_("연계 기관"), max_length=120, blank=True)
    personal_data_destroyed_at = models.DateTimeField(
        _("개인정보 파기 일시"),
        null=True,
        blank=True,
        help_text=_("보유기간이 지나 상담 내용과 상담자 식별 정보를 파기한 때"),
    )

    class Meta:
        verbose_name = _("상담")
        verbose_name_plural = _("상담")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="consultation_has_a_client", condition=Q(person__isnull=False) | ~Q(client_label="")
            ),
            models.CheckConstraint(
                name="consultation_employed_has_employer_and_date",
                condition=~Q(outcome="employed") | (~Q(employer="") & Q(employed_on__isnull=False)),
            ),
        ]
        indexes = [models.Index(fields=["service_point", "held_on"]), models.Index(fields=["outcome", "employed_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.service_point} 상담"

    def get_absolute_url(self) -> str:
        return reverse("frontline:consultation_detail", args=[self.pk])

    @property
    def client_name(self) -> str:
        return self.person.name if self.person_id else (self.client_label or "익명")


class FollowUp(TimeStampedModel):
    """A follow-up of a consultation (a call back, a second meeting); its note is private like the notes."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="follow_ups")
    due_on = models.DateField(_("예정일"))
    done_on = models.DateField(_("한 날"), null=True, blank=True)
    note = models.TextField(_("내용"), blank=True)

    class Meta:
        verbose_name = _("사후 관리")
        verbose_name_plural = _("사후 관리")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"{self.due_on:%Y-%m-%d} 사후 관리"


class LabourCase(TimeStampedModel):
    """A case a labour-rights advocate takes (with legal aid), opened from a consultation or directly."""

    class Result(models.TextChoices):
        OPEN = "open", _("진행 중")
        WON = "won", _("승소·인용")
        SETTLED = "settled", _("합의·화해")
        LOST = "lost", _("패소·기각")

    service_point = models.ForeignKey(
        ServicePoint, verbose_name=_("창구"), on_delete=models.PROTECT, related_name="cases"
    )
    consultation = models.OneToOneField(
        Consultation, verbose_name=_("상담"), null=True, blank=True, on_delete=models.PROTECT, related_name="case"
    )
    advocate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("노동권리보호관"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    claimant = models.CharField(_("신청인"), max_length=60)
    respondent = models.CharField(_("상대방(사업주)"), max_length=120)
    claim = models.TextField(_("청구 내용"))
    claim_amount = models.BigIntegerField(_("청구 금액(원)"), default=0)
    opened_on = models.DateField(_("수임일"))
    legal_aid_granted = models.BooleanField(_("법률지원 결정"), default=False)
    result = models.CharField(_("결과"), max_length=8, choices=Result.choices, default=Result.OPEN)
    closed_on = models.DateField(_("종결일"), null=True, blank=True)
    amount_recovered = models.BigIntegerField(_("회수 금액(원)"), default=0)

    class Meta:
        verbose_name = _("권리구제 사건")
        verbose_name_plural = _("권리구제 사건")
        ordering = ["-opened_on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="labour_case_amounts_not_negative", condition=Q(claim_amount__gte=0) & Q(amount_recovered__gte=0)
            ),
            models.CheckConstraint(
                name="labour_case_closed_has_date", condition=Q(result="open") | Q(closed_on__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claimant} ↔ {self.respondent}"


class CaseStep(TimeStampedModel):
    """A step of a case (진정 접수, 출석 조사, 심문 …) with its date and deadline."""

    case = models.ForeignKey(LabourCase, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("단계"), max_length=100)
    on = models.DateField(_("날짜"), null=True, blank=True)
    deadline = models.DateField(_("기한"), null=True, blank=True)

    class Meta:
        verbose_name = _("사건 단계")
        verbose_name_plural = _("사건 단계")
        ordering = ["case", "deadline", "on", "id"]

    def __str__(self) -> str:
        return self.title


class WorkplaceVisit(TimeStampedModel):
    """A workplace consulting visit (근로환경개선 컨설팅, 마을노무사 노무컨설팅) with its findings; a follow-up
    visit checks an earlier visit's findings."""

    service_point = models.ForeignKey(
        ServicePoint, verbose_name=_("창구"), on_delete=models.PROTECT, related_name="visits"
    )
    workplace = models.CharField(_("사업장"), max_length=120)
    employees = models.PositiveIntegerField(_("상시 근로자 수"), default=0)
    visited_on = models.DateField(_("방문일"))
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("컨설턴트"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    findings = models.TextField(_("지적사항"), blank=True)
    checks = models.ForeignKey(
        "self",
        verbose_name=_("점검하는 방문"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_up_visits",
    )
    findings_resolved = models.BooleanField(_("지적사항 개선"), null=True, blank=True)

    class Meta:
        verbose_name = _("사업장 컨설팅")
        verbose_name_plural = _("사업장 컨설팅")
        ordering = ["-visited_on", "-id"]

    def __str__(self) -> str:
        return f"{self.workplace} {self.visited_on:%Y-%m-%d}"


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
        return f"{self.room} {self.day:%Y-%m-%d} {self.hour}시"

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

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sessions")
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

    session = models.ForeignKey(ProgrammeSession, on_delete=models.PROTECT, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
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


class Shelter(TimeStampedModel):
    """A 休 서울노동자 쉼터 for workers on the move."""

    code = models.CharField(_("코드"), max_length=32, unique=True)
    name = models.CharField(_("이름"), max_length=60)
    target_workers = models.CharField(_("주 이용 대상"), max_length=60)
    size_m2 = models.PositiveIntegerField(_("규모(㎡)"))
    staff = models.PositiveSmallIntegerField(_("운영 인력"))
    opens = models.CharField(_("여는 시각"), max_length=5)
    closes = models.CharField(_("닫는 시각"), max_length=5)
    opened_on = models.DateField(_("개소일"))
    partner = models.ForeignKey(
        "org.Partner", verbose_name=_("운영 기관"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    division = models.ForeignKey("org.OrgUnit", verbose_name=_("담당 부서"), on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("비고"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("노동자 쉼터")
        verbose_name_plural = _("노동자 쉼터")
        ordering = ["opened_on", "code"]

    def __str__(self) -> str:
        return self.name


class ShelterDailyCount(TimeStampedModel):
    """How many people used a shelter on a day, entered by the shelter's staff."""

    shelter = models.ForeignKey(Shelter, on_delete=models.PROTECT, related_name="counts")
    day = models.DateField(_("날짜"))
    users = models.PositiveIntegerField(_("이용자 수"))

    class Meta:
        verbose_name = _("쉼터 일일 이용")
        verbose_name_plural = _("쉼터 일일 이용")
        ordering = ["shelter", "day"]
        constraints = [models.UniqueConstraint(fields=["shelter", "day"], name="shelter_count_once_a_day")]

    def __str__(self) -> str:
        return f"{self.shelter} {self.day:%Y-%m-%d} {self.users}명"


class Conversion(TimeStampedModel):
    """A conversion of non-regular staff to regular at a public institution (or the city hall: no institution):
    planned and done headcounts of a group, with the date done."""

    class Kind(models.TextChoices):
        INDEFINITE = "indefinite", _("무기계약직 → 정규직")
        FIXED_TERM = "fixed_term", _("기간제 → 정규직(공무직)")
        OUTSOURCED = "outsourced", _("파견·용역 → 정규직")

    kind = models.CharField(_("구분"), max_length=12, choices=Kind.choices)
    institution = models.ForeignKey(
        "org.Partner", verbose_name=_("기관"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    institution_label = models.CharField(_("기관(표기)"), max_length=100, blank=True)
    group = models.CharField(_("대상"), max_length=100)
    planned = models.PositiveIntegerField(_("전환 계획"))
    done = models.PositiveIntegerField(_("전환 완료"), default=0)
    done_on = models.DateField(_("전환일"), null=True, blank=True)

    class Meta:
        verbose_name = _("정규직 전환")
        verbose_name_plural = _("정규직 전환")
        ordering = ["-done_on", "id"]
        constraints = [
            models.CheckConstraint(name="conversion_done_within_plan", condition=Q(done__lte=F("planned"))),
            models.CheckConstraint(name="conversion_done_has_date", condition=Q(done=0) | Q(done_on__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.institution_label or self.institution} {self.group}"


class FixedTermScreening(TimeStampedModel):
    """A request to hire fixed-term staff, pre-screened by the committee (reason, headcount, period, budget)."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("심사 중")
        APPROVED = "approved", _("적정")
        REDUCED = "reduced", _("조정")
        REJECTED = "rejected", _("부적정")

    institution = models.ForeignKey(
        "org.Partner", verbose_name=_("기관"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "org.OrgUnit", verbose_name=_("요청 부서"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("채용 사유"))
    headcount = models.PositiveIntegerField(_("인원"))
    months = models.PositiveSmallIntegerField(_("기간(개월)"))
    budget = models.BigIntegerField(_("예산(원)"))
    requested_on = models.DateField(_("요청일"))
    decision = models.CharField(_("심사 결과"), max_length=10, choices=Decision.choices, default=Decision.PENDING)
    approved_headcount = models.PositiveIntegerField(_("인정 인원"), null=True, blank=True)
    decided_on = models.DateField(_("심사일"), null=True, blank=True)
    committee_note = models.TextField(_("심사 의견"), blank=True)

    class Meta:
        verbose_name = _("기간제 채용 사전심사")
        verbose_name_plural = _("기간제 채용 사전심사")
        ordering = ["-requested_on", "-id"]
        constraints = [
            models.CheckConstraint(name="screening_headcount_positive", condition=Q(headcount__gte=1)),
            models.CheckConstraint(name="screening_budget_not_negative", condition=Q(budget__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.requested_on:%Y-%m-%d} 기간제 {self.headcount}명"


class WorkingHours(TimeStampedModel):
    """An institution's annual working hours per worker in a year (the 서울형 노동시간 단축)."""

    institution = models.ForeignKey("org.Partner", verbose_name=_("기관"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("연도"))
    hours = models.PositiveIntegerField(_("연간 노동시간"))

    class Meta:
        verbose_name = _("연간 노동시간")
        verbose_name_plural = _("연간 노동시간")
        ordering = ["institution", "year"]
        constraints = [models.UniqueConstraint(fields=["institution", "year"], name="working_hours_once_a_year")]

    def __str__(self) -> str:
        return f"{self.institution} {self.year}년 {self.hours}시간"


class LabourCheck(TimeStampedModel):
    """A check of an institution: 52-hour-week compliance, the working-time reduction, or the emotional-labour
    guideline, with findings."""

    class Kind(models.TextChoices):
        WEEK_52 = "week_52", _("주52시간 점검")
        HOURS_REDUCTION = "hours_reduction", _("노동시간 단축 이행 점검")
        EMOTIONAL_LABOUR = "emotional_labour", _("감정노동 가이드라인 점검")

    institution = models.ForeignKey("org.Partner", verbose_name=_("기관"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("구분"), max_length=20, choices=Kind.choices)
    checked_on = models.DateField(_("점검일"))
    compliant = models.BooleanField(_("적합"))
    max_weekly_hours = models.PositiveSmallIntegerField(_("최장 주당 노동시간"), null=True, blank=True)
    findings = models.TextField(_("지적사항"), blank=True)

    class Meta:
        verbose_name = _("노동 점검")
        verbose_name_plural = _("노동 점검")
        ordering = ["-checked_on", "-id"]

    def __str__(self) -> str:
        return f"{self.institution} {self.get_kind_display()} {self.checked_on:%Y-%m-%d}"
