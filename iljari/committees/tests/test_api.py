"""/api/committees: reads as the pages read (the office's staff and the auditor), writes through the same services
(the committee's keepers), errors as {code, message, errors}."""

from __future__ import annotations

import pytest

from iljari.committees.models import Member
from iljari.committees.tests.factories import make_committee, make_meeting, make_member
from iljari.core.roles import Role

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def board(personas):
    return make_committee(code="TRAINING-BOARD", name="기술교육원 통합운영위원회")


def test_the_list_and_a_committee_with_its_counts_as_of_a_day(client_as, board):
    make_member(board, name="위촉위원 1")
    make_member(board, name="당연직 위원 1", kind="ex_officio")
    auditor = client_as(Role.AUDITOR)
    listed = auditor.get("/api/committees?q=통합").json()
    assert [row["code"] for row in listed["items"]] == ["TRAINING-BOARD"]
    body = auditor.get("/api/committees/TRAINING-BOARD?as_of=2018-06-30").json()
    assert body["total"] == 2
    assert {row["kind"]: row["serving"] for row in body["counts"]} == {"appointed": 1, "ex_officio": 1}
    assert auditor.get("/api/committees/TRAINING-BOARD?as_of=2018-03-28").json()["total"] == 0


def test_a_member_and_a_meeting_are_written_through_the_services(client_as, board):
    staff = client_as(Role.DIVISION_STAFF)
    member = {"name": "위촉위원 1", "kind": "appointed", "term_start": "2018-03-29"}
    created = staff.post("/api/committees/TRAINING-BOARD/members", member, content_type=JSON)
    assert created.status_code == 201 and created.json()["term_end"] == "2020-03-28"
    overlap = staff.post("/api/committees/TRAINING-BOARD/members", member, content_type=JSON)
    assert overlap.status_code == 400
    assert overlap.json()["errors"] == [
        {"field": "term_start", "message": "위촉위원 1 위원의 임기가 이 위원회의 다른 임기와 겹칩니다."}
    ]
    meeting = staff.post("/api/committees/TRAINING-BOARD/meetings", {"held_on": "2018-05-10"}, content_type=JSON)
    assert meeting.status_code == 201 and meeting.json()["number"] == 1


def test_a_meeting_reads_its_agenda_decisions_and_attendance(client_as, board):
    member = make_member(board)
    meeting = make_meeting(board)
    manager = client_as(Role.OFFICE_MANAGER)
    item = manager.post(f"/api/committees/meetings/{meeting.pk}/items", {"title": "운영계획"}, content_type=JSON)
    assert item.status_code == 201
    decided = manager.post(
        f"/api/committees/meetings/{meeting.pk}/decisions",
        {"item_id": item.json()["id"], "result": "approved", "text": "원안대로"},
        content_type=JSON,
    )
    assert decided.status_code == 201
    present = manager.post(
        f"/api/committees/meetings/{meeting.pk}/attendance",
        {"member_id": member.pk, "allowance": 150000, "paid": True},
        content_type=JSON,
    )
    assert present.status_code == 201
    body = client_as(Role.AUDITOR).get(f"/api/committees/meetings/{meeting.pk}").json()
    assert body["items"][0]["decision"]["result_label"] == "원안 가결"
    assert (body["present"], body["allowance_total"], body["allowance_paid"]) == (1, 150000, 150000)


def test_outsiders_are_refused_and_the_auditor_writes_nothing(client_as, board):
    for role in (Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY, Role.CITIZEN, Role.ORGANISATION):
        assert client_as(role).get("/api/committees").status_code == 403
    member = {"name": "가", "kind": "appointed", "term_start": "2018-03-29"}
    refused = client_as(Role.AUDITOR).post("/api/committees/TRAINING-BOARD/members", member, content_type=JSON)
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    assert not Member.objects.exists()
    bad = client_as(Role.OFFICE_MANAGER).post(
        "/api/committees/TRAINING-BOARD/members", {**member, "allowance": -1, "kind": "king"}, content_type=JSON
    )
    assert bad.status_code in (400, 422)
    assert client_as(Role.OFFICE_MANAGER).get("/api/committees/NOPE").status_code == 404
