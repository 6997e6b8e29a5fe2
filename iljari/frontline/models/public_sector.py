"""The public sector desk's records: conversions to regular staff, fixed-term pre-screening, annual working hours
and labour checks of public institutions."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from iljari.core.formats import screen_date
from iljari.core.models import TimeStampedModel


class Conversion(TimeStampedModel):
    """A conversion of non-regular staff to regular at a public institution (or the city hall: no institution):
    planned and done headcounts of a group, with the date done, and the day the parties agreed to it (노사합의) when
    the agreement is recorded before the conversion is done. A conversion whose kind of non-regular staff is not
    known (the report prints only "비정규직") is of kind `non_regular`."""

    class Kind(models.TextChoices):
        INDEFINITE = "indefinite", _("무기계약직 → 정규직")
        FIXED_TERM = "fixed_term", _("기간제 → 정규직(공무직)")
        OUTSOURCED = "outsourced", _("파견·용역 → 정규직")
        NON_REGULAR = "non_regular", _("비정규직 → 정규직(고용형태 미기재)")

    kind = models.CharField(_("구분"), max_length=12, choices=Kind.choices)
    institution = models.ForeignKey(
        "org.Partner", verbose_name=_("기관"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    institution_label = models.CharField(_("기관(표기)"), max_length=100, blank=True)
    group = models.CharField(_("대상"), max_length=100)
    planned = models.PositiveIntegerField(_("전환 계획"))
    done = models.PositiveIntegerField(_("전환 완료"), default=0)
    done_on = models.DateField(_("전환일"), null=True, blank=True)
    agreed_on = models.DateField(_("노사합의일"), null=True, blank=True)

    class Meta:
        verbose_name = _("정규직 전환")
        verbose_name_plural = _("정규직 전환")
        ordering = ["-done_on", "id"]
        constraints = [
            models.CheckConstraint(name="conversion_done_within_plan", condition=Q(done__lte=F("planned"))),
            models.CheckConstraint(name="conversion_done_has_date", condition=Q(done=0) | Q(done_on__isnull=False)),
            models.CheckConstraint(
                name="conversion_agreed_before_done",
                condition=Q(agreed_on__isnull=True) | Q(done_on__isnull=True) | Q(agreed_on__lte=F("done_on")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.institution_label or self.institution} {self.group}"


class FixedTermScreening(TimeStampedModel):
    """A request to hire fixed-term staff, pre-screened by the committee (reason, headcount, period, budget). The
    request keeps the outcome (decision, headcount allowed, day); the committee's meeting and its decision with the
    committee's opinion are committees records linked to it ("frontline.prescreening", frontline/committee.py)."""

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

    class Meta:
        verbose_name = _("기간제 채용 사전심사")
        verbose_name_plural = _("기간제 채용 사전심사")
        ordering = ["-requested_on", "-id"]
        constraints = [
            models.CheckConstraint(name="screening_headcount_positive", condition=Q(headcount__gte=1)),
            models.CheckConstraint(name="screening_budget_not_negative", condition=Q(budget__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{screen_date(self.requested_on)} 기간제 {self.headcount}명"


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
        return f"{self.institution} {self.get_kind_display()} {screen_date(self.checked_on)}"
