"""The frontline gates and scope of core.access, allow and deny: who records the public sector's labour programmes,
who changes closed days (of one point, of every point), and which divisions' set-up a user keeps.

The division-staff persona belongs to 일자리정책담당관 (JOBS-POLICY), which runs the youth job centre; 노동정책담당관
(LABOUR-POLICY) keeps the public-sector records and the ombudsmen's desk (frontline.tests.conftest.make_frontline).
"""

import pytest

from iljari.core import access
from iljari.core import services as core_services
from iljari.core.roles import Role
from iljari.org.models import OrgUnit

OTHER_ROLES = [Role.SYSTEM_ADMIN, Role.AUDITOR, Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY, Role.CITIZEN]


@pytest.fixture
def labour_staff(personas):
    return core_services.user_create(
        actor=None,
        username="t_labour",
        password="Test!persona2018",
        role=Role.DIVISION_STAFF,
        org_unit=OrgUnit.objects.get(code="LABOUR-POLICY"),
    )


@pytest.fixture
def points(personas):
    from iljari.frontline.tests.conftest import make_frontline

    return make_frontline()


# --- access_public_sector_record ------------------------------------------------------------------------------


def test_the_office_manager_records_the_public_sectors_labour_programmes(personas):
    assert access.access_public_sector_record(personas[Role.OFFICE_MANAGER]) is True


def test_labour_policy_staff_record_the_public_sectors_labour_programmes(labour_staff):
    assert access.access_public_sector_record(labour_staff) is True


def test_staff_of_another_division_do_not_record_the_public_sectors_labour_programmes(personas):
    assert access.access_public_sector_record(personas[Role.DIVISION_STAFF]) is False


@pytest.mark.parametrize("role", [*OTHER_ROLES, Role.ORGANISATION])
def test_other_roles_do_not_record_the_public_sectors_labour_programmes(personas, role):
    assert access.access_public_sector_record(personas[role]) is False


def test_an_inactive_office_manager_records_nothing(personas):
    manager = personas[Role.OFFICE_MANAGER]
    manager.is_active = False
    assert access.access_public_sector_record(manager) is False


# --- access_frontline_closure_change --------------------------------------------------------------------------


def test_only_the_office_manager_closes_every_point_at_once(personas, labour_staff):
    assert access.access_frontline_closure_change(personas[Role.OFFICE_MANAGER], None) is True
    assert access.access_frontline_closure_change(personas[Role.DIVISION_STAFF], None) is False
    assert access.access_frontline_closure_change(labour_staff, None) is False
    for role in OTHER_ROLES:
        assert access.access_frontline_closure_change(personas[role], None) is False


def test_a_points_division_and_the_office_manager_close_that_point(points, personas, labour_staff):
    centre, ombudsman = points["centre"], points["ombudsman"]  # 일자리정책담당관's, 노동정책담당관's
    assert access.access_frontline_closure_change(personas[Role.OFFICE_MANAGER], centre) is True
    assert access.access_frontline_closure_change(personas[Role.OFFICE_MANAGER], ombudsman) is True
    assert access.access_frontline_closure_change(personas[Role.DIVISION_STAFF], centre) is True
    assert access.access_frontline_closure_change(labour_staff, ombudsman) is True


def test_another_division_and_other_roles_do_not_close_a_point(points, personas, labour_staff):
    centre, ombudsman = points["centre"], points["ombudsman"]
    assert access.access_frontline_closure_change(personas[Role.DIVISION_STAFF], ombudsman) is False
    assert access.access_frontline_closure_change(labour_staff, centre) is False
    for role in OTHER_ROLES:  # the partner agency runs the café, yet its closed days are the division's
        assert access.access_frontline_closure_change(personas[role], points["cafe"]) is False


# --- scope_frontline_divisions --------------------------------------------------------------------------------


def _divisions():
    return OrgUnit.objects.filter(kind=OrgUnit.Kind.DIVISION)


def test_the_office_manager_keeps_every_divisions_set_up(personas):
    kept = access.scope_frontline_divisions(personas[Role.OFFICE_MANAGER], _divisions())
    assert set(kept) == set(_divisions())
    assert kept.count() > 1


def test_division_staff_keep_their_own_divisions_set_up_only(personas, labour_staff):
    staff = access.scope_frontline_divisions(personas[Role.DIVISION_STAFF], _divisions())
    assert [unit.code for unit in staff] == ["JOBS-POLICY"]
    labour = access.scope_frontline_divisions(labour_staff, _divisions())
    assert [unit.code for unit in labour] == ["LABOUR-POLICY"]


def test_division_staff_without_a_placement_keep_no_divisions_set_up(personas):
    staff = personas[Role.DIVISION_STAFF]
    staff.org_unit = None  # the accounts service never saves one so; the scope still refuses it
    assert not access.scope_frontline_divisions(staff, _divisions()).exists()


@pytest.mark.parametrize("role", [*OTHER_ROLES, Role.ORGANISATION])
def test_other_roles_keep_no_divisions_set_up(personas, role):
    assert not access.scope_frontline_divisions(personas[role], _divisions()).exists()
