"""The fund's ad-hoc committee records become committees records (committees 0002, fund 0003): each old
CommitteeMeeting a meeting of the 상환유예 및 이행연기 특약 심의위원회, each decided request an agenda item of its
meeting with a decision linked to it; a pending request stays undecided."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("fund", "0002_korean_field_names"), ("committees", "0001_committees")]
AFTER = [("fund", "0003_committee_meetings_to_committees"), ("committees", "0002_fund_committee_meetings")]


@pytest.fixture
def back_to_latest():
    """Migrate the test database forward to the latest migrations afterwards: the later tests of the same database
    (live-server and browser tests among them) need every column, the ones after AFTER too."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_old_meetings_and_decisions_move_to_committees(make_loan, back_to_latest):
    loan = make_loan()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    meeting = old.get_model("fund", "CommitteeMeeting").objects.create(
        held_on=date(2018, 4, 20), title="2018년 4월 상환유예 및 이행연기 특약 심의위원회"
    )
    requests = old.get_model("fund", "DefermentRequest")
    approved = requests.objects.create(
        loan_id=loan.pk, kind="deferment", months=6, requested_on=date(2018, 4, 10), reason="매출 감소",
        status="approved", meeting=meeting, decided_on=date(2018, 4, 20), decision_note="6개월 원금 유예",
    )  # fmt: skip
    rejected = requests.objects.create(
        loan_id=loan.pk, kind="extension", months=3, requested_on=date(2018, 5, 2), reason="사정",
        status="rejected", meeting=None, decided_on=date(2018, 5, 25), decision_note="",
    )  # fmt: skip
    pending = requests.objects.create(
        loan_id=loan.pk, kind="deferment", months=2, requested_on=date(2018, 6, 1), reason="대기", status="requested"
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    new = executor.loader.project_state(AFTER).apps
    committee = new.get_model("committees", "Committee").objects.get(code="FUND-DEFERMENT")
    meetings = list(new.get_model("committees", "Meeting").objects.filter(committee=committee).order_by("number"))
    assert [(m.number, m.held_on, m.state) for m in meetings] == [
        (1, date(2018, 4, 20), "held"),
        (2, date(2018, 5, 25), "held"),  # a decision without its meeting gets the meeting of its day
    ]
    assert meetings[0].title == "2018년 4월 상환유예 및 이행연기 특약 심의위원회"
    decisions = new.get_model("committees", "Decision").objects.select_related("item__meeting").order_by("decided_on")
    assert [
        (d.subject_type, d.subject_id, d.result, d.text, d.item.meeting.number, d.item.title) for d in decisions
    ] == [
        ("fund.deferment", approved.pk, "approved", "6개월 원금 유예", 1, "융자 L-1 상환유예 6개월 신청"),
        ("fund.deferment", rejected.pk, "rejected", "", 2, "융자 L-1 이행연기 3개월 신청"),
    ]
    assert not decisions.filter(subject_id=pending.pk).exists()
    assert "meeting_id" not in {f.column for f in new.get_model("fund", "DefermentRequest")._meta.fields}
