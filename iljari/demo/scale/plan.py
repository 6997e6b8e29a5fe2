"""The plan stage of `iljari generate`: five years of programmes (with their facts, milestones, budget lines and
monthly execution snapshots), the programmes' terms, indicators and their yearly values."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from iljari.demo.scale.base import DATA_END, DIVISION_BY_OBJECTIVE, PREFIX, YEARS, Generation, month_ends
from iljari.finance.models import BudgetLine, BudgetSnapshot
from iljari.finance.services import budget_summary_refresh
from iljari.participation.models import ProgrammeTerms
from iljari.performance.models import Indicator, IndicatorValue, TargetGroup
from iljari.plan.models import Milestone, Objective, Programme, ProgrammeFact, Vision


def plan_stage(run: Generation) -> None:
    rnd = run.random
    template = {o.number: o.title for o in Objective.objects.filter(vision__year=2018)}
    statement = Vision.objects.get(year=2018).statement
    objectives: dict[tuple[int, int], Objective] = {}
    for year in YEARS:
        vision = Vision.objects.filter(year=year).first() or Vision.objects.create(year=year, statement=statement)
        for number, title in template.items():
            objectives[year, number] = Objective.objects.get_or_create(
                vision=vision, number=number, defaults={"title": title}
            )[0]
    next_number = {
        key: (Programme.objects.filter(objective=o).order_by("-number").values_list("number", flat=True).first()
              or 0) + 1
        for key, o in objectives.items()
    }  # fmt: skip
    areas = ["청년", "여성", "중장년", "어르신", "장애인", "저소득", "노동", "사회적경제", "마을", "공공"]
    works = ["뉴딜일자리", "공공근로", "인턴십", "직업훈련", "창업지원", "일자리카페", "권리보호", "지역공동체"]
    groups = TargetGroup.values
    programmes = []
    for year in YEARS:
        for n in range(run.scale.programmes_per_year):
            number = 1 + n % 3
            division = run.divisions[DIVISION_BY_OBJECTIVE[number]]
            programmes.append(
                Programme(
                    objective=objectives[year, number],
                    number=next_number[year, number],
                    code=f"{PREFIX}{year}-{n + 1:04d}",
                    title=f"{rnd.choice(areas)} {rnd.choice(works)} {n + 1}",
                    division=division,
                    purposes="일자리 창출\n취약계층 생활 안정",
                    budget=rnd.randrange(100, 50_000) * 1_000_000,
                )
            )
            next_number[year, number] += 1
    Programme.objects.bulk_create(programmes, batch_size=1000)
    run.programmes = list(
        Programme.objects.filter(code__startswith=PREFIX).order_by("code").select_related("objective__vision")
    )
    run.count(Programme, len(run.programmes))
    run.programme_year = {p.pk: p.objective.vision.year for p in run.programmes}
    facts, milestones, lines = [], [], []
    for p in run.programmes:
        year = run.programme_year[p.pk]
        facts += [
            (p.pk, 1, "사업기간", f"{year}. 1. ~ {year}. 12."),
            (p.pk, 2, "사업대상", f"서울시민 {rnd.randrange(50, 5000):,}명"),
        ]
        done = date(year, rnd.randrange(1, 3), rnd.randrange(1, 28))
        planned = date(year, rnd.randrange(7, 13), rnd.randrange(1, 28))
        milestones += [
            (p.pk, 1, "사업 계획 수립", "done", done, None, "day", done),
            (p.pk, 2, "참여자 모집·선발", "done", done + timedelta(20), None, "day", done + timedelta(20)),
            (p.pk, 3, "성과 평가", "planned", planned, None, "day", None),
        ]
        teams = run.teams[p.division_id] or [p.division_id]
        lines.append((year, rnd.choice(teams), f"{p.code}-B", p.title, "city"))
    run.insert(ProgrammeFact, ("programme", "order", "label", "value"), facts)
    run.insert(Milestone, ("programme", "order", "title", "state", "start", "end", "precision", "done_on"), milestones)
    run.insert(BudgetLine, ("year", "org_unit", "code", "name", "source"), lines)
    line_ids = dict(BudgetLine.objects.filter(code__startswith=PREFIX).values_list("code", "pk"))
    through = Programme.budget_lines.through
    run.insert(through, ("programme", "budgetline"), [(p.pk, line_ids[f"{p.code}-B"]) for p in run.programmes])
    snapshots = []
    for p in run.programmes:
        year = run.programme_year[p.pk]
        budget, committed, spent = p.budget, 0, 0
        ends = month_ends(year)
        for month, day in enumerate(ends, start=1):
            committed = min(budget, max(committed, budget * month // 12 + rnd.randrange(0, budget // 20 + 1)))
            spent = min(committed, max(spent, committed * rnd.randrange(60, 95) // 100))
            snapshots.append((line_ids[f"{p.code}-B"], day, budget, committed, spent))
    run.insert(BudgetSnapshot, ("line", "as_of", "current_budget", "committed", "spent"), snapshots)
    budget_summary_refresh(line_ids=line_ids.values())  # the execution summary the dashboard reads
    run.terms = {}
    rows = []
    for p in run.programmes:
        group = rnd.choice(groups)
        run.terms[p.pk] = group
        rows.append((p.pk, group, True, 6, Decimal(40), True, 70))
    run.insert(
        ProgrammeTerms,
        ("programme", "target_group", "is_direct_job", "max_months", "weekly_hours", "paid_public_holidays",
         "city_share_percent"),
        rows,
    )  # fmt: skip
    divisions = list(run.divisions.values())
    indicators = [
        (f"{PREFIX}-IND-{n + 1:03d}", f"{rnd.choice(areas)} {rnd.choice(works)} 성과 지표 {n + 1}",
         rnd.choice(["명", "개소", "건", "%"]), divisions[n % len(divisions)].pk, 100 + n)
        for n in range(run.scale.indicators)
    ]  # fmt: skip
    run.insert(Indicator, ("code", "name", "unit", "division", "order"), indicators)
    values = []
    for pk in Indicator.objects.filter(code__startswith=PREFIX).order_by("code").values_list("pk", flat=True):
        base = rnd.randrange(100, 10_000)
        for year in YEARS:
            target = Decimal(base + (year - 2014) * base // 10)
            values.append((pk, year, "target", target, date(year, 1, 1)))
            share = Decimal(rnd.randrange(40, 60 if year == DATA_END.year else 115)) / 100
            actual = (target * share).quantize(Decimal("0.01"))
            values.append((pk, year, "actual", actual, min(date(year, 12, 31), DATA_END)))
    run.insert(IndicatorValue, ("indicator", "year", "kind", "value", "as_of"), values)
