"""The done-when of issue 5 (grants): a grant goes from agreement through two disbursements to settlement, and the
budget execution of its programme moves by exactly the disbursed amounts — read through finance's selector before
and after, the expected figures computed here from the 2018 report's '18.6.30. snapshot and the amounts."""

from __future__ import annotations

from datetime import date

import pytest

from iljari.approvals.services import approval_draft
from iljari.approvals.tests.factories import approve_through, make_official
from iljari.core.errors import ValidationFailed
from iljari.core.roles import Position, Role
from iljari.finance.models import BudgetMovement
from iljari.finance.selectors import budget_execution, lines_execution
from iljari.grants import services
from iljari.grants.models import GrantAgreement

MILLION = 1_000_000
# JOBS-POLICY's line as the report prints it on '18.6.30. (백만원): 예산현액 187,341, 원인행위 105,588, 지출 100,177
BUDGET, COMMITTED, SPENT = 187_341 * MILLION, 105_588 * MILLION, 100_177 * MILLION


def _line_figures(user, agreement, on):
    return lines_execution(user=user, line_ids=[agreement.budget_line_id], year=2018, as_of=on)


def test_a_grant_from_agreement_through_two_disbursements_to_settlement_moves_budget_execution_exactly(
    office, make_agreement
):
    staff = office[Role.DIVISION_STAFF]  # 일자리정책담당관: the programme's division
    manager = office[Role.OFFICE_MANAGER]
    agreement = make_agreement()
    year_end = date(2018, 12, 31)
    before = _line_figures(manager, agreement, year_end)
    assert (before.current_budget, before.committed, before.spent) == (BUDGET, COMMITTED, SPENT)

    chief = make_official("t_chief", position=Position.DIRECTOR)  # 담당관 of the programme's division
    with pytest.raises(ValidationFailed):  # a clerk alone: no approver named, nothing drafted nor signed
        services.agreement_sign(actor=staff, agreement=agreement, signed_on=date(2018, 8, 1))
    signing = services.AgreementSigning(agreement, date(2018, 8, 1))
    request = approval_draft(actor=staff, act=services.AGREEMENT_SIGN, target=signing, approver=chief)
    assert request.amount == 300 * MILLION  # the city share the 전결 rules read
    agreement.refresh_from_db()
    assert agreement.status == GrantAgreement.Status.DRAFT  # nothing committed before the final approval
    assert _line_figures(manager, agreement, year_end).committed == COMMITTED
    approve_through(request)
    agreement.refresh_from_db()
    signed = _line_figures(manager, agreement, year_end)
    assert signed.committed == COMMITTED + 300 * MILLION
    assert signed.spent == SPENT

    # each tranche is an approval too (보조금 교부): the clerk drafts, the 담당관 approves, and only then is it paid
    with pytest.raises(ValidationFailed):  # a clerk alone: no approver named, nothing drafted nor paid
        services.disbursement_record(actor=staff, agreement=agreement, paid_on=date(2018, 8, 10), amount=180_000_000)
    tranches = []
    for paid_on, amount in ((date(2018, 8, 10), 180_000_000), (date(2018, 11, 5), 120_000_000)):
        payment = services.TranchePayment(agreement, paid_on, amount)
        request = approval_draft(actor=staff, act=services.DISBURSE, target=payment, approver=chief)
        assert request.amount == amount  # the tranche the 전결 rules read
        assert agreement.disbursements.count() == len(tranches)  # not paid before the final approval
        assert _line_figures(manager, agreement, year_end).spent == SPENT + sum(t.amount for t in tranches)
        approve_through(request)
        tranches.append(agreement.disbursements.get(paid_on=paid_on))
    first, second = tranches
    assert (first.number, second.number, first.amount, second.amount) == (1, 2, 180_000_000, 120_000_000)
    after = _line_figures(manager, agreement, year_end)
    assert after.spent - before.spent == 180_000_000 + 120_000_000
    assert after.current_budget == before.current_budget
    # as of a day between the tranches only the first counts; before the signing nothing moved
    assert _line_figures(manager, agreement, date(2018, 9, 30)).spent == SPENT + 180_000_000
    assert _line_figures(manager, agreement, date(2018, 7, 31)).spent == SPENT
    # the office's budget table (per division) moves the same
    table = budget_execution(user=manager, year=2018, as_of=year_end)
    assert table.total.spent == 124_144 * MILLION + 300_000_000

    services.spending_report_submit(
        actor=staff,
        agreement=agreement,
        period_end=date(2018, 12, 15),
        items={"personnel": 200_000_000, "project": 111_500_000},
        jobs_created=11,
    )
    settlement = services.settlement_record(
        actor=staff, agreement=agreement, settled_on=date(2018, 12, 20), spent=288_500_000, returned=11_500_000
    )
    assert settlement.disbursed == 300_000_000
    settled = _line_figures(manager, agreement, year_end)
    assert settled.spent == SPENT + 300_000_000 - 11_500_000  # the return lowers 지출액 in the same year
    assert settled.committed == COMMITTED + 288_500_000  # the commitment not used is released
    agreement.refresh_from_db()
    assert agreement.status == GrantAgreement.Status.SETTLED
    assert BudgetMovement.objects.filter(line=agreement.budget_line).count() == 4  # sign, two tranches, settlement


def test_a_later_snapshot_from_the_accounting_system_supersedes_the_movements(office, make_agreement):
    from iljari.finance.services import budget_snapshot_record

    manager = office[Role.OFFICE_MANAGER]
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    services.disbursement_record(actor=None, agreement=agreement, paid_on=date(2018, 8, 10), amount=100_000_000)
    services.disbursement_record(actor=None, agreement=agreement, paid_on=date(2018, 10, 10), amount=50_000_000)
    # the accounting system's September figures include the August tranche
    budget_snapshot_record(
        actor=None,
        line=agreement.budget_line,
        as_of=date(2018, 9, 30),
        current_budget=BUDGET,
        committed=COMMITTED + 400 * MILLION,
        spent=SPENT + 900 * MILLION,
    )
    assert _line_figures(manager, agreement, date(2018, 9, 30)).spent == SPENT + 900 * MILLION
    assert _line_figures(manager, agreement, date(2018, 12, 31)).spent == SPENT + 900 * MILLION + 50_000_000


def test_a_settlement_in_the_next_year_leaves_the_old_budget_line_alone(office, make_agreement):
    manager = office[Role.OFFICE_MANAGER]
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    services.disbursement_record(actor=None, agreement=agreement, paid_on=date(2018, 8, 10), amount=300_000_000)
    before = _line_figures(manager, agreement, date(2018, 12, 31))
    services.settlement_record(
        actor=None, agreement=agreement, settled_on=date(2019, 2, 20), spent=290_000_000, returned=10_000_000
    )
    assert _line_figures(manager, agreement, date(2018, 12, 31)).spent == before.spent
