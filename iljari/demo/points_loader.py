"""Demo service points of the social economy, the emotional-labour centre and the 일자리카페's 취업날개 desk, with
records whose counts give the 2018 report's figures as of '18.6.30. (iljari/demo/dataset/points.py holds the printed
numbers and says what is synthetic).

The points, topics, programmes, sessions, suit items and rentals go in through the frontline services (actor=None:
the system); the bulk records (consultations, registrations) through core.bulk.rows_insert, as the youth job centre's
do (frontline_loader). A second run changes nothing.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from iljari.core.bulk import rows_insert
from iljari.demo.dataset import points as d
from iljari.demo.frontline_loader import HOLIDAYS_2018
from iljari.frontline import services as frontline
from iljari.frontline.models import (
    Consultation,
    Programme,
    ProgrammeSession,
    Registration,
    ServicePoint,
    SuitItem,
    SuitRental,
)
from iljari.org.models import OrgUnit, Partner
from iljari.people.models import Person

SEED = 20180631
YEAR_START = date(2018, 1, 1)
TOPICS = [
    ("COOP-FOUND", "협동조합 설립"),
    ("COOP-MANAGE", "협동조합 운영·경영"),
    ("SE-MANAGE", "사회적경제기업 경영"),
    ("SE-ACADEMY", "사회적경제 교육"),
    ("EMOTIONAL", "감정노동"),
]
COURSES = [  # synthetic titles of the 10 courses ("(예비)협동조합 및 조합원의 다양한 세분화된 교육")
    "협동조합 설립 기초",
    "예비 협동조합 설립 실무",
    "협동조합 회계·세무",
    "협동조합 조합원 교육",
    "협동조합 이사회 운영",
    "협동조합 사업계획 수립",
    "사회적협동조합 인가 실무",
    "협동조합 마케팅",
    "협동조합 노무 관리",
    "협동조합 간 협력 사업",
]
CENTRE_PROGRAMMES = [  # code, title, kind, sessions (synthetic split of the printed 51)
    ("SE-VILLAGE-EDU", "마을기업 교육", Programme.Kind.COURSE, 21),
    ("SE-SOCIALBOX", "상암소셜박스 활성화 프로그램", Programme.Kind.ACTIVATION, 30),
]
SUIT_STOCK = [  # kind, sex, sizes (the demo's own stock)
    (SuitItem.Kind.JACKET, SuitItem.Sex.MALE, ["95", "100", "105"]),
    (SuitItem.Kind.TROUSERS, SuitItem.Sex.MALE, ["30", "32", "34"]),
    (SuitItem.Kind.SHIRT, SuitItem.Sex.MALE, ["95", "100", "105"]),
    (SuitItem.Kind.TIE, SuitItem.Sex.UNISEX, ["FREE"]),
    (SuitItem.Kind.SHOES, SuitItem.Sex.MALE, ["260", "270"]),
    (SuitItem.Kind.JACKET, SuitItem.Sex.FEMALE, ["55", "66", "77"]),
    (SuitItem.Kind.SKIRT, SuitItem.Sex.FEMALE, ["55", "66", "77"]),
    (SuitItem.Kind.SHIRT, SuitItem.Sex.FEMALE, ["55", "66"]),
    (SuitItem.Kind.SHOES, SuitItem.Sex.FEMALE, ["230", "240"]),
]
KIND_CODES = {"jacket": "J", "trousers": "P", "skirt": "S", "shirt": "B", "shoes": "H", "tie": "T", "belt": "L"}


def working_days(start: date = YEAR_START, end: date = d.AS_OF) -> list[date]:
    """Weekdays that are not public holidays ('18.1.1.~6.30.: 122)."""
    closed = {day for day, _ in HOLIDAYS_2018}
    days, day = [], start
    while day <= end:
        if day.weekday() < 5 and day not in closed:
            days.append(day)
        day += timedelta(days=1)
    return days


def _points(social: OrgUnit, labour: OrgUnit, jobs: OrgUnit) -> dict[str, ServicePoint]:
    partners = {p.code: p for p in Partner.objects.filter(code__in=["SE-NETWORK", "COOP-COUNCIL"])}
    hours = {"weekday_opens": 9, "weekday_closes": 18}
    return {
        "centre": frontline.service_point_set(
            actor=None,
            code=d.SOCIAL_ECONOMY_CENTRE["code"],
            division=social,
            name=d.SOCIAL_ECONOMY_CENTRE["name"],
            kind=ServicePoint.Kind.SOCIAL_ECONOMY_CENTRE,
            partner=partners[d.SOCIAL_ECONOMY_CENTRE["partner"]],
            **hours,
        ),
        "coop": frontline.service_point_set(
            actor=None,
            code=d.COOP_CENTRE["code"],
            division=social,
            name=d.COOP_CENTRE["name"],
            kind=ServicePoint.Kind.COOP_CENTRE,
            partner=partners[d.COOP_CENTRE["partner"]],
            **hours,
        ),
        "emotional": frontline.service_point_set(
            actor=None,
            code=d.EMOTIONAL_LABOUR_CENTRE["code"],
            division=labour,
            name=d.EMOTIONAL_LABOUR_CENTRE["name"],
            kind=ServicePoint.Kind.EMOTIONAL_LABOUR_CENTRE,
            opened_on=d.EMOTIONAL_LABOUR_CENTRE["opened_on"],
            **hours,
        ),
        "cafe": frontline.service_point_set(
            actor=None,
            code=d.JOB_CAFE["code"],
            division=jobs,
            name=d.JOB_CAFE["name"],
            kind=ServicePoint.Kind.JOB_CAFE,
            weekday_opens=10,
            weekday_closes=19,
            saturday_opens=10,
            saturday_closes=15,
            rental_days=d.JOB_CAFE["rental_days"],
            rentals_per_year=d.JOB_CAFE["rentals_per_year"],
        ),
    }


def _coop_consultations(rng, coop, centre, topics) -> None:
    c = d.COOP_CENTRE
    days = working_days()[-120:]  # 4,632 ÷ 38.6 = 120 days of counselling
    per_day = [39] * 72 + [38] * 48
    rng.shuffle(per_day)
    assert sum(per_day) == c["consultations"] and len(days) == 120
    rows, number = [], 0
    for day, count in zip(days, per_day, strict=True):
        for _ in range(count):
            number += 1
            channel = rng.choices(["phone", "visit", "tailored"], weights=[55, 30, 15])[0]
            topic = topics["COOP-FOUND"] if rng.random() < 0.6 else topics["COOP-MANAGE"]
            rows.append((coop.pk, day, channel, "consultation", topic, f"협동조합상담-{number:05d}"))
    every_day = working_days()
    for service, total, label in (
        ("startup_coaching", c["startup_coaching"], "예비협동조합"),
        ("growth_support", c["growth_support"], "협동조합"),
    ):
        for n in range(total):
            rows.append(
                (coop.pk, rng.choice(every_day), "visit", service, topics["COOP-MANAGE"], f"{label}-{n + 1:03d}")
            )
    s = d.SOCIAL_ECONOMY_CENTRE
    for service, total, topic, label in (
        ("management", s["management"], "SE-MANAGE", "사회적경제기업"),
        ("academy_support", s["academy_support"], "SE-ACADEMY", "아카데미 지원"),
    ):
        for n in range(total):
            rows.append((centre.pk, rng.choice(every_day), "visit", service, topics[topic], f"{label}-{n + 1:03d}"))
    rows_insert(Consultation, ["service_point", "held_on", "channel", "service", "topic", "client_label"], rows)


def _coop_courses(rng, coop, social) -> None:
    c = d.COOP_CENTRE
    sizes = [128] * 7 + [127] * 3
    assert sum(sizes) == c["trainees"] and len(sizes) == c["courses"] == len(COURSES)
    days = working_days()
    registrations, number = [], 0
    for index, (title, size) in enumerate(zip(COURSES, sizes, strict=True), start=1):
        programme = frontline.programme_set(
            actor=None,
            code=f"COOP-COURSE-{index:02d}",
            division=social,
            title=title,
            kind=Programme.Kind.COURSE,
            service_point=coop,
            public=False,
            sessions_to_complete=2,
        )
        first = rng.randrange(0, len(days) - 20)
        for week in range(3):
            session = frontline.session_set(
                actor=None,
                programme=programme,
                title=f"{week + 1}회차",
                day=days[first + week * 5],
                starts=14,
                capacity=150,
            )
            ProgrammeSession.objects.filter(pk=session.pk).update(registered=size)
            for n in range(size):
                # every trainee at the first session; some miss a later one
                attended = week == 0 or rng.random() < 0.85
                registrations.append((session.pk, f"교육생-{number + n + 1:05d}", attended))
        number += size
    rows_insert(Registration, ["session", "participant", "attended"], registrations)


def _centre_programmes(rng, centre, social) -> None:
    days = working_days()
    total = 0
    for code, title, kind, count in CENTRE_PROGRAMMES:
        programme = frontline.programme_set(
            actor=None, code=code, division=social, title=title, kind=kind, service_point=centre, public=False
        )
        for n, day in enumerate(sorted(rng.sample(days, count)), start=1):
            frontline.session_set(actor=None, programme=programme, title=f"{n}회", day=day, starts=14, capacity=30)
        total += count
    assert total == d.SOCIAL_ECONOMY_CENTRE["programme_sessions"]


def _emotional(emotional, labour) -> None:
    """The healing programme (no session is printed: none here)."""
    frontline.programme_set(
        actor=None,
        code="EMOTIONAL-HEALING",
        division=labour,
        title=d.EMOTIONAL_LABOUR_CENTRE["healing_programme"],
        kind=Programme.Kind.HEALING,
        service_point=emotional,
        public=False,
    )


def _suits(cafe) -> None:
    items = []
    for kind, sex, sizes in SUIT_STOCK:
        for size in sizes:
            code = f"WINGS-{KIND_CODES[kind]}{'M' if sex == 'male' else 'F' if sex == 'female' else 'U'}-{size}"
            items.append(
                frontline.suit_item_set(
                    actor=None, service_point=cafe, code=code, kind=kind, size=size, sex=sex, colour="검정"
                )
            )
    if SuitRental.objects.filter(service_point=cafe).exists():
        return
    people = list(Person.objects.order_by("pk")[:4])
    if len(people) < 4:
        return
    by_code = {item.code: item for item in items}
    # a few June rentals (no count is printed): three returned (one late), one still out on 6.30.
    plan = [
        (people[0], date(2018, 6, 4), ["WINGS-JF-66", "WINGS-SF-66", "WINGS-BF-66", "WINGS-HF-240"], date(2018, 6, 7)),
        (
            people[1],
            date(2018, 6, 11),
            ["WINGS-JM-100", "WINGS-PM-32", "WINGS-BM-100", "WINGS-TU-FREE"],
            date(2018, 6, 16),
        ),
        (people[2], date(2018, 6, 18), ["WINGS-JM-105", "WINGS-PM-34", "WINGS-HM-270"], date(2018, 6, 21)),
        (people[3], date(2018, 6, 28), ["WINGS-JF-55", "WINGS-SF-55"], None),
    ]
    for person, visit_on, codes, returned_on in plan:
        rental = frontline.suit_rental_book(
            actor=None,
            service_point=cafe,
            visit_on=visit_on,
            items=[by_code[code] for code in codes],
            person=person,
            purpose="면접",
        )
        frontline.suit_rental_pickup(actor=None, rental=rental, on=visit_on)
        if returned_on is not None:
            frontline.suit_rental_return(actor=None, rental=rental, returned_on=returned_on)


def load_points() -> None:
    rng = random.Random(SEED)
    social = OrgUnit.objects.get(code="SOCIAL-ECONOMY")
    labour = OrgUnit.objects.get(code="LABOUR-POLICY")
    jobs = OrgUnit.objects.get(code="JOBS-POLICY")
    topics = {
        code: frontline.topic_set(actor=None, code=code, name=name, sort_order=100 + n).pk
        for n, (code, name) in enumerate(TOPICS, start=1)
    }
    points = _points(social, labour, jobs)
    if not Consultation.objects.filter(service_point=points["coop"]).exists():
        _coop_consultations(rng, points["coop"], points["centre"], topics)
        _coop_courses(rng, points["coop"], social)
        _centre_programmes(rng, points["centre"], social)
    _emotional(points["emotional"], labour)
    _suits(points["cafe"])
