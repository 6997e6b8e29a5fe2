"""The entrusted app's test builders: a few facilities of two divisions with their contracts and a renewal path.

make_entrusted() ->
  east      동부기술교육원 (EAST, 일자리정책담당관 — the staff persona's division), TTI-EAST (the partner persona's
            partner) '16.3.1.~'19.2.28. 운영 중, its 2018 budget of 1,000,000,000원; renewal round 1: 시의회 동의안 due
            2018-09-30, 수탁기관 공모·선정 due 2018-12-31
  central   중부기술교육원 (CENTRAL, 일자리정책담당관), TTI-CENTRAL '17.3.1.~'20.2.28. 운영 중
  centre    서울시사회적경제지원센터 (SE-CENTRE, 사회적경제담당관), SE-NETWORK with no term, 운영 중
The trustees are the org dataset's partners (the `org` fixture)."""

from __future__ import annotations

from datetime import date

from iljari.entrusted import services
from iljari.org.models import OrgUnit, Partner


def make_facility(code, name, kind="training_institute", division="JOBS-POLICY", **values):
    return services.facility_create(
        actor=None, code=code, name=name, kind=kind, division=OrgUnit.objects.get(code=division), **values
    )


def make_contract(facility, trustee, start=None, end=None, state="running", **values):
    return services.contract_create(
        actor=None, facility=facility, trustee=Partner.objects.get(code=trustee), term_start=start, term_end=end,
        state=state, **values,
    )  # fmt: skip


def make_entrusted() -> dict:
    east = make_facility("EAST", "동부기술교육원", address="강동구 고덕동", entrusted_task="기술교육원 운영")
    central = make_facility("CENTRAL", "중부기술교육원", address="용산구 한남동")
    centre = make_facility("SE-CENTRE", "서울시사회적경제지원센터", kind="social_economy_centre",
                           division="SOCIAL-ECONOMY", address="서울혁신파크 1동 1층")  # fmt: skip
    east_contract = make_contract(east, "TTI-EAST", date(2016, 3, 1), date(2019, 2, 28))
    central_contract = make_contract(central, "TTI-CENTRAL", date(2017, 3, 1), date(2020, 2, 28))
    centre_contract = make_contract(centre, "SE-NETWORK")
    budget = services.budget_set(actor=None, contract=east_contract, year=2018, budget=1_000_000_000)
    council = services.renewal_step_set(actor=None, facility=east, kind=1, due_on=date(2018, 9, 30),
                                        ending_contract=east_contract)  # fmt: skip
    call = services.renewal_step_set(actor=None, facility=east, kind=2, due_on=date(2018, 12, 31),
                                     ending_contract=east_contract)  # fmt: skip
    return {
        "east": east, "central": central, "centre": centre, "east_contract": east_contract,
        "central_contract": central_contract, "centre_contract": centre_contract, "budget": budget,
        "council": council, "call": call,
    }  # fmt: skip
