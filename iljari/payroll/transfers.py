"""payroll transfers — paying a confirmed month: the transfer batches, the bank files, the bank's result, re-issue
and the budget (docs/payroll-transfer.md).

Contract:
- transfer_batches_make(*, actor, worksite, month, transfer_day=None) -> list[TransferBatch]
      a worksite's confirmed month (participation.PayConfirmation, after its 결재) becomes one batch per paying body:
      the city, and for a district worksite whose programme's terms give the city less than all
      (ProgrammeTerms.city_share_percent: 70 for public works' 시·구 7:3) the district for the rest. Each person's
      net pay (payroll.PayDeduction.net) is split: the city's part rounded down to the won, the district's the
      rest, so the parts add up to the net exactly; their gross and employer's contributions likewise (for the
      budget). A person without a pay account is listed as 계좌 없음 (no transfer); a part of 0원 is no line. The
      lines are written in bulk (core.bulk.rows_insert) without an entry each in the change history: the batch is
      recorded (its count and total), and the lines derive from rows that are (PayDeduction, PayAccount). Refused:
      a month not confirmed,
      deductions not computed for every payment, a month already made (paying a month twice), a closed month.
- transfer_file(*, batch) -> bytes / transfer_sheet_file(*, batch) -> bytes    the bank file and its xlsx (the
      lines to transfer; the caller checks the user and writes the access log)
- transfer_result_apply(*, actor, batch, data) -> ResultSummary
      the bank's result file: every line of the file must be a line of this batch sent and unsettled, with the
      same bank, account and amount, and every such line must be in the file; otherwise nothing is written and the
      message says which line. Paid lines become 입금, failed ones 불능 with the bank's reason (Korean). What was
      paid (the paid lines' gross and employer's parts) is posted as 지출 to the programme's budget line of the
      paying body (finance.budget_movement_post: the city's 시비 line, the district's 구비 line where the programme
      has one) on the batch's transfer day, so 집행률 moves; a body without a budget line of the year is told.
- transfer_reissue_make(*, actor, batch) -> TransferBatch
      the batch's failed and account-less lines whose person now has an account, in a new batch (재지급) to each
      person's current account; the old lines are marked as passed on. Nothing to re-issue → refused.

Reads: participation's confirmations, payments and terms, people's accounts (pay_accounts_of), payroll's deduction
lines; writes only payroll's own rows and, through finance's service, the budget movement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from iljari.core.access import access_worksite_records, require
from iljari.core.bankfile import (
    BankFileError,
    TransferHeader,
    transfer_file_read,
    transfer_file_write,
    transfer_sheet,
)
from iljari.core.bankfile import (
    TransferLine as FileLine,
)
from iljari.core.bulk import rows_insert
from iljari.core.errors import ValidationFailed
from iljari.core.formats import format_won, screen_month
from iljari.core.history import history_batch, history_bulk_created
from iljari.core.locks import require_month_open
from iljari.finance.models import BudgetLine
from iljari.finance.services import budget_movement_post
from iljari.participation.calendar import month_start
from iljari.participation.models import PayConfirmation, Payment, ProgrammeTerms
from iljari.payroll.models_transfer import CITY, TransferBatch, TransferLine
from iljari.people.selectors import pay_accounts_of

CITY_NAME = "서울특별시"
LINE_FIELDS = (
    "batch",
    "payment",
    "person",
    "reference",
    "amount",
    "gross_part",
    "employer_part",
    "pay_account",
    "status",
)
MEMO = "{month}월 급여"  # 적요: what the participant's passbook shows
# The account each body pays from (출금 계좌): a deployment sets ILJARI_TRANSFER_FROM {payer: (bank, account)};
# the default names the city's treasury bank with a placeholder account the bank's sheet would correct.
DEFAULT_FROM = ("020", "0000000000000")


def _payer_code(payer: str) -> str:
    """The 이용기관 코드 of the header: the city's or the district's 행정구역 code, ten digits."""
    return ("11000" if payer == CITY else payer).ljust(10, "0")[:10]


def _from_account(payer: str) -> tuple[str, str]:
    return getattr(settings, "ILJARI_TRANSFER_FROM", {}).get(payer, DEFAULT_FROM)


def _transfer_day(month: date) -> date:
    """The 10th of the next month, kept within the pay's year (a December is paid on the 31st) so the budget
    movement falls in the budget's year."""
    if month.month == 12:
        return date(month.year, 12, 31)
    return date(month.year, month.month + 1, 10)


