"""Every permission decision in Iljari lives here.

Two kinds of function:
- `access_*(user) -> bool` gates: may this user do this kind of thing at all? Views and API endpoints call
  `require(access_...(user))`, services call them again before they write.
- `scope_*` filters: which rows may this user see? Selectors pass their queryset through `scope_rows`
  with the field paths that tie a row to a district, a partner or an org unit; out-of-scope rows are
  simply absent, so fetching another district's record by id answers 404.

The role sets the gates share are named once below (`OFFICE_STAFF`, ...); a set only one gate uses stays in that
gate. Each condition stands on its own line and is tested for allow and deny in core/tests/test_access_matrix.py
(and test_access_roles.py for the accounts' and people's own gates).
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import Q, QuerySet

from iljari.core.errors import NotAllowed
from iljari.core.roles import OFFICE_WIDE_ROLES, OFFICIAL_ROLES, PUBLIC_ROLES, Role


def _role(user) -> str | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return user.role


def require(allowed: bool, message: str | None = None) -> None:
    """Raise NotAllowed (403) unless the gate allowed it."""
    if not allowed:
        raise NotAllowed(message)


# --- role sets (each named once; OFFICIAL_ROLES and OFFICE_WIDE_ROLES come from core.roles) ---------------

# The office's own staff, who keep its records: the office manager and division staff.
OFFICE_STAFF = frozenset({Role.OFFICE_MANAGER, Role.DIVISION_STAFF})
# Office staff and district officers: register and correct people, place selected applicants.
OFFICE_STAFF_AND_DISTRICTS = OFFICE_STAFF | {Role.DISTRICT_OFFICER}
# Office staff, auditors and district officers (their district's rows through scope_rows): people, applications.
STAFF_AUDITORS_DISTRICTS = OFFICE_STAFF | {Role.AUDITOR, Role.DISTRICT_OFFICER}
# Office staff, auditors and partner agencies (their partner's rows): training, frontline, the fund.
STAFF_AUDITORS_PARTNERS = OFFICE_STAFF | {Role.AUDITOR, Role.PARTNER_AGENCY}
# Office staff, auditors, district officers and partner agencies (each their own rows): participation, grants.
STAFF_AUDITORS_DISTRICTS_PARTNERS = OFFICE_STAFF | {Role.AUDITOR, Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY}
# The office-wide roles and district officers (their district's rows): districts, organisations, district projects.
OFFICE_WIDE_AND_DISTRICTS = OFFICE_WIDE_ROLES | {Role.DISTRICT_OFFICER}
# Those who set the office's structure and rules: the system administrator and the office manager.
STRUCTURE_KEEPERS = frozenset({Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER})


# --- gates -----------------------------------------------------------------------------------------------


def access_office_view(user) -> bool:
    """The office side of Iljari: dashboard, org chart, API docs."""
    return _role(user) in OFFICIAL_ROLES


def access_org_structure_change(user) -> bool:
    """Create and edit org units."""
    return _role(user) in STRUCTURE_KEEPERS


def access_district_list(user) -> bool:
    return _role(user) in OFFICE_WIDE_AND_DISTRICTS


def access_partner_list(user) -> bool:
    """The partner institutions: the office-wide roles, district officers and partner agencies (their own)."""
    return _role(user) in OFFICIAL_ROLES


def access_partner_change(user) -> bool:
    """Register and edit partner institutions."""
    role = _role(user)
    return role in {Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER, Role.DIVISION_STAFF}


def access_change_history_view(user) -> bool:
    """Browse the change history and the login records."""
    role = _role(user)
    return role in {Role.AUDITOR, Role.SYSTEM_ADMIN}


def access_print_record(user) -> bool:
    """Record that one prints a page with personal data one has just been shown (the page's signed print token
    names the people; the token is bound to the account that viewed them)."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def access_access_log_review_sign(user) -> bool:
    """Sign off the monthly review of the access log: the auditor (the admin reads it but does not sign)."""
    return _role(user) == Role.AUDITOR


def access_retention_rules_change(user) -> bool:
    """Set how long each kind of personal record is kept."""
    return _role(user) in STRUCTURE_KEEPERS


def access_destruction_register_view(user) -> bool:
    """Read the retention periods and the destruction register."""
    role = _role(user)
    return role in {Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER, Role.AUDITOR}


def access_accounts_manage(user) -> bool:
    """Create accounts, set roles and placements, unlock and deactivate."""
    return _role(user) == Role.SYSTEM_ADMIN


def access_account_role_set(actor, account, *, role: str, is_active: bool) -> bool:
    """Give an account this role and active flag (after access_accounts_manage): on one's own account only the role
    one has and active — nobody demotes or suspends themself; another administrator must."""
    if account.pk != actor.pk:
        return True
    if role != actor.role:
        return False
    return is_active


