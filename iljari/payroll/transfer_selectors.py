"""payroll transfer selectors — the transfers of a worksite's month and of a person, scoped like participation's
worksites (participation.selectors.worksite_get / person_placement_list: 404 outside the user's scope).

Contract:
- transfer_month(*, user, worksite, month) -> TransferMonth(worksite, month, confirmed, batches, lines, corrections)
      every batch of the worksite's month (the month's and the re-issues) with its lines; `corrections`: the failed
      and account-less lines not yet passed on to a re-issue (정정 목록)
- transfer_batch_get(*, user, pk) -> TransferBatch        a batch of a worksite in the user's scope (404 otherwise)
- person_transfer_lines(*, user, person_id) -> QuerySet[TransferLine]   a person's lines, newest month first, of
      the placements the user may see
- payment_status_text(line) -> str                         입금 · 불능(예금주 불일치) · 계좌 없음 · 이체 의뢰 …
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from iljari.core.errors import NotFound
from iljari.participation.calendar import month_start
from iljari.participation.models import PayConfirmation
from iljari.participation.selectors import person_placement_list, worksite_get
from iljari.payroll.models_transfer import TransferBatch, TransferLine


@dataclass
class TransferMonth:
    worksite: object
    month: date
    confirmation: PayConfirmation | None
    batches: list[TransferBatch]
    lines: dict[int, list[TransferLine]]  # batch id → its lines
    corrections: list[TransferLine]


def transfer_month(*, user, worksite, month: date) -> TransferMonth:
    worksite = worksite_get(user=user, code=worksite.code)
    month = month_start(month)
    confirmation = PayConfirmation.objects.filter(worksite=worksite, month=month).first()
    batches = list(TransferBatch.objects.filter(confirmation__worksite=worksite, month=month).order_by("pk"))
    lines: dict[int, list[TransferLine]] = {batch.pk: [] for batch in batches}
    rows = TransferLine.objects.filter(batch__in=batches).select_related("person", "pay_account")
    rows = rows.order_by("batch", "pk")
    for line in rows:
        lines[line.batch_id].append(line)
    for batch in batches:
        batch.line_list = lines[batch.pk]
    corrections = [
        line
        for batch_lines in lines.values()
        for line in batch_lines
        if line.status in (TransferLine.Status.FAILED, TransferLine.Status.NO_ACCOUNT)
    ]
    return TransferMonth(worksite, month, confirmation, batches, lines, corrections)


def transfer_batch_get(*, user, pk: int) -> TransferBatch:
    batch = TransferBatch.objects.select_related("confirmation__worksite").filter(pk=pk).first()
    if batch is None:
        raise NotFound("이체를 찾을 수 없습니다.")
    worksite_get(user=user, code=batch.confirmation.worksite.code)  # 404 outside the user's scope
    return batch


def person_transfer_lines(*, user, person_id: int) -> QuerySet[TransferLine]:
    placements = person_placement_list(user=user, person_id=person_id).values("pk")
    return (
        TransferLine.objects.filter(payment__placement__in=placements)
        .select_related("batch__confirmation__worksite", "pay_account")
        .order_by("-batch__month", "-pk")
    )


def payment_status_text(line: TransferLine) -> str:
    if line.status == TransferLine.Status.FAILED:
        return f"불능({line.reason})"
    return line.get_status_display()
