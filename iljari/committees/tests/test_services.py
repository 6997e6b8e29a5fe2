"""committees services: members' terms, seats and chairs, meetings and their numbers, agenda items and one decision
each linked to a registered subject, attendance only within a member's term with allowances, minutes by their first
bytes, the gates (the office manager and the supervising division keep; others are refused) and the history."""

from __future__ import annotations

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.committees import services
from iljari.committees.models import Attendance, Decision, Meeting, Member
from iljari.committees.subjects import decision_subject_register
from iljari.committees.tests.factories import make_committee, make_meeting, make_member
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(org):
    return make_committee()


def test_a_members_term_defaults_to_the_committees_term(board):
    member = make_member(board)
    assert (member.term_start, member.term_end) == (date(2018, 3, 29), date(2020, 3, 28))


def test_a_term_that_ends_before_it_starts_is_refused_by_the_service_and_the_database(board):
    with pytest.raises(ValidationFailed) as error:
        make_member(board, term_end=date(2018, 3, 29))
    assert error.value.message == "임기 끝은 임기 시작보다 뒤여야 합니다."
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.create(
            committee=board, name="가", kind="appointed", term_start=date(2018, 3, 29), term_end=date(2018, 3, 1)
        )


def test_a_members_terms_in_one_committee_do_not_overlap(board):
    make_member(board, term_end=date(2019, 3, 28))
    with pytest.raises(ValidationFailed) as error:
        make_member(board, start=date(2019, 3, 28))
    assert error.value.message == "김위원 위원의 임기가 이 위원회의 다른 임기와 겹칩니다."
    again = make_member(board, start=date(2019, 3, 29))  # the next term: the day after the first ends
    assert again.term_end == date(2021, 3, 28)


def test_the_seats_of_a_kind_are_not_exceeded_on_any_day(board):
    make_member(board, name="당연 1", kind="ex_officio")
    with pytest.raises(ValidationFailed) as error:
        make_member(board, name="당연 2", kind="ex_officio", start=date(2019, 1, 1))
    assert error.value.message == "당연직 정수 1명이 2019.1.1.에 이미 찼습니다."
    # a term starting after the first one ends fits
    make_member(board, name="당연 2", kind="ex_officio", start=date(2020, 3, 29))


def test_one_chair_at_a_time(board):
    make_member(board, name="위원장 1", role="chair")
    with pytest.raises(ValidationFailed) as error:
        make_member(board, name="위원장 2", role="chair")
    assert error.value.message == "임기 중에 위원장이 이미 있습니다."


def test_meetings_are_numbered_in_turn_and_a_number_is_used_once(board):
    assert [make_meeting(board).number, make_meeting(board).number] == [1, 2]
    with pytest.raises(ValidationFailed) as error:
        make_meeting(board, number=2)
    assert error.value.message == "제2차 회의가 이미 있습니다."


KNOWN = {7: ("신청 7", "/somewhere/7/")}


def _resolve(ids):
    return {i: KNOWN[i] for i in ids if i in KNOWN}


@pytest.fixture
def subject_kind():
    decision_subject_register("testing.request", label="시험 신청", resolve=_resolve)  # the same twice: once
    return KNOWN


def test_a_decision_links_a_registered_subject_once_per_item(board, subject_kind):
    meeting = make_meeting(board)
    item = services.agenda_item_add(actor=None, meeting=meeting, title="신청 심의")
    decision = services.decision_record(
        actor=None, item=item, result="approved", subject_type="testing.request", subject_id=7
    )
    assert (decision.decided_on, decision.subject_type, decision.subject_id) == (meeting.held_on, "testing.request", 7)
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.HELD  # a decision means the meeting was held
    with pytest.raises(ValidationFailed) as error:
        services.decision_record(actor=None, item=item, result="rejected")
    assert error.value.message == "이 안건은 이미 의결했습니다."


def test_a_decision_on_an_unknown_kind_or_a_missing_record_is_refused(board, subject_kind):
    item = services.agenda_item_add(actor=None, meeting=make_meeting(board), title="신청 심의")
    with pytest.raises(ValidationFailed) as error:
        services.decision_record(actor=None, item=item, result="approved", subject_type="nowhere.thing", subject_id=1)
    assert error.value.message == "결정 대상의 종류를 고르십시오."
    with pytest.raises(ValidationFailed) as error:
        services.decision_record(actor=None, item=item, result="approved", subject_type="testing.request", subject_id=8)
    assert error.value.message == "결정 대상(시험 신청)을 찾을 수 없습니다."
    assert not Decision.objects.exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(item=item, result="approved", decided_on=date(2018, 5, 10), subject_type="x.y")


def test_a_decision_before_its_meeting_and_on_a_cancelled_meeting_are_refused(board):
    meeting = make_meeting(board)
    item = services.agenda_item_add(actor=None, meeting=meeting, title="안건")
    with pytest.raises(ValidationFailed) as error:
        services.decision_record(actor=None, item=item, result="approved", decided_on=date(2018, 5, 9))
    assert error.value.message == "의결일이 회의일(2018.5.10.)보다 앞설 수 없습니다."
    services.meeting_state_set(actor=None, meeting=meeting, state="cancelled")
    with pytest.raises(ValidationFailed) as error:
        services.decision_record(actor=None, item=item, result="approved")
    assert error.value.message == "취소한 회의에는 안건·의결·참석을 기록할 수 없습니다."


