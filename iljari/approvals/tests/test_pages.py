"""결재 through HTTP: a division official's call goes to the draft form, waits in the approver's 결재함 and reaches
citizens only when approved; rejection, recall, the scope of a request's page, the API, the 전결 rules page, the
month close and the work list."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.utils import timezone

from iljari.approvals.models import ApprovalRequest, DelegationRule
from iljari.approvals.tests.factories import make_official, open_request
from iljari.core.locks import month_is_locked
from iljari.core.roles import Position, Role
from iljari.core.worklist import worklist_items
from iljari.intake import services as intake
from iljari.intake.models import Call
from iljari.intake.tests.factories import make_call


@pytest.fixture
def office(personas, dataset_2018):
    people = dict(personas)
    people["lead"] = make_official("t_lead", position=Position.TEAM_LEAD)
    people["chief"] = make_official("t_chief", position=Position.DIRECTOR)
    return people


def _client(client, user):
    client.force_login(user)
    return client


def _draft_call(staff_client, chief, code="DOCS"):
    call = make_call(code, documents="", opens=timezone.now() - timedelta(days=1))
    Call.objects.filter(pk=call.pk).update(published_at=None)
    response = staff_client.post(f"/approvals/new/{intake.CALL_PUBLISH}/{code}/", {"approver": chief.pk}, follow=True)
    return call, response


def test_a_call_is_drafted_approved_in_the_inbox_and_only_then_shown_to_citizens(office, client_as, client):
    staff, citizen = client_as(Role.DIVISION_STAFF), client_as(Role.CITIZEN)
    call, response = _draft_call(staff, office["chief"])
    text = response.content.decode()
    assert "결재를 올렸습니다 — 결재가 끝나면 공고가 게시됩니다." in text
    assert "게시 전" in text and "결재 중(결재 #" in text
    assert call.title not in citizen.get("/portal/calls/").content.decode()
    assert citizen.get(f"/portal/calls/{call.code}/").status_code == 404
    request = open_request(intake.CALL_PUBLISH, call.code)
    mine = staff.get("/approvals/?box=mine").content.decode()
    assert request.title in mine
    chief = _client(client, office["chief"])
    inbox = chief.get("/approvals/?box=inbox").content.decode()
    assert request.title in inbox
    approvals = [item for item in worklist_items(office["chief"]) if item.group == "결재"]
    assert [(item.label, item.count) for item in approvals] == [("결재 대기", 1)]
    page = chief.get(f"/approvals/{request.pk}/").content.decode()
    assert "기안" in page and "결재 차례" in page and "승인" in page and "반려" in page
    done = chief.post(f"/approvals/{request.pk}/approve/", {"comment": "게시하십시오"}, follow=True)
    assert "결재했습니다. 공고를 게시했습니다." in done.content.decode()
    assert call.title in citizen.get("/portal/calls/").content.decode()
    assert citizen.get(f"/portal/calls/{call.code}/").status_code == 200
    assert [item for item in worklist_items(office["chief"]) if item.group == "결재"] == []


def test_only_the_person_whose_turn_it_is_acts(office, client_as):
    staff, manager = client_as(Role.DIVISION_STAFF), client_as(Role.OFFICE_MANAGER)
    call, _ = _draft_call(staff, office["chief"])
    request = open_request(intake.CALL_PUBLISH, call.code)
    assert manager.post(f"/approvals/{request.pk}/approve/").status_code == 403
    assert staff.post(f"/approvals/{request.pk}/approve/").status_code == 403
    assert client_as(Role.DISTRICT_OFFICER).get(f"/approvals/{request.pk}/").status_code == 404
    assert client_as(Role.AUDITOR).get(f"/approvals/{request.pk}/").status_code == 200
    assert client_as(Role.AUDITOR).post(f"/approvals/{request.pk}/recall/").status_code == 403
    assert not Call.objects.get(pk=call.pk).is_published


def test_reject_needs_a_reason_and_the_drafter_sees_it_on_the_work_list(office, client_as, client):
    staff = client_as(Role.DIVISION_STAFF)
    call, _ = _draft_call(staff, office["chief"])
    request = open_request(intake.CALL_PUBLISH, call.code)
    chief = _client(client, office["chief"])
    refused = chief.post(f"/approvals/{request.pk}/reject/", {"reason": " "}, follow=True)
    assert "반려 사유를 쓰십시오." in refused.content.decode()
    assert ApprovalRequest.objects.get(pk=request.pk).state == "drafted"
    chief.post(f"/approvals/{request.pk}/reject/", {"reason": "발표일을 고치십시오"})
    assert ApprovalRequest.objects.get(pk=request.pk).state == "rejected"
    items = [item for item in worklist_items(office[Role.DIVISION_STAFF]) if item.group == "결재"]
    assert [(item.label, item.count, item.url) for item in items] == [
        ("반려된 내 기안", 1, "/approvals/?box=done&state=rejected")
    ]
    done = staff.get("/approvals/?box=done&state=rejected").content.decode()
    assert request.title in done and "반려" in done
    assert "발표일을 고치십시오" in staff.get(f"/approvals/{request.pk}/").content.decode()


def test_the_drafter_recalls_before_anyone_acted(office, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    call, _ = _draft_call(staff, office["chief"])
    request = open_request(intake.CALL_PUBLISH, call.code)
    response = staff.post(f"/approvals/{request.pk}/recall/", {"reason": "인원 정정"}, follow=True)
    assert "회수했습니다." in response.content.decode()
    assert ApprovalRequest.objects.get(pk=request.pk).state == "recalled"
    edit = staff.get(f"/intake/calls/{call.code}/").content.decode()
    assert "게시 결재 올리기" in edit


def test_the_draft_form_offers_the_eligible_line_and_shows_the_rule(office, client_as):
    call = make_call(documents="")
    Call.objects.filter(pk=call.pk).update(published_at=None)
    page = client_as(Role.DIVISION_STAFF).get(f"/approvals/new/{intake.CALL_PUBLISH}/{call.code}/").content.decode()
    assert "모집공고 게시: 전결 규정이 없어 기본 결재권자(담당관)" in page
    approver_select = page.split('name="approver"')[1].split("</select>")[0]
    assert "t_chief 테스트 (담당관" in approver_select and "총괄 테스트 (정책관" in approver_select
    assert "t_lead" not in approver_select and "district_officer" not in approver_select  # 팀장; another scope
    assert client_as(Role.DISTRICT_OFFICER).get(f"/approvals/new/{intake.CALL_PUBLISH}/{call.code}/").status_code == 403
    assert client_as(Role.AUDITOR).get(f"/approvals/new/{intake.CALL_PUBLISH}/{call.code}/").status_code == 403
    assert client_as(Role.DIVISION_STAFF).get("/approvals/new/no.such/DOCS/").status_code == 404


def test_the_office_manager_alone_publishes_in_one_step(office, client_as):
    call = make_call(documents="")
    Call.objects.filter(pk=call.pk).update(published_at=None)
    manager = client_as(Role.OFFICE_MANAGER)
    response = manager.post(f"/approvals/new/{intake.CALL_PUBLISH}/{call.code}/", {"approver": ""}, follow=True)
    assert "전결로 결재했습니다. 공고를 게시했습니다." in response.content.decode()
    assert Call.objects.get(pk=call.pk).is_published


def test_the_api_drafts_approves_and_refuses_a_rejection_without_reason(office, client_as, client):
    call = make_call(documents="")
    Call.objects.filter(pk=call.pk).update(published_at=None)
    staff = client_as(Role.DIVISION_STAFF)
    body = {"act": intake.CALL_PUBLISH, "target": call.code, "reviewers": ["t_lead"], "approver": "t_chief"}
    created = staff.post("/api/approvals", body, content_type="application/json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert [(box["kind"], box["name"]) for box in data["line"]] == [
        ("기안", "담당관·팀 테스트"),
        ("검토", "t_lead 테스트"),
        ("결재", "t_chief 테스트"),
    ]
    assert data["state"] == "drafted" and data["current_approver"] == "t_lead 테스트"
    again = staff.post("/api/approvals", body, content_type="application/json")
    assert again.status_code == 400 and "이미 결재 중입니다" in again.json()["message"]
    lead = _client(client, office["lead"])
    assert lead.get("/api/approvals?box=inbox").json()[0]["id"] == data["id"]
    no_reason = lead.post(f"/api/approvals/{data['id']}/reject", {"reason": ""}, content_type="application/json")
    assert no_reason.status_code == 400
    assert no_reason.json()["errors"] == [{"field": "reason", "message": "반려 사유를 쓰십시오."}]
    passed = lead.post(f"/api/approvals/{data['id']}/approve", {}, content_type="application/json").json()
    assert passed["state"] == "in_progress" and passed["current_approver"] == "t_chief 테스트"
    unknown = staff.post("/api/approvals", {**body, "approver": "nobody"}, content_type="application/json")
    assert unknown.status_code == 400
    assert not Call.objects.get(pk=call.pk).is_published


def test_the_office_manager_keeps_the_rules_and_the_auditor_reads_them(office, client_as):
    manager, auditor = client_as(Role.OFFICE_MANAGER), client_as(Role.AUDITOR)
    form = {"act": "participation.pay_confirm", "amount_from": "100000000", "amount_below": "", "position": "director",
            "note": "위임전결규칙 제5조"}  # fmt: skip
    response = manager.post("/approvals/rules/", form, follow=True)
    assert "전결 규정을 저장했습니다." in response.content.decode()
    assert "100,000,000원 이상 담당관 전결" in auditor.get("/approvals/rules/").content.decode()
    assert auditor.post("/approvals/rules/", form).status_code == 403
    bad = manager.post("/approvals/rules/", {**form, "amount_below": "100"})
    assert bad.status_code == 400 and "'미만' 금액은 '이상' 금액보다 커야 합니다." in html.unescape(
        bad.content.decode()
    )
    negative = manager.post("/approvals/rules/", {**form, "amount_from": "-5"})
    assert negative.status_code == 400 and DelegationRule.objects.count() == 1
    rule = DelegationRule.objects.get()
    assert auditor.post(f"/approvals/rules/{rule.pk}/delete/").status_code == 403
    manager.post(f"/approvals/rules/{rule.pk}/delete/")
    assert not DelegationRule.objects.exists()


def test_the_month_close_goes_through_its_approval(office, client_as):
    from datetime import date

    response = client_as(Role.OFFICE_MANAGER).post(
        "/months/", {"year": "2018", "month": "5", "action": "lock"}, follow=True
    )
    assert "2018년 5월을 마감했습니다." in response.content.decode()
    assert month_is_locked(date(2018, 5, 1))
    request = ApprovalRequest.objects.get(act="core.month_close", target_key="2018-05")
    assert request.state == "approved" and request.steps.get().delegated


def test_the_system_administrator_sets_an_officials_position(office, client_as):
    staff = office[Role.DIVISION_STAFF]
    admin = client_as(Role.SYSTEM_ADMIN)
    form = admin.get(f"/accounts/users/{staff.pk}/").content.decode()
    assert 'name="position"' in form and "담당관" in form
    data = {"display_name": staff.display_name, "role": staff.role, "position": "director",
            "org_unit": staff.org_unit_id, "is_active": "on"}  # fmt: skip
    assert admin.post(f"/accounts/users/{staff.pk}/", data).status_code == 302
    staff.refresh_from_db()
    assert staff.position == Position.DIRECTOR
    bad = admin.post(f"/accounts/users/{staff.pk}/", {**data, "position": "boss"})
    assert bad.status_code == 400
    staff.refresh_from_db()
    assert staff.position == Position.DIRECTOR
