"""Entrusted facilities (민간위탁): the facilities the office runs through trustees — the four 기술교육원, the
청년일자리센터, 노동권익센터, 사회적경제지원센터, 협동조합지원센터, the 전태일 노동복합시설 — each with its contracts
(trustee = org.Partner, term, state), yearly budgets and their settlement, yearly evaluations, and the renewal path
the 2018 report describes (시의회 동의안 → 수탁기관 공모·선정 → 적격자심의위원회 → 협약 → 운영), step by step with
the date each is due and the date it was done."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.figures import MONEY, SCORE, YEAR
from iljari.core.models import TimeStampedModel


class Facility(TimeStampedModel):
    class Kind(models.TextChoices):
        TRAINING_INSTITUTE = "training_institute", _("기술교육원")
        YOUTH_JOB_CENTRE = "youth_job_centre", _("청년일자리센터")
        LABOUR_RIGHTS_CENTRE = "labour_rights_centre", _("노동권익센터")
        SOCIAL_ECONOMY_CENTRE = "social_economy_centre", _("사회적경제지원센터")
        COOPERATIVE_CENTRE = "cooperative_centre", _("협동조합지원센터")
        LABOUR_COMPLEX = "labour_complex", _("노동복합시설")
        OTHER = "other", _("기타")

    code = models.CharField(_("시설 코드"), max_length=40, unique=True)
    name = models.CharField(_("시설명"), max_length=120)
    kind = models.CharField(_("시설 구분"), max_length=32, choices=Kind.choices)
    division = models.ForeignKey(
        "org.OrgUnit", verbose_name=_("담당 부서"), on_delete=models.PROTECT, related_name="entrusted_facilities"
    )
    address = models.CharField(_("소재지"), max_length=200, blank=True)
    entrusted_task = models.CharField(_("위탁사무"), max_length=300, blank=True)
    note = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("위탁 시설")
        verbose_name_plural = _("위탁 시설")
        ordering = ["code"]
        indexes = [models.Index(fields=["kind"], name="entrusted_facility_kind")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("entrusted:facility_detail", args=[self.code])


class Contract(TimeStampedModel):
    """One trustee's contract (협약) for a facility: its term (위탁기간), when it was signed and its state. A term the
    source does not give stays empty (both ends); terms of one facility never overlap (entrusted.services checks it
    with the facility's row locked: an overlap of date ranges is no portable constraint)."""

    class State(models.TextChoices):
        PLANNED = "planned", _("예정")
        RUNNING = "running", _("운영 중")
        ENDED = "ended", _("종료")

    facility = models.ForeignKey(
        Facility, verbose_name=_("위탁 시설"), on_delete=models.PROTECT, related_name="contracts"
    )
    trustee = models.ForeignKey(
        "org.Partner", verbose_name=_("수탁기관"), on_delete=models.PROTECT, related_name="entrusted_contracts"
    )
    term_start = models.DateField(_("위탁 시작일"), null=True, blank=True)
    term_end = models.DateField(_("위탁 종료일"), null=True, blank=True)
    signed_on = models.DateField(_("협약일"), null=True, blank=True)
    state = models.CharField(_("상태"), max_length=16, choices=State.choices, default=State.PLANNED)
    amount_per_year = models.BigIntegerField(_("연간 위탁금(원)"), null=True, blank=True, validators=[MONEY.validator])
    note = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("위탁 계약")
        verbose_name_plural = _("위탁 계약")
        ordering = ["facility", F("term_start").asc(nulls_last=True), "pk"]
        constraints = [
            models.CheckConstraint(
                name="entrusted_contract_term_both_or_none",
                condition=Q(term_start__isnull=True, term_end__isnull=True)
                | Q(term_start__isnull=False, term_end__isnull=False),
            ),
            models.CheckConstraint(
                name="entrusted_contract_term_in_order",
                condition=Q(term_start__isnull=True) | Q(term_end__gt=F("term_start")),
            ),
            models.CheckConstraint(
                name="entrusted_contract_amount", condition=MONEY.check("amount_per_year", nullable=True)
            ),
        ]
        indexes = [models.Index(fields=["term_end"], name="entrusted_contract_end")]

    def __str__(self) -> str:
        return f"{self.facility.name} · {self.trustee.name}"

    def runs_on(self, day: date) -> bool:
        """In force on `day`: its term covers the day (an unknown term: while it is 운영 중), never while 예정."""
        if self.state == self.State.PLANNED:
            return False
        if self.term_start is None:
            return self.state == self.State.RUNNING
        return self.term_start <= day <= self.term_end


class YearBudget(TimeStampedModel):
    """A contract's budget for one year (위탁 운영비) and its settlement (정산)."""

    class Settlement(models.TextChoices):
        PENDING = "pending", _("정산 전")
        SUBMITTED = "submitted", _("정산서 제출")
        CONFIRMED = "confirmed", _("정산 완료")

    contract = models.ForeignKey(
        Contract, verbose_name=_("위탁 계약"), on_delete=models.PROTECT, related_name="budgets"
    )
    year = models.PositiveSmallIntegerField(_("연도"), validators=[YEAR.validator])
    budget = models.BigIntegerField(_("예산(원)"), validators=[MONEY.validator])
    settled_amount = models.BigIntegerField(_("정산액(원)"), null=True, blank=True, validators=[MONEY.validator])
    settled_on = models.DateField(_("정산일"), null=True, blank=True)
    settlement = models.CharField(_("정산 상태"), max_length=16, choices=Settlement.choices, default=Settlement.PENDING)

    class Meta:
        verbose_name = _("연도별 위탁 예산")
        verbose_name_plural = _("연도별 위탁 예산")
        ordering = ["contract", "year"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "year"], name="entrusted_budget_one_per_year"),
            models.CheckConstraint(name="entrusted_budget_amount", condition=MONEY.check("budget")),
            models.CheckConstraint(
                name="entrusted_budget_settled", condition=MONEY.check("settled_amount", nullable=True)
            ),
            models.CheckConstraint(name="entrusted_budget_year", condition=YEAR.check("year")),
            models.CheckConstraint(
                name="entrusted_budget_confirmed_has_amount",
                condition=~Q(settlement="confirmed") | Q(settled_amount__isnull=False, settled_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contract} {self.year}년 예산"

    @property
    def returned(self) -> int | None:
        """What the trustee gives back: the budget less the settled amount (정산 반납액)."""
        return None if self.settled_amount is None else self.budget - self.settled_amount


class Evaluation(TimeStampedModel):
    """A contract's yearly evaluation (종합성과평가): score 0–100, grade, when."""

    contract = models.ForeignKey(
        Contract, verbose_name=_("위탁 계약"), on_delete=models.PROTECT, related_name="evaluations"
    )
    year = models.PositiveSmallIntegerField(_("평가 연도"), validators=[YEAR.validator])
    score = models.DecimalField(_("점수"), max_digits=5, decimal_places=2, validators=[SCORE.validator])
    grade = models.CharField(_("등급"), max_length=20, blank=True)
    evaluated_on = models.DateField(_("평가일"))
    note = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("위탁 평가")
        verbose_name_plural = _("위탁 평가")
        ordering = ["contract", "year"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "year"], name="entrusted_evaluation_one_per_year"),
            models.CheckConstraint(name="entrusted_evaluation_score", condition=SCORE.check("score")),
            models.CheckConstraint(name="entrusted_evaluation_year", condition=YEAR.check("year")),
        ]

    def __str__(self) -> str:
        return f"{self.contract} {self.year}년 평가"


