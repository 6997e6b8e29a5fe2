"""고지 일괄 발송 through the approval line (결재): a batch of notices is recorded only on the final approval (its job
starts then and is the drafter's), a rejected one records nothing, the office manager's own position issues at once
(전결), and a batch with nothing new to notice is not drafted. The loans are the fund fixtures': ₩12,000,000 at 2%
over 12 months, equal principal, paid out '18.1.31., so each first falls due on 2.28. with 1,000,000 principal and a
month's interest of 20,000."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from iljari.approvals import services as approval_services
from iljari.approvals.models import ApprovalRequest
from iljari.approvals.tests.factories import approve_through, make_official
from iljari.core.errors import ValidationFailed
from iljari.core.models import BackgroundJob
from iljari.core.roles import Position, Role
from iljari.fund import services
from iljari.fund.models import Notice
from iljari.fund.tasks import notices_batch

pytestmark = pytest.mark.django_db
FEB = services.NoticeBatch("repayment", date(2018, 2, 16), date(2018, 2, 28))


def draft(actor, batch, approver):
    return approval_services.approval_draft(actor=actor, act=services.NOTICES_ISSUE, target=batch, approver=approver)


@pytest.fixture
def lead(org):
    return make_official("t_lead", position=Position.TEAM_LEAD, role=Role.OFFICE_MANAGER, org_unit="JOBS")


def test_the_batch_is_recorded_only_on_the_final_approval(make_loan, fund_manager, lead,
                                                          django_capture_on_commit_callbacks):  # fmt: skip
    make_loan("A-1")
    make_loan("A-2")
    with pytest.raises(ValidationFailed):  # a clerk alone: no approver named, nothing drafted nor recorded
        services.notices_batch_start(
            actor=fund_manager, kind=FEB.kind, period_start=FEB.period_start, period_end=FEB.period_end,
            task=notices_batch,
        )  # fmt: skip
    request = approval_services.approval_draft(
        actor=fund_manager, act=services.NOTICES_ISSUE, target=FEB, approver=lead
    )
    assert request.amount == 2 * 1_020_000  # the batch's total the 전결 rules read
    assert request.required_position == Position.TEAM_LEAD  # the act's default: a team lead
    assert not Notice.objects.exists() and not BackgroundJob.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        approval_services.approval_approve(actor=lead, request=request)
    assert sorted(Notice.objects.values_list("loan__number", "amount")) == [("A-1", 1_020_000), ("A-2", 1_020_000)]
    job = BackgroundJob.objects.get(kind="fund_notices")
    assert job.requested_by == fund_manager and job.status == BackgroundJob.Status.SUCCEEDED  # the drafter's job


def test_a_rejected_batch_records_nothing(make_loan, fund_manager, lead, django_capture_on_commit_callbacks):
    make_loan()
    request = approval_services.approval_draft(
        actor=fund_manager, act=services.NOTICES_ISSUE, target=FEB, approver=lead
    )
    with django_capture_on_commit_callbacks(execute=True):
        approval_services.approval_reject(actor=lead, request=request, reason="기간을 다시 확인하십시오")
    assert not Notice.objects.exists() and not BackgroundJob.objects.exists()
    assert ApprovalRequest.objects.get().state == ApprovalRequest.State.REJECTED


def test_the_office_manager_issues_at_once_by_their_own_position(make_loan, client_as,
                                                                 django_capture_on_commit_callbacks):  # fmt: skip
    make_loan()
    manager = client_as(Role.OFFICE_MANAGER)  # 정책관
    with django_capture_on_commit_callbacks(execute=True):
        response = manager.post(
            "/fund/notices/batch/", {"kind": "repayment", "period_start": "2018-02-16", "period_end": "2018-02-28"}
        )
    job = BackgroundJob.objects.get(kind="fund_notices")
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert Notice.objects.get().amount == 1_020_000
    assert ApprovalRequest.objects.get().steps.get().comment == "기안자 전결"


def test_a_clerks_batch_goes_to_the_draft_form_and_shows_while_it_runs(make_loan, fund_manager, lead):
    make_loan()
    client = Client()
    client.force_login(fund_manager)
    response = client.post(
        "/fund/notices/batch/", {"kind": "repayment", "period_start": "2018-02-16", "period_end": "2018-02-28"}
    )
    assert response["Location"] == "/approvals/new/fund.notices_issue/repayment/2018-02-16/2018-02-28/"
    form = client.get(response["Location"]).content.decode()
    assert "원리금 상환고지 일괄 발송(2018.2.16.~2018.2.28.)" in form and "합계 1,020,000원" in form
    assert client.post(response["Location"], {"approver": lead.pk}).status_code == 302
    request = ApprovalRequest.objects.get()
    page = client.get("/fund/notices/").content.decode()
    assert f'<a href="/approvals/{request.pk}/">결재 중(결재 #{request.pk})</a>' in page
    assert not Notice.objects.exists()
    approve_through(request)
    assert "결재 중" not in client.get("/fund/notices/").content.decode()


def test_a_batch_with_nothing_to_notice_is_not_drafted(make_loan, fund_manager, lead):
    make_loan()
    empty = services.NoticeBatch("repayment", date(2018, 2, 1), date(2018, 2, 15))  # nothing falls due before 2.28.
    with pytest.raises(ValidationFailed, match="이 기간에 새로 보낼 원리금 상환고지가 없습니다."):
        approval_services.approval_draft(actor=fund_manager, act=services.NOTICES_ISSUE, target=empty, approver=lead)
    client = Client()
    client.force_login(fund_manager)
    response = client.post(
        "/fund/notices/batch/", {"kind": "repayment", "period_start": "2018-02-01", "period_end": "2018-02-15"},
        follow=True,
    )  # fmt: skip
    assert "이 기간에 새로 보낼 원리금 상환고지가 없습니다." in response.content.decode()
    assert not ApprovalRequest.objects.exists() and not Notice.objects.exists()
