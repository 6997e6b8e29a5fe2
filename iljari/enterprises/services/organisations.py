"""The organisation registry: registration (the 사업자등록번호 checked by its check digit, one organisation per
number), corrections by staff, the organisation's own profile, and its contact accounts."""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction

from iljari.core.access import access_organisation_profile_change, access_organisations_manage, require
from iljari.core.errors import ValidationFailed
from iljari.core.korean import direction_particle, with_object, with_topic
from iljari.core.models import User
from iljari.core.services import user_organisation_set
from iljari.enterprises.models import Organisation, business_number_text, business_number_valid

PROFILE_FIELDS = (
    "representative",
    "address",
    "phone",
    "website",
    "employees",
    "introduction",
    "starting_salary",
    "weekly_hours",
    "flexible_work",
    "parental_leave",
    "youth_hiring",
)
REGISTRY_FIELDS = ("corporate_number", "size", "sector", "district", "founded_on", *PROFILE_FIELDS)


def digits_only(text) -> str:
    return re.sub(r"[\s-]", "", str(text or ""))


def business_number_clean(text) -> str:
    """The number without hyphens, or ValidationFailed naming what is wrong."""
    number = digits_only(text)
    if not number:
        raise ValidationFailed(field_errors={"business_number": ["사업자등록번호를 입력하십시오."]})
    if not re.fullmatch(r"[0-9]{10}", number):
        raise ValidationFailed(
            field_errors={"business_number": ["사업자등록번호는 숫자 10자리입니다(예: 124-81-00998)."]}
        )
    if not business_number_valid(number):
        raise ValidationFailed(
            field_errors={"business_number": ["사업자등록번호가 올바르지 않습니다. 검증번호(끝자리)가 맞지 않습니다."]}
        )
    return number


def _registry_errors(fields: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    corporate = digits_only(fields.get("corporate_number"))
    if corporate and not re.fullmatch(r"[0-9]{13}", corporate):
        errors["corporate_number"] = ["법인등록번호는 숫자 13자리입니다."]
    fields["corporate_number"] = corporate
    for key, choices, label in (
        ("size", Organisation.Size.values, "규모"),
        ("sector", Organisation.Sector.values, "업종"),
    ):
        if key in fields and fields[key] not in choices:
            errors[key] = [f"{with_object(label)} 목록에서 고르십시오."]
    for key, label in (
        ("employees", "상시근로자 수"),
        ("starting_salary", "신입 초임"),
        ("weekly_hours", "주 소정근로시간"),
    ):
        value = fields.get(key)
        if value is not None and (not isinstance(value, int) or value < 0):
            errors[key] = [f"{with_topic(label)} 0 이상의 정수입니다."]
    if (fields.get("weekly_hours") or 0) > 52:
        errors["weekly_hours"] = ["주 소정근로시간은 52시간을 넘을 수 없습니다."]
    return errors


def require_manager(actor, message="기업·단체를 관리할 권한이 없습니다.") -> None:
    if actor is not None:
        require(access_organisations_manage(actor), message)


def organisation_register(*, actor, name: str, kind: str, business_number: str, **fields) -> Organisation:
    require_manager(actor, "기업·단체를 등록할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    try:
        number = business_number_clean(business_number)
    except ValidationFailed as error:
        errors.update(error.field_errors)
        number = ""
    name = (name or "").strip()
    if not name:
        errors["name"] = ["기관명을 입력하십시오."]
    if kind not in Organisation.Kind.values:
        errors["kind"] = ["구분을 목록에서 고르십시오."]
    fields = {key: value for key, value in fields.items() if key in REGISTRY_FIELDS}
    errors.update(_registry_errors(fields))
    if errors:
        raise ValidationFailed(field_errors=errors)
    fields = {
        key: (
            ""
            if value is None
            and key in ("corporate_number", "address", "phone", "website", "introduction", "representative")
            else value
        )
        for key, value in fields.items()
    }
    try:
        with transaction.atomic():
            existing = Organisation.objects.filter(business_number=number).first()
            if existing is not None:
                raise ValidationFailed(
                    field_errors={
                        "business_number": [
                            f"사업자등록번호 {with_topic(business_number_text(number))} 이미 "
                            f"'{existing.name}'{direction_particle(existing.name)} 등록되어 있습니다."
                        ]
                    }
                )
            return Organisation.objects.create(name=name, kind=kind, business_number=number, **fields)
    except IntegrityError as exc:  # the same number registered at the same instant
        raise ValidationFailed(
            field_errors={"business_number": ["같은 사업자등록번호가 방금 등록되었습니다."]}
        ) from exc


def organisation_update(*, actor, organisation: Organisation, name: str, kind: str, **fields) -> Organisation:
    require_manager(actor)
    errors: dict[str, list[str]] = {}
    if not (name or "").strip():
        errors["name"] = ["기관명을 입력하십시오."]
    if kind not in Organisation.Kind.values:
        errors["kind"] = ["구분을 목록에서 고르십시오."]
    fields = {key: value for key, value in fields.items() if key in REGISTRY_FIELDS}
    errors.update(_registry_errors(fields))
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        organisation.name = name.strip()
        organisation.kind = kind
        for key, value in fields.items():
            setattr(
                organisation,
                key,
                ""
                if value is None and key not in ("district", "founded_on", "starting_salary", "weekly_hours")
                else value,
            )
        organisation.save()
    return organisation


def organisation_profile_update(*, actor, organisation: Organisation, **fields) -> Organisation:
    """The organisation's own account keeps its profile (not its name, number, kind or certifications)."""
    if actor is not None:
        require(access_organisation_profile_change(actor, organisation), "이 기업·단체의 정보를 고칠 권한이 없습니다.")
    fields = {key: value for key, value in fields.items() if key in PROFILE_FIELDS}
    errors = _registry_errors(fields)
    errors.pop("corporate_number", None)
    fields.pop("corporate_number", None)
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        for key, value in fields.items():
            if value is None and key in ("representative", "address", "phone", "website", "introduction"):
                value = ""
            setattr(organisation, key, value)
        organisation.save(update_fields=[*fields, "updated_at"])
    return organisation


def organisation_contact_add(*, actor, organisation: Organisation, username: str):
    require_manager(actor, "담당자를 지정할 권한이 없습니다.")
    user = User.objects.filter(username=(username or "").strip()).first()
    if user is None:
        raise ValidationFailed(field_errors={"username": ["그런 아이디의 계정이 없습니다."]})
    if user.organisation_id not in (None, organisation.pk):
        raise ValidationFailed(field_errors={"username": ["이 계정은 이미 다른 기업·단체의 담당자입니다."]})
    return user_organisation_set(user=user, organisation=organisation)


def organisation_contact_remove(*, actor, user):
    require_manager(actor, "담당자를 해제할 권한이 없습니다.")
    return user_organisation_set(user=user, organisation=None)
