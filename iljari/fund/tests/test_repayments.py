"""Loans through disbursement and repayment: allocation, partial payments, prepayment, payoff, the ledger.

The loan of most tests: ₩12,000,000 at 2% for 12 months, equal principal, disbursed '18.1.31. — ₩1,000,000 principal
a month; the first month's interest 12,000,000 × 2% / 12 = ₩20,000, the second 11,000,000 × 2% / 12 = ₩18,333.
"""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.fund import services
from iljari.fund.models import Account, LedgerEntry, Loan, Repayment, ScheduleVersion
from iljari.fund.selectors import ledger_balances, loan_position

pytestmark = pytest.mark.django_db
TODAY = date(2030, 12, 31)


def post(loan, on, amount, reference=""):
    return services.repayment_post(
        actor=None, loan=loan, received_on=on, amount=amount, reference=reference, today=TODAY
    )


def test_disbursement_stores_the_schedule_and_moves_the_money_to_the_loan_book(make_loan, agreement):
    loan = make_loan()
    version = loan.schedule_versions.get()
    rows = list(version.instalments.order_by("number"))
    assert [row.principal for row in rows] == [1_000_000] * 12
    assert rows[0].interest == 20_000 and rows[1].interest == 18_333
    assert rows[0].due_on == date(2018, 2, 28) and rows[1].due_on == date(2018, 3, 31)
    balances = ledger_balances()
    assert balances[Account.LOANS] == 12_000_000
    assert balances[Account.INTERMEDIARY_FUNDS] == 1_000_000_000 - 12_000_000
    assert balances[Account.CASH] == 10_000_000_000 - 1_000_000_000
    assert sum(balances.values()) == 0  # every entry debits and credits the same amount


def test_an_on_time_instalment_pays_interest_then_principal(make_loan):
    loan = make_loan()
    repayment = post(loan, date(2018, 2, 28), 1_020_000)
    assert (repayment.overdue_interest, repayment.interest, repayment.principal) == (0, 20_000, 1_000_000)
    position = loan_position(loan, date(2018, 3, 1))
    assert position.outstanding == 11_000_000
    assert position.owed_now == 0 and position.days_past_due == 0
    assert ledger_balances()[Account.LOANS] == 11_000_000
    assert ledger_balances()[Account.INTEREST_INCOME] == -20_000


def test_a_missed_instalment_ages_and_bears_overdue_interest_at_the_agreement_rate(make_loan):
    loan = make_loan()
    position = loan_position(loan, date(2018, 4, 15))
    assert position.principal_arrears + position.interest_arrears == 1_020_000 + 1_018_333
    assert position.oldest_unpaid_on == date(2018, 2, 28)
    assert position.days_past_due == 46 and position.bucket == "31-90"
    # 5% a year by day: 1,020,000 for 31 days (2.28.→3.31.) and 2,038,333 for 15 days (3.31.→4.15.)
    expected = 1_020_000 * 0.05 * 31 / 365 + 2_038_333 * 0.05 * 15 / 365  # 4,331.51 + 4,188.36
    assert position.overdue_interest_accrued == int(expected) == 8_519
    assert loan_position(loan, date(2018, 3, 10)).bucket == "1-30"
    assert loan_position(loan, date(2018, 6, 1)).bucket == "91+"


def test_a_late_payment_goes_to_overdue_interest_first_then_interest_then_principal(make_loan):
    loan = make_loan()
    post(loan, date(2018, 2, 28), 500_000)  # partial: interest 20,000, principal 480,000
    position = loan_position(loan, date(2018, 3, 10))
    assert position.principal_arrears == 520_000 and position.days_past_due == 10
    assert position.overdue_interest_accrued == int(520_000 * 0.05 * 10 / 365) == 712
    repayment = post(loan, date(2018, 3, 10), 520_712)
    assert (repayment.overdue_interest, repayment.interest, repayment.principal) == (712, 0, 520_000)
    assert loan_position(loan, date(2018, 3, 10)).owed_now == 0
    assert loan_position(loan, date(2018, 3, 10)).days_past_due == 0


def test_a_prepayment_recomputes_the_schedule_on_the_same_due_dates(make_loan):
    loan = make_loan()
    repayment = post(loan, date(2018, 2, 28), 1_020_000 + 5_500_000)
    assert repayment.principal == 6_500_000 and repayment.prepaid == 5_500_000
    first, second = loan.schedule_versions.order_by("number")
    assert first.superseded_on == date(2018, 2, 28)
    assert second.reason == ScheduleVersion.Reason.PREPAYMENT and second.principal_before == 6_500_000
    rows = list(second.instalments.order_by("number"))
    assert [row.principal for row in rows] == [500_000] * 11  # 5,500,000 over the 11 months left
    assert rows[0].due_on == date(2018, 3, 31) and rows[0].interest == 9_166  # 5,500,000 × 2% / 12
    assert rows[-1].due_on == date(2019, 1, 31)
    assert loan_position(loan, date(2018, 3, 31)).owed_now == 509_166


def test_repayment_in_full_closes_the_loan_and_empties_its_book(make_loan):
    loan = make_loan()
    post(loan, date(2018, 2, 28), 12_020_000)  # the payoff: the month's interest and the whole principal
    loan.refresh_from_db()
    assert loan.status == Loan.Status.REPAID and loan.closed_on == date(2018, 2, 28)
    assert loan_position(loan, date(2018, 12, 31)).owed_now == 0
    assert ledger_balances()[Account.LOANS] == 0


