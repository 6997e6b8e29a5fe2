"""org selectors — reads of the organisation, already scoped to the user by iljari.core.access.

Contract:
- org_unit_tree(*, user) -> list[OrgUnit]              (in tree order, with `depth`)
- org_unit_get(*, user, code) -> OrgUnit
- org_unit_subtree_ids(*, unit) -> list[int]           (the unit and everything under it: for roll-ups)
- district_list(*, user) -> QuerySet[District]
- district_get(*, user, code) -> District
- district_choices() -> list[District]                   (names and codes only: public, unscoped)
- partner_list(*, user, q="", kind="", district_code="") -> QuerySet[Partner]
- partner_get(*, user, code) -> Partner
- org_summary(*, user) -> dict                          (counts for the dashboard)
- org_unit_counts(*, user) -> dict[str, int]            (active units per kind, every kind: the report's 조직 line)
- division_list(*, user) -> list[OrgUnit]               (the active divisions, in tree order)
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from iljari.core.access import (
    access_district_list,
    access_office_view,
    access_partner_list,
    require,
    scope_rows,
)
from iljari.core.errors import NotFound
from iljari.org.models import District, OrgUnit, Partner


def org_unit_tree(*, user) -> list[OrgUnit]:
    require(access_office_view(user))
    units = list(
        OrgUnit.objects.select_related("parent").annotate(user_count=Count("users", filter=Q(users__is_active=True)))
    )
    # Siblings in sort_order, children right after their parent.
    by_parent: dict[int | None, list[OrgUnit]] = {}
    for unit in units:
        by_parent.setdefault(unit.parent_id, []).append(unit)
    ordered: list[OrgUnit] = []

    def walk(parent_id: int | None) -> None:
        for child in sorted(by_parent.get(parent_id, []), key=lambda u: (u.sort_order, u.code)):
            ordered.append(child)
            walk(child.pk)

    walk(None)
    return ordered


def org_unit_get(*, user, code: str) -> OrgUnit:
    require(access_office_view(user))
    unit = OrgUnit.objects.select_related("parent").filter(code=code).first()
    if unit is None:
        raise NotFound("조직을 찾을 수 없습니다.")
    return unit


def org_unit_subtree_ids(*, unit: OrgUnit) -> list[int]:
    return list(OrgUnit.objects.filter(path__startswith=unit.path).values_list("pk", flat=True))


def district_list(*, user) -> QuerySet[District]:
    require(access_district_list(user))
    return (
        scope_rows(user, District.objects.all(), district="pk")
        .annotate(partner_count=Count("partners", filter=Q(partners__is_active=True)))
        .order_by("sort_order", "code")
    )  # Meta.ordering is not applied to a GROUP BY query: say it


def district_get(*, user, code: str) -> District:
    require(access_district_list(user))
    district = scope_rows(user, District.objects.all(), district="pk").filter(code=code).first()
    if district is None:
        raise NotFound("자치구를 찾을 수 없습니다.")
    return district


def district_choices() -> list[District]:
    return list(District.objects.only("code", "name", "sort_order"))


def partner_list(*, user, q: str = "", kind: str = "", district_code: str = "") -> QuerySet[Partner]:
    require(access_partner_list(user))
    queryset = scope_rows(
        user, Partner.objects.select_related("district", "supervising_unit"), district="district", partner="pk"
    )
    if q:
        queryset = queryset.filter(
            Q(name__icontains=q) | Q(code__icontains=q) | Q(entrusted_task__icontains=q) | Q(address__icontains=q)
        )
    if kind:
        queryset = queryset.filter(kind=kind)
    if district_code:
        queryset = queryset.filter(district__code=district_code)
    return queryset.order_by("kind", "name")


def partner_get(*, user, code: str) -> Partner:
    require(access_partner_list(user))
    partner = (
        scope_rows(
            user, Partner.objects.select_related("district", "supervising_unit"), district="district", partner="pk"
        )
        .filter(code=code)
        .first()
    )
    if partner is None:
        raise NotFound("협력기관을 찾을 수 없습니다.")
    return partner


def org_summary(*, user) -> dict:
    require(access_office_view(user))
    kinds = dict(
        OrgUnit.objects.filter(is_active=True).values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    partners = scope_rows(user, Partner.objects.filter(is_active=True), district="district", partner="pk")
    return {
        "divisions": kinds.get(OrgUnit.Kind.DIVISION, 0),
        "teams": kinds.get(OrgUnit.Kind.TEAM, 0),
        "districts": District.objects.count(),
        "partners": partners.count(),
    }


def org_unit_counts(*, user) -> dict[str, int]:
    units = org_unit_tree(user=user)
    return {kind: sum(1 for u in units if u.kind == kind and u.is_active) for kind in OrgUnit.Kind.values}


def division_list(*, user) -> list[OrgUnit]:
    return [u for u in org_unit_tree(user=user) if u.kind == OrgUnit.Kind.DIVISION and u.is_active]
