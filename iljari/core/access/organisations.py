"""Gates of the programmes for organisations and the frontline desks: enterprises and procurement, frontline
services, the social investment fund, grants, district projects and the SIB."""

from __future__ import annotations

from django.db.models import QuerySet

from iljari.core.access.base import (
    OFFICE_STAFF,
    OFFICE_WIDE_AND_DISTRICTS,
    STAFF_AUDITORS_DISTRICTS_PARTNERS,
    STAFF_AUDITORS_PARTNERS,
    _role,
    access_organisation_own,
    division_path,
    marked_division_paths,
)
from iljari.core.access.office import access_figures_enter, access_figures_enter_any
from iljari.core.roles import OFFICE_WIDE_ROLES, PUBLIC_ROLES, Role


def access_organisations_view(user) -> bool:
    """The organisation registry: office staff and auditors (every organisation), district officers (the
    organisations of their district, through scope_rows)."""
    return _role(user) in OFFICE_WIDE_AND_DISTRICTS


def access_organisations_manage(user) -> bool:
    """Register and correct organisations, their certifications, contacts and support; write tour articles;
    moderate reviews."""
    return _role(user) in OFFICE_STAFF


def access_platform_review_write(user) -> bool:
    """Write or report a review on the strong-SME platform: a logged-in citizen or organisation (never anonymous:
    staff see who wrote it)."""
    return _role(user) in PUBLIC_ROLES


def access_procurement_view(user) -> bool:
    """Public procurement purchases and the year's progress: office staff and auditors; district officers (their
    district's own purchases through scope_rows, and the office's total)."""
    return access_organisations_view(user)


def access_procurement_enter(user, buyer) -> bool:
    """Enter or upload purchases of a buyer: office staff for every buyer; a district officer for their own
    district's office (the buyer of kind 자치구 in their district)."""
    if access_organisations_manage(user):
        return True
    if _role(user) != Role.DISTRICT_OFFICER:
        return False
    if buyer is None:
        return True  # may enter for some buyer (shows the forms); each row is checked again
    return buyer.kind == "district" and buyer.district_id == user.district_id


def access_procurement_own(user, buyer=None) -> bool:
    """A public body's own account enters and uploads its own purchases: an organisation account tied to an
    organisation that is a buyer (자치구 or 공공기관); with `buyer`, only when it is that organisation."""
    if not access_organisation_own(user):
        return False
    if user.organisation.kind not in {"district", "agency"}:
        return False
    if buyer is None:
        return True
    return buyer.pk == user.organisation_id


def access_frontline_view(user) -> bool:
    """The frontline pages (service points, consultations, rooms and bookings, programmes, shelters, figures): the
    office manager, division staff and auditors (every point), partner agencies (the points and shelters their
    partner runs, through scope_rows(partner=...))."""
    return _role(user) in STAFF_AUDITORS_PARTNERS


def access_fund_view(user) -> bool:
    """The fund's loans, schedules, repayments, portfolio and notices: the office manager, division staff and the
    auditor (every loan); a partner agency the loans it is the intermediary of (through scope_rows(partner=...))."""
    return _role(user) in STAFF_AUDITORS_PARTNERS


def access_service_point_work(user, point) -> bool:
    """Work at a service point (record consultations, follow-ups, cases, visits, check-ins) and read its private
    notes: the partner agency whose partner runs the point; for a point the office runs itself, staff of the
    point's division. Nobody else, not even the office manager, reads the notes."""
    role = _role(user)
    if role == Role.PARTNER_AGENCY and point.partner_id is not None:
        return point.partner_id == user.partner_id
    if role == Role.DIVISION_STAFF and point.partner_id is None and user.org_unit is not None:
        return point.division.path.startswith(division_path(user.org_unit.path))
    return False


def access_frontline_manage(user, division_path_: str) -> bool:
    """Keep a division's rooms, programmes, shelters and the public-sector labour records: the office manager, or
    staff of that division."""
    return access_figures_enter(user, division_path_)


def access_frontline_manage_any(user) -> bool:
    """May keep some division's frontline set-up (rooms, programmes, sessions, shelters, closures): the
    office manager or division staff (which division's records: access_frontline_manage)."""
    return access_figures_enter_any(user)


