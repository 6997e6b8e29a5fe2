"""The messaging pages through HTTP: the outbox with masked recipients, filters and export, a message and its retry,
the templates, the citizen's 내 메시지 and 수신 동의, the participant page's section, the API."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from iljari.core.roles import Role
from iljari.messaging.models import Channel, ChannelConsent, Message
from iljari.messaging.services import Recipient, message_send
from iljari.messaging.tests.factories import reachable_person


@pytest.fixture
def outbox(personas):
    hong = reachable_person(name="홍길동", phone="010-1234-5678")
    kim = reachable_person(name="김철수", phone="010-9876-5432")
    sent = message_send(to=hong, template="selection_selected", context={"call": "뉴딜 1차"})
    Message.objects.filter(pk=sent.pk).update(status=Message.Status.SENT)
    failed = message_send(to=kim, template="booking_confirmed", context={"room": "스터디룸", "day": "", "hours": ""})
    Message.objects.filter(pk=failed.pk).update(
        status=Message.Status.FAILED, attempts=5, last_error="ConnectionError: 응답 없음"
    )
    return {"hong": hong, "kim": kim, "sent": sent, "failed": failed}


def test_the_outbox_masks_recipients_and_filters_by_status(outbox, client_as):
    page = client_as(Role.DIVISION_STAFF).get("/messages/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "홍*동" in text and "김*수" in text and "홍길동" not in text
    assert "010-****-5678" in text and "010-1234-5678" not in text
    failed_only = client_as(Role.DIVISION_STAFF).get("/messages/?status=failed").content.decode()
    assert "김*수" in failed_only and "홍*동" not in failed_only
    searched = client_as(Role.DIVISION_STAFF).get("/messages/?q=홍길").content.decode()
    assert "홍*동" in searched and "김*수" not in searched


def test_the_export_holds_the_filtered_rows_masked(outbox, client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/messages/export.xlsx?channel=sms&sort=recipient")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "홍*동" in cells and "김*수" in cells
    assert not any("홍길동" in c or "010-1234-5678" in c for c in cells)


def test_staff_retry_a_failed_message_from_its_page(outbox, client_as, django_capture_on_commit_callbacks):
    staff = client_as(Role.DIVISION_STAFF)
    page = staff.get(f"/messages/{outbox['failed'].pk}/").content.decode()
    assert "ConnectionError: 응답 없음" in page and "다시 보내기" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/messages/{outbox['failed'].pk}/retry/")
    assert response.status_code == 302
    outbox["failed"].refresh_from_db()
    assert outbox["failed"].status == Message.Status.SENT


def test_the_auditor_reads_but_does_not_retry(outbox, client_as):
    auditor = client_as(Role.AUDITOR)
    page = auditor.get(f"/messages/{outbox['failed'].pk}/").content.decode()
    assert "다시 보내기" not in page
    assert auditor.post(f"/messages/{outbox['failed'].pk}/retry/").status_code == 403
    assert Message.objects.get(pk=outbox["failed"].pk).status == Message.Status.FAILED


def test_a_sent_message_is_not_retried(outbox, client_as):
    response = client_as(Role.DIVISION_STAFF).post(f"/messages/{outbox['sent'].pk}/retry/", follow=True)
    assert "발송에 실패한 알림만 다시 보낼 수 있습니다." in response.content.decode()


@pytest.mark.parametrize("role", [Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY, Role.CITIZEN, Role.ORGANISATION])
def test_a_message_page_is_closed_to_others(outbox, client_as, role):
    assert client_as(role).get(f"/messages/{outbox['sent'].pk}/").status_code == 403


def test_the_templates_page_lists_every_template_in_korean(personas, client_as):
    text = client_as(Role.DIVISION_STAFF).get("/messages/templates/").content.decode()
    for label in ("신청 접수", "선발 결과: 예비", "공간 예약 하루 전 안내", "기금 연체 안내", "결재 차례 안내"):
        assert label in text
    assert "{받는 사람}님, {모집공고}에 선발되었습니다." in text
    assert "{{" not in text


def test_a_citizen_sees_only_their_own_messages_and_sets_consent(outbox, personas, client_as):
    citizen = personas[Role.CITIZEN]
    mine = reachable_person(user=citizen, name="이시민")
    message_send(to=mine, template="application_submitted", context={"call": "청년 인턴", "at": "", "number": 7})
    client = client_as(Role.CITIZEN)
    text = client.get("/portal/messages/").content.decode()
    assert "이시민님, 청년 인턴 신청이" in text
    assert "홍길동" not in text and "김철수" not in text
    response = client.post("/portal/messages/", {"email": "on", "alimtalk": "on"})  # SMS unticked
    assert response.status_code == 302
    assert dict(ChannelConsent.objects.filter(person=mine).values_list("channel", "consented")) == {
        Channel.SMS: False,
        Channel.EMAIL: True,
        Channel.ALIMTALK: True,
    }
    assert "checked" in client.get("/portal/messages/").content.decode()


def test_the_participant_page_shows_the_persons_messages(outbox, client_as):
    text = client_as(Role.OFFICE_MANAGER).get(f"/participants/{outbox['hong'].pk}/").content.decode()
    assert "받은 알림" in text and "[일자리] 선발 결과 안내(선발)" in text


def test_the_api_lists_the_outbox_masked(outbox, personas):
    client = Client()
    client.force_login(personas[Role.AUDITOR])
    body = client.get("/api/messaging/messages?status=failed").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert (item["recipient"], item["address"], item["status_label"]) == ("김*수", "010-****-5432", "실패")
    detail = client.get(f"/api/messaging/messages/{item['id']}").json()
    assert "김철수님" in detail["body"]
    assert client.get("/api/messaging/messages/999999").status_code == 404


def test_an_organisations_contact_message_shows_without_a_person(personas, client_as):
    message = message_send(to=Recipient(name="박담당", email="park@coop.example"), template="approval_next",
                           context={"title": "t", "url": "/"})  # fmt: skip
    text = client_as(Role.DIVISION_STAFF).get(f"/messages/{message.pk}/").content.decode()
    assert "박*당" in text and "p***@coop.example" in text


def test_the_citizens_profile_and_record_link_to_the_consent(personas, client_as):
    reachable_person(user=personas[Role.CITIZEN])
    client = client_as(Role.CITIZEN)
    for page in ("/accounts/me/", "/people/me/"):
        assert 'href="/portal/messages/"' in client.get(page).content.decode(), page


def test_staff_cancel_a_waiting_message_and_it_never_goes(outbox, personas, client_as):
    waiting = message_send(
        to=outbox["hong"], template="booking_reminder", context={"room": "홀", "day": "", "hours": ""}
    )
    staff = client_as(Role.DIVISION_STAFF)
    assert "발송 취소" in staff.get(f"/messages/{waiting.pk}/").content.decode()
    assert client_as(Role.AUDITOR).post(f"/messages/{waiting.pk}/cancel/").status_code == 403
    assert staff.post(f"/messages/{waiting.pk}/cancel/").status_code == 302
    waiting.refresh_from_db()
    assert (waiting.status, waiting.get_status_display()) == ("cancelled", "취소")
    from iljari.messaging.services import message_deliver

    assert message_deliver(waiting.pk).status == "cancelled"  # the worker leaves it
    again = staff.post(f"/messages/{waiting.pk}/cancel/", follow=True).content.decode()
    assert "아직 보내지 않은(대기) 알림만 취소할 수 있습니다." in again
