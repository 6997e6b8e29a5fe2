"""인건비 지원 교부 through the approval line (결재): an employment programme's payroll is approved and its subsidy paid
only on the final approval; a clerk's press of 승인·교부 goes on to the draft form; the office manager's own position
pays at once (전결). The payroll: two employee-months of ₩2,000,000 wage and ₩200,000 employer insurance under the
wage programme of the fixtures (70% of the wage up to ₩1,300,000 a month, all of the insurance) — ₩1,300,000 + ₩200,000
= ₩1,500,000 a month, ₩3,000,000 in all."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from iljari.approvals import services as approval_services
from iljari.approvals.models import ApprovalRequest
from iljari.approvals.tests.factories import make_official
from iljari.core.errors import ValidationFailed
from iljari.core.roles import Position, Role
from iljari.finance.models import BudgetMovement
from iljari.grants import services
from iljari.grants.models import Disbursement, Payroll

pytestmark = pytest.mark.django_db
MILLION = 1_000_000
SUBSIDY = 2 * (1_300_000 + 200_000)


@pytest.fixture
def payroll(make_agreement, wage_programme):
    agreement = make_agreement(
        "2018-SE-W-010", programme=wage_programme, city=50 * MILLION, matched=0, sign_on=date(2018, 8, 1)
    )
    rows = [
        {"employee_number": "E1", "employee_name": "김하나", "month": month, "wage": 2_000_000, "insurance": 200_000}
        for month in ("2018-08", "2018-09")
    ]
    return services.payroll_submit(actor=None, agreement=agreement, title="8~9월분", rows=rows)


def _official(username: str, position: str):
    """An official of 사회적경제담당관, the division that runs the wage programme."""
    return make_official(username, position=position, org_unit="SOCIAL-ECONOMY")


def _spent(agreement) -> int:
    return sum(BudgetMovement.objects.filter(line=agreement.budget_line).values_list("spent", flat=True))


def test_a_clerks_approval_pays_nothing_until_the_final_approval(office, payroll):
    assert payroll.subsidy == SUBSIDY
    staff = _official("p_clerk", Position.CLERK)  # 주무관: below the default 담당관
    chief = _official("p_chief", Position.DIRECTOR)
    spent_before = _spent(payroll.agreement)
    with pytest.raises(ValidationFailed, match="결재선을 고치십시오"):  # a clerk's own position approves nothing
        services.payroll_approve(actor=staff, payroll=payroll, paid_on=date(2018, 10, 10))
    request = approval_services.approval_draft(
        actor=staff, act="grants.payroll_pay", target=services.PayrollPayment(payroll, date(2018, 10, 10)),
        approver=chief,
    )  # fmt: skip
    assert request.amount == SUBSIDY and request.is_open
    payroll.refresh_from_db()
    assert payroll.status == Payroll.Status.SUBMITTED and not Disbursement.objects.exists()
    assert _spent(payroll.agreement) == spent_before
    with pytest.raises(ValidationFailed, match="이미 결재 중"):  # one open approval per payroll
        approval_services.approval_draft(
            actor=staff, act="grants.payroll_pay", target=services.PayrollPayment(payroll, date(2018, 10, 11)),
            approver=chief,
        )  # fmt: skip
    approval_services.approval_approve(actor=chief, request=request)
    payroll.refresh_from_db()
    paid = Disbursement.objects.get()
    assert payroll.status == Payroll.Status.APPROVED
    assert (paid.amount, paid.paid_on, paid.payroll_id) == (SUBSIDY, date(2018, 10, 10), payroll.pk)
    assert _spent(payroll.agreement) == spent_before + SUBSIDY


def test_a_rejected_payroll_approval_leaves_the_payroll_submitted(office, payroll):
    staff = _official("p_clerk", Position.CLERK)
    chief = _official("p_chief", Position.DIRECTOR)
    request = approval_services.approval_draft(
        actor=staff, act="grants.payroll_pay", target=services.PayrollPayment(payroll, date(2018, 10, 10)),
        approver=chief,
    )  # fmt: skip
    approval_services.approval_reject(actor=chief, request=request, reason="임금대장 사본을 붙이십시오")
    payroll.refresh_from_db()
    assert payroll.status == Payroll.Status.SUBMITTED and not Disbursement.objects.exists()


def test_the_clerks_button_goes_to_the_draft_form_and_the_page_shows_the_running_approval(office, payroll):
    staff = Client()
    staff.force_login(_official("p_clerk", Position.CLERK))
    url = f"/grants/payrolls/{payroll.pk}/"
    response = staff.post(url, {"paid_on": "2018-10-10"})
    assert response.status_code == 302
    assert response["Location"] == f"/approvals/new/grants.payroll_pay/{payroll.pk}/2018-10-10/"
    assert not ApprovalRequest.objects.exists() and not Disbursement.objects.exists()
    chief = _official("p_chief", Position.DIRECTOR)
    assert staff.post(response["Location"], {"approver": chief.pk}).status_code == 302
    request = ApprovalRequest.objects.get(act="grants.payroll_pay")
    page = staff.get(url).content.decode()
    assert f'<a href="/approvals/{request.pk}/">결재 중(결재 #{request.pk})</a>' in page
    assert "승인·교부 결재</button>" not in page


def test_the_office_manager_approves_at_once_by_their_own_position(office, client_as, payroll):
    manager = client_as(Role.OFFICE_MANAGER)
    response = manager.post(f"/grants/payrolls/{payroll.pk}/", {"paid_on": "2018-10-10"}, follow=True)
    assert "전결로 승인하고 3,000,000원을 1차로 교부했습니다." in response.content.decode()
    assert Disbursement.objects.get().amount == SUBSIDY
    assert ApprovalRequest.objects.get(act="grants.payroll_pay").steps.get().comment == "기안자 전결"


def test_a_payroll_that_cannot_be_paid_is_refused_on_its_page_and_nothing_is_drafted(office, payroll):
    staff = Client()
    staff.force_login(_official("p_clerk", Position.CLERK))
    response = staff.post(f"/grants/payrolls/{payroll.pk}/", {"paid_on": "2018-07-31"})  # before the signing
    assert response.status_code == 400 and "교부일은 협약일(2018.8.1.) 이후여야 합니다." in response.content.decode()
    assert not ApprovalRequest.objects.exists() and not Disbursement.objects.exists()
