"""org services — the writes of the organisation.

Contract:
- org_unit_create(*, actor, code, name, kind, parent=None, sort_order=0, functions="", runs_fund=False,
      runs_social_economy=False) -> OrgUnit
- org_unit_update(*, actor, unit, name, parent, sort_order, functions, is_active, runs_fund=None,
      runs_social_economy=None) -> OrgUnit
      moving a unit rewrites the paths of its whole subtree in one statement per level. The `runs_*` marks (which
      division runs the fund, the social economy) only on a division; None leaves a mark as it is.
- district_upsert(*, actor, code, name, sort_order) -> District
- partner_create(*, actor, code, name, kind, **fields) -> Partner
- partner_update(*, actor, partner, **fields) -> Partner

`actor=None` is the system itself (the demo loader, a migration); every other caller is checked by
iljari.core.access. Failures raise iljari.core.errors.ValidationFailed with Korean field messages.
"""

from __future__ import annotations

import re
from datetime import date

from django.db import transaction

from iljari.core.access import access_org_structure_change, access_partner_change, require
from iljari.core.errors import ValidationFailed
from iljari.org.models import ALLOWED_PARENT_KIND, District, OrgUnit, Partner

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,31}$")
PARTNER_FIELDS = (
    "name",
    "kind",
    "district",
    "address",
    "supervising_unit",
    "entrusted_task",
    "entrusted_from",
    "entrusted_until",
    "contact",
    "note",
    "is_active",
)


def _check_code(code: str) -> str:
    code = (code or "").strip().upper()
    if not CODE_PATTERN.match(code):
        raise ValidationFailed(field_errors={"code": ["코드는 영문 대문자, 숫자, 하이픈(-)으로 32자 이내로 씁니다."]})
    return code


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationFailed(field_errors={"name": ["이름을 입력하십시오."]})
    return name


def _check_parent(kind: str, parent: OrgUnit | None, *, unit: OrgUnit | None = None) -> None:
    if kind == OrgUnit.Kind.CITY:
        if parent is not None:
            raise ValidationFailed(field_errors={"parent": ["시(최상위 조직)는 상위 조직을 가질 수 없습니다."]})
        return
    expected = ALLOWED_PARENT_KIND[kind]
    if parent is None or parent.kind != expected:
        raise ValidationFailed(
            field_errors={
                "parent": [f"{OrgUnit.Kind(kind).label}의 상위 조직은 {OrgUnit.Kind(expected).label}이어야 합니다."]
            }
        )
    if unit is not None and (parent.pk == unit.pk or parent.path.startswith(unit.path)):
        raise ValidationFailed(field_errors={"parent": ["자기 자신이나 하위 조직 아래로 옮길 수 없습니다."]})


def _check_runs(kind: str, *marks: bool | None) -> None:
    if kind != OrgUnit.Kind.DIVISION and any(marks):
        raise ValidationFailed(field_errors={"runs_fund": ["사업을 맡는 표시는 담당관(부서)에만 합니다."]})


def _path(parent: OrgUnit | None, code: str) -> str:
    return f"{parent.path if parent else '/'}{code}/"


def org_unit_create(
    *,
    actor,
    code: str,
    name: str,
    kind: str,
    parent: OrgUnit | None = None,
    sort_order: int = 0,
    functions: str = "",
    runs_fund: bool = False,
    runs_social_economy: bool = False,
) -> OrgUnit:
    if actor is not None:
        require(access_org_structure_change(actor), "조직을 만들 권한이 없습니다.")
    code = _check_code(code)
    name = _check_name(name)
    if kind not in OrgUnit.Kind.values:
        raise ValidationFailed(field_errors={"kind": ["조직 구분을 고르십시오."]})
    _check_parent(kind, parent)
    _check_runs(kind, runs_fund, runs_social_economy)
    with transaction.atomic():
        if OrgUnit.objects.filter(code=code).exists():
            raise ValidationFailed(field_errors={"code": ["이미 쓰이는 코드입니다."]})
        return OrgUnit.objects.create(
            code=code,
            name=name,
            kind=kind,
            parent=parent,
            path=_path(parent, code),
            depth=parent.depth + 1 if parent else 0,
            sort_order=sort_order,
            functions=functions.strip(),
            runs_fund=runs_fund,
            runs_social_economy=runs_social_economy,
        )


