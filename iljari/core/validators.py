"""Password rule of the public-sector guideline: at least 10 characters of 2 kinds, or 8 of 3 kinds.

Kinds: upper-case letters, lower-case letters, digits, and other printable characters.
"""

import string

from django.core.exceptions import ValidationError


def character_kinds(password: str) -> int:
    kinds = [
        any(c in string.ascii_uppercase for c in password),
        any(c in string.ascii_lowercase for c in password),
        any(c.isdigit() for c in password),
        any(not c.isalnum() and not c.isspace() for c in password),
    ]
    return sum(kinds)


class CharacterClassPasswordValidator:
    def validate(self, password: str, user=None) -> None:
        kinds = character_kinds(password)
        if (len(password) >= 10 and kinds >= 2) or (len(password) >= 8 and kinds >= 3):
            return
        raise ValidationError(self.get_help_text(), code="password_too_weak")

    def get_help_text(self) -> str:
        return (
            "비밀번호는 영문 대문자·소문자·숫자·특수문자 중 2종류 이상으로 10자 이상, "
            "또는 3종류 이상으로 8자 이상이어야 합니다."
        )