def test_a_meeting_with_decisions_is_not_cancelled(board):
    meeting = make_meeting(board)
    item = services.agenda_item_add(actor=None, meeting=meeting, title="안건")
    services.decision_record(actor=None, item=item, result="deferred")
    with pytest.raises(ValidationFailed) as error:
        services.meeting_state_set(actor=None, meeting=meeting, state="cancelled")
    assert error.value.message == "의결이 있는 회의는 취소할 수 없습니다."


def test_attendance_only_within_the_members_term_and_once_per_meeting(board):
    member = make_member(board, term_end=date(2018, 5, 9))
    later = make_meeting(board, held_on=date(2018, 5, 10))
    with pytest.raises(ValidationFailed) as error:
        services.attendance_record(actor=None, meeting=later, member=member, allowance=150_000)
    assert error.value.message == "김위원 위원의 임기는 회의일(2018.5.10.)을 포함하지 않습니다."
    earlier = make_meeting(board, held_on=date(2018, 4, 10))
    services.attendance_record(actor=None, meeting=earlier, member=member, allowance=150_000)
    row = services.attendance_record(actor=None, meeting=earlier, member=member, allowance=200_000, paid=True)
    assert Attendance.objects.count() == 1 and (row.allowance, row.paid) == (200_000, True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=earlier, member=member)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(allowance=st.integers(min_value=-(10**9), max_value=10**9), present=st.booleans())
def test_an_allowance_is_kept_only_when_it_is_a_present_members_and_within_bounds(board, allowance, present):
    member = Member.objects.filter(committee=board).first() or make_member(board)
    meeting = Meeting.objects.filter(committee=board).first() or make_meeting(board)
    valid = 0 <= allowance <= 10_000_000 and (present or allowance == 0)
    try:
        row = services.attendance_record(
            actor=None, meeting=meeting, member=member, present=present, allowance=allowance
        )
    except ValidationFailed:
        assert not valid
    else:
        assert valid and row.allowance == allowance


def test_the_database_refuses_a_negative_allowance(board):
    member, meeting = make_member(board), make_meeting(board)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=meeting, member=member, allowance=-1)


def _upload(head: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, head + b"\x00" * 64)


@pytest.mark.parametrize(
    "head,kind",
    [(b"%PDF-1.7", "application/pdf"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-hwp"),
     (b"PK\x03\x04", "application/hwp+zip")],
)  # fmt: skip
def test_minutes_are_told_by_their_first_bytes(board, head, kind, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting(board, state="held")
    saved = services.minutes_upload(actor=None, meeting=meeting, upload=_upload(head, "회의록.bin"))
    assert saved.minutes_type == kind and saved.minutes_name == "회의록.bin"
    assert "회의록" not in saved.minutes.name  # stored under a random name


def test_minutes_that_are_not_pdf_or_hwp_are_refused_whatever_their_name(board, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting(board, state="held")
    with pytest.raises(ValidationFailed) as error:
        services.minutes_upload(actor=None, meeting=meeting, upload=_upload(b"MZ\x90\x00", "회의록.pdf"))
    assert error.value.message == "회의록은 PDF, HWP, HWPX 파일만 올릴 수 있습니다."
    assert not Meeting.objects.get(pk=meeting.pk).minutes


def test_the_supervising_division_and_the_manager_keep_others_are_refused(personas):
    board = make_committee()  # supervised by 일자리정책담당관, the division staff persona's division
    other = make_committee(code="OTHER", division="LABOUR-POLICY")
    staff = personas[Role.DIVISION_STAFF]
    assert make_meeting(board).number == 1
    services.meeting_schedule(actor=staff, committee=board, held_on=date(2018, 6, 1))
    services.meeting_schedule(actor=personas[Role.OFFICE_MANAGER], committee=other, held_on=date(2018, 6, 1))
    for role in (Role.AUDITOR, Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY, Role.CITIZEN, Role.SYSTEM_ADMIN):
        with pytest.raises(NotAllowed):
            services.meeting_schedule(actor=personas[role], committee=board, held_on=date(2018, 6, 2))
    with pytest.raises(NotAllowed):
        services.member_add(actor=staff, committee=other, name="가", kind="appointed", term_start=date(2018, 1, 1))
    with pytest.raises(NotAllowed):
        services.committee_save(actor=staff, code="NEW", name="새 위원회", kind="advisory", supervising_division=None)


def test_changes_are_in_the_history(board):
    member = make_member(board)
    services.member_term_end(actor=None, member=member, term_end=date(2019, 1, 31))
    entries = LogEntry.objects.get_for_object(member)
    assert entries.count() == 2
    assert "term_end" in entries.first().changes_dict


def test_a_committee_code_is_kept_plain(org):
    with pytest.raises(ValidationFailed) as error:
        make_committee(code="new")
    assert error.value.field_errors == {
        "code": ["위원회 코드는 영문 대문자, 숫자, 하이픈으로 적습니다(예: TRAINING-BOARD)."]
    }
