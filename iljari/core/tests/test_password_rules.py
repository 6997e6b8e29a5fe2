"""Password rule: at least 10 characters of 2 kinds, or 8 of 3 kinds."""

import pytest
from django.core.exceptions import ValidationError

from iljari.core.validators import CharacterClassPasswordValidator


@pytest.mark.parametrize(
    "password",
    ["abcdefghi1", "ABCDEFGHIJ!", "abcDEF12", "abc!de12", "Gwanghwamun2018"],
)
def test_strong_enough_passwords_pass(password):
    CharacterClassPasswordValidator().validate(password)


@pytest.mark.parametrize(
    "password",
    ["abcdefghij", "abcdefgh1", "abcDEF1", "1234567890", "Ab1!"],
)
def test_weak_passwords_fail_with_a_korean_message(password):
    with pytest.raises(ValidationError) as caught:
        CharacterClassPasswordValidator().validate(password)
    assert "2종류 이상으로 10자 이상" in caught.value.messages[0]
