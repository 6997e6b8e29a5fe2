"""The 2018 report's counts that the frontline records give (performance.record_figures), registered when the app
starts: the youth job centre (Ⅲ 1-②: its counselling, programmes, rooms and their users), the labour rights desks
(Ⅲ 2-⑥), the 노사민정 아카데미 (Ⅲ 2-④), the shelters (Ⅲ 2-⑤), the public sector's conversions (Ⅲ 2-①) and working
hours (Ⅲ 2-②).

Each count is the system's read of the desk's records (no user: the registry's page is behind the office figures'
gate), counted as `selectors.frontline_figures` counts them for the year from 1 January to the as-of day; a figure
the report prints for an earlier year (the shelters' '17년 average, the working hours of '15 and '17) reads that
year's records.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

from django.db.models import Count, Q, Sum

from iljari.frontline.models import (
    Booking,
    Consultation,
    Conversion,
    Programme,
    ProgrammeSession,
    Registration,
    Room,
    ServicePoint,
    ShelterDailyCount,
    WorkingHours,
    WorkplaceVisit,
)
from iljari.frontline.selectors.figures import _completed, _year_counts
from iljari.frontline.selectors.shelters import _round, shelter_year_average

YOUTH = ServicePoint.Kind.YOUTH_JOB_CENTRE
CREDIT_GUARANTEE = "SEOUL-CREDIT"  # 서울신용보증재단, the 서울형 노동시간 단축 pilot the report prints
ANALYSIS_DESK_TOPIC = "JOB-ANALYSIS"  # the centre's 「직무·기업분석 전문 상담창구」 ('18.6월 신설)
HOUSING_CORPORATION = "SH"  # 서울주택도시공사


def _start(year: int) -> date:
    return date(year, 1, 1)


def youth_counselled(*, year: int, as_of: date) -> int:
    return _year_counts(year, as_of)["counselled"]


def youth_employed(*, year: int, as_of: date) -> int:
    return _year_counts(year, as_of)["employed"]


def youth_topic_people(topic: str, *, year: int, as_of: date) -> int:
    """The people the youth job centre counselled on a topic in the year up to the day, each counted once."""
    return (
        Consultation.objects.filter(service_point__kind=YOUTH, topic__code=topic, held_on__range=(_start(year), as_of))
        .values_list("person_id", "client_label")
        .distinct()
        .count()
    )


def conversions_agreed(institution: str, *, year: int, as_of: date) -> int:
    """The planned headcount of an institution's conversions its parties agreed to in the year up to the day."""
    rows = Conversion.objects.filter(institution__code=institution, agreed_on__range=(_start(year), as_of))
    return rows.aggregate(n=Sum("planned"))["n"] or 0


def _room_users(year: int, as_of: date, **kind) -> int:
    rows = Booking.objects.filter(
        day__range=(_start(year), as_of), status=Booking.Status.CHECKED_IN, room__service_point__kind=YOUTH
    )
    if "kind" in kind:
        rows = rows.filter(room__kind=kind["kind"])
    if "exclude" in kind:
        rows = rows.exclude(room__kind=kind["exclude"])
    return rows.aggregate(n=Sum("headcount"))["n"] or 0


def youth_rooms(kind: str) -> int:
    """The youth job centre's rooms of a kind in use (a room has no opening date: the rooms as they stand)."""
    return Room.objects.filter(service_point__kind=YOUTH, kind=kind, is_active=True).count()


def youth_sessions(year: int, as_of: date):
    return ProgrammeSession.objects.filter(day__range=(_start(year), as_of), programme__service_point__kind=YOUTH)


def youth_programme_attendees(*, year: int, as_of: date) -> int:
    return Registration.objects.filter(session__in=youth_sessions(year, as_of), attended=True, cancelled=False).count()


def ombudsman_consultings(*, year: int, as_of: date) -> int:
    return WorkplaceVisit.objects.filter(
        visited_on__range=(_start(year), as_of),
        service_point__kind=ServicePoint.Kind.LABOUR_OMBUDSMAN,
        checks__isnull=True,
    ).count()


def appointed(kind: str) -> int | None:
    """The people a desk has appointed (위촉), as the desk's record states them."""
    return ServicePoint.objects.filter(kind=kind, is_active=True).aggregate(n=Sum("appointed"))["n"]


def academy_completed(*, year: int, as_of: date) -> int:
    return _completed(
        Registration.objects.filter(
            session__programme__kind=Programme.Kind.ACADEMY,
            session__programme__service_point__isnull=True,
            session__day__range=(_start(year), as_of),
            attended=True,
            cancelled=False,
        )
    )


def officials_academy_sessions(*, year: int, as_of: date) -> int:
    return ProgrammeSession.objects.filter(
        programme__kind=Programme.Kind.LABOUR_ACADEMY, day__range=(_start(year), as_of)
    ).count()


