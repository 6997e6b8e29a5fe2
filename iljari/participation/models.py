"""Participation: the worksites where selected people work, their placements, the months they record, the pay
computed from those months, dropouts and the employment that follows.

The year's living wage and the public holidays are tables the division keeps; pay reads them, never a constant."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.figures import MONEY
from iljari.core.formats import screen_date, screen_month
from iljari.core.models import TimeStampedModel
from iljari.performance.models import TargetGroup


class LivingWage(TimeStampedModel):
    """The city's living wage (생활임금) of a year: the hourly floor of every placement's pay in that year."""

    year = models.PositiveSmallIntegerField(_("연도"), unique=True)
    hourly = models.PositiveIntegerField(_("시급(원)"))
    note = models.CharField(_("비고"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("생활임금")
        verbose_name_plural = _("생활임금")
        ordering = ["-year"]
        constraints = [models.CheckConstraint(name="living_wage_positive", condition=Q(hourly__gt=0))]

    def __str__(self) -> str:
        return f"{self.year}년 {self.hourly:,}원"


class PublicHoliday(TimeStampedModel):
    """A public holiday (관공서 공휴일), paid to participants of programmes that pay public holidays."""

    day = models.DateField(_("날짜"), unique=True)
    name = models.CharField(_("이름"), max_length=60)

    class Meta:
        verbose_name = _("공휴일")
        verbose_name_plural = _("공휴일")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{screen_date(self.day)} {self.name}"


class ProgrammeTerms(TimeStampedModel):
    """How a programme employs people: whether it is a direct job (one at a time per person), its longest
    placement, its target group, and whether public holidays are paid."""

    programme = models.OneToOneField(
        "plan.Programme", verbose_name=_("주요업무"), on_delete=models.CASCADE, related_name="participation_terms"
    )
    target_group = models.CharField(_("사업대상"), max_length=16, choices=TargetGroup.choices)
    is_direct_job = models.BooleanField(_("직접일자리"), default=True)
    max_months = models.PositiveSmallIntegerField(_("최대 참여 개월"), null=True, blank=True)
    weekly_hours = models.DecimalField(_("주 소정근로시간"), max_digits=4, decimal_places=1, default=40)
    paid_public_holidays = models.BooleanField(_("공휴일 유급"), default=True)
    city_share_percent = models.PositiveSmallIntegerField(
        _("시비 부담 비율(%)"),
        default=100,
        help_text=_(
            "자치구 사업장 급여 가운데 시가 부담하는 몫(공공근로 시·구 7:3이면 70). 시 사업장은 시가 전부 부담합니다."
        ),
    )

    class Meta:
        verbose_name = _("참여 조건")
        verbose_name_plural = _("참여 조건")
        constraints = [
            models.CheckConstraint(
                name="terms_weekly_hours_range", condition=Q(weekly_hours__gt=0) & Q(weekly_hours__lte=40)
            ),
            models.CheckConstraint(name="terms_city_share_range", condition=Q(city_share_percent__lte=100)),
        ]

    def __str__(self) -> str:
        return f"{self.programme} 참여 조건"


class Worksite(TimeStampedModel):
    """A place where participants work (사업장): run by a city department, a district or a partner agency."""

    class Operator(models.TextChoices):
        CITY = "city", _("서울시")
        DISTRICT = "district", _("자치구")
        PARTNER = "partner", _("수행기관·민간")

    code = models.CharField(_("코드"), max_length=40, unique=True)
    name = models.CharField(_("사업장명"), max_length=200)
    programme = models.ForeignKey(
        "plan.Programme", verbose_name=_("주요업무"), on_delete=models.PROTECT, related_name="worksites"
    )
    operator = models.CharField(_("운영 주체"), max_length=10, choices=Operator.choices)
    org_unit = models.ForeignKey(
        "org.OrgUnit",
        verbose_name=_("담당 부서"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="worksites",
    )
    district = models.ForeignKey(
        "org.District", verbose_name=_("자치구"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    partner = models.ForeignKey(
        "org.Partner", verbose_name=_("기관"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    project = models.CharField(_("사업명"), max_length=200, blank=True)
    address = models.CharField(_("소재지"), max_length=200, blank=True)
    supervisor = models.CharField(_("관리자"), max_length=60, blank=True)
    places = models.PositiveIntegerField(_("정원"), default=0)
    is_active = models.BooleanField(_("운영 중"), default=True)

    class Meta:
        verbose_name = _("사업장")
        verbose_name_plural = _("사업장")
        ordering = ["programme", "code"]
        constraints = [
            models.CheckConstraint(
                name="worksite_operator_placement",
                condition=(Q(operator="district") & Q(district__isnull=False))
                | (Q(operator="partner") & Q(partner__isnull=False))
                | Q(operator="city"),
            ),
        ]
        indexes = [models.Index(fields=["district"]), models.Index(fields=["partner"])]

    def __str__(self) -> str:
        return self.name

    @property
    def place_label(self) -> str:
        """The worksite with its district, as a bulk change names it ("강동구 ○○사업장"); a name that starts with the
        district's is not prefixed again."""
        if not self.district_id or self.name.startswith(self.district.name):
            return self.name
        return f"{self.district.name} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("participation:worksite_detail", args=[self.code])


