"""The social investment fund (사회투자기금): intermediary agreements, loans, their schedules (versions kept),
repayments, the fund's double-entry ledger, deferment requests and the committee, notices.

Intermediaries (수행기관) are `org.Partner` rows (kind 수행기관): a partner-agency account is placed at its partner,
so `scope_rows(partner=...)` gives an intermediary its own loans. Borrowers are `enterprises.Organisation` rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.models import TimeStampedModel
from iljari.fund.schedules import ANNUITY, BULLET, EQUAL_PRINCIPAL


class Agreement(TimeStampedModel):
    """An intermediary's agreement from a yearly call: the city's money lent to it at 0%, the money it matches, the
    highest rate it may charge its borrowers, the overdue rate, the period and what it must report."""

    class Round(models.IntegerChoices):
        FIRST = 1, _("상반기")
        SECOND = 2, _("하반기")

    code = models.CharField(_("협약번호"), max_length=32, unique=True)
    intermediary = models.ForeignKey(
        "org.Partner", verbose_name=_("수행기관"), on_delete=models.PROTECT, related_name="fund_agreements"
    )
    year = models.PositiveSmallIntegerField(_("연도"))
    call_round = models.PositiveSmallIntegerField(_("공모 차수"), choices=Round.choices, default=Round.FIRST)
    city_amount = models.BigIntegerField(_("시 기금(원, 0%)"))
    matched_amount = models.BigIntegerField(
        _("수행기관 매칭(원)"), null=True, blank=True, help_text=_("비워 두면 미기재(보고서에 없는 값)")
    )
    max_rate = models.DecimalField(_("최고 대출금리(연 %)"), max_digits=6, decimal_places=3)
    overdue_rate = models.DecimalField(_("연체이자율(연 %)"), max_digits=6, decimal_places=3)
    starts_on = models.DateField(_("협약 시작일"))
    ends_on = models.DateField(_("협약 종료일"))
    reporting_duties = models.TextField(_("보고 의무"), blank=True)

    class Meta:
        verbose_name = _("수행기관 협약")
        verbose_name_plural = _("수행기관 협약")
        ordering = ["-year", "call_round", "code"]
        constraints = [
            models.CheckConstraint(name="fund_agreement_amounts_positive", condition=Q(city_amount__gt=0)),
            models.CheckConstraint(name="fund_agreement_period_in_order", condition=Q(ends_on__gte=F("starts_on"))),
        ]

    def __str__(self) -> str:
        return f"{self.intermediary.name} {self.year}년 {self.get_call_round_display()}"


class Loan(TimeStampedModel):
    class Purpose(models.TextChoices):
        ENTERPRISE = "enterprise", _("사회적경제기업")
        PROJECT = "project", _("사회적가치 프로젝트")
        SOCIAL_HOUSING = "social_housing", _("사회주택")

    class Method(models.TextChoices):
        ANNUITY = ANNUITY, _("원리금균등")
        EQUAL_PRINCIPAL = EQUAL_PRINCIPAL, _("원금균등")
        BULLET = BULLET, _("만기일시")

    class Status(models.TextChoices):
        APPROVED = "approved", _("승인(실행 전)")
        ACTIVE = "active", _("상환 중")
        REPAID = "repaid", _("상환 완료")
        WRITTEN_OFF = "written_off", _("대손 상각")

    number = models.CharField(_("융자번호"), max_length=32, unique=True)
    borrower = models.ForeignKey(
        "enterprises.Organisation", verbose_name=_("차주"), on_delete=models.PROTECT, related_name="fund_loans"
    )
    agreement = models.ForeignKey(
        Agreement, verbose_name=_("수행기관 협약"), on_delete=models.PROTECT, related_name="loans"
    )
    intermediary = models.ForeignKey(
        "org.Partner", verbose_name=_("수행기관"), on_delete=models.PROTECT, related_name="fund_loans"
    )  # the agreement's intermediary, kept on the loan for scoping and grouping
    purpose = models.CharField(_("용도"), max_length=16, choices=Purpose.choices)
    principal = models.BigIntegerField(_("융자 원금(원)"))
    annual_rate = models.DecimalField(_("대출금리(연 %)"), max_digits=6, decimal_places=3)
    term_months = models.PositiveSmallIntegerField(_("융자 기간(개월)"))
    grace_months = models.PositiveSmallIntegerField(_("거치기간(개월)"), default=0)
    method = models.CharField(_("상환방법"), max_length=16, choices=Method.choices)
    disbursed_on = models.DateField(_("실행일"), null=True, blank=True)
    status = models.CharField(_("상태"), max_length=16, choices=Status.choices, default=Status.APPROVED)
    closed_on = models.DateField(_("종결일"), null=True, blank=True)

    class Meta:
        verbose_name = _("융자")
        verbose_name_plural = _("융자")
        ordering = ["-disbursed_on", "number"]
        constraints = [
            models.CheckConstraint(name="fund_loan_principal_positive", condition=Q(principal__gt=0)),
            models.CheckConstraint(name="fund_loan_term_positive", condition=Q(term_months__gt=0)),
            models.CheckConstraint(name="fund_loan_grace_within_term", condition=Q(grace_months__lt=F("term_months"))),
        ]
        indexes = [models.Index(fields=["intermediary", "purpose"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("fund:loan_detail", args=[self.number])


class ScheduleVersion(TimeStampedModel):
    """One version of a loan's repayment schedule, in force from `effective_on` until the next version's day.

    A recomputed schedule (prepayment, deferment, extension, full repayment) starts a new version; the old one stays
    (superseded) and still answers what was due before. `principal_before` and `interest_before` are what had been
    paid when the version started; its rows hold the instalments due after its start."""

    class Reason(models.TextChoices):
        DISBURSEMENT = "disbursement", _("실행")
        PREPAYMENT = "prepayment", _("중도상환")
        DEFERMENT = "deferment", _("상환유예")
        EXTENSION = "extension", _("이행연기")
        CLOSED = "closed", _("종결")

    loan = models.ForeignKey(Loan, on_delete=models.CASCADE, related_name="schedule_versions", verbose_name=_("융자"))
    number = models.PositiveSmallIntegerField(_("차수"))
    reason = models.CharField(_("사유"), max_length=16, choices=Reason.choices)
    effective_on = models.DateField(_("적용일"))
    principal_before = models.BigIntegerField(_("이전 상환 원금(원)"), default=0)
    interest_before = models.BigIntegerField(_("이전 상환 이자(원)"), default=0)
    interest_carried = models.BigIntegerField(
        _("이월 이자(원)"), default=0, help_text=_("유예 결정 때 밀린 이자: 새 일정의 첫 회차 이자에 들어 있음")
    )
    superseded_on = models.DateField(_("대체일"), null=True, blank=True)

    class Meta:
        verbose_name = _("상환 일정")
        verbose_name_plural = _("상환 일정")
        ordering = ["loan", "number"]
        constraints = [models.UniqueConstraint(fields=["loan", "number"], name="fund_schedule_version_unique")]
        indexes = [models.Index(fields=["loan", "effective_on"])]

    def __str__(self) -> str:
        return f"{self.loan.number} {self.number}차 일정"


class Instalment(models.Model):
    """A scheduled instalment. `cumulative_due` = the version's principal_before + interest_before + every principal
    and interest due up to this one: the earliest row whose cumulative_due exceeds what was paid is the oldest
    unpaid instalment (one query finds it for every loan)."""

    version = models.ForeignKey(
        ScheduleVersion, on_delete=models.CASCADE, related_name="instalments", verbose_name=_("상환 일정")
    )
    number = models.PositiveSmallIntegerField(_("회차"))
    due_on = models.DateField(_("납기일"))
    principal = models.BigIntegerField(_("원금(원)"))
    interest = models.BigIntegerField(_("이자(원)"))
    balance_after = models.BigIntegerField(_("상환 후 잔액(원)"))
    cumulative_due = models.BigIntegerField(_("누적 청구액(원)"))

    class Meta:
        verbose_name = _("상환 회차")
        verbose_name_plural = _("상환 회차")
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="fund_instalment_unique"),
            models.CheckConstraint(name="fund_instalment_not_negative", condition=Q(principal__gte=0, interest__gte=0)),
        ]
        indexes = [models.Index(fields=["due_on"]), models.Index(fields=["version", "due_on"])]

    def __str__(self) -> str:
        return f"{self.number}회차 {self.due_on}"

    @property
    def total(self) -> int:
        return self.principal + self.interest


class Repayment(TimeStampedModel):
    """A payment received, split (in this order) into overdue interest, interest and principal; `prepaid` is the
    part of the principal paid ahead of the schedule. `reference` is unique: a bank transaction posts once."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("직접 입력")
        STATEMENT = "statement", _("입금 내역 엑셀")

    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="repayments", verbose_name=_("융자"))
    received_on = models.DateField(_("입금일"))
    amount = models.BigIntegerField(_("입금액(원)"))
    overdue_interest = models.BigIntegerField(_("연체이자(원)"), default=0)
    interest = models.BigIntegerField(_("이자(원)"), default=0)
    principal = models.BigIntegerField(_("원금(원)"), default=0)
    prepaid = models.BigIntegerField(_("그중 중도상환 원금(원)"), default=0)
    reference = models.CharField(_("거래 고유번호"), max_length=64, unique=True)
    source = models.CharField(_("입력 방법"), max_length=16, choices=Source.choices, default=Source.MANUAL)
    statement_name = models.CharField(_("입금 내역 파일"), max_length=200, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("입력한 사람")
    )

    class Meta:
        verbose_name = _("상환")
        verbose_name_plural = _("상환")
        ordering = ["loan", "received_on", "pk"]
        constraints = [
            models.CheckConstraint(name="fund_repayment_amount_positive", condition=Q(amount__gt=0)),
            models.CheckConstraint(
                name="fund_repayment_parts_sum",
                condition=Q(amount=F("overdue_interest") + F("interest") + F("principal")),
            ),
        ]
        indexes = [models.Index(fields=["loan", "received_on"]), models.Index(fields=["received_on"])]

    def __str__(self) -> str:
        return f"{self.loan.number} {self.received_on} {self.amount:,}원"


