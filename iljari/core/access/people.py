"""Gates of the programmes for people: persons, calls and applications (intake), placements and work records
(participation), the training institutes."""

from __future__ import annotations

from iljari.core.access.base import (
    OFFICE_STAFF,
    OFFICE_STAFF_AND_DISTRICTS,
    STAFF_AUDITORS_DISTRICTS,
    STAFF_AUDITORS_DISTRICTS_PARTNERS,
    STAFF_AUDITORS_PARTNERS,
    _role,
    access_organisation_own,
)
from iljari.core.access.office import access_figures_enter, access_figures_enter_any
from iljari.core.roles import Role


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


def access_placements_over_capacity(user, division_path_: str) -> bool:
    """Place someone beyond a worksite's places (정원), with a recorded reason: the office manager, or staff of the
    programme's division. A district officer placing its own district's quota may not."""
    return access_placements_manage(user, division_path_)


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


def access_worksite_records_any(user) -> bool:
    """May record some worksite's months (the work list's unentered work records; which worksites:
    access_worksite_records): the office manager, division staff, district officers and partner agencies."""
    return _role(user) in OFFICE_STAFF | {Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY}


def access_training_records_any(user) -> bool:
    """May record some institute's trainees (the work list's unentered attendance; which institutes:
    access_training_records): the office manager, division staff and partner agencies."""
    return _role(user) in OFFICE_STAFF | {Role.PARTNER_AGENCY}


def access_participation_tables_manage(user) -> bool:
    """Keep the living wage and public holiday tables, and compute the whole month's pay."""
    return _role(user) in OFFICE_STAFF


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


def access_worksites_place(user, division_path_: str, worksites) -> bool:
    """Place a call's selected people at these worksites: the programme's division at any of them; anyone else (a
    district officer placing its own district quota) only at worksites whose months they record."""
    if access_placements_manage(user, division_path_):
        return True
    return all(access_worksite_records(user, worksite) for worksite in worksites)


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


def access_messages_view(user) -> bool:
    """The outbox (발송함) and a person's message history: office staff, the auditor, and the system administrator
    (who keeps the delivery running). Recipients are masked on the lists."""
    return _role(user) in OFFICE_STAFF | {Role.AUDITOR, Role.SYSTEM_ADMIN}


def access_messages_manage(user) -> bool:
    """Send a failed message again: office staff and the system administrator (the auditor only reads)."""
    return _role(user) in OFFICE_STAFF | {Role.SYSTEM_ADMIN}


def access_own_messages(user) -> bool:
    """내 메시지 and the 수신 동의 on the portal: citizens."""
    return _role(user) == Role.CITIZEN
