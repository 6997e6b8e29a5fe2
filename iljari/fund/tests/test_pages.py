"""The fund pages through the HTTP layer: who may do what, and bad input answered in Korean with nothing written."""

from __future__ import annotations

import io
from datetime import date
from urllib.parse import quote

import pytest
from django.test import Client
from openpyxl import load_workbook

from iljari.approvals.tests.factories import approve_through, make_official, open_request
from iljari.core.models import BackgroundJob
from iljari.core.roles import Position, Role
from iljari.core.xlsx import xlsx_table
from iljari.fund import services
from iljari.fund.models import DefermentRequest, Loan, Notice, Repayment

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_client(fund_manager):
    client = Client()
    client.force_login(fund_manager)
    return client


def test_the_fund_manager_registers_and_disburses_a_loan(manager_client, agreement, borrower):
    response = manager_client.post(
        "/fund/loans/new/",
        {"number": "W-1", "borrower_number": borrower.business_number, "agreement": agreement.pk,
         "purpose": "enterprise", "principal": "12000000", "annual_rate": "2", "term_months": "12",
         "grace_months": "0", "method": "equal_principal"},
    )  # fmt: skip
    assert response.status_code == 302
    response = manager_client.post("/fund/loans/W-1/disburse/", {"on": "2018-01-31"})
    # 융자 실행 is an approval (결재): the fund's clerk goes on to its draft form; the office's head approves
    assert response.status_code == 302 and response["Location"] == "/approvals/new/fund.loan_disburse/W-1/2018-01-31/"
    head = make_official("t_head", position=Position.HEAD, role=Role.OFFICE_MANAGER, org_unit="JOBS")
    drafted = manager_client.post(response["Location"], {"approver": head.pk}, follow=True)
    assert "결재를 올렸습니다 — 결재가 끝나면 융자가 실행되고 상환 일정이 만들어집니다." in drafted.content.decode()
    assert Loan.objects.get(number="W-1").status == Loan.Status.APPROVED  # not paid out before the final approval
    assert "융자 실행 <a" in manager_client.get("/fund/loans/W-1/").content.decode()  # 결재 중, with its link
    approve_through(open_request("fund.loan_disburse", "W-1/2018-01-31"))
    page = manager_client.get("/fund/loans/W-1/?as_of=2018-02-01").content.decode()
    assert "상환 중" in page and "2018" in page
    assert Loan.objects.get(number="W-1").schedule_versions.get().instalments.count() == 12


