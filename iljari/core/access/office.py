"""Gates of the office itself: accounts, the organisation, change history and the access log, the office's
figures and the month lock; `figures_unit_path` and `scope_rows`, the row scope every selector applies."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from iljari.core.access.base import (
    OFFICE_STAFF,
    OFFICE_STAFF_AND_DISTRICTS,
    OFFICE_WIDE_AND_DISTRICTS,
    STAFF_AUDITORS_DISTRICTS,
    STRUCTURE_KEEPERS,
    _role,
    division_path,
)
from iljari.core.roles import OFFICE_WIDE_ROLES, OFFICIAL_ROLES, Role


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


def access_account_recovery(user) -> bool:
    """Find one's user name, reset one's password or unlock one's account by a one-time code (core.recovery): only
    someone not logged in (the code to the registered contact is the check; it serves public accounts only)."""
    return user is None or not user.is_authenticated


def access_technical_notes(user) -> bool:
    """Read the technical hints a page keeps for whoever runs the servers (the commands to run, the worker): the
    system administrator; everyone else reads a plain message."""
    return _role(user) == Role.SYSTEM_ADMIN


def access_account_role_set(actor, account, *, role: str, is_active: bool) -> bool:
    """Give an account this role and active flag (after access_accounts_manage): on one's own account only the role
    one has and active — nobody demotes or suspends themself; another administrator must."""
    if account.pk != actor.pk:
        return True
    if role != actor.role:
        return False
    return is_active


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


def access_year_open(user) -> bool:
    """Open a new year from an earlier one ("2019년 준비", core.years): the office manager."""
    return _role(user) == Role.OFFICE_MANAGER


def access_budget_lines_manage(user) -> bool:
    """Create, edit and retire budget lines (finance): the office manager (every division) and division staff (their
    own division's, checked per line with access_figures_enter)."""
    return _role(user) in OFFICE_STAFF


def access_plan_manage(user) -> bool:
    """Keep a year's vision, objectives and core tasks; create and retire programmes and move them in the plan."""
    return _role(user) == Role.OFFICE_MANAGER


def access_programme_edit(user, division_path_: str) -> bool:
    """Edit a programme's purposes, facts, milestones, text blocks, budget and budget lines: the office manager
    any programme, division staff the programmes of their own division."""
    role = _role(user)
    if role == Role.OFFICE_MANAGER:
        return True
    if role == Role.DIVISION_STAFF and user.org_unit is not None:
        return division_path_.startswith(division_path(user.org_unit.path))
    return False


def access_programme_edit_any(user) -> bool:
    """May edit some programme (shows the edit buttons and the sheet upload)."""
    return _role(user) in OFFICE_STAFF


def access_validation_rules_manage(user) -> bool:
    """Edit the validation rules."""
    return _role(user) == Role.OFFICE_MANAGER


def access_indicators_manage(user) -> bool:
    """Create, edit and retire the policy indicators and set their yearly targets (the office manager; division
    staff record their own division's actuals through access_figures_enter)."""
    return _role(user) == Role.OFFICE_MANAGER


def access_job_targets_manage(user, org_unit_path: str) -> bool:
    """Create, edit and retire a job target kept by a unit: the office manager every target, division staff the
    targets of their own division (a target with no division is the office's: "/")."""
    role = _role(user)
    if role == Role.OFFICE_MANAGER:
        return True
    if role == Role.DIVISION_STAFF and user.org_unit is not None:
        return org_unit_path.startswith(division_path(user.org_unit.path))
    return False


def access_job_targets_manage_any(user) -> bool:
    """May keep some job target (shows the create and edit forms)."""
    return _role(user) in OFFICE_STAFF


def access_approvals_view(user) -> bool:
    """결재함 and the requests one may read: office staff and district officers (the ones they draft, review or
    approve, and those of their division or district); the auditor reads every request and changes none."""
    return _role(user) in STAFF_AUDITORS_DISTRICTS


def access_approval_draft_any(user) -> bool:
    """Draft (기안), review (검토) or approve (결재) an act at all: office staff and district officers. Each act's own
    gate then decides on its record (a call of one's division, a worksite of one's district)."""
    return _role(user) in OFFICE_STAFF_AND_DISTRICTS


def access_approval_step(user, approver_id: int | None) -> bool:
    """Act on a request's current step (approve or reject): only the person the line names for it."""
    return _role(user) in OFFICE_STAFF_AND_DISTRICTS and approver_id is not None and approver_id == user.pk


def access_approval_recall(user, drafter_id: int) -> bool:
    """Recall (회수) a request: only its drafter."""
    return _role(user) in OFFICE_STAFF_AND_DISTRICTS and drafter_id == user.pk


def access_delegation_rules_view(user) -> bool:
    """Read the 전결 rules (who gives the final approval of each act, by amount): office staff, district officers
    and the auditor."""
    return _role(user) in STAFF_AUDITORS_DISTRICTS


def access_delegation_rules_change(user) -> bool:
    """Set the 전결 rules: the office manager."""
    return _role(user) == Role.OFFICE_MANAGER


def scope_approval_requests(user, queryset: QuerySet) -> QuerySet:
    """The approval requests a user may read: the office manager and the auditor every one; others those they
    drafted or stand on the line of, and those of their own division (division staff) or district (district
    officers). The fields are the approvals app's (drafter, steps__approver, division_path, district)."""
    role = _role(user)
    if role in {Role.OFFICE_MANAGER, Role.AUDITOR}:
        return queryset
    if role not in OFFICE_STAFF_AND_DISTRICTS:
        return queryset.none()
    mine = Q(drafter=user.pk) | Q(steps__approver=user.pk)
    if role == Role.DIVISION_STAFF and user.org_unit is not None:
        mine |= Q(division_path=division_path(user.org_unit.path))
    if role == Role.DISTRICT_OFFICER:
        mine |= Q(district=user.district_id)
    return queryset.filter(pk__in=queryset.filter(mine).values("pk"))


def figures_unit_path(user) -> str | None:
    """Whose figures the dashboard shows: a division's for division staff, the whole office (None) otherwise."""
    if _role(user) == Role.DIVISION_STAFF and user.org_unit is not None:
        return division_path(user.org_unit.path)
    return None


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


# --- the public pages and the board (공지사항, 자주 묻는 질문) --------------------------------------------------


def access_public(user) -> bool:
    """The pages open to all, logged in or not: the calls, rooms and programmes, notices, FAQ, the platform."""
    return True


def access_visitor(user) -> bool:
    """A visitor not logged in: shown 로그인 and 회원가입 in the menu."""
    return user is None or not user.is_authenticated


def access_portal_reader(user) -> bool:
    """The portal's reading pages in the menu (공지사항, 자주 묻는 질문): a visitor, a citizen or an organisation."""
    return access_visitor(user) or _role(user) in {Role.CITIZEN, Role.ORGANISATION}


def access_board_view(user) -> bool:
    """The board's staff pages (every notice and FAQ entry, drafts and retired ones): the office and the auditor."""
    return _role(user) in OFFICE_STAFF | {Role.SYSTEM_ADMIN, Role.AUDITOR}


def access_board_manage(user) -> bool:
    """Write, edit and retire notices and FAQ entries: the office's staff and the system administrator."""
    return _role(user) in OFFICE_STAFF | {Role.SYSTEM_ADMIN}


def access_committees_view(user) -> bool:
    """The committees (위원회): their members, meetings, agenda, decisions, attendance and minutes: the office's staff
    and the auditor."""
    return _role(user) in OFFICE_STAFF | {Role.AUDITOR}


def access_committee_keep(user, division_path_: str | None) -> bool:
    """Keep a committee (its members, meetings, agenda, decisions, attendance, minutes): the office manager every
    committee, division staff the committees their own division supervises (`division_path_`: the supervising
    division's path, None for a committee with none)."""
    role = _role(user)
    if role == Role.OFFICE_MANAGER:
        return True
    if role == Role.DIVISION_STAFF and user.org_unit is not None and division_path_:
        return division_path_.startswith(division_path(user.org_unit.path))
    return False


def access_committees_keep_any(user) -> bool:
    """May keep some committee (shows the forms): the office's staff; each committee's gate then decides."""
    return _role(user) in OFFICE_STAFF