class RenewalStep(TimeStampedModel):
    """One step of a facility's renewal path (재위탁 절차), in the report's order: 시의회 동의안 → 수탁기관 공모·선정 →
    적격자심의위원회 → 협약 → 운영. A path is the facility's steps of one round (차수); each kind once per round, due
    dates in the steps' order (entrusted.services checks the order across rows)."""

    class Kind(models.IntegerChoices):
        COUNCIL_CONSENT = 1, _("시의회 동의안")
        CALL_SELECTION = 2, _("수탁기관 공모·선정")
        ELIGIBILITY_REVIEW = 3, _("적격자심의위원회")
        AGREEMENT = 4, _("협약")
        OPERATION = 5, _("운영")

    facility = models.ForeignKey(
        Facility, verbose_name=_("위탁 시설"), on_delete=models.PROTECT, related_name="renewal_steps"
    )
    round = models.PositiveSmallIntegerField(_("차수"), default=1)
    kind = models.PositiveSmallIntegerField(_("단계"), choices=Kind.choices)
    ending_contract = models.ForeignKey(
        Contract,
        verbose_name=_("끝나는 계약"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewal_steps",
    )
    due_on = models.DateField(_("기한"))
    done_on = models.DateField(_("한 날"), null=True, blank=True)
    result = models.CharField(_("결과"), max_length=300, blank=True)
    contract = models.ForeignKey(
        Contract,
        verbose_name=_("이어지는 계약"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="leading_steps",
    )

    class Meta:
        verbose_name = _("재위탁 절차")
        verbose_name_plural = _("재위탁 절차")
        ordering = ["facility", "round", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["facility", "round", "kind"], name="entrusted_step_once_per_round"),
            models.CheckConstraint(name="entrusted_step_kind", condition=Q(kind__gte=1, kind__lte=5)),
            models.CheckConstraint(name="entrusted_step_round", condition=Q(round__gte=1)),
        ]
        indexes = [models.Index(fields=["done_on", "due_on"], name="entrusted_step_due")]

    def __str__(self) -> str:
        return f"{self.facility.name} {self.get_kind_display()}"
