"""The second factor: enrolment with an authenticator app (QR code drawn on the server, the secret to type in, a code
to confirm, ten recovery codes shown once), the code after the password at login, wrong codes counted in the login
limits, recovery codes used once, the role's requirement, the API's token — through HTTP.

A TOTP code is computed here from the secret the page shows (RFC 6238: 30-second steps, six digits), as the
holder's phone would. django-otp refuses a code of a time step used before, so a login right after the enrolment
gives the next step's code (one step of drift is accepted)."""

import base64
import logging
import re

import pytest
from django.test import Client
from django_otp.oath import totp
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_hypothesis
from hypothesis import strategies as st

from iljari.core import services
from iljari.core.errors import ValidationFailed
from iljari.core.models import LoginEvent, User
from iljari.core.roles import Role
from iljari.core.second_factor import (
    second_factor_check,
    second_factor_device_pending,
    second_factor_enrolled,
    second_factor_required,
)
from iljari.org.models import OrgUnit
from iljari.testing import PASSWORD

ENROL = "/accounts/me/second-factor/"
CODE = "/accounts/login/code/"


def _code(secret_text: str, drift: int = 0) -> str:
    secret = secret_text.replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key, step=30, digits=6, drift=drift):06d}"


def _login(client, username, password=PASSWORD):
    return client.post("/accounts/login/", {"username": username, "password": password})


