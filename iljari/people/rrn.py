"""Resident registration numbers (주민등록번호): parsing, masking, and the blind index.

- `parse_rrn(text) -> Rrn` accepts `YYMMDD-SNNNNNN` or 13 digits, checks the birth date that the first seven
  digits encode, and never checks the last digit: numbers issued since October 2020 carry no checksum.
- `Rrn.masked` is `900101-1******`, the only form shown on any screen.
- `rrn_index(rrn)` is an HMAC-SHA256 under the newest of ILJARI_PERSONAL_DATA_INDEX_KEYS: equal numbers give
  equal indexes, so a number can be found or de-duplicated without decrypting anything. It is what a new record
  stores. `rrn_indexes(rrn)` is the number's index under every configured key, newest first: every look-up and
  de-duplication uses them all (`rrn_index__in=`), so a number stays found while `iljari keys rotate` recomputes
  the stored indexes under a new key (`rrn_index_status`, `rrn_index_rotate`, registered with core.keys).
- `rrn_seal(rrn) -> str` / `rrn_unseal(token, max_age_seconds) -> Rrn`: the number encrypted (Fernet, key derived
  from SECRET_KEY) and time-stamped, for keeping it between two requests (the sign-up session) without holding it
  in clear anywhere.

Errors never repeat the number they refuse.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.utils.crypto import salted_hmac

# 7th digit → (century, sex): 9/0 for the 1800s, 1/2 1900s, 3/4 2000s; 5–8 the same for foreign residents.
CENTURY_AND_SEX = {
    "9": (1800, "M"),
    "0": (1800, "F"),
    "1": (1900, "M"),
    "2": (1900, "F"),
    "3": (2000, "M"),
    "4": (2000, "F"),
    "5": (1900, "M"),
    "6": (1900, "F"),
    "7": (2000, "M"),
    "8": (2000, "F"),
}


@dataclass(frozen=True)
class Rrn:
    digits: str  # 13 digits, no hyphen

    @property
    def birth_date(self) -> date:
        century, _ = CENTURY_AND_SEX[self.digits[6]]
        return date(century + int(self.digits[:2]), int(self.digits[2:4]), int(self.digits[4:6]))

    @property
    def sex(self) -> str:
        return CENTURY_AND_SEX[self.digits[6]][1]

    @property
    def masked(self) -> str:
        return f"{self.digits[:6]}-{self.digits[6]}******"

    def __str__(self) -> str:  # never the number itself
        return self.masked

    __repr__ = __str__


class RrnError(ValueError):
    pass


def parse_rrn(text: str) -> Rrn:
    digits = re.sub(r"[\s-]", "", text or "")
    if not re.fullmatch(r"\d{13}", digits):
        raise RrnError("주민등록번호는 숫자 13자리(앞 6자리-뒤 7자리)로 입력하십시오.")
    if digits[6] not in CENTURY_AND_SEX:
        raise RrnError("주민등록번호 뒷자리 첫 숫자가 올바르지 않습니다.")
    rrn = Rrn(digits)
    try:
        rrn.birth_date  # noqa: B018 - validates the date the number encodes
    except ValueError as exc:
        raise RrnError("주민등록번호 앞자리의 생년월일이 올바르지 않습니다.") from exc
    return rrn


def mask_rrn(value: str | None) -> str:
    if not value:
        return "-"
    try:
        return parse_rrn(value).masked
    except RrnError:
        return "******-*******"


def _index_keys() -> list[str]:
    return list(settings.ILJARI_PERSONAL_DATA_INDEX_KEYS)


def _hmac(key: str, digits: str) -> str:
    return hmac.new(key.encode(), digits.encode(), hashlib.sha256).hexdigest()


def rrn_index(rrn: Rrn) -> str:
    return _hmac(_index_keys()[0], rrn.digits)


def rrn_indexes(rrn: Rrn) -> list[str]:
    return [_hmac(key, rrn.digits) for key in _index_keys()]


def _sealer() -> Fernet:
    key = salted_hmac("iljari.people.rrn.seal", "fernet", secret=settings.SECRET_KEY, algorithm="sha256").digest()
    return Fernet(base64.urlsafe_b64encode(key))


def rrn_seal(rrn: Rrn) -> str:
    return _sealer().encrypt(rrn.digits.encode()).decode()


def rrn_unseal(token: str, *, max_age_seconds: int) -> Rrn:
    """The sealed number, if the token is ours and younger than max_age_seconds; RrnError otherwise."""
    try:
        digits = _sealer().decrypt((token or "").encode(), ttl=max_age_seconds).decode()
    except InvalidToken as exc:
        raise RrnError("본인확인 정보가 만료되었습니다. 처음부터 다시 하십시오.") from exc
    return parse_rrn(digits)
