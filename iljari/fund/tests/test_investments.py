"""Fund investments (출자): the impact investment partnership's commitment, capital calls and distributions."""

from __future__ import annotations

from datetime import date

import pytest

from iljari.core.errors import ValidationFailed
from iljari.fund import services
from iljari.fund.models import Account
from iljari.fund.selectors import ledger_balances

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership(org):
    services.contribution_record(actor=None, amount=1_000_000_000, on=date(2018, 1, 2))
    return services.investment_commit(
        actor=None, code="IMPACT-1", name="임팩트 투자조합(예시)", committed=300_000_000, committed_on=date(2018, 9, 1),
        approval="시의회 동의('18.4.9.)",
    )  # fmt: skip


def test_calls_are_limited_by_the_commitment_and_distributions_return_capital_first(partnership):
    services.investment_call(actor=None, investment=partnership, amount=200_000_000, on=date(2018, 9, 10))
    with pytest.raises(ValidationFailed) as error:
        services.investment_call(actor=None, investment=partnership, amount=100_000_001, on=date(2018, 10, 1))
    assert error.value.message == "납입액 100,000,001원이 남은 약정액(100,000,000원)보다 큽니다."
    services.investment_distribute(actor=None, investment=partnership, amount=250_000_000, on=date(2021, 12, 31))
    balances = ledger_balances()
    assert balances[Account.INVESTMENTS] == 0  # 200,000,000 paid in, all returned
    assert balances[Account.INVESTMENT_INCOME] == -50_000_000  # the rest is income (a credit)
    assert balances[Account.CASH] == 1_000_000_000 + 50_000_000
    assert sum(balances.values()) == 0


def test_a_call_before_the_commitment_is_refused(partnership):
    with pytest.raises(ValidationFailed) as error:
        services.investment_call(actor=None, investment=partnership, amount=1, on=date(2018, 8, 31))
    assert error.value.message == "납입일이 약정일(2018-09-01)보다 앞설 수 없습니다."
