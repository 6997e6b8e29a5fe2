"""The portfolio on a day (set-based) and the notice batches."""

from __future__ import annotations

from datetime import date

import pytest

from iljari.approvals.services import approval_draft
from iljari.approvals.tests.factories import approve_through, make_official
from iljari.core.models import BackgroundJob
from iljari.core.roles import Position, Role
from iljari.fund import services
from iljari.fund.models import Notice
from iljari.fund.selectors import portfolio

pytestmark = pytest.mark.django_db
TODAY = date(2030, 1, 1)


def pay(loan, on, amount):
    services.repayment_post(actor=None, loan=loan, received_on=on, amount=amount, today=TODAY)


@pytest.fixture
def book(make_loan):
    """Three loans of ₩12,000,000 disbursed '18.1.31. (first due 2.28., ₩1,020,000): one paid on time through May,
    one that paid nothing, one repaid in full in March; one social-housing loan of ₩60,000,000 disbursed 5.15."""
    on_time = make_loan("A-1")
    missed = make_loan("A-2", purpose="project")
    repaid = make_loan("A-3")
    housing = make_loan("H-1", principal=60_000_000, rate="1.5", term=60, method="bullet", on=date(2018, 5, 15),
                        purpose="social_housing")  # fmt: skip
    for row in on_time.schedule_versions.get().instalments.filter(due_on__lte=date(2018, 5, 31)):
        pay(on_time, row.due_on, row.total)
    # repaid on 3.10.: Feb's instalment 10 days late (1,020,000 × 5% × 10/365 = 1,397 overdue interest), Feb's
    # interest 20,000 and the principal 12,000,000
    pay(repaid, date(2018, 3, 10), 1_397 + 20_000 + 12_000_000)
    return on_time, missed, repaid, housing


def test_the_portfolio_counts_the_loans_outstanding_and_their_balance_on_the_day(book, personas):
    result = portfolio(user=personas["auditor"], as_of=date(2018, 5, 31))
    assert result.count == 3  # A-3 was repaid
    assert result.outstanding == 8_000_000 + 12_000_000 + 60_000_000  # A-1 repaid four months' principal
    assert {row["code"]: (row["count"], row["outstanding"]) for row in result.by_purpose} == {
        "enterprise": (1, 8_000_000),
        "project": (1, 12_000_000),
        "social_housing": (1, 60_000_000),
    }
    assert [(row["name"], row["count"]) for row in result.by_intermediary] == [("가나사회투자(예시)", 3)]
    # A-2 has been unpaid since 2.28.: 92 days on 5.31.
    assert {row["code"]: row["count"] for row in result.by_bucket} == {"current": 2, "1-30": 0, "31-90": 0, "91+": 1}
    assert {row["code"]: row["outstanding"] for row in result.by_bucket}["91+"] == 12_000_000
    assert result.recovered_in_year == 4_000_000 + 12_000_000
    assert result.disbursed_in_year == 3 * 12_000_000 + 60_000_000


def test_the_portfolio_of_an_earlier_day_is_rebuilt_from_the_entries(book, personas):
    result = portfolio(user=personas["office_manager"], as_of=date(2018, 3, 9))
    assert result.count == 3 and result.outstanding == 11_000_000 + 12_000_000 + 12_000_000
    assert {row["code"]: row["count"] for row in result.by_bucket} == {"current": 1, "1-30": 2, "31-90": 0, "91+": 0}


def test_a_partner_agency_sees_only_the_loans_it_is_the_intermediary_of(book, personas):
    assert portfolio(user=personas["partner_agency"], as_of=date(2018, 5, 31)).count == 0


def test_the_portfolio_takes_a_fixed_number_of_queries(book, personas, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        portfolio(user=personas["auditor"], as_of=date(2018, 5, 31))


def test_the_repayment_notice_batch_records_one_notice_per_loan_due_once(book):
    count = services.notices_generate(kind="repayment", period_start=date(2018, 6, 16), period_end=date(2018, 6, 30))
    notices = {n.loan.number: n.amount for n in Notice.objects.select_related("loan")}
    # fall due on 6.30. (principal 1,000,000; A-1's interest on 8,000,000, A-2's on 8,000,000 by its
    # schedule: 13,333); H-1's interest is due on the 15th, outside this half-month
    assert count == 2 and notices == {"A-1": 1_013_333, "A-2": 1_013_333}
    again = services.notices_generate(kind="repayment", period_start=date(2018, 6, 16), period_end=date(2018, 6, 30))
    assert again == 0 and Notice.objects.count() == 2


def test_the_overdue_notice_names_the_arrears_and_days(book):
    services.notices_generate(kind="overdue", period_start=date(2018, 5, 1), period_end=date(2018, 5, 31))
    notice = Notice.objects.get()
    assert notice.loan.number == "A-2"
    # due and unpaid at the end of 5.31.: 2.28. 1,020,000, 3.31. 1,018,333, 4.30. 1,016,666 and 5.31. 1,015,000
    assert notice.amount == 1_020_000 + 1_018_333 + 1_016_666 + 1_015_000
    assert notice.days_past_due == 92


def test_the_notice_batch_runs_as_a_background_job(book, django_capture_on_commit_callbacks, fund_manager):
    # issued through its approval (고지 일괄 발송): the job starts on the final approval, the drafter's
    lead = make_official("t_lead", position=Position.TEAM_LEAD, role=Role.OFFICE_MANAGER, org_unit="JOBS")
    batch = services.NoticeBatch("repayment", date(2018, 6, 1), date(2018, 6, 15))
    request = approval_draft(actor=fund_manager, act=services.NOTICES_ISSUE, target=batch, approver=lead)
    with django_capture_on_commit_callbacks(execute=True):
        approve_through(request)
    job = BackgroundJob.objects.get(kind="fund_notices", requested_by=fund_manager)
    assert job.status == BackgroundJob.Status.SUCCEEDED
    assert Notice.objects.filter(kind="repayment", period_start=date(2018, 6, 1)).count() == 1  # H-1 on 6.15.