def shelter_average(code: str, *, year: int, as_of: date) -> int | None:
    """A shelter's daily users on average over the days counted in the year up to the day."""
    total = ShelterDailyCount.objects.filter(shelter__code=code, day__year=year, day__lte=as_of).aggregate(
        days=Count("id"), users=Sum("users")
    )
    if not total["days"]:
        return None
    return _round(Decimal(total["users"]) / total["days"])


def shelters_average(*, year: int, as_of: date) -> int:
    """The shelters' averages added up ('18년 175명), each over its own days counted up to the day."""
    totals = (
        ShelterDailyCount.objects.filter(day__year=year, day__lte=as_of)
        .values("shelter")
        .annotate(days=Count("id"), users=Sum("users"))
    )
    return sum(_round(Decimal(row["users"]) / row["days"]) for row in totals)


def conversions(kind: str, *, year: int, as_of: date, **where) -> int:
    rows = Conversion.objects.filter(kind=kind, done_on__range=(_start(year), as_of), **where)
    return rows.aggregate(n=Sum("done"))["n"] or 0


def indefinite_done(*, as_of: date) -> int:
    rows = Conversion.objects.filter(kind=Conversion.Kind.INDEFINITE, done_on__lte=as_of)
    return rows.aggregate(n=Sum("done"))["n"] or 0


def indefinite_remaining(*, as_of: date) -> int:
    rows = Conversion.objects.filter(kind=Conversion.Kind.INDEFINITE).aggregate(
        planned=Sum("planned"), done=Sum("done", filter=Q(done_on__lte=as_of))
    )
    return (rows["planned"] or 0) - (rows["done"] or 0)


def working_hours(year: int) -> int | None:
    row = WorkingHours.objects.filter(institution__code=CREDIT_GUARANTEE, year=year).first()
    return None if row is None else row.hours


def hours_reduced(*, first: int, last: int) -> int | None:
    before, after = working_hours(first), working_hours(last)
    return None if before is None or after is None else before - after