class Account(models.TextChoices):
    """The fund's ledger accounts. Debit-normal: cash, intermediary funds, loans receivable, write-offs; credit-
    normal: contributions, interest income."""

    CASH = "cash", _("기금 예치금")
    CONTRIBUTIONS = "contributions", _("시 출연금")
    INTERMEDIARY_FUNDS = "intermediary_funds", _("수행기관 배정금")
    LOANS = "loans", _("융자 채권")
    INTEREST_INCOME = "interest_income", _("이자 수익")
    WRITE_OFFS = "write_offs", _("대손 상각")
    INVESTMENTS = "investments", _("출자금")
    INVESTMENT_INCOME = "investment_income", _("출자 수익")


class LedgerEntry(TimeStampedModel):
    """One double entry: `amount` debited to one account and credited to another. Balances are sums of entries,
    never stored; an entry is never edited (a mistake is reversed by another entry)."""

    class Kind(models.TextChoices):
        CONTRIBUTION = "contribution", _("출연")
        ALLOCATION = "allocation", _("수행기관 배정")
        DISBURSEMENT = "disbursement", _("융자 실행")
        PRINCIPAL = "principal", _("원금 회수")
        INTEREST = "interest", _("이자 수입")
        OVERDUE_INTEREST = "overdue_interest", _("연체이자 수입")
        WRITE_OFF = "write_off", _("대손 상각")
        INVESTMENT_CALL = "investment_call", _("출자 납입")
        DISTRIBUTION = "distribution", _("출자 분배")

    posted_on = models.DateField(_("기표일"))
    kind = models.CharField(_("구분"), max_length=20, choices=Kind.choices)
    debit = models.CharField(_("차변"), max_length=24, choices=Account.choices)
    credit = models.CharField(_("대변"), max_length=24, choices=Account.choices)
    amount = models.BigIntegerField(_("금액(원)"))
    agreement = models.ForeignKey(
        Agreement, null=True, blank=True, on_delete=models.PROTECT, related_name="entries", verbose_name=_("협약")
    )
    loan = models.ForeignKey(
        Loan, null=True, blank=True, on_delete=models.PROTECT, related_name="entries", verbose_name=_("융자")
    )
    repayment = models.ForeignKey(
        Repayment, null=True, blank=True, on_delete=models.PROTECT, related_name="entries", verbose_name=_("상환")
    )
    investment = models.ForeignKey(
        "Investment", null=True, blank=True, on_delete=models.PROTECT, related_name="entries", verbose_name=_("투자")
    )
    memo = models.CharField(_("적요"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("기금 원장")
        verbose_name_plural = _("기금 원장")
        ordering = ["posted_on", "pk"]
        constraints = [
            models.CheckConstraint(name="fund_entry_amount_positive", condition=Q(amount__gt=0)),
            models.CheckConstraint(name="fund_entry_two_accounts", condition=~Q(debit=F("credit"))),
        ]
        indexes = [models.Index(fields=["kind", "posted_on"]), models.Index(fields=["loan", "posted_on"])]

    def __str__(self) -> str:
        return f"{self.posted_on} {self.get_kind_display()} {self.amount:,}원"


class DefermentRequest(TimeStampedModel):
    """A borrower's request for a deferment or an extension. The monthly committee decides it: the meeting and the
    decision are committees records linked to the request ("fund.deferment", fund/committee.py); the request keeps
    the outcome (status) and the new schedule."""

    class Kind(models.TextChoices):
        DEFERMENT = "deferment", _("상환유예")
        EXTENSION = "extension", _("이행연기")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("심의 대기")
        APPROVED = "approved", _("승인")
        REJECTED = "rejected", _("부결")

    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="deferments", verbose_name=_("융자"))
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices)
    months = models.PositiveSmallIntegerField(_("유예·연기 개월"))
    requested_on = models.DateField(_("신청일"))
    reason = models.TextField(_("신청 사유"))
    status = models.CharField(_("상태"), max_length=16, choices=Status.choices, default=Status.REQUESTED)
    schedule_version = models.ForeignKey(
        ScheduleVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("상환 일정")
    )

    class Meta:
        verbose_name = _("상환유예·이행연기 신청")
        verbose_name_plural = _("상환유예·이행연기 신청")
        ordering = ["-requested_on", "pk"]

    def __str__(self) -> str:
        return f"{self.loan.number} {self.get_kind_display()} {self.months}개월"


