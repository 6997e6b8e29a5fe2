"""Fixtures of the district-project, ecosystem and SIB tests (imported by the test_district_* and test_sib_* modules):
the 2018 office's programmes, a 강동구 project (the district persona's district) and a 종로구 one, a staff member of
사회적경제담당관 (who keeps the ecosystem funding and the SIB), a provider and an outcome contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from iljari.core import services as core_services
from iljari.core.roles import Role
from iljari.demo.enterprises_loader import business_number
from iljari.enterprises.services import organisation_register
from iljari.grants import district_services, sib_services
from iljari.org.models import District, OrgUnit
from iljari.plan.models import Objective, Programme, Vision
from iljari.testing import PASSWORD


def make_programmes() -> None:
    """The two programmes of the 2018 office these tests use, as the report names them (the whole report loads
    in test_district_demo.py)."""
    vision = Vision.objects.create(year=2018, statement="일자리 비전(테스트)")
    first = Objective.objects.create(vision=vision, number=1, title="지속가능한 좋은 일자리 창출")
    third = Objective.objects.create(vision=vision, number=3, title="사회적경제 성과 가시화")
    Programme.objects.create(objective=first, number=5, code="P1-05", title="시-구 상향적 협력적 일자리 창출사업 추진",
                             division=OrgUnit.objects.get(code="JOBS-POLICY"))  # fmt: skip
    Programme.objects.create(objective=third, number=2, code="P3-02", title="자치구 사회적경제 생태계 조성 지원",
                             division=OrgUnit.objects.get(code="SOCIAL-ECONOMY"))  # fmt: skip


@pytest.fixture
def grants_office(personas):
    make_programmes()
    return personas


@pytest.fixture
def report_office(personas, dataset_2018):
    return personas


def make_project(code="T-11740-01", district="11740", **changes):
    values = {
        "actor": None,
        "code": code,
        "year": 2018,
        "district": District.objects.get(code=district),
        "programme": Programme.objects.get(code="P1-05"),
        "title": "청년 공유부엌 일자리사업",
        "operator": "강동 사회적협동조합",
        "starts_on": date(2018, 1, 1),
        "ends_on": date(2018, 12, 31),
        "budget_total": 100_000_000,
        "city_share": 50_000_000,
        "district_share": 50_000_000,
        "jobs": {"youth": 10, "women": 5},
    }
    values.update(changes)
    return district_services.district_project_register(**values)


@pytest.fixture
def project(grants_office):
    return make_project()


@pytest.fixture
def other_project(grants_office):
    return make_project(code="T-11110-01", district="11110", title="종로 골목상권 일자리사업")


@pytest.fixture
def social_economy_staff(org):
    return core_services.user_create(
        actor=None,
        username="t_se_staff",
        password=PASSWORD,
        role=Role.DIVISION_STAFF,
        display_name="사회적경제담당관 테스트",
        org_unit=OrgUnit.objects.get(code="SOCIAL-ECONOMY-T1"),
    )


@pytest.fixture
def support(grants_office):
    return district_services.ecosystem_support_register(
        actor=None,
        code="ZONE-T1",
        district=District.objects.get(code="11740"),
        programme=Programme.objects.get(code="P3-02"),
        title="강동구 사회적경제특구",
    )


@pytest.fixture
def provider(org):
    return organisation_register(
        actor=None, name="경계선지능 교육기관(예시)", kind="ngo", business_number=business_number(888_100_001)
    )


def contract_values(provider, **changes) -> dict:
    values = {
        "actor": None,
        "code": "SIB-T1",
        "title": "경계선지능 아동 교육 성과보상사업",
        "provider": provider,
        "target_population": "경계선지능 아동 100명",
        "starts_on": date(2016, 10, 1),
        "ends_on": date(2019, 9, 30),
        "principal": 1_100_000_000,
        "threshold_rate": Decimal("50"),
        "cap_rate": Decimal("130"),
        "investors": [{"name": "가 투자", "amount": 700_000_000}, {"name": "나 투자", "amount": 400_000_000}],
        "metrics": [
            {"name": "학습능력 향상 비율", "unit": "%", "baseline": "0", "target": "50", "weight": "60"},
            {"name": "사회성 향상 비율", "unit": "%", "baseline": "10", "target": "40", "weight": "40"},
        ],
    }
    values.update(changes)
    return values


@pytest.fixture
def contract(provider):
    return sib_services.sib_contract_create(**contract_values(provider))
