"""A month's pay is final only on its approval (급여 확정 결재): drafted by whoever keeps the worksite's records,
approved by a position the 전결 rules accept for the month's total, and then never computed again.

The month is May 2018 at the city's New Deal worksite: one full-time participant, 168 hours, four full weeks and
two paid public holidays at the 2018 living wage of 9,220원 (test_pay.py works the amounts out): 1,991,520원."""

from datetime import date

import pytest

from iljari.approvals import services as approvals
from iljari.approvals.models import ApprovalRequest
from iljari.approvals.tests.factories import approve_through, make_official, open_request
from iljari.core.errors import ValidationFailed
from iljari.core.roles import Position, Role
from iljari.participation import services
from iljari.participation.models import PayConfirmation
from iljari.payroll.services import deductions_compute
from iljari.people.tests.factories import make_person

MAY = date(2018, 5, 1)
MAY_TOTAL = 1_991_520


@pytest.fixture
def computed(site):
    placement = services.placement_create(
        actor=None, person=make_person(), worksite=site["city"], start_date=date(2018, 3, 2),
        end_date=date(2018, 12, 31), weekly_hours=40,
    )  # fmt: skip
    services.work_record_set(actor=None, placement=placement, month=MAY, days_worked=21, hours_worked=168, full_weeks=4)
    services.pay_compute(actor=None, month=MAY, worksite=site["city"])
    deductions_compute(actor=None, month=MAY, worksite=site["city"])  # confirmed only with current deductions
    return site["city"]


@pytest.fixture
def lead(office):
    return make_official("t_lead", position=Position.TEAM_LEAD)


def test_a_clerk_drafts_and_a_team_lead_confirms(office, computed, lead):
    staff = office[Role.DIVISION_STAFF]
    target = services.PayMonth(computed, MAY)
    request = approvals.approval_draft(actor=staff, act=services.PAY_CONFIRM, target=target, approver=lead)
    assert request.amount == MAY_TOTAL and request.required_position == Position.TEAM_LEAD
    assert not PayConfirmation.objects.exists()
    services.pay_compute(actor=staff, month=MAY, worksite=computed)  # still open: the month may be computed again
    approve_through(request)
    confirmation = PayConfirmation.objects.get(worksite=computed, month=MAY)
    assert (confirmation.count, confirmation.total, confirmation.confirmed_by) == (1, MAY_TOTAL, lead)
    with pytest.raises(ValidationFailed, match="급여가 확정되어 다시 계산할 수 없습니다"):
        services.pay_compute(actor=staff, month=MAY, worksite=computed)
    with pytest.raises(ValidationFailed, match="이미 확정되었습니다"):
        approvals.approval_draft(actor=staff, act=services.PAY_CONFIRM, target=target, approver=lead)


def test_a_clerk_alone_is_refused_and_nothing_is_confirmed(office, computed, lead):
    with pytest.raises(ValidationFailed) as refused:
        services.pay_confirm(actor=office[Role.DIVISION_STAFF], worksite=computed, month=MAY)
    assert "팀장 이상이 결재합니다" in refused.value.field_errors["approver"][0]
    assert not PayConfirmation.objects.exists() and not ApprovalRequest.objects.exists()


def test_the_rule_for_the_months_total_names_the_approver(office, computed, lead):
    manager, staff = office[Role.OFFICE_MANAGER], office[Role.DIVISION_STAFF]
    approvals.delegation_rule_set(actor=manager, act=services.PAY_CONFIRM, amount_from=1_000_000, amount_below=None,
                                  position=Position.DIRECTOR)  # fmt: skip
    target = services.PayMonth(computed, MAY)
    with pytest.raises(ValidationFailed, match="결재선을 고치십시오"):
        approvals.approval_draft(actor=staff, act=services.PAY_CONFIRM, target=target, approver=lead)
    chief = make_official("t_chief", position=Position.DIRECTOR)
    request = approvals.approval_draft(actor=staff, act=services.PAY_CONFIRM, target=target, reviewers=[lead],
                                       approver=chief)  # fmt: skip
    approve_through(request)
    assert PayConfirmation.objects.get().confirmed_by == chief


def test_recomputing_after_the_draft_stops_the_approval(office, computed, lead):
    staff = office[Role.DIVISION_STAFF]
    placement = computed.placements.get()
    request = approvals.approval_draft(actor=staff, act=services.PAY_CONFIRM, target=services.PayMonth(computed, MAY),
                                       approver=lead)  # fmt: skip
    services.work_record_set(actor=None, placement=placement, month=MAY, days_worked=20, hours_worked=160, full_weeks=4)
    services.pay_compute(actor=staff, month=MAY, worksite=computed)
    with pytest.raises(ValidationFailed, match="기안한 뒤 금액이 바뀌었습니다"):
        approve_through(request)
    assert not PayConfirmation.objects.exists()
    assert open_request(services.PAY_CONFIRM, f"{computed.code}/2018-05").pk == request.pk


def test_the_worksite_page_drafts_the_confirmation_and_says_so(office, computed, lead, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    page = staff.get(f"/participation/worksites/{computed.code}/?month=2018-05").content.decode()
    assert "5월 급여 확정 결재" in page and "아직 확정되지 않았습니다" in page
    draft_url = f"/approvals/new/{services.PAY_CONFIRM}/{computed.code}/2018-05/"
    form = staff.get(draft_url).content.decode()
    assert "급여 확정: 전결 규정이 없어 기본 결재권자(팀장)" in form and "1,991,520원" in form
    response = staff.post(draft_url, {"approver": lead.pk, "note": "5월분"}, follow=True)
    assert "결재를 올렸습니다 — 결재가 끝나면 그 달의 급여가 확정됩니다." in response.content.decode()
    assert "결재 중(결재 #" in response.content.decode()
    assert not PayConfirmation.objects.exists()
    blank = staff.post(draft_url, {"approver": ""})  # a clerk names no approver: refused on the field
    assert blank.status_code == 400


def test_pay_computed_again_after_its_deductions_cannot_be_drafted_and_the_page_says_why(office, computed, lead,
                                                                                         client_as):  # fmt: skip
    placement = computed.placements.get()
    services.work_record_set(actor=None, placement=placement, month=MAY, days_worked=20, hours_worked=160, full_weeks=4)
    services.pay_compute(actor=None, month=MAY, worksite=computed)  # the deductions are those of before
    staff = client_as(Role.DIVISION_STAFF)
    response = staff.post(f"/approvals/new/{services.PAY_CONFIRM}/{computed.code}/2018-05/", {"approver": lead.pk})
    assert response.status_code == 400
    assert "공제 계산 뒤 다시 계산된 급여 1건이 있습니다. 급여 공제를 다시 계산한 뒤 확정하십시오." in (
        response.content.decode()
    )
    assert not ApprovalRequest.objects.exists() and not PayConfirmation.objects.exists()