def _shares(worksite) -> list[tuple[str, str, int]]:
    """(payer key, name, percent) of each paying body of the worksite's pay."""
    city = 100
    if worksite.district_id is not None:
        terms = ProgrammeTerms.objects.filter(programme_id=worksite.programme_id).first()
        city = terms.city_share_percent if terms is not None else 100
    bodies = [(CITY, CITY_NAME, city)] if city > 0 else []
    if city < 100:
        bodies.append((worksite.district.code, worksite.district.name, 100 - city))
    return bodies


def _split(value: int, *, city: bool, city_percent: int) -> int:
    city_part = value * city_percent // 100
    return city_part if city else value - city_part


def _check_actor(actor, worksite) -> None:
    if actor is not None:
        require(access_worksite_records(actor, worksite), "이 사업장의 급여를 이체할 권한이 없습니다.")


def transfer_batches_make(*, actor, worksite, month: date, transfer_day: date | None = None) -> list[TransferBatch]:
    _check_actor(actor, worksite)
    month = month_start(month)
    label = f"{worksite.name} {screen_month(month)}"
    confirmation = PayConfirmation.objects.filter(worksite=worksite, month=month).first()
    if confirmation is None:
        raise ValidationFailed(f"{label} 급여가 확정되지 않았습니다. 결재로 확정한 뒤 이체 파일을 만드십시오.")
    if TransferBatch.objects.filter(confirmation=confirmation, kind=TransferBatch.Kind.MONTH).exists():
        raise ValidationFailed(f"{label} 급여는 이미 이체 파일을 만들었습니다. 같은 달을 두 번 지급할 수 없습니다.")
    transfer_day = transfer_day or _transfer_day(month)
    if transfer_day.year != month.year:
        raise ValidationFailed("이체일은 급여와 같은 해여야 합니다(예산 집행 연도).")
    require_month_open(transfer_day, field="transfer_day")
    payments = list(
        Payment.objects.filter(placement__worksite=worksite, month=month)
        .select_related("placement__person", "deduction")
        .order_by("placement__person__name", "pk")
    )
    missing = [payment for payment in payments if not hasattr(payment, "deduction")]
    if missing:
        raise ValidationFailed(
            f"{label} 급여 {len(missing):,}건의 공제가 계산되지 않았습니다. 공제를 먼저 계산하십시오."
        )
    bodies = _shares(worksite)
    city_percent = next((percent for payer, _, percent in bodies if payer == CITY), 0)
    accounts = pay_accounts_of(person_ids=[payment.placement.person_id for payment in payments])
    made: list[TransferBatch] = []
    try:
        with history_batch(kind="payroll.transfer", label="급여 이체 파일", subject=label, actor=actor):
            for payer, name, percent in bodies:
                batch = TransferBatch.objects.create(
                    code=f"T{month:%Y%m}-{confirmation.pk}-{_payer_code(payer)[:5]}"[:20],
                    confirmation=confirmation,
                    month=month,
                    transfer_day=transfer_day,
                    payer=payer,
                    payer_name=name,
                    share_percent=percent,
                    count=0,
                    total=0,
                    no_account=0,
                    created_by=actor,
                )
                rows, sent, total = [], 0, 0
                for seq, payment in enumerate(payments, 1):
                    line = payment.deduction
                    city = payer == CITY
                    amount = _split(line.net, city=city, city_percent=city_percent)
                    if amount <= 0:  # nothing for this body to send (a bank takes no transfer of 0원)
                        continue
                    account = accounts.get(payment.placement.person_id)
                    if account is not None:
                        sent, total = sent + 1, total + amount
                    rows.append(
                        (
                            batch.pk,
                            payment.pk,
                            payment.placement.person_id,
                            f"{batch.pk:08d}{seq:07d}",
                            amount,
                            _split(line.gross, city=city, city_percent=city_percent),
                            _split(line.employer_total, city=city, city_percent=city_percent),
                            account.pk if account else None,
                            TransferLine.Status.PENDING if account else TransferLine.Status.NO_ACCOUNT,
                        )
                    )
                rows_insert(TransferLine, LINE_FIELDS, rows)
                batch.count, batch.total, batch.no_account = sent, total, len(rows) - sent
                batch.save(update_fields=["count", "total", "no_account", "updated_at"])
                made.append(batch)
    except IntegrityError as exc:  # made at the same moment by someone else
        raise ValidationFailed(f"{label} 급여는 그사이 이체 파일이 만들어졌습니다.") from exc
    return made


# --- the files ---------------------------------------------------------------------------------------------------