def access_shelter_counts(user, shelter) -> bool:
    """Enter a shelter's daily user counts: the partner agency that runs it, or the shelter's division's staff."""
    if _role(user) == Role.PARTNER_AGENCY and shelter.partner_id is not None:
        return shelter.partner_id == user.partner_id
    return access_frontline_manage(user, shelter.division.path)


def access_public_sector_view(user) -> bool:
    """The public sector's own labour programmes (conversions, fixed-term pre-screening, working hours, checks):
    the office-wide roles."""
    return _role(user) in OFFICE_WIDE_ROLES


def access_book(user) -> bool:
    """Book rooms and register for programmes on the portal: citizens."""
    return _role(user) == Role.CITIZEN


def access_fund_manage(user) -> bool:
    """Keep the fund: agreements, loans and disbursements, repayments and bank statements, deferment decisions,
    notice batches, the ledger: the office manager, and staff of the division that runs the fund (the org unit
    marked `runs_fund`: 사회적경제담당관)."""
    role = _role(user)
    if role == Role.OFFICE_MANAGER:
        return True
    if role != Role.DIVISION_STAFF:
        return False
    if user.org_unit is None:
        return False
    return division_path(user.org_unit.path) in marked_division_paths("runs_fund")


def access_fund_repayments_follow(user) -> bool:
    """Follow the loans' repayments due and overdue (the work list): those who keep the fund, and a partner agency
    (the loans it is the intermediary of, through scope_rows(partner=...))."""
    if access_fund_manage(user):
        return True
    return _role(user) == Role.PARTNER_AGENCY


def access_fund_ledger_view(user) -> bool:
    """The fund's ledger (trial balance): those who keep the fund, and the auditor."""
    if access_fund_manage(user):
        return True
    return _role(user) == Role.AUDITOR


def access_grants_view(user) -> bool:
    """Grant programmes and agreements: the office manager, division staff and the auditor (every agreement); a
    district officer the agreements of their district, a partner agency those it manages (through scope_rows)."""
    return _role(user) in STAFF_AUDITORS_DISTRICTS_PARTNERS


def access_grants_manage(user, division_path_: str) -> bool:
    """Keep a grant programme's agreements (sign, disburse, settle, evaluate, approve payrolls, register reports
    handed in on paper): the office manager, or staff of the programme's division."""
    return access_figures_enter(user, division_path_)


def access_grants_manage_any(user) -> bool:
    """May keep some division's grants (shows the forms; which programmes: access_grants_manage)."""
    return access_figures_enter_any(user)


def access_grant_own(user, agreement) -> bool:
    """The grantee's own account for its agreement: submit spending reports and payrolls, read it."""
    if not access_organisation_own(user):
        return False
    return agreement.grantee_id == user.organisation_id


def access_unions_view(user) -> bool:
    """The labour unions' support (노동단체 지원: sub-projects, budgets, tranches): whoever sees the grants (scoped
    like the agreements), and a union's own account (its own agreements only, through the selectors)."""
    if access_grants_view(user):
        return True
    return access_organisation_own(user)


def access_unions_menu(user) -> bool:
    """The menu's 노동단체 지원: whoever sees the grants, and the account of a labour organisation (노동단체)."""
    if access_grants_view(user):
        return True
    return access_organisation_own(user) and user.organisation.kind == "labour_organisation"


def access_scholarship_view(user, agreement) -> bool:
    """The students of a union's 근로자 자녀 장학금 (personal data): office staff and the auditor, and the union's own
    account for its own agreement. District officers, partner agencies and the system administrator none."""
    if _role(user) in OFFICE_STAFF | {Role.AUDITOR}:
        return True
    return access_grant_own(user, agreement)


def access_district_projects_view(user) -> bool:
    """The 시-구 협력 district projects and the districts' ecosystem funding: the office-wide roles (every district),
    district officers (their own district's, through scope_rows(district=...)). Partners and the public none."""
    return _role(user) in OFFICE_WIDE_AND_DISTRICTS


def access_district_projects_manage(user, division_path_: str) -> bool:
    """Register a programme's district projects, record their mid-term review and the evaluation committee's
    decision, fund the ecosystem stages: the office manager, or staff of the programme's division."""
    return access_figures_enter(user, division_path_)


def access_district_projects_manage_any(user) -> bool:
    """May keep some programme's district projects (shows the forms; which programme's: the gate above)."""
    return access_figures_enter_any(user)


