"""The sign-up defects of issue 25, each with its test: the consents come before anything personal is asked; the
birth date and sex are read from the resident number, not asked; a number issued since October 2020 (no checksum)
is accepted; the address with its district is asked at sign-up and recorded; the derivation itself, for both
centuries and for foreign residents' digits, by hypothesis."""

import re
from datetime import date

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from iljari.core.errors import ValidationFailed
from iljari.core.models import User
from iljari.org.models import District
from iljari.people import services
from iljari.people.identity import VerifiedIdentity
from iljari.people.models import Consent, Person
from iljari.people.rrn import parse_rrn

EMAIL = "lee@example.com"
PASSWORD = "Signup!2018pw"
CONSENTS = {"consent_personal_data": "on", "consent_unique_identifier": "on"}
WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def _check_digit(first12: str) -> int:
    """The pre-October-2020 check digit: (11 − Σ digit × weight mod 11) mod 10."""
    return (11 - sum(int(d) * w for d, w in zip(first12, WEIGHTS, strict=True)) % 11) % 10


def _code_in(text: str) -> str:
    return re.search(r"인증번호는 (\d{6})", text).group(1)


def _to_identity(client, mailoutbox):
    assert client.post("/portal/signup/", CONSENTS)["Location"] == "/portal/signup/contact/"
    assert client.post("/portal/signup/contact/", {"destination": EMAIL})["Location"] == "/portal/signup/code/"
    response = client.post("/portal/signup/code/", {"code": _code_in(mailoutbox[-1].body)})
    assert response["Location"] == "/portal/signup/identity/"


def _account(**changes):
    return {
        "address": "서울특별시 마포구 월드컵북로 212, 3층",
        "district": str(District.objects.get(code="11440").pk),
        "postal_code": "03936",
        "username": "lee2021",
        "password": PASSWORD,
        "password_confirm": PASSWORD,
        **changes,
    }


# --- consent first ----------------------------------------------------------------------------------------


def test_the_first_step_asks_the_consents_and_nothing_personal(db):
    page = Client().get("/portal/signup/").content.decode()
    assert 'name="consent_personal_data"' in page and 'name="consent_unique_identifier"' in page
    for field in ("destination", "rrn", "name", "birth_date"):
        assert f'name="{field}"' not in page


@pytest.mark.parametrize("later", ["/portal/signup/contact/", "/portal/signup/identity/", "/portal/signup/account/"])
def test_no_later_step_opens_before_the_consents(db, later):
    client = Client()
    assert client.get(later)["Location"] == "/portal/signup/"
    client.post("/portal/signup/", {"consent_personal_data": "on"})  # one of the two only
    assert client.get(later)["Location"] == "/portal/signup/"


def test_a_refused_consent_is_explained_once_and_keeps_the_tick(db, mailoutbox):
    response = Client().post("/portal/signup/", {"consent_personal_data": "on"})
    page = response.content.decode()
    assert response.status_code == 400
    assert page.count("개인정보 수집·이용과 고유식별정보 처리에 모두 동의해야 가입할 수 있습니다.") == 1
    assert re.search(r'name="consent_personal_data"[^>]*checked', page)
    assert mailoutbox == []


def test_the_consents_given_first_are_recorded_with_the_person(db, mailoutbox, org):
    client = Client()
    _to_identity(client, mailoutbox)
    client.post("/portal/signup/identity/", {"name": "이시민", "rrn": "900101-1234567"})
    assert client.post("/portal/signup/account/", _account())["Location"] == "/portal/calls/"
    person = Person.objects.get(user__username="lee2021")
    assert sorted(person.consents.values_list("purpose", flat=True)) == sorted(Consent.Purpose.values)


# --- birth date and sex from the number -----------------------------------------------------------------------


def test_the_identity_step_asks_the_name_and_number_only(db, mailoutbox):
    client = Client()
    _to_identity(client, mailoutbox)
    page = client.get("/portal/signup/identity/").content.decode()
    assert 'name="name"' in page and 'name="rrn"' in page
    assert 'name="birth_date"' not in page and 'name="sex"' not in page


@pytest.mark.parametrize(
    ("rrn", "birth", "sex", "shown"),
    [
        ("850315-2345678", date(1985, 3, 15), "F", ("1985.3.15.", "여")),
        ("020704-3345678", date(2002, 7, 4), "M", ("2002.7.4.", "남")),
        ("911130-6123456", date(1991, 11, 30), "F", ("1991.11.30.", "여")),  # a foreign resident born in the 1900s
        ("050505-7123456", date(2005, 5, 5), "M", ("2005.5.5.", "남")),  # a foreign resident born in the 2000s
    ],
)
def test_the_birth_date_and_sex_are_read_from_the_number_shown_and_recorded(
    db, mailoutbox, org, rrn, birth, sex, shown
):
    client = Client()
    _to_identity(client, mailoutbox)
    response = client.post("/portal/signup/identity/", {"name": "이시민", "rrn": rrn})
    assert response["Location"] == "/portal/signup/account/"
    page = client.get("/portal/signup/account/").content.decode()
    assert f"<dt>생년월일</dt><dd>{shown[0]}</dd>" in page and f"<dt>성별</dt><dd>{shown[1]}</dd>" in page
    client.post("/portal/signup/account/", _account())
    person = Person.objects.get(user__username="lee2021")
    assert (person.birth_date, person.sex) == (birth, sex)


