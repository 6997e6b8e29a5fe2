"""Settings from the environment, the production profile, security headers and the Korean error pages."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory

from iljari.core.roles import Role

ROOT = Path(__file__).resolve().parents[3]


def _run(args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "iljari.manage", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_production_profile_refuses_the_default_secret_key():
    result = _run(["check"], DEBUG="0")
    assert result.returncode != 0
    assert "기본 SECRET_KEY로 시작할 수 없습니다" in result.stderr


def test_production_profile_refuses_the_development_personal_data_keys():
    result = _run(["check"], DEBUG="0", SECRET_KEY="z" * 60, ALLOWED_HOSTS="localhost")
    assert result.returncode != 0
    assert "개인정보 암호화 키" in result.stderr


def test_production_profile_passes_the_deployment_check():
    result = _run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DEBUG="0",
        SECRET_KEY="x" * 20 + "-production-secret-key-that-is-long-and-random-7f3a9c",
        ALLOWED_HOSTS="iljari.example.go.kr",
        PERSONAL_DATA_KEYS="production-salt-2",
        PERSONAL_DATA_INDEX_KEY="production-index-key",
        SMS_SENDER="",  # e-mail codes only; a real gateway would be named here (docs/portal-signup.md)
        ALLOW_DEMO_IDENTITY_VERIFIER="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_demo_refuses_the_production_profile():
    result = _run(
        ["demo", "--no-serve"],
        DEBUG="0",
        SECRET_KEY="y" * 60,
        ALLOWED_HOSTS="localhost",
        ILJARI_VAR_DIR="/tmp/x",
        PERSONAL_DATA_KEYS="k2",
        PERSONAL_DATA_INDEX_KEY="i2",
        SMS_SENDER="",
        ALLOW_DEMO_IDENTITY_VERIFIER="1",
    )
    assert result.returncode != 0
    assert "개발 프로필" in result.stderr


def test_security_headers(client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/org/")
    csp = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", csp).group(1)
    assert script_src == "'self'"
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_session_cookie_is_http_only(personas):
    client = Client()
    response = client.post("/accounts/login/", {"username": "t_staff", "password": "Test!persona2018"})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_unknown_url_is_a_korean_404_in_the_layout(client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/no/such/page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "페이지를 찾을 수 없습니다" in page and "본문 바로가기" in page


def test_unknown_record_page_is_a_korean_404(client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/org/partners/NOPE/")
    assert response.status_code == 404
    assert "협력기관을 찾을 수 없습니다" in response.content.decode()


def test_server_error_page_is_korean_and_needs_no_database():
    from iljari.web.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "시스템 오류가 발생했습니다" in response.content.decode()


def test_bad_request_page_is_korean(db):
    from iljari.web.views import bad_request

    response = bad_request(_authenticated_request())
    assert response.status_code == 400
    assert "잘못된 요청입니다" in response.content.decode()


def _authenticated_request():
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return request


@pytest.mark.parametrize("role", list(Role))
def test_header_shows_office_and_role(client_as, role):
    page = client_as(role).get("/").content.decode()
    assert "일자리노동정책관" in page
    assert f'data-role="{role}"' in page
    assert 'id="main"' in page and 'href="#main"' in page


def test_messages_stay_korean_for_a_browser_that_asks_for_english(client_as):
    response = client_as(Role.DIVISION_STAFF).post(
        "/org/partners/new/", {"code": "", "name": "", "kind": ""}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    )
    page = response.content.decode()
    assert "필수 항목입니다" in page
    assert "This field is required" not in page
