"""Grants fixtures: the 2018 office (plan, budget lines with their '18.6.30. snapshots), the 청년일자리 민관협력사업
grant programme (P1-04, ₩100m–600m, own funds at least 10%), a 50:50 city:district programme, a wage-subsidy
programme, a grantee with its organisation account."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from iljari.core import services as core_services
from iljari.core.roles import Role
from iljari.enterprises import services as enterprise_services
from iljari.enterprises.tests.factories import next_number
from iljari.finance.models import BudgetLine
from iljari.grants import services
from iljari.org.models import District
from iljari.plan.models import Programme
from iljari.testing import PASSWORD

MILLION = 1_000_000


@pytest.fixture
def office(personas, dataset_2018):
    return personas


@pytest.fixture
def youth_programme(office):
    return services.grant_programme_set(
        actor=None,
        code="2018-YOUTH-PPP",
        year=2018,
        name="청년일자리 민관협력사업",
        programme=Programme.objects.get(code="P1-04"),
        budget_line=BudgetLine.objects.get(code="JOBS-POLICY-2018"),
        budget=2_000 * MILLION,
        matched_source="own_funds",
        matched_ratio=Decimal("10"),
        matched_exact=False,
        min_amount=100 * MILLION,
        max_amount=600 * MILLION,
        job_count="reported",
        target_group="youth",
        job_kind="direct",
    )


@pytest.fixture
def district_programme(office):
    return services.grant_programme_set(
        actor=None,
        code="2018-FAIRTRADE-DISTRICT",
        year=2018,
        name="자치구 공정무역 특화사업",
        programme=Programme.objects.get(code="P3-06"),
        budget_line=BudgetLine.objects.get(code="SOCIAL-ECONOMY-2018"),
        matched_source="district",
        matched_ratio=Decimal("50"),
        matched_exact=True,
    )


@pytest.fixture
def wage_programme(office):
    return services.grant_programme_set(
        actor=None,
        code="2018-SE-WAGE",
        year=2018,
        name="사회적기업 인건비·사회보험료 지원",
        kind="employment",
        programme=Programme.objects.get(code="P3-01"),
        budget_line=BudgetLine.objects.get(code="SOCIAL-ECONOMY-2018"),
        wage_share=Decimal("70"),
        wage_cap=1_300_000,
        insurance_share=Decimal("100"),
        job_count="employees",
        target_group="low_income",
        job_kind="indirect",
    )


@pytest.fixture
def grantee(office):
    return enterprise_services.organisation_register(
        actor=None,
        name="청년내일협동조합(예시)",
        kind="cooperative",
        business_number=next_number(),
        district=District.objects.get(code="11740"),
    )


@pytest.fixture
def grantee_user(grantee):
    user = core_services.user_create(
        actor=None, username="t_grantee", password=PASSWORD, role=Role.ORGANISATION, display_name="수행기관 담당자"
    )
    return core_services.user_organisation_set(user=user, organisation=grantee)


@pytest.fixture
def make_agreement(youth_programme, grantee):
    def make(code="2018-YJ-001", *, city=300 * MILLION, matched=40 * MILLION, programme=None, sign_on=None, **extra):
        agreement = services.agreement_create(
            actor=None,
            programme=programme or youth_programme,
            grantee=extra.pop("grantee", grantee),
            code=code,
            title="청년 소셜 리빙랩 일자리",
            starts_on=date(2018, 8, 1),
            ends_on=date(2019, 1, 31),
            city_amount=city,
            matched_amount=matched,
            jobs_planned=12,
            **extra,
        )
        if sign_on:
            agreement = services.agreement_sign(actor=None, agreement=agreement, signed_on=sign_on)
        return agreement

    return make
