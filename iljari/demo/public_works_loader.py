"""Demo public works (공공근로) of 2018, as the 2018 report gives them:

- two half-year rounds: the first from '18.1.10. to 6.30. (applications '17.11.13.~28.), the second from 7.1. to
  12.20. (applications '18.5.4.~28.);
- 10,109 people in all, the city 990 and the districts 9,119: in the first half 4,951 (the city 484 at 142
  worksites, the districts 4,467 at 1,714), in the second 5,158 (the city 506 at 148, the districts 4,652 at 1,465);
- Seoul residents aged 18 or more with no regular income, unemployed and registered as job seekers;
- funded by the city and the districts 7:3.

Each round is a call with the city's quota and one quota per district (run by that district). The split of the
districts' places and worksites over the 25 districts is not in the report: it is synthetic, deterministic from a
seed, and adds up to the report's totals. So are the applicants beyond the places (a few more than the places, some
of them not eligible), the announcement dates and the working hours (5 hours a day, 25 a week). The first half's
participants work January to June with records and pay; the second half's are placed from 7.1., after the report's
as-of date, so they have no months yet. About half of the second half's applicants took part in the first.

Applicants, worksites and work records are bulk-inserted; each call's quotas are placed in one statement and the
drop-outs written set-based (demo.bulk, what participation's services do per quota and per person); eligibility,
selection and pay go through intake's and participation's services."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from iljari.core.bulk import rows_insert
from iljari.demo.bulk import placements_drop, placements_from_quotas
from iljari.demo.synthetic import Profile, people_save, person_rows
from iljari.intake import services as intake
from iljari.intake.models import Application, Call
from iljari.org.models import District, OrgUnit
from iljari.participation import services
from iljari.participation.models import Placement, WorkRecord, Worksite
from iljari.payroll.services import deductions_compute
from iljari.people.models import Person
from iljari.plan.models import Programme

SEED = 2018
PUBLIC_WORKS = "P1-06"
WEEKLY_HOURS = 25  # 5 hours a day (demo assumption: the report does not give the hours)
CITY_SHARE = 70  # 시·구 매칭비율 7:3


@dataclass(frozen=True)
class Round:
    """One half-year round: its call's period and announcement, its working period, places and worksites."""

    code: str
    title: str
    opens: tuple
    closes: tuple
    announce: date
    start: date
    end: date
    city: int
    city_sites: int
    districts: int
    district_sites: int


ROUNDS = [
    Round(
        code="PW-2018-1",
        title="2018년 상반기 공공근로사업 참여자 모집",
        opens=(2017, 11, 13, 9),
        closes=(2017, 11, 28, 18),
        announce=date(2017, 12, 15),
        start=date(2018, 1, 10),
        end=date(2018, 6, 30),
        city=484,
        city_sites=142,
        districts=4_467,
        district_sites=1_714,
    ),
    Round(
        code="PW-2018-2",
        title="2018년 하반기 공공근로사업 참여자 모집",
        opens=(2018, 5, 4, 9),
        closes=(2018, 5, 28, 18),
        announce=date(2018, 6, 15),
        start=date(2018, 7, 1),
        end=date(2018, 12, 20),
        city=506,
        city_sites=148,
        districts=4_652,
        district_sites=1_465,
    ),
]
CITY_PROJECTS = [
    "공원녹지사업소 공원환경정비",
    "금연구역지킴이",
    "서촌 주민사랑방 관리",
    "원정수 및 수돗물 수질검사",
    "서울거리예술축제 사무국 근무",
]
DISTRICT_PROJECTS = [
    "불법광고물 정비사업 지원",
    "하천변 정비 사업",
    "장애인단체 무료급식소 지원",
    "도로명주소 상세주소 부여",
    "교통안전지킴이",
    "자동차번호판 탈부착업무보조",
]
PROFILE = Profile(born_from=date(1940, 1, 1), years=58, job_seeker=1.0, basic_livelihood=0.0, veteran=0.02)


