"""people services — registering persons, correcting their data, recording consent.

Contract:
- person_register(*, actor, name, birth_date, sex, rrn, consents: list[str], notice_version, context, **details)
      -> Person   (refuses a resident number already registered, one that contradicts the birth date or sex, and a
      registration without consent to both purposes)
- person_register_own(*, actor, name, rrn, consents, context="본인 등록", **details) -> Person
      a citizen registers themself: person_register with the birth date and sex read from the number
- person_register_many(*, actor, people: list[dict], consents, context, notice_version, now=None) -> list[Person]
      many registrations at once (a bulk upload): each dict as person_register's arguments (name, birth_date, sex,
      rrn, details; the number as text or already parsed, a people.rrn.Rrn); the same checks for every entry,
      every error listed by its position, nothing written unless all pass; persons and consents written in bulk,
      with each person's change-history entry
- person_ids_by_rrn_index(*, indexes) -> dict[str, int]
      the registered people among these blind indexes (index → person id): one statement on PostgreSQL however
      many indexes (a bulk upload's look-up), never one query per number
- person_update(*, actor, person, **details) -> Person   (staff in scope, or the person themself)
- consent_record(*, person, consents, context, notice_version=NOTICE_VERSION, now=None) -> list[Consent]
      the consents given with one act (an application, a registration): both purposes are needed, or nothing is
      written and the message says so; called inside the caller's transaction
- consent_record_many(*, person_ids, context, notice_version=NOTICE_VERSION, now=None) -> int
      both consents for each of these people at once (a bulk upload whose paper forms carry them)
- PERSON_DETAILS: the fields besides name/birth date/sex/number that a registration or correction may carry
- signup_consents_check(*, consents) -> None   sign-up's first step: both consents are needed before anything
      personal is asked
- signup_identity_verify(*, name, rrn, contact, evidence="") -> VerifiedIdentity
      sign-up's identity step: the birth date and sex are read from the number (never asked; a number issued
      since October 2020 has no checksum and none is checked); the configured identity verifier
      (people.identity) vouches for the person; a number that already has an account is refused at once
      (without saying whose)
- citizen_signup(*, identity, otp_id, username, password, consents, remote_addr, address, district,
                 postal_code="", notice_version) -> User
      sign-up's last step, in one transaction: uses the verified one-time code, creates the citizen account, and
      registers the person or, when the verified number belongs to a person registered on paper without an
      account, links that person (its address replaced by the one given); records consent and the access log.
      The address is required; district None means outside Seoul (the residence rule reads the district).
      Nothing is written when any part fails.

- pay_account_set(*, actor, person, bank_code, number, holder, now=None) -> PayAccount
      a person's 급여 계좌, entered by staff who may correct the person (their district's residents for a district
      officer) or by the person themself: the number checked against its bank's lengths (core.banks), the holder
      name flagged (`holder_differs`), never refused, when it is not the person's; the current account closed and
      a new one opened (the old number kept, encrypted); the same bank, number and holder again changes nothing

`actor=None` is the system (demo loader). Messages never repeat a resident number or an account number.
"""

from __future__ import annotations

import re
from datetime import date

from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone

from iljari.core import services as core_services
from iljari.core.access import (
    access_own_person_record_change,
    access_people_change,
    access_person_record_change,
    require,
)
from iljari.core.accesslog import access_log_record
from iljari.core.banks import account_check
from iljari.core.bulk import rows_insert
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.history import history_record_created
from iljari.core.models import OneTimeCode, User
from iljari.core.otp import PURPOSE_SIGNUP, otp_consume, otp_destination
from iljari.core.roles import Role
from iljari.people.identity import VerifiedIdentity, identity_input_errors, identity_verifier
from iljari.people.models import Consent, PayAccount, Person
from iljari.people.rrn import RrnError, parse_rrn, rrn_index, rrn_indexes

PERSON_DETAILS = (
    "phone",
    "email",
    "address",
    "district",
    "postal_code",
    "income_status",
    "job_seeker_registered",
    "basic_livelihood_recipient",
    "veteran",
    "disability",
)
NOTICE_VERSION = "2018-01"
INCOME_STATUSES = frozenset(Person.IncomeStatus.values)
POSTAL_CODE = re.compile(r"\d{5}")


