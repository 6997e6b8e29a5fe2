"""Login limits per address: spraying passwords over many user names from one address is refused (429, Korean,
with the time to wait), and a stranger failing from another address cannot lock a user out."""

from __future__ import annotations

import json
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from iljari.core.models import LoginEvent
from iljari.testing import PASSWORD

SPRAYER = "203.0.113.9"
OFFICE = "10.20.30.40"


def _login(address, username, password):
    return Client(REMOTE_ADDR=address).post("/accounts/login/", {"username": username, "password": password})


def test_spraying_many_user_names_from_one_address_is_refused_in_korean(personas, settings):
    answers = [_login(SPRAYER, f"user{n:02d}", "Spring2026!") for n in range(30)]
    limit = settings.ILJARI_LOGIN_ADDRESS_MAX_FAILURES
    assert [a.status_code for a in answers[:limit]] == [401] * limit
    refused = answers[limit:]
    assert {a.status_code for a in refused} == {429}
    page = refused[0].content.decode()
    assert "잠시 후 다시 시도하세요" in page and "분 후 다시 시도할 수 있습니다" in page
    assert 0 < int(refused[0]["Retry-After"]) <= settings.ILJARI_LOGIN_ADDRESS_MINUTES * 60 + 1
    # the right password does not get through from that address either, nor does it tell the sprayer so
    assert _login(SPRAYER, "t_staff", PASSWORD).status_code == 429
    assert LoginEvent.objects.filter(remote_addr=SPRAYER, outcome="failure").count() == limit
    assert LoginEvent.objects.filter(remote_addr=SPRAYER, outcome="throttled").count() == 30 - limit + 1
    # another address is not slowed
    assert _login(OFFICE, "t_staff", PASSWORD).status_code == 302


def test_the_address_limit_ends_when_its_window_has_passed(personas, settings):
    for n in range(settings.ILJARI_LOGIN_ADDRESS_MAX_FAILURES):
        _login(SPRAYER, f"user{n:02d}", "guess")
    assert _login(SPRAYER, "t_staff", PASSWORD).status_code == 429
    LoginEvent.objects.filter(remote_addr=SPRAYER).update(
        at=timezone.now() - timedelta(minutes=settings.ILJARI_LOGIN_ADDRESS_MINUTES, seconds=1)
    )
    assert _login(SPRAYER, "t_staff", PASSWORD).status_code == 302


def test_a_stranger_from_another_address_cannot_lock_a_user_out(personas, settings):
    for _ in range(settings.ILJARI_LOGIN_MAX_FAILURES * 2):
        _login(SPRAYER, "t_staff", "guess")
    refused = _login(SPRAYER, "t_staff", PASSWORD)
    assert refused.status_code == 403 and "이 접속 주소에서 계정이 잠겼습니다" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    assert _login(OFFICE, "t_staff", PASSWORD).status_code == 302


def test_an_address_that_keeps_guessing_one_user_stays_locked(personas, settings):
    """Attempts refused by the lock count in its window: hammering never frees a guess."""
    for _ in range(settings.ILJARI_LOGIN_MAX_FAILURES):
        _login(SPRAYER, "t_staff", "guess")
    LoginEvent.objects.filter(remote_addr=SPRAYER).update(
        at=timezone.now() - timedelta(minutes=settings.ILJARI_LOGIN_LOCK_MINUTES - 1)
    )
    for _ in range(settings.ILJARI_LOGIN_MAX_FAILURES):
        assert _login(SPRAYER, "t_staff", "guess").status_code == 403
    LoginEvent.objects.filter(remote_addr=SPRAYER, outcome="failure").update(
        at=timezone.now() - timedelta(minutes=settings.ILJARI_LOGIN_LOCK_MINUTES + 1)
    )
    assert _login(SPRAYER, "t_staff", PASSWORD).status_code == 403  # the refused attempts still fill the window
    assert LoginEvent.objects.filter(remote_addr=SPRAYER, outcome="failure").count() == 5


def test_the_api_token_login_keeps_the_same_limits_in_json(personas, settings):
    client = Client(REMOTE_ADDR=SPRAYER)
    for n in range(settings.ILJARI_LOGIN_ADDRESS_MAX_FAILURES):
        body = json.dumps({"username": f"user{n:02d}", "password": "guess"})
        assert client.post("/api/auth/token", body, content_type="application/json").status_code == 401
    body = json.dumps({"username": "t_staff", "password": PASSWORD})
    response = client.post("/api/auth/token", body, content_type="application/json")
    assert response.status_code == 429
    assert response.json()["code"] == "too_many_attempts" and "잠시 후 다시 시도하세요" in response.json()["message"]
    assert int(response["Retry-After"]) > 0
    other = Client(REMOTE_ADDR=OFFICE).post("/api/auth/token", body, content_type="application/json")
    assert other.status_code == 201
