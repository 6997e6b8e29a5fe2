"""The social impact bond (사회성과보상사업, SIB): private investors pre-fund a public service that a provider
delivers; an independent evaluator measures the outcomes, and the city pays what the outcomes earn.

The payment the outcomes earn (OutcomePayment), as grants.sib_services computes it:

    achievement_i = max(0, (measured_i − baseline_i) / (target_i − baseline_i))     per metric (may pass 100%)
    A             = Σ weight_i × achievement_i                                      weights add up to 100%
    payment       = 0                                   when A < threshold_rate
                  = floor(principal × min(A, cap_rate))  otherwise

Shares to investors are pro rata to their amounts (원 by floor, the remaining 원 to the largest fractions, ties to
the earlier investor), so the shares add up to the payment exactly.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.models import TimeStampedModel

__all__ = ["OutcomeContract", "Investor", "OutcomeMetric", "OutcomeEvaluation", "MetricResult", "OutcomePayment",
           "PaymentShare"]  # fmt: skip


class OutcomeContract(TimeStampedModel):
    """An outcome contract: the provider, who it serves, the period, the principal the investors put up, and the
    payment rule's threshold and cap (percent of the principal)."""

    code = models.CharField(_("사업코드"), max_length=32, unique=True)
    title = models.CharField(_("사업명"), max_length=200)
    provider = models.ForeignKey(
        "enterprises.Organisation", verbose_name=_("수행기관"), on_delete=models.PROTECT, related_name="sib_contracts"
    )
    operator = models.CharField(_("운영기관"), max_length=120, blank=True)
    target_population = models.CharField(_("사업대상"), max_length=300)
    starts_on = models.DateField(_("사업 시작일"))
    ends_on = models.DateField(_("사업 종료일"))
    principal = models.BigIntegerField(_("투자 원금(원)"))
    threshold_rate = models.DecimalField(
        _("최소 달성률(%)"), max_digits=5, decimal_places=1, help_text=_("이보다 낮으면 보상하지 않습니다.")
    )
    cap_rate = models.DecimalField(
        _("보상 상한(원금 대비 %)"), max_digits=5, decimal_places=1, help_text=_("보상액은 원금의 이 비율까지입니다.")
    )
    note = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("사회성과보상사업")
        verbose_name_plural = _("사회성과보상사업")
        ordering = ["-starts_on", "code"]
        constraints = [
            models.CheckConstraint(name="grants_sib_principal_positive", condition=Q(principal__gt=0)),
            models.CheckConstraint(name="grants_sib_period_in_order", condition=Q(ends_on__gt=F("starts_on"))),
            models.CheckConstraint(
                name="grants_sib_rates_in_order",
                condition=Q(threshold_rate__gte=0, cap_rate__gte=F("threshold_rate")),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("grants:sib_detail", args=[self.code])


class Investor(TimeStampedModel):
    contract = models.ForeignKey(
        OutcomeContract, on_delete=models.CASCADE, related_name="investors", verbose_name=_("성과보상 계약")
    )
    order = models.PositiveSmallIntegerField(_("순서"), default=0)
    name = models.CharField(_("투자자"), max_length=120)
    amount = models.BigIntegerField(_("투자액(원)"))

    class Meta:
        verbose_name = _("투자자")
        verbose_name_plural = _("투자자")
        ordering = ["contract", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "name"], name="grants_sib_investor_unique"),
            models.CheckConstraint(name="grants_sib_investor_amount_positive", condition=Q(amount__gt=0)),
        ]

    def __str__(self) -> str:
        return self.name


