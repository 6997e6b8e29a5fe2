"""Demo participation: the tables pay reads (living wage, public holidays), each people programme's terms, and
the 2018 New Deal participants at work.

- The 944 people selected in the 2018 1st joint call start on '18.3.2. at 40 worksites (city departments and
  districts), with work records for March to June generated from a seed and pay computed by the pay service;
  some drop out, some of those for a job.
- A 2017 cohort that finished the year, 52.9% of them employed afterwards: the employment rate the 2018 report
  gives for 2017, derived here from placements and outcomes like any other year's. Its size is synthetic.
- The job-target achievement of the New Deal row is counted from the placements ('18.6.30. 기준).

The work records, the 2017 cohort and its outcomes are bulk-inserted and the drop-outs written set-based
(demo.bulk); placement and pay go through participation's services."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from iljari.core.bulk import rows_insert
from iljari.demo.bulk import placements_drop
from iljari.intake.models import Application, Call
from iljari.org.models import District, OrgUnit
from iljari.participation import services
from iljari.participation.models import EmploymentOutcome, Placement, WorkRecord
from iljari.payroll.services import deductions_compute
from iljari.plan.models import Programme

SEED = 2018
# 서울시 생활임금(시급, 원). 2018 as the 2018 report prints it; later years as the city announced them.
LIVING_WAGES = {
    2017: (8_197, ""),
    2018: (9_220, "2018 주요업무보고(뉴딜일자리 근무조건)"),
    2019: (10_148, ""),
    2020: (10_523, ""),
    2021: (10_702, ""),
    2022: (10_766, ""),
    2023: (11_157, ""),
    2024: (11_436, ""),
    2025: (11_779, ""),
    2026: (12_121, ""),
}
HOLIDAYS = {
    2017: [
        ("2017-01-01", "신정"),
        ("2017-01-27", "설날 연휴"),
        ("2017-01-28", "설날"),
        ("2017-01-29", "설날 연휴"),
        ("2017-01-30", "대체공휴일"),
        ("2017-03-01", "삼일절"),
        ("2017-05-03", "부처님오신날"),
        ("2017-05-05", "어린이날"),
        ("2017-05-09", "대통령선거일"),
        ("2017-06-06", "현충일"),
        ("2017-08-15", "광복절"),
        ("2017-10-02", "임시공휴일"),
        ("2017-10-03", "개천절"),
        ("2017-10-04", "추석"),
        ("2017-10-05", "추석 연휴"),
        ("2017-10-06", "대체공휴일"),
        ("2017-10-09", "한글날"),
        ("2017-12-25", "성탄절"),
    ],
    2018: [
        ("2018-01-01", "신정"),
        ("2018-02-15", "설날 연휴"),
        ("2018-02-16", "설날"),
        ("2018-02-17", "설날 연휴"),
        ("2018-03-01", "삼일절"),
        ("2018-05-05", "어린이날"),
        ("2018-05-07", "대체공휴일"),
        ("2018-05-22", "부처님오신날"),
        ("2018-06-06", "현충일"),
        ("2018-06-13", "전국동시지방선거일"),
        ("2018-08-15", "광복절"),
        ("2018-09-23", "추석 연휴"),
        ("2018-09-24", "추석"),
        ("2018-09-25", "추석 연휴"),
        ("2018-09-26", "대체공휴일"),
        ("2018-10-03", "개천절"),
        ("2018-10-09", "한글날"),
        ("2018-12-25", "성탄절"),
    ],
    2026: [
        ("2026-01-01", "신정"),
        ("2026-02-16", "설날 연휴"),
        ("2026-02-17", "설날"),
        ("2026-02-18", "설날 연휴"),
        ("2026-03-01", "삼일절"),
        ("2026-03-02", "대체공휴일"),
        ("2026-05-05", "어린이날"),
        ("2026-05-24", "부처님오신날"),
        ("2026-05-25", "대체공휴일"),
        ("2026-06-03", "전국동시지방선거일"),
        ("2026-06-06", "현충일"),
        ("2026-08-15", "광복절"),
        ("2026-08-17", "대체공휴일"),
        ("2026-09-24", "추석 연휴"),
        ("2026-09-25", "추석"),
        ("2026-09-26", "추석 연휴"),
        ("2026-10-03", "개천절"),
        ("2026-10-05", "대체공휴일"),
        ("2026-10-09", "한글날"),
        ("2026-12-25", "성탄절"),
    ],
}
NEW_DEAL, PUBLIC_WORKS, TRAINING = "P1-03", "P1-06", "P1-07"
NEW_DEAL_START, NEW_DEAL_END = date(2018, 3, 2), date(2018, 12, 31)
NEW_DEAL_MONTHS = [date(2018, m, 1) for m in (3, 4, 5, 6)]
NEW_DEAL_DISTRICTS = ["11110", "11140", "11170", "11215", "11305", "11440", "11500", "11650", "11710", "11740"]
COHORT_2017, EMPLOYED_2017 = 1_000, 529  # 52.9%


def load_tables() -> None:
    """The living wages and public holidays pay reads."""
    for year, (hourly, note) in LIVING_WAGES.items():
        services.living_wage_set(actor=None, year=year, hourly=hourly, note=note)
    this_year = timezone.localdate().year
    if this_year not in LIVING_WAGES:  # a demo run in a later year: carry the last announced wage, marked so
        latest = max(LIVING_WAGES)
        services.living_wage_set(
            actor=None, year=this_year, hourly=LIVING_WAGES[latest][0], note=f"데모: {latest}년 값을 그대로 씀"
        )
    for days in HOLIDAYS.values():
        for day, name in days:
            services.public_holiday_set(actor=None, day=date.fromisoformat(day), name=name)


def _terms() -> None:
    programmes = {p.code: p for p in Programme.objects.filter(code__in=[NEW_DEAL, PUBLIC_WORKS, TRAINING])}
    services.programme_terms_set(actor=None, programme=programmes[NEW_DEAL], target_group="youth", max_months=23)
    services.programme_terms_set(
        actor=None, programme=programmes[PUBLIC_WORKS], target_group="low_income", max_months=6
    )


def _worksites() -> list:
    programme = Programme.objects.get(code=NEW_DEAL)
    division = OrgUnit.objects.get(code="JOBS-POLICY")
    projects = [
        "청년 서울생활 데이터 조사",
        "공원 환경 모니터링",
        "서울 기록원 아카이브 정리",
        "시민청 운영 지원",
        "전통시장 홍보 콘텐츠",
        "도시재생 현장 지원",
        "청년 창업 상담 보조",
        "문화시설 안내",
        "사회적경제 기업 지원",
        "서울 관광 안내",
        "에너지 절약 컨설팅",
        "복지 사각지대 조사",
        "도서관 디지털화",
        "마을공동체 지원",
        "미세먼지 시민 안내",
        "서울 자전거 안전 캠페인",
        "공공데이터 품질 관리",
        "박물관 교육 보조",
        "청소년 멘토링",
        "장애인 이동 지원",
    ]
    worksites = []
    for index, project in enumerate(projects, start=1):
        worksites.append(
            services.worksite_set(
                actor=None,
                code=f"ND18-C{index:02d}",
                programme=programme,
                name=f"{project}(서울시)",
                operator="city",
                org_unit=division,
                project=project,
                places=30,
            )
        )
    districts = {d.code: d for d in District.objects.filter(code__in=NEW_DEAL_DISTRICTS)}
    for index, code in enumerate(NEW_DEAL_DISTRICTS, start=1):
        district = districts[code]
        for kind, project in enumerate(("골목상권 활성화", "주민센터 디지털 안내"), start=1):
            worksites.append(
                services.worksite_set(
                    actor=None,
                    code=f"ND18-D{index:02d}{kind}",
                    programme=programme,
                    name=f"{district.name} {project}",
                    operator="district",
                    district=district,
                    project=project,
                    places=20,
                )
            )
    return worksites


def _records(placements: list[Placement], generator: random.Random) -> None:
    holidays = services.holidays_between(NEW_DEAL_MONTHS[0], services.month_end(NEW_DEAL_MONTHS[-1]))
    records = []
    for placement in placements:
        for month in NEW_DEAL_MONTHS:
            span = services.month_calendar(placement=placement, month=month, holidays=holidays)
            if span.is_empty:
                continue
            absent = 0 if generator.random() < 0.8 else generator.randint(1, 2)
            leave = generator.choice([0, 0, 0, 8]) if absent else 0
            days = max(span.scheduled_days - absent, 0)
            records.append(
                (
                    placement.pk,
                    month,
                    days,
                    Decimal(days * 8),
                    Decimal(min(leave, absent * 8)),
                    max(span.sundays - absent, 0),
                )
            )
    rows_insert(
        WorkRecord, ("placement", "month", "days_worked", "hours_worked", "paid_leave_hours", "full_weeks"), records
    )


def _dropouts(placements: list[Placement], generator: random.Random) -> None:
    drops = []
    for placement in generator.sample(placements, 48):
        ended = date(2018, generator.choice([4, 5, 6]), 1) - timedelta(days=1)
        reason = generator.choice(["employed", "employed", "personal", "study", "health"])
        outcome = (ended + timedelta(days=1), "(주)서울데모", "regular") if reason == "employed" else None
        drops.append((placement.pk, ended, reason, outcome))
    placements_drop(drops)


def _cohort_2017(call: Call, worksites: list, generator: random.Random) -> None:
    """Finished 2017 participants (people who were not selected in 2018), 52.9% employed afterwards."""
    programme = call.programme
    people = list(
        Application.objects.filter(call=call)
        .exclude(status="selected")
        .order_by("pk")
        .values_list("person_id", flat=True)
    )[:COHORT_2017]
    wage = LIVING_WAGES[2017][0]
    rows_insert(
        Placement,
        ("person", "programme", "worksite", "target_group", "start_date", "end_date", "ended_on", "status",
         "weekly_hours", "hourly_wage"),
        [(person_id, programme.pk, worksites[index % len(worksites)].pk, "youth", date(2017, 3, 2),
          date(2017, 12, 29), date(2017, 12, 29), Placement.Status.COMPLETED, Decimal(40), wage)
         for index, person_id in enumerate(people)],
    )  # fmt: skip
    finished = list(Placement.objects.filter(programme=programme, start_date__year=2017).order_by("pk"))
    employers = ["(주)한강소프트", "서울사회적협동조합", "(주)마포디자인", "을지로상사"]
    rows_insert(
        EmploymentOutcome,
        ("placement", "employed_on", "employer", "kind"),
        [(placement.pk, date(2018, 1, 2) + timedelta(days=generator.randrange(0, 150)), generator.choice(employers),
          generator.choice(["regular", "regular", "fixed_term", "self_employed"]))
         for placement in generator.sample(finished, EMPLOYED_2017)],
    )  # fmt: skip


def load_participation() -> None:
    load_tables()
    _terms()
    call = Call.objects.get(code="NEWDEAL-2018-1")
    if Placement.objects.filter(programme=call.programme).exists():
        return
    generator = random.Random(SEED)
    worksites = _worksites()
    _cohort_2017(call, worksites, generator)
    services.placements_from_selection(
        actor=None, call=call, worksites=worksites, start_date=NEW_DEAL_START, end_date=NEW_DEAL_END
    )
    placements = list(Placement.objects.filter(application__call=call).order_by("pk"))
    _records(placements, generator)
    _dropouts(placements, generator)
    for month in NEW_DEAL_MONTHS:
        services.pay_compute(actor=None, month=month)
        deductions_compute(actor=None, month=month)
    services.placement_achievements_sync(programme=call.programme, year=2018, as_of=date(2018, 6, 30))
