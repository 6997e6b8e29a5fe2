"""grants' acts that need an approval line (결재), registered with approvals in GrantsConfig.ready: signing a grant
agreement (보조금 협약 체결), which commits the city share on the budget line (the amount the 전결 rules read is the
city share), paying a tranche (보조금 교부), which moves the line's 지출액 (the amount is the tranche's), and approving
an employment programme's payroll (인건비 지원 교부), which pays its subsidy as a tranche (the amount is the subsidy). A
division's head (담당관) approves either unless the office's rules say otherwise."""

from __future__ import annotations

import re
from datetime import date

from django.urls import reverse

from iljari.approvals.acts import Act, register
from iljari.approvals.selectors import approval_open_under
from iljari.core.access import access_grants_manage
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.formats import format_won, screen_date
from iljari.core.roles import Position
from iljari.grants import services
from iljari.grants.models import GrantAgreement, Payroll

KEY = re.compile(r"(?P<code>.{1,60})/(?P<day>\d{4}-\d{2}-\d{2})")


def _agreement(code: str) -> GrantAgreement:
    agreement = (
        GrantAgreement.objects.select_related("programme__programme__division", "grantee", "budget_line")
        .filter(code=code)
        .first()
    )
    if agreement is None:
        raise NotFound("협약을 찾을 수 없습니다.")
    return agreement


def _read_key(pattern: re.Pattern, key: str) -> tuple[GrantAgreement, date, re.Match]:
    """The agreement and the day a request's key names (signing: code/day; a tranche: code/day/amount)."""
    found = pattern.fullmatch(key or "")
    if found is None:
        raise NotFound("협약을 찾을 수 없습니다.")
    try:
        day = date.fromisoformat(found["day"])
    except ValueError:
        raise NotFound("협약을 찾을 수 없습니다.") from None
    return _agreement(found["code"]), day, found


def _get(key: str) -> services.AgreementSigning:
    agreement, day, _ = _read_key(KEY, key)
    return services.AgreementSigning(agreement, day)


def _gate(user, target: services.AgreementSigning) -> bool:
    return access_grants_manage(user, target.agreement.programme.programme.division.path)


def _run(target: services.AgreementSigning, *, approved_by, request) -> None:
    services.agreement_sign(actor=approved_by, agreement=target.agreement, signed_on=target.signed_on, approval=request)


def _check(target: services.AgreementSigning) -> None:
    services.agreement_sign_check(agreement=target.agreement, signed_on=target.signed_on)
    pending = approval_open_under(act=services.AGREEMENT_SIGN, key_prefix=f"{target.agreement.code}/")
    if pending is not None:
        raise ValidationFailed(f"이 협약의 체결은 이미 결재 중입니다(결재 #{pending.pk}).")


def _summary(target: services.AgreementSigning) -> str:
    agreement = target.agreement
    return (
        f"{agreement.grantee} · 시비 {format_won(agreement.city_amount)} · 협약일 {screen_date(target.signed_on)} · "
        f"사업 기간 ~{screen_date(agreement.ends_on)}"
    )


AGREEMENT_SIGN = Act(
    code=services.AGREEMENT_SIGN,
    label="보조금 협약 체결",
    get=_get,
    key=lambda target: target.key,
    describe=lambda target: f"보조금 협약 {target.agreement.code} 체결",
    url=lambda target: target.agreement.get_absolute_url(),
    gate=_gate,
    run=_run,
    effect="협약이 체결되고 시비가 원인행위됩니다",
    done="협약을 체결했습니다",
    amount=lambda target: target.agreement.city_amount,
    check=_check,
    scope=lambda target: (target.agreement.programme.programme.division.path, target.agreement.district_id),
    summary=_summary,
    default_position=Position.DIRECTOR,
)


TRANCHE_KEY = re.compile(r"(?P<code>.{1,60})/(?P<day>\d{4}-\d{2}-\d{2})/(?P<amount>\d{1,15})")


def _tranche_get(key: str) -> services.TranchePayment:
    agreement, day, found = _read_key(TRANCHE_KEY, key)
    return services.TranchePayment(agreement, day, int(found["amount"]))


def _tranche_gate(user, target: services.TranchePayment) -> bool:
    return access_grants_manage(user, target.agreement.programme.programme.division.path)


def _tranche_run(target: services.TranchePayment, *, approved_by, request) -> None:
    services.disbursement_record(
        actor=approved_by,
        agreement=target.agreement,
        paid_on=target.paid_on,
        amount=target.amount,
        note=request.note,
        approval=request,
    )


