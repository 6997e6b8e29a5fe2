"""fund services — the social investment fund's writes.

Contract:
- contribution_record(*, actor, amount, on, memo="") -> LedgerEntry          the city's 출연금 into the fund
- agreement_create(*, actor, code, intermediary, year, call_round, city_amount, matched_amount, max_rate,
      overdue_rate, starts_on, ends_on, reporting_duties="") -> Agreement
      the city's money is allocated to the intermediary at 0% (a ledger entry); refused beyond the fund's cash.
- loan_register(*, actor, number, borrower, agreement, purpose, principal, annual_rate, term_months,
      grace_months, method) -> Loan        the rate at most the agreement's cap; the schedule must be computable.
- loan_disburse(*, actor, loan, on, approval=None) -> Loan
      an official's payout is drafted as the approval "융자 실행" (결재, approvals; the amount the 전결 rules read is
      the principal) and happens on its final approval; actor None (demo loader) pays out at once.
- loan_disburse_check(*, loan, on); LoanDisbursement(loan, on); LOAN_DISBURSE
- repayment_post(*, actor, loan, received_on, amount, reference="", source="manual", statement_name="")
      -> Repayment   split into overdue interest, interest due, principal due, then prepaid principal (the schedule
      recomputed: same due dates and method, the new balance); a payment larger than the payoff of the day is
      refused (the office does not take money it would have to refund). The last won of principal closes the loan.
- statement_import(*, actor, data, file_name="") -> StatementResult
      a bank statement (STATEMENT_COLUMNS): rows checked and posted in date order; a reference already posted (or
      repeated in the file) is skipped, so the same statement twice changes nothing; any bad row: nothing written,
      every error named by its row.
- loan_write_off(*, actor, loan, on, reason) -> Loan
- deferment_request(*, actor, loan, kind, months, requested_on, reason) -> DefermentRequest
- deferment_decide(*, actor, request, held_on=None, approve, note="", meeting=None) -> DefermentRequest
      the monthly committee's decision, at its meeting of `held_on` (found or opened) or at `meeting`: a
      committees decision linked to the request ("fund.deferment"); approval starts a new schedule from that day
      (상환유예: principal paused `months` months, interest only; 이행연기: maturity `months` later); the old version
      kept, superseded.
- investment_commit(*, actor, code, name, committed, committed_on, manager="", approval="") -> Investment
- investment_call(*, actor, investment, amount, on) -> LedgerEntry       capital paid in: at most the commitment
      left and the fund's cash
- investment_distribute(*, actor, investment, amount, on) -> list[LedgerEntry]
      returns capital up to what is paid in, the rest is income
- notices_generate(*, kind, period_start, period_end, progress=None, actor=None) -> int
      the batch (also the job's task), recorded as one bulk change (core.ChangeBatch) by `actor`; each notice is
      sent as a message to the borrower's contacts when `actor` is a person (services/messages.py)
- notices_batch_start(*, actor, kind, period_start, period_end, task, approval=None) -> BackgroundJob | None
      `task` is fund.tasks.notices_batch, handed in by the caller (the view, the act): services never import the
      tasks. Issuing a batch is the approval "고지 일괄 발송" (NOTICES_ISSUE, target NoticeBatch(kind, period_start,
      period_end), amount the batch's total 원): a person drafts it (None returned while it runs; the job at once on
      the drafter's own 전결), the job starts on the final approval; actor None starts it at once.
- notices_batch_check(batch); notices_batch_total(batch) -> (count, total 원)   what the approval reads

`actor=None` is the system (demo loader, tests' set-up). Mistakes raise ValidationFailed with Korean messages and
write nothing. Ledger entries are only ever added.

Modules: ledger (balances, entries, the manage check), agreements (contributions, agreements), loans (register,
disburse, schedule versions, write-off), repayments, statements, deferment, notices, investments.
"""

from iljari.fund.services.agreements import agreement_create, contribution_record
from iljari.fund.services.deferment import deferment_decide, deferment_request
from iljari.fund.services.investments import (
    investment_call,
    investment_commit,
    investment_distribute,
    investment_paid_in,
)
from iljari.fund.services.ledger import MANAGE_MESSAGE, account_balance
from iljari.fund.services.loans import (
    LOAN_DISBURSE,
    LoanDisbursement,
    loan_check,
    loan_disburse,
    loan_disburse_check,
    loan_register,
    loan_write_off,
)
from iljari.fund.services.notices import (
    NOTICES_ISSUE,
    NoticeBatch,
    notices_batch_check,
    notices_batch_start,
    notices_batch_total,
    notices_generate,
)
from iljari.fund.services.repayments import repayment_post
from iljari.fund.services.statements import StatementResult, statement_columns, statement_import

__all__ = [
    "MANAGE_MESSAGE",
    "StatementResult",
    "account_balance",
    "agreement_create",
    "contribution_record",
    "deferment_decide",
    "deferment_request",
    "investment_call",
    "investment_commit",
    "investment_distribute",
    "investment_paid_in",
    "loan_check",
    "LOAN_DISBURSE",
    "LoanDisbursement",
    "loan_disburse",
    "loan_disburse_check",
    "loan_register",
    "loan_write_off",
    "NOTICES_ISSUE",
    "NoticeBatch",
    "notices_batch_check",
    "notices_batch_start",
    "notices_batch_total",
    "notices_generate",
    "repayment_post",
    "statement_columns",
    "statement_import",
]