class Investment(TimeStampedModel):
    """An equity-like fund investment (출자), such as the impact investment partnership (임팩트 투자조합): the
    commitment, and the capital called and distributed (ledger entries, summed, never stored)."""

    code = models.CharField(_("출자번호"), max_length=32, unique=True)
    name = models.CharField(_("출자 대상"), max_length=120)
    manager = models.CharField(_("운용사"), max_length=120, blank=True)
    committed = models.BigIntegerField(_("출자 약정액(원)"))
    committed_on = models.DateField(_("약정일"))
    approval = models.CharField(_("근거(의회 동의 등)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("기금 출자")
        verbose_name_plural = _("기금 출자")
        ordering = ["-committed_on", "code"]
        constraints = [models.CheckConstraint(name="fund_investment_commitment_positive", condition=Q(committed__gt=0))]

    def __str__(self) -> str:
        return self.name


class YearPlan(TimeStampedModel):
    """The fund's plan for a year as the business report prints it: the investment and loan budget (투·융자사업비)
    and the loans planned by purpose. What was contributed, allocated and lent comes from the ledger."""

    year = models.PositiveSmallIntegerField(_("연도"), unique=True)
    programme_budget = models.BigIntegerField(_("투·융자사업비(원)"))
    loans_enterprise = models.BigIntegerField(_("융자 계획: 사회적경제기업 등(원)"))
    loans_social_housing = models.BigIntegerField(_("융자 계획: 사회주택(원)"))
    source = models.CharField(_("출처"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("기금 연간 계획")
        verbose_name_plural = _("기금 연간 계획")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}년 사회투자기금 계획"

    @property
    def loans_total(self) -> int:
        return self.loans_enterprise + self.loans_social_housing


class Notice(TimeStampedModel):
    """A notice recorded as sent: the repayment notice for the instalments of a half-month, or the monthly overdue
    notice. One per loan, kind and period: running a batch again sends nothing twice."""

    class Kind(models.TextChoices):
        REPAYMENT = "repayment", _("원리금 상환고지")
        OVERDUE = "overdue", _("미납·연체고지")

    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="notices", verbose_name=_("융자"))
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices)
    period_start = models.DateField(_("고지 기간 시작"))
    period_end = models.DateField(_("고지 기간 끝"))
    amount = models.BigIntegerField(_("고지 금액(원)"))
    days_past_due = models.PositiveIntegerField(_("연체 일수"), default=0)
    generated_at = models.DateTimeField(_("생성일시"))

    class Meta:
        verbose_name = _("고지")
        verbose_name_plural = _("고지")
        ordering = ["-period_start", "loan"]
        constraints = [
            models.UniqueConstraint(fields=["loan", "kind", "period_start"], name="fund_notice_once_per_period")
        ]
        indexes = [models.Index(fields=["kind", "period_start"])]

    def __str__(self) -> str:
        return f"{self.loan.number} {self.get_kind_display()} {self.period_start}"
