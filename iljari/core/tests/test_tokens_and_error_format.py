"""The API: token and session authentication, one error format in Korean, OpenAPI schema."""

import pytest
from django.test import Client

from iljari.core.models import ApiToken
from iljari.core.roles import Role
from iljari.testing import PASSWORD


def _token(username="t_manager", password=PASSWORD):
    return Client().post(
        "/api/auth/token",
        {"username": username, "password": password, "name": "테스트"},
        content_type="application/json",
    )


def _bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_token_is_issued_once_and_only_its_digest_is_kept(personas):
    response = _token()
    assert response.status_code == 201
    raw = response.json()["token"]
    stored = ApiToken.objects.get()
    assert raw.startswith("ilj_") and raw not in (stored.digest, stored.prefix)
    me = Client().get("/api/me", **_bearer(raw)).json()
    assert me["username"] == "t_manager" and me["role"] == "office_manager" and me["role_label"] == "총괄"


def test_wrong_password_for_a_token_is_401_in_the_error_format(personas):
    response = _token(password="wrong-password")
    assert response.status_code == 401
    body = response.json()
    assert body == {"code": "authentication_failed", "message": body["message"], "errors": []}
    assert "올바르지 않습니다" in body["message"]


def test_token_requests_count_toward_the_lock(personas):
    for _ in range(5):
        _token(password="wrong-password")
    response = _token()
    assert response.status_code == 403
    assert response.json()["code"] == "account_locked"


def test_revoked_or_unknown_tokens_are_refused(personas):
    raw = _token().json()["token"]
    token_id = ApiToken.objects.get().pk
    assert Client().delete(f"/api/auth/tokens/{token_id}", **_bearer(raw)).status_code == 200
    assert Client().get("/api/me", **_bearer(raw)).status_code == 401
    assert Client().get("/api/me", **_bearer("ilj_made-up")).status_code == 401


def test_a_user_cannot_revoke_someone_elses_token(personas):
    _token()
    other = _token(username="t_staff").json()["token"]
    manager_token = ApiToken.objects.get(user__username="t_manager")
    assert Client().delete(f"/api/auth/tokens/{manager_token.pk}", **_bearer(other)).status_code == 404


def test_malformed_json_body_is_a_korean_error_not_a_500(personas):
    raw = _token().json()["token"]
    response = Client().post("/api/org/partners", "{not json", content_type="application/json", **_bearer(raw))
    assert response.status_code in (400, 422)
    body = response.json()
    assert body["code"] in ("validation_error", "bad_request")
    assert body["message"] and all("\\u" not in body["message"] for _ in [0])


def test_missing_and_wrong_fields_are_listed_by_field(personas):
    raw = _token().json()["token"]
    response = Client().post(
        "/api/org/partners", {"name": 3, "kind": "bank"}, content_type="application/json", **_bearer(raw)
    )
    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors["code"] == "필수 항목입니다."
    assert errors["name"] == "문자열이어야 합니다."
    assert "kind" in errors


def test_service_rule_errors_come_back_with_field_messages(personas):
    raw = _token().json()["token"]
    response = Client().post(
        "/api/org/partners",
        {"code": "bad code!", "name": "기관", "kind": "trustee"},
        content_type="application/json",
        **_bearer(raw),
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "code"
    response = Client().post(
        "/api/org/partners",
        {"code": "NEW-ONE", "name": "기관", "kind": "trustee", "district": "99999"},
        content_type="application/json",
        **_bearer(raw),
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": "district", "message": "없는 자치구 코드입니다."}]


def test_bad_period_is_refused_and_nothing_is_saved(personas):
    raw = _token().json()["token"]
    response = Client().post(
        "/api/org/partners",
        {
            "code": "NEW-ONE",
            "name": "기관",
            "kind": "trustee",
            "entrusted_from": "2019-03-01",
            "entrusted_until": "2019-02-28",
        },
        content_type="application/json",
        **_bearer(raw),
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "entrusted_until", "message": "위탁 종료일은 시작일보다 빠를 수 없습니다."}
    ]
    assert Client().get("/api/org/partners/NEW-ONE", **_bearer(raw)).status_code == 404


def test_patch_changes_only_the_given_fields(personas):
    raw = _token().json()["token"]
    response = Client().patch(
        "/api/org/partners/TTI-EAST", {"contact": "02-123-4567"}, content_type="application/json", **_bearer(raw)
    )
    assert response.status_code == 200
    body = response.json()
    assert body["contact"] == "02-123-4567"
    assert body["entrusted_task"] == "동부기술교육원 운영" and body["district"] == "11740"


def test_session_writes_need_the_csrf_token(client_as):
    client = client_as(Role.OFFICE_MANAGER)
    client.handler.enforce_csrf_checks = True
    response = client.patch("/api/org/partners/TTI-EAST", {"contact": "x"}, content_type="application/json")
    assert response.status_code == 403
    assert client.get("/api/org/partners/TTI-EAST").status_code == 200


def test_token_writes_need_no_csrf_token_as_they_carry_no_cookie(personas):
    """Found by schemathesis: the session scheme checked CSRF before the token was looked at, so every token write
    from outside Django's test client (which skips CSRF) was refused."""
    raw = _token().json()["token"]
    client = Client(enforce_csrf_checks=True)
    response = client.patch(
        "/api/org/partners/TTI-EAST", {"contact": "02-000-0000"}, content_type="application/json", **_bearer(raw)
    )
    assert response.status_code == 200
    assert client.delete(f"/api/auth/tokens/{ApiToken.objects.get().pk}", **_bearer(raw)).status_code == 200


def test_a_page_past_every_list_is_empty_not_a_server_error(client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/api/org/partners?page=99999999999999999999")
    assert response.status_code == 422
    assert client_as(Role.OFFICE_MANAGER).get("/api/org/partners?page=100000").json()["items"] == []


def test_unknown_record_is_a_korean_404(client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/api/org/units/NOPE")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "조직을 찾을 수 없습니다.", "errors": []}


def test_json_is_utf8_not_escaped(client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/api/org/units/JOBS")
    assert "일자리노동정책관".encode() in response.content


def test_openapi_schema_lists_the_endpoints(client_as):
    schema = client_as(Role.OFFICE_MANAGER).get("/api/openapi.json").json()
    assert "/api/org/partners" in schema["paths"]
    assert "/api/auth/token" in schema["paths"]


def test_docs_page_loads_nothing_from_outside(client_as):
    page = client_as(Role.OFFICE_MANAGER).get("/api/docs").content.decode()
    assert "swagger-ui-bundle.js" in page
    assert "http://" not in page and "https://" not in page


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999"])
def test_bad_page_numbers_do_not_fail(client_as, page):
    response = client_as(Role.OFFICE_MANAGER).get(f"/api/org/partners?page={page}")
    assert response.status_code in (200, 404, 422)
    assert "code" in response.json() or "items" in response.json()
