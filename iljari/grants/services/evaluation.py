"""Evaluation of a settled agreement: the scores and the decision; extending (or cutting) creates next year's draft
agreement on next year's programme."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP

from django.db import transaction

from iljari.core.errors import ValidationFailed, field_error
from iljari.core.formats import format_won
from iljari.grants.models import Evaluation, GrantAgreement, GrantProgramme
from iljari.grants.services.agreements import agreement_create
from iljari.grants.services.checks import agreement_lock, require_manage
from iljari.grants.services.programmes import matched_required


def _next_programme(programme: GrantProgramme) -> GrantProgramme | None:
    return (
        GrantProgramme.objects.filter(
            year=programme.year + 1, programme=programme.programme, kind=programme.kind, name=programme.name
        )
        .order_by("code")
        .first()
    )


def evaluation_record(
    *,
    actor,
    agreement: GrantAgreement,
    evaluated_on: date,
    score_plan: int,
    score_jobs: int,
    score_finance: int,
    decision: str,
    next_amount: int | None = None,
    note: str = "",
    next_programme: GrantProgramme | None = None,
) -> Evaluation:
    require_manage(actor, agreement.programme)
    errors: dict[str, list[str]] = {}
    for field, value, label in (
        ("score_plan", score_plan, "사업계획 달성"),
        ("score_jobs", score_jobs, "일자리 성과"),
        ("score_finance", score_finance, "예산 집행 적정성"),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
            errors[field] = [f"{label} 점수는 0점부터 100점까지입니다."]
    if evaluated_on is None:
        errors["evaluated_on"] = ["평가일을 입력하십시오."]
    if decision not in Evaluation.Decision.values:
        errors["decision"] = ["결정을 고르십시오(연장, 감액 연장, 중단)."]
    elif decision == Evaluation.Decision.EXTEND:
        next_amount = agreement.city_amount if next_amount is None else next_amount
        if next_amount != agreement.city_amount:
            errors["next_amount"] = ["연장은 같은 시비입니다: 금액을 줄이려면 '감액 연장'을 고르십시오."]
    elif decision == Evaluation.Decision.CUT:
        if not isinstance(next_amount, int) or not 0 < next_amount < agreement.city_amount:
            errors["next_amount"] = [
                f"감액 연장은 다음 해 시비를 {format_won(agreement.city_amount)}보다 적게 적습니다."
            ]
    elif next_amount:
        errors["next_amount"] = ["중단하면 다음 해 시비가 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        agreement = agreement_lock(agreement)
        if agreement.status != GrantAgreement.Status.SETTLED:
            raise field_error("decision", f"정산을 마친 협약만 평가합니다(지금: {agreement.get_status_display()}).")
        evaluation = Evaluation.objects.create(
            agreement=agreement,
            evaluated_on=evaluated_on,
            score_plan=score_plan,
            score_jobs=score_jobs,
            score_finance=score_finance,
            decision=decision,
            next_amount=None if decision == Evaluation.Decision.STOP else next_amount,
            note=note,
        )
        agreement.status = GrantAgreement.Status.CLOSED
        agreement.save(update_fields=["status", "updated_at"])
        if decision != Evaluation.Decision.STOP:
            target = next_programme or _next_programme(agreement.programme)
            if target is None:
                raise field_error(
                    "decision",
                    f"연장할 {agreement.programme.year + 1}년 '{agreement.programme.name}' "
                    "보조금 사업을 먼저 등록하십시오.",
                )
            matched = 0
            if target.matched_source != GrantProgramme.MatchedSource.NONE:
                required = matched_required(target, next_amount)
                rounding = ROUND_HALF_UP if target.matched_exact else ROUND_CEILING
                matched = int(required.to_integral_value(rounding=rounding))
            starts_on = agreement.ends_on + timedelta(days=1)
            agreement_create(
                actor=actor,
                programme=target,
                grantee=agreement.grantee,
                code=f"{agreement.code}-E",
                title=agreement.title,
                starts_on=starts_on,
                ends_on=starts_on + (agreement.ends_on - agreement.starts_on),
                city_amount=next_amount,
                matched_amount=matched,
                district=agreement.district,
                partner=agreement.partner,
                jobs_planned=agreement.jobs_planned,
                previous=agreement,
            )
    return evaluation
