"""The 사업자등록번호 check digit, and registering organisations with good and bad numbers."""

import pytest

from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.enterprises import services
from iljari.enterprises.models import Organisation, business_number_valid

# Computed by hand with weights 1,3,7,1,3,7,1,3,5:
# 124-81-00998: 1·1+2·3+4·7+8·1+1·3+0·7+0·1+9·3+9·5 = 1+6+28+8+3+0+0+27+45 = 118; carry 9·5//10 = 4 → 122;
#               (10 − 2) mod 10 = 8, the last digit.
# 123-45-67891: 1+6+21+4+15+42+7+24+45 = 165; carry 9·5//10 = 4 → 169; (10 − 9) mod 10 = 1, the last digit.
# 220-81-62517: 2+6+0+8+3+42+2+15+5 = 83; carry 1·5//10 = 0 → 83; (10 − 3) mod 10 = 7, the last digit.
HAND_CHECKED = ["1248100998", "1234567891", "2208162517"]


@pytest.mark.parametrize("number", HAND_CHECKED)
def test_hand_computed_numbers_pass_the_check(number):
    assert business_number_valid(number)


@pytest.mark.parametrize("number", ["1248100990", "1234567890", "2208162510", "124810099", "12481009981", "12a8100998"])
def test_a_wrong_check_digit_or_length_fails(number):
    assert not business_number_valid(number)


def test_a_number_with_hyphens_is_registered_without_them(org):
    organisation = services.organisation_register(
        actor=None, name="삼성전자", kind="company", business_number="124-81-00998"
    )
    assert organisation.business_number == "1248100998"
    assert organisation.business_number_text == "124-81-00998"


def test_an_invalid_number_is_refused_in_korean_and_nothing_is_written(org):
    with pytest.raises(ValidationFailed) as caught:
        services.organisation_register(actor=None, name="가짜", kind="company", business_number="124-81-00990")
    assert "검증번호" in caught.value.field_errors["business_number"][0]
    assert Organisation.objects.count() == 0


def test_a_duplicate_number_names_the_organisation_already_registered(org):
    services.organisation_register(actor=None, name="첫째", kind="company", business_number="1234567891")
    with pytest.raises(ValidationFailed) as caught:
        services.organisation_register(actor=None, name="둘째", kind="cooperative", business_number="123-45-67891")
    assert caught.value.field_errors["business_number"] == [
        "사업자등록번호 123-45-67891은 이미 '첫째'로 등록되어 있습니다."
    ]
    assert Organisation.objects.count() == 1


def test_staff_register_through_the_page_and_bad_input_answers_400_in_korean(client_as):
    client = client_as(Role.DIVISION_STAFF)
    form = {
        "name": "행복협동조합",
        "kind": "cooperative",
        "business_number": "2208162517",
        "size": "small",
        "sector": "food",
        "employees": "12",
        "corporate_number": "1101111234567",
    }
    bad = client.post("/enterprises/new/", {**form, "business_number": "220-81-62510"})
    assert bad.status_code == 400
    assert "사업자등록번호가 올바르지 않습니다" in bad.content.decode()
    short = client.post("/enterprises/new/", {**form, "corporate_number": "12345"})
    assert "법인등록번호는 숫자 13자리입니다." in short.content.decode()
    assert Organisation.objects.count() == 0
    good = client.post("/enterprises/new/", form)
    assert good.status_code == 302
    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.employees, organisation.corporate_number) == (
        "행복협동조합",
        12,
        "1101111234567",
    )
    again = client.post("/enterprises/new/", {**form, "name": "또 행복"})
    assert "이미 &#x27;행복협동조합&#x27;으로 등록되어 있습니다" in again.content.decode()
    assert Organisation.objects.count() == 1