def _sent_lines(batch: TransferBatch):
    return batch.lines.filter(pay_account__isnull=False).exclude(status=TransferLine.Status.NO_ACCOUNT).order_by("pk")


def _header(batch: TransferBatch) -> TransferHeader:
    bank, account = _from_account(batch.payer)
    return TransferHeader(_payer_code(batch.payer), batch.transfer_day, bank, account, batch.payer_name)


def _file_lines(batch: TransferBatch) -> list[FileLine]:
    memo = MEMO.format(month=batch.month.month)
    rows = _sent_lines(batch).values_list(
        "pay_account__bank_code", "pay_account__number", "pay_account__holder", "amount", "reference"
    )
    return [
        FileLine(bank, account, holder, amount, memo, reference) for bank, account, holder, amount, reference in rows
    ]


def transfer_file(*, batch: TransferBatch) -> bytes:
    return transfer_file_write(header=_header(batch), lines=_file_lines(batch))


def transfer_sheet_file(*, batch: TransferBatch) -> bytes:
    return transfer_sheet(header=_header(batch), lines=_file_lines(batch), title=f"{batch.payer_name} 급여 이체")


def transfer_result_sample(*, batch: TransferBatch, failed: dict[str, str]) -> bytes:
    """The result file the bank would send for this batch (tests, the demo): every line paid but `failed`."""
    from iljari.core.bankfile import transfer_result_write

    return transfer_result_write(header=_header(batch), lines=_file_lines(batch), failed=failed)


# --- the bank's result ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultSummary:
    paid: int
    paid_total: int
    failed: int
    failed_total: int
    posted: list[tuple[str, int]]  # (budget line, 원) posted as 지출
    unposted: int  # paid but no budget line of the paying body to post to

    @property
    def message(self) -> str:
        text = f"입금 {self.paid:,}건 {format_won(self.paid_total)}"
        text += f", 불능 {self.failed:,}건 {format_won(self.failed_total)}."
        if self.failed:
            text += " 불능 건은 정정 목록에 올렸습니다."
        for name, amount in self.posted:
            text += f" 예산 {name}에 지출 {format_won(amount)}을 반영했습니다."
        if self.unposted:
            text += f" 지급 기관의 예산 사업이 없어 {format_won(self.unposted)}은 집행에 반영하지 못했습니다."
        return text


def _budget_line(batch: TransferBatch, programme) -> BudgetLine | None:
    lines = BudgetLine.objects.filter(programmes=programme, year=batch.month.year).filter(
        Q(retired_on__isnull=True) | Q(retired_on__gt=batch.transfer_day)
    )
    if batch.payer == CITY:
        sources = [BudgetLine.Source.CITY, BudgetLine.Source.UNSPECIFIED]
    else:
        sources = [BudgetLine.Source.DISTRICT]
    return lines.filter(source__in=sources).order_by("source", "code").first()


