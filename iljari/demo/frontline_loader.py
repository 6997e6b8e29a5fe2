"""Demo frontline services: the youth job centre, the labour-rights desks, the shelters, the academies and the
forum, and the public sector's own labour programmes, with records whose counts give the 2018 report's figures as
of '18.6.30. (iljari/demo/dataset/frontline.py holds the printed figures).

From the report: the centre's rooms (13 study rooms, 5 mentoring rooms, a seminar room and a hall) and hours
(weekdays 09–21, Saturdays 10–18); 13,869 counselled face to face or online, 1,785 of them employed; 205 programme
sessions with 2,000 attendees; 22,253 room users (study rooms 14,310, the hall and the rest 7,943); the ombudsmen's
1,694 free consultations and 120 workplace consultings in the first half; 50 village labour attorneys and 50
labour-rights advocates; the 노사민정 academy's 84 who completed; the officials' 노동아카데미 and 노동실무 교육 (3
sessions, undated in the report: the days are the demo's); the forum ('18.12.11.~12., 1,000 people); the 4
shelters (size, staff, target workers, hours, the 2018 daily averages 70, 57, 48 and '-', 127 → 175 across
shelters); conversions (서울교통공사 1,285 on '18.3.1.; 1,067 to go; 146 fixed-term staff in '18.2월: 시 107, 투출 39;
SH's 384 임대주택관리원 agreed on '18.6.29., not yet converted)
and 서울신용보증재단's annual hours (2,275 in '15, 2,124 in '17).

Synthetic (the report does not give them), seeded (SEED): every client is anonymous ("상담자-00001"), the days,
channels, topics and employers of the consultations; which slots were booked and by how many (study rooms by 3, the
seminar room by 20, the hall by 40) and some no-shows and cancellations that count for nothing; the programme
sessions' days and the split of the 205 over the four kinds (55 clinics, 50 mock interviews, 60 lectures, 40
mentoring); the academy's 6 who did not complete; the ombudsmen's workplaces, findings and the second-half visits
that check them; the shelters' day-by-day counts, and how the 2017 total of 127 splits over the three shelters
then open (64, 41, 22: only the total is printed). Public holidays close the centre.

The bulk records go in through core.bulk.rows_insert (no signals, no change history, as bulk_create); the set-up
records (points, rooms, programmes, shelters, conversions) through the frontline services. A second run changes
nothing. The 2018 actual of the indicator 시민명예노동옴부즈만 상담건수 (IND-06) is the ombudsmen's count as of 6.30.,
read from the frontline selector and recorded through performance's service.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.utils import timezone

from iljari.core.bulk import rows_insert
from iljari.core.holidays import public_holiday
from iljari.demo.dataset import frontline as d
from iljari.frontline import services as frontline
from iljari.frontline.models import (
    Booking,
    Consultation,
    Conversion,
    LabourCheck,
    Programme,
    ProgrammeSession,
    Registration,
    Room,
    ServicePoint,
    ShelterDailyCount,
    WorkplaceVisit,
)
from iljari.org.models import OrgUnit, Partner

SEED = 20180630
YEAR_START = date(2018, 1, 1)
HOLIDAYS_2018 = [
    (date(2018, 1, 1), "신정"),
    (date(2018, 2, 15), "설날"),
    (date(2018, 2, 16), "설날"),
    (date(2018, 2, 17), "설날"),
    (date(2018, 3, 1), "삼일절"),
    (date(2018, 5, 5), "어린이날"),
    (date(2018, 5, 7), "대체공휴일"),
    (date(2018, 5, 22), "부처님오신날"),
    (date(2018, 6, 6), "현충일"),
    (date(2018, 6, 13), "전국동시지방선거"),
]
TOPICS = [
    ("JOB-SEARCH", "취업 상담"),
    ("JOB-ANALYSIS", "직무·기업분석 전문 상담"),
    ("CV", "이력서·자기소개서"),
    ("INTERVIEW", "면접 준비"),
    ("START-UP", "창업"),
    ("WAGE", "임금 체불"),
    ("DISMISSAL", "부당해고"),
    ("CONTRACT", "근로계약"),
    ("HOURS", "근로시간·휴일"),
    ("HARASSMENT", "직장 내 괴롭힘"),
    ("INJURY", "산업재해"),
    ("OTHER", "기타"),
]
YOUTH_TOPICS = ["JOB-SEARCH", "JOB-ANALYSIS", "CV", "INTERVIEW", "START-UP"]
LABOUR_TOPICS = ["WAGE", "DISMISSAL", "CONTRACT", "HOURS", "HARASSMENT", "INJURY", "OTHER"]
EMPLOYERS = ["(주)서울데이터", "(주)한강물류", "(주)마포디자인", "(주)성수식품", "(주)구로전자", "(주)종로출판",
             "(주)강남헬스케어", "(주)영등포기계", "(사)서울돌봄", "(주)을지로인쇄"]  # fmt: skip
FINDINGS = ["근로계약서 미교부", "최저임금 미달", "주휴수당 미지급", "연장근로 가산수당 미지급", "취업규칙 미신고",
            "연차휴가 미부여", ""]  # fmt: skip
PROGRAMMES = [  # code, title, kind, sessions
    ("YJC-CV", "이력서·자소서 클리닉", Programme.Kind.CV_CLINIC, 55),
    ("YJC-MOCK", "모의면접", Programme.Kind.MOCK_INTERVIEW, 50),
    ("YJC-LECTURE", "취업특강", Programme.Kind.LECTURE, 60),
    ("YJC-MENTOR", "현직자 멘토링", Programme.Kind.MENTORING, 40),
]
SHELTER_2017 = {"SEOCHO": 64, "BUKCHANG": 41, "HAPJEONG": 22}  # synthetic split of the printed 127


def _open_days(point: ServicePoint, closed: set[date], start: date = YEAR_START, end: date = d.AS_OF) -> list[date]:
    days, day = [], start
    while day <= end:
        if day not in closed and point.hours_on(day) is not None:
            days.append(day)
        day += timedelta(days=1)
    return days


def _points(jobs: OrgUnit, labour: OrgUnit) -> dict[str, ServicePoint]:
    centre = d.YOUTH_CENTRE
    return {
        "centre": frontline.service_point_set(
            actor=None,
            code="YJC",
            division=jobs,
            name="청년일자리센터",
            kind=ServicePoint.Kind.YOUTH_JOB_CENTRE,
            weekday_opens=centre["weekday"][0],
            weekday_closes=centre["weekday"][1],
            saturday_opens=centre["saturday"][0],
            saturday_closes=centre["saturday"][1],
        ),
        "ombudsman": frontline.service_point_set(
            actor=None,
            code="LABOUR-OMBUDSMAN",
            division=labour,
            name="시민명예노동옴부즈만",
            kind=ServicePoint.Kind.LABOUR_OMBUDSMAN,
            appointed=50,  # 구별 1명 → 2명
        ),
        "attorneys": frontline.service_point_set(
            actor=None,
            code="VILLAGE-ATTORNEY",
            division=labour,
            name="마을노무사",
            kind=ServicePoint.Kind.VILLAGE_LABOUR_ATTORNEY,
            appointed=d.VILLAGE_LABOUR_ATTORNEYS,
        ),
        "advocates": frontline.service_point_set(
            actor=None,
            code="RIGHTS-ADVOCATE",
            division=labour,
            name="노동권리보호관",
            kind=ServicePoint.Kind.LABOUR_RIGHTS_ADVOCATE,
            appointed=d.LABOUR_RIGHTS_ADVOCATES,
        ),
    }


def _rooms(centre: ServicePoint) -> dict[str, list[Room]]:
    rooms: dict[str, list[Room]] = {"study": [], "mentoring": [], "seminar": [], "hall": []}
    spec = {
        "study": ("스터디룸", 6, 3),
        "mentoring": ("멘토링실", 4, 2),
        "seminar": ("세미나실", 30, 4),
        "hall": ("다목적홀", 100, 4),
    }
    for kind, count in d.YOUTH_CENTRE["rooms"].items():
        name, capacity, hours = spec[kind]
        for n in range(1, count + 1):
            rooms[kind].append(
                frontline.room_set(
                    actor=None,
                    code=f"YJC-{kind.upper()}-{n:02d}",
                    service_point=centre,
                    name=f"{name} {n}" if count > 1 else name,
                    kind=kind,
                    capacity=capacity,
                    max_hours_per_day=hours,
                )
            )
    return rooms


def _consultations(rng, centre, ombudsman, topics, open_days, weekdays) -> None:
    youth = d.YOUTH_CENTRE
    employed = set(rng.sample(range(youth["counselled"]), youth["employed"]))
    late = d.AS_OF - timedelta(days=10)
    early_days = [day for day in open_days if day <= late]
    rows = []
    for n in range(youth["counselled"]):
        if n in employed:
            held = rng.choice(early_days)
            on = min(held + timedelta(days=rng.randint(7, 40)), d.AS_OF)
            outcome, employer = Consultation.Outcome.EMPLOYED, rng.choice(EMPLOYERS)
        else:
            held, on, outcome, employer = rng.choice(open_days), None, "", ""
        rows.append(
            (
                centre.pk,
                held,
                "visit" if rng.random() < 0.62 else "online",
                topics[rng.choice(YOUTH_TOPICS)],
                f"상담자-{n + 1:05d}",
                rng.randint(1984, 2000),
                outcome,
                employer,
                on,
            )
        )
    _analysis_desk(rows, topics)
    for n in range(d.OMBUDSMAN_CONSULTATIONS):
        rows.append(
            (
                ombudsman.pk,
                rng.choice(weekdays),
                "phone" if rng.random() < 0.55 else "visit",
                topics[rng.choice(LABOUR_TOPICS)],
                f"노동상담-{n + 1:05d}",
                rng.randint(1950, 2000),
                "",
                "",
                None,
            )
        )
    fields = ["service_point", "held_on", "channel", "topic", "client_label", "client_birth_year", "outcome"]
    rows_insert(Consultation, [*fields, "employer", "employed_on"], rows)


def _analysis_desk(rows: list, topics: dict) -> None:
    """The 「직무·기업분석 전문 상담창구」 ('18.6월 신설, 36명): the centre's consultations keep their days, clients and
    outcomes (so every other count stays), and only their topics change — none is on the desk's topic before it
    opened, and 36 June consultations are. A generator of its own, so the main one's draws (and every later
    loader's records) are unchanged."""
    desk = d.ANALYSIS_DESK
    relabel = random.Random(SEED + 1)
    analysis = topics["JOB-ANALYSIS"]
    others = [topics[code] for code in YOUTH_TOPICS if code != "JOB-ANALYSIS"]
    for n, row in enumerate(rows):
        if row[3] == analysis:
            rows[n] = (*row[:3], relabel.choice(others), *row[4:])
    june = [n for n, row in enumerate(rows) if row[1] >= desk["opened"]]
    for n in relabel.sample(june, desk["people"]):
        rows[n] = (*rows[n][:3], analysis, *rows[n][4:])


def _visits(rng, ombudsman, weekdays) -> None:
    first = [
        (
            ombudsman.pk,
            f"옴부즈만 컨설팅 사업장-{n + 1:03d}",
            rng.randint(5, 60),
            rng.choice(weekdays),
            rng.choice(FINDINGS),
        )
        for n in range(d.OMBUDSMAN_CONSULTINGS)
    ]
    rows_insert(WorkplaceVisit, ["service_point", "workplace", "employees", "visited_on", "findings"], first)
    # 1차(상반기) 컨설팅 지적사항을 2차(하반기) 컨설팅에서 점검
    checked = [
        (ombudsman.pk, visit.workplace, visit.employees, date(2018, 9, 3) + timedelta(days=rng.randint(0, 80)),
         "", visit.pk, rng.random() < 0.85)
        for visit in WorkplaceVisit.objects.filter(service_point=ombudsman).exclude(findings="").order_by("id")
    ]  # fmt: skip
    fields = ["service_point", "workplace", "employees", "visited_on", "findings", "checks", "findings_resolved"]
    rows_insert(WorkplaceVisit, fields, checked)


def _bookings(rng, rooms, open_days, centre) -> None:
    rows = []

    def slots(room_list):
        every = [(room, day, hour) for room in room_list for day in open_days for hour in range(*centre.hours_on(day))]
        rng.shuffle(every)
        return every

    youth = d.YOUTH_CENTRE
    study = slots(rooms["study"])
    people, per_booking = youth["study_room_users"], 3
    used = people // per_booking  # 4,770 bookings of 3
    assert used * per_booking == people
    for room, day, hour in study[:used]:
        rows.append((room.pk, day, hour, 3, "스터디", Booking.Status.CHECKED_IN))
    for room, day, hour in study[used : used + 150]:
        rows.append((room.pk, day, hour, 2, "스터디", Booking.Status.NO_SHOW))
    for room, day, hour in study[used + 150 : used + 230]:
        rows.append((room.pk, day, hour, 2, "스터디", Booking.Status.CANCELLED))
    # 다목적홀 등 대관: the hall by 40 (150 bookings = 6,000), the seminar room by 20 (97 = 1,940) and one by 3
    hall = slots(rooms["hall"])[:150]
    seminar = slots(rooms["seminar"])[:98]
    rows += [(room.pk, day, hour, 40, "취업 설명회", Booking.Status.CHECKED_IN) for room, day, hour in hall]
    rows += [(room.pk, day, hour, 20, "스터디 모임", Booking.Status.CHECKED_IN) for room, day, hour in seminar[:97]]
    room, day, hour = seminar[97]
    rows.append((room.pk, day, hour, youth["other_room_users"] - 6_000 - 1_940, "면접 연습", Booking.Status.CHECKED_IN))
    rows_insert(Booking, ["room", "day", "hour", "headcount", "purpose", "status"], rows)


def _programme_sessions(rng, centre, jobs, open_days) -> None:
    youth = d.YOUTH_CENTRE
    programmes = [
        frontline.programme_set(actor=None, code=code, division=jobs, title=title, kind=kind, service_point=centre)
        for code, title, kind, _ in PROGRAMMES
    ]
    session_rows = []
    for programme, (_, _, _, count) in zip(programmes, PROGRAMMES, strict=True):
        for n in range(count):
            session_rows.append((programme, f"{n + 1}회차", rng.choice(open_days), rng.choice([14, 19])))
    assert len(session_rows) == youth["programme_sessions"]
    # 2,000 attendees over 205 sessions: 155 sessions of 10 and 50 of 9
    sizes = [10] * 155 + [9] * 50
    assert sum(sizes) == youth["programme_attendees"]
    rows_insert(
        ProgrammeSession,
        ["programme", "title", "day", "starts", "capacity", "registered"],
        [
            (p.pk, title, day, starts, 20, size)
            for (p, title, day, starts), size in zip(session_rows, sizes, strict=True)
        ],
    )
    registrations = []
    sessions = ProgrammeSession.objects.filter(programme__in=programmes).order_by("id").values_list("id", "registered")
    number = 0
    for session_id, registered in sessions:
        for _ in range(registered):
            number += 1
            registrations.append((session_id, f"참가자-{number:05d}", True, rng.choice([3, 4, 4, 5, 5, 5])))
    rows_insert(Registration, ["session", "participant", "attended", "satisfaction"], registrations)


def _academy(labour: OrgUnit) -> None:
    academy = frontline.programme_set(
        actor=None,
        code="ACADEMY-2018-1",
        division=labour,
        title="제1기 서울시 노사민정 아카데미",
        kind=Programme.Kind.ACADEMY,
        service_point=None,
        public=False,
        sessions_to_complete=3,
    )
    if academy.sessions.exists():
        return
    people = [f"수강생-{n + 1:03d}" for n in range(d.ACADEMY_COMPLETED + 6)]
    rows = []
    for number, day in enumerate(d.ACADEMY_DAYS, start=1):
        session = frontline.session_set(
            actor=None, programme=academy, title=f"{number}주차", day=day, starts=14, capacity=100
        )
        ProgrammeSession.objects.filter(pk=session.pk).update(registered=len(people))
        for index, name in enumerate(people):
            # the last 6 came to the first two weeks only and did not complete
            rows.append((session.pk, name, index < d.ACADEMY_COMPLETED or number <= 2))
    rows_insert(Registration, ["session", "participant", "attended"], rows)


def _officials_academy(labour: OrgUnit) -> None:
    """노동정책담당관's labour education of the city's own officials: 3 sessions, no registrations (none printed)."""
    academy = frontline.programme_set(
        actor=None,
        code="OFFICIALS-ACADEMY-2018",
        division=labour,
        title=d.OFFICIALS_ACADEMY["title"],
        kind=Programme.Kind.LABOUR_ACADEMY,
        service_point=None,
        public=False,
    )
    for day, title in d.OFFICIALS_ACADEMY["sessions"]:
        frontline.session_set(actor=None, programme=academy, title=title, day=day, starts=14, capacity=100)


def _forum(jobs: OrgUnit) -> None:
    forum = frontline.programme_set(
        actor=None,
        code="FORUM-2018",
        division=jobs,
        title="2018 좋은 일자리도시 국제포럼",
        kind=Programme.Kind.FORUM,
        service_point=None,
        public=False,
    )
    for day, starts, title in d.FORUM_SESSIONS:
        frontline.session_set(
            actor=None, programme=forum, title=title, day=day, starts=starts, capacity=d.FORUM["participants"]
        )


def _upcoming(centre: ServicePoint, jobs: OrgUnit) -> None:
    """Sessions the demo citizen can register for now (a mock interview and a CV clinic next week)."""
    today = timezone.localdate()
    wednesday = today + timedelta(days=(2 - today.weekday()) % 7 or 7)
    while public_holiday(wednesday) is not None:  # the centre is closed on a public holiday: the week after
        wednesday += timedelta(days=7)
    for code, starts in (("YJC-MOCK", 14), ("YJC-CV", 10)):  # at two times: a citizen may take both
        programme = Programme.objects.get(code=code)
        frontline.session_set(
            actor=None, programme=programme, title="이번 주 데모 회차", day=wednesday, starts=starts, capacity=12
        )


def _daily(rng, total_days: int, average: int) -> list[int]:
    """Day-by-day counts around an average whose mean is exactly that average."""
    values = [max(0, round(average * rng.uniform(0.7, 1.3))) for _ in range(total_days)]
    gap = average * total_days - sum(values)
    index = 0
    while gap:
        step = 1 if gap > 0 else -1
        if values[index % total_days] + step >= 0:
            values[index % total_days] += step
            gap -= step
        index += 1
    return values


def _shelters(rng, labour: OrgUnit) -> None:
    rows = []
    for code, name, size, staff, target, (opens, closes), opened, average, note in d.SHELTERS:
        shelter = frontline.shelter_set(
            actor=None,
            code=code,
            division=labour,
            name=name,
            size_m2=size,
            staff=staff,
            target_workers=target,
            opens=opens,
            closes=closes,
            opened_on=opened,
            note=note,
        )
        periods = []
        if code in SHELTER_2017:
            periods.append((max(opened, date(2017, 1, 1)), date(2017, 12, 31), SHELTER_2017[code]))
        if average is not None:
            periods.append((date(2018, 1, 1), d.AS_OF, average))
        for start, end, mean in periods:
            days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
            rows += [(shelter.pk, day, users) for day, users in zip(days, _daily(rng, len(days), mean), strict=True)]
    rows_insert(ShelterDailyCount, ["shelter", "day", "users"], rows)


def _public_sector() -> None:
    if Conversion.objects.exists():
        return
    partners = {p.code: p for p in Partner.objects.filter(kind="public_institution")}
    for kind, institution, label, group, planned, done, done_on in d.CONVERSIONS:
        frontline.conversion_record(
            actor=None,
            kind=kind,
            institution=partners.get(institution),
            institution_label=label,
            group=group,
            planned=planned,
            done=done,
            done_on=done_on,
        )
    for kind, institution, label, group, planned, agreed_on in d.AGREED_CONVERSIONS:
        frontline.conversion_record(
            actor=None,
            kind=kind,
            institution=partners.get(institution),
            institution_label=label,
            group=group,
            planned=planned,
            agreed_on=agreed_on,
        )
    for code, year, hours in d.WORKING_HOURS:
        frontline.working_hours_record(actor=None, institution=partners[code], year=year, hours=hours)
    for code, checked_on, findings in d.HOURS_CHECKS:
        frontline.labour_check_record(
            actor=None,
            institution=partners[code],
            kind=LabourCheck.Kind.HOURS_REDUCTION,
            checked_on=checked_on,
            compliant=True,
            findings=findings,
        )


def _indicator() -> None:
    frontline.indicators_sync(year=2018, as_of=d.AS_OF)


def load_frontline() -> None:
    rng = random.Random(SEED)
    jobs = OrgUnit.objects.get(code="JOBS-POLICY")
    labour = OrgUnit.objects.get(code="LABOUR-POLICY")
    for day, reason in HOLIDAYS_2018:
        frontline.closure_set(actor=None, day=day, reason=reason)
    topics = {code: frontline.topic_set(actor=None, code=code, name=name, sort_order=n).pk
              for n, (code, name) in enumerate(TOPICS, start=1)}  # fmt: skip
    points = _points(jobs, labour)
    rooms = _rooms(points["centre"])
    closed = {day for day, _ in HOLIDAYS_2018}
    open_days = _open_days(points["centre"], closed)
    weekdays = [day for day in open_days if day.weekday() < 5]
    if not Consultation.objects.filter(service_point=points["centre"]).exists():
        _consultations(rng, points["centre"], points["ombudsman"], topics, open_days, weekdays)
        _visits(rng, points["ombudsman"], weekdays)
        _bookings(rng, rooms, open_days, points["centre"])
        _programme_sessions(rng, points["centre"], jobs, open_days)
        _shelters(rng, labour)
    _academy(labour)
    _officials_academy(labour)
    _forum(jobs)
    _upcoming(points["centre"], jobs)
    _public_sector()
    _indicator()
