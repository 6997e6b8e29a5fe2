"""Tranches (교부): a signed agreement's payments, never beyond its city share, each moving the budget line's
지출액. Paying a tranche is an approval (결재) "보조금 교부" (grants/approval_acts.py): it is paid on the final
approval."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Max

from iljari.approvals.models import ApprovalRequest
from iljari.approvals.services import approval_draft
from iljari.core.errors import field_error
from iljari.core.formats import format_won, screen_date
from iljari.finance.services import budget_movement_post
from iljari.grants.models import Disbursement, GrantAgreement, Payroll
from iljari.grants.services.checks import agreement_lock, amount_check, disbursed_total, require_manage

DISBURSE = "grants.disburse"  # the act (grants/approval_acts.py)


@dataclass(frozen=True)
class TranchePayment:
    """A tranche to be paid on a day: what the approval 보조금 교부 names (its amount is in the key, so the amount
    approved is the amount paid)."""

    agreement: GrantAgreement
    paid_on: date
    amount: int

    @property
    def key(self) -> str:
        return f"{self.agreement.code}/{self.paid_on:%Y-%m-%d}/{self.amount}"


def disbursement_check(*, agreement: GrantAgreement, paid_on: date, amount: int) -> None:
    """Refuses a tranche that cannot be paid: the agreement not signed, the day before its signing or outside the
    budget line's year, or more than the city share left."""
    if agreement.status != GrantAgreement.Status.SIGNED:
        raise field_error("amount", f"협약이 체결된 사업에만 교부합니다(지금: {agreement.get_status_display()}).")
    if paid_on < agreement.signed_on:
        raise field_error("paid_on", f"교부일은 협약일({screen_date(agreement.signed_on)}) 이후여야 합니다.")
    if paid_on.year != agreement.budget_line.year:
        raise field_error("paid_on", f"교부일은 예산 사업의 회계연도({agreement.budget_line.year}년) 안이어야 합니다.")
    disbursed = disbursed_total(agreement)
    left = agreement.city_amount - disbursed
    if amount > left:
        raise field_error(
            "amount",
            f"협약 시비 {format_won(agreement.city_amount)} 중 {format_won(disbursed)}을 이미 교부해 남은 금액은 "
            f"{format_won(left)}입니다: {format_won(amount)}은 교부할 수 없습니다.",
        )


def disbursement_record(
    *,
    actor,
    agreement: GrantAgreement,
    paid_on: date,
    amount: int,
    note: str = "",
    payroll: Payroll | None = None,
    approval=None,
) -> Disbursement | None:
    """Pay a tranche (교부): at once for the system (actor None), for an approved payroll (`payroll`: the payroll's
    approval pays it), or on its approval's final step (`approval`: the act's run); any other actor drafts the
    approval "보조금 교부" (결재; the amount the 전결 rules read is the tranche's; the note goes with the draft and
    becomes the tranche's) — 전결 at once where the actor's own position gives it. Returns the tranche, or None
    while its approval runs."""
    require_manage(actor, agreement.programme)
    amount_check(amount, "amount", "교부액", positive=True)
    if paid_on is None:
        raise field_error("paid_on", "교부일을 입력하십시오.")
    if actor is not None and approval is None and payroll is None:
        agreement = GrantAgreement.objects.select_related(
            "programme__programme__division", "grantee", "budget_line"
        ).get(pk=agreement.pk)  # as it is now (the caller's may be older than its signing)
        disbursement_check(agreement=agreement, paid_on=paid_on, amount=amount)
        target = TranchePayment(agreement, paid_on, amount)
        request = approval_draft(actor=actor, act=DISBURSE, target=target, note=note)
        if request.state != ApprovalRequest.State.APPROVED:
            return None
        return agreement.disbursements.order_by("-number").first()  # 전결: paid inside the draft
    with transaction.atomic():
        agreement = agreement_lock(agreement)
        disbursement_check(agreement=agreement, paid_on=paid_on, amount=amount)
        number = (agreement.disbursements.aggregate(n=Max("number"))["n"] or 0) + 1
        disbursement = Disbursement.objects.create(
            agreement=agreement, number=number, paid_on=paid_on, amount=amount, note=note[:200], payroll=payroll
        )
        budget_movement_post(
            actor=None,
            line=agreement.budget_line,
            on=paid_on,
            spent=amount,
            reference=f"grants:disbursement:{disbursement.pk}",
            note=f"보조금 {agreement.code} {number}차 교부",
        )
    return disbursement
