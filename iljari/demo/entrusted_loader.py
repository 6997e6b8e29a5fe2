"""Demo entrusted facilities (민간위탁): the facilities, contracts, the 사회적경제지원센터's 2018 budget and the renewal
paths the 2018 report prints (demo/dataset/entrusted.py), written through entrusted.services as the system
(actor=None). Runs after the training loader (the trustees are the org.Partner rows load_org creates; a missing one
is created through org.services). A second run changes nothing."""

from __future__ import annotations

from iljari.demo.dataset import entrusted as data
from iljari.entrusted import services
from iljari.entrusted.models import Contract, Facility, RenewalStep, YearBudget
from iljari.org import services as org_services
from iljari.org.models import OrgUnit, Partner


def _trustee(code: str) -> Partner:
    partner = Partner.objects.filter(code=code).first()
    if partner is None:
        partner = org_services.partner_create(actor=None, code=code, name=code, kind=Partner.Kind.TRUSTEE)
    return partner


def load_entrusted() -> None:
    facilities: dict[str, Facility] = {}
    for code, name, kind, division, address, task, note in data.FACILITIES:
        facility = Facility.objects.filter(code=code).first()
        if facility is None:
            facility = services.facility_create(
                actor=None, code=code, name=name, kind=kind, division=OrgUnit.objects.get(code=division),
                address=address, entrusted_task=task, note=note,
            )  # fmt: skip
        facilities[code] = facility
    contracts: dict[tuple[str, str], Contract] = {}
    for code, trustee, start, end, state, note in data.CONTRACTS:
        partner = _trustee(trustee)
        contract = Contract.objects.filter(facility=facilities[code], trustee=partner, term_start=start).first()
        if contract is None:
            contract = services.contract_create(
                actor=None, facility=facilities[code], trustee=partner, term_start=start, term_end=end, state=state,
                note=note,
            )  # fmt: skip
        contracts[code, trustee] = contract
    for code, year, amount in data.BUDGETS:
        contract = next(c for (facility, _), c in contracts.items() if facility == code)
        if not YearBudget.objects.filter(contract=contract, year=year).exists():
            services.budget_set(actor=None, contract=contract, year=year, budget=amount)
    for code, ending, steps in data.RENEWALS:
        facility = facilities[code]
        ending_contract = contracts[code, ending] if ending else None
        leads_to = None if ending else next(c for (f, _), c in contracts.items() if f == code)
        for kind, due, done, words in steps:
            if RenewalStep.objects.filter(facility=facility, round=1, kind=kind).exists():
                continue
            step = services.renewal_step_set(
                actor=None, facility=facility, kind=kind, due_on=due, ending_contract=ending_contract,
                contract=leads_to, result=words,
            )  # fmt: skip
            if done is not None:
                services.renewal_step_done(actor=None, step=step, done_on=done, result=words)