@cache  # once: a second ready() registers nothing new (a key registered twice with another count is refused)
def register() -> None:
    from iljari.performance.record_figures import RecordFigure, record_figure_register

    def figure(programme, key, label, unit, page, count, **kwargs):
        record_figure_register(
            RecordFigure(key=key, programme=programme, label=label, unit=unit, page=page, count=count, **kwargs)
        )

    home, shelters, public = "frontline:figures", "frontline:shelter_list", "frontline:public_sector"
    # Ⅲ 1-② 청년일자리센터
    figure(
        "P1-02", "p1-02.counselled", "청년일자리센터 상담 인원", "명", "frontline:consultation_list", youth_counselled
    )
    figure(
        "P1-02",
        "p1-02.employed",
        "청년일자리센터 상담 후 취업 인원",
        "명",
        "frontline:consultation_list",
        youth_employed,
    )
    figure(
        "P1-02",
        "p1-02.analysis-desk",
        "「직무·기업분석 전문 상담창구」 참여 인원",
        "명",
        "frontline:consultation_list",
        lambda *, year, as_of: youth_topic_people(ANALYSIS_DESK_TOPIC, year=year, as_of=as_of),
    )
    figure(
        "P1-02",
        "p1-02.programmes.sessions",
        "취업 특강·멘토링 등 취업지원 프로그램 운영 횟수",
        "회",
        "frontline:programme_list",
        lambda *, year, as_of: youth_sessions(year, as_of).count(),
    )
    figure(
        "P1-02",
        "p1-02.programmes.attendees",
        "취업지원 프로그램 참석 인원",
        "명",
        "frontline:programme_list",
        youth_programme_attendees,
    )
    figure(
        "P1-02",
        "p1-02.space",
        "청년 커뮤니티 활동 공간 이용 인원",
        "명",
        "frontline:room_list",
        lambda *, year, as_of: _room_users(year, as_of),
    )
    figure(
        "P1-02",
        "p1-02.space.study",
        "스터디룸 이용 인원",
        "명",
        "frontline:room_list",
        lambda *, year, as_of: _room_users(year, as_of, kind=Room.Kind.STUDY),
    )
    figure(
        "P1-02",
        "p1-02.space.rental",
        "다목적홀 등 대관 이용 인원",
        "명",
        "frontline:room_list",
        lambda *, year, as_of: _room_users(year, as_of, exclude=Room.Kind.STUDY),
    )
    for kind, word in (
        (Room.Kind.STUDY, "스터디룸"),
        (Room.Kind.MENTORING, "멘토링실"),
        (Room.Kind.SEMINAR, "세미나실"),
    ):
        figure(
            "P1-02",
            f"p1-02.rooms.{kind}",
            f"청년일자리센터 {word} 수",
            "실",
            "frontline:room_list",
            lambda *, year, as_of, kind=kind: youth_rooms(kind),
        )
    # Ⅲ 2-① 비정규직의 정규직화
    figure(
        "P2-01",
        "p2-01.indefinite.done",
        "투자출연기관 무기계약직 정규직 전환 완료(서울교통공사)",
        "명",
        public,
        lambda *, year, as_of: indefinite_done(as_of=as_of),
    )
    figure(
        "P2-01",
        "p2-01.indefinite.remaining",
        "잔여 무기계약직 전환 추진 인원",
        "명",
        public,
        lambda *, year, as_of: indefinite_remaining(as_of=as_of),
    )
    figure(
        "P2-01",
        "p2-01.sh.agreed",
        "서울주택도시공사 임대주택관리원 정규직 전환 노사합의('18.6.29.)",
        "명",
        public,
        lambda *, year, as_of: conversions_agreed(HOUSING_CORPORATION, year=year, as_of=as_of),
    )
    fixed_term = Conversion.Kind.FIXED_TERM
    figure(
        "P2-01",
        "p2-01.converted",
        "기간제 근로자 정규직 전환('18.2월)",
        "명",
        public,
        lambda *, year, as_of: conversions(fixed_term, year=year, as_of=as_of),
    )
    figure(
        "P2-01",
        "p2-01.converted.city",
        "정규직 전환: 시 본청",
        "명",
        public,
        lambda *, year, as_of: conversions(fixed_term, year=year, as_of=as_of, institution_label="서울시 본청"),
    )
    figure(
        "P2-01",
        "p2-01.converted.agencies",
        "정규직 전환: 투자출연기관",
        "명",
        public,
        lambda *, year, as_of: conversions(fixed_term, year=year, as_of=as_of, institution_label="투자기관"),
    )
    # Ⅲ 2-② 노동시간 단축 (the pilot's hours of '15 and '17, printed in the 2018 report)
    figure(
        "P2-02",
        "p2-02.hours.2015",
        "서울신용보증재단 연간 노동시간('15년)",
        "시간",
        public,
        lambda *, year, as_of: working_hours(year - 3),
    )
    figure(
        "P2-02",
        "p2-02.hours.2017",
        "서울신용보증재단 연간 노동시간('17년)",
        "시간",
        public,
        lambda *, year, as_of: working_hours(year - 1),
    )
    figure(
        "P2-02",
        "p2-02.reduced",
        "서울신용보증재단 2년간 단축 시간",
        "시간",
        public,
        lambda *, year, as_of: hours_reduced(first=year - 3, last=year - 1),
    )
    # Ⅲ 2-④ 노사민정 아카데미
    figure("P2-04", "p2-04.academy.completed", "노사민정 아카데미 수료 인원", "명", home, academy_completed)
    # Ⅲ 2-⑤ 休서울노동자 쉼터
    for code, name in (("SEOCHO", "seocho"), ("BUKCHANG", "bukchang"), ("HAPJEONG", "hapjeong")):
        figure(
            "P2-05",
            f"p2-05.daily.{name}",
            {"SEOCHO": "서초쉼터", "BUKCHANG": "북창쉼터", "HAPJEONG": "합정쉼터"}[code] + " 일평균 이용자",
            "명",
            shelters,
            lambda *, year, as_of, code=code: shelter_average(code, year=year, as_of=as_of),
        )
    figure("P2-05", "p2-05.daily.2018", "쉼터 일평균 이용자수('18년)", "명", shelters, shelters_average)
    figure(
        "P2-05",
        "p2-05.daily.2017",
        "쉼터 일평균 이용자수('17년)",
        "명",
        shelters,
        lambda *, year, as_of: shelter_year_average(year=year - 1),
    )
    # Ⅲ 2-⑥ 노동권익 보호체계
    figure(
        "P2-06",
        "p2-06.ombudsman.consultations",
        "시민명예 노동옴부즈만 무료노무상담",
        "건",
        "frontline:consultation_list",
        lambda *, year, as_of: _year_counts(year, as_of)["ombudsman_consultations"],
    )
    figure(
        "P2-06",
        "p2-06.ombudsman.consultings",
        "시민명예 노동옴부즈만 근로환경 컨설팅",
        "개소",
        "frontline:visit_list",
        ombudsman_consultings,
    )
    figure(
        "P2-06",
        "p2-06.village-attorneys",
        "마을노무사 위촉 인원",
        "명",
        home,
        lambda *, year, as_of: appointed(ServicePoint.Kind.VILLAGE_LABOUR_ATTORNEY),
    )
    figure(
        "P2-06",
        "p2-06.advocates",
        "노동권리보호관 위촉 인원",
        "명",
        home,
        lambda *, year, as_of: appointed(ServicePoint.Kind.LABOUR_RIGHTS_ADVOCATE),
    )
    figure(
        "P2-06",
        "p2-06.officials-training",
        "관리자 노동아카데미·노동실무 교육 횟수",
        "회",
        "frontline:programme_list",
        officials_academy_sessions,
    )
