"""Test data of participation: the worksites with the programmes' terms, the tables pay reads, a training
institute's courses and their trainees (on the 2018 office: the `dataset_2018` fixture)."""

from __future__ import annotations

from datetime import date

from iljari.org.models import District, OrgUnit, Partner
from iljari.participation import services
from iljari.people.tests.factories import make_person
from iljari.plan.models import Programme

# Holidays of May 2018 as the public calendar has them (5 May is a Saturday; 7 May its substitute).
MAY_2018_HOLIDAYS = [
    (date(2018, 5, 5), "어린이날"),
    (date(2018, 5, 7), "대체공휴일"),
    (date(2018, 5, 22), "부처님오신날"),
]


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


def make_training(*, places: int = 3) -> dict:
    """Two institutes (동부 run by TTI-EAST, 중부 by TTI-CENTRAL) of the 2018 training programme, May 2018's
    holidays, and a call open now whose three quotas recruit a short course with a ₩200,000 deposit and a regular
    course at 동부 and a regular course at 중부 (each `places` places)."""
    from datetime import timedelta

    from django.utils import timezone

    from iljari.intake import services as intake
    from iljari.participation import training_services as training

    programme = Programme.objects.get(code="P1-07")
    for day, name in MAY_2018_HOLIDAYS:
        services.public_holiday_set(actor=None, day=day, name=name)
    east = training.institute_set(
        actor=None,
        code="EAST",
        programme=programme,
        name="동부기술교육원",
        partner=Partner.objects.get(code="TTI-EAST"),
        district=District.objects.get(code="11740"),
        address="강동구 고덕동",
    )
    central = training.institute_set(
        actor=None,
        code="CENTRAL",
        programme=programme,
        name="중부기술교육원",
        partner=Partner.objects.get(code="TTI-CENTRAL"),
        district=District.objects.get(code="11170"),
        address="용산구 한남동",
    )
    opens = timezone.now() - timedelta(days=1)
    call = intake.call_set(
        actor=None,
        code="TR-TEST",
        programme=programme,
        title="기술교육원 훈련생 시험 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=10),
        announce_on=date(2030, 1, 1),
        quotas=[
            ("E-SHORT", "동부 제과제빵 단기", places),
            ("E-DAY", "동부 전기과", places),
            ("C-DAY", "중부 용접과", places),
        ],
        eligibility=[
            {"kind": "age_between", "min_value": 15, "max_value": 99, "on_date": date(2018, 1, 1)},
            {"kind": "resides_in_seoul"},
        ],
    )
    quotas = {q.code: q for q in call.quotas.all()}
    common = {"actor": None, "capacity": places}
    short = training.course_set(
        **common, code="E-SHORT", institute=east, name="제과제빵 단기과정", track="city", course_type="short",
        start_date=date(2018, 5, 2), end_date=date(2018, 7, 31), weekly_hours=20, deposit=200_000,
        quota=quotas["E-SHORT"],
    )  # fmt: skip
    day = training.course_set(
        **common, code="E-DAY", institute=east, name="전기과", track="city", course_type="regular_day",
        start_date=date(2018, 3, 2), end_date=date(2019, 2, 28), quota=quotas["E-DAY"],
    )  # fmt: skip
    other = training.course_set(
        **common, code="C-DAY", institute=central, name="용접과", track="national", course_type="regular_day",
        start_date=date(2018, 3, 2), end_date=date(2018, 8, 31), quota=quotas["C-DAY"],
    )  # fmt: skip
    return {"east": east, "central": central, "call": call, "short": short, "day": day, "other": other}


def make_trainee(course, person=None, **extra):
    """One person enrolled by the system in `course` (a deposit due when the course has one)."""
    from iljari.participation import training_services as training

    return training.enrolment_create(actor=None, person=person or make_person(), course=course, **extra)
