"""Deferment and extension (상환유예, 이행연기): request, the committee's decision, the new schedule from its day."""

from __future__ import annotations

from datetime import date

import pytest

from iljari.committees.models import Decision, Meeting
from iljari.core.errors import ValidationFailed
from iljari.fund import services
from iljari.fund.models import DefermentRequest, ScheduleVersion
from iljari.fund.selectors import loan_position

pytestmark = pytest.mark.django_db


def request(loan, kind="deferment", months=6, on=date(2018, 4, 10)):
    return services.deferment_request(
        actor=None, loan=loan, kind=kind, months=months, requested_on=on, reason="매출 감소로 상환 여력 부족"
    )


def test_an_approved_deferment_starts_a_new_schedule_from_the_decision_date(make_loan):
    # ₩12,000,000 at 2%, 12 months equal principal from '18.1.31.; nothing paid: Feb and Mar are overdue
    loan = make_loan()
    assert loan_position(loan, date(2018, 4, 20)).days_past_due == 51
    decided = services.deferment_decide(
        actor=None, request=request(loan), held_on=date(2018, 4, 20), approve=True, note="6개월 원금 유예"
    )
    assert decided.status == DefermentRequest.Status.APPROVED
    # the decision is the committee's: an agenda item of its meeting that day, linked to the request
    decision = Decision.objects.select_related("item__meeting__committee").get(
        subject_type="fund.deferment", subject_id=decided.pk
    )
    assert decision.item.meeting.title == "2018년 4월 상환유예 및 이행연기 특약 심의위원회"
    assert decision.item.meeting.committee.code == "FUND-DEFERMENT"
    assert (decision.result, decision.text, decision.decided_on) == ("approved", "6개월 원금 유예", date(2018, 4, 20))
    assert decision.item.title == "융자 L-1 상환유예 6개월 신청"
    old, new = loan.schedule_versions.order_by("number")
    assert old.superseded_on == date(2018, 4, 20) and new.reason == ScheduleVersion.Reason.DEFERMENT
    rows = list(new.instalments.order_by("number"))
    # 10 instalments were left after 4.20. (4.30. … '19.1.31.), plus 6 months: 16, the first 6 interest only
    assert len(rows) == 16
    assert rows[0].due_on == date(2018, 5, 20) and rows[-1].due_on == date(2019, 8, 20)
    assert [row.principal for row in rows[:6]] == [0] * 6
    assert [row.principal for row in rows[6:]] == [1_200_000] * 10  # the whole 12,000,000 over 10 months
    # the first instalment: a month's interest (20,000) and the unpaid interest of Feb and Mar (20,000 + 18,333)
    assert rows[0].interest == 20_000 + 38_333
    position = loan_position(loan, date(2018, 4, 20))
    assert position.days_past_due == 0 and position.principal_arrears == 0 and position.interest_arrears == 0
    # the old schedule still answers for the days before the decision
    assert loan_position(loan, date(2018, 4, 15)).days_past_due == 46


def test_an_extension_moves_maturity_later(make_loan):
    loan = make_loan(method="annuity")
    services.repayment_post(
        actor=None, loan=loan, received_on=date(2018, 2, 28), amount=1_010_000, today=date(2030, 1, 1)
    )
    services.deferment_decide(
        actor=None,
        request=request(loan, kind="extension", months=12, on=date(2018, 3, 1)),
        held_on=date(2018, 3, 15),
        approve=True,
    )
    rows = list(loan.schedule_versions.order_by("-number").first().instalments.order_by("number"))
    assert len(rows) == 11 + 12
    assert rows[-1].due_on == date(2020, 2, 15)
    assert sum(row.principal for row in rows) == loan_position(loan, date(2018, 3, 15)).outstanding


def test_a_rejected_request_leaves_the_schedule(make_loan):
    loan = make_loan()
    services.deferment_decide(actor=None, request=request(loan), held_on=date(2018, 4, 20), approve=False)
    assert loan.schedule_versions.count() == 1
    assert Meeting.objects.count() == 1
    assert Decision.objects.get().result == "rejected"


def test_a_deferment_for_a_closed_loan_is_refused(make_loan):
    loan = make_loan()
    services.repayment_post(
        actor=None, loan=loan, received_on=date(2018, 2, 28), amount=12_020_000, today=date(2030, 1, 1)
    )
    loan.refresh_from_db()
    with pytest.raises(ValidationFailed) as error:
        request(loan)
    assert error.value.message == "융자 L-1는 상환 완료되어(종결) 유예·연기를 신청할 수 없습니다."
    assert not DefermentRequest.objects.exists()


def test_a_decision_before_the_request_is_refused_and_writes_nothing(make_loan):
    loan = make_loan()
    pending = request(loan)
    with pytest.raises(ValidationFailed) as error:
        services.deferment_decide(actor=None, request=pending, held_on=date(2018, 4, 1), approve=True)
    assert error.value.message == "심의일이 신청일(2018-04-10)보다 앞설 수 없습니다."
    pending.refresh_from_db()
    assert pending.status == DefermentRequest.Status.REQUESTED and loan.schedule_versions.count() == 1
    assert not Meeting.objects.exists() and not Decision.objects.exists()


def test_repaying_in_full_after_a_deferment_pays_the_carried_interest_too(make_loan):
    loan = make_loan()  # nothing paid: Feb 20,000 and Mar 18,333 interest unpaid on 4.20.
    services.deferment_decide(actor=None, request=request(loan), held_on=date(2018, 4, 20), approve=True)
    position = loan_position(loan, date(2018, 5, 1))
    assert position.carried_pending == 38_333
    assert position.payoff == position.overdue_interest_owed + 38_333 + 12_000_000
    repayment = services.repayment_post(
        actor=None, loan=loan, received_on=date(2018, 5, 1), amount=position.payoff, today=date(2030, 1, 1)
    )
    assert repayment.interest == 38_333 and repayment.principal == 12_000_000
    loan.refresh_from_db()
    assert loan.status == "repaid"


def test_two_requests_decided_the_same_day_are_two_items_of_one_meeting(make_loan):
    first, second = make_loan(), make_loan(number="L-2")
    for loan in (first, second):
        services.deferment_decide(actor=None, request=request(loan), held_on=date(2018, 5, 18), approve=True)
    meeting = Meeting.objects.get()
    assert (meeting.number, meeting.state) == (1, "held")
    assert list(meeting.items.values_list("order", flat=True)) == [1, 2]


def test_a_decision_at_another_committees_meeting_is_refused(make_loan):
    from iljari.committees import services as committees

    other = committees.committee_save(actor=None, code="OTHER", name="다른 위원회", kind="advisory")
    meeting = committees.meeting_schedule(actor=None, committee=other, held_on=date(2018, 4, 20))
    with pytest.raises(ValidationFailed) as error:
        services.deferment_decide(actor=None, request=request(make_loan()), meeting=meeting, approve=True)
    assert error.value.message == "상환유예 및 이행연기 특약 심의위원회의 회의를 고르십시오."
    assert not Decision.objects.exists()