def org_unit_update(
    *,
    actor,
    unit: OrgUnit,
    name: str,
    parent: OrgUnit | None,
    sort_order: int,
    functions: str = "",
    is_active: bool = True,
    runs_fund: bool | None = None,
    runs_social_economy: bool | None = None,
) -> OrgUnit:
    if actor is not None:
        require(access_org_structure_change(actor), "조직을 바꿀 권한이 없습니다.")
    name = _check_name(name)
    _check_parent(unit.kind, parent, unit=unit)
    _check_runs(unit.kind, runs_fund, runs_social_economy)
    with transaction.atomic():
        unit = OrgUnit.objects.select_for_update().get(pk=unit.pk)
        if not is_active and unit.children.filter(is_active=True).exists():
            raise ValidationFailed(field_errors={"is_active": ["사용 중인 하위 조직이 있어 중지할 수 없습니다."]})
        old_path = unit.path
        unit.name = name
        unit.sort_order = sort_order
        unit.functions = functions.strip()
        unit.is_active = is_active
        if runs_fund is not None:
            unit.runs_fund = runs_fund
        if runs_social_economy is not None:
            unit.runs_social_economy = runs_social_economy
        unit.parent = parent
        unit.path = _path(parent, unit.code)
        unit.depth = parent.depth + 1 if parent else 0
        unit.save()
        if unit.path != old_path:
            depth_change = unit.depth - (old_path.count("/") - 2)  # "/A/" is depth 0
            descendants = OrgUnit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk)
            for descendant in descendants.select_for_update():
                descendant.path = unit.path + descendant.path[len(old_path) :]
                descendant.depth = descendant.depth + depth_change
                descendant.save(update_fields=["path", "depth", "updated_at"])
    return unit


def district_upsert(*, actor, code: str, name: str, sort_order: int = 0) -> District:
    if actor is not None:
        require(access_org_structure_change(actor), "자치구 정보를 바꿀 권한이 없습니다.")
    if not re.fullmatch(r"\d{5}", code or ""):
        raise ValidationFailed(field_errors={"code": ["자치구 행정코드는 숫자 5자리입니다."]})
    name = _check_name(name)
    with transaction.atomic():
        district, _ = District.objects.update_or_create(code=code, defaults={"name": name, "sort_order": sort_order})
    return district


def _check_partner(fields: dict) -> dict:
    errors: dict[str, list[str]] = {}
    if not (fields.get("name") or "").strip():
        errors["name"] = ["기관명을 입력하십시오."]
    if fields.get("kind") not in Partner.Kind.values:
        errors["kind"] = ["기관 구분을 고르십시오."]
    start: date | None = fields.get("entrusted_from")
    end: date | None = fields.get("entrusted_until")
    if start and end and end < start:
        errors["entrusted_until"] = ["위탁 종료일은 시작일보다 빠를 수 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    fields["name"] = fields["name"].strip()
    return fields


def partner_create(*, actor, code: str, name: str, kind: str, **fields) -> Partner:
    if actor is not None:
        require(access_partner_change(actor), "협력기관을 등록할 권한이 없습니다.")
    code = _check_code(code)
    unknown = set(fields) - set(PARTNER_FIELDS)
    if unknown:
        raise TypeError(f"unknown partner fields: {sorted(unknown)}")
    values = _check_partner({"name": name, "kind": kind, **fields})
    with transaction.atomic():
        if Partner.objects.filter(code=code).exists():
            raise ValidationFailed(field_errors={"code": ["이미 쓰이는 코드입니다."]})
        return Partner.objects.create(code=code, **values)


def partner_update(*, actor, partner: Partner, **fields) -> Partner:
    if actor is not None:
        require(access_partner_change(actor), "협력기관 정보를 바꿀 권한이 없습니다.")
    unknown = set(fields) - set(PARTNER_FIELDS)
    if unknown:
        raise TypeError(f"unknown partner fields: {sorted(unknown)}")
    with transaction.atomic():
        partner = Partner.objects.select_for_update().get(pk=partner.pk)
        current = {field: getattr(partner, field) for field in PARTNER_FIELDS}
        values = _check_partner({**current, **fields})
        for field, value in values.items():
            setattr(partner, field, value)
        partner.save()
    return partner