def _enrol(client) -> tuple[str, list[str]]:
    page = client.get(ENROL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "<svg" in text and 'aria-label="인증 앱에 등록할 QR 코드"' in text  # drawn on the server, inline
    secret = re.search(r'data-testid="secret">([A-Z2-7 ]+)<', text).group(1)
    done = client.post(ENROL, {"code": _code(secret)})
    assert done.status_code == 200, done.content.decode()
    codes = re.findall(r"<li><code>([a-z2-9]{4}-[a-z2-9]{4})</code></li>", done.content.decode())
    return secret, codes


@pytest.fixture
def staff_client(personas):
    client = Client()
    assert _login(client, "t_staff").status_code == 302
    return client


def test_enrol_then_log_in_with_the_code_and_then_with_a_recovery_code_once(personas, staff_client):
    staff = personas[Role.DIVISION_STAFF]
    secret, codes = _enrol(staff_client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert LoginEvent.objects.filter(user=staff, outcome=LoginEvent.Outcome.SECOND_FACTOR_ON).count() == 1
    assert "남은 복구 코드" in staff_client.get(ENROL).content.decode()  # the codes are not shown again

    # the password alone no longer logs in: the code page comes next, and nothing else opens meanwhile
    client = Client()
    response = _login(client, "t_staff")
    assert response.status_code == 302 and response["Location"] == CODE
    assert client.get("/org/")["Location"].startswith("/accounts/login/")
    assert LoginEvent.objects.filter(user=staff, outcome=LoginEvent.Outcome.PASSWORD_OK).count() == 1

    wrong = client.post(CODE, {"code": "000000" if _code(secret, 1) != "000000" else "111111"})
    assert wrong.status_code == 400 and "인증 코드가 올바르지 않습니다" in wrong.content.decode()
    assert LoginEvent.objects.filter(user=staff, outcome=LoginEvent.Outcome.CODE_FAILURE).count() == 1
    good = client.post(CODE, {"code": _code(secret, 1)})
    assert good.status_code == 302 and good["Location"] == "/"
    assert client.get("/org/").status_code == 200

    # the same code again (a replay) is refused
    replay = Client()
    _login(replay, "t_staff")
    assert replay.post(CODE, {"code": _code(secret, 1)}).status_code == 400

    # a recovery code works once (written as printed, or in capitals without the hyphen)
    first = Client()
    _login(first, "t_staff")
    used = first.post(CODE, {"code": codes[0].upper().replace("-", "")}, follow=True)
    assert used.status_code == 200 and "남은 복구 코드는 9개" in used.content.decode()
    assert LoginEvent.objects.filter(user=staff, outcome=LoginEvent.Outcome.RECOVERY_USED).count() == 1
    second = Client()
    _login(second, "t_staff")
    assert second.post(CODE, {"code": codes[0]}).status_code == 400
    assert second.post(CODE, {"code": codes[1]}).status_code == 302


def test_five_wrong_codes_lock_the_user_name_at_that_address_like_passwords(personas, staff_client):
    secret, _ = _enrol(staff_client)
    client = Client()
    _login(client, "t_staff")
    wrong = "123456" if _code(secret, 1) != "123456" else "654321"
    statuses = [client.post(CODE, {"code": wrong}).status_code for _ in range(5)]
    assert statuses == [400, 400, 400, 400, 403]
    locked = client.post(CODE, {"code": _code(secret, 1)})
    assert locked.status_code == 403 and "잠겼습니다" in locked.content.decode()
    # the right password again does not start the count of wrong codes anew
    again = Client()
    assert _login(again, "t_staff").status_code == 403


def test_the_code_page_needs_the_password_step_first_and_expires(personas, staff_client, settings):
    _enrol(staff_client)
    assert Client().get(CODE)["Location"] == "/accounts/login/"
    settings.ILJARI_SECOND_FACTOR_PENDING_MINUTES = 0
    client = Client()
    _login(client, "t_staff")
    response = client.post(CODE, {"code": "123456"}, follow=True)
    assert "다시 로그인하십시오" in response.content.decode()


def _auditor(**extra) -> User:
    return services.user_create(
        actor=None, username="real_auditor", password="Audit!trail2018", role=Role.AUDITOR, **extra
    )


def test_a_role_that_requires_it_is_led_to_enrolment_and_the_api_refuses_meanwhile(org):
    auditor = _auditor()
    client = Client()
    assert _login(client, "real_auditor", "Audit!trail2018").status_code == 302
    for path in ("/", "/history/", "/accounts/me/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == ENROL, path
    assert "반드시 써야 합니다" in client.get(ENROL).content.decode()
    api = client.get("/api/me")
    assert api.status_code == 403 and api.json()["code"] == "second_factor_required"
    token = Client().post(
        "/api/auth/token", {"username": "real_auditor", "password": "Audit!trail2018"}, content_type="application/json"
    )
    assert token.status_code == 403 and token.json()["code"] == "second_factor_required"

    secret, _ = _enrol(client)
    assert client.get("/history/").status_code == 200

    # the API's token now needs the code too
    no_code = Client().post(
        "/api/auth/token", {"username": "real_auditor", "password": "Audit!trail2018"}, content_type="application/json"
    )
    assert no_code.status_code == 401 and "코드(code)" in no_code.json()["message"]
    issued = Client().post(
        "/api/auth/token",
        {"username": "real_auditor", "password": "Audit!trail2018", "code": _code(secret, 1)},
        content_type="application/json",
    )
    assert issued.status_code == 201
    assert auditor.api_tokens.count() == 1


@pytest.mark.parametrize(("role", "required"), [(role, role in (Role.SYSTEM_ADMIN, Role.AUDITOR)) for role in Role])
def test_the_default_requirement_by_role(org, role, required):
    assert second_factor_required(User(role=role)) is required


def test_the_required_roles_are_a_setting(org, settings):
    settings.ILJARI_SECOND_FACTOR_ROLES = ["division_staff"]
    staff = services.user_create(
        actor=None,
        username="policy_staff",
        password="Green!lantern77",
        role=Role.DIVISION_STAFF,
        org_unit=OrgUnit.objects.get(code="JOBS-POLICY"),
    )
    client = Client()
    _login(client, staff.username, "Green!lantern77")
    assert client.get("/")["Location"] == ENROL
    _auditor()
    other = Client()
    _login(other, "real_auditor", "Audit!trail2018")
    assert other.get("/").status_code == 200


def test_demo_personas_are_exempt_only_while_exemptions_are_on(personas, settings, client_as):
    assert client_as(Role.AUDITOR).get("/history/").status_code == 200
    settings.ILJARI_SECOND_FACTOR_EXEMPTIONS = False
    assert client_as(Role.AUDITOR).get("/history/")["Location"] == ENROL


def test_the_admin_resets_a_lost_authenticator(personas, staff_client, client_as):
    staff = personas[Role.DIVISION_STAFF]
    _enrol(staff_client)
    admin = client_as(Role.SYSTEM_ADMIN)
    page = admin.get(f"/accounts/users/{staff.pk}/").content.decode()
    assert "등록됨 · 남은 복구 코드 10개" in page
    assert admin.post(f"/accounts/users/{staff.pk}/second-factor-reset/").status_code == 302
    event = LoginEvent.objects.get(user=staff, outcome=LoginEvent.Outcome.SECOND_FACTOR_OFF)
    assert event.actor == personas[Role.SYSTEM_ADMIN]
    client = Client()
    assert _login(client, "t_staff")["Location"] == "/"  # the password alone again (the role does not require it)


def test_a_wrong_enrolment_code_is_refused_in_korean_and_enrols_nothing(personas, staff_client):
    staff_client.get(ENROL)
    response = staff_client.post(ENROL, {"code": "12345"})
    assert response.status_code == 400 and "6자리 숫자" in response.content.decode()
    assert not LoginEvent.objects.filter(outcome=LoginEvent.Outcome.SECOND_FACTOR_ON).exists()
    assert _login(Client(), "t_staff")["Location"] == "/"


def test_the_secret_and_the_codes_are_in_no_log_line_and_no_url(personas, staff_client, caplog):
    with caplog.at_level(logging.DEBUG):
        secret, codes = _enrol(staff_client)
        client = Client()
        response = _login(client, "t_staff")
        code = _code(secret, 1)
        client.post(CODE, {"code": code})
    compact = secret.replace(" ", "")
    for record in caplog.records:
        message = record.getMessage()
        assert compact not in message and code not in message
        assert not any(one in message for one in codes)
    assert compact not in response["Location"]
    stored = list(
        User.objects.get(pk=personas[Role.DIVISION_STAFF].pk)
        .staticdevice_set.get()
        .token_set.values_list("token", flat=True)
    )
    assert not set(stored) & {one.replace("-", "") for one in codes}  # only their HMACs are kept


def test_after_the_admins_reset_a_required_role_enrols_again_at_once_and_its_tokens_go(org, personas, client_as):
    auditor = _auditor()
    client = Client()
    _login(client, "real_auditor", "Audit!trail2018")
    _enrol(client)
    assert client.get("/history/").status_code == 200
    _, raw = services.api_token_issue(user=auditor)
    client_as(Role.SYSTEM_ADMIN).post(f"/accounts/users/{auditor.pk}/second-factor-reset/")
    assert client.get("/history/")["Location"] == ENROL  # the same session, at its next page
    assert Client().get("/api/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401


@settings_hypothesis(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=30))
def test_any_text_as_a_code_is_refused_in_korean_and_never_a_server_error(personas, text):
    staff = personas[Role.DIVISION_STAFF]
    second_factor_device_pending(staff)
    assert second_factor_check(staff, text) is None  # nothing enrolled yet: no text passes
    with pytest.raises(ValidationFailed) as refused:
        services.second_factor_enrol_confirm(user=staff, code=text if len(text) != 6 else text + "x")
    message = " ".join(refused.value.field_errors.get("code", [])) or refused.value.message
    assert re.search("[가-힣]", message)
    assert not second_factor_enrolled(staff)


def test_a_new_auditor_first_changes_the_password_then_enrols(client_as):
    made = client_as(Role.SYSTEM_ADMIN).post(
        "/accounts/users/new/",
        {"username": "new_auditor", "display_name": "새 감사", "role": "auditor", "password": "Given!byadmin7"},
    )
    assert made.status_code == 302
    client = Client()
    _login(client, "new_auditor", "Given!byadmin7")
    assert client.get("/history/")["Location"] == "/accounts/me/password/"
    assert client.get(ENROL)["Location"] == "/accounts/me/password/"  # the password first
    client.post(
        "/accounts/me/password/",
        {"old_password": "Given!byadmin7", "new_password": "Mine!alone2018", "new_password_confirm": "Mine!alone2018"},
    )
    assert client.get("/history/")["Location"] == ENROL
    _enrol(client)
    assert client.get("/history/").status_code == 200
