"""Worksites (사업장): where a programme's participants work, run by the city, a district or a partner."""

from __future__ import annotations

from django.db import transaction

from iljari.core.access import access_placements_manage, require
from iljari.core.errors import ValidationFailed
from iljari.participation.models import Worksite


def worksite_set(
    *,
    actor,
    code: str,
    programme,
    name: str,
    operator: str,
    org_unit=None,
    district=None,
    partner=None,
    **details,
) -> Worksite:
    if actor is not None:
        require(access_placements_manage(actor, programme.division.path), "이 사업의 사업장을 바꿀 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if not (code or "").strip():
        errors["code"] = ["사업장 코드를 입력하십시오."]
    if not (name or "").strip():
        errors["name"] = ["사업장명을 입력하십시오."]
    if operator not in Worksite.Operator.values:
        errors["operator"] = ["운영 주체를 고르십시오."]
    elif operator == Worksite.Operator.DISTRICT and district is None:
        errors["district"] = ["자치구 사업장은 자치구를 정해야 합니다."]
    elif operator == Worksite.Operator.PARTNER and partner is None:
        errors["partner"] = ["기관 사업장은 기관을 정해야 합니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    allowed = {"project", "address", "supervisor", "places", "is_active"}
    with transaction.atomic():
        worksite, _ = Worksite.objects.update_or_create(
            code=code.strip(),
            defaults={
                "programme": programme,
                "name": name.strip(),
                "operator": operator,
                "org_unit": org_unit,
                "district": district,
                "partner": partner,
                **{key: value for key, value in details.items() if key in allowed},
            },
        )
    return worksite
