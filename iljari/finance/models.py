"""Staffing quotas and budget execution, each as of a date. Shortfall and execution rate are derived."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from iljari.core.figures import MONEY, OFFICE_DATE
from iljari.core.formats import ratio
from iljari.core.models import RetirableModel, TimeStampedModel


class StaffingQuota(RetirableModel):
    """Authorised (정원) and current (현원) staff of one org unit, job series and grade, as of a date.
    공무직 stand outside the quota: they have a current count and no authorised number."""

    class JobSeries(models.TextChoices):
        GENERAL = "general", _("일반직")
        FIXED_TERM = "fixed_term", _("임기제")
        OPERATIONS = "operations", _("관리운영직")
        PUBLIC_SERVICE_WORKER = "public_service_worker", _("공무직")

    class Grade(models.TextChoices):
        GRADE3_UP = "grade3_up", _("3급 이상")
        GRADE4 = "grade4", _("4급")
        GRADE5 = "grade5", _("5급")
        GRADE6 = "grade6", _("6급")
        GRADE7_DOWN = "grade7_down", _("7급 이하")

    org_unit = models.ForeignKey(
        "org.OrgUnit", verbose_name=_("조직"), on_delete=models.PROTECT, related_name="staffing_quotas"
    )
    as_of = models.DateField(_("기준일"))
    job_series = models.CharField(_("직종"), max_length=24, choices=JobSeries.choices)
    grade = models.CharField(_("직급"), max_length=16, choices=Grade.choices, blank=True)
    authorized = models.PositiveIntegerField(_("정원"), null=True, blank=True)
    current = models.PositiveIntegerField(_("현원"))

    class Meta:
        verbose_name = _("인력 정원·현원")
        verbose_name_plural = _("인력 정원·현원")
        ordering = ["as_of", "org_unit__path", "job_series", "grade"]
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "as_of", "job_series", "grade"], name="staffing_unique_cell"),
            models.CheckConstraint(
                name="staffing_grade_only_for_general", condition=Q(job_series="general") | Q(grade="")
            ),
            models.CheckConstraint(
                name="staffing_public_service_workers_outside_quota",
                condition=(Q(job_series="public_service_worker") & Q(authorized__isnull=True))
                | (~Q(job_series="public_service_worker") & Q(authorized__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.org_unit} {self.get_job_series_display()} {self.get_grade_display()} ({self.as_of})"

    @property
    def shortfall(self) -> int | None:
        return None if self.authorized is None else self.current - self.authorized


class BudgetLine(RetirableModel):
    """One line of the budget: a year, the org unit that holds it, what it is for, and its source."""

    class Source(models.TextChoices):
        CITY = "city", _("시비")
        NATIONAL = "national", _("국비")
        DISTRICT = "district", _("구비")
        UNSPECIFIED = "unspecified", _("재원 미구분")

    year = models.PositiveSmallIntegerField(_("회계연도"))
    org_unit = models.ForeignKey(
        "org.OrgUnit", verbose_name=_("조직"), on_delete=models.PROTECT, related_name="budget_lines"
    )
    code = models.CharField(_("코드"), max_length=40)
    name = models.CharField(_("사업명"), max_length=200)
    source = models.CharField(_("재원"), max_length=16, choices=Source.choices)

    class Meta:
        verbose_name = _("예산 사업")
        verbose_name_plural = _("예산 사업")
        ordering = ["year", "org_unit__path", "code"]
        constraints = [models.UniqueConstraint(fields=["year", "code"], name="budget_line_unique_code")]

    def __str__(self) -> str:
        return f"{self.year} {self.name} ({self.get_source_display()})"


class BudgetSnapshot(TimeStampedModel):
    """예산현액, 원인행위액, 지출액 of a budget line as of a date (integer 원)."""

    line = models.ForeignKey(
        BudgetLine, verbose_name=_("예산 사업"), on_delete=models.CASCADE, related_name="snapshots"
    )
    as_of = models.DateField(_("기준일"), validators=[OFFICE_DATE.validator])
    current_budget = models.BigIntegerField(_("예산현액"), validators=[MONEY.validator])
    committed = models.BigIntegerField(_("원인행위액"), validators=[MONEY.validator])
    spent = models.BigIntegerField(_("지출액"), validators=[MONEY.validator])

    class Meta:
        verbose_name = _("예산 집행 현황")
        verbose_name_plural = _("예산 집행 현황")
        ordering = ["line", "-as_of"]
        constraints = [
            models.UniqueConstraint(fields=["line", "as_of"], name="budget_snapshot_unique_date"),
            models.CheckConstraint(
                name="budget_snapshot_non_negative",
                condition=Q(current_budget__gte=0) & Q(committed__gte=0) & Q(spent__gte=0),
            ),
            models.CheckConstraint(
                name="budget_snapshot_spent_within_budget", condition=Q(spent__lte=models.F("current_budget"))
            ),
            models.CheckConstraint(
                name="budget_snapshot_figures_within_bounds",
                condition=MONEY.check("current_budget")
                & MONEY.check("committed")
                & MONEY.check("spent")
                & OFFICE_DATE.check("as_of"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.line} {self.as_of}"

    @property
    def execution_rate(self) -> Decimal | None:
        return ratio(self.spent, self.current_budget)


class BudgetMovement(TimeStampedModel):
    """A change of 원인행위액 or 지출액 of a budget line on a day, posted by another module's service (a grant signed
    commits its city share, a disbursement spends, a settlement returns the unspent money) between two snapshots.

    Execution as of a day D is the line's latest snapshot S on or before D plus the movements dated after S.as_of
    and on or before D: a snapshot imported later from the accounting system already includes them, so it
    supersedes them. Amounts are integer 원 and may be negative (a return lowers 지출액)."""

    line = models.ForeignKey(
        BudgetLine, verbose_name=_("예산 사업"), on_delete=models.PROTECT, related_name="movements"
    )
    on = models.DateField(_("일자"))
    committed = models.BigIntegerField(_("원인행위액 증감"), default=0)
    spent = models.BigIntegerField(_("지출액 증감"), default=0)
    reference = models.CharField(
        _("근거"), max_length=80, help_text=_("움직임을 만든 기록(예: grants:disbursement:12)")
    )
    note = models.CharField(_("내용"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("예산 집행 변동")
        verbose_name_plural = _("예산 집행 변동")
        ordering = ["line", "on", "pk"]
        constraints = [models.UniqueConstraint(fields=["reference"], name="budget_movement_unique_reference")]
        indexes = [models.Index(fields=["line", "on"])]

    def __str__(self) -> str:
        return f"{self.line} {self.on} {self.reference}"


class BudgetSnapshotLatest(models.Model):
    """A summary kept by finance.services (budget_summary_refresh, in the transaction of every snapshot recorded and
    movement posted): each line's latest snapshot plus the movements dated after it, and the newest day of either.
    For any day on or after `day` it is the line's execution (BudgetMovement's rule); the execution selectors read
    it instead of the base rows when every line they sum has `day` on or before the day asked for."""

    line = models.OneToOneField(
        BudgetLine, verbose_name=_("예산 사업"), on_delete=models.CASCADE, primary_key=True, related_name="latest"
    )
    snapshot_as_of = models.DateField(_("최근 현황 기준일"), null=True, blank=True)  # None: movements only
    day = models.DateField(_("최근 반영일"))  # the newest snapshot or movement day of the line
    current_budget = models.BigIntegerField(_("예산현액"), default=0)
    committed = models.BigIntegerField(_("원인행위액"), default=0)
    spent = models.BigIntegerField(_("지출액"), default=0)

    class Meta:
        verbose_name = _("예산 사업별 최근 집행 현황")
        verbose_name_plural = _("예산 사업별 최근 집행 현황")

    def __str__(self) -> str:
        return f"{self.line} ({self.day})"
