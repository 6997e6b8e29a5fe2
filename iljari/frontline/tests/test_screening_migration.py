"""The pre-screening decisions kept on the request move to committees (committees 0003, frontline 0006): each
decided request an agenda item of the 사전심사위원회's meeting of its day with a linked decision whose text is the old
note; a pending request stays undecided."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("frontline", "0004_korean_field_names"), ("committees", "0002_fund_committee_meetings")]
AFTER = [("frontline", "0006_screening_note_to_committees"), ("committees", "0003_screening_decisions")]


@pytest.fixture
def back_to_latest():
    """Migrate the test database forward to the latest migrations afterwards: the later tests of the same database
    (live-server and browser tests among them) need every column, the ones after AFTER too."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_decided_requests_become_decisions_of_the_committees_meetings(org, back_to_latest):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    screenings = old.get_model("frontline", "FixedTermScreening")
    partner = old.get_model("org", "Partner").objects.get(code="SEOUL-FACILITIES")
    values = {
        "institution_id": partner.pk,
        "reason": "안전요원",
        "months": 3,
        "budget": 1,
        "requested_on": date(2018, 6, 1),
    }
    reduced = screenings.objects.create(
        **values, headcount=12, decision="reduced", approved_headcount=8, decided_on=date(2018, 9, 10),
        committee_note="8명 적정",
    )  # fmt: skip
    rejected = screenings.objects.create(
        **values, headcount=2, decision="rejected", approved_headcount=0, decided_on=date(2018, 9, 10)
    )
    screenings.objects.create(**values, headcount=1)  # pending
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    new = executor.loader.project_state(AFTER).apps
    committee = new.get_model("committees", "Committee").objects.get(code="FIXED-TERM-SCREENING")
    assert committee.supervising_division.code == "LABOUR-POLICY"
    meeting = new.get_model("committees", "Meeting").objects.get(committee=committee)
    assert (meeting.number, meeting.held_on, meeting.state) == (1, date(2018, 9, 10), "held")
    decisions = new.get_model("committees", "Decision").objects.order_by("item__order")
    assert [(d.subject_type, d.subject_id, d.result, d.text, d.item.title) for d in decisions] == [
        ("frontline.prescreening", reduced.pk, "amended", "8명 적정", "서울시설공단 기간제 12명 채용 사전심사"),
        ("frontline.prescreening", rejected.pk, "rejected", "", "서울시설공단 기간제 2명 채용 사전심사"),
    ]