def test_a_number_issued_since_october_2020_without_a_checksum_is_accepted(db, mailoutbox, org):
    first12 = "201010400012"
    wrong_last = str((_check_digit(first12) + 1) % 10)  # what the old checksum would refuse
    client = Client()
    _to_identity(client, mailoutbox)
    response = client.post("/portal/signup/identity/", {"name": "이아기", "rrn": first12 + wrong_last})
    assert response["Location"] == "/portal/signup/account/"
    assert client.post("/portal/signup/account/", _account())["Location"] == "/portal/calls/"
    assert Person.objects.get(user__username="lee2021").birth_date == date(2020, 10, 10)


@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    female=st.booleans(),
    foreign=st.booleans(),
    tail=st.from_regex(r"\d{6}", fullmatch=True),
)
def test_the_number_gives_its_birth_date_and_sex_in_both_centuries(born, female, foreign, tail):
    # the 7th digit: 1/2 (1900s) and 3/4 (2000s); 5/6 and 7/8 the same for foreign residents; odd male
    seventh = (1 if born.year < 2000 else 3) + (1 if female else 0) + (4 if foreign else 0)
    number = parse_rrn(f"{born:%y%m%d}-{seventh}{tail}")
    assert number.birth_date == born
    assert number.sex == ("F" if female else "M")


# --- the address ------------------------------------------------------------------------------------------------


def test_the_address_and_district_are_asked_at_sign_up_and_recorded(db, mailoutbox, org):
    client = Client()
    _to_identity(client, mailoutbox)
    client.post("/portal/signup/identity/", {"name": "이시민", "rrn": "900101-1234567"})
    page = client.get("/portal/signup/account/").content.decode()
    assert 'name="address"' in page and 'name="district"' in page and 'name="postal_code"' in page
    assert ">마포구</option>" in page and ">서울시 밖</option>" in page
    client.post("/portal/signup/account/", _account())
    person = Person.objects.get(user=User.objects.get(username="lee2021"))
    assert (person.address, person.district.name, person.postal_code) == (
        "서울특별시 마포구 월드컵북로 212, 3층",
        "마포구",
        "03936",
    )


def test_outside_seoul_is_an_explicit_choice(db, mailoutbox, org):
    client = Client()
    _to_identity(client, mailoutbox)
    client.post("/portal/signup/identity/", {"name": "이시민", "rrn": "900101-1234567"})
    response = client.post("/portal/signup/account/", _account(district=""))
    assert response.status_code == 400 and not User.objects.filter(username="lee2021").exists()
    client.post("/portal/signup/account/", _account(district="outside", address="경기도 고양시 덕양구 1"))
    person = Person.objects.get(user__username="lee2021")
    assert person.district is None and person.address == "경기도 고양시 덕양구 1"


def test_the_service_refuses_a_sign_up_without_an_address_and_writes_nothing(db):
    identity = VerifiedIdentity(
        name="이시민",
        birth_date=date(1990, 1, 1),
        sex="M",
        rrn=parse_rrn("900101-1234567"),
        contact=EMAIL,
        provider="demo",
        verified_at=timezone.now(),
    )
    with pytest.raises(ValidationFailed) as caught:
        services.citizen_signup(
            identity=identity,
            otp_id=0,
            username="lee2021",
            password=PASSWORD,
            consents=list(Consent.Purpose.values),
            remote_addr=None,
            address="  ",
            postal_code="123",
        )
    assert caught.value.field_errors == {
        "address": ["주소를 입력하십시오. 서울시에 사는지는 신청 자격을 확인할 때 읽습니다."],
        "postal_code": ["우편번호는 숫자 5자리로 입력하십시오."],
    }
    assert not User.objects.exists() and not Person.objects.exists()


def test_the_address_is_corrected_on_my_record_with_its_history(db, mailoutbox, org):
    client = Client()
    _to_identity(client, mailoutbox)
    client.post("/portal/signup/identity/", {"name": "이시민", "rrn": "900101-1234567"})
    client.post("/portal/signup/account/", _account())
    person = Person.objects.get(user__username="lee2021")
    changed = {
        "address": "서울특별시 강동구 성내로 25",
        "district": str(District.objects.get(code="11740").pk),
        "postal_code": "05397",
        "phone": "",
        "email": EMAIL,
        "income_status": "none",
    }
    response = client.post("/people/me/", changed)
    assert response.status_code == 302, response.content.decode()
    person.refresh_from_db()
    assert (person.address, person.district.name, person.postal_code) == (
        "서울특별시 강동구 성내로 25",
        "강동구",
        "05397",
    )
    page = client.get("/people/me/").content.decode()
    history = page[page.index("주소 변경 이력") :]
    assert history.index("서울특별시 강동구 성내로 25") < history.index("서울특별시 마포구 월드컵북로 212, 3층")
    assert "<td>강동구</td><td>05397</td>" in history and "<td>마포구</td><td>03936</td>" in history
    bad = client.post("/people/me/", {**changed, "postal_code": "5397"})
    assert bad.status_code == 400 and "우편번호는 숫자 5자리로 입력하십시오." in bad.content.decode()
