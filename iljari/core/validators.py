"""Password rule of the public-sector guideline: at least 10 characters of 2 kinds, or 8 of 3 kinds.

Kinds: upper-case letters, lower-case letters, digits, and other printable characters.

And the rule on control characters every text input keeps (core.middleware.InputLimitsMiddleware at the edge, the
forms' validator in core.forms.KrdsFormMixin): no NUL, ESC, DEL or other Unicode Cc character; tab, CR and LF only
in multi-line text.
"""

import string
import unicodedata

from django.core.exceptions import ValidationError


def character_kinds(password: str) -> int:
    kinds = [
        any(c in string.ascii_uppercase for c in password),
        any(c in string.ascii_lowercase for c in password),
        any(c.isdecimal() for c in password),
        any(not c.isalnum() and not c.isspace() for c in password),
    ]
    return sum(kinds)


CONTROL_CHARACTERS = "입력값에 쓸 수 없는 제어 문자(NUL 등)가 들어 있습니다. 내용을 다시 입력하십시오."
MULTI_LINE_CONTROLS = frozenset("\t\r\n")


def has_control_characters(text: str, *, allowed: frozenset[str] = MULTI_LINE_CONTROLS) -> bool:
    """A control character (Unicode category Cc: NUL, ESC, DEL, the C1 controls) other than `allowed`."""
    return any(unicodedata.category(char) == "Cc" and char not in allowed for char in text)


class NoControlCharactersValidator:
    """A form field's validator: `multi_line` text (a textarea) may hold tab, CR and LF, a single line none."""

    def __init__(self, *, multi_line: bool):
        self.allowed = MULTI_LINE_CONTROLS if multi_line else frozenset()

    def __call__(self, value) -> None:
        if isinstance(value, str) and has_control_characters(value, allowed=self.allowed):
            raise ValidationError(CONTROL_CHARACTERS, code="control_characters")


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
