"""공지사항 and 자주 묻는 질문: kept by the office through the services (with their change history), read by everyone
while they are posted; a notice not yet posted, past its period or retired is shown to no visitor, on the page or
through the API; a visitor or a citizen cannot write."""

from __future__ import annotations

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from iljari.board import services
from iljari.board.models import FaqEntry, Notice
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def _notice(title="뉴딜일자리 모집 안내", **values) -> Notice:
    return services.notice_save(
        actor=None,
        title=title,
        body=values.pop("body", "본문입니다."),
        category=values.pop("category", "call"),
        **values,
    )


@pytest.fixture
def board(org):
    now = timezone.now()
    return {
        "shown": _notice("게시 중인 공지"),
        "pinned": _notice("고정한 공지", pinned=True, posted_from=now - timedelta(days=30)),
        "scheduled": _notice("다음 주 게시할 공지", posted_from=now + timedelta(days=7)),
        "ended": _notice("게시 끝난 공지", posted_from=now - timedelta(days=20), posted_until=now - timedelta(days=1)),
        "faq": services.faq_save(
            actor=None, category="calls", question="마감은 언제인가요?", answer="공고마다 다릅니다."
        ),
        "faq2": services.faq_save(
            actor=None, category="rooms", question="공간은 몇 시간까지?", answer="하루 3시간까지입니다.", order=1
        ),
    }


def _titles(html: str) -> list[str]:
    import re

    return re.findall(r'data-notice="\d+"><td>.*?<a href="/notices/\d+/">([^<]+)</a>', html)


# --- reading, open to all --------------------------------------------------------------------------------------


def test_a_visitor_reads_the_posted_notices_pinned_first(board):
    html = Client().get("/notices/").content.decode()
    assert _titles(html) == ["고정한 공지", "게시 중인 공지"]
    assert "다음 주 게시할 공지" not in html and "게시 끝난 공지" not in html
    page = Client().get(f"/notices/{board['shown'].pk}/")
    assert page.status_code == 200 and "본문입니다." in page.content.decode()


@pytest.mark.parametrize("which", ["scheduled", "ended"])
def test_a_notice_outside_its_period_is_not_found(board, which):
    assert Client().get(f"/notices/{board[which].pk}/").status_code == 404
    assert Client().get(f"/api/board/notices/{board[which].pk}").status_code == 404


def test_a_retired_notice_disappears_everywhere(board, client_as):
    notice = board["shown"]
    staff = client_as(Role.DIVISION_STAFF)
    response = staff.post(f"/board/notices/{notice.pk}/retire/", follow=True)
    assert "내렸습니다" in response.content.decode()
    visitor = Client()
    assert "게시 중인 공지" not in visitor.get("/notices/").content.decode()
    assert visitor.get(f"/notices/{notice.pk}/").status_code == 404
    assert "게시 중인 공지" not in visitor.get("/").content.decode()
    assert [row["title"] for row in visitor.get("/api/board/notices").json()["items"]] == ["고정한 공지"]
    assert "내림" in staff.get("/board/notices/?state=retired").content.decode()  # the staff still see it
    with pytest.raises(ValidationFailed):
        services.notice_retire(actor=None, notice=notice)  # not twice


def test_the_public_notices_search_and_filter(board):
    _notice("기술교육원 훈련생 모집", body="야간과정", category="event")
    assert _titles(Client().get("/notices/?q=야간").content.decode()) == ["기술교육원 훈련생 모집"]
    assert _titles(Client().get("/notices/?category=event").content.decode()) == ["기술교육원 훈련생 모집"]


def test_the_faq_is_grouped_searched_and_a_retired_entry_is_gone(board):
    html = Client().get("/faq/").content.decode()
    assert "모집·신청" in html and "마감은 언제인가요?" in html and "공간은 몇 시간까지?" in html
    only = Client().get("/faq/?q=3시간").content.decode()
    assert "공간은 몇 시간까지?" in only and "마감은 언제인가요?" not in only
    services.faq_retire(actor=None, entry=board["faq"])
    assert "마감은 언제인가요?" not in Client().get("/faq/").content.decode()
    assert [row["question"] for row in Client().get("/api/board/faq").json()] == ["공간은 몇 시간까지?"]


# --- writing, by the office ------------------------------------------------------------------------------------


def test_division_staff_write_a_notice_with_an_attachment_and_a_visitor_downloads_it(org, client_as, media_root):
    staff = client_as(Role.DIVISION_STAFF)
    response = staff.post(
        "/board/notices/new/",
        {
            "title": "하반기 공공근로 모집",
            "category": "call",
            "body": "주소지 동 주민센터에서도 접수합니다.",
            "attachment": SimpleUploadedFile("모집 공고문.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    notice = Notice.objects.get(title="하반기 공공근로 모집")
    assert notice.attachment_type == "application/pdf" and notice.written_by.username == "t_staff"
    download = Client().get(f"/notices/{notice.pk}/attachment/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert "filename*=UTF-8''%EB%AA%A8%EC%A7%91" in download["Content-Disposition"]  # 모집 공고문.pdf
    assert LogEntry.objects.get_for_object(notice).count() == 1  # its change history
    staff.post(
        f"/board/notices/{notice.pk}/", {"title": "하반기 공공근로 모집(수정)", "category": "call", "body": "본문"}
    )
    notice.refresh_from_db()
    assert notice.title == "하반기 공공근로 모집(수정)" and notice.attachment  # the file stays unless removed
    assert LogEntry.objects.get_for_object(notice).count() == 2


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"title": " "}, "title", "제목을 적으십시오."),
        ({"body": ""}, "body", "내용을 적으십시오."),
        ({"category": "gossip"}, "category", "분류를 고르십시오."),
        ({"posted_until": "past"}, "posted_until", "게시 끝은 게시 시작보다 뒤여야 합니다."),
    ],
)
def test_a_bad_notice_is_refused_in_korean_and_nothing_is_written(org, values, field, message):
    now = timezone.now()
    data = {"title": "제목", "body": "내용", "category": "general", "posted_from": now}
    data.update(values)
    if data.get("posted_until") == "past":
        data["posted_until"] = now - timedelta(hours=1)
    with pytest.raises(ValidationFailed) as refused:
        services.notice_save(actor=None, **data)
    assert refused.value.field_errors[field] == [message]
    assert not Notice.objects.exists()