def _aware(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def split(total: int, parts: int, generator: random.Random) -> list[int]:
    """`total` over `parts` by random weights (0.6–1.4), by largest remainder: the parts add up to the total."""
    weights = [generator.uniform(0.6, 1.4) for _ in range(parts)]
    exact = [total * w / sum(weights) for w in weights]
    shares = [int(x) for x in exact]
    for index in sorted(range(parts), key=lambda i: exact[i] - shares[i], reverse=True)[: total - sum(shares)]:
        shares[index] += 1
    return shares


def site_places(rounds: list[tuple[int, int]], count: int) -> list[int]:
    """The places (정원) of a quota's `count` worksites: each round's places (people, worksites) go over its first
    worksites in turn, and the first half's participants are still running when the second half is placed, so a
    worksite holds the sum of both rounds' shares (the report gives no worksite's places; 4 at the least)."""
    places = [0] * count
    for people, sites in rounds:
        for index in range(sites):
            places[index] += people // sites + (1 if index < people % sites else 0)
    return [max(p, 4) for p in places]


def _worksites(programme, districts, plan) -> tuple[list[Worksite], dict[int, list[Worksite]]]:
    """The city's worksites and each district's, as many as the larger round needs (bulk: 1,862 rows), each with
    the places both rounds fill."""
    division = OrgUnit.objects.get(code="JOBS-POLICY")
    city_count = max(r.city_sites for r in ROUNDS)
    city_places = site_places([(r.city, r.city_sites) for r in ROUNDS], city_count)
    rows = [
        (f"PW-C{n:03d}", f"{CITY_PROJECTS[n % len(CITY_PROJECTS)]} {n:03d}(서울시)", programme.pk,
         Worksite.Operator.CITY, division.pk, None, CITY_PROJECTS[n % len(CITY_PROJECTS)], city_places[n - 1])
        for n in range(1, city_count + 1)
    ]  # fmt: skip
    for district in districts:
        count = max(sites for _, sites in plan[district.pk])
        places = site_places(plan[district.pk], count)
        for n in range(1, count + 1):
            project = DISTRICT_PROJECTS[n % len(DISTRICT_PROJECTS)]
            rows.append((f"PW-{district.code}-{n:03d}", f"{district.name} {project} {n:03d}", programme.pk,
                         Worksite.Operator.DISTRICT, None, district.pk, project, places[n - 1]))  # fmt: skip
    rows_insert(Worksite, ("code", "name", "programme", "operator", "org_unit", "district", "project", "places"), rows)
    sites = list(Worksite.objects.filter(programme=programme).order_by("code"))
    city = [w for w in sites if w.operator == Worksite.Operator.CITY]
    by_district: dict[int, list[Worksite]] = {d.pk: [] for d in districts}
    for worksite in sites:
        if worksite.district_id is not None:
            by_district[worksite.district_id].append(worksite)
    return city, by_district


def _applicants(call: Call, round_: Round, districts, generator, returning: list[int]) -> None:
    """Each quota's places and 6% more eligible applicants, and 4% who are not eligible (a regular income, no
    job-seeker registration); in the second round, first-round participants of the quota's district apply first."""
    quotas = list(call.quotas.select_related("district"))
    rows: list[tuple] = []  # (person id or None, quota)
    new_people = []
    returning_by_district: dict[int | None, list[int]] = {}
    if returning:
        for pk, district_id in Person.objects.filter(pk__in=returning).values_list("pk", "district_id"):
            returning_by_district.setdefault(district_id, []).append(pk)
    for quota in quotas:
        eligible = quota.places + round(quota.places * 0.06)
        ineligible = round(quota.places * 0.04)
        district = quota.district
        again = returning_by_district.get(district.pk if district else None, [])[: eligible // 2]
        rows += [(pk, quota) for pk in again]
        fresh = person_rows(
            generator, eligible - len(again) + ineligible, PROFILE, [district] if district else districts
        )
        for index, person in enumerate(fresh[eligible - len(again) :]):
            if index % 2:
                person.income_status = "regular"
            else:
                person.job_seeker_registered = False
        new_people += [(person, quota) for person in fresh]
    ids = people_save([p for p, _ in new_people], context=f"{round_.title}(데모)")
    rows += [(pk, quota) for pk, (_, quota) in zip(ids, new_people, strict=True)]
    generator.shuffle(rows)
    seconds = int((call.closes_at - call.opens_at).total_seconds())
    rows_insert(
        Application,
        ("call", "person", "quota", "status", "submitted_at", "channel"),
        (
            (call.pk, pk, quota.pk, "submitted", call.opens_at + timedelta(seconds=seconds * i // (len(rows) + 1)),
             "online" if i % 3 else "paper")
            for i, (pk, quota) in enumerate(rows)
        ),
    )  # fmt: skip


def _call(programme, round_: Round, districts, plan) -> Call:
    quotas = [("CITY", "서울시 사업", round_.city)]
    quotas += [(f"D-{d.code}", f"{d.name} 사업", plan[d.pk][ROUNDS.index(round_)][0], d) for d in districts]
    return intake.call_set(
        actor=None,
        code=round_.code,
        programme=programme,
        title=round_.title,
        opens_at=_aware(*round_.opens),
        closes_at=_aware(*round_.closes),
        announce_on=round_.announce,
        quotas=quotas,
        eligibility=[
            {"kind": "age_between", "min_value": 18, "on_date": round_.start},
            {"kind": "resides_in_seoul"},
            {"kind": "no_regular_income"},
            {"kind": "job_seeker"},
            {"kind": "no_direct_job_overlap", "on_date": round_.start, "until_date": round_.end},
        ],
        description=(
            "만 18세 이상 정기소득이 없는 실업자로서 구직등록을 한 서울시민. "
            f"근로기간 {round_.start:%Y.%m.%d}~{round_.end:%m.%d}, 1일 5시간, 생활임금 적용. "
            "시 홈페이지 통합 안내, 시 사업은 서울시가, 자치구 사업은 각 자치구가 접수합니다."
        ),
        required_documents="주민등록등본\n구직등록 확인서",
    )


def _records(placements: list[Placement], months: list[date], generator: random.Random) -> None:
    holidays = services.holidays_between(months[0], services.month_end(months[-1]))
    records = []
    for placement in placements:
        day_hours = services.daily_hours(placement.weekly_hours)
        for month in months:
            span = services.month_calendar(placement=placement, month=month, holidays=holidays)
            if span.is_empty:
                continue
            absent = 0 if generator.random() < 0.85 else generator.randint(1, 2)
            days = max(span.scheduled_days - absent, 0)
            leave = day_hours if absent and generator.random() < 0.3 else Decimal(0)
            records.append((placement.pk, month, days, days * day_hours, leave, max(span.sundays - absent, 0)))
    rows_insert(
        WorkRecord, ("placement", "month", "days_worked", "hours_worked", "paid_leave_hours", "full_weeks"), records
    )


def _dropouts(placements: list[Placement], generator: random.Random) -> None:
    drops = []
    for placement in generator.sample(placements, len(placements) * 2 // 100):
        ended = date(2018, generator.choice([3, 4, 5]), 1) - timedelta(days=1)
        reason = generator.choice(["employed", "personal", "health", "personal"])
        outcome = (ended + timedelta(days=1), "(주)데모물류", "fixed_term") if reason == "employed" else None
        drops.append((placement.pk, ended, reason, outcome))
    placements_drop(drops)


def load_public_works() -> None:
    programme = Programme.objects.get(code=PUBLIC_WORKS)
    services.programme_terms_set(
        actor=None,
        programme=programme,
        target_group="low_income",
        max_months=6,
        weekly_hours=WEEKLY_HOURS,
        city_share_percent=CITY_SHARE,
    )
    if Call.objects.filter(code=ROUNDS[0].code).exists():
        return
    generator = random.Random(SEED)
    districts = list(District.objects.order_by("sort_order", "code"))
    shares = [
        (split(r.districts, len(districts), generator), split(r.district_sites, len(districts), generator))
        for r in ROUNDS
    ]
    plan = {d.pk: [(places[i], sites[i]) for places, sites in shares] for i, d in enumerate(districts)}
    city_sites, district_sites = _worksites(programme, districts, plan)
    returning: list[int] = []
    for number, round_ in enumerate(ROUNDS):
        call = _call(programme, round_, districts, plan)
        _applicants(call, round_, districts, generator, returning)
        intake.eligibility_run(actor=None, call=call)
        intake.selection_run(actor=None, call=call, seed=SEED + number)
        sites = {
            quota.pk: city_sites[: round_.city_sites]
            if quota.district_id is None
            else district_sites[quota.district_id][: plan[quota.district_id][number][1]]
            for quota in call.quotas.all()
        }
        placements_from_quotas(call=call, worksites=sites, start_date=round_.start, end_date=round_.end)
        placements = list(Placement.objects.filter(application__call=call).order_by("pk"))
        if number == 0:  # the first half worked January to June ('18.6.30. 기준)
            months = [date(2018, m, 1) for m in range(1, 7)]
            _records(placements, months, generator)
            _dropouts(placements, generator)
            for month in months:
                services.pay_compute(actor=None, month=month)
                deductions_compute(actor=None, month=month)
            active = Placement.objects.filter(application__call=call, status=Placement.Status.ACTIVE).order_by("pk")
            returning = list(active.values_list("person_id", flat=True))
    services.placement_achievements_sync(programme=programme, year=2018, as_of=date(2018, 6, 30))
