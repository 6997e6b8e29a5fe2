"""Fixtures for participation: the 2018 office (programmes), the tables pay reads, terms, two worksites."""

from __future__ import annotations

from datetime import date
from itertools import count

import pytest

from iljari.demo.report2018_loader import load_report2018
from iljari.org.models import District, OrgUnit, Partner
from iljari.participation import services
from iljari.people import services as people_services
from iljari.plan.models import Programme

_serial = count(200000)

# Holidays of May 2018 as the public calendar has them (5 May is a Saturday; 7 May its substitute).
MAY_2018_HOLIDAYS = [
    (date(2018, 5, 5), "어린이날"),
    (date(2018, 5, 7), "대체공휴일"),
    (date(2018, 5, 22), "부처님오신날"),
]


def make_person(birth=date(1990, 5, 5), district="11740", **extra):
    number = next(_serial)
    return people_services.person_register(
        actor=None,
        name=f"참여자{number}",
        birth_date=birth,
        sex="M",
        rrn=f"{birth:%y%m%d}-1{number:06d}",
        consents=["personal_data", "unique_identifier"],
        district=District.objects.get(code=district) if district else None,
        **extra,
    )


@pytest.fixture
def office(personas):
    load_report2018()
    return personas


@pytest.fixture
def site(office):
    return make_site()


def make_site() -> dict:
    """New Deal worksites run by 강동구, 종로구, the city and TTI-EAST, a public-works worksite in 강동구, the
    programmes' terms, and the 2018–2019 living wages and May 2018's holidays."""
    new_deal = Programme.objects.get(code="P1-03")
    public_works = Programme.objects.get(code="P1-06")
    services.living_wage_set(actor=None, year=2017, hourly=8_197)
    services.living_wage_set(actor=None, year=2018, hourly=9_220)
    services.living_wage_set(actor=None, year=2019, hourly=10_148)
    for day, name in MAY_2018_HOLIDAYS:
        services.public_holiday_set(actor=None, day=day, name=name)
    services.programme_terms_set(actor=None, programme=new_deal, target_group="youth", max_months=23)
    services.programme_terms_set(actor=None, programme=public_works, target_group="low_income", max_months=6)
    gangdong = services.worksite_set(
        actor=None,
        code="ND-GD",
        programme=new_deal,
        name="강동구 골목상권 활성화",
        operator="district",
        district=District.objects.get(code="11740"),
        places=10,
    )
    jongno = services.worksite_set(
        actor=None,
        code="ND-JN",
        programme=new_deal,
        name="종로구 문화해설",
        operator="district",
        district=District.objects.get(code="11110"),
        places=10,
    )
    city = services.worksite_set(
        actor=None,
        code="ND-CITY",
        programme=new_deal,
        name="공원 환경 모니터링(서울시)",
        operator="city",
        org_unit=OrgUnit.objects.get(code="JOBS-POLICY"),
        places=10,
    )
    partner = services.worksite_set(
        actor=None,
        code="ND-TTI",
        programme=new_deal,
        name="동부기술교육원 실습 보조",
        operator="partner",
        partner=Partner.objects.get(code="TTI-EAST"),
        places=5,
    )
    works = services.worksite_set(
        actor=None, code="PW-GD", programme=public_works, name="강동구 하천변 정비", operator="district",
        district=District.objects.get(code="11740"), places=30,
    )  # fmt: skip
    return {"gangdong": gangdong, "jongno": jongno, "city": city, "partner": partner, "works": works}
