"""Resident numbers: parsed without a checksum test, masked everywhere, never shown in an error."""

from datetime import date

import pytest

from iljari.people.rrn import RrnError, mask_rrn, parse_rrn


def test_a_number_gives_its_birth_date_and_sex():
    number = parse_rrn("900101-1234567")
    assert number.birth_date == date(1990, 1, 1) and number.sex == "M"
    assert parse_rrn("0503154123456").birth_date == date(2005, 3, 15)
    assert parse_rrn("050315 4123456").sex == "F"


def test_numbers_without_a_valid_checksum_are_accepted():
    # Since October 2020 the last digit is random: 900101-1234560 … 1234569 are all well formed.
    for last in range(10):
        parse_rrn(f"900101-123456{last}")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("90010-1234567", "13자리"),
        ("900101-123456", "13자리"),
        ("abcdef-1234567", "13자리"),
        ("901301-1234567", "생년월일"),
        ("900230-2234567", "생년월일"),
    ],
)
def test_malformed_numbers_are_refused_without_repeating_them(text, message):
    with pytest.raises(RrnError) as caught:
        parse_rrn(text)
    assert message in str(caught.value)
    assert text.replace("-", "")[:6] not in str(caught.value)


def test_masks_show_birth_date_and_sex_digit_only():
    assert parse_rrn("9001011234567").masked == "900101-1******"
    assert mask_rrn("900101-2345678") == "900101-2******"
    assert mask_rrn("garbage") == "******-*******"
    assert str(parse_rrn("9001011234567")) == "900101-1******"
    assert repr(parse_rrn("9001011234567")) == "900101-1******"
