"""Indicators, job targets and achievements, the figures a source printed, and validation rules."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.figures import COUNT, MONEY, OFFICE_DATE, QUANTITY, YEAR, SafeDecimalField, SafePositiveIntegerField
from iljari.core.formats import ratio
from iljari.core.models import RetirableModel, TimeStampedModel


class Indicator(RetirableModel):
    """A policy indicator (정책지표). A formula indicator is computed: numerator / denominator × factor."""

    code = models.CharField(_("코드"), max_length=32, unique=True)
    name = models.CharField(_("지표명"), max_length=200)
    unit = models.CharField(_("단위"), max_length=20)
    objective = models.ForeignKey(
        "plan.Objective",
        verbose_name=_("분야"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    field_label = models.CharField(_("분야명"), max_length=60, blank=True)
    division = models.ForeignKey(
        "org.OrgUnit",
        verbose_name=_("담당 부서"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    cumulative = models.BooleanField(_("누계"), default=False)
    order = models.PositiveSmallIntegerField(_("순서"), default=0)
    numerator = models.ForeignKey(
        "self", verbose_name=_("분자 지표"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    denominator = models.ForeignKey(
        "self", verbose_name=_("분모 지표"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    factor = models.DecimalField(_("배수"), max_digits=12, decimal_places=4, default=Decimal(1))

    class Meta:
        verbose_name = _("정책지표")
        verbose_name_plural = _("정책지표")
        ordering = ["order", "code"]
        constraints = [
            models.CheckConstraint(
                name="indicator_formula_has_both_sides",
                condition=(Q(numerator__isnull=True) & Q(denominator__isnull=True))
                | (Q(numerator__isnull=False) & Q(denominator__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("performance:indicator_detail", args=[self.code])

    @property
    def is_formula(self) -> bool:
        return self.numerator_id is not None


class IndicatorValue(TimeStampedModel):
    class Kind(models.TextChoices):
        TARGET = "target", _("목표")
        ACTUAL = "actual", _("실적")

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("정책지표")
    )
    year = models.PositiveSmallIntegerField(_("연도"), validators=[YEAR.validator])
    kind = models.CharField(_("구분"), max_length=8, choices=Kind.choices)
    value = SafeDecimalField(_("값"), max_digits=16, decimal_places=2, figure="quantity")
    as_of = models.DateField(_("기준일"), validators=[OFFICE_DATE.validator])

    class Meta:
        verbose_name = _("정책지표 값")
        verbose_name_plural = _("정책지표 값")
        ordering = ["indicator", "year", "kind", "-as_of"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "kind", "as_of"], name="indicator_value_unique"),
            models.CheckConstraint(name="indicator_value_within_bounds", condition=QUANTITY.check("value")),
            models.CheckConstraint(name="indicator_value_year_within_bounds", condition=YEAR.check("year")),
            models.CheckConstraint(name="indicator_value_as_of_within_bounds", condition=OFFICE_DATE.check("as_of")),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year} {self.get_kind_display()} {self.value}"


class TargetGroup(models.TextChoices):
    YOUTH = "youth", _("청년")
    WOMEN = "women", _("여성")
    MIDDLE_AGED = "middle_aged", _("중장년")
    SENIORS = "seniors", _("어르신")
    DISABLED = "disabled", _("장애인")
    LOW_INCOME = "low_income", _("저소득")
    GENERAL = "general", _("일반시민")


class JobKind(models.TextChoices):
    DIRECT = "direct", _("직접일자리")
    INDIRECT = "indirect", _("간접일자리")


class JobTarget(RetirableModel):
    """A job-creation target of a year: for a target group, or for a kind (direct/indirect), optionally of one
    programme. A target the source lost is kept missing (null), never guessed."""

    year = models.PositiveSmallIntegerField(_("연도"), validators=[YEAR.validator])
    target_group = models.CharField(_("사업대상"), max_length=16, choices=TargetGroup.choices, blank=True)
    kind = models.CharField(_("구분"), max_length=8, choices=JobKind.choices, blank=True)
    programme = models.ForeignKey(
        "plan.Programme",
        verbose_name=_("주요업무"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="job_targets",
    )
    programme_names = models.CharField(_("사업명"), max_length=300, blank=True)
    division = models.ForeignKey(
        "org.OrgUnit",
        verbose_name=_("실적 관리 부서"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="job_targets",
    )
    target = SafePositiveIntegerField(_("목표(개)"), null=True, blank=True)
    budget = models.BigIntegerField(_("예산(원)"), null=True, blank=True, validators=[MONEY.validator])
    order = models.PositiveSmallIntegerField(_("순서"), default=0)

    class Meta:
        verbose_name = _("일자리 목표")
        verbose_name_plural = _("일자리 목표")
        ordering = ["year", "order"]
        constraints = [
            models.CheckConstraint(name="job_target_group_or_kind", condition=~Q(target_group="") | ~Q(kind="")),
            models.UniqueConstraint(
                fields=["year", "target_group", "kind"],
                condition=Q(programme__isnull=True),
                name="job_target_unique_row",
            ),
            models.UniqueConstraint(
                fields=["year", "target_group", "kind", "programme"],
                condition=Q(programme__isnull=False),
                name="job_target_unique_programme_row",
            ),
            models.CheckConstraint(
                name="job_target_budget_non_negative", condition=Q(budget__isnull=True) | Q(budget__gte=0)
            ),
            models.CheckConstraint(
                name="job_target_figures_within_bounds",
                condition=COUNT.check("target", nullable=True) & MONEY.check("budget", nullable=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_target_group_display() or self.get_kind_display()}"

    @property
    def label(self) -> str:
        return self.get_target_group_display() or self.get_kind_display()


class JobAchievement(TimeStampedModel):
    job_target = models.ForeignKey(
        JobTarget, on_delete=models.CASCADE, related_name="achievements", verbose_name=_("일자리 목표")
    )
    as_of = models.DateField(_("기준일"), validators=[OFFICE_DATE.validator])
    achieved = SafePositiveIntegerField(_("실적(개)"))

    class Meta:
        verbose_name = _("일자리 실적")
        verbose_name_plural = _("일자리 실적")
        ordering = ["job_target", "-as_of"]
        constraints = [
            models.UniqueConstraint(fields=["job_target", "as_of"], name="job_achievement_unique_date"),
            models.CheckConstraint(
                name="job_achievement_within_bounds",
                condition=COUNT.check("achieved") & OFFICE_DATE.check("as_of"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.job_target} {self.as_of} {self.achieved}"

    @property
    def achievement_rate(self) -> Decimal | None:
        return ratio(self.achieved, self.job_target.target)


class ReportedFigure(TimeStampedModel):
    """A figure as a source printed it (a total, a rate), kept only to check it against the figures Iljari
    derives. Iljari never shows a reported total in place of its own."""

    series = models.CharField(_("계열"), max_length=60)
    subject = models.CharField(_("대상"), max_length=60, blank=True, help_text=_("비어 있으면 전체(계)"))
    year = models.PositiveSmallIntegerField(_("연도"))
    as_of = models.DateField(_("기준일"))
    value = SafeDecimalField(_("값"), max_digits=20, decimal_places=6)
    source = models.CharField(_("출처"), max_length=100)

    class Meta:
        verbose_name = _("보고된 수치")
        verbose_name_plural = _("보고된 수치")
        ordering = ["series", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "subject", "year", "as_of", "source"], name="reported_figure_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.series}[{self.subject or '계'}] {self.value}"


class ProgrammeFigure(TimeStampedModel):
    """A figure a source printed inside a programme's text ("6월까지 1,157백만원(51%) 교부"), in the unit it was
    printed in, kept so that the figure rules can check the text's figures against each other and the tables."""

    year = models.PositiveSmallIntegerField(_("연도"))
    programme = models.ForeignKey(
        "plan.Programme",
        verbose_name=_("주요업무"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="printed_figures",
    )
    key = models.CharField(_("키"), max_length=80, help_text=_("규칙이 figure:키 로 부릅니다."))
    label = models.CharField(_("이름"), max_length=200)
    value = models.DecimalField(_("값"), max_digits=20, decimal_places=6)
    unit = models.CharField(_("단위"), max_length=12)
    as_of = models.DateField(_("기준일"), null=True, blank=True)
    source_text = models.TextField(_("원문"))
    source_page = models.CharField(_("출처 위치"), max_length=100)

    class Meta:
        verbose_name = _("본문 수치")
        verbose_name_plural = _("본문 수치")
        ordering = ["year", "key"]
        constraints = [models.UniqueConstraint(fields=["year", "key"], name="programme_figure_unique_key")]

    def __str__(self) -> str:
        return f"{self.label} {self.value}{self.unit}"


class ValidationRule(TimeStampedModel):
    """A DHIS2-style rule: left side, operator, right side, importance, and what to do when a value is missing.
    A comparison's side is a series (see performance/series.py), optionally summed over its subjects. The figure
    rules (parts, rate, rounded) take terms — `figure:<key>` or `<series>[<subject>]` — joined by + and -. A formula
    rule's sides are expressions over them (performance/expressions.py): numbers, + − × ÷ and parentheses. A rule is
    retired by turning it off (is_active), never deleted: its past results stay."""

    class Kind(models.TextChoices):
        COMPARE = "compare", _("비교")
        PARTS = "parts", _("부분의 합")
        RATE = "rate", _("비율")
        ROUNDED = "rounded", _("반올림")
        FORMULA = "formula", _("식")

    class Operator(models.TextChoices):
        EQUAL = "==", _("같음")
        LESS_EQUAL = "<=", _("이하")
        GREATER_EQUAL = ">=", _("이상")
        LESS = "<", _("미만")
        GREATER = ">", _("초과")

    class Importance(models.TextChoices):
        HIGH = "high", _("높음")
        MEDIUM = "medium", _("보통")
        LOW = "low", _("낮음")

    class MissingValues(models.TextChoices):
        SKIP_IF_ANY = "skip_if_any", _("한쪽이라도 없으면 건너뜀")
        SKIP_IF_ALL = "skip_if_all", _("양쪽 모두 없을 때만 건너뜀")
        NEVER_SKIP = "never_skip", _("건너뛰지 않음(없으면 위반)")

    class Area(models.TextChoices):
        STAFFING = "staffing", _("인력")
        BUDGET = "budget", _("예산")
        INDICATORS = "indicators", _("정책지표")
        JOBS = "jobs", _("일자리 목표")
        PROGRAMMES = "programmes", _("주요업무 본문")

    code = models.CharField(_("코드"), max_length=40, unique=True)
    name = models.CharField(_("규칙명"), max_length=200)
    description = models.TextField(_("설명"), blank=True)
    area = models.CharField(_("영역"), max_length=16, choices=Area.choices)
    kind = models.CharField(_("종류"), max_length=8, choices=Kind.choices, default=Kind.COMPARE)
    left_series = models.CharField(_("왼쪽 계열"), max_length=300)
    left_sum = models.BooleanField(_("왼쪽 합계"), default=False)
    operator = models.CharField(_("연산자"), max_length=2, choices=Operator.choices)
    right_series = models.CharField(_("오른쪽 계열"), max_length=300)
    right_sum = models.BooleanField(_("오른쪽 합계"), default=False)
    whole_series = models.CharField(
        _("분모"), max_length=300, blank=True, help_text=_("비율 규칙: 오른쪽 ÷ 분모를 보고된 비율과 비교합니다.")
    )
    tolerance = models.DecimalField(_("허용 오차"), max_digits=12, decimal_places=6, default=Decimal(0))
    importance = models.CharField(_("중요도"), max_length=8, choices=Importance.choices, default=Importance.MEDIUM)
    missing_values = models.CharField(
        _("값이 없을 때"), max_length=16, choices=MissingValues.choices, default=MissingValues.SKIP_IF_ANY
    )
    is_active = models.BooleanField(_("사용"), default=True)

    class Meta:
        verbose_name = _("검증 규칙")
        verbose_name_plural = _("검증 규칙")
        ordering = ["area", "code"]
        constraints = [models.CheckConstraint(name="rule_tolerance_non_negative", condition=Q(tolerance__gte=0))]

    def __str__(self) -> str:
        return self.name


class ValidationResult(models.Model):
    """The outcome of one rule for one subject in one run. A new run of a year replaces the previous one."""

    class Outcome(models.TextChoices):
        PASSED = "passed", _("통과")
        FAILED = "failed", _("위반")
        SKIPPED = "skipped", _("확인 불가(값 없음)")

    rule = models.ForeignKey(
        ValidationRule, on_delete=models.CASCADE, related_name="results", verbose_name=_("검증 규칙")
    )
    year = models.PositiveSmallIntegerField(_("연도"))
    as_of = models.DateField(_("기준일"))
    subject = models.CharField(_("대상"), max_length=60, blank=True)
    left_value = SafeDecimalField(_("왼쪽 값"), max_digits=20, decimal_places=6, null=True)
    right_value = SafeDecimalField(_("오른쪽 값"), max_digits=20, decimal_places=6, null=True)
    unit = models.CharField(_("단위"), max_length=12, blank=True)
    explanation = models.CharField(_("설명"), max_length=400, blank=True)
    outcome = models.CharField(_("결과"), max_length=8, choices=Outcome.choices)
    run_at = models.DateTimeField(_("검증 일시"))

    class Meta:
        verbose_name = _("검증 결과")
        verbose_name_plural = _("검증 결과")
        ordering = ["rule__area", "rule__code", "subject"]
        indexes = [models.Index(fields=["year", "outcome"])]

    def __str__(self) -> str:
        return f"{self.rule} {self.subject} {self.get_outcome_display()}"