def test_an_attachment_that_is_not_a_pdf_or_picture_is_refused(org, client_as, media_root):
    response = client_as(Role.DIVISION_STAFF).post(
        "/board/notices/new/",
        {"title": "첨부", "category": "general", "body": "본문", "attachment": SimpleUploadedFile("공고.pdf", EXE)},
    )
    assert response.status_code == 400 and "PDF, JPG, PNG 파일만 첨부할 수 있습니다." in response.content.decode()
    assert not Notice.objects.exists()


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.ORGANISATION, Role.DISTRICT_OFFICER, Role.AUDITOR])
def test_only_the_office_writes(board, client_as, personas, role):
    client = client_as(role)
    assert client.post("/board/notices/new/", {"title": "t", "category": "general", "body": "b"}).status_code == 403
    assert client.post(f"/board/notices/{board['shown'].pk}/retire/").status_code == 403
    assert (
        client.post("/board/faq/new/", {"category": "calls", "question": "q", "answer": "a", "order": 0}).status_code
        == 403
    )
    with pytest.raises(NotAllowed):
        services.faq_save(actor=personas[role], category="calls", question="q", answer="a")
    assert not Notice.objects.filter(title="t").exists() and not FaqEntry.objects.filter(question="q").exists()
    assert Notice.objects.get(pk=board["shown"].pk).retired_at is None


def test_a_visitor_is_sent_to_login_from_the_staff_pages(board):
    for path in ("/board/notices/", "/board/notices/new/", "/board/faq/", f"/board/faq/{board['faq'].pk}/"):
        assert Client().get(path)["Location"].startswith("/accounts/login/?next=")


def test_the_staff_list_searches_filters_and_sorts(board, client_as):
    auditor = client_as(Role.AUDITOR)
    html = auditor.get("/board/notices/?state=scheduled").content.decode()
    assert "다음 주 게시할 공지" in html and "게시 중인 공지" not in html
    assert "공지사항 쓰기" not in html  # the auditor reads only
    ordered = auditor.get("/board/notices/?sort=title&dir=asc").content.decode()
    titles = ["게시 끝난 공지", "게시 중인 공지", "고정한 공지", "다음 주 게시할 공지"]
    assert [ordered.index(t) for t in titles] == sorted(ordered.index(t) for t in titles)
    faq = client_as(Role.DIVISION_STAFF).get("/board/faq/?q=공간").content.decode()
    assert "공간은 몇 시간까지?" in faq and "마감은 언제인가요?" not in faq


def test_division_staff_edit_and_retire_a_faq_entry(board, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    entry = board["faq"]
    response = staff.post(
        f"/board/faq/{entry.pk}/",
        {"category": "calls", "question": "마감 시각은?", "answer": "공고에 적힌 시각까지", "order": 2},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.question, entry.order) == ("마감 시각은?", 2)
    bad = staff.post(f"/board/faq/{entry.pk}/", {"category": "calls", "question": "", "answer": "a", "order": 2})
    assert bad.status_code == 400
    staff.post(f"/board/faq/{entry.pk}/retire/")
    assert FaqEntry.objects.get(pk=entry.pk).retired_at is not None
    with pytest.raises(ValidationFailed):
        services.faq_save(actor=None, entry=entry, category="calls", question="다시", answer="a")


# --- the API ---------------------------------------------------------------------------------------------------


def test_the_api_reads_for_everyone_and_writes_for_the_office(board, client_as):
    listed = Client().get("/api/board/notices")
    assert listed.status_code == 200
    assert [row["title"] for row in listed.json()["items"]] == ["고정한 공지", "게시 중인 공지"]
    payload = {"title": "API 공지", "category": "general", "body": "본문", "posted_until": "2099-12-31"}
    assert Client().post("/api/board/notices", payload, content_type="application/json").status_code in (401, 403)
    citizen = client_as(Role.CITIZEN).post("/api/board/notices", payload, content_type="application/json")
    assert citizen.status_code == 403 and citizen.json()["message"] == services.NOT_ALLOWED
    created = client_as(Role.OFFICE_MANAGER).post("/api/board/notices", payload, content_type="application/json")
    assert created.status_code == 201 and created.json()["posted_until"].startswith("2100-01-01T00:00:00+09:00")
    bad = client_as(Role.OFFICE_MANAGER).post(
        "/api/board/notices", {**payload, "title": " "}, content_type="application/json"
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "title"
    pk = created.json()["id"]
    assert client_as(Role.OFFICE_MANAGER).post(f"/api/board/notices/{pk}/retire").status_code == 200
    assert Client().get(f"/api/board/notices/{pk}").status_code == 404
    faq = client_as(Role.DIVISION_STAFF).post(
        "/api/board/faq",
        {"category": "account", "question": "가입은?", "answer": "회원가입에서"},
        content_type="application/json",
    )
    assert faq.status_code == 201
    assert "가입은?" in [row["question"] for row in Client().get("/api/board/faq?category=account").json()]