class Placement(TimeStampedModel):
    """One person working at one worksite for a period (참여)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("참여 중")
        COMPLETED = "completed", _("종료")
        DROPPED = "dropped", _("중도 포기")

    class DropoutReason(models.TextChoices):
        EMPLOYED = "employed", _("취업")
        PERSONAL = "personal", _("개인 사정")
        HEALTH = "health", _("건강")
        STUDY = "study", _("학업·훈련")
        DISMISSED = "dismissed", _("계약 해지")
        OTHER = "other", _("기타")

    person = models.ForeignKey(
        "people.Person", verbose_name=_("참여자"), on_delete=models.PROTECT, related_name="placements"
    )
    programme = models.ForeignKey(
        "plan.Programme", verbose_name=_("주요업무"), on_delete=models.PROTECT, related_name="placements"
    )
    worksite = models.ForeignKey(
        Worksite, verbose_name=_("사업장"), on_delete=models.PROTECT, related_name="placements"
    )
    application = models.OneToOneField(
        "intake.Application",
        verbose_name=_("신청"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placement",
    )
    target_group = models.CharField(_("사업대상"), max_length=16, choices=TargetGroup.choices)
    is_direct_job = models.BooleanField(_("직접일자리"), default=True)
    start_date = models.DateField(_("시작일"))
    end_date = models.DateField(_("종료 예정일"))
    weekly_hours = models.DecimalField(_("주 소정근로시간"), max_digits=4, decimal_places=1)
    hourly_wage = models.PositiveIntegerField(_("시급(원)"))
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    ended_on = models.DateField(_("실제 종료일"), null=True, blank=True)
    dropout_reason = models.CharField(_("중도 포기 사유"), max_length=10, choices=DropoutReason.choices, blank=True)
    dropout_note = models.CharField(_("사유 메모"), max_length=200, blank=True)
    over_capacity_reason = models.CharField(
        _("정원 초과 사유"),
        max_length=200,
        blank=True,
        help_text=_("사업장 정원을 넘어 배치할 때 그 사유(총괄·사업 담당 부서만 넘길 수 있습니다)"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("등록한 사람"),
    )
    personal_data_destroyed_at = models.DateTimeField(
        _("개인정보 파기 일시"),
        null=True,
        blank=True,
        help_text=_("보유기간이 지나 참여자 식별 정보를 파기한 때"),
    )

    class Meta:
        verbose_name = _("참여")
        verbose_name_plural = _("참여")
        ordering = ["-start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                name="placement_ends_after_start", condition=Q(end_date__gte=models.F("start_date"))
            ),
            models.CheckConstraint(
                name="placement_ended_after_start",
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("start_date")),
            ),
            models.CheckConstraint(
                name="placement_weekly_hours_range", condition=Q(weekly_hours__gt=0) & Q(weekly_hours__lte=40)
            ),
            models.CheckConstraint(
                name="placement_dropout_has_reason",
                condition=~Q(status="dropped") | (~Q(dropout_reason="") & Q(ended_on__isnull=False)),
            ),
        ]
        indexes = [
            models.Index(fields=["person", "start_date"]),
            models.Index(fields=["programme", "start_date"]),
            models.Index(fields=["worksite", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.worksite} {screen_date(self.start_date)}~"

    def get_absolute_url(self) -> str:
        return reverse("participation:placement_detail", args=[self.pk])

    @property
    def last_day(self):
        """The last day worked: the actual end when it ended early, else the planned end."""
        return self.ended_on or self.end_date


class WorkRecord(TimeStampedModel):
    """One month of one placement as the worksite records it (근무상황)."""

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="work_records", verbose_name=_("참여")
    )
    month = models.DateField(_("월"), help_text=_("그 달의 1일"))
    days_worked = models.PositiveSmallIntegerField(_("근무일수"))
    hours_worked = models.DecimalField(_("근무시간"), max_digits=6, decimal_places=2)
    paid_leave_hours = models.DecimalField(_("유급휴가 시간"), max_digits=5, decimal_places=2, default=0)
    full_weeks = models.PositiveSmallIntegerField(_("주휴 대상 주 수"), help_text=_("소정근로일을 개근한 주"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("입력한 사람")
    )

    class Meta:
        verbose_name = _("근무상황")
        verbose_name_plural = _("근무상황")
        ordering = ["placement", "month"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "month"], name="work_record_once_a_month"),
            models.CheckConstraint(name="work_record_month_first_day", condition=Q(month__day=1)),
            models.CheckConstraint(
                name="work_record_hours_non_negative", condition=Q(hours_worked__gte=0) & Q(paid_leave_hours__gte=0)
            ),
        ]
        indexes = [models.Index(fields=["month"])]

    def __str__(self) -> str:
        return f"{self.placement} {screen_month(self.month)}"


class Payment(models.Model):
    """The pay of one placement for one month, computed from its work record (급여). Never edited: computing the
    month again replaces it while the month is open."""

    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="payments", verbose_name=_("참여"))
    month = models.DateField(_("월"))
    hourly_wage = models.PositiveIntegerField(_("적용 시급"))
    work_pay = models.BigIntegerField(_("기본급"))
    weekly_rest_pay = models.BigIntegerField(_("주휴수당"))
    holiday_pay = models.BigIntegerField(_("공휴일 수당"))
    leave_pay = models.BigIntegerField(_("유급휴가 수당"))
    total = models.BigIntegerField(_("지급 총액"))
    paid_holidays = models.PositiveSmallIntegerField(_("유급 공휴일 수"))
    rule = models.CharField(_("계산 규칙"), max_length=40)
    computed_at = models.DateTimeField(_("계산 일시"))
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("계산한 사람")
    )

    class Meta:
        verbose_name = _("급여")
        verbose_name_plural = _("급여")
        ordering = ["month", "placement"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "month"], name="payment_once_a_month"),
            models.CheckConstraint(
                name="payment_total_is_sum",
                condition=Q(
                    total=models.F("work_pay")
                    + models.F("weekly_rest_pay")
                    + models.F("holiday_pay")
                    + models.F("leave_pay")
                ),
            ),
        ]
        indexes = [models.Index(fields=["month"])]

    def __str__(self) -> str:
        return f"{self.placement} {screen_month(self.month)} {self.total:,}원"


class PayConfirmation(TimeStampedModel):
    """A worksite's month of pay made final (급여 확정) on its approval (결재): the month is not computed again."""

    worksite = models.ForeignKey(Worksite, on_delete=models.PROTECT, related_name="pay_confirmations")
    month = models.DateField(_("월"))
    count = models.PositiveIntegerField(_("인원"))
    total = models.BigIntegerField(_("지급 총액"), validators=[MONEY.validator])
    confirmed_at = models.DateTimeField(_("확정 일시"))
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("확정 결재자"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("급여 확정")
        verbose_name_plural = _("급여 확정")
        ordering = ["-month", "worksite"]
        constraints = [
            models.UniqueConstraint(fields=["worksite", "month"], name="pay_confirmed_once_a_month"),
            models.CheckConstraint(name="pay_confirmation_total_not_negative", condition=Q(total__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.worksite} {self.month:%Y-%m} 급여 확정"


class EmploymentOutcome(TimeStampedModel):
    """Employment after (or instead of finishing) a placement: the figure behind the employment rate."""

    class Kind(models.TextChoices):
        REGULAR = "regular", _("정규직")
        FIXED_TERM = "fixed_term", _("계약직")
        SELF_EMPLOYED = "self_employed", _("창업")
        OTHER = "other", _("기타")

    placement = models.OneToOneField(
        Placement, on_delete=models.CASCADE, related_name="outcome", verbose_name=_("참여")
    )
    employed_on = models.DateField(_("취업일"))
    employer = models.CharField(_("취업처"), max_length=200)
    kind = models.CharField(_("고용 형태"), max_length=16, choices=Kind.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("기록한 사람")
    )

    class Meta:
        verbose_name = _("취업 성과")
        verbose_name_plural = _("취업 성과")

    def __str__(self) -> str:
        return f"{self.placement} → {self.employer}"


# --- technical training institutes (기술교육원) ------------------------------------------------------------


class TrainingInstitute(TimeStampedModel):
    """One of the city's technical training institutes (기술교육원), run by a trustee (수탁기관) under contract."""

    code = models.CharField(_("코드"), max_length=40, unique=True)
    name = models.CharField(_("교육원명"), max_length=100)
    programme = models.ForeignKey(
        "plan.Programme", verbose_name=_("주요업무"), on_delete=models.PROTECT, related_name="training_institutes"
    )
    partner = models.ForeignKey(
        "org.Partner",
        verbose_name=_("수탁기관"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_institutes",
    )
    district = models.ForeignKey(
        "org.District", verbose_name=_("자치구"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    address = models.CharField(_("소재지"), max_length=200, blank=True)
    is_active = models.BooleanField(_("운영 중"), default=True)

    class Meta:
        verbose_name = _("기술교육원")
        verbose_name_plural = _("기술교육원")
        ordering = ["code"]
        indexes = [models.Index(fields=["partner"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("participation:training_institute", args=[self.code])


MAX_TRAINING_DEPOSIT = 200_000  # 교육훈련비 예치환불제: 단기과정 20만원 이내


class TrainingCourse(TimeStampedModel):
    """A department's course of a year (학과·과정): its period, places, weekly hours, the deposit its trainees pay
    and get back on completion, and the call quota it recruits through."""

    class Track(models.TextChoices):
        CITY = "city", _("서울시 과정")
        NATIONAL = "national", _("국가 과정")

    class CourseType(models.TextChoices):
        REGULAR_DAY = "regular_day", _("정규 주간")
        REGULAR_NIGHT = "regular_night", _("정규 야간")
        SHORT = "short", _("단기")

    institute = models.ForeignKey(
        TrainingInstitute, verbose_name=_("기술교육원"), on_delete=models.PROTECT, related_name="courses"
    )
    code = models.CharField(_("코드"), max_length=40, unique=True)
    name = models.CharField(_("학과·과정명"), max_length=200)
    track = models.CharField(_("과정 구분"), max_length=10, choices=Track.choices)
    course_type = models.CharField(_("과정 유형"), max_length=16, choices=CourseType.choices)
    start_date = models.DateField(_("훈련 시작일"))
    end_date = models.DateField(_("훈련 종료일"))
    capacity = models.PositiveIntegerField(_("정원"))
    weekly_hours = models.PositiveSmallIntegerField(_("주 훈련시간"), default=35)
    deposit = models.PositiveIntegerField(_("예치금(원)"), default=0)
    completion_percent = models.PositiveSmallIntegerField(
        _("수료 기준 출석률(%)"), default=80, help_text=_("기록된 달의 소정 훈련일 가운데 출석해야 하는 비율")
    )
    quota = models.ForeignKey(
        "intake.Quota",
        verbose_name=_("선발 구분"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_courses",
        help_text=_("이 과정의 훈련생을 모집하는 모집공고의 선발 구분"),
    )

    class Meta:
        verbose_name = _("훈련 과정")
        verbose_name_plural = _("훈련 과정")
        ordering = ["institute", "start_date", "code"]
        constraints = [
            models.CheckConstraint(name="training_course_ends_after_start", condition=Q(end_date__gte=F("start_date"))),
            models.CheckConstraint(name="training_course_capacity_positive", condition=Q(capacity__gt=0)),
            models.CheckConstraint(
                name="training_course_deposit_range", condition=Q(deposit__gte=0) & Q(deposit__lte=MAX_TRAINING_DEPOSIT)
            ),
            models.CheckConstraint(
                name="training_course_completion_percent_range",
                condition=Q(completion_percent__gte=1) & Q(completion_percent__lte=100),
            ),
            models.UniqueConstraint(fields=["quota"], name="training_course_one_per_quota"),
        ]
        indexes = [models.Index(fields=["institute", "start_date"]), models.Index(fields=["start_date"])]

    def __str__(self) -> str:
        return f"{self.institute} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("participation:training_course", args=[self.code])


class Enrolment(TimeStampedModel):
    """One person training in one course (훈련생)."""

    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("훈련 중")
        COMPLETED = "completed", _("수료")
        DROPPED = "dropped", _("중도탈락")

    class DropoutReason(models.TextChoices):
        EMPLOYED = "employed", _("조기취업")
        PERSONAL = "personal", _("개인 사정")
        HEALTH = "health", _("건강")
        ABSENCE = "absence", _("출석 미달")
        OTHER = "other", _("기타")

    person = models.ForeignKey(
        "people.Person", verbose_name=_("훈련생"), on_delete=models.PROTECT, related_name="enrolments"
    )
    course = models.ForeignKey(
        TrainingCourse, verbose_name=_("훈련 과정"), on_delete=models.PROTECT, related_name="enrolments"
    )
    application = models.OneToOneField(
        "intake.Application",
        verbose_name=_("신청"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enrolment",
    )
    enrolled_on = models.DateField(_("입교일"))
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.ENROLLED)
    ended_on = models.DateField(_("수료·탈락일"), null=True, blank=True)
    dropout_reason = models.CharField(_("중도탈락 사유"), max_length=10, choices=DropoutReason.choices, blank=True)
    note = models.CharField(_("메모"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("등록한 사람"),
    )
    personal_data_destroyed_at = models.DateTimeField(
        _("개인정보 파기 일시"),
        null=True,
        blank=True,
        help_text=_("보유기간이 지나 훈련생 식별 정보를 파기한 때"),
    )

    class Meta:
        verbose_name = _("훈련생")
        verbose_name_plural = _("훈련생")
        ordering = ["course", "person__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "person"], name="enrolment_once_per_course"),
            models.CheckConstraint(
                name="enrolment_ended_after_start",
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("enrolled_on")),
            ),
            models.CheckConstraint(
                name="enrolment_ended_has_date", condition=Q(status="enrolled") | Q(ended_on__isnull=False)
            ),
            models.CheckConstraint(
                name="enrolment_dropout_has_reason", condition=~Q(status="dropped") | ~Q(dropout_reason="")
            ),
        ]
        indexes = [models.Index(fields=["person", "enrolled_on"]), models.Index(fields=["course", "status"])]

    def __str__(self) -> str:
        return f"{self.course} {screen_date(self.enrolled_on)}~"

    def get_absolute_url(self) -> str:
        return reverse("participation:training_enrolment", args=[self.pk])

    @property
    def last_day(self):
        """The last day of training: the day it ended, else the course's last day."""
        return self.ended_on or self.course.end_date


class AttendanceMonth(TimeStampedModel):
    """One month of one trainee's attendance (출석): the training days the calendar scheduled (weekdays that are
    not public holidays, inside the course and the enrolment) and the days attended."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("훈련생")
    )
    month = models.DateField(_("월"), help_text=_("그 달의 1일"))
    scheduled_days = models.PositiveSmallIntegerField(_("소정 훈련일수"))
    attended_days = models.PositiveSmallIntegerField(_("출석일수"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("입력한 사람")
    )

    class Meta:
        verbose_name = _("출석")
        verbose_name_plural = _("출석")
        ordering = ["enrolment", "month"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "month"], name="attendance_once_a_month"),
            models.CheckConstraint(name="attendance_month_first_day", condition=Q(month__day=1)),
            models.CheckConstraint(
                name="attendance_within_scheduled", condition=Q(attended_days__lte=F("scheduled_days"))
            ),
        ]
        indexes = [models.Index(fields=["month"])]

    def __str__(self) -> str:
        return f"{self.enrolment} {screen_month(self.month)} {self.attended_days}/{self.scheduled_days}"


class TrainingDeposit(TimeStampedModel):
    """The part of a course's fee a trainee deposits (교육훈련비 예치환불제): held while training, refunded on
    completion (or on leaving for a job), forfeited to the city on any other dropout."""

    class Status(models.TextChoices):
        DUE = "due", _("미납")
        HELD = "held", _("예치")
        REFUNDED = "refunded", _("환급")
        FORFEITED = "forfeited", _("귀속")
        CANCELLED = "cancelled", _("취소")

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="deposit", verbose_name=_("훈련생")
    )
    amount = models.PositiveIntegerField(_("예치금(원)"))
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.DUE)
    paid_on = models.DateField(_("납부일"), null=True, blank=True)
    settled_on = models.DateField(_("정산일"), null=True, blank=True)
    settled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("정산한 사람"),
    )

    class Meta:
        verbose_name = _("교육훈련비 예치금")
        verbose_name_plural = _("교육훈련비 예치금")
        ordering = ["enrolment"]
        constraints = [
            models.CheckConstraint(
                name="deposit_amount_range", condition=Q(amount__gt=0) & Q(amount__lte=MAX_TRAINING_DEPOSIT)
            ),
            models.CheckConstraint(
                name="deposit_paid_has_date",
                condition=Q(status__in=["due", "cancelled"]) | Q(paid_on__isnull=False),
            ),
            models.CheckConstraint(
                name="deposit_settled_has_date",
                condition=Q(status__in=["due", "held"]) | Q(settled_on__isnull=False),
            ),
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.enrolment} {self.amount:,}원 {self.get_status_display()}"
