"""The gates of accounts and of people's own records (core.access), allow and deny, and the named role sets."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from iljari.core import access
from iljari.core.roles import OFFICE_WIDE_ROLES, Role

# --- an administrator's own account ------------------------------------------------------------------------


def test_an_administrator_may_set_any_role_on_another_account(personas):
    admin, staff = personas[Role.SYSTEM_ADMIN], personas[Role.DIVISION_STAFF]
    assert access.access_account_role_set(admin, staff, role=Role.AUDITOR, is_active=False) is True


def test_an_administrator_keeps_their_own_role_and_active_account(personas):
    admin = personas[Role.SYSTEM_ADMIN]
    assert access.access_account_role_set(admin, admin, role=Role.SYSTEM_ADMIN, is_active=True) is True


def test_an_administrator_cannot_change_their_own_role(personas):
    admin = personas[Role.SYSTEM_ADMIN]
    assert access.access_account_role_set(admin, admin, role=Role.OFFICE_MANAGER, is_active=True) is False


def test_an_administrator_cannot_suspend_their_own_account(personas):
    admin = personas[Role.SYSTEM_ADMIN]
    assert access.access_account_role_set(admin, admin, role=Role.SYSTEM_ADMIN, is_active=False) is False


# --- the placement an account of each role carries ----------------------------------------------------------

PLACEMENTS = {
    Role.SYSTEM_ADMIN: None,
    Role.OFFICE_MANAGER: "org_unit",
    Role.DIVISION_STAFF: "org_unit",
    Role.DISTRICT_OFFICER: "district",
    Role.PARTNER_AGENCY: "partner",
    Role.AUDITOR: None,
    Role.CITIZEN: None,
    Role.ORGANISATION: None,
}


@pytest.mark.parametrize(("role", "placement"), PLACEMENTS.items())
def test_each_role_requires_its_placement(role, placement):
    assert access.account_placement_required(role) == placement


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("placement", ["org_unit", "district", "partner"])
def test_an_account_carries_only_the_placement_of_its_role(role, placement):
    allowed = placement == PLACEMENTS[role] or (role == Role.SYSTEM_ADMIN and placement == "org_unit")
    assert access.account_placement_allowed(role, placement) is allowed


@pytest.mark.parametrize("role", list(Role))
def test_only_an_organisation_account_represents_an_organisation(role):
    assert access.account_represents_organisation(role) is (role == Role.ORGANISATION)


# --- a citizen's own person record ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_only_citizens_keep_their_own_person_record(personas, role):
    assert access.access_own_person_record(personas[role]) is (role == Role.CITIZEN)


def test_own_person_record_refuses_anonymous_and_deactivated_users(personas):
    assert access.access_own_person_record(AnonymousUser()) is False
    citizen = personas[Role.CITIZEN]
    citizen.is_active = False
    assert access.access_own_person_record(citizen) is False


def test_a_citizen_corrects_the_record_of_their_own_account(personas):
    citizen = personas[Role.CITIZEN]
    assert access.access_own_person_record_change(citizen, SimpleNamespace(user_id=citizen.pk)) is True


def test_a_citizen_cannot_correct_another_persons_record(personas):
    citizen = personas[Role.CITIZEN]
    assert access.access_own_person_record_change(citizen, SimpleNamespace(user_id=citizen.pk + 1)) is False
    assert access.access_own_person_record_change(citizen, SimpleNamespace(user_id=None)) is False


@pytest.mark.parametrize("role", [role for role in Role if role != Role.CITIZEN])
def test_staff_do_not_correct_a_record_as_their_own(personas, role):
    user = personas[role]
    assert access.access_own_person_record_change(user, SimpleNamespace(user_id=user.pk)) is False


# --- the named role sets ----------------------------------------------------------------------------------------


def test_the_named_role_sets():
    staff = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}
    assert staff == access.OFFICE_STAFF
    assert staff | {Role.DISTRICT_OFFICER} == access.OFFICE_STAFF_AND_DISTRICTS
    assert staff | {Role.AUDITOR, Role.DISTRICT_OFFICER} == access.STAFF_AUDITORS_DISTRICTS
    assert staff | {Role.AUDITOR, Role.PARTNER_AGENCY} == access.STAFF_AUDITORS_PARTNERS
    assert (
        staff | {Role.AUDITOR, Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY} == access.STAFF_AUDITORS_DISTRICTS_PARTNERS
    )
    assert OFFICE_WIDE_ROLES | {Role.DISTRICT_OFFICER} == access.OFFICE_WIDE_AND_DISTRICTS
    assert {Role.SYSTEM_ADMIN, Role.OFFICE_MANAGER} == access.STRUCTURE_KEEPERS
