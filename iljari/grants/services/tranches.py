"""Tranches (교부): a signed agreement's payments, never beyond its city share, each moving the budget line's
지출액."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max

from iljari.core.errors import field_error
from iljari.core.formats import format_won, screen_date
from iljari.finance.services import budget_movement_post
from iljari.grants.models import Disbursement, GrantAgreement, Payroll
from iljari.grants.services.checks import agreement_lock, amount_check, disbursed_total, require_manage


def disbursement_record(
    *, actor, agreement: GrantAgreement, paid_on: date, amount: int, note: str = "", payroll: Payroll | None = None
) -> Disbursement:
    require_manage(actor, agreement.programme)
    amount_check(amount, "amount", "교부액", positive=True)
    if paid_on is None:
        raise field_error("paid_on", "교부일을 입력하십시오.")
    with transaction.atomic():
        agreement = agreement_lock(agreement)
        if agreement.status != GrantAgreement.Status.SIGNED:
            raise field_error("amount", f"협약이 체결된 사업에만 교부합니다(지금: {agreement.get_status_display()}).")
        if paid_on < agreement.signed_on:
            raise field_error("paid_on", f"교부일은 협약일({screen_date(agreement.signed_on)}) 이후여야 합니다.")
        if paid_on.year != agreement.budget_line.year:
            raise field_error(
                "paid_on", f"교부일은 예산 사업의 회계연도({agreement.budget_line.year}년) 안이어야 합니다."
            )
        disbursed = disbursed_total(agreement)
        left = agreement.city_amount - disbursed
        if amount > left:
            raise field_error(
                "amount",
                f"협약 시비 {format_won(agreement.city_amount)} 중 {format_won(disbursed)}을 이미 교부해 남은 금액은 "
                f"{format_won(left)}입니다: {format_won(amount)}은 교부할 수 없습니다.",
            )
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
