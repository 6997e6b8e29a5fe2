"""Paying a confirmed month: one transfer batch per paying body of a worksite's confirmed month (the city, and the
district for its share of a district worksite's pay), one line per person and body, and the bank's result on each
line (docs/payroll-transfer.md). Imported by payroll.models."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from iljari.core.formats import screen_month
from iljari.core.models import TimeStampedModel

CITY = "city"  # the payer key of the city; a district's is its code


class TransferBatch(TimeStampedModel):
    """The lines one paying body transfers for one worksite's confirmed month (or a re-issue of failed lines)."""

    class Kind(models.TextChoices):
        MONTH = "month", _("월 급여")
        REISSUE = "reissue", _("재지급")

    code = models.CharField(_("이체 번호"), max_length=20, unique=True)
    kind = models.CharField(_("구분"), max_length=8, choices=Kind.choices, default=Kind.MONTH)
    confirmation = models.ForeignKey(
        "participation.PayConfirmation",
        on_delete=models.PROTECT,
        related_name="transfer_batches",
        verbose_name=_("급여 확정"),
    )
    month = models.DateField(_("월"))
    transfer_day = models.DateField(_("이체일"))
    payer = models.CharField(_("지급 기관 코드"), max_length=10, help_text=_("city 또는 자치구 코드"))
    payer_name = models.CharField(_("지급 기관"), max_length=40)
    share_percent = models.PositiveSmallIntegerField(_("부담 비율(%)"))
    reissue_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reissues", verbose_name=_("원 이체")
    )
    count = models.PositiveIntegerField(_("이체 건수"))
    total = models.BigIntegerField(_("이체 금액"))
    no_account = models.PositiveIntegerField(_("계좌 없음"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("만든 사람")
    )
    result_at = models.DateTimeField(_("결과 반영 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("급여 이체")
        verbose_name_plural = _("급여 이체")
        ordering = ["-month", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["confirmation", "payer"], condition=Q(kind="month"), name="transfer_once_per_payer"
            ),
        ]

    def __str__(self) -> str:
        return f"{screen_month(self.month)} {self.payer_name} 급여 이체 {self.code}"


class TransferLine(models.Model):
    """One person's transfer from one paying body: their share of the net pay, to the account they had when the
    batch was made (people.PayAccount rows are never edited: a later change of account is a new row, so the line
    keeps pointing at what was sent, its number encrypted once, where people keeps it)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("이체 의뢰")
        PAID = "paid", _("입금")
        FAILED = "failed", _("불능")
        NO_ACCOUNT = "no_account", _("계좌 없음")
        REISSUED = "reissued", _("재지급으로 넘김")

    batch = models.ForeignKey(TransferBatch, on_delete=models.CASCADE, related_name="lines", verbose_name=_("이체"))
    payment = models.ForeignKey(
        "participation.Payment", on_delete=models.PROTECT, related_name="transfer_lines", verbose_name=_("급여")
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("사람"))
    reference = models.CharField(_("관리번호"), max_length=20, unique=True)
    amount = models.BigIntegerField(_("이체 금액(실지급액 몫)"))
    gross_part = models.BigIntegerField(_("지급 총액 몫"))
    employer_part = models.BigIntegerField(_("사업주 부담 몫"))
    pay_account = models.ForeignKey(
        "people.PayAccount",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("급여 계좌"),
        help_text=_("보낼 때의 계좌(계좌는 고치지 않고 새로 만들므로 보낸 계좌가 그대로 남는다). 없으면 계좌 없음."),
    )
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices)
    reason_code = models.CharField(_("불능 사유 코드"), max_length=4, blank=True)
    reason = models.CharField(_("불능 사유"), max_length=80, blank=True)
    settled_at = models.DateTimeField(_("결과 반영 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("급여 이체 줄")
        verbose_name_plural = _("급여 이체 줄")
        ordering = ["batch", "pk"]
        constraints = [
            models.CheckConstraint(name="transfer_line_amount_not_negative", condition=Q(amount__gte=0)),
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.amount:,}원 ({self.get_status_display()})"

    @property
    def bank_code(self) -> str:
        return self.pay_account.bank_code if self.pay_account_id else ""

    @property
    def bank_name(self) -> str:
        return self.pay_account.bank_name if self.pay_account_id else "-"

    @property
    def account_masked(self) -> str:
        return self.pay_account.number_masked if self.pay_account_id else "계좌 없음"
