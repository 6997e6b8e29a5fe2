"""Login as a public-sector system needs it: lock after repeated failures, last login shown, idle timeout."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from iljari.core import services
from iljari.core.models import LoginEvent, User
from iljari.core.roles import Role
from iljari.testing import PASSWORD


def _login(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_login_page_is_korean(db):
    page = Client().get("/accounts/login/").content.decode()
    assert '<html lang="ko">' in page
    assert "로그인" in page and "비밀번호" in page


def test_correct_password_logs_in_and_says_it_is_the_first_visit(personas):
    client = Client()
    response = _login(client, "t_staff", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    page = client.get("/").content.decode()
    assert "처음 접속하셨습니다" in page
    assert "담당관·팀" in page  # the role is shown in the header


def test_last_login_and_failures_since_are_shown_after_login(personas):
    _login(Client(), "t_staff", PASSWORD)
    _login(Client(), "t_staff", "wrong-password-1")
    client = Client()
    _login(client, "t_staff", PASSWORD)
    page = client.get("/").content.decode()
    assert "지난 접속:" in page
    assert "127.0.0.1" in page
    assert "그 뒤 로그인 실패 1회" in page


def test_wrong_password_is_refused_in_korean_with_401(personas):
    response = _login(Client(), "t_staff", "not-the-password")
    assert response.status_code == 401
    assert "아이디 또는 비밀번호가 올바르지 않습니다" in response.content.decode()
    assert LoginEvent.objects.filter(username="t_staff", outcome="failure").count() == 1


def test_unknown_user_gets_the_same_message_and_is_recorded(db):
    response = _login(Client(), "nobody", "whatever-password")
    assert response.status_code == 401
    assert "아이디 또는 비밀번호가 올바르지 않습니다" in response.content.decode()
    event = LoginEvent.objects.get()
    assert event.username == "nobody" and event.outcome == "failure" and event.user is None


def test_empty_form_asks_for_both_fields(db):
    response = _login(Client(), "", "")
    assert response.status_code == 400
    page = response.content.decode()
    assert "아이디를 입력하십시오" in page and "비밀번호를 입력하십시오" in page


def test_account_locks_after_five_failures_even_for_the_right_password(personas):
    client = Client()
    for _ in range(4):
        assert _login(client, "t_staff", "wrong-password").status_code == 401
    fifth = _login(client, "t_staff", "wrong-password")
    assert fifth.status_code == 403
    assert "계정이 잠겼습니다" in fifth.content.decode()
    sixth = _login(client, "t_staff", PASSWORD)
    assert sixth.status_code == 403
    assert "10분 후" in sixth.content.decode() or "분 후" in sixth.content.decode()
    assert not client.get("/").wsgi_request.user.is_authenticated
    assert LoginEvent.objects.filter(username="t_staff", outcome="locked").count() == 1


def test_lock_limit_and_duration_are_configurable(personas, settings):
    settings.ILJARI_LOGIN_MAX_FAILURES = 2
    settings.ILJARI_LOGIN_LOCK_MINUTES = 30
    client = Client()
    _login(client, "t_staff", "wrong-password")
    response = _login(client, "t_staff", "wrong-password")
    assert response.status_code == 403
    assert 29 * 60 < int(response["Retry-After"]) <= 30 * 60 + 1
    ((_, locked_until),) = services.login_locks(username="t_staff")
    assert timedelta(minutes=29) < locked_until - timezone.now() <= timedelta(minutes=30)


def _lock(username="t_staff"):
    for _ in range(5):
        _login(Client(), username, "wrong-password")
    assert services.login_locks(username=username)


def test_lock_expires_by_itself(personas):
    _lock()
    LoginEvent.objects.filter(username="t_staff").update(at=timezone.now() - timedelta(minutes=10, seconds=1))
    assert _login(Client(), "t_staff", PASSWORD).status_code == 302
    assert services.login_locks(username="t_staff") == []


def test_system_admin_unlocks_a_locked_account(personas, client_as):
    _lock()
    assert _login(Client(), "t_staff", PASSWORD).status_code == 403
    staff = personas[Role.DIVISION_STAFF]
    page = client_as(Role.SYSTEM_ADMIN).get(f"/accounts/users/{staff.pk}/").content.decode()
    assert "잠긴 계정입니다" in page and "127.0.0.1" in page
    response = client_as(Role.SYSTEM_ADMIN).post(f"/accounts/users/{staff.pk}/unlock/")
    assert response.status_code == 302
    assert _login(Client(), "t_staff", PASSWORD).status_code == 302
    assert LoginEvent.objects.filter(username="t_staff", outcome="unlocked").count() == 1


def test_only_the_system_admin_may_unlock(personas, client_as):
    staff = personas[Role.DIVISION_STAFF]
    _lock()
    assert client_as(Role.OFFICE_MANAGER).post(f"/accounts/users/{staff.pk}/unlock/").status_code == 403
    assert services.login_locks(username="t_staff")


def test_deactivated_account_cannot_log_in(personas):
    User.objects.filter(username="t_staff").update(is_active=False)
    assert _login(Client(), "t_staff", PASSWORD).status_code == 401


def test_idle_session_is_logged_out_with_a_message(personas, settings):
    client = Client()
    _login(client, "t_staff", PASSWORD)
    client.get("/")
    session = client.session
    session["iljari_last_activity"] = session["iljari_last_activity"] - settings.ILJARI_SESSION_IDLE_MINUTES * 60 - 5
    session.save()
    response = client.get("/org/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?expired=1")
    page = client.get(response["Location"]).content.decode()
    assert "자동으로 로그아웃되었습니다" in page
    assert LoginEvent.objects.filter(username="t_staff", outcome="timeout").exists()
    assert client.get("/org/").status_code == 302


def test_active_session_is_kept(personas):
    client = Client()
    _login(client, "t_staff", PASSWORD)
    assert client.get("/org/").status_code == 200
    assert client.get("/org/").status_code == 200


def test_reading_pages_writes_the_session_at_most_once_a_minute(personas, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from iljari.core import middleware

    clock = [1_000_000.0]
    monkeypatch.setattr(middleware.time, "time", lambda: clock[0])
    client = Client()
    _login(client, "t_staff", PASSWORD)
    client.get("/org/")

    def session_writes():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/org/").status_code == 200
        return [
            q["sql"]
            for q in queries
            if "django_session" in q["sql"] and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
        ]

    clock[0] += 59
    assert session_writes() == []  # inside the minute: nothing written
    clock[0] += 2
    assert len(session_writes()) == 1  # past it: the last activity moves, once
    assert client.session["iljari_last_activity"] == clock[0]
    clock[0] += 30
    assert session_writes() == []


def test_logout_needs_post_and_is_recorded(personas):
    client = Client()
    _login(client, "t_staff", PASSWORD)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert LoginEvent.objects.filter(username="t_staff", outcome="logout").exists()
    home = client.get("/")  # a visitor's home now: the pages open to all, and 로그인
    assert not home.wsgi_request.user.is_authenticated and "/accounts/login/" in home.content.decode()


def test_login_redirects_only_to_this_site(personas):
    response = Client().post(
        "/accounts/login/", {"username": "t_staff", "password": PASSWORD, "next": "https://example.org/phish"}
    )
    assert response["Location"] == "/"
    response = Client().post("/accounts/login/", {"username": "t_staff", "password": PASSWORD, "next": "/org/"})
    assert response["Location"] == "/org/"


def test_login_form_needs_csrf(personas):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "t_staff", "password": PASSWORD})
    assert response.status_code == 403
    assert "보안 확인(CSRF)에 실패했습니다" in response.content.decode()


@pytest.mark.parametrize(
    ("old", "new", "confirm", "message"),
    [
        ("wrong-old-pass", "Another!pass2018", "Another!pass2018", "현재 비밀번호가 올바르지 않습니다"),
        (PASSWORD, "short1", "short1", "2종류 이상으로 10자 이상"),
        (PASSWORD, "Another!pass2018", "Different!2018", "새 비밀번호가 서로 다릅니다"),
        (PASSWORD, PASSWORD, PASSWORD, "현재 비밀번호와 달라야 합니다"),
    ],
)
def test_password_change_refuses_bad_input_in_korean(client_as, old, new, confirm, message):
    response = client_as(Role.CITIZEN).post(
        "/accounts/me/password/", {"old_password": old, "new_password": new, "new_password_confirm": confirm}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert User.objects.get(username="t_citizen").check_password(PASSWORD)


def test_password_change_keeps_the_session(client_as):
    client = client_as(Role.CITIZEN)
    response = client.post(
        "/accounts/me/password/",
        {"old_password": PASSWORD, "new_password": "Another!pass2018", "new_password_confirm": "Another!pass2018"},
    )
    assert response.status_code == 302
    assert client.get("/accounts/me/").status_code == 200
    assert User.objects.get(username="t_citizen").check_password("Another!pass2018")


def test_the_first_request_after_logging_in_writes_no_session(personas, monkeypatch):
    """The login saves the session anyway: it carries the first activity, so the request after it (a citizen's
    first submission at a call's opening hour) has nothing to write."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from iljari.core import middleware

    clock = [1_000_000.0]
    monkeypatch.setattr(middleware.time, "time", lambda: clock[0])
    client = Client()
    assert _login(client, "t_staff", PASSWORD).status_code == 302
    assert client.session["iljari_last_activity"] == clock[0]
    clock[0] += 5
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/org/").status_code == 200
    writes = [q["sql"] for q in queries if "django_session" in q["sql"] and not q["sql"].lstrip().startswith("SELECT")]
    assert writes == []
    clock[0] += middleware.settings.ILJARI_SESSION_IDLE_MINUTES * 60 + 1  # the idle limit still counts from the login
    assert client.get("/org/")["Location"].startswith("/accounts/login/?expired=1")
