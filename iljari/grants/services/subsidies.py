"""Per-employee-month subsidies of an employment programme: the subsidy of one month, the payroll (typed rows or an
xlsx sheet) checked row by row, and its approval, which pays the subsidy as a tranche."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from django.db import transaction

from iljari.approvals.models import ApprovalRequest
from iljari.approvals.services import approval_draft
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.formats import screen_month
from iljari.core.xlsx import xlsx_rows
from iljari.grants.models import Disbursement, GrantAgreement, GrantProgramme, Payroll, PayrollLine
from iljari.grants.selectors import PAYROLL_COLUMNS
from iljari.grants.services.checks import HUNDRED, require_manage, require_submit
from iljari.grants.services.jobs import grant_jobs_sync
from iljari.grants.services.tranches import disbursement_check, disbursement_record


def subsidy_compute(programme: GrantProgramme, *, wage: int, insurance: int) -> tuple[int, int]:
    """One employee's month: the wage share up to the monthly cap (no cap when 0), and the employer's social
    insurance share; each floored to the won."""
    wage_part = int((Decimal(wage) * programme.wage_share / HUNDRED).to_integral_value(rounding=ROUND_FLOOR))
    if programme.wage_cap:
        wage_part = min(wage_part, programme.wage_cap)
    insurance_part = int(
        (Decimal(insurance) * programme.insurance_share / HUNDRED).to_integral_value(rounding=ROUND_FLOOR)
    )
    return wage_part, insurance_part


def _month(value) -> date | None:
    if isinstance(value, date):
        return value.replace(day=1)
    text = str(value or "").strip().replace(".", "-").replace("/", "-")
    parts = [p for p in text.split("-") if p]
    if len(parts) >= 2 and all(p.isdecimal() for p in parts[:2]):
        try:
            return date(int(parts[0]), int(parts[1]), 1)
        except ValueError:
            return None
    return None


def payroll_submit(*, actor, agreement: GrantAgreement, title: str, rows: list[dict]) -> Payroll:
    """rows: {employee_number, employee_name, month (date or 'YYYY-MM'), wage, insurance[, _row]}."""
    require_submit(actor, agreement)
    programme = agreement.programme
    if programme.kind != GrantProgramme.Kind.EMPLOYMENT:
        raise field_error("file", "인건비·사회보험료 지원 사업의 협약이 아닙니다.")
    if agreement.status != GrantAgreement.Status.SIGNED:
        raise field_error("file", f"협약 체결 중인 사업만 신청합니다(지금: {agreement.get_status_display()}).")
    if not rows:
        raise field_error("file", "근로자별 월 임금 내역이 한 행도 없습니다.")
    first, last = agreement.starts_on.replace(day=1), agreement.ends_on.replace(day=1)
    claimed = set(PayrollLine.objects.filter(payroll__agreement=agreement).values_list("employee_number", "month"))
    errors: list[str] = []
    lines: list[PayrollLine] = []
    seen: set[tuple[str, date]] = set()
    for index, row in enumerate(rows, start=1):
        where = f"{row.get('_row', index)}행"
        number = str(row.get("employee_number") or "").strip()
        name = str(row.get("employee_name") or "").strip()
        month = _month(row.get("month"))
        wage, insurance = row.get("wage"), row.get("insurance")
        row_errors = []
        if not number:
            row_errors.append(f"{where} '사번': 값이 비어 있습니다.")
        if not name:
            row_errors.append(f"{where} '성명': 값이 비어 있습니다.")
        if month is None:
            row_errors.append(f"{where} '지급월': 2018-07 처럼 적으십시오.")
        elif not first <= month <= last:
            row_errors.append(
                f"{where} '지급월': 협약 기간"
                f"({screen_month(agreement.starts_on)}~{screen_month(agreement.ends_on)}) 밖입니다."
            )
        for label, value in (("지급 임금", wage), ("사업주 사회보험료", insurance)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                row_errors.append(f"{where} '{label}': 0원 이상의 정수여야 합니다.")
        if not row_errors:
            key = (number, month)
            if key in seen:
                row_errors.append(
                    f"{where}: 같은 근로자({number})의 {screen_month(month)} 임금이 파일에 두 번 있습니다."
                )
            elif key in claimed:
                row_errors.append(f"{where}: {number}의 {screen_month(month)} 임금은 이미 신청했습니다.")
            seen.add(key)
        if row_errors:
            errors.extend(row_errors)
            continue
        wage_part, insurance_part = subsidy_compute(programme, wage=wage, insurance=insurance)
        lines.append(
            PayrollLine(
                employee_number=number,
                employee_name=name,
                month=month,
                wage=wage,
                insurance=insurance,
                wage_subsidy=wage_part,
                insurance_subsidy=insurance_part,
            )
        )
    if errors:
        raise ValidationFailed(
            "임금 내역에 잘못된 값이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": errors}
        )
    with transaction.atomic():
        payroll = Payroll.objects.create(
            agreement=agreement,
            title=(title or "").strip()[:120] or "인건비 지원 신청",
            wage_subsidy=sum(line.wage_subsidy for line in lines),
            insurance_subsidy=sum(line.insurance_subsidy for line in lines),
            employees=len({line.employee_number for line in lines}),
            employee_months=len(lines),
            submitted_by=actor,
        )
        for line in lines:
            line.payroll = payroll
        PayrollLine.objects.bulk_create(lines, batch_size=1000)
    return payroll


PAYROLL_SHEET_TITLE = "인건비 지원 신청"


def payroll_import(*, actor, agreement: GrantAgreement, title: str, data: bytes) -> Payroll:
    require_submit(actor, agreement)
    rows = xlsx_rows(data=data, columns=PAYROLL_COLUMNS, title=PAYROLL_SHEET_TITLE)
    return payroll_submit(actor=actor, agreement=agreement, title=title, rows=rows)


PAYROLL_PAY = "grants.payroll_pay"  # the act (grants/approval_acts.py)


@dataclass(frozen=True)
class PayrollPayment:
    """An approved payroll paid on a day: what the approval 인건비 지원 교부 names (the amount is the payroll's)."""

    payroll: Payroll
    paid_on: date

    @property
    def key(self) -> str:
        return f"{self.payroll.pk}/{self.paid_on:%Y-%m-%d}"


def payroll_approve_check(*, payroll: Payroll, paid_on: date) -> None:
    """Refuses a payroll that cannot be approved now: already approved, nothing to pay, or beyond the agreement."""
    if payroll.status != Payroll.Status.SUBMITTED:
        raise field_error("paid_on", "이미 승인한 신청입니다.")
    if payroll.subsidy <= 0:
        raise field_error("paid_on", "지원액이 0원인 신청은 교부할 것이 없습니다.")
    if paid_on is None:
        raise field_error("paid_on", "교부일을 입력하십시오.")
    disbursement_check(agreement=payroll.agreement, paid_on=paid_on, amount=payroll.subsidy)


def payroll_approve(*, actor, payroll: Payroll, paid_on: date, approval=None) -> Disbursement | None:
    """Approve a payroll and pay its subsidy as a tranche. For the system (actor None) and on the final step of its
    approval (`approval`: the act's run) it is paid at once; any other actor drafts the approval "인건비 지원 교부"
    (결재; 전결 at once where the actor's own position gives it for the amount). Returns the tranche, or None while
    its approval runs."""
    agreement = payroll.agreement
    require_manage(actor, agreement.programme)
    if actor is not None and approval is None:
        payroll_approve_check(payroll=payroll, paid_on=paid_on)
        request = approval_draft(actor=actor, act=PAYROLL_PAY, target=PayrollPayment(payroll, paid_on))
        if request.state != ApprovalRequest.State.APPROVED:
            return None
        return Disbursement.objects.filter(payroll=payroll).order_by("-number").first()  # 전결: paid in the draft
    with transaction.atomic():
        payroll = Payroll.objects.select_for_update().get(pk=payroll.pk)
        payroll_approve_check(payroll=payroll, paid_on=paid_on)
        disbursement = disbursement_record(
            actor=actor,
            agreement=agreement,
            paid_on=paid_on,
            amount=payroll.subsidy,
            note=f"{payroll.title}({payroll.employees}명, {payroll.employee_months}인·월)",
            payroll=payroll,
        )
        payroll.status = Payroll.Status.APPROVED
        payroll.save(update_fields=["status", "updated_at"])
        if agreement.programme.job_count == GrantProgramme.JobCount.EMPLOYEES:
            grant_jobs_sync(programme=agreement.programme.programme, year=agreement.year, as_of=paid_on)
    return disbursement
