"""The gates of the fund, grants and enterprises (core/access.py, section "fund, grants, enterprises"), allow and
deny: the divisions that keep the fund and the SIB are the org units marked to run them (OrgUnit.runs_fund,
runs_social_economy), never a code or path written in the gates."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps

from iljari.core import access
from iljari.core import services as core_services
from iljari.core.errors import ValidationFailed
from iljari.core.models import User
from iljari.core.roles import Role
from iljari.enterprises.services import organisation_contact_add, organisation_register
from iljari.org import services as org_services
from iljari.org.models import OrgUnit
from iljari.testing import PASSWORD

pytestmark = pytest.mark.django_db


def staff_at(code: str, username: str):
    return core_services.user_create(
        actor=None,
        username=username,
        password=PASSWORD,
        role=Role.DIVISION_STAFF,
        org_unit=OrgUnit.objects.get(code=code),
    )


def mark(code: str, **runs: bool) -> None:
    unit = OrgUnit.objects.get(code=code)
    org_services.org_unit_update(
        actor=None, unit=unit, name=unit.name, parent=unit.parent, sort_order=unit.sort_order,
        functions=unit.functions, **runs,
    )  # fmt: skip


def account_of(organisation, personas):
    organisation_contact_add(actor=None, organisation=organisation, username=personas[Role.ORGANISATION].username)
    return User.objects.get(pk=personas[Role.ORGANISATION].pk)


# --- the marks on the org units --------------------------------------------------------------------------------


def test_load_org_marks_the_social_economy_division_as_running_the_fund_and_the_social_economy(org):
    assert access.marked_division_paths("runs_fund") == ["/SEOUL/JOBS/SOCIAL-ECONOMY/"]
    assert access.marked_division_paths("runs_social_economy") == ["/SEOUL/JOBS/SOCIAL-ECONOMY/"]
    assert not OrgUnit.objects.filter(runs_fund=True).exclude(code="SOCIAL-ECONOMY").exists()


def test_an_unknown_mark_is_refused(org):
    with pytest.raises(ValueError):
        access.marked_division_paths("runs_anything")


def test_only_a_division_may_carry_a_mark(org):
    team = OrgUnit.objects.get(code="JOBS-POLICY-T1")
    with pytest.raises(ValidationFailed):
        org_services.org_unit_update(
            actor=None, unit=team, name=team.name, parent=team.parent, sort_order=0, runs_fund=True
        )
    with pytest.raises(ValidationFailed):
        org_services.org_unit_create(
            actor=None, code="NEW-TEAM", name="새 팀", kind="team", parent=team.parent, runs_social_economy=True
        )


def test_updating_a_unit_without_marks_leaves_them_as_they_are(org):
    unit = OrgUnit.objects.get(code="SOCIAL-ECONOMY")
    org_services.org_unit_update(actor=None, unit=unit, name="사회적경제담당관", parent=unit.parent, sort_order=3)
    unit.refresh_from_db()
    assert (unit.runs_fund, unit.runs_social_economy) == (True, True)


def test_the_migration_marks_a_database_that_had_the_former_division(org):
    OrgUnit.objects.update(runs_fund=False, runs_social_economy=False)
    migration = importlib.import_module("iljari.org.migrations.0002_orgunit_runs")
    migration.mark_former_division(apps, None)
    assert list(OrgUnit.objects.filter(runs_fund=True, runs_social_economy=True).values_list("code", flat=True)) == [
        "SOCIAL-ECONOMY"
    ]


# --- the fund ---------------------------------------------------------------------------------------------------


def test_fund_manage_allows_staff_of_the_marked_division_and_its_teams(personas):
    assert access.access_fund_manage(staff_at("SOCIAL-ECONOMY-T3", "t_fund_team")) is True
    assert access.access_fund_manage(staff_at("SOCIAL-ECONOMY", "t_fund_division")) is True
    assert access.access_fund_manage(personas[Role.OFFICE_MANAGER]) is True


def test_fund_manage_denies_other_divisions_the_office_level_and_other_roles(personas):
    assert access.access_fund_manage(personas[Role.DIVISION_STAFF]) is False  # 일자리정책담당관
    assert access.access_fund_manage(staff_at("JOBS", "t_office_staff")) is False
    denied = [Role.SYSTEM_ADMIN, Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY, Role.AUDITOR, Role.CITIZEN]
    assert [role for role in denied if access.access_fund_manage(personas[role])] == []


def test_fund_manage_follows_the_mark_not_the_division_code(personas):
    fund_staff = staff_at("SOCIAL-ECONOMY-T3", "t_fund_team")
    mark("SOCIAL-ECONOMY", runs_fund=False)
    mark("JOBS-POLICY", runs_fund=True)
    assert access.access_fund_manage(fund_staff) is False
    assert access.access_fund_manage(personas[Role.DIVISION_STAFF]) is True
    assert access.access_fund_ledger_view(personas[Role.DIVISION_STAFF]) is True


def test_no_division_marked_leaves_the_fund_to_the_office_manager(personas):
    mark("SOCIAL-ECONOMY", runs_fund=False)
    assert access.access_fund_manage(staff_at("SOCIAL-ECONOMY-T3", "t_fund_team")) is False
    assert access.access_fund_manage(personas[Role.OFFICE_MANAGER]) is True


# --- the SIB ----------------------------------------------------------------------------------------------------


def test_sib_manage_allows_staff_of_the_division_marked_for_the_social_economy(personas):
    assert access.access_sib_manage(staff_at("SOCIAL-ECONOMY-T1", "t_sib_team")) is True
    assert access.access_sib_manage(personas[Role.OFFICE_MANAGER]) is True
    assert access.access_sib_manage(personas[Role.DIVISION_STAFF]) is False  # 일자리정책담당관
    assert access.access_sib_manage(personas[Role.AUDITOR]) is False


def test_sib_manage_follows_the_mark(personas):
    mark("SOCIAL-ECONOMY", runs_social_economy=False)
    mark("JOBS-POLICY", runs_social_economy=True)
    assert access.access_sib_manage(staff_at("SOCIAL-ECONOMY-T1", "t_sib_team")) is False
    assert access.access_sib_manage(personas[Role.DIVISION_STAFF]) is True
    assert access.access_fund_manage(personas[Role.DIVISION_STAFF]) is False  # the fund's mark is its own


# --- enterprises ------------------------------------------------------------------------------------------------


def test_organisation_profile_change_allows_its_own_account_and_the_staff(personas):
    company = organisation_register(actor=None, name="게이트", kind="company", business_number="1248100998")
    other = organisation_register(actor=None, name="다른기업", kind="company", business_number="2208162517")
    own = account_of(company, personas)
    assert access.access_organisation_profile_change(own, company) is True
    assert access.access_organisation_profile_change(own, other) is False
    assert access.access_organisation_profile_change(personas[Role.DIVISION_STAFF], other) is True
    assert access.access_organisation_profile_change(personas[Role.OFFICE_MANAGER], other) is True
    for role in (Role.AUDITOR, Role.DISTRICT_OFFICER, Role.CITIZEN, Role.SYSTEM_ADMIN):
        assert access.access_organisation_profile_change(personas[role], company) is False, role


def test_purchases_enter_any_allows_the_office_district_officers_and_a_buyers_own_account(personas):
    allowed = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.DISTRICT_OFFICER}
    assert {role for role in Role if access.access_purchases_enter_any(personas[role])} == allowed
    buyer = organisation_register(actor=None, name="서울특별시", kind="agency", business_number="1234567891")
    assert access.access_purchases_enter_any(account_of(buyer, personas)) is True


def test_purchases_enter_any_denies_a_company_account(personas):
    company = organisation_register(actor=None, name="게이트", kind="company", business_number="1248100998")
    assert access.access_purchases_enter_any(account_of(company, personas)) is False


# --- grants -----------------------------------------------------------------------------------------------------


def _agreement(grantee_id: int, division_path: str):
    programme = SimpleNamespace(programme=SimpleNamespace(division=SimpleNamespace(path=division_path)))
    return SimpleNamespace(grantee_id=grantee_id, programme=programme)


def test_grant_submit_allows_the_grantee_and_the_programmes_division(personas):
    grantee = organisation_register(actor=None, name="수행기관", kind="ngo", business_number="1248100998")
    agreement = _agreement(grantee.pk, "/SEOUL/JOBS/JOBS-POLICY/")
    assert access.access_grant_submit(account_of(grantee, personas), agreement) is True
    assert access.access_grant_submit(personas[Role.DIVISION_STAFF], agreement) is True  # 일자리정책담당관
    assert access.access_grant_submit(personas[Role.OFFICE_MANAGER], agreement) is True


def test_grant_submit_denies_another_organisation_another_division_and_other_roles(personas):
    grantee = organisation_register(actor=None, name="수행기관", kind="ngo", business_number="1248100998")
    other = organisation_register(actor=None, name="다른기관", kind="ngo", business_number="2208162517")
    agreement = _agreement(grantee.pk, "/SEOUL/JOBS/SOCIAL-ECONOMY/")
    assert access.access_grant_submit(account_of(other, personas), agreement) is False
    assert access.access_grant_submit(personas[Role.DIVISION_STAFF], agreement) is False
    for role in (Role.AUDITOR, Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY, Role.CITIZEN, Role.SYSTEM_ADMIN):
        assert access.access_grant_submit(personas[role], agreement) is False, role


def test_payroll_template_allows_those_who_see_grants_and_organisation_accounts(personas):
    grantee = organisation_register(actor=None, name="수행기관", kind="ngo", business_number="1248100998")
    seeing = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY}
    assert {role for role in Role if access.access_payroll_template(personas[role])} == seeing
    assert access.access_payroll_template(account_of(grantee, personas)) is True
