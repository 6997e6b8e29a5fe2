"""people services — registering persons, correcting their data, recording consent.

Contract:
- person_register(*, actor, name, birth_date, sex, rrn, consents: list[str], notice_version, context, **details)
      -> Person   (refuses a resident number already registered, one that contradicts the birth date or sex, and a
      registration without consent to both purposes)
- person_update(*, actor, person, **details) -> Person   (staff in scope, or the person themself)
- PERSON_DETAILS: the fields besides name/birth date/sex/number that a registration or correction may carry

`actor=None` is the system (demo loader). Messages never repeat a resident number.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from iljari.core.access import access_people_change, require
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.people.models import Consent, Person
from iljari.people.rrn import RrnError, parse_rrn, rrn_index

PERSON_DETAILS = (
    "phone",
    "email",
    "address",
    "district",
    "income_status",
    "job_seeker_registered",
    "basic_livelihood_recipient",
    "veteran",
    "disability",
)
NOTICE_VERSION = "2018-01"


def _check_details(details: dict) -> dict:
    unknown = set(details) - set(PERSON_DETAILS)
    if unknown:
        raise TypeError(f"unknown person fields: {sorted(unknown)}")
    if "income_status" in details and details["income_status"] not in Person.IncomeStatus.values:
        raise ValidationFailed(field_errors={"income_status": ["소득 상태를 고르십시오."]})
    return details


def person_register(
    *,
    actor,
    name: str,
    birth_date: date,
    sex: str,
    rrn: str,
    consents: list[str],
    notice_version: str = NOTICE_VERSION,
    context: str = "등록",
    user=None,
    **details,
) -> Person:
    if actor is not None and actor != user:
        require(access_people_change(actor), "사람을 등록할 권한이 없습니다.")
    details = _check_details(details)
    errors: dict[str, list[str]] = {}
    if not (name or "").strip():
        errors["name"] = ["이름을 입력하십시오."]
    if sex not in Person.Sex.values:
        errors["sex"] = ["성별을 고르십시오."]
    try:
        number = parse_rrn(rrn)
    except RrnError as exc:
        errors["rrn"] = [str(exc)]
        number = None
    if number is not None and birth_date is not None and number.birth_date != birth_date:
        errors["rrn"] = ["주민등록번호의 생년월일이 입력한 생년월일과 다릅니다."]
    if number is not None and sex in Person.Sex.values and number.sex != sex:
        errors.setdefault("rrn", []).append("주민등록번호의 성별 자리가 입력한 성별과 다릅니다.")
    missing = set(Consent.Purpose.values) - set(consents or [])
    if missing:
        errors["consents"] = ["개인정보 수집·이용과 고유식별정보 처리에 모두 동의해야 등록할 수 있습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    index = rrn_index(number)
    try:
        with transaction.atomic():
            if Person.objects.filter(rrn_index=index).exists():
                raise ValidationFailed(field_errors={"rrn": ["이미 등록된 주민등록번호입니다."]})
            person = Person.objects.create(
                name=name.strip(),
                birth_date=birth_date,
                sex=sex,
                rrn=number.digits,
                rrn_index=index,
                user=user,
                **details,
            )
            now = timezone.now()
            Consent.objects.bulk_create(
                [
                    Consent(
                        person=person, purpose=purpose, notice_version=notice_version, context=context, given_at=now
                    )
                    for purpose in Consent.Purpose.values
                ]
            )
    except IntegrityError as exc:  # two registrations of one number at the same moment
        raise ValidationFailed(field_errors={"rrn": ["이미 등록된 주민등록번호입니다."]}) from exc
    return person


def person_update(*, actor, person: Person, **details) -> Person:
    """Correct contact, address and the attributes eligibility reads. Name, birth date and number are changed
    only by office staff through a registration correction (not here)."""
    own = actor is not None and person.user_id == actor.pk and actor.role == Role.CITIZEN
    if actor is not None and not own:
        require(access_people_change(actor), "이 사람의 정보를 고칠 권한이 없습니다.")
        if actor.role == Role.DISTRICT_OFFICER and person.district_id != actor.district_id:
            raise NotAllowed("다른 자치구 주민의 정보는 고칠 수 없습니다.")
    details = _check_details(details)
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        for field, value in details.items():
            setattr(person, field, value)
        person.save()
    return person
