"""Deferment (상환유예) and extension (이행연기): the borrower's request and the monthly committee's decision, which
on approval starts a new schedule version from the decision date. The committee (상환유예 및 이행연기 특약
심의위원회) is a committees.Committee: the decision is recorded as an agenda item and a decision of its meeting,
linked to the request ("fund.deferment"); the request keeps the outcome and the new schedule."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Max

from iljari.committees.models import Decision, Meeting
from iljari.committees.services import decision_link, meeting_for_day
from iljari.core.errors import field_error
from iljari.fund.committee import SUBJECT, fund_committee
from iljari.fund.models import DefermentRequest, Loan, ScheduleVersion
from iljari.fund.schedules import BULLET, schedule_compute
from iljari.fund.schedules import Instalment as Planned
from iljari.fund.selectors import loan_position
from iljari.fund.services.ledger import require_manage
from iljari.fund.services.loans import remaining_rows, version_store


def deferment_request(
    *, actor, loan: Loan, kind: str, months: int, requested_on: date, reason: str
) -> DefermentRequest:
    require_manage(actor)
    if kind not in DefermentRequest.Kind.values:
        raise field_error("kind", "구분은 상환유예 또는 이행연기입니다.")
    if not isinstance(months, int) or not 1 <= months <= 36:
        raise field_error("months", "유예·연기 기간은 1개월에서 36개월 사이입니다.")
    if not (reason or "").strip():
        raise field_error("reason", "신청 사유를 적으십시오.")
    if loan.status in (Loan.Status.REPAID, Loan.Status.WRITTEN_OFF):
        raise field_error(
            "loan", f"융자 {loan.number}는 {loan.get_status_display()}되어(종결) 유예·연기를 신청할 수 없습니다."
        )
    if loan.status != Loan.Status.ACTIVE:
        raise field_error("loan", f"융자 {loan.number}는 아직 실행되지 않았습니다.")
    if loan.deferments.filter(status=DefermentRequest.Status.REQUESTED).exists():
        raise field_error("loan", f"융자 {loan.number}에는 심의를 기다리는 신청이 이미 있습니다.")
    return DefermentRequest.objects.create(
        loan=loan, kind=kind, months=months, requested_on=requested_on, reason=reason.strip()
    )


def deferment_decide(
    *,
    actor,
    request: DefermentRequest,
    held_on: date | None = None,
    approve: bool,
    note: str = "",
    meeting: Meeting | None = None,
) -> DefermentRequest:
    """Decide a request at a meeting of the fund's committee: `meeting` (one of its meetings) or the committee's
    meeting of `held_on` (found or opened). The decision (원안 가결 or 부결) is a committees decision linked to the
    request; on approval the new schedule starts on the meeting day."""
    require_manage(actor)
    if meeting is None and held_on is None:
        raise field_error("held_on", "심의위원회 개최일을 적으십시오.")
    with transaction.atomic():
        request = DefermentRequest.objects.select_for_update().get(pk=request.pk)
        loan = Loan.objects.select_for_update().select_related("agreement").get(pk=request.loan_id)
        committee = fund_committee()
        if meeting is not None:
            if meeting.committee_id != committee.pk:
                raise field_error("meeting", f"{committee.name}의 회의를 고르십시오.")
            held_on = meeting.held_on
        if request.status != DefermentRequest.Status.REQUESTED:
            raise field_error("held_on", "이미 심의가 끝난 신청입니다.")
        if held_on < request.requested_on:
            raise field_error("held_on", f"심의일이 신청일({request.requested_on})보다 앞설 수 없습니다.")
        if loan.status != Loan.Status.ACTIVE:
            raise field_error(
                "held_on", f"융자 {loan.number}는 {loan.get_status_display()}되어(종결) 유예·연기할 수 없습니다."
            )
        latest = loan.repayments.aggregate(d=Max("received_on"))["d"]
        if latest is not None and held_on < latest:
            raise field_error("held_on", f"{latest} 입금보다 앞선 날짜로 새 일정을 시작할 수 없습니다.")
        if meeting is None:
            meeting = meeting_for_day(
                actor=actor,
                committee=committee,
                held_on=held_on,
                title=f"{held_on.year}년 {held_on.month}월 {committee.name}",
            )
        request.status = DefermentRequest.Status.APPROVED if approve else DefermentRequest.Status.REJECTED
        if approve:
            request.schedule_version = _deferment_schedule(loan, request, held_on)
        request.save(update_fields=["status", "schedule_version", "updated_at"])
        decision_link(
            actor=actor,
            meeting=meeting,
            title=f"융자 {loan.number} {request.get_kind_display()} {request.months}개월 신청",
            result=Decision.Result.APPROVED if approve else Decision.Result.REJECTED,
            text=note,
            subject_type=SUBJECT,
            subject_id=request.pk,
            decided_on=held_on,
        )
    return request


def _deferment_schedule(loan: Loan, request: DefermentRequest, on: date) -> ScheduleVersion:
    """The new schedule from the decision date: the outstanding principal (arrears included) over the instalments
    left plus the months granted; interest billed but unpaid is added to the first new instalment."""
    position = loan_position(loan, on)
    remaining = remaining_rows(loan, on)
    left = max(len(remaining), 1)
    grace_left = 0 if loan.method == BULLET else sum(1 for row in remaining[:-1] if row.principal == 0)
    term = left + request.months
    grace = grace_left + request.months if request.kind == DefermentRequest.Kind.DEFERMENT else grace_left
    grace = min(grace, term - 1)
    planned = schedule_compute(
        principal=position.outstanding,
        annual_rate=loan.annual_rate,
        start_on=on,
        term_months=term,
        grace_months=grace,
        method=loan.method,
        first_number=1,
    )
    carried = position.interest_arrears
    if carried:
        first = planned[0]
        planned[0] = Planned(first.number, first.due_on, first.principal, first.interest + carried, first.balance_after)
    reason = (
        ScheduleVersion.Reason.DEFERMENT
        if request.kind == DefermentRequest.Kind.DEFERMENT
        else ScheduleVersion.Reason.EXTENSION
    )
    return version_store(
        loan,
        reason=reason,
        effective_on=on,
        principal_before=position.principal_paid,
        interest_before=position.interest_paid,
        planned=planned,
        interest_carried=carried,
    )