def access_district_monitoring_enter(user, project) -> bool:
    """Enter a district project's monthly monitoring: the district officer of the project's own district, or the
    programme's division (on the district's behalf)."""
    if _role(user) == Role.DISTRICT_OFFICER:
        return project.district_id == user.district_id
    return access_district_projects_manage(user, project.programme.division.path)


def access_district_monitoring_enter_any(user) -> bool:
    """May enter some district project's monthly monitoring (the work list's unentered months; which projects:
    access_district_monitoring_enter): district officers, the office manager and division staff."""
    return _role(user) in OFFICE_STAFF | {Role.DISTRICT_OFFICER}


def access_sib_view(user) -> bool:
    """The social impact bond contracts, evaluations and payments: the office-wide roles."""
    return _role(user) in OFFICE_WIDE_ROLES


def access_sib_manage(user) -> bool:
    """Keep the SIB contracts and record their evaluation: the office manager, and staff of the division that runs
    the social economy's programmes, the SIB among them (the org unit marked `runs_social_economy`:
    사회적경제담당관), as access_figures_enter reaches it."""
    if _role(user) == Role.OFFICE_MANAGER:
        return True
    return any(access_figures_enter(user, path) for path in marked_division_paths("runs_social_economy"))


def access_organisation_profile_change(user, organisation) -> bool:
    """Keep an organisation's profile and working conditions: the staff who manage organisations, or the
    organisation's own account (only its own)."""
    if access_organisations_manage(user):
        return True
    if not access_organisation_own(user):
        return False
    return user.organisation_id == organisation.pk


def access_purchases_enter_any(user) -> bool:
    """May enter or upload public purchases at all (each purchase's buyer is checked again): the office and district
    officers for the buyers in their reach (access_procurement_enter), a public body's own account for itself
    (access_procurement_own)."""
    if access_procurement_enter(user, None):
        return True
    return access_procurement_own(user)


def access_grant_submit(user, agreement) -> bool:
    """Submit an agreement's spending report or payroll: the grantee's own account, or staff who keep the
    programme's grants (access_grants_manage; a report handed in on paper)."""
    if access_grant_own(user, agreement):
        return True
    return access_grants_manage(user, agreement.programme.programme.division.path)


def access_payroll_template(user) -> bool:
    """Download the empty payroll sheet: whoever sees the grants, and organisation accounts (the grantees)."""
    if access_grants_view(user):
        return True
    return access_organisation_own(user)


LABOUR_POLICY_DIVISION_PATH = "/SEOUL/JOBS/LABOUR-POLICY/"


def access_public_sector_record(user) -> bool:
    """Record the public sector's own labour programmes (conversions, fixed-term pre-screening and its decisions,
    annual working hours, checks): the office manager, or staff of 노동정책담당관."""
    return access_frontline_manage(user, LABOUR_POLICY_DIVISION_PATH)


def access_frontline_closure_change(user, point) -> bool:
    """Add or remove a closed day: of one service point, the office manager or staff of the point's division; of
    every point at once (point None), the office manager only."""
    if point is not None:
        return access_frontline_manage(user, point.division.path)
    return _role(user) == Role.OFFICE_MANAGER


def scope_frontline_divisions(user, divisions: QuerySet) -> QuerySet:
    """Of `divisions` (org units), those whose frontline set-up (rooms, programmes, sessions, shelters, closures)
    the user keeps: every one for the office manager, the own division for division staff, none for anyone
    else (a division-staff account without a placement included)."""
    role = _role(user)
    if role == Role.OFFICE_MANAGER:
        return divisions
    if role != Role.DIVISION_STAFF:
        return divisions.none()
    if user.org_unit_id is None:
        return divisions.none()
    return divisions.filter(path=division_path(user.org_unit.path))


def access_economy_view(user) -> bool:
    """The social economy's networks and markets (GSEF, 공정무역도시, spaces and their tenants, sales channels): the
    office-wide roles."""
    return _role(user) in OFFICE_WIDE_ROLES


def access_economy_manage(user) -> bool:
    """Keep the social economy's networks and markets: the office manager, and staff of the division that runs the
    social economy (the org unit marked `runs_social_economy`: 사회적경제담당관), as access_figures_enter reaches it."""
    if _role(user) == Role.OFFICE_MANAGER:
        return True
    return any(access_figures_enter(user, path) for path in marked_division_paths("runs_social_economy"))