def _check_details(details: dict) -> dict:
    unknown = set(details) - set(PERSON_DETAILS)
    if unknown:
        raise TypeError(f"unknown person fields: {sorted(unknown)}")
    if "income_status" in details and details["income_status"] not in INCOME_STATUSES:
        raise ValidationFailed(field_errors={"income_status": ["소득 상태를 고르십시오."]})
    if details.get("postal_code") and not POSTAL_CODE.fullmatch(details["postal_code"]):
        raise ValidationFailed(field_errors={"postal_code": ["우편번호는 숫자 5자리로 입력하십시오."]})
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
    errors, number = identity_input_errors(name=name, birth_date=birth_date, sex=sex, rrn=rrn)
    missing = set(Consent.Purpose.values) - set(consents or [])
    if missing:
        errors["consents"] = ["개인정보 수집·이용과 고유식별정보 처리에 모두 동의해야 등록할 수 있습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    index = rrn_index(number)
    try:
        with transaction.atomic():
            if Person.objects.filter(rrn_index__in=rrn_indexes(number)).exists():
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


def person_register_own(*, actor, name: str, rrn: str, consents: list[str], context: str = "본인 등록", **details):
    """A citizen registers themself (내 인적사항): the birth date and sex are read from the number, never asked."""
    try:
        number = parse_rrn(rrn)
    except RrnError as exc:
        raise ValidationFailed(field_errors={"rrn": [str(exc)]}) from None
    return person_register(
        actor=actor,
        user=actor,
        name=name,
        birth_date=number.birth_date,
        sex=number.sex,
        rrn=number.digits,
        consents=consents,
        context=context,
        **details,
    )


def person_ids_by_rrn_index(*, indexes) -> dict[str, int]:
    indexes = list(indexes)
    if connection.vendor == "postgresql":  # one array parameter: no statement of 100,000 placeholders to build
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rrn_index, id FROM {connection.ops.quote_name(Person._meta.db_table)}"  # noqa: S608 # nosec B608
                " WHERE rrn_index = ANY(%s)",
                [indexes],
            )
            return dict(cursor.fetchall())
    found: dict[str, int] = {}
    for start in range(0, len(indexes), 5000):
        found.update(Person.objects.filter(rrn_index__in=indexes[start : start + 5000]).values_list("rrn_index", "pk"))
    return found


def person_register_many(
    *,
    actor,
    people: list[dict],
    consents: list[str],
    context: str = "등록",
    notice_version: str = NOTICE_VERSION,
    now=None,
) -> list[Person]:
    """person_register for a whole batch: one query for the numbers already registered, the persons and their
    consents in bulk inserts (core.bulk.rows_insert), their change-history entries in one more (core.history)."""
    if actor is not None:
        require(access_people_change(actor), "사람을 등록할 권한이 없습니다.")
    if set(Consent.Purpose.values) - set(consents or []):
        raise ValidationFailed(
            field_errors={"consents": ["개인정보 수집·이용과 고유식별정보 처리에 모두 동의해야 등록할 수 있습니다."]}
        )
    errors: list[tuple[int, str]] = []
    persons: list[Person] = []
    positions: list[int] = []
    every_key: list[list[str]] = []
    seen: set[str] = set()
    for position, entry in enumerate(people, 1):
        entry = dict(entry)
        name, birth_date, sex, rrn = (entry.pop(key, None) for key in ("name", "birth_date", "sex", "rrn"))
        details = _check_details(entry)
        field_errors, number = identity_input_errors(name=name, birth_date=birth_date, sex=sex, rrn=rrn or "")
        if field_errors:
            errors.append((position, " ".join(m for messages in field_errors.values() for m in messages)))
            continue
        keys = rrn_indexes(number)  # under every configured key, newest first: a rotation may be under way
        index = keys[0]  # rrn_index(number)
        if index in seen:
            errors.append((position, "같은 주민등록번호가 앞에 있습니다."))
            continue
        seen.add(index)
        positions.append(position)
        every_key.append(keys)
        persons.append(
            Person(name=name.strip(), birth_date=birth_date, sex=sex, rrn=number.digits, rrn_index=index, **details)
        )
    indexes = [index for keys in every_key for index in keys]
    taken = set(person_ids_by_rrn_index(indexes=indexes))
    errors += [
        (n, "이미 등록된 주민등록번호입니다.")
        for n, keys in zip(positions, every_key, strict=True)
        if not taken.isdisjoint(keys)
    ]
    if errors:
        raise ValidationFailed(
            "등록할 수 없는 사람이 있어 아무도 등록하지 않았습니다.",
            field_errors={"people": [f"{n}번째: {message}" for n, message in sorted(errors)]},
        )
    if not persons:
        return []
    now = now or timezone.now()
    fields = [
        field
        for field in Person._meta.concrete_fields
        if not field.primary_key and field.name not in ("created_at", "updated_at")
    ]
    try:
        with transaction.atomic():
            # the new rows' ids are above every id there is now (ids only grow): read back by that range (with
            # anyone else's rows inserted meanwhile, told apart by the blind index), not by 100,000 look-ups
            before = Person.objects.aggregate(last=Max("pk"))["last"] or 0
            rows_insert(
                Person,
                [field.name for field in fields],
                ([getattr(person, field.attname) for field in fields] for person in persons),
            )
            ids = dict(Person.objects.filter(pk__gt=before).values_list("rrn_index", "pk").order_by())
            for person in persons:
                person.pk = ids[person.rrn_index]
            purposes = Consent.Purpose.values
            rows_insert(
                Consent,
                ("person", "purpose", "notice_version", "context", "given_at"),
                (
                    (person.pk, purpose, notice_version, context[:100], now)
                    for person in persons
                    for purpose in purposes
                ),
            )
            history_record_created(persons)
    except IntegrityError as exc:  # a registration of one of the numbers at the same moment
        raise ValidationFailed(
            field_errors={"rrn": ["그사이 같은 주민등록번호가 등록되었습니다. 다시 올리십시오."]}
        ) from exc
    return persons


