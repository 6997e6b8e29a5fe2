"""A notice batch leaves one bulk change (core.ChangeBatch) by the person who started it, with an entry per notice,
as a budget upload does; a batch that finds nothing new records a batch of nothing."""

from __future__ import annotations

from datetime import date

import pytest
from auditlog.models import LogEntry

from iljari.approvals.services import approval_draft
from iljari.approvals.tests.factories import approve_through, make_official
from iljari.core.models import ChangeBatch
from iljari.core.roles import Position, Role
from iljari.fund import services
from iljari.fund.models import Notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(make_loan):
    """Two loans of ₩12,000,000 disbursed '18.1.31., each due on 6.30."""
    return [make_loan("A-1"), make_loan("A-2")]


def test_the_notice_batch_run_as_a_job_records_one_batch_with_an_entry_per_notice(
    book, django_capture_on_commit_callbacks, fund_manager
):
    # issued through its approval (고지 일괄 발송): the job is the drafter's, so the batch is theirs in the history
    lead = make_official("t_lead", position=Position.TEAM_LEAD, role=Role.OFFICE_MANAGER, org_unit="JOBS")
    batch = services.NoticeBatch("repayment", date(2018, 6, 16), date(2018, 6, 30))
    request = approval_draft(actor=fund_manager, act=services.NOTICES_ISSUE, target=batch, approver=lead)
    with django_capture_on_commit_callbacks(execute=True):
        approve_through(request)
    batch = ChangeBatch.objects.get(kind="fund.notices")
    assert batch.actor == fund_manager
    assert batch.subject == "원리금 상환고지 2018-06-16~2018-06-30"
    assert (batch.created, batch.changed, batch.deleted) == (2, 0, 0)
    entries = LogEntry.objects.filter(cid=batch.cid)
    assert {int(e.object_pk) for e in entries} == set(Notice.objects.values_list("pk", flat=True))
    assert all(e.action == LogEntry.Action.CREATE and e.actor == fund_manager for e in entries)
    amounts = sorted(e.changes_dict["amount"][1] for e in entries)
    assert amounts == sorted(Notice.objects.values_list("amount", flat=True))


def test_a_batch_with_nothing_new_is_recorded_with_no_rows(book):
    services.notices_generate(kind="repayment", period_start=date(2018, 6, 16), period_end=date(2018, 6, 30))
    services.notices_generate(kind="repayment", period_start=date(2018, 6, 16), period_end=date(2018, 6, 30))
    first, second = ChangeBatch.objects.order_by("pk")
    assert first.created == 2 and (second.created, second.changed, second.deleted) == (0, 0, 0)
    assert first.actor is None  # a command: the system
