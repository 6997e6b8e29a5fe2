"""Demo district projects, ecosystem funding and the SIB (grants), transcribed from the 2018 report where it has
figures; everything else is generated from a fixed seed and marked illustrative in docs/districts-sib.md.

From the report (Ⅲ-1-5 시-구 상향적·협력적 일자리 창출사업): 23 districts, 75 projects (50 continuing from '17,
25 new in '18), 2,573 jobs (청년 1,286, 신중년 734, 여성 260, 어르신 91, 기타 202), ₩15,000m of city money in
₩25,400m in all, 50:50 matching as the rule with ratios adjusted by the project's nature. The report names neither
the 23 districts nor the projects: the districts left out, each project's title, operator, budget and jobs split are
generated so that every total above holds exactly (20 projects at 70:30 for ₩11,500m, 55 at 50:50 for ₩13,900m:
city 8,050 + 6,950 = 15,000). Monitoring (Mar–Jun '18), the mid-term reviews ('18.6.14.~7.6.) and the committee's
adjustments ('18.4.) are illustrative.

From the report (Ⅲ-3-2 자치구 사회적경제 생태계 조성 지원): 특구 본사업 in 11 districts in '18 (6 in their third year),
preparation 6 months within ₩50m, then 3 years within ₩500m; the indicator 사회적경제 특구 육성(누계) 6 → 11 → 12.
The districts, amounts and grades are illustrative.

The SIB: the report gives the programme (₩405m in '18) but no contract figures; the demo contract is Seoul's first
SIB (경계선지능 아동 교육, 2016–2019, ₩1.1bn) with illustrative investors, metrics and dates.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from django.db import transaction

from iljari.core.bulk import rows_insert
from iljari.demo.enterprises_loader import business_number
from iljari.enterprises.models import Organisation
from iljari.enterprises.services import organisation_register
from iljari.grants import district_services, sib_services
from iljari.grants.district_selectors import DISTRICT_PROGRAMME, ECOSYSTEM_PROGRAMME
from iljari.grants.models import (
    DistrictMonitoring,
    DistrictMonitoringJobs,
    DistrictProject,
    EcosystemSupport,
    OutcomeContract,
)
from iljari.org.models import District
from iljari.plan.models import Programme

SEED = 2018
YEAR = 2018

# The report's figures.
PROJECTS = 75
NEW_PROJECTS = 25
DISTRICTS = 23
JOBS = {"youth": 1286, "middle_aged": 734, "women": 260, "seniors": 91, "general": 202}  # 기타 → 일반시민
CITY_TOTAL = 15_000_000_000
BUDGET_TOTAL = 25_400_000_000
# Generated so that the totals hold: (projects, ratio, total in 백만원, unit in 백만원 that keeps the shares whole).
RATIO_GROUPS = [(20, 70, 11_500, 10), (55, 50, 13_900, 2)]
LEFT_OUT = {"11140", "11650"}  # illustrative: the report does not name the two districts without a project
MONITORED_MONTHS = [date(YEAR, m, 1) for m in (3, 4, 5, 6)]

FIELDS = ["청년 창업 공간", "마을 돌봄", "도시재생 일자리", "공유 부엌", "업사이클링 공방", "골목 상권 지원",
          "청년 문화 기획", "신중년 경력 활용", "생활 안전", "어르신 건강 지원", "여성 경력 이음", "친환경 배송",
          "지역 먹거리", "공공 데이터 활용", "전통시장 활성화"]  # fmt: skip


def _split(total: int, weights: list[float], *, minimum: int = 0) -> list[int]:
    """`total` split in proportion to `weights`, each part at least `minimum`, the parts adding up exactly."""
    spare = total - minimum * len(weights)
    raw = [spare * w / sum(weights) for w in weights]
    parts = [int(r) for r in raw]
    for index in sorted(range(len(raw)), key=lambda i: (parts[i] - raw[i], i))[: spare - sum(parts)]:
        parts[index] += 1
    return [p + minimum for p in parts]


def _projects_plan(generator: random.Random, districts: list[District]) -> list[dict]:
    counts = [3] * DISTRICTS
    for index in generator.sample(range(DISTRICTS), PROJECTS - 3 * DISTRICTS):
        counts[index] += 1
    homes = [d for d, n in zip(districts, counts, strict=True) for _ in range(n)]
    new = set(generator.sample(range(PROJECTS), NEW_PROJECTS))
    # target groups: every project one main group (in proportion to the jobs), some a second
    groups = list(JOBS)
    mains = _split(PROJECTS, [JOBS[g] for g in groups], minimum=1)
    main_of = [g for g, n in zip(groups, mains, strict=True) for _ in range(n)]
    generator.shuffle(main_of)
    members = {g: [i for i in range(PROJECTS) if main_of[i] == g] for g in groups}
    for group in groups:
        others = [i for i in range(PROJECTS) if main_of[i] != group]
        members[group] += generator.sample(others, len(members[group]) // 3)
    jobs = [{} for _ in range(PROJECTS)]
    for group, total in JOBS.items():
        chosen = sorted(members[group])
        weights = [3.0 if main_of[i] == group else 1.0 for i in chosen]
        weights = [w * generator.uniform(0.6, 1.4) for w in weights]
        for index, count in zip(chosen, _split(total, weights, minimum=1), strict=True):
            jobs[index][group] = count
    # budgets
    order = list(range(PROJECTS))
    generator.shuffle(order)
    ratios, budgets = [0] * PROJECTS, [0] * PROJECTS
    start = 0
    for count, ratio, total_million, unit in RATIO_GROUPS:
        chosen = order[start : start + count]
        start += count
        weights = [sum(jobs[i].values()) * generator.uniform(0.7, 1.3) for i in chosen]
        for index, units in zip(chosen, _split(total_million // unit, weights, minimum=5), strict=True):
            ratios[index], budgets[index] = ratio, units * unit * 1_000_000
    plans = []
    serial: dict[str, int] = {}
    for index, district in enumerate(homes):
        serial[district.code] = serial.get(district.code, 0) + 1
        total = budgets[index]
        city = total * ratios[index] // 100
        plans.append({
            "code": f"{YEAR}-{district.code}-{serial[district.code]:02d}",
            "district": district,
            "title": f"{FIELDS[index % len(FIELDS)]} 일자리사업",
            "operator": f"{district.name} {('사회적협동조합', '마을기업', '비영리법인')[index % 3]}(예시)",
            "is_new": index in new,
            "budget_total": total,
            "city_share": city,
            "district_share": total - city,
            "city_ratio": ratios[index],
            "ratio_reason": "" if ratios[index] == 50 else "사업성격에 따른 매칭비율 조정(예시)",
            "jobs": jobs[index],
        })  # fmt: skip
    return plans


def _monitoring(projects: list[DistrictProject], plans: list[dict], generator: random.Random) -> None:
    """Illustrative months: jobs filled rising to about 60–95% of the plan by June; sales, users, satisfaction."""
    monitoring_rows, job_rows = [], []
    for project, plan in zip(projects, plans, strict=True):
        reach = generator.uniform(0.6, 0.95)
        sales = generator.randrange(2, 40) * 1_000_000
        for step, month in enumerate(MONITORED_MONTHS, start=1):
            share = reach * step / len(MONITORED_MONTHS)
            monitoring_rows.append((project.pk, month, sales * step // 2, generator.randrange(40, 900),
                                    Decimal(generator.randrange(700, 960)) / 10, "데모(예시)"))  # fmt: skip
            job_rows.append([(group, int(planned * share)) for group, planned in plan["jobs"].items()])
    rows_insert(DistrictMonitoring, ("project", "month", "sales", "users", "satisfaction", "note"), monitoring_rows)
    ids = dict(
        ((project_id, month), pk)
        for pk, project_id, month in DistrictMonitoring.objects.filter(project__in=projects).values_list(
            "pk", "project_id", "month"
        )
    )
    rows_insert(
        DistrictMonitoringJobs,
        ("monitoring", "target_group", "filled"),
        (
            (ids[(row[0], row[1])], group, filled)
            for row, groups in zip(monitoring_rows, job_rows, strict=True)
            for group, filled in groups
        ),
    )


def load_district_projects() -> None:
    if DistrictProject.objects.filter(year=YEAR).exists():
        return
    programme = Programme.objects.filter(code=DISTRICT_PROGRAMME).first()
    if programme is None:
        return
    generator = random.Random(SEED)
    districts = [d for d in District.objects.order_by("sort_order", "code") if d.code not in LEFT_OUT]
    plans = _projects_plan(generator, districts)
    projects = []
    for plan in plans:
        fields = {key: value for key, value in plan.items()}
        projects.append(
            district_services.district_project_register(
                actor=None, year=YEAR, programme=programme, starts_on=date(YEAR, 1, 1), ends_on=date(YEAR, 12, 31),
                **fields,
            )
        )  # fmt: skip
    _monitoring(projects, plans, generator)
    for month in MONITORED_MONTHS:
        district_services.district_achievements_sync(
            programme=programme, year=YEAR, as_of=district_services._month_end(month)
        )
    # the committee of '18.4. adjusts three continuing projects; the mid-term reviews of '18.6.14.~7.6.
    continuing = [p for p in projects if not p.is_new]
    for project in continuing[:3]:
        district_services.district_decision_record(
            actor=None, project=project, decided_on=date(YEAR, 4, 20), decision="adjust",
            note="부진사업 재검토: 사업계획 수정·보완(예시)",
        )  # fmt: skip
    for index, project in enumerate(projects[::5]):
        district_services.district_review_record(
            actor=None, project=project, reviewed_on=date(YEAR, 6, 14 + index % 14),
            reviewer="사업관리 전문기관(예시)", score=Decimal(generator.randrange(600, 980)) / 10,
            findings="현장점검 결과 추진 실적 양호, 판로 확대 필요(예시)",
        )  # fmt: skip


# 특구: (district code, first main year, grades of the years evaluated, amounts of the years in 백만원)
ZONES = [
    ("11110", 2016, ["A", "B"], [170, 160, 128]),
    ("11200", 2016, ["A", "A"], [170, 170, 160]),
    ("11290", 2016, ["B", "A"], [180, 144, 144]),
    ("11350", 2016, ["A", "B"], [160, 160, 128]),
    ("11440", 2016, ["A", "A"], [165, 165, 165]),
    ("11530", 2016, ["B", "B"], [200, 160, 128]),
    ("11230", 2017, ["A"], [180, 180]),
    ("11380", 2017, ["B"], [200, 160]),
    ("11470", 2017, ["A"], [170, 170]),
    ("11620", 2017, ["A"], [165, 165]),
    ("11740", 2017, ["B"], [190, 152]),
]
NEW_ZONE = "11590"  # the twelfth zone: preparation in the second half of '18 (indicator target 12)
GRADE_SCORE = {"A": Decimal("92.0"), "B": Decimal("84.0"), "C": Decimal("74.0")}


def load_ecosystem() -> None:
    if EcosystemSupport.objects.exists():
        return
    programme = Programme.objects.filter(code=ECOSYSTEM_PROGRAMME).first()
    if programme is None:
        return
    districts = {d.code: d for d in District.objects.all()}
    for code, first_year, grades, amounts in ZONES:
        district = districts[code]
        support = district_services.ecosystem_support_register(
            actor=None, code=f"ZONE-{code}", district=district, programme=programme,
            title="사회적경제특구(예시)",
        )  # fmt: skip
        prep = district_services.ecosystem_tranche_fund(
            actor=None, support=support, stage=1, amount=50_000_000, starts_on=date(first_year - 1, 7, 1),
            ends_on=date(first_year - 1, 12, 31),
        )  # fmt: skip
        district_services.ecosystem_tranche_evaluate(
            actor=None, tranche=prep, evaluated_on=date(first_year - 1, 12, 20), score=Decimal("80.0")
        )
        for year_index, amount in enumerate(amounts):
            year = first_year + year_index
            tranche = district_services.ecosystem_tranche_fund(
                actor=None, support=support, stage=2, amount=amount * 1_000_000, starts_on=date(year, 1, 1),
                ends_on=date(year, 12, 31),
            )  # fmt: skip
            if year_index < len(grades):
                district_services.ecosystem_tranche_evaluate(
                    actor=None, tranche=tranche, evaluated_on=date(year, 12, 15), score=GRADE_SCORE[grades[year_index]]
                )
    district = districts[NEW_ZONE]
    support = district_services.ecosystem_support_register(
        actor=None, code=f"ZONE-{NEW_ZONE}", district=district, programme=programme,
        title="사회적경제특구(예시)",
    )  # fmt: skip
    district_services.ecosystem_tranche_fund(
        actor=None, support=support, stage=1, amount=50_000_000, starts_on=date(YEAR, 7, 1),
        ends_on=date(YEAR, 12, 31),
    )  # fmt: skip


def load_sib() -> None:
    if OutcomeContract.objects.exists():
        return
    number = business_number(888_000_001)
    provider = Organisation.objects.filter(business_number=number).first() or organisation_register(
        actor=None, name="경계선지능아동 교육 수행기관(예시)", kind="ngo", business_number=number
    )
    sib_services.sib_contract_create(
        actor=None,
        code="SIB-2016-1",
        title="경계선지능 아동 자립역량 강화 사회성과보상사업(제1호)",
        provider=provider,
        operator="사회성과 운영기관(예시)",
        target_population="경계선지능 아동(아동복지시설 거주 초등학생 등)",
        starts_on=date(2016, 10, 1),
        ends_on=date(2019, 9, 30),
        principal=1_100_000_000,
        threshold_rate=Decimal("50.0"),
        cap_rate=Decimal("130.0"),
        investors=[
            {"name": "민간투자자 가(예시)", "amount": 700_000_000},
            {"name": "민간투자자 나(예시)", "amount": 300_000_000},
            {"name": "민간투자자 다(예시)", "amount": 100_000_000},
        ],
        metrics=[
            {"name": "학습능력(기초학력) 향상 아동 비율", "unit": "%", "baseline": "0", "target": "50", "weight": "60"},
            {"name": "사회성 향상 아동 비율", "unit": "%", "baseline": "0", "target": "50", "weight": "40"},
        ],
        note=(
            "서울시 제1호 사회성과보상사업(2016~2019, 11억원). 투자자·성과지표·기간은 예시입니다. '18년 예산 405백만원."
        ),
    )


def load_districts() -> None:
    with transaction.atomic():
        load_district_projects()
        load_ecosystem()
        load_sib()
