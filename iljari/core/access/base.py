"""The ground the gates stand on: the user's role, `require`, the role sets every gate shares (each named once),
division paths and the divisions marked on their org unit as running the fund or the social economy."""

from __future__ import annotations

from django.apps import apps

from iljari.core.errors import NotAllowed
from iljari.core.roles import OFFICE_WIDE_ROLES, Role


def _role(user) -> str | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return user.role


def require(allowed: bool, message: str | None = None) -> None:
    """Raise NotAllowed (403) unless the gate allowed it."""
    if not allowed:
        raise NotAllowed(message)


OFFICE_STAFF = frozenset({Role.OFFICE_MANAGER, Role.DIVISION_STAFF})


OFFICE_STAFF_AND_DISTRICTS = OFFICE_STAFF | {Role.DISTRICT_OFFICER}


STAFF_AUDITORS_DISTRICTS = OFFICE_STAFF | {Role.AUDITOR, Role.DISTRICT_OFFICER}


STAFF_AUDITORS_PARTNERS = OFFICE_STAFF | {Role.AUDITOR, Role.PARTNER_AGENCY}


STAFF_AUDITORS_DISTRICTS_PARTNERS = OFFICE_STAFF | {Role.AUDITOR, Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY}


OFFICE_WIDE_AND_DISTRICTS = OFFICE_WIDE_ROLES | {Role.DISTRICT_OFFICER}


STRUCTURE_KEEPERS = frozenset({Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER})


def division_path(org_unit_path: str) -> str:
    """The path of the division an org unit belongs to ("/CITY/OFFICE/DIVISION/"); the office or city's own
    path for units above division level."""
    codes = [code for code in org_unit_path.split("/") if code]
    return "/" + "/".join(codes[:3]) + "/"


RUNS_MARKS = ("runs_fund", "runs_social_economy")


def marked_division_paths(mark: str) -> list[str]:
    """The paths of the divisions marked on their org unit as running something (org.OrgUnit.runs_fund: the social
    investment fund; runs_social_economy: the social economy's programmes and the SIB). The division is found by
    its mark, never by a code or path written here; the model is named by string (core imports no app)."""
    if mark not in RUNS_MARKS:
        raise ValueError(f"unknown org-unit mark: {mark}")
    org_unit = apps.get_model("org", "OrgUnit")
    return list(org_unit.objects.filter(kind="division", **{mark: True}).values_list("path", flat=True))


def access_organisation_own(user) -> bool:
    """An organisation's own account: keep its profile, apply to calls for organisations."""
    if _role(user) != Role.ORGANISATION:
        return False
    return user.organisation_id is not None
