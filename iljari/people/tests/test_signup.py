"""Citizen sign-up on the portal: contact and one-time code, identity verification through one interface, then the
account — created with the person, or linked to the person registered on paper — in one transaction."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from iljari.core.models import AccessLogEntry, LoginEvent, OneTimeCode, User
from iljari.core.roles import Role
from iljari.core.tests.test_settings_and_headers import _run
from iljari.people import services
from iljari.people.identity import IdentityNotVerified
from iljari.people.models import Consent, Person

EMAIL = "hong@example.com"
RRN = "900101-1234567"
DIGITS = "9001011234567"
PASSWORD = "Signup!2018pw"
IDENTITY = {"name": "홍길동", "rrn": RRN}
CONSENTS = {"consent_personal_data": "on", "consent_unique_identifier": "on"}
ACCOUNT = {
    "address": "서울특별시 중구 세종대로 110",
    "district": "outside",
    "postal_code": "04524",
    "username": "hong2018",
    "password": PASSWORD,
    "password_confirm": PASSWORD,
}


def _code_in(text: str) -> str:
    return re.search(r"인증번호는 (\d{6})", text).group(1)


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def _start(client, destination=EMAIL):
    """Steps 1 and 2: both consents, then the contact; the answer to the contact step."""
    response = client.post("/portal/signup/", CONSENTS)
    assert response.status_code == 302 and response["Location"] == "/portal/signup/contact/"
    return client.post("/portal/signup/contact/", {"destination": destination})


def _through_code(client, mailoutbox, destination=EMAIL):
    response = _start(client, destination)
    assert response.status_code == 302 and response["Location"] == "/portal/signup/code/"
    response = client.post("/portal/signup/code/", {"code": _code_in(mailoutbox[-1].body)})
    assert response.status_code == 302 and response["Location"] == "/portal/signup/identity/"


def _through_identity(client, mailoutbox, **identity):
    _through_code(client, mailoutbox)
    response = client.post("/portal/signup/identity/", {**IDENTITY, **identity})
    assert response.status_code == 302 and response["Location"] == "/portal/signup/account/", response.content


def _paper_person(**overrides):
    values = {
        "actor": None,
        "name": "홍길동",
        "birth_date": date(1990, 1, 1),
        "sex": "M",
        "rrn": RRN,
        "consents": ["personal_data", "unique_identifier"],
        "context": "담당자 등록(서면 신청)",
    }
    values.update(overrides)
    return services.person_register(**values)


def test_a_citizen_signs_up_by_e_mail_and_lands_on_the_calls(db, mailoutbox):
    client = Client()
    assert client.get("/portal/signup/").status_code == 200
    _through_identity(client, mailoutbox)
    page = client.get("/portal/signup/account/").content.decode()
    assert "900101-1******" in page and "hong@example.com" in page
    response = client.post("/portal/signup/account/", ACCOUNT, follow=True)
    assert response.redirect_chain[-1] == ("/portal/calls/", 302)
    assert response.status_code == 200 and "환영합니다, 홍길동님" in response.content.decode()

    user = User.objects.get(username="hong2018")
    assert user.role == Role.CITIZEN and user.email == EMAIL and user.check_password(PASSWORD)
    person = Person.objects.get(user=user)
    assert (person.name, person.birth_date, person.sex, person.rrn, person.email) == (
        "홍길동",
        date(1990, 1, 1),
        "M",
        DIGITS,
        EMAIL,
    )
    assert sorted(c.purpose for c in person.consents.all()) == ["personal_data", "unique_identifier"]
    assert {c.context for c in person.consents.all()} == {"온라인 가입"}
    entry = AccessLogEntry.objects.get(subject_type="people.person", subject_ids=str(person.pk))
    assert entry.action == "create" and entry.user == user and "온라인 가입" in entry.detail
    assert LoginEvent.objects.filter(user=user, outcome="success").count() == 1
    assert int(client.session["_auth_user_id"]) == user.pk
    assert "iljari_signup" not in client.session


def test_a_citizen_signs_up_with_a_mobile_number(db, sms_outbox, mailoutbox):
    client = Client()
    response = _start(client, "010 9876 5432")
    assert response.status_code == 302
    assert "010-****-5432" in client.get("/portal/signup/code/").content.decode()
    assert mailoutbox == [] and sms_outbox[0].phone == "01098765432"
    client.post("/portal/signup/code/", {"code": _code_in(sms_outbox[0].text)})
    client.post("/portal/signup/identity/", IDENTITY)
    response = client.post("/portal/signup/account/", ACCOUNT)
    assert response["Location"] == "/portal/calls/"
    person = Person.objects.get(user__username="hong2018")
    assert person.phone == "010-9876-5432" and person.user.phone == "010-9876-5432"


def test_each_step_needs_the_one_before(db, mailoutbox):
    client = Client()
    assert client.get("/portal/signup/contact/")["Location"] == "/portal/signup/"
    assert client.get("/portal/signup/code/")["Location"] == "/portal/signup/"
    assert client.get("/portal/signup/identity/")["Location"] == "/portal/signup/"
    assert client.get("/portal/signup/account/")["Location"] == "/portal/signup/"
    client.post("/portal/signup/", CONSENTS)
    assert client.get("/portal/signup/code/")["Location"] == "/portal/signup/contact/"
    client.post("/portal/signup/contact/", {"destination": EMAIL})
    assert client.get("/portal/signup/identity/")["Location"] == "/portal/signup/code/"
    assert client.post("/portal/signup/identity/", IDENTITY)["Location"] == "/portal/signup/code/"
    assert client.get("/portal/signup/account/")["Location"] == "/portal/signup/"
    assert Person.objects.count() == 0


def test_an_expired_code_is_refused_in_korean(db, mailoutbox, monkeypatch):
    client = Client()
    _start(client)
    later = timezone.now() + timedelta(minutes=5, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = client.post("/portal/signup/code/", {"code": _code_in(mailoutbox[0].body)})
    assert response.status_code == 400
    assert "인증번호의 유효시간(5분)이 지났습니다. 인증번호를 다시 받으십시오." in response.content.decode()


def test_wrong_codes_are_counted_and_the_fifth_voids_the_code(db, mailoutbox):
    client = Client()
    _start(client)
    code = _code_in(mailoutbox[0].body)
    response = client.post("/portal/signup/code/", {"code": _wrong(code)})
    assert response.status_code == 400 and "인증번호가 일치하지 않습니다. 4번 더 입력할 수 있습니다." in (
        response.content.decode()
    )
    for _ in range(4):
        response = client.post("/portal/signup/code/", {"code": _wrong(code)})
    assert "인증번호를 5번 잘못 입력하여 이 인증번호는 더 이상 쓸 수 없습니다" in response.content.decode()
    response = client.post("/portal/signup/code/", {"code": code})
    assert response.status_code == 400 and "더 이상 쓸 수 없습니다" in response.content.decode()
    assert OneTimeCode.objects.get().attempts == 5


def test_a_resend_within_a_minute_waits_and_the_new_code_replaces_the_old(db, mailoutbox, monkeypatch):
    client = Client()
    _start(client)
    response = client.post("/portal/signup/code/resend/", follow=True)
    assert "60초에 한 번만 다시 받을 수 있습니다" in response.content.decode()
    assert len(mailoutbox) == 1
    later = timezone.now() + timedelta(seconds=61)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = client.post("/portal/signup/code/resend/", follow=True)
    assert "인증번호를 ho**@example.com(으)로 다시 보냈습니다" in response.content.decode()
    assert len(mailoutbox) == 2
    old, new = _code_in(mailoutbox[0].body), _code_in(mailoutbox[1].body)
    if old != new:
        assert client.post("/portal/signup/code/", {"code": old}).status_code == 400
    assert client.post("/portal/signup/code/", {"code": new})["Location"] == "/portal/signup/identity/"


def test_too_many_codes_to_one_address_are_refused_in_korean(db, mailoutbox, settings):
    settings.ILJARI_OTP_RESEND_SECONDS = 0
    for _ in range(5):
        assert _start(Client()).status_code == 302
    response = _start(Client())
    assert response.status_code == 429
    assert "같은 곳으로는 한 시간에 5번까지 인증번호를 받을 수 있습니다" in response.content.decode()


def test_the_code_appears_in_no_url_no_page_and_no_row(db, mailoutbox):
    client = Client()
    pages = []
    response = _start(client)
    code = _code_in(mailoutbox[0].body)
    pages.append(response["Location"])
    pages.append(client.get("/portal/signup/code/").content.decode())
    wrong = client.post("/portal/signup/code/", {"code": _wrong(code)})
    pages.append(wrong.content.decode().replace(_wrong(code), ""))  # the wrong try is not echoed either
    assert _wrong(code) not in wrong.content.decode()
    response = client.post("/portal/signup/code/", {"code": code})
    pages.append(response["Location"])
    assert all(code not in page for page in pages)
    stored = " ".join(str(value) for value in OneTimeCode.objects.values_list().get())
    assert code not in stored


def test_the_resident_number_is_never_in_the_session_in_clear(db, mailoutbox):
    client = Client()
    _through_identity(client, mailoutbox)
    raw = Session.objects.get(session_key=client.session.session_key).session_data
    decoded = str(dict(client.session))
    for text in (raw, decoded):
        assert DIGITS not in text and RRN not in text and "1234567" not in text
    page = client.get("/portal/signup/account/").content.decode()
    assert DIGITS not in page and "1234567" not in page


def test_identity_is_checked_by_the_configured_verifier(db, mailoutbox, settings):
    settings.ILJARI_IDENTITY_VERIFIER = "iljari.people.tests.test_signup.RefusingVerifier"
    client = Client()
    _through_code(client, mailoutbox)
    response = client.post("/portal/signup/identity/", IDENTITY)
    assert response.status_code == 400
    assert "휴대폰 본인확인 결과가 입력한 정보와 다릅니다" in response.content.decode()
    assert client.get("/portal/signup/account/")["Location"] == "/portal/signup/identity/"


class RefusingVerifier:
    code = "refusing"
    label = "거절하는 본인확인(시험용)"

    def verify(self, *, name, birth_date, sex, rrn, contact, evidence=""):
        raise IdentityNotVerified("휴대폰 본인확인 결과가 입력한 정보와 다릅니다.")


def test_a_malformed_number_is_refused_without_repeating_it(db, mailoutbox):
    client = Client()
    _through_code(client, mailoutbox)
    response = client.post("/portal/signup/identity/", {**IDENTITY, "rrn": "901301-1234567"})
    assert response.status_code == 400 and "앞자리의 생년월일이 올바르지 않습니다" in response.content.decode()
    assert "901301" not in response.content.decode()


def test_a_number_that_already_has_an_account_is_refused_without_saying_whose(personas, mailoutbox):
    owner = personas[Role.CITIZEN]
    _paper_person(user=owner, name="한시민")
    client = Client()
    _through_code(client, mailoutbox)
    response = client.post("/portal/signup/identity/", IDENTITY)
    page = response.content.decode()
    assert response.status_code == 400 and "이 본인확인 정보로 이미 만들어진 계정이 있습니다" in page
    assert owner.username not in page and "한시민" not in page
    assert User.objects.filter(role=Role.CITIZEN).count() == 1


def test_an_account_made_meanwhile_for_the_number_is_refused_at_the_last_step(personas, mailoutbox):
    client = Client()
    _through_identity(client, mailoutbox)
    _paper_person(user=personas[Role.CITIZEN])  # another sign-up finished in the meantime
    response = client.post("/portal/signup/account/", ACCOUNT)
    page = response.content.decode()
    assert response.status_code == 400 and "이미 만들어진 계정이 있습니다" in page and "t_citizen" not in page
    assert not User.objects.filter(username="hong2018").exists()
    assert OneTimeCode.objects.get().used_at is None


def test_a_person_registered_on_paper_gets_the_new_account_linked(db, mailoutbox):
    paper = _paper_person(phone="02-120")
    client = Client()
    _through_identity(client, mailoutbox)
    assert client.post("/portal/signup/account/", ACCOUNT)["Location"] == "/portal/calls/"
    paper.refresh_from_db()
    assert paper.user.username == "hong2018"
    assert paper.phone == "02-120" and paper.email == EMAIL  # kept what was there, added what was missing
    assert Person.objects.count() == 1
    contexts = sorted(paper.consents.values_list("context", flat=True))
    assert contexts == ["담당자 등록(서면 신청)"] * 2 + ["온라인 가입"] * 2
    entry = AccessLogEntry.objects.get(subject_ids=str(paper.pk))
    assert entry.action == "change" and "서면 등록자에 계정 연결" in entry.detail


def test_a_paper_person_is_linked_only_after_identity_verification(db, mailoutbox, settings):
    paper = _paper_person()
    settings.ILJARI_IDENTITY_VERIFIER = "iljari.people.tests.test_signup.RefusingVerifier"
    client = Client()
    _through_code(client, mailoutbox)
    client.post("/portal/signup/identity/", IDENTITY)
    assert client.post("/portal/signup/account/", ACCOUNT)["Location"] == "/portal/signup/identity/"
    with pytest.raises(TypeError):
        services.citizen_signup(
            identity={"rrn": RRN},
            otp_id=OneTimeCode.objects.get().pk,
            username="x",
            password=PASSWORD,
            consents=[],
            remote_addr=None,
        )
    paper.refresh_from_db()
    assert paper.user is None and User.objects.count() == 0


@pytest.mark.parametrize("on_paper", [False, True], ids=["new person", "paper person"])
def test_nothing_is_written_when_the_last_step_fails(db, mailoutbox, monkeypatch, on_paper):
    if on_paper:
        _paper_person()
    client = Client()
    _through_identity(client, mailoutbox)
    before = (Person.objects.count(), Consent.objects.count(), AccessLogEntry.objects.count())

    def fail(**kwargs):
        raise RuntimeError("access log unavailable")

    monkeypatch.setattr(services, "access_log_record", fail)
    with pytest.raises(RuntimeError):
        client.post("/portal/signup/account/", ACCOUNT)
    assert (Person.objects.count(), Consent.objects.count(), AccessLogEntry.objects.count()) == before
    assert not User.objects.exists()
    assert not Person.objects.filter(user__isnull=False).exists()
    assert OneTimeCode.objects.get().used_at is None  # the code was not spent either
    monkeypatch.undo()
    assert client.post("/portal/signup/account/", ACCOUNT)["Location"] == "/portal/calls/"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"password": "short", "password_confirm": "short"}, "2종류 이상으로 10자 이상"),
        ({"password_confirm": "Other!2018pw"}, "비밀번호가 서로 다릅니다"),
        ({"username": "t_staff"}, "이미 쓰이는 아이디입니다"),
        ({"username": "홍길동"}, "아이디는 영문 소문자로 시작하는"),
        ({"address": "  "}, "필수 항목"),
        ({"district": ""}, "필수 항목"),
        ({"postal_code": "0452"}, "우편번호는 숫자 5자리"),
    ],
)
def test_a_refused_last_step_is_explained_and_writes_nothing(personas, mailoutbox, changes, message):
    client = Client()
    _through_identity(client, mailoutbox)
    accounts = User.objects.count()
    response = client.post("/portal/signup/account/", {**ACCOUNT, **changes})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert User.objects.count() == accounts and Person.objects.count() == 0
    assert OneTimeCode.objects.get().used_at is None


def test_the_verified_number_expires_with_the_sign_up(db, mailoutbox, monkeypatch):
    client = Client()
    _through_identity(client, mailoutbox)
    import time

    later = time.time() + 31 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.post("/portal/signup/account/", ACCOUNT, follow=True)
    assert response.redirect_chain[-1] == ("/portal/signup/", 302)
    assert "본인확인 정보가 만료되었습니다" in response.content.decode()
    assert not User.objects.exists()


def test_a_logged_in_user_is_sent_home_from_sign_up(client_as):
    response = client_as(Role.CITIZEN).get("/portal/signup/")
    assert response.status_code == 302 and response["Location"] == "/"


def test_the_login_page_links_to_sign_up(db):
    page = Client().get("/accounts/login/").content.decode()
    assert 'href="/portal/signup/"' in page and "시민 회원가입" in page


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "p" * 60,
    "ALLOWED_HOSTS": "localhost",
    "PERSONAL_DATA_KEYS": "production-salt",
    "PERSONAL_DATA_INDEX_KEY": "production-index",
}


def test_the_production_profile_refuses_the_demo_identity_verifier():
    result = _run(["check"], **PRODUCTION, SMS_SENDER="")
    assert result.returncode != 0
    assert "운영 프로필에서는 데모 본인확인을 쓸 수 없습니다" in result.stderr
    allowed = _run(["check"], **PRODUCTION, SMS_SENDER="", ALLOW_DEMO_IDENTITY_VERIFIER="1")
    assert allowed.returncode == 0, allowed.stderr


def test_the_production_profile_refuses_the_console_text_message_sender():
    result = _run(["check"], **PRODUCTION, ALLOW_DEMO_IDENTITY_VERIFIER="1")
    assert result.returncode != 0
    assert "운영 프로필에서는 개발용 문자 발송(콘솔)을 쓸 수 없습니다" in result.stderr
    named = _run(
        ["check"], **PRODUCTION, ALLOW_DEMO_IDENTITY_VERIFIER="1", SMS_SENDER="iljari.core.sms.ConsoleSmsSender"
    )
    assert named.returncode != 0
    allowed = _run(["check"], **PRODUCTION, ALLOW_DEMO_IDENTITY_VERIFIER="1", ALLOW_CONSOLE_SMS="1")
    assert allowed.returncode == 0, allowed.stderr