CONSENTS_NEEDED = "개인정보 수집·이용과 고유식별정보(주민등록번호) 처리에 모두 동의해야 합니다."


def consent_record(
    *, person: Person, consents, context: str, notice_version: str = NOTICE_VERSION, now=None
) -> list[Consent]:
    if set(Consent.Purpose.values) - set(consents or []):
        raise ValidationFailed(CONSENTS_NEEDED, field_errors={"consents": [CONSENTS_NEEDED]})
    now = now or timezone.now()
    return Consent.objects.bulk_create(
        [
            Consent(person=person, purpose=purpose, notice_version=notice_version, context=context[:100], given_at=now)
            for purpose in Consent.Purpose.values
        ]
    )


def consent_record_many(*, person_ids, context: str, notice_version: str = NOTICE_VERSION, now=None) -> int:
    now = now or timezone.now()
    rows = Consent.objects.bulk_create(
        [
            Consent(person_id=pk, purpose=purpose, notice_version=notice_version, context=context[:100], given_at=now)
            for pk in person_ids
            for purpose in Consent.Purpose.values
        ],
        batch_size=2000,
    )
    return len(rows)


def person_update(*, actor, person: Person, **details) -> Person:
    """Correct contact, address and the attributes eligibility reads. Name, birth date and number are changed
    only by office staff through a registration correction (not here)."""
    own = actor is not None and access_own_person_record_change(actor, person)
    if actor is not None and not own:
        require(access_people_change(actor), "이 사람의 정보를 고칠 권한이 없습니다.")
        require(access_person_record_change(actor, person.district_id), "다른 자치구 주민의 정보는 고칠 수 없습니다.")
    details = _check_details(details)
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        for field, value in details.items():
            setattr(person, field, value)
        person.save()
    return person


# --- pay accounts ------------------------------------------------------------------------------------------


def _plain_name(name: str) -> str:
    return re.sub(r"[\s()]", "", name or "")


