"""The roles of Iljari (who may do what: core/access.py). Codes are stable strings; labels are what the screen shows."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("시스템관리자")
    OFFICE_MANAGER = "office_manager", _("총괄")
    DIVISION_STAFF = "division_staff", _("담당관·팀")
    DISTRICT_OFFICER = "district_officer", _("자치구")
    PARTNER_AGENCY = "partner_agency", _("수행·위탁기관")
    AUDITOR = "auditor", _("감사")
    CITIZEN = "citizen", _("시민")
    ORGANISATION = "organisation", _("기업·단체")


# Roles that work inside the office's own network and see office data in some scope.
OFFICIAL_ROLES = frozenset(
    {
        Role.SYSTEM_ADMIN,
        Role.OFFICE_MANAGER,
        Role.DIVISION_STAFF,
        Role.DISTRICT_OFFICER,
        Role.PARTNER_AGENCY,
        Role.AUDITOR,
    }
)
# Roles that see the whole office (read scope: everything).
OFFICE_WIDE_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR})
# The public: citizens and organisations using the portal.
PUBLIC_ROLES = frozenset({Role.CITIZEN, Role.ORGANISATION})


class Position(models.TextChoices):
    """An official's position (직위), lowest first: who may give the final approval of an act (approvals' 전결
    rules)."""

    CLERK = "clerk", _("주무관")
    TEAM_LEAD = "team_lead", _("팀장")
    DIRECTOR = "director", _("담당관")
    HEAD = "head", _("정책관")


# the order of the positions (no position: 0, below every one)
POSITION_RANK = {"": 0, Position.CLERK: 1, Position.TEAM_LEAD: 2, Position.DIRECTOR: 3, Position.HEAD: 4}


def position_at_least(position: str, required: str) -> bool:
    """Does a holder of `position` rank at or above `required` (주무관 < 팀장 < 담당관 < 정책관)?"""
    return POSITION_RANK.get(position or "", 0) >= POSITION_RANK[required]
