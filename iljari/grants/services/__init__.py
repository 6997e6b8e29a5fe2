"""grants services — grant programmes, agreements, tranches, spending reports, settlement, evaluation and the
per-employee-month subsidies.

Contract:
- grant_programme_set(*, actor, code, year, name, programme, budget_line, **rule) -> GrantProgramme
      creates or updates by code: the matching rule (source, ratio of the total, exact or at least), the range of
      one grant's city share, how its jobs count (target group, direct/indirect), the subsidy rule of an
      employment programme (wage share up to a monthly cap per person, employer insurance share).
- agreement_create(*, actor, programme, grantee, code, title, starts_on, ends_on, city_amount, matched_amount=0,
      application=None, district=None, partner=None, jobs_planned=0, previous=None) -> GrantAgreement (draft)
      the city share inside the programme's range, the matched share by the programme's ratio; from a selected
      application of a confirmed call for organisations (the grantee is its organisation), once per application.
- agreement_sign(*, actor, agreement, signed_on, approval=None) -> GrantAgreement
      an official's signing is drafted as the approval "보조금 협약 체결" (결재, approvals; the amount the 전결 rules
      read is the city share) and happens on its final approval: status signed, the city share committed on the
      budget line (finance). actor None (demo loader) signs at once.
- agreement_sign_check(*, agreement, signed_on); AgreementSigning(agreement, signed_on); AGREEMENT_SIGN
- disbursement_record(*, actor, agreement, paid_on, amount, note="", payroll=None, approval=None)
      -> Disbursement | None
      a tranche of a signed agreement, never beyond its city share (the Korean message names what is left);
      moves the line's 지출액 by exactly the amount (finance.services.budget_movement_post). An official's tranche
      is drafted as the approval "보조금 교부" (결재; the amount the 전결 rules read is the tranche's; the note goes
      with the draft) and is paid on its final approval (None returned meanwhile; the tranche at once on the
      drafter's own 전결). actor None (demo loader) and an approved payroll (payroll_approve) pay at once.
- disbursement_check(*, agreement, paid_on, amount); TranchePayment(agreement, paid_on, amount); DISBURSE
- spending_report_submit(*, actor, agreement, period_end, items, jobs_created=0, note="") -> SpendingReport
      the grantee's own account (or the programme's staff for a paper one); items {category: 원}, cumulative to
      period_end, never above the agreement's total; the grant-funded jobs then roll up (grant_jobs_sync).
- settlement_record(*, actor, agreement, settled_on, spent, returned, note="") -> Settlement
      disbursed = spent + returned, or a Korean error showing the gap. In the budget line's year the return
      lowers 지출액 (지출 반납: −returned) and the commitment not used is released (원인행위액 −(city share −
      net spent)); a settlement in a later year changes nothing on that line (the return is that year's revenue).
- evaluation_record(*, actor, agreement, evaluated_on, score_plan, score_jobs, score_finance, decision,
      next_amount=None, note="", next_programme=None) -> Evaluation
      scores 0–100 on a settled agreement; extend (same city share) or cut (a smaller one) creates next year's
      draft agreement on the next year's programme (found by the same 주요업무, kind and name); stop does not.
- payroll_submit(*, actor, agreement, title, rows) -> Payroll / payroll_import(*, actor, agreement, title, data)
      an employment-subsidy agreement's payroll (employees × months): every row checked (month in the
      agreement's period, no employee-month claimed twice), every error named by its row, nothing written unless
      all rows pass; the subsidy computed per line by the programme's rule (floored to the won).
- payroll_approve(*, actor, payroll, paid_on, approval=None) -> Disbursement | None
      its subsidy paid as a tranche: an official's approval is drafted as the approval "인건비 지원 교부" (결재; the
      amount the 전결 rules read is the subsidy) and paid on its final approval (None meanwhile; at once on the
      drafter's own 전결); actor None (demo loader) pays at once.
- payroll_approve_check(*, payroll, paid_on); PayrollPayment(payroll, paid_on); PAYROLL_PAY
- grant_jobs_sync(*, programme, year, as_of) -> dict               the jobs of a 주요업무's grants, by its rule,
      into performance's job_achievement_derive (one row per target group and kind, summed over its grants).

`actor=None` is the system (demo loader, tests' set-up). Permissions: iljari.core.access (access_grants_manage for
the programme's division, access_grant_submit for the grantee's reports and payrolls). Mistakes raise
ValidationFailed in Korean and write nothing.

Modules: checks (permission, amount and percent checks shared), programmes, agreements, tranches, settlement
(spending reports and settlement), evaluation, subsidies (payrolls), jobs (grant-funded jobs into performance).
"""

from iljari.grants.services.agreements import (
    AGREEMENT_SIGN,
    AgreementSigning,
    agreement_create,
    agreement_sign,
    agreement_sign_check,
)
from iljari.grants.services.checks import HUNDRED, MANAGE_MESSAGE
from iljari.grants.services.evaluation import evaluation_record
from iljari.grants.services.jobs import grant_jobs_sync
from iljari.grants.services.programmes import PROGRAMME_RULE_FIELDS, grant_programme_set, matched_required
from iljari.grants.services.settlement import settlement_record, spending_report_submit
from iljari.grants.services.subsidies import (
    PAYROLL_PAY,
    PAYROLL_SHEET_TITLE,
    PayrollPayment,
    payroll_approve,
    payroll_approve_check,
    payroll_import,
    payroll_submit,
    subsidy_compute,
)
from iljari.grants.services.tranches import DISBURSE, TranchePayment, disbursement_check, disbursement_record

__all__ = [
    "HUNDRED",
    "MANAGE_MESSAGE",
    "PAYROLL_PAY",
    "PAYROLL_SHEET_TITLE",
    "PayrollPayment",
    "payroll_approve_check",
    "PROGRAMME_RULE_FIELDS",
    "agreement_create",
    "AGREEMENT_SIGN",
    "AgreementSigning",
    "DISBURSE",
    "TranchePayment",
    "disbursement_check",
    "agreement_sign",
    "agreement_sign_check",
    "disbursement_record",
    "evaluation_record",
    "grant_jobs_sync",
    "grant_programme_set",
    "matched_required",
    "payroll_approve",
    "payroll_import",
    "payroll_submit",
    "settlement_record",
    "spending_report_submit",
    "subsidy_compute",
]