class OutcomeMetric(TimeStampedModel):
    contract = models.ForeignKey(
        OutcomeContract, on_delete=models.CASCADE, related_name="metrics", verbose_name=_("성과보상 계약")
    )
    order = models.PositiveSmallIntegerField(_("순서"), default=0)
    name = models.CharField(_("성과지표"), max_length=200)
    unit = models.CharField(_("단위"), max_length=20, blank=True)
    baseline = models.DecimalField(_("기준값"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("목표값"), max_digits=14, decimal_places=2)
    weight = models.DecimalField(_("가중치(%)"), max_digits=5, decimal_places=1)

    class Meta:
        verbose_name = _("성과지표")
        verbose_name_plural = _("성과지표")
        ordering = ["contract", "order", "pk"]
        constraints = [
            models.CheckConstraint(name="grants_sib_metric_target_differs", condition=~Q(target=F("baseline"))),
            models.CheckConstraint(name="grants_sib_metric_weight_positive", condition=Q(weight__gt=0)),
        ]

    def __str__(self) -> str:
        return self.name


class OutcomeEvaluation(TimeStampedModel):
    """The independent evaluation of a contract's outcomes (one per contract)."""

    contract = models.OneToOneField(
        OutcomeContract, on_delete=models.CASCADE, related_name="evaluation", verbose_name=_("성과보상 계약")
    )
    evaluator = models.CharField(_("평가기관"), max_length=120)
    evaluated_on = models.DateField(_("평가일"))
    note = models.TextField(_("평가 의견"), blank=True)

    class Meta:
        verbose_name = _("성과 평가")
        verbose_name_plural = _("성과 평가")
        ordering = ["contract"]

    def __str__(self) -> str:
        return f"{self.contract} {self.evaluated_on}"


class MetricResult(TimeStampedModel):
    evaluation = models.ForeignKey(
        OutcomeEvaluation, on_delete=models.CASCADE, related_name="results", verbose_name=_("성과 평가")
    )
    metric = models.ForeignKey(
        OutcomeMetric, on_delete=models.PROTECT, related_name="results", verbose_name=_("성과지표")
    )
    measured = models.DecimalField(_("측정값"), max_digits=14, decimal_places=2)
    achievement = models.DecimalField(_("달성률(%)"), max_digits=7, decimal_places=2)

    class Meta:
        verbose_name = _("지표별 평가 결과")
        verbose_name_plural = _("지표별 평가 결과")
        ordering = ["evaluation", "metric__order", "metric_id"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "metric"], name="grants_sib_result_unique")]

    def __str__(self) -> str:
        return f"{self.metric} {self.measured}"


class OutcomePayment(TimeStampedModel):
    """What the evaluated outcomes earn (the formula of this module's docstring), split to the investors."""

    evaluation = models.OneToOneField(
        OutcomeEvaluation, on_delete=models.CASCADE, related_name="payment", verbose_name=_("성과 평가")
    )
    achievement = models.DecimalField(_("종합 달성률(%)"), max_digits=7, decimal_places=2)
    amount = models.BigIntegerField(_("성과보상액(원)"))

    class Meta:
        verbose_name = _("성과보상")
        verbose_name_plural = _("성과보상")
        ordering = ["evaluation"]
        constraints = [models.CheckConstraint(name="grants_sib_payment_non_negative", condition=Q(amount__gte=0))]

    def __str__(self) -> str:
        return f"{self.evaluation.contract} {self.amount:,}원"


class PaymentShare(TimeStampedModel):
    payment = models.ForeignKey(
        OutcomePayment, on_delete=models.CASCADE, related_name="shares", verbose_name=_("성과보상")
    )
    investor = models.ForeignKey(Investor, on_delete=models.PROTECT, related_name="shares", verbose_name=_("투자자"))
    amount = models.BigIntegerField(_("배분액(원)"))

    class Meta:
        verbose_name = _("투자자별 배분")
        verbose_name_plural = _("투자자별 배분")
        ordering = ["payment", "investor__order", "investor_id"]
        constraints = [models.UniqueConstraint(fields=["payment", "investor"], name="grants_sib_share_unique")]

    def __str__(self) -> str:
        return f"{self.investor} {self.amount:,}원"
