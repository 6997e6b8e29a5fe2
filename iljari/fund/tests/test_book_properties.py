"""The loan book adds up on any day, whatever the loans and repayments: the portfolio's outstanding balance and count
are the sums of the loans' own positions that day, and its breakdowns by intermediary, purpose and delinquency
bucket each add up to the total (hypothesis: random loans, repayments and days)."""

from __future__ import annotations

from contextlib import suppress
from datetime import date, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.core.errors import IljariError
from iljari.core.roles import Role
from iljari.fund import services
from iljari.fund.models import Loan
from iljari.fund.selectors import loan_position, portfolio

TODAY = date(2030, 1, 1)

loans = st.lists(
    st.fixed_dictionaries(
        {
            "principal": st.integers(1, 600).map(lambda n: n * 100_000),
            "term": st.sampled_from([6, 12, 24, 36]),
            "method": st.sampled_from(Loan.Method.values),
            "purpose": st.sampled_from(Loan.Purpose.values),
            "day": st.integers(0, 200),  # disbursed '18.1.15. + day
            "repayments": st.lists(st.tuples(st.integers(0, 500), st.integers(1, 30_000_000)), max_size=3),
        }
    ),
    min_size=1,
    max_size=4,
)


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(book=loans, day=st.integers(0, 900))
def test_the_portfolio_is_the_sum_of_its_loans_on_any_day(personas, make_loan, book, day):
    manager = personas[Role.OFFICE_MANAGER]
    as_of = date(2018, 1, 15) + timedelta(days=day)
    with transaction.atomic():
        made = []
        for index, spec in enumerate(book):
            on = date(2018, 1, 15) + timedelta(days=spec["day"])
            loan = make_loan(
                f"P-{index}",
                principal=spec["principal"],
                term=spec["term"],
                method=spec["method"],
                purpose=spec["purpose"],
                on=on,
            )
            for after, amount in spec["repayments"]:
                with suppress(IljariError):  # more than the loan owes, say: refused, the book as before
                    services.repayment_post(
                        actor=None, loan=loan, received_on=on + timedelta(days=after), amount=amount, today=TODAY
                    )
            made.append(loan)
        positions = [loan_position(loan, as_of) for loan in made if loan.disbursed_on <= as_of]
        book_then = portfolio(user=manager, as_of=as_of)
        assert book_then.outstanding == sum(p.outstanding for p in positions)
        assert book_then.count >= sum(1 for p in positions if p.outstanding > 0)  # every loan still owing counts
        for breakdown in (book_then.by_intermediary, book_then.by_purpose, book_then.by_bucket):
            assert sum(group["outstanding"] for group in breakdown) == book_then.outstanding
            assert sum(group["count"] for group in breakdown) == book_then.count
        transaction.set_rollback(True)
