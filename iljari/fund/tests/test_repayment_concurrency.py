"""One bank transaction posts once even when it is posted to two loans at the same instant.

Each loan's lock orders the repayments of that loan only; the same reference sent to two loans at once passes both
look-ups, and the unique constraint on `Repayment.reference` refuses the second insert. The refusal must be the
Korean message of the one-loan case, not a server error (core.locks.unique_or)."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection, connections

from iljari.core.errors import ValidationFailed
from iljari.fund import services
from iljari.fund.models import LedgerEntry, Repayment
from iljari.fund.services import repayments as repayments_module

TODAY = date(2030, 12, 31)
POSTED = "거래 고유번호 TX-9는 이미 반영된 입금입니다."


def post(loan, reference="TX-9"):
    return services.repayment_post(
        actor=None, loan=loan, received_on=date(2018, 2, 28), amount=1_020_000, reference=reference, today=TODAY
    )


@pytest.mark.django_db
def test_a_reference_posted_to_another_loan_between_the_check_and_the_insert_is_refused_in_korean(make_loan):
    first, second = make_loan("L-1"), make_loan("L-2")
    real_position = repayments_module.loan_position

    def other_request_commits_first(loan, on):
        # the other request, on the other loan, commits its repayment after this one's look-up found nothing
        if not Repayment.objects.filter(reference="TX-9").exists():
            with mock.patch.object(repayments_module, "loan_position", real_position):
                post(second)
        return real_position(loan, on)

    with (
        mock.patch.object(repayments_module, "loan_position", other_request_commits_first),
        pytest.raises(ValidationFailed) as error,
    ):
        post(first)
    assert error.value.message == POSTED
    assert error.value.field_errors == {"reference": [POSTED]}
    # (the other request shares this test's connection, so its row went with the refused transaction too)
    assert not Repayment.objects.filter(loan=first).exists()
    assert not LedgerEntry.objects.filter(loan=first, repayment__isnull=False).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_the_same_reference_posted_to_two_loans_at_once_posts_once(make_loan, agreement, borrower):
    # loans under different agreements: a loan's lock takes its agreement's row too, which would order them
    loans = [make_loan("L-1")]
    for n in range(2, 5):
        other = services.agreement_create(
            actor=None, code=f"2018-1-{n}", intermediary=agreement.intermediary, year=2018, call_round=1,
            city_amount=100_000_000, matched_amount=25_000_000, max_rate=Decimal("3"), overdue_rate=Decimal("5"),
            starts_on=date(2018, 1, 15), ends_on=date(2023, 12, 31), reporting_duties="분기별 융자 실적 보고",
        )  # fmt: skip
        loan = services.loan_register(
            actor=None, number=f"L-{n}", borrower=borrower, agreement=other, purpose="enterprise",
            principal=12_000_000, annual_rate=Decimal("2"), term_months=12, grace_months=0, method="equal_principal",
        )  # fmt: skip
        loans.append(services.loan_disburse(actor=None, loan=loan, on=date(2018, 1, 31)))
    barrier = threading.Barrier(len(loans))
    looked_up = threading.Barrier(len(loans), timeout=10)
    outcomes: list[str] = []
    real_position = repayments_module.loan_position

    def after_every_look_up(loan, on):  # the window made certain: every request has looked the reference up
        looked_up.wait()
        return real_position(loan, on)

    def run(loan):
        try:
            barrier.wait()
            post(loan)
            outcomes.append("posted")
        except ValidationFailed as error:
            outcomes.append(error.message)
        except Exception as error:  # noqa: BLE001 — a server error is the failure this test looks for
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(loan,)) for loan in loans]
    with mock.patch.object(repayments_module, "loan_position", after_every_look_up):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(outcomes) == sorted(["posted"] + [POSTED] * 3)
    assert Repayment.objects.filter(reference="TX-9").count() == 1
