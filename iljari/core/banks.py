"""Korean banks as data: the KFTC financial-institution codes (금융결제원 금융기관 코드, three digits) that a
transfer file names a bank by, each bank's name as the office writes it, and the lengths (in digits, hyphens left
out) of the account numbers the bank issues to persons. A number of another length is refused at entry: a typing
mistake caught then costs less than a returned transfer later.

The lengths are the bank's own published numbering (old and new schemes both still in use: 국민 12 and 14, 신한 11
and 12, 하나 11, 12 and 14 with former 외환 accounts); a bank that starts issuing a new length is one edit of BANKS.
A code not in the table is refused: a transfer to it could not be checked.

Contract:
- BANKS: tuple[Bank(code, name, lengths)]      in the order the account form lists them
- bank_get(code) -> Bank | None
- bank_choices() -> [(code, "국민은행 (004)")]
- account_digits(text) -> str                   the digits of a number typed with hyphens or spaces
- account_check(bank_code, text) -> str         the digits, or ValueError with a Korean message (never the number)
- account_masked(digits) -> str                 123-****-7890: the first three and the last four digits, the rest
                                                one star each (a number of seven digits or fewer: all stars)

Depends on nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Bank:
    code: str
    name: str
    lengths: tuple[int, ...]

    @property
    def lengths_text(self) -> str:
        return "·".join(str(n) for n in self.lengths) + "자리"


BANKS: tuple[Bank, ...] = (
    Bank("004", "국민은행", (12, 14)),
    Bank("088", "신한은행", (11, 12)),
    Bank("020", "우리은행", (13,)),
    Bank("081", "하나은행", (11, 12, 14)),
    Bank("011", "농협은행", (11, 13)),
    Bank("012", "지역농·축협", (13, 14)),
    Bank("003", "기업은행", (12, 14)),
    Bank("002", "산업은행", (11, 14)),
    Bank("007", "수협은행", (11, 12)),
    Bank("023", "SC제일은행", (11,)),
    Bank("027", "한국씨티은행", (10, 11, 12, 13)),
    Bank("032", "부산은행", (12, 13)),
    Bank("031", "대구은행", (11, 12, 14)),
    Bank("034", "광주은행", (12, 13)),
    Bank("035", "제주은행", (10, 12)),
    Bank("037", "전북은행", (12, 13)),
    Bank("039", "경남은행", (12, 13)),
    Bank("045", "새마을금고", (13, 14)),
    Bank("048", "신협", (12, 13)),
    Bank("050", "저축은행", (14,)),
    Bank("071", "우체국", (14,)),
    Bank("089", "케이뱅크", (12,)),
    Bank("090", "카카오뱅크", (13,)),
    Bank("092", "토스뱅크", (12,)),
)

_BY_CODE = {bank.code: bank for bank in BANKS}
_SEPARATORS = re.compile(r"[\s\-]")


def bank_get(code: str | None) -> Bank | None:
    return _BY_CODE.get((code or "").strip())


def bank_choices() -> list[tuple[str, str]]:
    return [(bank.code, f"{bank.name} ({bank.code})") for bank in BANKS]


def bank_name(code: str | None) -> str:
    bank = bank_get(code)
    return bank.name if bank else f"은행 코드 {code}"


def account_digits(text: str | None) -> str:
    return _SEPARATORS.sub("", text or "")


def account_check(bank_code: str, text: str | None) -> str:
    """The account number's digits, checked against its bank's lengths."""
    bank = bank_get(bank_code)
    if bank is None:
        raise ValueError("은행을 목록에서 고르십시오.")
    digits = account_digits(text)
    if not digits:
        raise ValueError("계좌번호를 입력하십시오.")
    if not digits.isascii() or not digits.isdecimal():
        raise ValueError("계좌번호는 숫자로만 입력하십시오(붙임표는 넣어도 됩니다).")
    if len(digits) not in bank.lengths:
        raise ValueError(f"{bank.name} 계좌번호는 {bank.lengths_text}입니다. 입력한 번호는 {len(digits)}자리입니다.")
    return digits


def account_masked(digits: str | None) -> str:
    digits = account_digits(digits)
    if not digits:
        return "-"
    if len(digits) <= 7:
        return "*" * len(digits)
    return f"{digits[:3]}-{'*' * (len(digits) - 7)}-{digits[-4:]}"
