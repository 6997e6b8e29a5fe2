"""The counts of the service points the 2018 report prints for the social economy's centres and the emotional-labour
centre, from their records as of a date (the system's read: the figures page, its API and the record-figures
registry call it; the records themselves are read through the scoped selectors).

Contract:
- POINT_FIGURES: key → (label, unit) of every count below
- point_counts(*, year, as_of) -> dict[str, int | Decimal | None]    records dated 1 January of the year to as_of:
    coop_consultations   협동조합지원센터 상담 (전화·방문·맞춤), 건
    coop_daily           its daily average: consultations ÷ the days on which it counselled, to 0.1 (None: no day)
    coop_courses         its courses (교육 과정 programmes) with a session in the period, 개
    coop_trainees        the people who attended one of those courses' sessions in the period (each once per course), 명
    coop_coaching        창업코칭, 회;  coop_growth  성장 지원, 회
    centre_management    사회적경제지원센터 경영지원, 건;  centre_academy  아카데미 교육 지원, 건
    centre_programmes    its programme sessions (마을기업 교육, 상암소셜박스 활성화 …), 회
    emotional_consultations / emotional_healing / emotional_healing_attendees
                         감정노동보호센터 상담 (건), 치유프로그램 회차 (회) and 참석 (명): 0 before it opens ('18.8월)
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from iljari.frontline.models import Consultation, Programme, ProgrammeSession, Registration, ServicePoint

COOP = ServicePoint.Kind.COOP_CENTRE
CENTRE = ServicePoint.Kind.SOCIAL_ECONOMY_CENTRE
EMOTIONAL = ServicePoint.Kind.EMOTIONAL_LABOUR_CENTRE
Service = Consultation.Service

POINT_FIGURES = {
    "coop_consultations": ("협동조합지원센터 상담(전화·방문·맞춤)", "건"),
    "coop_daily": ("협동조합지원센터 일평균 상담", "건"),
    "coop_courses": ("협동조합지원센터 교육 과정", "개"),
    "coop_trainees": ("협동조합지원센터 교육 인원", "명"),
    "coop_coaching": ("협동조합지원센터 창업코칭", "회"),
    "coop_growth": ("협동조합지원센터 성장 지원", "회"),
    "centre_management": ("사회적경제지원센터 경영지원", "건"),
    "centre_academy": ("사회적경제지원센터 아카데미 교육 지원", "건"),
    "centre_programmes": ("사회적경제지원센터 마을기업 교육·상암소셜박스 활성화 프로그램", "회"),
    "emotional_consultations": ("감정노동보호센터 상담", "건"),
    "emotional_healing": ("감정노동보호센터 치유프로그램", "회"),
    "emotional_healing_attendees": ("감정노동보호센터 치유프로그램 참석", "명"),
}


def point_counts(*, year: int, as_of: date) -> dict:
    start = date(year, 1, 1)
    held = Consultation.objects.filter(held_on__range=(start, as_of))
    by_service = {
        (row["service_point__kind"], row["service"]): row
        for row in held.filter(service_point__kind__in=(COOP, CENTRE, EMOTIONAL))
        .values("service_point__kind", "service")
        .order_by()
        .annotate(n=Count("id"), days=Count("held_on", distinct=True))
    }

    def count(kind, service) -> int:
        return by_service.get((kind, service), {}).get("n", 0)

    coop = by_service.get((COOP, Service.CONSULTATION), {"n": 0, "days": 0})
    daily = None
    if coop["days"]:
        daily = (Decimal(coop["n"]) / Decimal(coop["days"])).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    sessions = ProgrammeSession.objects.filter(day__range=(start, as_of))
    course = Q(programme__kind=Programme.Kind.COURSE, programme__service_point__kind=COOP)
    healing = Q(programme__kind=Programme.Kind.HEALING, programme__service_point__kind=EMOTIONAL)
    attended = Q(registrations__attended=True, registrations__cancelled=False)
    held_sessions = sessions.aggregate(  # one query: the sessions joined to their registrations
        courses=Count("programme", distinct=True, filter=course),
        centre=Count("id", distinct=True, filter=Q(programme__service_point__kind=CENTRE)),
        healing=Count("id", distinct=True, filter=healing),
        healing_attendees=Count("registrations", filter=healing & attended),
    )
    trainees = (
        Registration.objects.filter(
            session__day__range=(start, as_of),
            session__programme__kind=Programme.Kind.COURSE,
            session__programme__service_point__kind=COOP,
            attended=True,
            cancelled=False,
        )
        .values("session__programme", "participant", "user")
        .order_by()
        .distinct()
        .count()
    )
    return {
        "coop_consultations": coop["n"],
        "coop_daily": daily,
        "coop_courses": held_sessions["courses"],
        "coop_trainees": trainees,
        "coop_coaching": count(COOP, Service.STARTUP_COACHING),
        "coop_growth": count(COOP, Service.GROWTH_SUPPORT),
        "centre_management": count(CENTRE, Service.MANAGEMENT),
        "centre_academy": count(CENTRE, Service.ACADEMY_SUPPORT),
        "centre_programmes": held_sessions["centre"],
        "emotional_consultations": sum(count(EMOTIONAL, service) for service in Service.values),
        "emotional_healing": held_sessions["healing"],
        "emotional_healing_attendees": held_sessions["healing_attendees"],
    }