def pay_account_set(*, actor, person: Person, bank_code: str, number: str, holder: str, now=None) -> PayAccount:
    own = actor is not None and access_own_person_record_change(actor, person)
    if actor is not None and not own:
        require(access_people_change(actor), "이 사람의 급여 계좌를 입력할 권한이 없습니다.")
        require(
            access_person_record_change(actor, person.district_id), "다른 자치구 주민의 급여 계좌는 입력할 수 없습니다."
        )
    errors: dict[str, list[str]] = {}
    try:
        digits = account_check(bank_code, number)
    except ValueError as exc:
        errors["bank_code" if "은행을" in str(exc) else "number"] = [str(exc)]
    holder = " ".join((holder or "").split())
    if not holder:
        errors["holder"] = ["예금주를 입력하십시오."]
    elif len(holder) > 60:
        errors["holder"] = ["예금주는 60자 이내로 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    now = now or timezone.now()
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()  # one change of one person's account at a time
        current = PayAccount.objects.filter(person=person, replaced_at__isnull=True).first()
        if current is not None and (current.bank_code, current.number, current.holder) == (bank_code, digits, holder):
            return current
        if current is not None:
            current.replaced_at = now
            current.save(update_fields=["replaced_at", "updated_at"])
        try:
            return PayAccount.objects.create(
                person=person,
                bank_code=bank_code,
                number=digits,
                holder=holder,
                holder_differs=_plain_name(holder) != _plain_name(person.name),
                entered_by=actor,
            )
        except IntegrityError as exc:  # pragma: no cover - the row lock above serialises changes
            raise field_error("number", "그사이 계좌가 바뀌었습니다. 다시 입력하십시오.") from exc


# --- portal sign-up --------------------------------------------------------------------------------------

SIGNUP_CONTEXT = "온라인 가입"
ACCOUNT_EXISTS = (
    "이 본인확인 정보로 이미 만들어진 계정이 있습니다. 아이디나 비밀번호를 잊었다면 로그인 화면의 "
    "'아이디 찾기'나 '비밀번호 재설정'을 이용하십시오."
)
USERNAME = re.compile(r"[a-z0-9][a-z0-9_.-]{3,29}")


def signup_consents_check(*, consents) -> None:
    """Sign-up's first step: both consents, or the sign-up goes no further (nothing is written yet: the consents
    are recorded with the person at the last step)."""
    if set(Consent.Purpose.values) - set(consents or []):
        message = "개인정보 수집·이용과 고유식별정보 처리에 모두 동의해야 가입할 수 있습니다."
        raise ValidationFailed(message, field_errors={"consents": [message]})


def signup_identity_verify(*, name: str, rrn: str, contact: str, evidence: str = "") -> VerifiedIdentity:
    """The birth date and sex are read from the number (people.rrn), never asked: the verifier is handed those."""
    try:
        number = parse_rrn(rrn)
    except RrnError as exc:
        errors = {"rrn": [str(exc)]}
        if not (name or "").strip():
            errors["name"] = ["이름을 입력하십시오."]
        raise ValidationFailed(field_errors=errors) from None
    identity = identity_verifier().verify(
        name=name, birth_date=number.birth_date, sex=number.sex, rrn=number.digits, contact=contact, evidence=evidence
    )
    if Person.objects.filter(rrn_index__in=rrn_indexes(identity.rrn), user__isnull=False).exists():
        raise ValidationFailed(ACCOUNT_EXISTS)
    return identity


def citizen_signup(
    *,
    identity: VerifiedIdentity,
    otp_id: int,
    username: str,
    password: str,
    consents: list[str],
    remote_addr: str | None,
    address: str = "",
    district=None,
    postal_code: str = "",
    notice_version: str = NOTICE_VERSION,
) -> User:
    """The account is made by the system (`actor=None` for user_create) on the strength of a verified code and a
    verified identity; the person record is then registered or linked with the new account as its actor."""
    if not isinstance(identity, VerifiedIdentity):
        raise TypeError("citizen_signup needs a VerifiedIdentity from people.identity")
    username = (username or "").strip().lower()
    errors: dict[str, list[str]] = {}
    if not USERNAME.fullmatch(username):
        errors["username"] = ["아이디는 영문 소문자로 시작하는 영문 소문자·숫자·._- 4~30자로 정하십시오."]
    if set(Consent.Purpose.values) - set(consents or []):
        errors["consents"] = ["개인정보 수집·이용과 고유식별정보 처리에 모두 동의해야 가입할 수 있습니다."]
    address = (address or "").strip()
    if not address:
        errors["address"] = ["주소를 입력하십시오. 서울시에 사는지는 신청 자격을 확인할 때 읽습니다."]
    postal_code = (postal_code or "").strip()
    if postal_code and not POSTAL_CODE.fullmatch(postal_code):
        errors["postal_code"] = ["우편번호는 숫자 5자리로 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    where = {"address": address, "district": district, "postal_code": postal_code}
    destination = otp_destination(identity.contact)
    contact = (
        {"email": destination.value}
        if destination.channel == OneTimeCode.Channel.EMAIL
        else {"phone": destination.display}
    )
    with transaction.atomic():
        otp_consume(otp_id=otp_id, purpose=PURPOSE_SIGNUP, destination=destination)
        person = Person.objects.select_for_update().filter(rrn_index__in=rrn_indexes(identity.rrn)).first()
        if person is not None and person.user_id is not None:
            raise ValidationFailed(ACCOUNT_EXISTS)
        user = core_services.user_create(
            actor=None,
            username=username,
            password=password,
            role=Role.CITIZEN,
            display_name=identity.name,
            **contact,
        )
        if person is None:
            person = person_register(
                actor=user,
                user=user,
                name=identity.name,
                birth_date=identity.birth_date,
                sex=identity.sex,
                rrn=identity.rrn.digits,
                consents=consents,
                notice_version=notice_version,
                context=SIGNUP_CONTEXT,
                **contact,
                **where,
            )
            action, detail = "create", SIGNUP_CONTEXT
        else:
            person.user = user
            fields = ["user", "updated_at"]
            for field, value in contact.items():
                if not getattr(person, field):
                    setattr(person, field, value)
                    fields.append(field)
            for field, value in where.items():  # the address the citizen has just given is the newest
                setattr(person, field, value)
                fields.append(field)
            person.save(update_fields=fields)
            now = timezone.now()
            Consent.objects.bulk_create(
                [
                    Consent(
                        person=person,
                        purpose=purpose,
                        notice_version=notice_version,
                        context=SIGNUP_CONTEXT,
                        given_at=now,
                    )
                    for purpose in Consent.Purpose.values
                ]
            )
            action, detail = "change", f"{SIGNUP_CONTEXT}: 서면 등록자에 계정 연결"
        access_log_record(
            user=user,
            remote_addr=remote_addr,
            action=action,
            subject_type="people.person",
            subject_ids=[person.pk],
            detail=f"{detail} (본인확인 {identity.provider})",
        )
    return user
