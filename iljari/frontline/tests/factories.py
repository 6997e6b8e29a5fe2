"""Test data of frontline: a youth job centre run by 일자리정책담당관 itself (its staff: the division-staff
persona), a labour ombudsman desk run by 노동정책담당관, a job café run by TTI-EAST (the partner persona's partner)
with a room and a programme, topics, a study room and a hall, a shelter (run by TTI-EAST) and a programme
session."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from iljari.frontline.models import (
    ConsultationTopic,
    Programme,
    ProgrammeSession,
    Room,
    ServicePoint,
    Shelter,
)
from iljari.org.models import OrgUnit, Partner


def next_weekday(weekday: int, after: date | None = None) -> date:
    """The first given weekday (0 = Monday) after today (or after `after`)."""
    day = (after or timezone.localdate()) + timedelta(days=1)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day


def make_frontline() -> dict:
    jobs = OrgUnit.objects.get(code="JOBS-POLICY")
    labour = OrgUnit.objects.get(code="LABOUR-POLICY")
    centre = ServicePoint.objects.create(
        code="YJC",
        name="청년일자리센터",
        kind=ServicePoint.Kind.YOUTH_JOB_CENTRE,
        division=jobs,
        weekday_opens=9,
        weekday_closes=21,
        saturday_opens=10,
        saturday_closes=18,
    )
    ombudsman = ServicePoint.objects.create(
        code="OMBUDSMAN", name="시민명예노동옴부즈만", kind=ServicePoint.Kind.LABOUR_OMBUDSMAN, division=labour
    )
    cafe = ServicePoint.objects.create(
        code="CAFE-EAST",
        name="일자리카페 강동",
        kind=ServicePoint.Kind.JOB_CAFE,
        division=jobs,
        partner=Partner.objects.get(code="TTI-EAST"),
        weekday_opens=10,
        weekday_closes=18,
    )
    cafe_room = Room.objects.create(
        service_point=cafe, code="CAFE-R1", name="카페 세미나실", kind=Room.Kind.SEMINAR, capacity=10
    )
    cafe_programme = Programme.objects.create(
        code="CAFE-TALK", title="취업특강", kind=Programme.Kind.LECTURE, service_point=cafe, division=jobs
    )
    topic = ConsultationTopic.objects.create(code="JOB-SEARCH", name="취업 상담", sort_order=1)
    wage = ConsultationTopic.objects.create(code="WAGE", name="임금 체불", sort_order=2)
    study = Room.objects.create(
        service_point=centre, code="YJC-S01", name="스터디룸 1", kind=Room.Kind.STUDY, capacity=6, max_hours_per_day=3
    )
    hall = Room.objects.create(service_point=centre, code="YJC-HALL", name="다목적홀", kind=Room.Kind.HALL, capacity=80)
    programme = Programme.objects.create(
        code="YJC-MOCK", title="모의면접", kind=Programme.Kind.MOCK_INTERVIEW, service_point=centre, division=jobs
    )
    session = ProgrammeSession.objects.create(
        programme=programme, title="1회차", day=next_weekday(2), starts=14, capacity=2
    )
    shelter = Shelter.objects.create(
        code="SEOCHO",
        name="서초쉼터",
        target_workers="대리기사",
        size_m2=151,
        staff=3,
        opens="18:00",
        closes="06:00",
        opened_on=date(2016, 3, 1),
        division=labour,
        partner=Partner.objects.get(code="TTI-EAST"),
    )
    return {
        "centre": centre,
        "ombudsman": ombudsman,
        "cafe": cafe,
        "cafe_room": cafe_room,
        "cafe_programme": cafe_programme,
        "topic": topic,
        "wage": wage,
        "study": study,
        "hall": hall,
        "programme": programme,
        "session": session,
        "shelter": shelter,
    }
