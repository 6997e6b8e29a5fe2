"""Fund fixtures: a fund with money, one intermediary (수행기관) with an agreement, a borrower, and a fund manager
(staff of 사회적경제담당관)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from iljari.core import services as core_services
from iljari.core.roles import Role
from iljari.demo.enterprises_loader import business_number
from iljari.enterprises.services import organisation_register
from iljari.fund import services
from iljari.org import services as org_services
from iljari.org.models import OrgUnit
from iljari.testing import PASSWORD


@pytest.fixture
def intermediary(org):
    return org_services.partner_create(actor=None, code="FUND-INT-A", name="가나사회투자(예시)", kind="intermediary")


@pytest.fixture
def borrower(org):
    return organisation_register(
        actor=None, name="다라사회적협동조합(예시)", kind="cooperative", business_number=business_number(555_000_001)
    )


@pytest.fixture
def agreement(intermediary):
    services.contribution_record(actor=None, amount=10_000_000_000, on=date(2018, 1, 2))
    return services.agreement_create(
        actor=None,
        code="2018-1-A",
        intermediary=intermediary,
        year=2018,
        call_round=1,
        city_amount=1_000_000_000,
        matched_amount=250_000_000,
        max_rate=Decimal("3"),
        overdue_rate=Decimal("5"),
        starts_on=date(2018, 1, 15),
        ends_on=date(2023, 12, 31),
        reporting_duties="분기별 융자 실적 보고",
    )


@pytest.fixture
def fund_manager(org):
    return core_services.user_create(
        actor=None,
        username="t_fund",
        password=PASSWORD,
        role=Role.DIVISION_STAFF,
        display_name="사회투자팀 테스트",
        org_unit=OrgUnit.objects.get(code="SOCIAL-ECONOMY-T3"),
    )


@pytest.fixture
def make_loan(agreement, borrower):
    def make(number="L-1", *, principal=12_000_000, rate="2", term=12, grace=0, method="equal_principal",
             on=date(2018, 1, 31), purpose="enterprise"):  # fmt: skip
        loan = services.loan_register(
            actor=None, number=number, borrower=borrower, agreement=agreement, purpose=purpose, principal=principal,
            annual_rate=Decimal(rate), term_months=term, grace_months=grace, method=method,
        )  # fmt: skip
        return services.loan_disburse(actor=None, loan=loan, on=on)

    return make
