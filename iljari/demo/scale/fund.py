"""The fund stage of `iljari generate`: the city's contribution, eight intermediaries with their agreements, and the
loan book (schedules, on-time repayments, ledger) through the demo fund loader's bulk insert."""

from __future__ import annotations

from datetime import date

from iljari.demo.fund_loader import loan_book_insert, random_loan_book
from iljari.demo.scale.base import PREFIX, Generation
from iljari.fund import services
from iljari.fund.models import Instalment, LedgerEntry, Loan, Repayment, ScheduleVersion
from iljari.org import services as org_services
from iljari.org.models import District, Partner


def fund_stage(run: Generation) -> None:
    rnd = run.random
    before = {m: m.objects.count() for m in (Loan, ScheduleVersion, Instalment, Repayment, LedgerEntry)}
    services.contribution_record(actor=None, amount=10**14, on=date(2013, 12, 31), memo="합성 자료 시 출연금")
    partners = [
        org_services.partner_create(
            actor=None,
            code=f"{PREFIX}-INT-{n + 1}",
            name=f"사회투자 수행기관 {n + 1}",
            kind="intermediary",
            district=District.objects.get(pk=run.districts[n % len(run.districts)]),
        )  # fmt: skip
        for n in range(8)
    ]
    Partner.objects.filter(pk=partners[0].pk).update(
        note=f"iljari generate --scale {run.scale.name} --seed {run.seed}"  # how this dataset was made
    )
    book = random_loan_book(rnd, run.scale.loans, partners)
    agreements = [
        services.agreement_create(
            actor=None,
            code=f"{PREFIX}-AGR-{n + 1}",
            intermediary=partner,
            year=2014,
            call_round=1,
            city_amount=sum(s["principal"] for s in book if s["intermediary"] == partner) or 1,
            matched_amount=None,
            max_rate="3",
            overdue_rate="5",
            starts_on=date(2014, 1, 1),
            ends_on=date(2030, 12, 31),
        )  # fmt: skip
        for n, partner in enumerate(partners)
    ]
    borrowers = [run.organisation_ids[n % len(run.organisation_ids)] for n in range(len(book))]
    loan_book_insert(book, agreements, partners, borrowers, prefix=f"{PREFIX}L")
    for model, count in before.items():
        run.count(model, model.objects.count() - count)