def transfer_result_apply(*, actor, batch: TransferBatch, data: bytes) -> ResultSummary:
    worksite = batch.confirmation.worksite
    _check_actor(actor, worksite)
    try:
        read = transfer_file_read(data)
    except BankFileError as exc:
        raise ValidationFailed(f"은행 결과 파일을 읽을 수 없습니다. {exc.message}") from exc
    if read.results is None:
        raise ValidationFailed(
            "처리 결과 파일이 아닙니다(머리 레코드의 파일 구분이 S). 은행이 돌려준 결과 파일을 올리십시오."
        )
    with transaction.atomic():
        batch = TransferBatch.objects.select_for_update().get(pk=batch.pk)
        pending = batch.lines.filter(status=TransferLine.Status.PENDING).select_related("pay_account")
        expected = {line.reference: line for line in pending}
        if not expected:
            raise ValidationFailed(f"{batch.code}의 결과는 이미 반영했습니다. 같은 결과를 두 번 반영할 수 없습니다.")
        for number, result in enumerate(read.results, 1):
            line = expected.get(result.line.reference)
            where = f"결과 파일 {number}번째 줄(관리번호 {result.line.reference})"
            if line is None:
                raise ValidationFailed(
                    f"{where}은 이 이체({batch.code})에서 보낸 줄이 아닙니다. 아무것도 반영하지 않았습니다."
                )
            if result.line.amount != line.amount:
                raise ValidationFailed(
                    f"{where}의 금액 {result.line.amount:,}원이 보낸 금액 {line.amount:,}원과 다릅니다. "
                    "아무것도 반영하지 않았습니다."
                )
            if (result.line.bank_code, result.line.account) != (line.pay_account.bank_code, line.pay_account.number):
                raise ValidationFailed(f"{where}의 은행·계좌가 보낸 것과 다릅니다. 아무것도 반영하지 않았습니다.")
        returned = {result.line.reference for result in read.results}
        if len(returned) != len(read.results):
            raise ValidationFailed("결과 파일에 같은 관리번호가 두 번 있습니다. 아무것도 반영하지 않았습니다.")
        if returned != set(expected):
            missing = len(set(expected) - returned)
            raise ValidationFailed(
                f"결과 파일에 보낸 줄 {missing:,}건의 결과가 없습니다. 아무것도 반영하지 않았습니다."
            )
        now = timezone.now()
        paid = [expected[r.line.reference] for r in read.results if r.paid]
        failed = [(expected[r.line.reference], r) for r in read.results if not r.paid]
        with history_batch(kind="payroll.transfer_result", label="급여 이체 결과", subject=batch.code, actor=actor):
            for line in paid:
                line.status, line.settled_at = TransferLine.Status.PAID, now
            for line, result in failed:
                line.status, line.settled_at = TransferLine.Status.FAILED, now
                line.reason_code, line.reason = result.reason_code, result.reason[:80]
            changed = paid + [line for line, _ in failed]
            TransferLine.objects.bulk_update(
                changed, ["status", "settled_at", "reason_code", "reason"], batch_size=2000
            )
            batch.result_at = now
            batch.save(update_fields=["result_at", "updated_at"])
        spent = sum(line.gross_part + line.employer_part for line in paid)
        posted, unposted = [], 0
        if spent:
            budget_line = _budget_line(batch, worksite.programme)
            if budget_line is None:
                unposted = spent
            else:
                budget_movement_post(
                    actor=None,  # the gate is the worksite's, checked above: the movement is this step's consequence
                    line=budget_line,
                    on=batch.transfer_day,
                    spent=spent,
                    reference=f"급여 이체 {batch.code}",
                    note=f"{worksite.name} {screen_month(batch.month)} 급여 {len(paid):,}명 입금(사업주 부담 포함)",
                )
                posted.append((budget_line.name, spent))
    return ResultSummary(
        paid=len(paid),
        paid_total=sum(line.amount for line in paid),
        failed=len(failed),
        failed_total=sum(line.amount for line, _ in failed),
        posted=posted,
        unposted=unposted,
    )


# --- re-issue ---------------------------------------------------------------------------------------------------


def transfer_reissue_make(*, actor, batch: TransferBatch) -> TransferBatch:
    worksite = batch.confirmation.worksite
    _check_actor(actor, worksite)
    with transaction.atomic():
        batch = TransferBatch.objects.select_for_update().get(pk=batch.pk)
        open_lines = list(
            batch.lines.filter(Q(status=TransferLine.Status.FAILED) | Q(status=TransferLine.Status.NO_ACCOUNT))
        )
        accounts = pay_accounts_of(person_ids=[line.person_id for line in open_lines])
        ready = [line for line in open_lines if line.person_id in accounts]
        if not ready:
            raise ValidationFailed("재지급할 줄이 없습니다. 불능이거나 계좌가 없던 사람의 계좌를 먼저 바로잡으십시오.")
        require_month_open(batch.transfer_day, field="transfer_day")
        number = batch.reissues.count() + 1
        with history_batch(kind="payroll.transfer", label="급여 재지급 파일", subject=batch.code, actor=actor):
            reissue = TransferBatch.objects.create(
                code=f"{batch.code[:16]}-R{number}",
                kind=TransferBatch.Kind.REISSUE,
                confirmation=batch.confirmation,
                month=batch.month,
                transfer_day=batch.transfer_day,
                payer=batch.payer,
                payer_name=batch.payer_name,
                share_percent=batch.share_percent,
                reissue_of=batch,
                count=len(ready),
                total=sum(line.amount for line in ready),
                no_account=0,
                created_by=actor,
            )
            lines = []
            for seq, old in enumerate(ready, 1):
                account = accounts[old.person_id]
                lines.append(
                    TransferLine(
                        batch=reissue,
                        payment_id=old.payment_id,
                        person_id=old.person_id,
                        reference=f"{reissue.pk:08d}{seq:07d}",
                        amount=old.amount,
                        gross_part=old.gross_part,
                        employer_part=old.employer_part,
                        pay_account=account,
                        status=TransferLine.Status.PENDING,
                    )
                )
            TransferLine.objects.bulk_create(lines)
            history_bulk_created(lines)
            for old in ready:
                old.status = TransferLine.Status.REISSUED
            TransferLine.objects.bulk_update(ready, ["status"])
    return reissue