# The placement that ties an account of a role to the rows its gates and scope_rows read.
PLACEMENT_BY_ROLE = {
    Role.DIVISION_STAFF: "org_unit",
    Role.OFFICE_MANAGER: "org_unit",
    Role.DISTRICT_OFFICER: "district",
    Role.PARTNER_AGENCY: "partner",
}


def account_placement_required(role: str) -> str | None:
    """The placement ("org_unit", "district" or "partner") an account of this role must carry; None for none."""
    return PLACEMENT_BY_ROLE.get(role)


def account_placement_allowed(role: str, placement: str) -> bool:
    """May an account of this role carry this placement: the one its role requires; the system administrator also an
    org unit (which none of its gates reads)."""
    if placement == PLACEMENT_BY_ROLE.get(role):
        return True
    return role == Role.SYSTEM_ADMIN and placement == "org_unit"


def account_represents_organisation(role: str) -> bool:
    """Only an account of the organisation role represents an organisation (access_organisation_own)."""
    return role == Role.ORGANISATION


def access_job_view(user, job) -> bool:
    """Follow a background job and download its result: the user who asked for it; the system administrator any."""
    role = _role(user)
    if role is None:
        return False
    return job.requested_by_id == user.pk or role == Role.SYSTEM_ADMIN


def access_own_account(user) -> bool:
    """See one's own account and change one's own password."""
    return _role(user) is not None


def access_office_figures_view(user) -> bool:
    """The office's plan, staffing, budget, indicators, job targets and the business report."""
    return _role(user) in OFFICE_WIDE_ROLES


def division_path(org_unit_path: str) -> str:
    """The path of the division an org unit belongs to ("/CITY/OFFICE/DIVISION/"); the office or city's own
    path for units above division level."""
    codes = [code for code in org_unit_path.split("/") if code]
    return "/" + "/".join(codes[:3]) + "/"


def access_figures_enter(user, org_unit_path: str) -> bool:
    """Enter monthly figures (budget execution, achievements, indicator actuals, milestones) for a unit:
    the office manager for every unit, division staff for units of their own division."""
    role = _role(user)
    if role == Role.OFFICE_MANAGER:
        return True
    if role == Role.DIVISION_STAFF and user.org_unit is not None:
        return org_unit_path.startswith(division_path(user.org_unit.path))
    return False


def access_figures_enter_any(user) -> bool:
    """May enter monthly figures for some unit (shows the entry forms)."""
    return _role(user) in OFFICE_STAFF


def access_month_lock(user) -> bool:
    """Sign off (lock) a month's figures, and unlock it."""
    return _role(user) == Role.OFFICE_MANAGER


def access_validation_rules_manage(user) -> bool:
    """Edit the validation rules."""
    return _role(user) == Role.OFFICE_MANAGER


def access_people_view(user) -> bool:
    """The person registry (who applied, who takes part): office staff, auditors, district officers (their
    district's residents only, through scope_rows)."""
    return _role(user) in STAFF_AUDITORS_DISTRICTS


def access_people_change(user) -> bool:
    """Register a person (a paper application) or correct their data."""
    return _role(user) in OFFICE_STAFF_AND_DISTRICTS


def access_calls_manage(user, division_path_: str) -> bool:
    """Run a programme's calls (rules, eligibility batch, review, selection): the office manager, or staff of the
    programme's division."""
    return access_figures_enter(user, division_path_)


def access_applications_view(user) -> bool:
    """See the calls and their applications: office staff and auditors; district officers the calls with a quota
    of their district, and only that quota's applications (through scope_rows)."""
    return _role(user) in STAFF_AUDITORS_DISTRICTS


def access_applications_register(user, division_path_: str, quota_district_id: int | None) -> bool:
    """Register paper applications (one by one or from an xlsx sheet) for a quota of a call: the call's staff
    (access_calls_manage) for every quota; a district officer for the quotas of their own district."""
    if access_calls_manage(user, division_path_):
        return True
    if _role(user) == Role.DISTRICT_OFFICER and quota_district_id is not None:
        return quota_district_id == user.district_id
    return False


def access_quota_place(user, division_path_: str, quota_district_id: int | None) -> bool:
    """Place the selected applicants of a quota at worksites: the programme's division for every quota; a district
    officer for their own district's quota (at their district's worksites: access_worksite_records)."""
    return access_applications_register(user, division_path_, quota_district_id)


def access_placements_any(user) -> bool:
    """May place some call's selected people (shows the calls waiting to be placed): the office manager, division
    staff, and district officers (for their district's quotas)."""
    return _role(user) in OFFICE_STAFF_AND_DISTRICTS