def test_a_payment_larger_than_everything_owed_is_refused_and_writes_nothing(make_loan):
    loan = make_loan()
    with pytest.raises(ValidationFailed) as error:
        post(loan, date(2018, 2, 28), 12_020_001)
    assert "입금액 12,020,001원이 이날 갚을 금액 전부(12,020,000원)보다 큽니다." in error.value.message
    assert not Repayment.objects.exists()
    assert not LedgerEntry.objects.filter(kind=LedgerEntry.Kind.PRINCIPAL).exists()


def test_a_payment_before_disbursement_is_refused(agreement, borrower, make_loan):
    approved = services.loan_register(
        actor=None, number="L-9", borrower=borrower, agreement=agreement, purpose="project", principal=1_000_000,
        annual_rate=Decimal("1"), term_months=6, method="bullet",
    )  # fmt: skip
    with pytest.raises(ValidationFailed) as error:
        post(approved, date(2018, 3, 1), 10_000)
    assert "아직 실행되지 않아 상환을 받을 수 없습니다" in error.value.message
    loan = make_loan()
    with pytest.raises(ValidationFailed) as error:
        post(loan, date(2018, 1, 30), 10_000)
    assert error.value.message == "입금일(2018-01-30)이 실행일(2018-01-31)보다 앞섭니다."
    assert not Repayment.objects.exists()


def test_the_same_bank_transaction_posts_once(make_loan):
    loan = make_loan()
    post(loan, date(2018, 2, 28), 1_020_000, reference="TX-1")
    with pytest.raises(ValidationFailed) as error:
        post(loan, date(2018, 2, 28), 1_020_000, reference="TX-1")
    assert error.value.message == "거래 고유번호 TX-1는 이미 반영된 입금입니다."
    assert Repayment.objects.count() == 1


def test_a_rate_above_the_cap_or_a_term_of_zero_is_refused(agreement, borrower):
    terms = {"actor": None, "borrower": borrower, "agreement": agreement, "purpose": "enterprise",
             "principal": 10_000_000, "method": "annuity", "grace_months": 0}  # fmt: skip
    with pytest.raises(ValidationFailed) as error:
        services.loan_register(number="L-2", annual_rate=Decimal("3.5"), term_months=12, **terms)
    assert error.value.message == "대출금리 3.500%가 협약의 최고금리 3.000%를 넘습니다."
    with pytest.raises(ValidationFailed) as error:
        services.loan_register(number="L-3", annual_rate=Decimal("2"), term_months=0, **terms)
    assert error.value.message == "융자 기간은 1개월 이상이어야 합니다."
    assert not Loan.objects.exists()


def test_a_loan_beyond_the_agreement_allocation_is_not_disbursed(agreement, borrower):
    loan = services.loan_register(
        actor=None, number="L-BIG", borrower=borrower, agreement=agreement, purpose="social_housing",
        principal=1_000_000_001, annual_rate=Decimal("2"), term_months=60, method="annuity",
    )  # fmt: skip
    with pytest.raises(ValidationFailed) as error:
        services.loan_disburse(actor=None, loan=loan, on=date(2018, 2, 1))
    assert error.value.message == "협약의 남은 배정금(1,000,000,000원)보다 큰 융자는 실행할 수 없습니다."
    loan.refresh_from_db()
    assert loan.status == Loan.Status.APPROVED and not loan.schedule_versions.exists()


def test_staff_of_another_division_may_not_post(make_loan, personas):
    loan = make_loan()
    with pytest.raises(NotAllowed):
        services.repayment_post(
            actor=personas["division_staff"], loan=loan, received_on=date(2018, 2, 28), amount=1, today=TODAY
        )


def test_a_write_off_moves_the_outstanding_principal_to_write_offs(make_loan):
    loan = make_loan()
    post(loan, date(2018, 2, 28), 1_020_000)
    services.loan_write_off(actor=None, loan=loan, on=date(2018, 9, 1), reason="폐업")
    balances = ledger_balances()
    assert balances[Account.LOANS] == 0 and balances[Account.WRITE_OFFS] == 11_000_000
    loan.refresh_from_db()
    assert loan.status == Loan.Status.WRITTEN_OFF and loan.closed_on == date(2018, 9, 1)
    with pytest.raises(ValidationFailed) as error:
        post(loan, date(2018, 9, 2), 1_000)
    assert error.value.message == "융자 L-1는 대손 상각되어 상환을 받을 수 없습니다."


numbers = itertools.count(1)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: each example writes a loan
)
@given(
    principal=st.integers(min_value=1, max_value=60_000_000),
    rate=st.integers(min_value=0, max_value=3000).map(lambda u: Decimal(u) / 1000),
    term=st.integers(min_value=1, max_value=36),
    grace=st.integers(min_value=0, max_value=12),
    method=st.sampled_from(["annuity", "equal_principal", "bullet"]),
)
def test_paying_every_instalment_on_its_due_date_leaves_nothing_overdue(
    make_loan, principal, rate, term, grace, method
):
    loan = make_loan(f"P-{next(numbers)}", principal=principal, rate=str(rate), term=term, grace=min(grace, term - 1),
                     method=method)  # fmt: skip
    rows = list(loan.schedule_versions.get().instalments.order_by("number"))
    for row in rows:
        if row.total:
            post(loan, row.due_on, row.total)
        position = loan_position(loan, row.due_on)
        assert position.owed_now == 0 and position.days_past_due == 0
    loan.refresh_from_db()
    assert loan.status == Loan.Status.REPAID
    assert loan_position(loan, rows[-1].due_on).outstanding == 0
    assert sum(loan.repayments.values_list("principal", flat=True)) == principal
