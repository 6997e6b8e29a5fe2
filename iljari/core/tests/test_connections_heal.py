"""Connections that heal: after a database restart or failover no request answers 500 because of a stale
connection (CONN_HEALTH_CHECKS with persistent connections), a read whose connection broke before any query of it
went through is answered once more, and the API answers JSON even when the failure is outside django-ninja.

The last test runs gunicorn on the PostgreSQL test database with persistent connections, terminates every backend
of its workers (pg_terminate_backend, as a restart does) and expects only 200s after."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.test import Client

from iljari.core import services
from iljari.core.middleware import DATABASE_FAILED, ReadRetryMiddleware, note_database_failure
from iljari.core.models import User
from iljari.core.roles import Role
from iljari.core.tests.livesite import LiveSite

BROKEN = OperationalError("server closed the connection unexpectedly")


def test_persistent_connections_are_checked_before_use():
    assert django_settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.fixture
def session_breaks(monkeypatch):
    """The session's row cannot be read: the connection broke, `failures` times, then it works again."""
    calls = {"failures": 0, "count": 0}
    load = SessionStore.load

    def broken_load(self):
        calls["count"] += 1
        if calls["count"] <= calls["failures"]:
            raise BROKEN
        return load(self)

    monkeypatch.setattr(SessionStore, "load", broken_load)
    return calls


def _logged_in(personas) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(personas[Role.OFFICE_MANAGER])
    return client


def test_a_read_whose_connection_broke_before_its_first_query_is_answered_once_more(personas, session_breaks):
    client = _logged_in(personas)
    session_breaks.update(failures=1, count=0)
    assert client.get("/").status_code == 200
    api = client.get("/api/me")
    assert api.status_code == 200 and api.json()["username"] == "t_manager"
    assert session_breaks["count"] == 3  # the page twice, the API call once


def test_the_api_answers_json_when_the_session_cannot_be_read(personas, session_breaks):
    client = _logged_in(personas)
    session_breaks.update(failures=10, count=0)  # the database stays away: one retry, then the error
    response = client.get("/api/me")
    assert response.status_code == 500 and response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "code": "server_error",
        "message": "시스템 오류가 발생했습니다. 잠시 후 다시 시도하십시오.",
        "errors": [],
    }
    assert session_breaks["count"] == 2 and response["X-Content-Type-Options"] == "nosniff"
    assert client.get("/").status_code == 500  # a page gets the HTML error page


def test_a_write_is_never_repeated(personas, session_breaks):
    client = _logged_in(personas)
    session_breaks.update(failures=1, count=0)
    response = client.post("/api/auth/tokens", {"name": "x"}, content_type="application/json")
    assert response.status_code == 500 and response.json()["code"] == "server_error"
    assert session_breaks["count"] == 1


def test_an_unknown_api_address_answers_json(client):
    response = client.get("/api/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "요청한 자료를 찾을 수 없습니다.", "errors": []}
    assert client.get("/api/docs").status_code in (302, 403)  # the docs stay a page for people


def test_a_read_that_reached_the_database_is_not_repeated(rf, db):
    calls = []

    def view(request):
        calls.append(request.path)
        if len(calls) == 1 and request.path == "/reached/":
            User.objects.count()  # a query went through: the failure came after it
        note_database_failure(request, BROKEN)
        return HttpResponse(status=500)

    middleware = ReadRetryMiddleware(view)
    middleware.PAUSE_SECONDS = 0
    assert middleware(rf.get("/reached/")).status_code == 500 and calls == ["/reached/"]
    calls.clear()
    assert middleware(rf.get("/never/")).status_code == 500 and calls == ["/never/", "/never/"]  # once more only
    request = rf.get("/plain/")
    assert not hasattr(request, DATABASE_FAILED)


# --- a running gunicorn whose database connections are cut ------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, headers: dict) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our own loopback server
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310  # nosec B310
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode()


def _terminate_backends() -> int:
    """Every other session of the test database: the server's workers' persistent connections."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_terminate_backend: PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_terminating_a_running_gunicorns_database_connections_leaves_no_500(personas, media_root, tmp_path):
    manager = personas[Role.OFFICE_MANAGER]
    _, token = services.api_token_issue(user=manager, name="점검")
    browser = Client()
    browser.force_login(manager)
    session = {"Cookie": f"sessionid={browser.cookies['sessionid'].value}"}
    bearer = {"Authorization": f"Bearer {token}"}
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2", "DB_CONN_MAX_AGE": "600", "WEB_MAX_REQUESTS": "0"}
    with LiveSite(tmp_path, media_root, **env) as site:
        site.start_gunicorn()
        site.wait(lambda: _up(base), timeout=120, what="gunicorn answers")
        requests = [("/", session), ("/api/me", bearer), ("/api/org/units", session), ("/jobs/0/", session)]

        def round_of(n: int) -> list[tuple[str, int, str]]:
            return [(path, *_get(base + path, headers)[:2]) for _ in range(n) for path, headers in requests]

        before = round_of(5)  # every worker holds its connection now
        assert {status for _, status, _ in before} <= {200, 404}, before
        terminated = _terminate_backends()
        assert terminated >= 1, "the workers held no connection"
        after = round_of(5)
        assert [entry for entry in after if entry[1] >= 500] == [], site.logs()
        for path, status, kind in after:
            assert status == (404 if path == "/jobs/0/" else 200), (path, status)
            if path.startswith("/api/"):
                assert kind.startswith("application/json")
        status, kind, body = _get(base + "/api/me", bearer)
        assert status == 200 and json.loads(body)["username"] == "t_manager"


def _up(base: str) -> bool:
    try:
        return _get(base + "/accounts/login/", {})[0] == 200
    except OSError:
        time.sleep(0.5)
        return False
