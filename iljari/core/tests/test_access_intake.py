"""intake's gates (core.access, `# --- intake ---`): each allows whom it says and refuses everyone else."""

import pytest
from django.contrib.auth.models import AnonymousUser

from iljari.core import access
from iljari.core.models import User
from iljari.core.roles import Role
from iljari.enterprises.services import organisation_contact_add, organisation_register

OWN_DIVISION = "/SEOUL/JOBS/JOBS-POLICY/"  # the staff persona's division
OTHER_DIVISION = "/SEOUL/JOBS/LABOUR-POLICY/"
ALL = list(Role)


@pytest.fixture
def organisation_account(personas):
    """The organisation persona tied to an organisation (an account without one applies for none)."""
    organisation = organisation_register(actor=None, name="게이트", kind="company", business_number="1248100998")
    organisation_contact_add(actor=None, organisation=organisation, username=personas[Role.ORGANISATION].username)
    return User.objects.get(pk=personas[Role.ORGANISATION].pk), organisation


def _deactivated(user):
    user.is_active = False
    return user


@pytest.mark.parametrize("role", ALL)
def test_calls_manage_any_allows_the_office_manager_and_division_staff(personas, role):
    allowed = role in {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}
    assert access.access_calls_manage_any(personas[role]) is allowed
    assert access.access_calls_manage_any(AnonymousUser()) is False


def test_calls_manage_any_refuses_a_deactivated_manager(personas):
    assert access.access_calls_manage_any(_deactivated(personas[Role.OFFICE_MANAGER])) is False


@pytest.mark.parametrize("role", ALL)
def test_person_application_a_citizen_keeps_their_own_and_registrars_anyones(personas, role):
    user = personas[role]
    registrars = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.DISTRICT_OFFICER}
    someone_else = personas[Role.SYSTEM_ADMIN].pk if role != Role.SYSTEM_ADMIN else personas[Role.AUDITOR].pk
    assert access.access_person_application(user, user.pk) is (role in registrars | {Role.CITIZEN})
    assert access.access_person_application(user, someone_else) is (role in registrars)
    assert access.access_person_application(user, None) is (role in registrars)


def test_person_application_refuses_anonymous_and_deactivated_users(personas):
    citizen = personas[Role.CITIZEN]
    assert access.access_person_application(AnonymousUser(), None) is False
    assert access.access_person_application(_deactivated(citizen), citizen.pk) is False


@pytest.mark.parametrize("role", ALL)
def test_organisation_application_only_the_calls_staff_without_an_organisation_account(personas, role):
    user = personas[role]
    own_division = role in {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}
    assert access.access_organisation_application(user, 1, OWN_DIVISION) is own_division
    assert access.access_organisation_application(user, 1, OTHER_DIVISION) is (role == Role.OFFICE_MANAGER)


def test_organisation_application_an_organisation_account_keeps_its_own_only(organisation_account):
    account, organisation = organisation_account
    assert access.access_organisation_application(account, organisation.pk, OWN_DIVISION) is True
    assert access.access_organisation_application(account, organisation.pk + 1, OWN_DIVISION) is False
    assert access.access_organisation_application(_deactivated(account), organisation.pk, OWN_DIVISION) is False
    assert access.access_organisation_application(AnonymousUser(), organisation.pk, OWN_DIVISION) is False


@pytest.mark.parametrize("role", ALL)
def test_selection_decline_a_citizen_their_own_and_the_calls_staff_anyones(personas, role):
    user = personas[role]
    own_division = role in {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}
    other = personas[Role.AUDITOR].pk
    assert access.access_selection_decline(user, user.pk, OWN_DIVISION) is (own_division or role == Role.CITIZEN)
    assert access.access_selection_decline(user, other, OWN_DIVISION) is own_division
    assert access.access_selection_decline(user, other, OTHER_DIVISION) is (role == Role.OFFICE_MANAGER)


def test_selection_decline_refuses_anonymous_and_deactivated_users(personas):
    citizen = personas[Role.CITIZEN]
    assert access.access_selection_decline(AnonymousUser(), None, OWN_DIVISION) is False
    assert access.access_selection_decline(_deactivated(citizen), citizen.pk, OWN_DIVISION) is False


@pytest.mark.parametrize("role", ALL)
def test_applications_register_some_the_calls_staff_or_the_officer_of_one_quotas_district(personas, role):
    user = personas[role]
    gangdong = personas[Role.DISTRICT_OFFICER].district_id  # the officer's district
    own_division = role in {Role.OFFICE_MANAGER, Role.DIVISION_STAFF}
    officer = role == Role.DISTRICT_OFFICER
    gate = access.access_applications_register_some
    assert gate(user, OWN_DIVISION, []) is own_division
    assert gate(user, OTHER_DIVISION, [None, gangdong]) is (role == Role.OFFICE_MANAGER or officer)
    assert gate(user, OTHER_DIVISION, [None, gangdong + 1]) is (role == Role.OFFICE_MANAGER)


def test_applications_register_some_refuses_anonymous_and_deactivated_users(personas):
    officer = personas[Role.DISTRICT_OFFICER]
    gate = access.access_applications_register_some
    assert gate(AnonymousUser(), OWN_DIVISION, [officer.district_id]) is False
    assert gate(_deactivated(officer), OWN_DIVISION, [officer.district_id]) is False