def _tranche_check(target: services.TranchePayment) -> None:
    services.disbursement_check(agreement=target.agreement, paid_on=target.paid_on, amount=target.amount)
    pending = approval_open_under(act=services.DISBURSE, key_prefix=f"{target.agreement.code}/")
    if pending is not None:
        raise ValidationFailed(f"이 협약의 교부는 이미 결재 중입니다(결재 #{pending.pk}).")


def _tranche_summary(target: services.TranchePayment) -> str:
    agreement = target.agreement
    return (
        f"{agreement.grantee} · 교부액 {format_won(target.amount)} · 교부일 {screen_date(target.paid_on)} · "
        f"협약 시비 {format_won(agreement.city_amount)}"
    )


DISBURSE = Act(
    code=services.DISBURSE,
    label="보조금 교부",
    get=_tranche_get,
    key=lambda target: target.key,
    describe=lambda target: f"보조금 협약 {target.agreement.code} 교부 {format_won(target.amount)}",
    url=lambda target: target.agreement.get_absolute_url(),
    gate=_tranche_gate,
    run=_tranche_run,
    effect="보조금이 교부되고 예산 사업의 지출액이 됩니다",
    done="보조금을 교부했습니다",
    amount=lambda target: target.amount,
    check=_tranche_check,
    scope=lambda target: (target.agreement.programme.programme.division.path, target.agreement.district_id),
    summary=_tranche_summary,
    default_position=Position.DIRECTOR,
)


PAYROLL_KEY = re.compile(r"(?P<pk>\d{1,12})/(?P<day>\d{4}-\d{2}-\d{2})")


def _payroll_get(key: str) -> services.PayrollPayment:
    found = PAYROLL_KEY.fullmatch(key or "")
    payroll = None
    if found is not None:
        payroll = (
            Payroll.objects.select_related("agreement__programme__programme__division", "agreement__grantee")
            .filter(pk=int(found["pk"]))
            .first()
        )
    if payroll is None:
        raise NotFound("인건비 지원 신청을 찾을 수 없습니다.")
    try:
        day = date.fromisoformat(found["day"])
    except ValueError:
        raise NotFound("인건비 지원 신청을 찾을 수 없습니다.") from None
    return services.PayrollPayment(payroll, day)


def _payroll_gate(user, target: services.PayrollPayment) -> bool:
    return access_grants_manage(user, target.payroll.agreement.programme.programme.division.path)


def _payroll_run(target: services.PayrollPayment, *, approved_by, request) -> None:
    services.payroll_approve(actor=approved_by, payroll=target.payroll, paid_on=target.paid_on, approval=request)


def _payroll_check(target: services.PayrollPayment) -> None:
    services.payroll_approve_check(payroll=target.payroll, paid_on=target.paid_on)
    pending = approval_open_under(act=services.PAYROLL_PAY, key_prefix=f"{target.payroll.pk}/")
    if pending is not None:
        raise ValidationFailed(f"이 인건비 지원 신청은 이미 결재 중입니다(결재 #{pending.pk}).")


def _payroll_summary(target: services.PayrollPayment) -> str:
    payroll = target.payroll
    return (
        f"{payroll.agreement.grantee} · {payroll.title} · 근로자 {payroll.employees:,}명 "
        f"{payroll.employee_months:,}인·월 · 지원액 {format_won(payroll.subsidy)} · "
        f"교부일 {screen_date(target.paid_on)}"
    )


PAYROLL_PAY = Act(
    code=services.PAYROLL_PAY,
    label="인건비 지원 교부",
    get=_payroll_get,
    key=lambda target: target.key,
    describe=lambda target: (
        f"보조금 협약 {target.payroll.agreement.code} {target.payroll.title} "
        f"인건비 지원 {format_won(target.payroll.subsidy)}"
    ),
    url=lambda target: reverse("grants:payroll_detail", args=[target.payroll.pk]),
    gate=_payroll_gate,
    run=_payroll_run,
    effect="인건비 지원 신청이 승인되고 지원액이 교부되어 예산 사업의 지출액이 됩니다",
    done="인건비 지원 신청을 승인하고 교부했습니다",
    amount=lambda target: target.payroll.subsidy,
    check=_payroll_check,
    scope=lambda target: (
        target.payroll.agreement.programme.programme.division.path,
        target.payroll.agreement.district_id,
    ),
    summary=_payroll_summary,
    default_position=Position.DIRECTOR,
)


def register_acts() -> None:
    register(AGREEMENT_SIGN)
    register(DISBURSE)
    register(PAYROLL_PAY)
