"""Payroll deductions (공제) and net pay (실지급액): the social insurance rates and the income tax rules as data, each
for a period of validity with its legal source, and one deduction line per participation.Payment (docs/payroll.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from iljari.core.formats import screen_date, screen_month
from iljari.core.models import TimeStampedModel


class Insurance(models.TextChoices):
    PENSION = "pension", _("국민연금")
    HEALTH = "health", _("건강보험")
    CARE = "care", _("장기요양보험")
    EMPLOYMENT = "employment", _("고용보험")
    ACCIDENT = "accident", _("산재보험")


class Rounding(models.TextChoices):
    WON = "won", _("원 미만 절사")
    TEN_WON = "ten_won", _("10원 미만 절사")


class InsuranceRate(TimeStampedModel):
    """One insurance's rates for a period of validity, with the coverage rules that decide who is insured.
    Rates are percent of the monthly pay (장기요양: percent of the health premium). Periods of one insurance (and
    industry, for 산재보험) never overlap (insurance_rate_save checks it)."""

    insurance = models.CharField(_("보험"), max_length=12, choices=Insurance.choices)
    industry = models.CharField(_("사업 종류"), max_length=60, blank=True, help_text=_("산재보험의 업종"))
    valid_from = models.DateField(_("적용 시작일"))
    valid_to = models.DateField(_("적용 종료일"), null=True, blank=True)
    worker_rate = models.DecimalField(_("근로자 요율(%)"), max_digits=7, decimal_places=4)
    employer_rate = models.DecimalField(_("사업주 요율(%)"), max_digits=7, decimal_places=4)
    employer_extra_rate = models.DecimalField(
        _("사업주 추가 요율(%)"),
        max_digits=7,
        decimal_places=4,
        default=0,
        help_text=_("고용보험의 고용안정·직업능력개발사업 요율(사업 규모별, 국가·지방자치단체 포함)"),
    )
    base_floor = models.PositiveIntegerField(_("기준소득월액 하한(원)"), null=True, blank=True)
    base_ceiling = models.PositiveIntegerField(_("기준소득월액 상한(원)"), null=True, blank=True)
    rounding = models.CharField(_("끝수 처리"), max_length=8, choices=Rounding.choices, default=Rounding.TEN_WON)
    min_month_hours = models.PositiveSmallIntegerField(
        _("월 소정근로시간 하한"), default=0, help_text=_("이 시간 미만이면 적용 제외")
    )
    min_contract_days = models.PositiveSmallIntegerField(
        _("근로계약 기간 하한(일)"), default=0, help_text=_("이 일수 미만의 계약이면 적용 제외")
    )
    age_limit = models.PositiveSmallIntegerField(
        _("적용 제외 나이"), null=True, blank=True, help_text=_("이 나이 이상이면 근로자 부담 없음")
    )
    source = models.CharField(_("근거"), max_length=300)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("입력한 사람")
    )

    class Meta:
        verbose_name = _("사회보험 요율")
        verbose_name_plural = _("사회보험 요율")
        ordering = ["insurance", "industry", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["insurance", "industry", "valid_from"], name="insurance_rate_once"),
            models.CheckConstraint(
                name="insurance_rate_period_ordered",
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
            ),
            models.CheckConstraint(
                name="insurance_rate_bounds",
                condition=Q(worker_rate__gte=0, worker_rate__lte=20, employer_rate__gte=0, employer_rate__lte=20),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_insurance_display()} {screen_date(self.valid_from)}부터"


class IncomeTaxRule(TimeStampedModel):
    """The income tax withheld for a period of validity: the 근로소득 간이세액표 of monthly wages (the table's
    edition, computed from its statutory formula: payroll/tax.py) and the 일용근로소득 rule for daily workers."""

    valid_from = models.DateField(_("적용 시작일"))
    valid_to = models.DateField(_("적용 종료일"), null=True, blank=True)
    simple_table = models.CharField(_("간이세액표"), max_length=20, help_text=_("시행령 별표2의 개정 연월"))
    daily_deduction = models.PositiveIntegerField(_("일용근로 1일 공제액(원)"))
    daily_rate = models.DecimalField(_("일용근로 세율(%)"), max_digits=5, decimal_places=2)
    daily_credit = models.DecimalField(_("일용근로 세액공제율(%)"), max_digits=5, decimal_places=2)
    small_amount = models.PositiveIntegerField(_("소액부징수 기준(원)"))
    local_rate = models.DecimalField(_("지방소득세율(%)"), max_digits=5, decimal_places=2)
    daily_contract_days = models.PositiveSmallIntegerField(
        _("일용근로 계약 기간(일)"), help_text=_("이 일수 미만으로 고용되면 일용근로소득")
    )
    source = models.CharField(_("근거"), max_length=300)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("입력한 사람")
    )

    class Meta:
        verbose_name = _("소득세 원천징수 기준")
        verbose_name_plural = _("소득세 원천징수 기준")
        ordering = ["valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["valid_from"], name="income_tax_rule_once"),
            models.CheckConstraint(
                name="income_tax_rule_period_ordered",
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
            ),
        ]

    def __str__(self) -> str:
        return f"소득세 원천징수 기준 {screen_date(self.valid_from)}부터"


class PayDeduction(models.Model):
    """The deductions of one month's pay (participation.Payment), its net pay and the employer's contributions.
    Computed again while the month is open; frozen once the worksite's month of pay is confirmed."""

    class TaxMethod(models.TextChoices):
        MONTHLY = "monthly", _("근로소득 간이세액표")
        DAILY = "daily", _("일용근로소득")

    payment = models.OneToOneField(
        "participation.Payment", on_delete=models.CASCADE, related_name="deduction", verbose_name=_("급여")
    )
    month = models.DateField(_("월"))
    gross = models.BigIntegerField(_("지급 총액"))
    pension = models.BigIntegerField(_("국민연금"))
    health = models.BigIntegerField(_("건강보험"))
    care = models.BigIntegerField(_("장기요양보험"))
    employment = models.BigIntegerField(_("고용보험"))
    income_tax = models.BigIntegerField(_("소득세"))
    local_tax = models.BigIntegerField(_("지방소득세"))
    deductions = models.BigIntegerField(_("공제 계"))
    net = models.BigIntegerField(_("실지급액"))
    employer_pension = models.BigIntegerField(_("국민연금(사업주)"))
    employer_health = models.BigIntegerField(_("건강보험(사업주)"))
    employer_care = models.BigIntegerField(_("장기요양보험(사업주)"))
    employer_employment = models.BigIntegerField(_("고용보험(사업주)"))
    employer_accident = models.BigIntegerField(_("산재보험(사업주)"))
    employer_total = models.BigIntegerField(_("사업주 부담 계"))
    tax_method = models.CharField(_("소득세 계산"), max_length=8, choices=TaxMethod.choices)
    coverage = models.CharField(_("적용 기준"), max_length=300)
    computed_at = models.DateTimeField(_("계산 일시"))
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("계산한 사람")
    )

    class Meta:
        verbose_name = _("급여 공제")
        verbose_name_plural = _("급여 공제")
        ordering = ["month", "payment"]
        constraints = [
            models.CheckConstraint(
                name="pay_deduction_total_is_sum",
                condition=Q(
                    deductions=F("pension")
                    + F("health")
                    + F("care")
                    + F("employment")
                    + F("income_tax")
                    + F("local_tax")
                ),
            ),
            models.CheckConstraint(
                name="pay_deduction_net_is_gross_less", condition=Q(net=F("gross") - F("deductions"))
            ),
            models.CheckConstraint(
                name="pay_deduction_employer_is_sum",
                condition=Q(
                    employer_total=F("employer_pension")
                    + F("employer_health")
                    + F("employer_care")
                    + F("employer_employment")
                    + F("employer_accident")
                ),
            ),
        ]
        indexes = [models.Index(fields=["month"])]

    def __str__(self) -> str:
        return f"{screen_month(self.month)} 급여 공제 {self.deductions:,}원 · 실지급 {self.net:,}원"


from iljari.payroll.models_transfer import TransferBatch, TransferLine  # noqa: E402,F401 - the paying models
