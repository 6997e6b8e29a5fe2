"""The committees' pages through HTTP: the list with its search and export, a committee and its forms (input kept on
an error), a meeting with its agenda, decisions, attendance and minutes; who reads and who keeps."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from iljari.committees import services
from iljari.committees.models import Attendance, Committee, Decision, Meeting, Member
from iljari.committees.tests.factories import make_committee, make_meeting, make_member
from iljari.core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(personas):
    return make_committee(name="기술교육원 통합운영위원회", code="TRAINING-BOARD")


def test_the_manager_creates_a_committee_and_a_bad_one_keeps_its_input(client_as, personas):
    manager = client_as(Role.OFFICE_MANAGER)
    data = {"code": "JOBS-COMMITTEE", "name": "서울시 일자리위원회", "kind": "advisory", "term_months": "24"}
    response = manager.post("/committees/new/", data)
    assert response.status_code == 302 and response["Location"] == "/committees/JOBS-COMMITTEE/"
    again = manager.post("/committees/new/", {**data, "name": "두 번째 일자리위원회"})
    page = again.content.decode()
    assert again.status_code == 400
    assert "이미 있는 위원회 코드입니다: JOBS-COMMITTEE" in page
    assert 'value="두 번째 일자리위원회"' in page
    assert Committee.objects.count() == 1


def test_the_list_searches_and_exports_in_its_order(client_as, board):
    make_committee(code="FUND-DEFERMENT", name="상환유예 및 이행연기 특약 심의위원회", kind="deliberation")
    staff = client_as(Role.DIVISION_STAFF)
    page = staff.get("/committees/?q=통합").content.decode()
    assert "기술교육원 통합운영위원회" in page and "상환유예" not in page
    response = staff.get("/committees/export.xlsx?sort=code&dir=desc")
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[1] for row in sheet.iter_rows(values_only=True) if row[0] in ("TRAINING-BOARD", "FUND-DEFERMENT")]
    assert names == ["기술교육원 통합운영위원회", "상환유예 및 이행연기 특약 심의위원회"]
    assert "filename*=UTF-8''" in response["Content-Disposition"]


def test_a_member_is_added_and_an_overlapping_term_keeps_the_form(client_as, board):
    staff = client_as(Role.DIVISION_STAFF)  # 일자리정책담당관 supervises the board
    data = {"name": "위촉위원 1", "kind": "appointed", "role": "member", "term_start": "2018-03-29"}
    assert staff.post("/committees/TRAINING-BOARD/members/new/", data).status_code == 302
    response = staff.post("/committees/TRAINING-BOARD/members/new/", {**data, "term_start": "2019-01-01"})
    assert response.status_code == 400
    assert "위촉위원 1 위원의 임기가 이 위원회의 다른 임기와 겹칩니다." in response.content.decode()
    assert 'value="2019-01-01"' in response.content.decode()
    page = staff.get("/committees/TRAINING-BOARD/?as_of=2018-06-30").content.decode()
    assert 'id="count-appointed">1명' in page and "2018.3.29. ~ 2020.3.28." in page


def test_a_meeting_records_agenda_decision_attendance_and_minutes(client_as, board, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    member = make_member(board, name="위촉위원 1")
    manager = client_as(Role.OFFICE_MANAGER)
    response = manager.post(
        "/committees/TRAINING-BOARD/meetings/new/", {"held_on": "2018-05-10", "kind": "regular", "state": "held"}
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == f"/committees/meetings/{meeting.pk}/"
    base = f"/committees/meetings/{meeting.pk}"
    assert (
        manager.post(f"{base}/items/", {"title": "하반기 훈련과정 운영계획", "kind": "deliberation"}).status_code == 302
    )
    item = meeting.items.get()
    response = manager.post(f"{base}/decisions/", {"item": item.pk, "result": "amended", "text": "정원 조정"})
    assert response.status_code == 302
    assert Decision.objects.get().result == "amended"
    response = manager.post(f"{base}/attendance/", {"member": member.pk, "present": "on", "allowance": "-5"})
    assert response.status_code == 400  # the form refuses a negative allowance and keeps the page
    response = manager.post(f"{base}/attendance/", {"member": member.pk, "present": "on", "allowance": "150000"})
    assert response.status_code == 302 and Attendance.objects.get().allowance == 150_000
    upload = SimpleUploadedFile("제1차 회의록.pdf", b"%PDF-1.4 minutes")
    assert manager.post(f"{base}/minutes/", {"minutes": upload}).status_code == 302
    page = manager.get(f"{base}/").content.decode()
    assert "하반기 훈련과정 운영계획" in page and "수정 가결" in page and "정원 조정" in page
    assert 'id="allowance-total">150,000' in page and 'id="present-total">1명' in page
    download = client_as(Role.AUDITOR).get(f"{base}/minutes/file/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert "filename*=UTF-8''" in download["Content-Disposition"]


def test_a_fake_minutes_file_is_refused_on_the_page(client_as, board, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting(board, state="held")
    upload = SimpleUploadedFile("회의록.hwp", b"<html>not a hwp</html>")
    response = client_as(Role.OFFICE_MANAGER).post(f"/committees/meetings/{meeting.pk}/minutes/", {"minutes": upload})
    assert response.status_code == 400
    assert "회의록은 PDF, HWP, HWPX 파일만 올릴 수 있습니다." in response.content.decode()


def test_the_auditor_reads_without_forms_and_others_are_refused(client_as, board):
    meeting = make_meeting(board)
    auditor = client_as(Role.AUDITOR)
    for url in ("/committees/", "/committees/TRAINING-BOARD/", f"/committees/meetings/{meeting.pk}/"):
        response = auditor.get(url)
        assert response.status_code == 200
        assert "안건 등록" not in response.content.decode() and "위원 등록" not in response.content.decode()
    assert (
        auditor.post(f"/committees/meetings/{meeting.pk}/items/", {"title": "x", "kind": "report"}).status_code == 403
    )
    for role in (Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY, Role.CITIZEN, Role.ORGANISATION):
        assert client_as(role).get("/committees/TRAINING-BOARD/").status_code == 403


def test_staff_of_another_division_read_but_do_not_keep(client_as, personas):
    other = make_committee(code="LMG-COUNCIL", division="LABOUR-POLICY", name="서울시 노사민정협의회")
    staff = client_as(Role.DIVISION_STAFF)  # 일자리정책담당관
    assert staff.get("/committees/LMG-COUNCIL/").status_code == 200
    data = {"name": "가", "kind": "appointed", "role": "member", "term_start": "2018-01-01"}
    assert staff.post("/committees/LMG-COUNCIL/members/new/", data).status_code == 403
    assert not Member.objects.filter(committee=other).exists()


def test_odd_input_answers_in_korean_and_never_500(client_as, board):
    manager = client_as(Role.OFFICE_MANAGER)
    meeting = make_meeting(board)
    assert manager.get("/committees/NOPE/").status_code == 404
    assert manager.get("/committees/meetings/999999/").status_code == 404
    assert manager.get("/committees/TRAINING-BOARD/?as_of=2018-13-45").status_code == 200
    assert manager.get("/committees/?sort=nope&page=abc").status_code == 200
    response = manager.post(f"/committees/meetings/{meeting.pk}/decisions/", {"item": "x", "result": "won"})
    assert response.status_code == 400
    response = manager.post(f"/committees/meetings/{meeting.pk}/attendance/", {"member": "999", "allowance": "1"})
    assert response.status_code == 400
    assert manager.get(f"/committees/meetings/{meeting.pk}/minutes/file/").status_code == 404


def test_a_cancelled_meeting_shows_no_forms(client_as, board):
    meeting = make_meeting(board, held_on=date(2018, 7, 1))
    services.meeting_state_set(actor=None, meeting=meeting, state="cancelled")
    page = client_as(Role.OFFICE_MANAGER).get(f"/committees/meetings/{meeting.pk}/").content.decode()
    assert 'id="meeting-state">취소' in page and "안건 등록" not in page


def test_the_supervising_staff_edit_a_committee_but_not_its_code(client_as, board):
    staff = client_as(Role.DIVISION_STAFF)
    form = staff.get("/committees/TRAINING-BOARD/edit/").content.decode()
    assert 'value="기술교육원 통합운영위원회"' in form
    data = {
        "code": "OTHER",
        "name": "기술교육원 통합운영위원회(제2기)",
        "kind": "operation",
        "term_months": "24",
        "appointed_seats": "14",
        "ex_officio_seats": "6",
        "supervising_division": board.supervising_division_id,
    }
    response = staff.post("/committees/TRAINING-BOARD/edit/", data)
    assert response.status_code == 302 and response["Location"] == "/committees/TRAINING-BOARD/"
    board.refresh_from_db()
    assert (board.code, board.name, board.appointed_seats) == ("TRAINING-BOARD", "기술교육원 통합운영위원회(제2기)", 14)
    page = staff.get("/committees/TRAINING-BOARD/").content.decode()
    assert "20명(위촉직 14명, 당연직 6명)" in page


def test_a_members_term_is_ended_early_on_the_committee_page(client_as, board):
    member = make_member(board, name="위촉위원 1")
    staff = client_as(Role.DIVISION_STAFF)
    response = staff.post(f"/committees/members/{member.pk}/end/", {"term_end": "2018-03-01"}, follow=True)
    assert "임기 끝은 임기 시작보다 뒤여야 합니다." in response.content.decode()
    response = staff.post(f"/committees/members/{member.pk}/end/", {"term_end": "2018-12-31"}, follow=True)
    assert "위촉위원 1 위원의 임기를 2018.12.31.에 끝냈습니다." in response.content.decode()
    member.refresh_from_db()
    assert member.term_end == date(2018, 12, 31)
    assert (
        client_as(Role.AUDITOR).post(f"/committees/members/{member.pk}/end/", {"term_end": "2018-10-01"}).status_code
        == 403
    )


FIELD_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=FIELD_TEXT, kind=FIELD_TEXT, start=FIELD_TEXT, end=FIELD_TEXT, held_on=FIELD_TEXT, number=FIELD_TEXT)
def test_any_form_input_answers_a_page_never_a_server_error(client_as, board, name, kind, start, end, held_on, number):
    manager = client_as(Role.OFFICE_MANAGER)
    member = {"name": name, "kind": kind, "role": "member", "term_start": start, "term_end": end}
    assert manager.post("/committees/TRAINING-BOARD/members/new/", member).status_code in (200, 302, 400)
    meeting = {"held_on": held_on, "kind": "regular", "state": "planned", "number": number}
    assert manager.post("/committees/TRAINING-BOARD/meetings/new/", meeting).status_code in (200, 302, 400)
    # an unreadable day opens the page at its default day; control characters in the address are refused (400)
    assert manager.get("/committees/TRAINING-BOARD/", {"as_of": start}).status_code in (200, 400)
