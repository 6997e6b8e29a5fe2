"""Every change of a domain record is recorded: who, when, from where, which record, before and after."""

from auditlog.models import LogEntry
from django.test import Client

from iljari.core.roles import Role
from iljari.org.models import Partner


def _partner_form(**overrides):
    data = {
        "name": "(학)경복대학교",
        "kind": "trustee",
        "district": "",
        "address": "강동구 고덕동 (동부기술교육원)",
        "supervising_unit": "",
        "entrusted_task": "동부기술교육원 운영",
        "entrusted_from": "2016-03-01",
        "entrusted_until": "2019-02-28",
        "contact": "",
        "note": "",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_edit_through_the_page_records_actor_address_and_values(client_as, personas):
    partner = Partner.objects.get(code="TTI-EAST")
    response = client_as(Role.DIVISION_STAFF).post(
        "/org/partners/TTI-EAST/edit/",
        _partner_form(district=str(partner.district_id), contact="02-000-0000"),
        REMOTE_ADDR="10.1.2.3",
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(partner).order_by("-timestamp").first()
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor == personas[Role.DIVISION_STAFF]
    assert entry.remote_addr == "10.1.2.3"
    assert entry.changes_dict["contact"] == ["", "02-000-0000"]


def test_client_sent_forwarded_for_is_not_trusted(client_as):
    client_as(Role.DIVISION_STAFF).post(
        "/org/partners/TTI-EAST/edit/",
        _partner_form(district=str(Partner.objects.get(code="TTI-EAST").district_id), contact="1"),
        REMOTE_ADDR="10.1.2.3",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert LogEntry.objects.order_by("-id").first().remote_addr == "10.1.2.3"


def test_create_and_token_api_changes_are_recorded_with_the_token_user(personas):
    token = (
        Client()
        .post(
            "/api/auth/token",
            {"username": "t_manager", "password": "Test!persona2018"},
            content_type="application/json",
        )
        .json()["token"]
    )
    response = Client().post(
        "/api/org/partners",
        {"code": "NEW-INTERMEDIARY", "name": "새 수행기관", "kind": "intermediary"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201, response.content
    entry = LogEntry.objects.get_for_object(Partner.objects.get(code="NEW-INTERMEDIARY")).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == personas[Role.OFFICE_MANAGER]
    assert entry.changes_dict["name"] == [None, "새 수행기관"]


def test_password_hashes_never_reach_the_history(personas):
    for entry in LogEntry.objects.filter(content_type__model="user"):
        assert "password" not in (entry.changes_dict or {})


def test_auditor_browses_and_filters_the_history(client_as, personas):
    staff = client_as(Role.DIVISION_STAFF)
    partner = Partner.objects.get(code="TTI-EAST")
    staff.post("/org/partners/TTI-EAST/edit/", _partner_form(district=str(partner.district_id), contact="AUD-1"))
    auditor = client_as(Role.AUDITOR)
    staff_id = personas[Role.DIVISION_STAFF].pk
    page = auditor.get(f"/history/?actor={staff_id}&model=org.partner").content.decode()
    assert "(학)경복대학교" in page
    assert "수정" in page
    entry = LogEntry.objects.filter(actor_id=staff_id).get()
    detail = auditor.get(f"/history/{entry.pk}/").content.decode()
    assert "AUD-1" in detail and ">연락처</th>" in detail  # the field by its Korean name, never `contact`
    assert "org.partner" not in detail.split("</head>")[1].replace("model=org.partner", "")
    # a filter that matches nothing says so
    empty = auditor.get(f"/history/?actor={staff_id}&model=org.orgunit").content.decode()
    assert "조건에 맞는 변경이력이 없습니다" in empty


def test_history_filter_with_bad_dates_explains_instead_of_failing(client_as):
    response = client_as(Role.AUDITOR).get("/history/?date_from=2018-07-11&date_to=2018-07-01")
    assert response.status_code == 200
    assert "종료일은 시작일보다 빠를 수 없습니다" in response.content.decode()
    response = client_as(Role.AUDITOR).get("/history/?date_from=not-a-date&page=abc")
    assert response.status_code == 200


def test_history_api_filters_by_record(client_as, personas):
    unit_entries = client_as(Role.AUDITOR).get("/api/history?model=org.orgunit").json()
    assert unit_entries["count"] >= 11
    assert {item["model"] for item in unit_entries["items"]} == {"org.orgunit"}


def test_auditor_reads_but_cannot_change(client_as):
    auditor = client_as(Role.AUDITOR)
    assert auditor.get("/org/partners/TTI-EAST/").status_code == 200
    assert auditor.post("/org/partners/TTI-EAST/edit/", _partner_form()).status_code == 403
    response = auditor.patch("/api/org/partners/TTI-EAST", {"contact": "x"}, content_type="application/json")
    assert response.status_code == 403


def test_history_filters_by_action(client_as):
    auditor = client_as(Role.AUDITOR)
    created = auditor.get("/history/?model=org.partner&action=0").content.decode()
    assert "서울교통공사" in created
    deleted = auditor.get("/history/?model=org.partner&action=2").content.decode()
    assert "조건에 맞는 변경이력이 없습니다" in deleted
