"""Fixtures of the labour unions' tests: the 노동단체 지원 programme (P2-04, 노동정책담당관's budget line), a union with
its signed 2018 agreement and its account, a staff member of 노동정책담당관, a scholarship round."""

from __future__ import annotations

from datetime import date

import pytest

from iljari.core import services as core_services
from iljari.core.roles import Role
from iljari.enterprises import services as enterprise_services
from iljari.enterprises.tests.factories import next_number
from iljari.finance.models import BudgetLine
from iljari.grants import services
from iljari.grants.services import unions
from iljari.org.models import OrgUnit
from iljari.plan.models import Programme
from iljari.testing import PASSWORD

MILLION = 1_000_000


@pytest.fixture
def labour_programme(office):
    return services.grant_programme_set(
        actor=None,
        code="2018-LABOUR-ORG",
        year=2018,
        name="서울지역 노동단체 지원",
        programme=Programme.objects.get(code="P2-04"),
        budget_line=BudgetLine.objects.get(code="LABOUR-POLICY-2018"),
    )


@pytest.fixture
def union(office):
    return enterprise_services.organisation_register(
        actor=None, name="한국노총 서울지역본부(시험)", kind="labour_organisation", business_number=next_number()
    )


@pytest.fixture
def union_agreement(labour_programme, union):
    agreement = services.agreement_create(
        actor=None, programme=labour_programme, grantee=union, code="2018-T-FKTU", title="노동단체 지원(시험)",
        starts_on=date(2018, 1, 1), ends_on=date(2018, 12, 31), city_amount=100 * MILLION,
    )  # fmt: skip
    return services.agreement_sign(actor=None, agreement=agreement, signed_on=date(2018, 1, 22))


@pytest.fixture
def union_user(union):
    user = core_services.user_create(
        actor=None, username="t_union", password=PASSWORD, role=Role.ORGANISATION, display_name="노동단체 담당자"
    )
    return core_services.user_organisation_set(user=user, organisation=union)


@pytest.fixture
def labour_staff(office):
    return core_services.user_create(
        actor=None, username="t_labour", password=PASSWORD, role=Role.DIVISION_STAFF, display_name="노동정책 주무관",
        org_unit=OrgUnit.objects.get(code="LABOUR-POLICY"),
    )  # fmt: skip


@pytest.fixture
def scholarship_sub_project(union_agreement):
    return unions.sub_project_add(actor=None, agreement=union_agreement, title="근로자 자녀 장학금 지급")


@pytest.fixture
def scholarship(scholarship_sub_project):
    return unions.scholarship_create(
        actor=None, sub_project=scholarship_sub_project, year=2018, title="상반기 장학금",
        amount_per_student=1_000_000, budget=5_000_000,
    )  # fmt: skip


def student(scholarship, name="김하늘", birth=date(2003, 4, 5), school="서울고등학교", parent_name="김철수", **extra):
    return unions.scholarship_recipient_add(
        actor=None, scholarship=scholarship, name=name, birth_date=birth, school=school, parent_name=parent_name,
        parent_workplace="서울버스(주)", grade="2학년", **extra,
    )  # fmt: skip
