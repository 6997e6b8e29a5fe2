"""결재: an approval request (기안) for one act on one record, its line of steps (검토 … 결재) and the office's 전결
rules (which position gives the final approval of each act, by amount). Every model is in the change history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iljari.core.figures import MONEY
from iljari.core.models import TimeStampedModel
from iljari.core.roles import Position


class DelegationRule(TimeStampedModel):
    """전결 규정: the lowest position that gives the final approval of an act for an amount in [amount_from,
    amount_below) (원; either bound may be open). An act without a matching rule takes the position the act names
    (approvals.acts.Act.default_position); where several match, the highest position stands."""

    act = models.CharField(_("결재 종류"), max_length=60)
    amount_from = models.BigIntegerField(_("금액 이상(원)"), null=True, blank=True, validators=[MONEY.validator])
    amount_below = models.BigIntegerField(_("금액 미만(원)"), null=True, blank=True, validators=[MONEY.validator])
    position = models.CharField(_("결재권자 직위"), max_length=16, choices=Position.choices)
    note = models.CharField(_("근거"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("전결 규정")
        verbose_name_plural = _("전결 규정")
        ordering = ["act", "amount_from", "pk"]
        constraints = [
            models.CheckConstraint(
                name="delegation_rule_amounts_not_negative",
                condition=(Q(amount_from__isnull=True) | Q(amount_from__gte=0))
                & (Q(amount_below__isnull=True) | Q(amount_below__gt=0)),
            ),
            models.CheckConstraint(
                name="delegation_rule_range_not_empty",
                condition=Q(amount_from__isnull=True)
                | Q(amount_below__isnull=True)
                | Q(amount_below__gt=models.F("amount_from")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.act} {self.get_position_display()}"


class ApprovalRequest(TimeStampedModel):
    """One act on one record, sent by its drafter along a line; the act's function runs on the final approval."""

    class State(models.TextChoices):
        DRAFTED = "drafted", _("기안")
        IN_PROGRESS = "in_progress", _("진행")
        APPROVED = "approved", _("승인")
        REJECTED = "rejected", _("반려")
        RECALLED = "recalled", _("회수")

    OPEN_STATES = (State.DRAFTED, State.IN_PROGRESS)
    DONE_STATES = (State.APPROVED, State.REJECTED, State.RECALLED)

    act = models.CharField(_("결재 종류"), max_length=60)
    target_key = models.CharField(_("대상"), max_length=120, help_text=_("결재 종류가 대상 기록을 찾는 열쇠"))
    title = models.CharField(_("제목"), max_length=300)
    summary = models.TextField(_("내용"), blank=True)
    amount = models.BigIntegerField(_("금액(원)"), null=True, blank=True, validators=[MONEY.validator])
    division_path = models.CharField(_("담당 부서 경로"), max_length=200, blank=True)
    district = models.ForeignKey(
        "org.District", verbose_name=_("자치구"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    drafter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("기안자"), on_delete=models.PROTECT, related_name="+"
    )
    drafter_position = models.CharField(_("기안자 직위"), max_length=16, choices=Position.choices, blank=True)
    note = models.TextField(_("기안 의견"), blank=True)
    required_position = models.CharField(_("결재권자 직위(전결 규정)"), max_length=16, choices=Position.choices)
    rule_text = models.CharField(_("적용한 전결 규정"), max_length=300, blank=True)
    state = models.CharField(_("상태"), max_length=16, choices=State.choices, default=State.DRAFTED)
    current_approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("현재 결재 차례"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    drafted_at = models.DateTimeField(_("기안 일시"), default=timezone.now)
    decided_at = models.DateTimeField(_("완결 일시"), null=True, blank=True)
    recall_reason = models.CharField(_("회수 사유"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("결재 문서")
        verbose_name_plural = _("결재 문서")
        ordering = ["-drafted_at", "-pk"]
        constraints = [
            # one open request per act and record: a second draft of the same act waits for the first to end
            models.UniqueConstraint(
                fields=["act", "target_key"],
                condition=Q(state__in=["drafted", "in_progress"]),
                name="approval_one_open_per_target",
            ),
            models.CheckConstraint(
                name="approval_amount_not_negative", condition=Q(amount__isnull=True) | Q(amount__gte=0)
            ),
            models.CheckConstraint(
                name="approval_decided_when_done",
                condition=Q(state__in=["drafted", "in_progress"], decided_at__isnull=True)
                | Q(state__in=["approved", "rejected", "recalled"], decided_at__isnull=False),
            ),
        ]
        indexes = [
            models.Index(fields=["current_approver", "state"], name="approval_waiting_for"),
            models.Index(fields=["drafter", "state"], name="approval_drafted_by"),
        ]

    def __str__(self) -> str:
        return f"결재 #{self.pk} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("approvals:request_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES


class ApprovalStep(TimeStampedModel):
    """One box of the line after the drafter's: a reviewer (검토) or the final approver (결재), in order."""

    class Kind(models.TextChoices):
        REVIEW = "review", _("검토")
        APPROVE = "approve", _("결재")

    class State(models.TextChoices):
        WAITING = "waiting", _("대기")
        APPROVED = "approved", _("승인")
        REJECTED = "rejected", _("반려")

    request = models.ForeignKey(ApprovalRequest, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("순서"))
    kind = models.CharField(_("구분"), max_length=8, choices=Kind.choices)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("결재자"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.CharField(_("직위"), max_length=16, choices=Position.choices, blank=True)
    state = models.CharField(_("상태"), max_length=8, choices=State.choices, default=State.WAITING)
    acted_at = models.DateTimeField(_("처리 일시"), null=True, blank=True)
    comment = models.CharField(_("의견·반려 사유"), max_length=1000, blank=True)
    delegated = models.BooleanField(_("전결"), default=False)

    class Meta:
        verbose_name = _("결재선")
        verbose_name_plural = _("결재선")
        ordering = ["request", "order"]
        constraints = [
            models.UniqueConstraint(fields=["request", "order"], name="approval_step_order_unique"),
            models.CheckConstraint(
                name="approval_step_rejection_has_reason",
                condition=~Q(state="rejected") | ~Q(comment=""),
            ),
            models.CheckConstraint(
                name="approval_step_acted_when_done",
                condition=Q(state="waiting", acted_at__isnull=True) | (~Q(state="waiting") & Q(acted_at__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.order}"
