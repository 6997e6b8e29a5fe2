"""Gates of the entrusted facilities (민간위탁): the facilities the office runs through trustees, their contracts,
yearly budgets and settlements, evaluations and the renewal path (entrusted app)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from iljari.core.access.base import OFFICE_STAFF, STAFF_AUDITORS_PARTNERS, _role, division_path
from iljari.core.access.office import access_figures_enter
from iljari.core.roles import OFFICE_WIDE_ROLES, Role


def access_entrusted_view(user) -> bool:
    """The entrusted facilities: the office manager, division staff and the auditor (every facility); a partner
    agency the facilities it holds a contract for, and only its own contracts (scope_entrusted_*)."""
    return _role(user) in STAFF_AUDITORS_PARTNERS


def access_entrusted_manage(user, division_path_: str) -> bool:
    """Keep a facility, its contracts, budgets and settlements, evaluations and renewal steps: the office manager
    every facility, division staff the facilities their own division supervises."""
    return access_figures_enter(user, division_path_)


def access_entrusted_manage_any(user) -> bool:
    """May keep some facility (shows the forms and the work-list items; which facilities: access_entrusted_manage)."""
    return _role(user) in OFFICE_STAFF


def scope_entrusted_facilities(user, queryset: QuerySet) -> QuerySet:
    """The facilities a user may read: the office-wide roles every one; a partner agency those it holds a contract
    for (the field path `contracts__trustee`); nobody else any."""
    role = _role(user)
    if role in OFFICE_WIDE_ROLES and role in STAFF_AUDITORS_PARTNERS:
        return queryset
    if role == Role.PARTNER_AGENCY and user.partner_id is not None:
        return queryset.filter(pk__in=queryset.filter(contracts__trustee=user.partner_id).values("pk"))
    return queryset.none()


def scope_entrusted_contracts(user, queryset: QuerySet, *, trustee: str = "trustee") -> QuerySet:
    """The contracts (or rows of a contract: budgets, evaluations through `contract__trustee`) a user may read: the
    office-wide roles every one, a partner agency its own."""
    role = _role(user)
    if role in OFFICE_WIDE_ROLES and role in STAFF_AUDITORS_PARTNERS:
        return queryset
    if role == Role.PARTNER_AGENCY and user.partner_id is not None:
        return queryset.filter(Q(**{trustee: user.partner_id}))
    return queryset.none()


def entrusted_kept_filter(user, *, division: str = "division__path") -> Q | None:
    """The facilities a user keeps (the work list's "mine"): every one for the office manager, those of their own
    division for division staff (`division` is the field path of the facility's supervising unit's path); None
    when the user keeps none."""
    role = _role(user)
    if role == Role.OFFICE_MANAGER:
        return Q()
    if role == Role.DIVISION_STAFF and user.org_unit is not None:
        return Q(**{f"{division}__startswith": division_path(user.org_unit.path)})
    return None