def access_person_record_change(user, person_district_id: int | None) -> bool:
    """Correct a registered person's data: office staff for anyone; a district officer for their district's
    residents only. (The person themself corrects their own through the portal.)"""
    if not access_people_change(user):
        return False
    if _role(user) == Role.DISTRICT_OFFICER:
        return person_district_id == user.district_id
    return True


def access_own_person_record(user) -> bool:
    """See, register once and correct one's own person record on the portal: citizens."""
    return _role(user) == Role.CITIZEN


def access_own_person_record_change(user, person) -> bool:
    """Correct this person record as one's own: a citizen whose account it is. (Staff: access_person_record_change.)"""
    if not access_own_person_record(user):
        return False
    return person.user_id == user.pk


def access_apply(user) -> bool:
    """Apply to calls for people on the portal."""
    return _role(user) == Role.CITIZEN


def access_application_documents(user, division_path_: str) -> bool:
    """Open the files applicants uploaded to a programme's calls: the office manager and the auditor for every
    call, staff of the programme's division for its calls. (Applicants open their own through the portal.)"""
    role = _role(user)
    if role in {Role.OFFICE_MANAGER, Role.AUDITOR}:
        return True
    return access_calls_manage(user, division_path_)


def access_signup(user) -> bool:
    """Sign up as a citizen on the portal: only someone not logged in (anyone may; the one-time code and the
    identity verification are the checks)."""
    return user is None or not user.is_authenticated


def access_participation_view(user) -> bool:
    """Worksites, placements, work records and pay: office staff and auditors, district officers (their
    district's worksites) and partner agencies (their own worksites), through scope_rows."""
    return _role(user) in STAFF_AUDITORS_DISTRICTS_PARTNERS


def access_placements_manage(user, division_path_: str) -> bool:
    """Set a programme's participation terms and worksites and place selected people: the office manager, or
    staff of the programme's division."""
    return access_figures_enter(user, division_path_)


def access_worksite_records(user, worksite) -> bool:
    """Record a worksite's months (work, pay, dropouts, outcomes): the programme's division, the district that
    runs a district worksite, the partner that runs its own."""
    role = _role(user)
    if access_placements_manage(user, worksite.programme.division.path):
        return True
    if role == Role.DISTRICT_OFFICER and worksite.district_id is not None:
        return worksite.district_id == user.district_id
    if role == Role.PARTNER_AGENCY and worksite.partner_id is not None:
        return worksite.partner_id == user.partner_id
    return False


def access_participation_tables_manage(user) -> bool:
    """Keep the living wage and public holiday tables, and compute the whole month's pay."""
    return _role(user) in OFFICE_STAFF


def figures_unit_path(user) -> str | None:
    """Whose figures the dashboard shows: a division's for division staff, the whole office (None) otherwise."""
    if _role(user) == Role.DIVISION_STAFF and user.org_unit is not None:
        return division_path(user.org_unit.path)
    return None


# --- training (기술교육원) ------------------------------------------------------------------------------


def access_training_view(user) -> bool:
    """The technical training institutes, their courses, trainees, attendance and deposits: the office manager,
    division staff and auditors (every institute), partner agencies (the institutes their partner runs, through
    scope_rows(partner=...)). District officers and citizens see none of these office pages."""
    return _role(user) in STAFF_AUDITORS_PARTNERS


def access_training_manage(user, division_path_: str) -> bool:
    """Keep a training programme's institutes and courses and enrol a call's selected applicants: the office
    manager, or staff of the programme's division."""
    return access_figures_enter(user, division_path_)


def access_training_records(user, institute) -> bool:
    """Record an institute's trainees (attendance, deposits, completion, dropout): the programme's division, or
    the partner agency whose partner runs the institute."""
    if access_training_manage(user, institute.programme.division.path):
        return True
    if _role(user) == Role.PARTNER_AGENCY and institute.partner_id is not None:
        return institute.partner_id == user.partner_id
    return False


# --- enterprises (기업·단체, 강소기업 플랫폼, 공공구매) ----------------------------------------------------


def access_organisations_view(user) -> bool:
    """The organisation registry: office staff and auditors (every organisation), district officers (the
    organisations of their district, through scope_rows)."""
    return _role(user) in OFFICE_WIDE_AND_DISTRICTS


def access_organisations_manage(user) -> bool:
    """Register and correct organisations, their certifications, contacts and support; write tour articles;
    moderate reviews."""
    return _role(user) in OFFICE_STAFF


def access_organisation_own(user) -> bool:
    """An organisation's own account: keep its profile, apply to calls for organisations."""
    if _role(user) != Role.ORGANISATION:
        return False
    return user.organisation_id is not None


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


