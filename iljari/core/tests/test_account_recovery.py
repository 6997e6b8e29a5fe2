"""아이디 찾기, 비밀번호 재설정 and 잠긴 계정 풀기 by a one-time code to the registered e-mail or mobile number
(core.recovery), for citizens and organisation contacts; staff keep the administrator's way. Through HTTP, as a
citizen would do it, and through the services; the same answers whether or not an account exists."""

import re

import pytest
from django.test import Client

from iljari.core import recovery, services
from iljari.core.errors import ValidationFailed
from iljari.core.models import ApiToken, LoginEvent, OneTimeCode, User
from iljari.core.otp import PURPOSE_PASSWORD_RESET, OtpError
from iljari.core.roles import Role
from iljari.testing import PASSWORD

EMAIL = "kim.citizen@example.com"
MOBILE = "010-2345-6789"
NEW_PASSWORD = "Recovered!2018"


def _code_in(text: str) -> str:
    return re.search(r"인증번호는 (\d{6})", text).group(1)


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


@pytest.fixture
def citizen(db):
    return services.user_create(
        actor=None,
        username="kim2018",
        password=PASSWORD,
        role=Role.CITIZEN,
        display_name="김시민",
        email=EMAIL,
        phone=MOBILE,
    )


def _login(client, username, password, address="10.0.0.7"):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_login_page_links_to_the_three_recoveries(db):
    page = Client().get("/accounts/login/").content.decode()
    for href, label in (
        ("/accounts/find-username/", "아이디 찾기"),
        ("/accounts/password-reset/", "비밀번호 재설정"),
        ("/accounts/unlock/", "잠긴 계정 풀기"),
    ):
        assert f'href="{href}">{label}</a>' in page


def test_a_citizen_finds_their_user_name_by_e_mail(citizen, mailoutbox):
    client = Client()
    response = client.post("/accounts/find-username/", {"destination": "Kim.Citizen@example.com"})
    assert response.status_code == 302 and response["Location"] == "/accounts/find-username/code/"
    assert (
        "ki*********@example.com(으)로 인증번호 6자리를 보냈습니다" in client.get(response["Location"]).content.decode()
    )
    assert mailoutbox[0].to == [EMAIL] and "아이디 찾기 인증번호" in mailoutbox[0].subject
    response = client.post("/accounts/find-username/code/", {"code": _code_in(mailoutbox[0].body)}, follow=True)
    assert response.redirect_chain[-1] == ("/accounts/login/", 302)
    assert "이 연락처로 가입한 아이디: kim2018" in response.content.decode()
    assert OneTimeCode.objects.get().used_at is not None


def test_a_citizen_resets_the_password_by_a_text_message(citizen, sms_outbox):
    services.api_token_issue(user=citizen, name="내 앱")
    client = Client()
    response = client.post("/accounts/password-reset/", {"username": "kim2018", "destination": "01023456789"})
    assert response["Location"] == "/accounts/password-reset/code/"
    assert sms_outbox[0].phone == "01023456789" and "비밀번호 재설정 인증번호는" in sms_outbox[0].text
    response = client.post(
        "/accounts/password-reset/code/",
        {"code": _code_in(sms_outbox[0].text), "new_password": NEW_PASSWORD, "new_password_confirm": NEW_PASSWORD},
        follow=True,
    )
    assert "비밀번호를 새로 정했습니다. 새 비밀번호로 로그인하십시오." in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.check_password(NEW_PASSWORD) and not citizen.check_password(PASSWORD)
    assert not citizen.must_change_password
    event = LoginEvent.objects.get(user=citizen, outcome=LoginEvent.Outcome.PASSWORD_RESET)
    assert event.actor is None
    assert not ApiToken.objects.filter(user=citizen, revoked_at__isnull=True).exists()
    assert _login(Client(), "kim2018", NEW_PASSWORD)["Location"] == "/"


def test_an_organisation_contact_uses_the_same_reset(personas, mailoutbox):
    contact = personas[Role.ORGANISATION]
    User.objects.filter(pk=contact.pk).update(email="contact@company.example")
    client = Client()
    client.post("/accounts/password-reset/", {"username": contact.username, "destination": "contact@company.example"})
    client.post(
        "/accounts/password-reset/code/",
        {"code": _code_in(mailoutbox[0].body), "new_password": NEW_PASSWORD, "new_password_confirm": NEW_PASSWORD},
    )
    contact.refresh_from_db()
    assert contact.check_password(NEW_PASSWORD)


