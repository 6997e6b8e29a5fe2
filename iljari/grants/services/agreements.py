"""Agreements: a draft from a selected application (or a grantee named by its number) inside the programme's rules,
and signing, which commits the city share on the budget line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from iljari.approvals.services import approval_draft
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.figures import COUNT
from iljari.core.formats import format_won
from iljari.finance.services import budget_movement_post
from iljari.grants.models import GrantAgreement, GrantProgramme
from iljari.grants.services.checks import agreement_lock, amount_check, date_check, require_manage
from iljari.grants.services.programmes import matching_errors
from iljari.intake.models import Application, Call

AGREEMENT_YEARS = 5  # an agreement runs from the year before its year up to five years after it


def _application_errors(programme: GrantProgramme, application, grantee) -> list[str]:
    call = application.call
    if call.audience != Call.Audience.ORGANISATIONS:
        return ["기업·단체 공모의 신청만 협약할 수 있습니다."]
    if programme.call_id is not None and call.pk != programme.call_id:
        return [f"이 보조금 사업의 공모({programme.call.title})에 낸 신청이 아닙니다."]
    if programme.call_id is None and call.programme_id != programme.programme_id:
        return [f"이 보조금 사업의 주요업무({programme.programme.title}) 공모에 낸 신청이 아닙니다."]
    if not call.selection_confirmed:
        return ["공모의 선정 결과가 아직 확정되지 않았습니다."]
    if application.status != Application.Status.SELECTED:
        return [f"선정된 신청이 아닙니다(상태: {application.get_status_display()})."]
    if application.organisation_id != grantee.pk:
        return ["신청한 기업·단체와 협약 상대가 다릅니다."]
    return []


def agreement_create(
    *,
    actor,
    programme: GrantProgramme,
    grantee,
    code: str,
    title: str,
    starts_on: date,
    ends_on: date,
    city_amount: int,
    matched_amount: int = 0,
    application=None,
    district=None,
    partner=None,
    jobs_planned: int = 0,
    previous: GrantAgreement | None = None,
    year: int | None = None,
) -> GrantAgreement:
    require_manage(actor, programme)
    errors: dict[str, list[str]] = {}
    code = (code or "").strip()
    if not code:
        errors["code"] = ["협약번호를 입력하십시오."]
    elif GrantAgreement.objects.filter(code=code).exists():
        errors["code"] = [f"이미 쓰는 협약번호입니다({code})."]
    if not (title or "").strip():
        errors["title"] = ["사업명을 입력하십시오."]
    if starts_on is None or ends_on is None:
        errors["ends_on"] = ["사업 기간을 입력하십시오."]
    elif ends_on < starts_on:
        errors["ends_on"] = ["사업 종료일이 시작일보다 앞설 수 없습니다."]
    for field, value, label in (("starts_on", starts_on, "사업 시작일"), ("ends_on", ends_on, "사업 종료일")):
        try:
            date_check(value, field, label, year=year or programme.year, after=AGREEMENT_YEARS)
        except ValidationFailed as error:
            errors.update(error.field_errors)
    for field, value, label in (("city_amount", city_amount, "시비"), ("matched_amount", matched_amount, "매칭")):
        try:
            amount_check(value, field, label, positive=field == "city_amount")
        except ValidationFailed as error:
            errors.update(error.field_errors)
    if "city_amount" not in errors:
        if programme.min_amount is not None and city_amount < programme.min_amount:
            errors["city_amount"] = [f"이 사업의 한 건 지원은 {format_won(programme.min_amount)} 이상입니다."]
        if programme.max_amount is not None and city_amount > programme.max_amount:
            errors["city_amount"] = [f"이 사업의 한 건 지원은 {format_won(programme.max_amount)} 이하입니다."]
    if "city_amount" not in errors and "matched_amount" not in errors:
        matching = matching_errors(programme, city_amount, matched_amount)
        if matching:
            errors["matched_amount"] = matching
    if application is not None:
        application_errors = _application_errors(programme, application, grantee)
        if application_errors:
            errors["application"] = application_errors
        elif GrantAgreement.objects.filter(application=application).exists():
            errors["application"] = ["이 신청은 이미 협약했습니다."]
    if not isinstance(jobs_planned, int) or jobs_planned < 0:
        errors["jobs_planned"] = ["계획 일자리는 0명 이상입니다."]
    elif not COUNT.fits(jobs_planned):
        errors["jobs_planned"] = [COUNT.message]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return GrantAgreement.objects.create(
            code=code,
            programme=programme,
            grantee=grantee,
            application=application,
            title=title.strip(),
            year=year or programme.year,
            starts_on=starts_on,
            ends_on=ends_on,
            city_amount=city_amount,
            matched_amount=matched_amount,
            budget_line=programme.budget_line,
            district=district,
            partner=partner,
            jobs_planned=jobs_planned,
            previous=previous,
        )


AGREEMENT_SIGN = "grants.agreement_sign"  # the act (grants/approval_acts.py)


def agreement_sign_check(*, agreement: GrantAgreement, signed_on: date | None) -> None:
    """Refuses a signing that cannot be done: no date, an agreement not in draft, a date outside the budget line's
    year or after the agreement's end."""
    if signed_on is None:
        raise field_error("signed_on", "협약일을 입력하십시오.")
    if agreement.status != GrantAgreement.Status.DRAFT:
        raise field_error("signed_on", f"이미 {agreement.get_status_display()} 상태인 협약입니다.")
    if signed_on.year != agreement.budget_line.year:
        raise field_error(
            "signed_on", f"협약일은 예산 사업의 회계연도({agreement.budget_line.year}년) 안이어야 합니다."
        )
    if signed_on > agreement.ends_on:
        raise field_error("signed_on", "사업 종료일 뒤에는 협약할 수 없습니다.")


def agreement_sign(*, actor, agreement: GrantAgreement, signed_on: date, approval=None) -> GrantAgreement:
    """Sign the agreement (협약 체결), committing the city share on the budget line: at once for the system (actor
    None) or on its approval's final step (`approval`: the act's run); any other actor drafts the approval "보조금
    협약 체결" (결재) instead — 전결 at once where the actor's own position gives it for the city share. Returns the
    agreement, signed or still in draft while its approval runs."""
    require_manage(actor, agreement.programme)
    if actor is not None and approval is None:
        agreement_sign_check(agreement=agreement, signed_on=signed_on)
        approval_draft(actor=actor, act=AGREEMENT_SIGN, target=AgreementSigning(agreement, signed_on))
        agreement.refresh_from_db()
        return agreement
    with transaction.atomic():
        agreement = agreement_lock(agreement)
        agreement_sign_check(agreement=agreement, signed_on=signed_on)
        agreement.status = GrantAgreement.Status.SIGNED
        agreement.signed_on = signed_on
        agreement.save(update_fields=["status", "signed_on", "updated_at"])
        budget_movement_post(
            actor=None,
            line=agreement.budget_line,
            on=signed_on,
            committed=agreement.city_amount,
            reference=f"grants:agreement:{agreement.pk}:sign",
            note=f"보조금 협약 {agreement.code} 체결(원인행위)",
        )
    return agreement


@dataclass(frozen=True)
class AgreementSigning:
    """An agreement to be signed on a day: what the approval 보조금 협약 체결 names."""

    agreement: GrantAgreement
    signed_on: date

    @property
    def key(self) -> str:
        return f"{self.agreement.code}/{self.signed_on:%Y-%m-%d}"
