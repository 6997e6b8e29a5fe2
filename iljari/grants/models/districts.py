"""District projects (시-구 상향적·협력적 일자리 창출사업) and the districts' social-economy ecosystem funding
(자치구 사회적경제 생태계 조성·사회적경제특구).

A district project belongs to one of the 25 districts (`org.District`) and to the city programme that funds it
(`plan.Programme`, P1-05 in the 2018 office); its jobs are planned by target group (performance's `TargetGroup`),
its budget is shared by the city and the district at the project's matching ratio (50:50 unless the programme
adjusts it, with the reason). The district enters a month's monitoring (sales, users, satisfaction, jobs filled by
target group); the programme's division records the mid-term review and the evaluation committee's decision.

Ecosystem support is funded in stages: stage 1 (preparation, at most 6 months and ₩50m), then stage 2 (the main
project, at most 3 yearly tranches and ₩500m in all) only after stage 1's evaluation passed; each stage-2 year
after the first is at most the previous year's amount times the factor of the previous year's evaluation grade.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.formats import screen_month
from iljari.core.models import TimeStampedModel
from iljari.performance.models import TargetGroup

__all__ = [
    "DistrictProject",
    "DistrictProjectJobs",
    "DistrictMonitoring",
    "DistrictMonitoringJobs",
    "DistrictReview",
    "DistrictDecision",
    "EcosystemSupport",
    "EcosystemTranche",
]


class DistrictProject(TimeStampedModel):
    """One 시-구 협력 project of a year. `city_share + district_share = budget_total`, and the city's share is the
    project's matching ratio of the total (checked by grants.district_services)."""

    class Status(models.TextChoices):
        RUNNING = "running", _("추진 중")
        CONTINUED = "continued", _("계속 지원")
        ADJUSTED = "adjusted", _("계획 조정")
        STOPPED = "stopped", _("지원 중단")

    code = models.CharField(_("사업코드"), max_length=32, unique=True)
    year = models.PositiveSmallIntegerField(_("연도"))
    district = models.ForeignKey(
        "org.District", verbose_name=_("자치구"), on_delete=models.PROTECT, related_name="district_projects"
    )
    programme = models.ForeignKey(
        "plan.Programme", verbose_name=_("주요업무"), on_delete=models.PROTECT, related_name="district_projects"
    )
    title = models.CharField(_("사업명"), max_length=200)
    operator = models.CharField(_("수행기관"), max_length=120, blank=True)
    is_new = models.BooleanField(_("신규사업"), default=False, help_text=_("아니면 전년도부터의 계속사업"))
    starts_on = models.DateField(_("사업 시작일"))
    ends_on = models.DateField(_("사업 종료일"))
    budget_total = models.BigIntegerField(_("총사업비(원)"))
    city_share = models.BigIntegerField(_("시비(원)"))
    district_share = models.BigIntegerField(_("구비(원)"))
    city_ratio = models.PositiveSmallIntegerField(_("시비 비율(%)"), default=50)
    ratio_reason = models.CharField(
        _("매칭비율 조정 사유"), max_length=200, blank=True, help_text=_("시·구비 50:50이 아닐 때 적습니다.")
    )
    status = models.CharField(_("상태"), max_length=16, choices=Status.choices, default=Status.RUNNING)

    class Meta:
        verbose_name = _("시-구 협력 일자리사업")
        verbose_name_plural = _("시-구 협력 일자리사업")
        ordering = ["-year", "district__sort_order", "code"]
        constraints = [
            models.CheckConstraint(
                name="grants_district_project_shares_add_up",
                condition=Q(budget_total=F("city_share") + F("district_share")),
            ),
            models.CheckConstraint(
                name="grants_district_project_shares_non_negative",
                condition=Q(city_share__gte=0, district_share__gte=0, budget_total__gt=0),
            ),
            models.CheckConstraint(
                name="grants_district_project_ratio_range", condition=Q(city_ratio__gte=0, city_ratio__lte=100)
            ),
            models.CheckConstraint(
                name="grants_district_project_period_in_order", condition=Q(ends_on__gte=F("starts_on"))
            ),
        ]
        indexes = [models.Index(fields=["year", "district"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.district.name} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("grants:district_project_detail", args=[self.code])

    @property
    def ratio_text(self) -> str:
        return f"{self.city_ratio}:{100 - self.city_ratio}"


class DistrictProjectJobs(TimeStampedModel):
    """The jobs a project plans for one target group."""

    project = models.ForeignKey(
        DistrictProject, on_delete=models.CASCADE, related_name="job_plans", verbose_name=_("사업")
    )
    target_group = models.CharField(_("사업대상"), max_length=16, choices=TargetGroup.choices)
    planned = models.PositiveIntegerField(_("계획 일자리(개)"))

    class Meta:
        verbose_name = _("사업대상별 계획 일자리")
        verbose_name_plural = _("사업대상별 계획 일자리")
        ordering = ["project", "target_group"]
        constraints = [
            models.UniqueConstraint(fields=["project", "target_group"], name="grants_district_jobs_unique_group")
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.get_target_group_display()} {self.planned}"


class DistrictMonitoring(TimeStampedModel):
    """A month's monitoring figures a district enters for its project (정례모니터링): sales in 원, users,
    beneficiaries' satisfaction (0–100), and the jobs filled by target group (DistrictMonitoringJobs; a running
    count of the project's jobs filled as of the month)."""

    project = models.ForeignKey(
        DistrictProject, on_delete=models.CASCADE, related_name="monitoring", verbose_name=_("사업")
    )
    month = models.DateField(_("월"), help_text=_("그 달의 1일"))
    sales = models.BigIntegerField(_("매출(원)"), default=0)
    users = models.PositiveIntegerField(_("이용자 수(명)"), default=0)
    satisfaction = models.DecimalField(_("수혜자 만족도(점)"), max_digits=4, decimal_places=1, null=True, blank=True)
    note = models.CharField(_("비고"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("입력자"), null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("월별 모니터링")
        verbose_name_plural = _("월별 모니터링")
        ordering = ["project", "month"]
        constraints = [
            models.UniqueConstraint(fields=["project", "month"], name="grants_monitoring_one_per_month"),
            models.CheckConstraint(name="grants_monitoring_first_of_month", condition=Q(month__day=1)),
            models.CheckConstraint(name="grants_monitoring_sales_non_negative", condition=Q(sales__gte=0)),
            models.CheckConstraint(
                name="grants_monitoring_satisfaction_range",
                condition=Q(satisfaction__isnull=True) | Q(satisfaction__gte=0, satisfaction__lte=100),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} {screen_month(self.month)}"


class DistrictMonitoringJobs(TimeStampedModel):
    monitoring = models.ForeignKey(
        DistrictMonitoring, on_delete=models.CASCADE, related_name="jobs", verbose_name=_("월별 모니터링")
    )
    target_group = models.CharField(_("사업대상"), max_length=16, choices=TargetGroup.choices)
    filled = models.PositiveIntegerField(_("채용 일자리(개)"))

    class Meta:
        verbose_name = _("사업대상별 채용 일자리")
        verbose_name_plural = _("사업대상별 채용 일자리")
        ordering = ["monitoring", "target_group"]
        constraints = [
            models.UniqueConstraint(fields=["monitoring", "target_group"], name="grants_monitoring_jobs_unique_group")
        ]

    def __str__(self) -> str:
        return f"{self.monitoring} {self.get_target_group_display()} {self.filled}"


class DistrictReview(TimeStampedModel):
    """The mid-term review (중간평가·현장점검) of a project: findings and a score out of 100."""

    project = models.ForeignKey(
        DistrictProject, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("사업")
    )
    reviewed_on = models.DateField(_("평가일"))
    reviewer = models.CharField(_("평가자"), max_length=120, blank=True)
    score = models.DecimalField(_("점수"), max_digits=4, decimal_places=1)
    findings = models.TextField(_("평가 의견"))

    class Meta:
        verbose_name = _("중간평가")
        verbose_name_plural = _("중간평가")
        ordering = ["project", "reviewed_on", "pk"]
        constraints = [
            models.CheckConstraint(name="grants_review_score_range", condition=Q(score__gte=0, score__lte=100))
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.reviewed_on} {self.score}"


class DistrictDecision(TimeStampedModel):
    """The evaluation committee's decision on a project (사업 총괄 평가위원회): continue, adjust or stop."""

    class Decision(models.TextChoices):
        CONTINUE = "continue", _("계속")
        ADJUST = "adjust", _("조정")
        STOP = "stop", _("중단")

    project = models.ForeignKey(
        DistrictProject, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("사업")
    )
    decided_on = models.DateField(_("결정일"))
    decision = models.CharField(_("결정"), max_length=16, choices=Decision.choices)
    note = models.TextField(_("결정 내용"), blank=True)

    class Meta:
        verbose_name = _("평가위원회 결정")
        verbose_name_plural = _("평가위원회 결정")
        ordering = ["project", "decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.project} {self.decided_on} {self.get_decision_display()}"


class EcosystemSupport(TimeStampedModel):
    """A district's staged social-economy ecosystem funding (사회적경제특구 or 통합지원)."""

    class Kind(models.TextChoices):
        SPECIAL_ZONE = "special_zone", _("사회적경제특구")
        INTEGRATED = "integrated", _("사회적경제 통합지원")

    class Status(models.TextChoices):
        PREPARATION = "preparation", _("사업 준비(1단계)")
        MAIN = "main", _("본사업(2단계)")
        ENDED = "ended", _("종료")

    code = models.CharField(_("코드"), max_length=32, unique=True)
    district = models.ForeignKey(
        "org.District", verbose_name=_("자치구"), on_delete=models.PROTECT, related_name="ecosystem_supports"
    )
    programme = models.ForeignKey(
        "plan.Programme", verbose_name=_("주요업무"), on_delete=models.PROTECT, related_name="ecosystem_supports"
    )
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices, default=Kind.SPECIAL_ZONE)
    title = models.CharField(_("사업명"), max_length=200)
    status = models.CharField(_("단계"), max_length=16, choices=Status.choices, default=Status.PREPARATION)

    class Meta:
        verbose_name = _("자치구 사회적경제 생태계 지원")
        verbose_name_plural = _("자치구 사회적경제 생태계 지원")
        ordering = ["district__sort_order", "code"]

    def __str__(self) -> str:
        return f"{self.district.name} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("grants:ecosystem_detail", args=[self.code])


class EcosystemTranche(TimeStampedModel):
    """One funded period of a support: stage 1 (year_number 0, preparation) or a stage-2 year (1–3), with the
    evaluation of that period (score 0–100 → grade: 90 A, 80 B, 70 C, below D; a stage passes with C or
    better)."""

    class Stage(models.IntegerChoices):
        PREPARATION = 1, _("1단계 사업 준비")
        MAIN = 2, _("2단계 본사업")

    class Grade(models.TextChoices):
        A = "A", _("A(우수)")
        B = "B", _("B(보통)")
        C = "C", _("C(미흡)")
        D = "D", _("D(부진)")

    support = models.ForeignKey(
        EcosystemSupport, on_delete=models.CASCADE, related_name="tranches", verbose_name=_("단계별 지원 사업")
    )
    stage = models.PositiveSmallIntegerField(_("단계"), choices=Stage.choices)
    year_number = models.PositiveSmallIntegerField(_("본사업 연차"), default=0)
    amount = models.BigIntegerField(_("지원액(원)"))
    starts_on = models.DateField(_("시작일"))
    ends_on = models.DateField(_("종료일"))
    evaluated_on = models.DateField(_("평가일"), null=True, blank=True)
    score = models.DecimalField(_("평가 점수"), max_digits=4, decimal_places=1, null=True, blank=True)
    grade = models.CharField(_("평가 등급"), max_length=1, choices=Grade.choices, blank=True)

    class Meta:
        verbose_name = _("단계별 지원")
        verbose_name_plural = _("단계별 지원")
        ordering = ["support", "stage", "year_number"]
        constraints = [
            models.UniqueConstraint(fields=["support", "stage", "year_number"], name="grants_tranche_unique"),
            models.CheckConstraint(name="grants_tranche_amount_positive", condition=Q(amount__gt=0)),
            models.CheckConstraint(name="grants_tranche_period_in_order", condition=Q(ends_on__gte=F("starts_on"))),
            models.CheckConstraint(
                name="grants_tranche_score_range",
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.support} {self.get_stage_display()} {self.year_number}"

    @property
    def passed(self) -> bool | None:
        return None if not self.grade else self.grade != self.Grade.D