@pytest.mark.parametrize(
    ("username", "destination"),
    [
        ("kim2018", "someone.else@example.com"),  # the account exists, the contact is not its own
        ("nobody99", EMAIL),  # the contact is registered, the user name is not its account
        ("nobody99", "nobody@example.com"),  # nothing at all
    ],
    ids=["wrong contact", "wrong user name", "no account"],
)
def test_a_reset_request_answers_the_same_whether_or_not_the_account_matches(
    citizen, mailoutbox, settings, username, destination
):
    settings.ILJARI_OTP_RESEND_SECONDS = 0
    matching, other = Client(), Client()
    sent = matching.post("/accounts/password-reset/", {"username": "kim2018", "destination": EMAIL})
    asked = other.post("/accounts/password-reset/", {"username": username, "destination": destination})
    assert (asked.status_code, asked["Location"]) == (sent.status_code, sent["Location"])
    page = other.get("/accounts/password-reset/code/").content.decode()
    assert "입력한 정보와 맞는 계정이 있으면" in page and "인증번호 6자리를 보냈습니다" in page
    assert [mail.to for mail in mailoutbox] == [[EMAIL]]  # the unmatched request sent nothing
    response = other.post(
        "/accounts/password-reset/code/",
        {"code": _code_in(mailoutbox[0].body), "new_password": NEW_PASSWORD, "new_password_confirm": NEW_PASSWORD},
    )
    assert response.status_code == 400
    assert "인증번호가 일치하지 않습니다. 4번 더 입력할 수 있습니다." in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_staff_accounts_are_not_reset_by_code(personas, mailoutbox):
    staff = personas[Role.DIVISION_STAFF]
    User.objects.filter(pk=staff.pk).update(email="staff@seoul.example")
    response = Client().post(
        "/accounts/password-reset/", {"username": staff.username, "destination": "staff@seoul.example"}
    )
    assert response.status_code == 302 and mailoutbox == []
    assert recovery.recovery_accounts(destination="staff@seoul.example") == []


def test_a_rule_breaking_new_password_is_refused_and_the_code_stays_usable(citizen, mailoutbox):
    client = Client()
    client.post("/accounts/password-reset/", {"username": "kim2018", "destination": EMAIL})
    code = _code_in(mailoutbox[0].body)
    response = client.post(
        "/accounts/password-reset/code/", {"code": code, "new_password": "short", "new_password_confirm": "short"}
    )
    assert response.status_code == 400 and "2종류 이상으로 10자 이상" in response.content.decode()
    assert code not in response.content.decode()
    assert OneTimeCode.objects.get().used_at is None
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)
    response = client.post(
        "/accounts/password-reset/code/",
        {"code": code, "new_password": NEW_PASSWORD, "new_password_confirm": NEW_PASSWORD},
    )
    assert response["Location"] == "/accounts/login/"


def test_the_lock_message_tells_a_citizen_how_to_unlock_it_themselves(citizen):
    client = Client()
    for _ in range(5):
        response = _login(client, "kim2018", "wrong-password")
    page = response.content.decode()
    assert response.status_code == 403
    assert "로그인 화면의 ‘잠긴 계정 풀기’에서 가입할 때 등록한 휴대전화나 전자우편으로" in page
    assert "직접 잠금을 풀 수 있습니다" in page
    assert "시스템관리자에게 잠금 해제를 요청하십시오" not in page


def test_the_lock_message_of_a_user_name_nobody_holds_is_the_citizens(db):
    client = Client()
    for _ in range(5):
        response = _login(client, "nobody99", "wrong-password")
    assert response.status_code == 403 and "직접 잠금을 풀 수 있습니다" in response.content.decode()


def test_a_staff_account_keeps_the_administrators_unlock(personas):
    client = Client()
    for _ in range(5):
        response = _login(client, personas[Role.DIVISION_STAFF].username, "wrong-password")
    page = response.content.decode()
    assert response.status_code == 403 and "시스템관리자에게 잠금 해제를 요청하십시오" in page
    assert "직접 잠금을 풀 수 있습니다" not in page


