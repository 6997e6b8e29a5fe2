"""Identity verification (본인확인) behind one interface.

Every way of proving "I am the person this resident number belongs to" — 휴대폰 본인확인, 공동·금융인증서,
아이핀 — plugs in as a class with one method:

    verify(*, name, birth_date, sex, rrn, contact, evidence="") -> VerifiedIdentity     (or raises IdentityNotVerified)

`contact` is the e-mail address or mobile number the person has just proved with a one-time code; `evidence` is
what a redirect-based provider handed back to our callback (its encrypted result or transaction id), empty for a
check that needs none. The class is named by the setting ILJARI_IDENTITY_VERIFIER (env IDENTITY_VERIFIER);
`identity_verifier()` returns an instance. Only a verifier creates a VerifiedIdentity, and only a
VerifiedIdentity lets people.services.citizen_signup link a paper-registered person to an account.

Shipped: DemoIdentityVerifier, which accepts any well-formed input (development, tests, the demo). The production
profile refuses it unless ALLOW_DEMO_IDENTITY_VERIFIER=1. docs/portal-signup.md tells how a real provider plugs in.
Messages never repeat the resident number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from iljari.core.errors import ValidationFailed
from iljari.people.models import Person
from iljari.people.rrn import Rrn, RrnError, parse_rrn


class IdentityNotVerified(ValidationFailed):
    code = "identity_not_verified"
    default_message = "본인확인에 실패했습니다. 입력한 내용을 확인하고 다시 시도하십시오."


@dataclass(frozen=True)
class VerifiedIdentity:
    """A person whose name, birth date, sex and resident number a verifier has vouched for."""

    name: str
    birth_date: date
    sex: str  # Person.Sex
    rrn: Rrn
    contact: str
    provider: str  # the verifier's code, e.g. "demo", "mobile"; written to the access log
    verified_at: datetime
    reference: str = ""  # the provider's transaction id, when it gives one

    def __repr__(self) -> str:  # never the number itself
        return f"VerifiedIdentity(provider={self.provider!r}, rrn={self.rrn.masked!r})"


class IdentityVerifier(Protocol):
    code: str
    label: str

    def verify(
        self, *, name: str, birth_date: date, sex: str, rrn: str, contact: str, evidence: str = ""
    ) -> VerifiedIdentity: ...


SEXES = frozenset(Person.Sex.values)


def identity_input_errors(*, name: str, birth_date: date | None, sex: str, rrn: str | Rrn) -> tuple[dict, Rrn | None]:
    """(field errors, the parsed number or None): a name, a birth date, a sex, and a well-formed number that
    agrees with the birth date and sex given. Shared by registration and every verifier. A number the caller
    has already parsed (an Rrn: a bulk upload's rows) is not parsed again."""
    errors: dict[str, list[str]] = {}
    if not (name or "").strip():
        errors["name"] = ["이름을 입력하십시오."]
    if birth_date is None:
        errors["birth_date"] = ["생년월일을 입력하십시오."]
    if sex not in SEXES:
        errors["sex"] = ["성별을 고르십시오."]
    try:
        number = rrn if isinstance(rrn, Rrn) else parse_rrn(rrn)
    except RrnError as exc:
        errors["rrn"] = [str(exc)]
        number = None
    if number is not None and birth_date is not None and number.birth_date != birth_date:
        errors["rrn"] = ["주민등록번호의 생년월일이 입력한 생년월일과 다릅니다."]
    if number is not None and sex in SEXES and number.sex != sex:
        errors.setdefault("rrn", []).append("주민등록번호의 성별 자리가 입력한 성별과 다릅니다.")
    return errors, number


def check_identity_input(*, name: str, birth_date: date | None, sex: str, rrn: str) -> Rrn:
    """The checks every verifier starts with (identity_input_errors). Raises IdentityNotVerified."""
    errors, number = identity_input_errors(name=name, birth_date=birth_date, sex=sex, rrn=rrn)
    if errors:
        raise IdentityNotVerified(field_errors=errors)
    return number


class DemoIdentityVerifier:
    """Accepts any well-formed input. For development, tests and the demo only: it proves nothing."""

    code = "demo"
    label = "데모 본인확인(개발용)"

    def verify(
        self, *, name: str, birth_date: date, sex: str, rrn: str, contact: str, evidence: str = ""
    ) -> VerifiedIdentity:
        number = check_identity_input(name=name, birth_date=birth_date, sex=sex, rrn=rrn)
        if not (contact or "").strip():
            raise IdentityNotVerified("연락처 확인을 먼저 마치십시오.")
        return VerifiedIdentity(
            name=name.strip(),
            birth_date=birth_date,
            sex=sex,
            rrn=number,
            contact=contact,
            provider=self.code,
            verified_at=timezone.now(),
        )


def identity_verifier() -> IdentityVerifier:
    return import_string(settings.ILJARI_IDENTITY_VERIFIER)()
