"""Demo training: the 4 기술교육원 as the 2018 report gives them, their 2018 plan and the first half's trainees.

From the report (P1-07): the 4 institutes, their trustees and places; the 2018 plan of 154 departments for 7,298
trainees — 서울시 과정 89 departments for 4,965, 국가 과정 65 for 2,333; trainees are Seoul citizens aged 15 or
over, basic livelihood recipients and veterans first; on '18.6.30. 4,046 in training (서울시 2,912, 국가 1,134);
the 2nd half recruits 57 departments for 1,960 places from 7.9. to 8.17.; short courses hold a deposit of up to
₩200,000 that is refunded on completion.

Synthetic (the report does not give them): how the departments and places split over institutes, course names
and periods, the first half's call dates and applicants (made-up names, well-formed numbers that belong to
nobody), and who drops out. The split is chosen so that the report's totals come out of the data: the first half
has 97 departments (5,338 places), the second half the report's 57 (1,960); every first-half place is filled by
the call's selection (seed SEED); short courses of '18.3.2.~5.31. end before 6.30. (most complete and get the
deposit back, a few drop out), and 88 city and 46 national trainees of the courses running on 6.30. drop out
before it, which leaves the report's 2,912 and 1,134 in training. Attendance is recorded for March to June.

A call open now (like NEWDEAL-DEMO) lets the demo citizen apply to three short courses.

Applicants and attendance are bulk-inserted and the drop-outs written set-based (demo.bulk); institutes, courses,
calls, selection, enrolment and completion go through the services."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from django.utils import timezone

from iljari.core.bulk import rows_insert
from iljari.demo.bulk import enrolments_drop
from iljari.demo.synthetic import Profile, people_save, person_rows
from iljari.intake import services as intake
from iljari.intake.models import Application, Call
from iljari.org.models import District, Partner
from iljari.participation import training_services as training
from iljari.participation.models import AttendanceMonth, Enrolment, TrainingCourse, TrainingDeposit
from iljari.participation.services import add_months, holidays_between, month_end
from iljari.plan.models import Programme

TRAINING = "P1-07"
SEED = 20180709
FIRST_HALF, SECOND_HALF, NOW = "TRAINING-2018-1", "TRAINING-2018-2", "TRAINING-DEMO"
DEPOSIT = 200_000
AS_OF = date(2018, 6, 30)
MONTHS = [date(2018, m, 1) for m in (3, 4, 5, 6)]
PRIORITIES = [("basic_livelihood_recipient", 5), ("veteran", 3)]

INSTITUTES = [  # code, name, trustee (org.Partner), district, address — the report's table
    ("EAST", "동부기술교육원", "TTI-EAST", "11740", "강동구 고덕동"),
    ("CENTRAL", "중부기술교육원", "TTI-CENTRAL", "11170", "용산구 한남동"),
    ("NORTH", "북부기술교육원", "TTI-NORTH", "11350", "노원구 상계동"),
    ("SOUTH", "남부기술교육원", "TTI-SOUTH", None, "경기도 군포시"),
]
REGULAR = [
    "전기", "용접", "자동차정비", "제과제빵", "조리", "헤어미용", "건축인테리어", "웹프로그래밍", "귀금속",
    "특수용접", "냉동공조", "전자", "컴퓨터응용기계", "피부미용", "패션디자인", "영상콘텐츠", "조경", "도배·타일",
    "보일러설비", "가구제작", "한식조리", "출판편집디자인", "소방설비", "정보보안", "모바일앱개발", "시각디자인",
    "주택관리", "메이크업", "건축설비", "전기공사",
]  # fmt: skip
SHORT = [
    "바리스타", "네일아트", "제과제빵", "한식조리", "도배", "타일", "전기기초", "용접기초", "3D프린팅", "드론",
    "커피로스팅", "반려동물미용", "양식조리", "중식조리", "가죽공예", "목공", "소형가전수리", "자전거정비",
    "스마트폰수리", "홈페이지제작",
]  # fmt: skip
NATIONAL = [
    "특수용접", "CNC 선반", "배관", "자동화설비", "전기공사", "산업설비", "금형", "PLC 제어", "자동차 정비",
    "건설기계 정비", "냉동공조", "컴퓨터응용가공", "전기제어", "플랜트 배관", "용접구조", "건축목공",
    "철근콘크리트", "기계설계", "전자기기", "공조냉동",
]  # fmt: skip


@dataclass(frozen=True)
class Group:
    """Courses of one kind in the plan: how many, their places in all, their period, which call recruits them."""

    key: str
    call: str
    track: str
    course_type: str
    start: date
    end: date
    count: int
    places: int
    names: list[str]
    deposit: int = 0


# 서울시 과정 89 departments 4,965 places; 국가 과정 65 departments 2,333; the 2nd half 57 departments 1,960.
GROUPS = [
    Group("CD", FIRST_HALF, "city", "regular_day", date(2018, 3, 2), date(2019, 2, 28), 30, 1_800, REGULAR),
    Group("CN", FIRST_HALF, "city", "regular_night", date(2018, 3, 2), date(2018, 8, 31), 14, 800, REGULAR),
    Group("SA", FIRST_HALF, "city", "short", date(2018, 3, 2), date(2018, 5, 31), 20, 1_158, SHORT, DEPOSIT),
    Group("SB", FIRST_HALF, "city", "short", date(2018, 5, 2), date(2018, 7, 31), 8, 400, SHORT, DEPOSIT),
    Group("NA", FIRST_HALF, "national", "regular_day", date(2018, 3, 2), date(2018, 8, 31), 25, 1_180, NATIONAL),
    Group("SC", SECOND_HALF, "city", "short", date(2018, 9, 3), date(2018, 11, 30), 10, 500, SHORT, DEPOSIT),
    Group("CM", SECOND_HALF, "city", "regular_night", date(2018, 9, 3), date(2019, 2, 28), 7, 307, REGULAR),
    Group("NB", SECOND_HALF, "national", "regular_day", date(2018, 9, 3), date(2019, 2, 28), 40, 1_153, NATIONAL),
]
RUNNING_ON_AS_OF = {"CD", "CN", "SB", "NA"}
DROPPED_BEFORE = {"city": 88, "national": 46}  # of the courses running on 6.30.: 3,000 − 88 = 2,912; 1,180 − 46
HOURS = {"regular_day": 35, "regular_night": 15, "short": 20}


@dataclass(frozen=True)
class Planned:
    group: Group
    code: str
    institute: str
    name: str
    capacity: int


def _split(total: int, count: int, generator: random.Random) -> list[int]:
    """`count` whole numbers around the mean that add up to exactly `total`."""
    weights = [generator.uniform(0.75, 1.25) for _ in range(count)]
    raw = [total * w / sum(weights) for w in weights]
    parts = [int(x) for x in raw]
    for index in sorted(range(count), key=lambda i: parts[i] - raw[i])[: total - sum(parts)]:
        parts[index] += 1
    return parts


def _plan(generator: random.Random) -> list[Planned]:
    plan = []
    for offset, group in enumerate(GROUPS):
        for index, capacity in enumerate(_split(group.places, group.count, generator)):
            where, turn = index % len(INSTITUTES), index // len(INSTITUTES)  # the institutes take turns
            dept = group.names[(turn + where * 5 + offset * 3) % len(group.names)]  # no name twice in a group
            if group.track == "national":
                name = f"{dept}({'국가기간전략산업직종' if turn % 2 else '공동훈련센터'})"
            elif group.course_type == "short":
                name = f"{dept} 단기과정"
            else:
                name = f"{dept}과"
            plan.append(Planned(group, f"T18-{group.key}-{index + 1:02d}", INSTITUTES[where][0], name, capacity))
    return plan


def _aware(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def _rules(on_date: date) -> list[dict]:
    # The report: Seoul citizens aged 15 or over.
    return [{"kind": "age_between", "min_value": 15, "on_date": on_date}, {"kind": "resides_in_seoul"}]


def _call(programme, code: str, title: str, opens_at, closes_at, announce_on, quotas, description: str) -> Call:
    """The call, set through intake unless its selection has already run (a selected call stays as it is)."""
    existing = Call.objects.filter(code=code).first()
    if existing is not None and existing.selection_runs.exists():
        return existing
    return intake.call_set(
        actor=None,
        code=code,
        target_group="general",
        contact="일자리정책과 기술교육팀 02-2133-5420 · 각 기술교육원 교학과",
        programme=programme,
        title=title,
        opens_at=opens_at,
        closes_at=closes_at,
        announce_on=announce_on,
        quotas=quotas,
        eligibility=_rules(timezone.localtime(opens_at).date()),
        priorities=PRIORITIES,
        description=description,
    )


def _courses(plan: list[Planned], institutes: dict, calls: dict[str, Call]) -> None:
    quotas = {q.code: q for call in calls.values() for q in call.quotas.all()}
    for item in plan:
        group = item.group
        training.course_set(
            actor=None,
            code=item.code,
            institute=institutes[item.institute],
            name=item.name,
            track=group.track,
            course_type=group.course_type,
            start_date=group.start,
            end_date=group.end,
            capacity=item.capacity,
            weekly_hours=HOURS[group.course_type],
            deposit=group.deposit,
            quota=quotas[item.code],
        )


def _quotas(plan: list[Planned], institutes: dict) -> list[tuple[str, str, int]]:
    return [(p.code, f"{institutes[p.institute].name} {p.name}", p.capacity) for p in plan]


# --- the first half's applicants ---------------------------------------------------------------------------


TRAINEES = Profile(
    born_from=date(1955, 1, 1), years=48, regular_income=0.25, job_seeker=0.6, basic_livelihood=0.06, veteran=0.03
)  # 15 to 63 on '18.1.22.; fmt: skip


def _applicants(call: Call, generator: random.Random) -> None:
    """For each quota its places and some more applicants (a few of them not living in Seoul, so ineligible)."""
    districts = list(District.objects.all())
    rows = []  # (person, quota)
    for quota in call.quotas.order_by("order"):
        extra = max(2, round(quota.places * 0.08))
        outside = extra // 3
        seoul = person_rows(generator, quota.places + extra - outside, TRAINEES, districts)
        away = person_rows(generator, outside, replace(TRAINEES, outside_seoul=1.0), districts)
        rows += [(person, quota) for person in seoul + away]
    ids = people_save([person for person, _ in rows], context="2018 기술교육원 상반기 훈련생 모집")
    rows_insert(
        Application,
        ("call", "person", "quota", "status", "submitted_at", "channel"),
        (
            (call.pk, pk, quota.pk, "submitted", call.opens_at + timedelta(seconds=i * 230), "online")
            for i, (pk, (_, quota)) in enumerate(zip(ids, rows, strict=True))
        ),
    )


# --- the first half in training ------------------------------------------------------------------------------


def _deposits_paid(courses: list[TrainingCourse], generator: random.Random) -> None:
    """Most short-course trainees pay the deposit on their first day; a few never do."""
    for course in courses:
        ids = list(TrainingDeposit.objects.filter(enrolment__course=course).values_list("pk", flat=True))
        paid = [pk for pk in ids if generator.random() < 0.97]
        TrainingDeposit.objects.filter(pk__in=paid).update(status="held", paid_on=course.start_date)


def _ends(enrolments: list[Enrolment], generator: random.Random) -> dict[int, tuple[date, str]]:
    """Who leaves before 6.30., when and why: exactly DROPPED_BEFORE of the courses running then, and some of the
    short courses that ended on 5.31. (others of those fall short of the attendance needed and are dropped on the
    last day for it)."""
    reasons = ["employed", "employed", "employed", "personal", "personal", "health", "absence", "other"]
    running = [e for e in enrolments if e.course.code.split("-")[1] in RUNNING_ON_AS_OF]
    ends = {}
    for track, count in DROPPED_BEFORE.items():
        for enrolment in generator.sample([e for e in running if e.course.track == track], count):
            days = [
                day
                for day in (date(2018, 3, 31), date(2018, 4, 30), date(2018, 5, 31))
                if enrolment.enrolled_on < day < enrolment.course.end_date
            ]
            ends[enrolment.pk] = (generator.choice(days), generator.choice(reasons))
    for enrolment in enrolments:
        if enrolment.course.code.split("-")[1] != "SA":
            continue
        draw = generator.random()
        if draw < 0.05:
            ends[enrolment.pk] = (generator.choice([date(2018, 3, 31), date(2018, 4, 30)]), generator.choice(reasons))
        elif draw < 0.07:
            ends[enrolment.pk] = (enrolment.course.end_date, "low_attendance")
    return ends


def _attendance(enrolments: list[Enrolment], ends: dict, generator: random.Random) -> None:
    holidays = holidays_between(MONTHS[0], month_end(MONTHS[-1]))
    calendar: dict[tuple, int | None] = {}  # most trainees of a course share their period: count it once
    records = []
    for enrolment in enrolments:
        ended_on, why = ends.get(enrolment.pk, (None, ""))
        span = Enrolment(course=enrolment.course, enrolled_on=enrolment.enrolled_on, ended_on=ended_on)
        for month in MONTHS:
            key = (enrolment.course_id, enrolment.enrolled_on, ended_on, month)
            if key not in calendar:
                calendar[key] = training.scheduled_training_days(enrolment=span, month=month, holidays=holidays)
            scheduled = calendar[key]
            if scheduled is None:
                continue
            if why == "low_attendance":
                attended = scheduled * 6 // 10
            else:
                attended = scheduled - generator.choice([0, 0, 0, 0, 1, 1, 2, min(3, scheduled * 15 // 100)])
            records.append((enrolment.pk, month, scheduled, max(attended, 0)))
    rows_insert(AttendanceMonth, ("enrolment", "month", "scheduled_days", "attended_days"), records)


def _first_half(call: Call, generator: random.Random) -> None:
    _applicants(call, generator)
    intake.eligibility_run(actor=None, call=call)
    intake.selection_run(actor=None, call=call, seed=SEED)
    intake.selection_confirm(actor=None, call=call, now=call.closes_at + timedelta(days=10))  # 선발 확정
    training.enrolments_from_selection(actor=None, call=call)
    courses = list(TrainingCourse.objects.filter(quota__call=call).order_by("code"))
    _deposits_paid([c for c in courses if c.deposit], generator)
    enrolments = list(Enrolment.objects.filter(course__in=courses).select_related("course").order_by("pk"))
    ends = _ends(enrolments, generator)
    _attendance(enrolments, ends, generator)
    by_pk = {e.pk: e for e in enrolments}
    enrolments_drop(
        [(pk, ended_on, why) for pk, (ended_on, why) in sorted(ends.items())
         if why != "low_attendance" and ended_on < by_pk[pk].course.end_date]
    )  # fmt: skip
    for course in courses:
        if course.end_date <= AS_OF:
            training.course_complete(actor=None, course=course)
    enrolments_drop(
        [(pk, ended_on, "absence") for pk, (ended_on, why) in sorted(ends.items()) if why == "low_attendance"]
    )


def load_training() -> None:
    programme = Programme.objects.get(code=TRAINING)
    partners = {p.code: p for p in Partner.objects.filter(code__in=[row[2] for row in INSTITUTES])}
    districts = {d.code: d for d in District.objects.filter(code__in=[row[3] for row in INSTITUTES if row[3]])}
    institutes = {
        code: training.institute_set(
            actor=None,
            code=code,
            programme=programme,
            name=name,
            partner=partners[partner],
            district=districts.get(district),
            address=address,
        )
        for code, name, partner, district, address in INSTITUTES
    }
    plan = _plan(random.Random(SEED))
    calls = {
        FIRST_HALF: _call(
            programme,
            FIRST_HALF,
            "2018년 상반기 기술교육원 훈련생 모집",
            _aware(2018, 1, 22, 9),
            _aware(2018, 2, 9, 18),
            date(2018, 2, 20),
            _quotas([p for p in plan if p.group.call == FIRST_HALF], institutes),
            "만 15세 이상 서울시민(기초생활수급자, 국가유공자 등 우선 선발). 접수 기간은 데모용입니다.",
        ),
        SECOND_HALF: _call(
            programme,
            SECOND_HALF,
            "2018년 하반기 기술교육원 훈련생 모집",
            _aware(2018, 7, 9, 9),
            _aware(2018, 8, 17, 18),
            date(2018, 8, 24),
            _quotas([p for p in plan if p.group.call == SECOND_HALF], institutes),
            "하반기 직업교육 훈련생 57개학과 1,960명 모집(7.9.~8.17.), 만 15세 이상 서울시민.",
        ),
    }
    _courses(plan, institutes, calls)
    _open_call(programme, institutes)
    first = calls[FIRST_HALF]
    if not first.applications.exists():
        _first_half(first, random.Random(SEED))


def _open_call(programme, institutes: dict) -> None:
    """Three short courses whose call is open now, for the demo citizen."""
    today = timezone.localdate()
    opens = timezone.make_aware(datetime.combine(today - timedelta(days=7), datetime.min.time()))
    closes = opens + timedelta(days=60)
    start = closes.date() + timedelta(days=14)
    courses = [
        ("TD-EAST-1", "EAST", "제과제빵 단기과정", 20),
        ("TD-CENTRAL-1", "CENTRAL", "바리스타 단기과정", 20),
        ("TD-NORTH-1", "NORTH", "전기기초 단기과정", 15),
    ]
    call = _call(
        programme,
        NOW,
        "기술교육원 단기과정 훈련생 모집(데모, 접수 중)",
        opens,
        closes,
        today + timedelta(days=67),
        [(code, f"{institutes[inst].name} {name}", places) for code, inst, name, places in courses],
        "데모용 공고입니다. 시민 계정으로 로그인하여 신청해 보십시오. 단기과정은 교육훈련비 20만원을 예치하고, "
        "수료하면 돌려받습니다.",
    )
    quotas = {q.code: q for q in call.quotas.all()}
    for code, inst, name, places in courses:
        training.course_set(
            actor=None,
            code=code,
            institute=institutes[inst],
            name=name,
            track="city",
            course_type="short",
            start_date=start,
            end_date=add_months(start, 3) - timedelta(days=1),
            capacity=places,
            weekly_hours=HOURS["short"],
            deposit=DEPOSIT,
            quota=quotas.get(code),
        )
