"""Grant programmes (보조금 사업) and their agreements (협약): matching, tranches (교부), spending reports, settlement
(정산), evaluation, and the per-employee-month subsidies (인건비·사회보험료) computed from submitted payrolls.

Money is integer 원. The budget execution these move is finance's (BudgetMovement, through finance's service)."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.figures import COUNT, MONEY, OFFICE_DATE, YEAR
from iljari.core.formats import screen_month
from iljari.core.models import TimeStampedModel
from iljari.performance.models import JobKind, TargetGroup

__all__ = [
    "GrantProgramme",
    "GrantAgreement",
    "Disbursement",
    "SpendingReport",
    "SpendingItem",
    "Settlement",
    "Evaluation",
    "Payroll",
    "PayrollLine",
]


class GrantProgramme(TimeStampedModel):
    """A grant programme of a year: the 주요업무 it belongs to, the budget line it spends from, its matching rule,
    the range of one grant, how its jobs count, and (for subsidies) how a payroll's subsidy is computed."""

    class Kind(models.TextChoices):
        PROJECT = "project", _("사업비 보조")
        EMPLOYMENT = "employment", _("인건비·사회보험료 지원")

    class MatchedSource(models.TextChoices):
        NONE = "none", _("매칭 없음")
        DISTRICT = "district", _("구비")
        OWN_FUNDS = "own_funds", _("자부담")

    class JobCount(models.TextChoices):
        NONE = "none", _("일자리로 세지 않음")
        REPORTED = "reported", _("수행기관이 보고한 채용 인원")
        EMPLOYEES = "employees", _("지원받은 근로자 수")

    code = models.CharField(_("코드"), max_length=40, unique=True)
    year = models.PositiveSmallIntegerField(_("연도"))
    name = models.CharField(_("보조금 사업명"), max_length=200)
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices, default=Kind.PROJECT)
    programme = models.ForeignKey(
        "plan.Programme", verbose_name=_("주요업무"), on_delete=models.PROTECT, related_name="grant_programmes"
    )
    budget_line = models.ForeignKey(
        "finance.BudgetLine", verbose_name=_("예산 사업"), on_delete=models.PROTECT, related_name="grant_programmes"
    )
    budget = models.BigIntegerField(_("사업 예산(원)"), null=True, blank=True)
    matched_source = models.CharField(
        _("매칭 재원"), max_length=16, choices=MatchedSource.choices, default=MatchedSource.NONE
    )
    matched_ratio = models.DecimalField(
        _("매칭 비율(총사업비 중 %)"), max_digits=5, decimal_places=2, default=Decimal("0"),
        help_text=_("시:구 50:50이면 50, 자부담 10%이면 10"),
    )  # fmt: skip
    matched_exact = models.BooleanField(
        _("비율 그대로"), default=True, help_text=_("해제하면 매칭 비율 이상이면 됩니다(자부담 10% 이상 등)")
    )
    min_amount = models.BigIntegerField(_("한 건 최소 시비(원)"), null=True, blank=True)
    max_amount = models.BigIntegerField(_("한 건 최대 시비(원)"), null=True, blank=True)
    job_count = models.CharField(_("일자리 집계"), max_length=16, choices=JobCount.choices, default=JobCount.NONE)
    target_group = models.CharField(_("사업대상"), max_length=16, choices=TargetGroup.choices, blank=True)
    job_kind = models.CharField(_("일자리 구분"), max_length=8, choices=JobKind.choices, default=JobKind.INDIRECT)
    call = models.ForeignKey(
        "intake.Call", verbose_name=_("공모"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # per-employee-month subsidies (Kind.EMPLOYMENT)
    wage_share = models.DecimalField(_("인건비 지원 비율(%)"), max_digits=5, decimal_places=2, default=Decimal("0"))
    wage_cap = models.BigIntegerField(_("1인 월 인건비 지원 한도(원)"), default=0)
    insurance_share = models.DecimalField(
        _("사업주 사회보험료 지원 비율(%)"), max_digits=5, decimal_places=2, default=Decimal("0")
    )
    note = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("보조금 사업")
        verbose_name_plural = _("보조금 사업")
        ordering = ["-year", "code"]
        constraints = [
            models.CheckConstraint(
                name="grant_programme_ratios_in_range",
                condition=Q(matched_ratio__gte=0, matched_ratio__lt=100)
                & Q(wage_share__gte=0, wage_share__lte=100)
                & Q(insurance_share__gte=0, insurance_share__lte=100),
            ),
            models.CheckConstraint(
                name="grant_programme_range_ordered",
                condition=Q(min_amount__isnull=True)
                | Q(max_amount__isnull=True)
                | Q(min_amount__lte=models.F("max_amount")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("grants:programme_detail", args=[self.code])

    @property
    def matching_text(self) -> str:
        if self.matched_source == self.MatchedSource.NONE:
            return "매칭 없음"
        matched = f"{Decimal(self.matched_ratio).normalize():f}"
        city = f"{(100 - Decimal(self.matched_ratio)).normalize():f}"
        label = self.get_matched_source_display()
        if self.matched_exact:
            return f"시비 {city} : {label} {matched}"
        return f"{label} {matched}% 이상"


class GrantAgreement(TimeStampedModel):
    """A grant agreement (협약) with one organisation: the city's share (what the city grants) and the matched
    share (district or own funds), the period, the budget line; signed (the city share is committed), disbursed
    in tranches, reported on, settled, evaluated."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("협약 준비")
        SIGNED = "signed", _("협약 체결")
        SETTLED = "settled", _("정산 완료")
        CLOSED = "closed", _("평가 완료")

    code = models.CharField(_("협약번호"), max_length=40, unique=True)
    programme = models.ForeignKey(
        GrantProgramme, verbose_name=_("보조금 사업"), on_delete=models.PROTECT, related_name="agreements"
    )
    grantee = models.ForeignKey(
        "enterprises.Organisation",
        verbose_name=_("수행기관"),
        on_delete=models.PROTECT,
        related_name="grant_agreements",
    )
    application = models.ForeignKey(
        "intake.Application", verbose_name=_("선정된 신청"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    title = models.CharField(_("사업명"), max_length=200)
    year = models.PositiveSmallIntegerField(_("연도"), validators=[YEAR.validator])
    starts_on = models.DateField(_("사업 시작일"), validators=[OFFICE_DATE.validator])
    ends_on = models.DateField(_("사업 종료일"), validators=[OFFICE_DATE.validator])
    city_amount = models.BigIntegerField(_("시비(원)"), validators=[MONEY.validator])
    matched_amount = models.BigIntegerField(_("매칭(원)"), default=0, validators=[MONEY.validator])
    budget_line = models.ForeignKey(
        "finance.BudgetLine", verbose_name=_("예산 사업"), on_delete=models.PROTECT, related_name="grant_agreements"
    )
    district = models.ForeignKey(
        "org.District", verbose_name=_("자치구"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    partner = models.ForeignKey(
        "org.Partner", verbose_name=_("관리 위탁기관"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    jobs_planned = models.PositiveIntegerField(_("계획 일자리(명)"), default=0, validators=[COUNT.validator])
    status = models.CharField(_("상태"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    signed_on = models.DateField(_("협약일"), null=True, blank=True)
    previous = models.OneToOneField(
        "self", verbose_name=_("이전 협약"), null=True, blank=True, on_delete=models.PROTECT, related_name="extension"
    )

    class Meta:
        verbose_name = _("보조금 협약")
        verbose_name_plural = _("보조금 협약")
        ordering = ["-year", "code"]
        constraints = [
            models.CheckConstraint(
                name="grant_agreement_amounts", condition=Q(city_amount__gt=0) & Q(matched_amount__gte=0)
            ),
            models.CheckConstraint(name="grant_agreement_period", condition=Q(ends_on__gte=models.F("starts_on"))),
            models.CheckConstraint(
                name="grant_agreement_figures_within_bounds",
                condition=MONEY.check("city_amount")
                & MONEY.check("matched_amount")
                & COUNT.check("jobs_planned")
                & OFFICE_DATE.check("starts_on")
                & OFFICE_DATE.check("ends_on")
                & YEAR.check("year"),
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(application__isnull=False),
                name="grant_agreement_one_per_application",
            ),
        ]
        indexes = [models.Index(fields=["programme", "status"]), models.Index(fields=["grantee", "year"])]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("grants:agreement_detail", args=[self.code])

    @property
    def total_amount(self) -> int:
        return self.city_amount + self.matched_amount


class Disbursement(TimeStampedModel):
    """One tranche (교부) of an agreement's city share: paid on a day; it moves the budget line's 지출액."""

    agreement = models.ForeignKey(
        GrantAgreement, on_delete=models.PROTECT, related_name="disbursements", verbose_name=_("협약")
    )
    number = models.PositiveSmallIntegerField(_("차수"))
    paid_on = models.DateField(_("교부일"))
    amount = models.BigIntegerField(_("교부액(원)"))
    payroll = models.OneToOneField(
        "Payroll",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disbursement",
        verbose_name=_("인건비 지원 신청"),
    )
    note = models.CharField(_("내용"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("교부")
        verbose_name_plural = _("교부")
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="disbursement_unique_number"),
            models.CheckConstraint(name="disbursement_positive", condition=Q(amount__gt=0)),
        ]

    def __str__(self) -> str:
        return f"{self.agreement.code} {self.number}차"


class SpendingReport(TimeStampedModel):
    """The grantee's report of what it spent up to a day, by category, and the people it employs on the grant."""

    agreement = models.ForeignKey(
        GrantAgreement, on_delete=models.PROTECT, related_name="spending_reports", verbose_name=_("협약")
    )
    period_end = models.DateField(_("집행 기준일"))
    jobs_created = models.PositiveIntegerField(_("채용 인원(명)"), default=0)
    note = models.TextField(_("내용"), blank=True)
    submitted_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("제출한 사람")
    )

    class Meta:
        verbose_name = _("집행 보고")
        verbose_name_plural = _("집행 보고")
        ordering = ["agreement", "period_end", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "period_end"], name="spending_report_unique_period")
        ]

    def __str__(self) -> str:
        return f"{self.agreement.code} {self.period_end}"


class SpendingItem(models.Model):
    class Category(models.TextChoices):
        PERSONNEL = "personnel", _("인건비")
        OPERATIONS = "operations", _("운영비")
        PROJECT = "project", _("사업비")
        ASSETS = "assets", _("자산취득비")
        OTHER = "other", _("기타")

    report = models.ForeignKey(
        SpendingReport, on_delete=models.CASCADE, related_name="items", verbose_name=_("집행 보고")
    )
    category = models.CharField(_("비목"), max_length=16, choices=Category.choices)
    amount = models.BigIntegerField(_("집행액(원)"))

    class Meta:
        verbose_name = _("집행 보고 비목")
        verbose_name_plural = _("집행 보고 비목")
        ordering = ["report", "category"]
        constraints = [
            models.UniqueConstraint(fields=["report", "category"], name="spending_item_unique_category"),
            models.CheckConstraint(name="spending_item_non_negative", condition=Q(amount__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.report} {self.get_category_display()}"


class Settlement(TimeStampedModel):
    """The settlement (정산) at the end: every won disbursed is either spent or returned."""

    agreement = models.OneToOneField(
        GrantAgreement, on_delete=models.PROTECT, related_name="settlement", verbose_name=_("협약")
    )
    settled_on = models.DateField(_("정산일"))
    disbursed = models.BigIntegerField(_("교부액(원)"))
    spent = models.BigIntegerField(_("집행액(원)"))
    returned = models.BigIntegerField(_("반납액(원)"))
    note = models.TextField(_("내용"), blank=True)

    class Meta:
        verbose_name = _("정산")
        verbose_name_plural = _("정산")
        constraints = [
            models.CheckConstraint(
                name="settlement_adds_up",
                condition=Q(disbursed=models.F("spent") + models.F("returned")) & Q(spent__gte=0) & Q(returned__gte=0),
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement.code} 정산"


class Evaluation(TimeStampedModel):
    """The evaluation scores (each 0–100) and the decision: extend (same amount next year), cut (a smaller amount
    next year) or stop."""

    class Decision(models.TextChoices):
        EXTEND = "extend", _("연장")
        CUT = "cut", _("감액 연장")
        STOP = "stop", _("중단")

    agreement = models.OneToOneField(
        GrantAgreement, on_delete=models.PROTECT, related_name="evaluation", verbose_name=_("협약")
    )
    evaluated_on = models.DateField(_("평가일"))
    score_plan = models.PositiveSmallIntegerField(_("사업계획 달성(점)"))
    score_jobs = models.PositiveSmallIntegerField(_("일자리 성과(점)"))
    score_finance = models.PositiveSmallIntegerField(_("예산 집행 적정성(점)"))
    decision = models.CharField(_("결정"), max_length=8, choices=Decision.choices)
    next_amount = models.BigIntegerField(_("다음 해 시비(원)"), null=True, blank=True)
    note = models.TextField(_("의견"), blank=True)

    class Meta:
        verbose_name = _("평가")
        verbose_name_plural = _("평가")
        constraints = [
            models.CheckConstraint(
                name="evaluation_scores_in_scale",
                condition=Q(score_plan__lte=100) & Q(score_jobs__lte=100) & Q(score_finance__lte=100),
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement.code} 평가"

    @property
    def score(self) -> Decimal:
        return (Decimal(self.score_plan + self.score_jobs + self.score_finance) / 3).quantize(Decimal("0.1"))


class Payroll(TimeStampedModel):
    """A payroll an enterprise submits for a subsidy agreement: employees × months, with the subsidy computed by
    the programme's rule; approved by staff, its subsidy is paid as a tranche."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("제출")
        APPROVED = "approved", _("승인·교부")

    agreement = models.ForeignKey(
        GrantAgreement, on_delete=models.PROTECT, related_name="payrolls", verbose_name=_("협약")
    )
    title = models.CharField(_("제목"), max_length=120)
    status = models.CharField(_("상태"), max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    wage_subsidy = models.BigIntegerField(_("인건비 지원액(원)"), default=0)
    insurance_subsidy = models.BigIntegerField(_("사회보험료 지원액(원)"), default=0)
    employees = models.PositiveIntegerField(_("근로자 수"), default=0)
    employee_months = models.PositiveIntegerField(_("연인원(인·월)"), default=0)
    submitted_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("제출한 사람")
    )

    class Meta:
        verbose_name = _("인건비 지원 신청")
        verbose_name_plural = _("인건비 지원 신청")
        ordering = ["agreement", "pk"]

    def __str__(self) -> str:
        return f"{self.agreement.code} {self.title}"

    @property
    def subsidy(self) -> int:
        return self.wage_subsidy + self.insurance_subsidy


class PayrollLine(models.Model):
    """One employee's month: the wage paid and the employer's social insurance share, and the subsidy of each."""

    payroll = models.ForeignKey(
        Payroll, on_delete=models.CASCADE, related_name="lines", verbose_name=_("인건비 지원 신청")
    )
    employee_number = models.CharField(_("사번"), max_length=30)
    employee_name = models.CharField(_("성명"), max_length=60)
    month = models.DateField(_("지급월"), help_text=_("그 달 1일"))
    wage = models.BigIntegerField(_("지급 임금(원)"))
    insurance = models.BigIntegerField(_("사업주 사회보험료(원)"))
    wage_subsidy = models.BigIntegerField(_("인건비 지원액(원)"))
    insurance_subsidy = models.BigIntegerField(_("사회보험료 지원액(원)"))

    class Meta:
        verbose_name = _("인건비 지원 내역")
        verbose_name_plural = _("인건비 지원 내역")
        ordering = ["payroll", "employee_number", "month"]
        constraints = [
            models.UniqueConstraint(fields=["payroll", "employee_number", "month"], name="payroll_line_unique_month"),
            models.CheckConstraint(name="payroll_line_non_negative", condition=Q(wage__gte=0) & Q(insurance__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.payroll} {self.employee_number} {screen_month(self.month)}"
