"""Spending reports (the grantee's, or a paper one the division enters) and the settlement that closes the money of
an agreement: disbursed = spent + returned, the return and the unused commitment given back to the budget line."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from iljari.core.errors import ValidationFailed, field_error
from iljari.core.formats import format_won, screen_date
from iljari.core.history import history_bulk_created
from iljari.finance.services import budget_movement_post
from iljari.grants.models import GrantAgreement, GrantProgramme, Settlement, SpendingItem, SpendingReport
from iljari.grants.services.checks import (
    agreement_lock,
    amount_check,
    disbursed_total,
    require_manage,
    require_submit,
)
from iljari.grants.services.jobs import grant_jobs_sync


def spending_report_submit(
    *, actor, agreement: GrantAgreement, period_end: date, items: dict, jobs_created: int = 0, note: str = ""
) -> SpendingReport:
    require_submit(actor, agreement)
    errors: dict[str, list[str]] = {}
    if period_end is None:
        errors["period_end"] = ["집행 기준일을 입력하십시오."]
    clean: dict[str, int] = {}
    for category, value in (items or {}).items():
        if category not in SpendingItem.Category.values:
            errors.setdefault("items", []).append(f"알 수 없는 비목입니다({category}).")
            continue
        label = SpendingItem.Category(category).label
        if value is None or value == 0:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            errors.setdefault(category, []).append(f"{label} 집행액은 0원 이상의 정수여야 합니다.")
            continue
        clean[category] = value
    if not isinstance(jobs_created, int) or jobs_created < 0:
        errors["jobs_created"] = ["채용 인원은 0명 이상입니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        agreement = agreement_lock(agreement)
        if agreement.status != GrantAgreement.Status.SIGNED:
            raise field_error(
                "period_end", f"협약 체결 중인 사업만 집행을 보고합니다(지금: {agreement.get_status_display()})."
            )
        if not agreement.signed_on <= period_end <= agreement.ends_on:
            raise field_error("period_end", "집행 기준일은 협약일부터 사업 종료일 사이여야 합니다.")
        if agreement.spending_reports.filter(period_end=period_end).exists():
            raise field_error("period_end", f"{screen_date(period_end)} 기준 보고가 이미 있습니다.")
        total = sum(clean.values())
        if total > agreement.total_amount:
            raise field_error(
                "items",
                f"집행액 합계 {format_won(total)}이 "
                f"총사업비 {format_won(agreement.total_amount)}(시비+매칭)를 넘습니다.",
            )
        report = SpendingReport.objects.create(
            agreement=agreement,
            period_end=period_end,
            jobs_created=jobs_created,
            note=note,
            submitted_by=actor if actor is not None else None,
        )
        items = SpendingItem.objects.bulk_create(
            [SpendingItem(report=report, category=category, amount=amount) for category, amount in clean.items()]
        )
        history_bulk_created(items, describe=lambda item: f"집행 보고 #{report.pk} {item.get_category_display()}")
        if agreement.programme.job_count == GrantProgramme.JobCount.REPORTED:
            grant_jobs_sync(programme=agreement.programme.programme, year=agreement.year, as_of=period_end)
    return report


def settlement_record(
    *, actor, agreement: GrantAgreement, settled_on: date, spent: int, returned: int, note: str = ""
) -> Settlement:
    require_manage(actor, agreement.programme)
    amount_check(spent, "spent", "집행액")
    amount_check(returned, "returned", "반납액")
    if settled_on is None:
        raise field_error("settled_on", "정산일을 입력하십시오.")
    with transaction.atomic():
        agreement = agreement_lock(agreement)
        if agreement.status != GrantAgreement.Status.SIGNED:
            raise field_error(
                "settled_on", f"협약 체결 중인 사업만 정산합니다(지금: {agreement.get_status_display()})."
            )
        if settled_on < agreement.signed_on:
            raise field_error("settled_on", "정산일은 협약일 이후여야 합니다.")
        disbursed = disbursed_total(agreement)
        gap = disbursed - spent - returned
        if gap:
            message = (
                f"정산이 맞지 않습니다: 교부액 {format_won(disbursed)} = 집행액 {format_won(spent)} "
                f"+ 반납액 {format_won(returned)}"
                f"이어야 하는데 {format_won(abs(gap))}이 {'모자랍니다' if gap > 0 else '넘칩니다'}."
            )
            raise ValidationFailed(message, field_errors={"returned": [message]})
        settlement = Settlement.objects.create(
            agreement=agreement, settled_on=settled_on, disbursed=disbursed, spent=spent, returned=returned, note=note
        )
        agreement.status = GrantAgreement.Status.SETTLED
        agreement.save(update_fields=["status", "updated_at"])
        release = agreement.city_amount - spent  # the commitment not needed: never disbursed, or returned
        if settled_on.year == agreement.budget_line.year and (release or returned):
            budget_movement_post(
                actor=None,
                line=agreement.budget_line,
                on=settled_on,
                committed=-release,
                spent=-returned,
                reference=f"grants:settlement:{settlement.pk}",
                note=f"보조금 {agreement.code} 정산(반납 {format_won(returned)})",
            )
    return settlement