def test_a_rate_above_the_cap_is_shown_on_the_form_and_nothing_is_saved(manager_client, agreement, borrower):
    response = manager_client.post(
        "/fund/loans/new/",
        {"number": "W-2", "borrower_number": borrower.business_number, "agreement": agreement.pk,
         "purpose": "enterprise", "principal": "12000000", "annual_rate": "3.2", "term_months": "12",
         "grace_months": "0", "method": "annuity"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "대출금리 3.200%가 협약의 최고금리 3.000%를 넘습니다." in response.content.decode()
    assert not Loan.objects.exists()


def test_an_unknown_borrower_is_named_in_korean(manager_client, agreement):
    response = manager_client.post(
        "/fund/loans/new/",
        {"number": "W-3", "borrower_number": "123-45-67890", "agreement": agreement.pk, "purpose": "enterprise",
         "principal": "1000000", "annual_rate": "1", "term_months": "12", "grace_months": "0", "method": "bullet"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "이 사업자등록번호로 등록된 기업·단체가 없습니다." in response.content.decode()


def test_posting_a_payment_larger_than_owed_answers_400_in_korean(manager_client, make_loan):
    make_loan()
    response = manager_client.post(
        "/fund/loans/L-1/repayments/", {"received_on": "2018-02-28", "amount": "99000000", "reference": ""}
    )
    assert response.status_code == 400
    assert "초과 입금은 받지 않으니" in response.content.decode()
    assert not Repayment.objects.exists()
    response = manager_client.post(
        "/fund/loans/L-1/repayments/", {"received_on": "2018-02-28", "amount": "1020000", "reference": "T-1"}
    )
    assert response.status_code == 302
    assert Repayment.objects.get().principal == 1_000_000


def test_garbage_input_never_answers_500(manager_client, make_loan):
    make_loan()
    assert manager_client.post("/fund/loans/L-1/repayments/", {"received_on": "x", "amount": "y"}).status_code == 400
    assert manager_client.get("/fund/portfolio/?as_of=not-a-date").status_code == 200
    assert manager_client.get("/fund/?page=999&q=x").status_code == 200
    refused = manager_client.get("/fund/?q=%00")  # a control character: refused at the edge, in Korean
    assert refused.status_code == 400 and "제어 문자" in refused.content.decode()
    assert manager_client.post("/fund/deferments/999/decide/", {"held_on": "2018-05-01"}).status_code == 302
    assert manager_client.post("/fund/statements/", {}).status_code == 200  # the empty form again


def test_a_statement_upload_posts_and_the_second_upload_changes_nothing(manager_client, make_loan):
    make_loan()
    data = xlsx_table(
        title="입금 내역",
        columns=services.statement_columns(),
        rows=[{"received_on": date(2018, 2, 28), "reference": "S-1", "loan": "L-1", "amount": 1_020_000}],
    )
    for _ in range(2):
        upload = io.BytesIO(data)
        upload.name = "statement.xlsx"
        response = manager_client.post("/fund/statements/", {"file": upload})
        assert response.status_code == 302
    assert Repayment.objects.count() == 1


def test_a_deferment_is_requested_on_the_loan_and_decided_on_the_committee_page(manager_client, make_loan):
    make_loan()
    response = manager_client.post(
        "/fund/loans/L-1/deferments/",
        {"kind": "deferment", "months": "3", "requested_on": "2018-04-02", "reason": "경영 악화"},
    )
    assert response.status_code == 302
    pending = DefermentRequest.objects.get()
    assert "경영 악화" in manager_client.get("/fund/deferments/").content.decode()
    response = manager_client.post(
        f"/fund/deferments/{pending.pk}/decide/", {"held_on": "2018-04-20", "decision": "approve", "note": "승인"}
    )
    assert response.status_code == 302
    page = manager_client.get("/fund/loans/L-1/?as_of=2018-04-20").content.decode()
    assert "상환유예" in page and "승인" in page


def test_the_schedule_exports_to_excel(manager_client, make_loan):
    make_loan()
    response = manager_client.get("/fund/loans/L-1/schedule.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[4]][:5] == [1, sheet[4][1].value, 1_000_000, 20_000, 1_020_000]


def test_the_notice_batch_page_starts_a_job_and_the_notice_reads_as_a_letter(
    manager_client, make_loan, django_capture_on_commit_callbacks
):
    make_loan()
    response = manager_client.post(
        "/fund/notices/batch/", {"kind": "repayment", "period_start": "2018-02-16", "period_end": "2018-02-28"}
    )
    # 고지 일괄 발송 is an approval (결재): the fund's clerk goes on to its draft form; a team lead approves
    assert response.status_code == 302
    assert response["Location"] == "/approvals/new/fund.notices_issue/repayment/2018-02-16/2018-02-28/"
    lead = make_official("t_lead", position=Position.TEAM_LEAD, role=Role.OFFICE_MANAGER, org_unit="JOBS")
    drafted = manager_client.post(response["Location"], {"approver": lead.pk}, follow=True)
    assert "결재를 올렸습니다 — 결재가 끝나면 고지 일괄 기록이 시작되고" in drafted.content.decode()
    # L-1's first instalment (2.28.): principal 1,000,000 + a month's interest on 12,000,000 at 2% = 1,020,000
    request = open_request("fund.notices_issue", "repayment/2018-02-16/2018-02-28")
    assert request.amount == 1_020_000
    assert not Notice.objects.exists()  # nothing recorded before the final approval
    assert "결재 중(결재 #" in manager_client.get("/fund/notices/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        approve_through(request)
    notice = Notice.objects.get()
    page = manager_client.get(f"/fund/notices/{notice.pk}/").content.decode()
    assert "원리금 상환고지" in page and "1,020,000" in page
    # the job is the drafter's: it hands over the batch's notices as one document to print, named in Korean
    job = BackgroundJob.objects.get(kind="fund_notices")
    location = f"/jobs/{job.pk}/"
    job_page = manager_client.get(location).content.decode()
    assert "고지 1건을 기록했습니다 (2018.2.16.~2018.2.28.)." in job_page
    download = manager_client.get(f"{location}download/")
    assert download["Content-Type"] == "application/pdf" and download.getvalue().startswith(b"%PDF")
    name = "사회투자기금 원리금 상환고지서 묶음(2018.2.28. 기준).pdf"
    assert download["Content-Disposition"].endswith("filename*=UTF-8''" + quote(name, safe=""))


def test_division_staff_of_another_division_reads_but_may_not_post(client_as, make_loan):
    make_loan()
    client = client_as("division_staff")  # 일자리정책담당관
    assert client.get("/fund/loans/L-1/").status_code == 200
    response = client.post("/fund/loans/L-1/repayments/", {"received_on": "2018-02-28", "amount": "1020000"})
    assert response.status_code == 403
    assert not Repayment.objects.exists()


def test_a_partner_agency_sees_only_its_own_loans(client_as, make_loan, personas, intermediary):
    make_loan()
    other = client_as("partner_agency")  # TTI-EAST is not the loan's intermediary
    assert other.get("/fund/loans/L-1/").status_code == 404
    assert "L-1" not in other.get("/fund/").content.decode()
    own = personas["partner_agency"]
    own.partner = intermediary
    own.save(update_fields=["partner"])
    assert other.get("/fund/loans/L-1/").status_code == 200
    assert other.post("/fund/loans/L-1/repayments/", {"received_on": "2018-02-28", "amount": "1"}).status_code == 403


def test_the_ledger_page_balances(manager_client, make_loan):
    loan = make_loan()
    services.repayment_post(actor=None, loan=loan, received_on=date(2018, 2, 28), amount=1_020_000,
                            today=date(2030, 1, 1))  # fmt: skip
    page = manager_client.get("/fund/ledger/?as_of=2018-12-31").content.decode()
    assert 'id="ledger-total">0<' in page


def test_the_api_gives_the_portfolio_and_a_loan_in_scope(client_as, make_loan):
    make_loan()
    response = client_as("auditor").get("/api/fund/portfolio?as_of=2018-02-01")
    body = response.json()
    assert response.status_code == 200, body
    assert (body["count"], body["outstanding"]) == (1, 12_000_000)
    loan = client_as("auditor").get("/api/fund/loans/L-1?as_of=2018-04-01").json()
    assert loan["days_past_due"] == 32 and loan["bucket"] == "31-90"  # February's instalment unpaid since 2.28.
    assert [row["principal"] for row in loan["schedule"]] == [1_000_000] * 12
    assert client_as("partner_agency").get("/api/fund/loans/L-1").status_code == 404
    response = client_as("auditor").get("/api/fund/portfolio?as_of=not-a-date")
    assert response.status_code == 422 and response.json()["message"]