def test_a_citizen_unlocks_their_account_by_a_code(citizen, mailoutbox):
    client = Client()
    for _ in range(5):
        _login(client, "kim2018", "wrong-password")
    assert _login(client, "kim2018", PASSWORD).status_code == 403  # locked even with the right password
    response = client.post("/accounts/unlock/", {"username": "kim2018", "destination": EMAIL})
    assert response["Location"] == "/accounts/unlock/code/"
    assert "계정 잠금 해제 인증번호는" in mailoutbox[0].body
    response = client.post("/accounts/unlock/code/", {"code": _code_in(mailoutbox[0].body)}, follow=True)
    assert "계정 잠금을 풀었습니다" in response.content.decode()
    assert LoginEvent.objects.filter(user=citizen, outcome=LoginEvent.Outcome.UNLOCKED, actor=None).count() == 1
    assert _login(client, "kim2018", PASSWORD)["Location"] == "/"


def test_a_wrong_unlock_code_unlocks_nothing(citizen, mailoutbox):
    client = Client()
    for _ in range(5):
        _login(client, "kim2018", "wrong-password")
    client.post("/accounts/unlock/", {"username": "kim2018", "destination": EMAIL})
    response = client.post("/accounts/unlock/code/", {"code": _wrong(_code_in(mailoutbox[0].body))})
    assert response.status_code == 400 and "인증번호가 일치하지 않습니다" in response.content.decode()
    assert not LoginEvent.objects.filter(outcome=LoginEvent.Outcome.UNLOCKED).exists()
    assert _login(client, "kim2018", PASSWORD).status_code == 403


@pytest.mark.parametrize("destination", [EMAIL, "nobody@example.com"], ids=["registered", "unregistered"])
def test_requests_for_codes_are_rate_limited_the_same_for_any_contact(citizen, mailoutbox, settings, destination):
    settings.ILJARI_OTP_RESEND_SECONDS = 0
    for _ in range(5):
        assert Client().post("/accounts/find-username/", {"destination": destination}).status_code == 302
    response = Client().post("/accounts/find-username/", {"destination": destination})
    assert response.status_code == 429
    assert "같은 곳으로는 한 시간에 5번까지 인증번호를 받을 수 있습니다" in response.content.decode()


def test_a_resend_within_a_minute_is_refused(citizen, mailoutbox):
    client = Client()
    client.post("/accounts/find-username/", {"destination": EMAIL})
    response = client.post("/accounts/find-username/", {"destination": EMAIL})
    assert response.status_code == 400 and "60초에 한 번만 다시 받을 수 있습니다" in response.content.decode()
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    "path", ["/accounts/find-username/code/", "/accounts/password-reset/code/", "/accounts/unlock/code/"]
)
def test_a_code_page_needs_its_own_request_first(db, path):
    assert Client().get(path)["Location"] == path.removesuffix("code/")


def test_a_code_asked_for_one_recovery_does_not_serve_another(citizen, mailoutbox):
    client = Client()
    client.post("/accounts/find-username/", {"destination": EMAIL})
    assert client.get("/accounts/unlock/code/")["Location"] == "/accounts/unlock/"
    code = _code_in(mailoutbox[0].body)
    with pytest.raises(OtpError):
        recovery.recovery_code_verify(purpose=PURPOSE_PASSWORD_RESET, destination=EMAIL, code=code)


@pytest.mark.parametrize(
    "path", ["/accounts/find-username/", "/accounts/password-reset/", "/accounts/unlock/", "/accounts/unlock/code/"]
)
def test_a_logged_in_user_is_sent_home(client_as, path):
    response = client_as(Role.CITIZEN).get(path)
    assert response.status_code == 302 and response["Location"] == "/"


def test_the_services_need_a_verified_code(citizen, mailoutbox):
    recovery.recovery_code_send(purpose=PURPOSE_PASSWORD_RESET, destination=EMAIL, username="kim2018", remote_addr=None)
    unverified = OneTimeCode.objects.get()
    with pytest.raises(OtpError, match="인증번호 확인을 마치지 않았습니다"):
        recovery.recovery_password_reset(
            otp_id=unverified.pk, destination=EMAIL, username="kim2018", new_password=NEW_PASSWORD
        )
    with pytest.raises(ValidationFailed) as caught:
        recovery.recovery_code_send(purpose=PURPOSE_PASSWORD_RESET, destination=EMAIL, username="", remote_addr=None)
    assert caught.value.field_errors == {"username": ["아이디를 입력하십시오."]}
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)
