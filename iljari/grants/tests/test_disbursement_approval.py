"""보조금 교부 through the approval line (결재): a tranche is paid only on the final approval, a rejected one leaves
nothing, the drafter's own position pays at once (전결), and the office's rules decide by the tranche's amount. The
figures come from the youth agreement of the fixtures: city share ₩300,000,000, signed '18.8.1."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from iljari.approvals import services as approval_services
from iljari.approvals.models import ApprovalRequest
from iljari.approvals.tests.factories import approve_through, make_official, open_request
from iljari.core.errors import ValidationFailed
from iljari.core.roles import Position, Role
from iljari.finance.models import BudgetMovement
from iljari.grants import services
from iljari.grants.models import Disbursement

pytestmark = pytest.mark.django_db
MILLION = 1_000_000


def _spent_movements(agreement) -> int:
    return sum(BudgetMovement.objects.filter(line=agreement.budget_line).values_list("spent", flat=True))


def test_a_clerks_tranche_is_paid_only_on_the_final_approval(office, make_agreement):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    staff = office[Role.DIVISION_STAFF]  # 주무관
    reviewer = make_official("t_lead", position=Position.TEAM_LEAD)
    chief = make_official("t_chief", position=Position.DIRECTOR)
    payment = services.TranchePayment(agreement, date(2018, 8, 10), 120 * MILLION)
    request = approval_services.approval_draft(
        actor=staff, act=services.DISBURSE, target=payment, reviewers=[reviewer], approver=chief, note="1차분"
    )
    assert request.amount == 120 * MILLION and request.required_position == Position.DIRECTOR
    spent_before = _spent_movements(agreement)
    approval_services.approval_approve(actor=reviewer, request=request)  # the review passes it on: still unpaid
    assert not Disbursement.objects.exists() and _spent_movements(agreement) == spent_before
    done = approval_services.approval_approve(actor=chief, request=request)
    assert done.state == ApprovalRequest.State.APPROVED
    paid = Disbursement.objects.get()
    assert (paid.number, paid.amount, paid.paid_on, paid.note) == (1, 120 * MILLION, date(2018, 8, 10), "1차분")
    assert _spent_movements(agreement) == spent_before + 120 * MILLION  # the line's 지출액 moves by the tranche


def test_a_rejected_tranche_leaves_nothing_and_can_be_drafted_again(office, make_agreement):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    staff = office[Role.DIVISION_STAFF]
    chief = make_official("t_chief", position=Position.DIRECTOR)
    payment = services.TranchePayment(agreement, date(2018, 8, 10), 120 * MILLION)
    request = approval_services.approval_draft(actor=staff, act=services.DISBURSE, target=payment, approver=chief)
    with pytest.raises(ValidationFailed, match="이미 결재 중"):  # one open tranche approval per agreement
        later = services.TranchePayment(agreement, date(2018, 9, 10), 10 * MILLION)
        approval_services.approval_draft(actor=staff, act=services.DISBURSE, target=later, approver=chief)
    spent_before = _spent_movements(agreement)
    approval_services.approval_reject(actor=chief, request=request, reason="증빙 보완 후 다시 올리십시오")
    assert not Disbursement.objects.exists() and _spent_movements(agreement) == spent_before
    again = approval_services.approval_draft(actor=staff, act=services.DISBURSE, target=payment, approver=chief)
    approve_through(again)
    assert Disbursement.objects.get().amount == 120 * MILLION


def test_the_office_manager_pays_at_once_by_their_own_position(office, client_as, make_agreement):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    manager = client_as(Role.OFFICE_MANAGER)  # 정책관: above the default 담당관
    response = manager.post(
        f"/grants/agreements/{agreement.code}/disbursements/", {"paid_on": "2018-08-10", "amount": "50000000"},
        follow=True,
    )  # fmt: skip
    assert "전결로 1차 50,000,000원을 2018.8.10.에 교부했습니다." in response.content.decode()
    assert Disbursement.objects.get().amount == 50 * MILLION
    request = ApprovalRequest.objects.get(act="grants.disburse")
    assert request.state == ApprovalRequest.State.APPROVED and request.steps.get().comment == "기안자 전결"


@pytest.mark.parametrize(("amount", "at_once"), [(99_999_999, True), (100_000_000, False)])
def test_the_offices_rule_lets_a_team_lead_pay_a_small_tranche(office, make_agreement, amount, at_once):
    """Rule: tranches below ₩100,000,000 are a team lead's (팀장 전결); from ₩100,000,000 the default 담당관."""
    approval_services.delegation_rule_set(
        actor=None, act="grants.disburse", amount_from=None, amount_below=100 * MILLION, position=Position.TEAM_LEAD
    )
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    lead = make_official("t_lead", position=Position.TEAM_LEAD)
    client = Client()
    client.force_login(lead)
    url = f"/grants/agreements/{agreement.code}/disbursements/"
    response = client.post(url, {"paid_on": "2018-08-10", "amount": str(amount)})
    assert response.status_code == 302
    if at_once:
        assert response["Location"] == agreement.get_absolute_url()
        assert Disbursement.objects.get().amount == amount
    else:
        assert response["Location"] == f"/approvals/new/grants.disburse/{agreement.code}/2018-08-10/{amount}/"
        assert not Disbursement.objects.exists() and not ApprovalRequest.objects.exists()


def test_a_tranche_that_cannot_be_paid_is_refused_on_the_form_and_nothing_is_drafted(office, client_as, make_agreement):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    staff = client_as(Role.DIVISION_STAFF)
    url = f"/grants/agreements/{agreement.code}/disbursements/"
    beyond = staff.post(url, {"paid_on": "2018-08-10", "amount": "300000001"})  # ₩1 over the city share
    assert beyond.status_code == 400 and "남은 금액은 300,000,000원입니다" in beyond.content.decode()
    early = staff.post(url, {"paid_on": "2018-07-31", "amount": "1000"})  # before the signing
    assert early.status_code == 400 and "교부일은 협약일(2018.8.1.) 이후여야 합니다." in early.content.decode()
    assert not ApprovalRequest.objects.exists() and not Disbursement.objects.exists()


def test_an_approval_page_link_shows_on_the_agreement_while_it_runs(office, client_as, make_agreement):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    staff = client_as(Role.DIVISION_STAFF)
    chief = make_official("t_chief", position=Position.DIRECTOR)
    draft = f"/approvals/new/grants.disburse/{agreement.code}/2018-08-10/70000000/"
    assert staff.post(draft, {"approver": chief.pk}).status_code == 302
    request = open_request("grants.disburse", f"{agreement.code}/2018-08-10/70000000")
    page = staff.get(agreement.get_absolute_url()).content.decode()
    assert f'<a href="/approvals/{request.pk}/">결재 중(결재 #{request.pk})</a>' in page
    approve_through(request)
    assert "결재 중" not in staff.get(agreement.get_absolute_url()).content.decode().split('id="disburse-title"')[1]