# --- frontline services (상담, 대관, 프로그램, 쉼터, 공공부문 노동) -------------------------------------------


def access_frontline_view(user) -> bool:
    """The frontline pages (service points, consultations, rooms and bookings, programmes, shelters, figures): the
    office manager, division staff and auditors (every point), partner agencies (the points and shelters their
    partner runs, through scope_rows(partner=...))."""
    return _role(user) in STAFF_AUDITORS_PARTNERS


# --- the social investment fund (사회투자기금) ----------------------------------------------------------


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


def access_fund_ledger_view(user) -> bool:
    """The fund's ledger (trial balance): those who keep the fund, and the auditor."""
    if access_fund_manage(user):
        return True
    return _role(user) == Role.AUDITOR


# --- grants (보조금: 협약, 교부, 집행 보고, 정산, 평가, 인건비 지원) ------------------------------------------


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


# --- district projects, ecosystem funding, the SIB (grants) -----------------------------------------------


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


# --- scopes ----------------------------------------------------------------------------------------------


def scope_rows(
    user,
    queryset: QuerySet,
    *,
    district: str | None = None,
    partner: str | None = None,
) -> QuerySet:
    """The rows of `queryset` this user may read.

    Office-wide roles read everything. A district officer reads rows whose `district` path is their
    district; a partner-agency user rows whose `partner` path is their partner. A path left out means the
    role reads none of these rows. Citizens and organisations read none: the portal has its own selectors.
    """
    role = _role(user)
    if role in OFFICE_WIDE_ROLES:
        return queryset
    if role == Role.DISTRICT_OFFICER and district is not None:
        return queryset.filter(Q(**{district: user.district_id}))
    if role == Role.PARTNER_AGENCY and partner is not None:
        return queryset.filter(Q(**{partner: user.partner_id}))
    return queryset.none()


# --- fund, grants, enterprises ---------------------------------------------------------------------------------


RUNS_MARKS = ("runs_fund", "runs_social_economy")


def marked_division_paths(mark: str) -> list[str]:
    """The paths of the divisions marked on their org unit as running something (org.OrgUnit.runs_fund: the social
    investment fund; runs_social_economy: the social economy's programmes and the SIB). The division is found by
    its mark, never by a code or path written here; the model is named by string (core imports no app)."""
    if mark not in RUNS_MARKS:
        raise ValueError(f"unknown org-unit mark: {mark}")
    org_unit = apps.get_model("org", "OrgUnit")
    return list(org_unit.objects.filter(kind="division", **{mark: True}).values_list("path", flat=True))


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


# --- participation ---


def access_worksites_place(user, division_path_: str, worksites) -> bool:
    """Place a call's selected people at these worksites: the programme's division at any of them; anyone else (a
    district officer placing its own district quota) only at worksites whose months they record."""
    if access_placements_manage(user, division_path_):
        return True
    return all(access_worksite_records(user, worksite) for worksite in worksites)


# --- intake ------------------------------------------------------------------------------------------------


def access_calls_manage_any(user) -> bool:
    """Run some programme's calls: create a call (the call list offers it). Which programmes: access_calls_manage."""
    return access_figures_enter_any(user)


def access_person_application(user, person_user_id: int | None) -> bool:
    """Keep a person's application (draft, documents, submission, withdrawal): a citizen their own only; the staff
    who register people (access_people_change) anyone's, as a paper application."""
    if access_apply(user):
        return person_user_id == user.pk
    return access_people_change(user)


def access_organisation_application(user, organisation_id: int, division_path_: str) -> bool:
    """Keep an organisation's application to a programme's call: the organisation's own account for it only; the
    call's staff (access_calls_manage) for any organisation, as a paper application."""
    if access_organisation_own(user):
        return user.organisation_id == organisation_id
    return access_calls_manage(user, division_path_)


def access_selection_decline(user, person_user_id: int | None, division_path_: str) -> bool:
    """Record that a selected applicant gives up the place (선발 포기): the citizen their own only; the call's staff
    (access_calls_manage) anyone's."""
    if access_apply(user):
        return person_user_id == user.pk
    return access_calls_manage(user, division_path_)


def access_applications_register_some(user, division_path_: str, quota_district_ids) -> bool:
    """Register paper applications to some quota of a call (a sheet of them; each row is then checked against its
    own quota): the call's staff, or a district officer when one of the quotas is their district's."""
    districts = {*quota_district_ids, None}
    return any(access_applications_register(user, division_path_, district) for district in districts)


# --- frontline ---


# The division that keeps the public sector's own labour records (its org-unit path, as load_org builds it).
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
