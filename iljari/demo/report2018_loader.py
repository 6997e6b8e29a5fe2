"""Load the 2018 report (demo/dataset/report2018.py) through the services: plan, staffing, budget,
indicators, job targets, the figures the report printed (for checking: its tables' totals and rates, and the
figures inside part Ⅲ's programme text, demo/dataset/report2018_figures.py) and the validation rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from iljari.core.formats import parse_number, parse_rate
from iljari.demo.dataset import report2018 as r
from iljari.demo.dataset import report2018_figures as text_figures
from iljari.finance import services as finance
from iljari.finance.models import BudgetLine
from iljari.org.models import OrgUnit
from iljari.performance import services as performance
from iljari.performance.models import IndicatorValue
from iljari.plan import services as plan
from iljari.plan.models import Objective, Programme

YEAR = 2018
MILLION = 1_000_000
HUNDRED_MILLION = 100_000_000
SOURCE = "2018 주요업무보고"
OFFICE = "JOBS"
DIVISION_BY_OBJECTIVE = {1: "JOBS-POLICY", 2: "LABOUR-POLICY", 3: "SOCIAL-ECONOMY"}
# The budget line of 사업개요 is printed from Programme.budget (so that a changed budget shows in the report).
BUDGET_FACT_LABELS = {"소요예산", "'18년 예산"}


def _unit(code: str) -> OrgUnit:
    return OrgUnit.objects.get(code=code)


def load_plan() -> None:
    vision = plan.vision_set(actor=None, year=YEAR, statement=r.VISION)
    objectives = {
        o["number"]: plan.objective_set(
            actor=None, vision=vision, number=o["number"], title=o["title"], core_tasks=o["core_tasks"]
        )
        for o in r.OBJECTIVES
    }
    for p in r.PROGRAMMES:
        budget = p["budget_million_won"]
        plan.programme_set(
            actor=None,
            objective=objectives[p["objective"]],
            number=p["number"],
            code=p["code"],
            title=p["title"],
            division=_unit(p["division"]),
            purposes=p["purposes"],
            budget=None if budget is None else budget * MILLION,
            budget_note=p.get("budget_note", ""),
            facts=[fact for fact in p["facts"] if fact["label"] not in BUDGET_FACT_LABELS],
            milestones=p["milestones"],
        )


def load_staffing() -> None:
    for division, series, grade, authorized, current in r.STAFFING:
        finance.staffing_quota_set(
            actor=None,
            org_unit=_unit(division),
            as_of=r.STAFFING_AS_OF,
            job_series=series,
            grade=grade or "",
            authorized=authorized,
            current=current,
        )
    finance.staffing_quota_set(
        actor=None,
        org_unit=_unit(OFFICE),
        as_of=r.STAFFING_AS_OF,
        job_series="public_service_worker",
        authorized=None,
        current=r.PUBLIC_SERVICE_WORKERS,
    )
    for subject, printed in r.STAFFING_PRINTED_TOTALS.items():
        key = "" if subject == "office" else subject
        for measure in ("authorized", "current"):
            performance.reported_figure_set(
                series=f"staffing.{measure}",
                subject=key,
                year=YEAR,
                as_of=r.STAFFING_AS_OF,
                value=printed[measure],
                source=SOURCE,
            )


def load_budget() -> None:
    for division, current_budget, committed, spent, printed_rate in r.BUDGET:
        unit = _unit(division)
        line = finance.budget_line_set(
            actor=None,
            year=YEAR,
            org_unit=unit,
            code=f"{division}-{YEAR}",
            name=f"{unit.name} 소관 예산",
            source=BudgetLine.Source.UNSPECIFIED,
        )
        finance.budget_snapshot_record(
            actor=None,
            line=line,
            as_of=r.BUDGET_AS_OF,
            current_budget=current_budget * MILLION,
            committed=committed * MILLION,
            spent=spent * MILLION,
        )
        performance.reported_figure_set(
            series="budget.execution_rate",
            subject=division,
            year=YEAR,
            as_of=r.BUDGET_AS_OF,
            value=parse_rate(printed_rate),
            source=SOURCE,
        )
    total_budget, total_committed, total_spent, total_rate = r.BUDGET_PRINTED_TOTAL
    for series, value in (
        ("budget.current_budget", total_budget * MILLION),
        ("budget.committed", total_committed * MILLION),
        ("budget.spent", total_spent * MILLION),
        ("budget.execution_rate", parse_rate(total_rate)),
    ):
        performance.reported_figure_set(
            series=series, subject="", year=YEAR, as_of=r.BUDGET_AS_OF, value=value, source=SOURCE
        )


def load_indicators() -> None:
    """2016 and 2017 are actuals (dated the end of their year); 2018–2020 are targets as of the report."""
    objectives = {o.number: o for o in plan_objectives()}
    for order, row in enumerate(r.INDICATORS, start=1):
        indicator = performance.indicator_set(
            actor=None,
            code=row["code"],
            name=row["name"],
            unit=row["unit"],
            objective=objectives[row["field"]],
            field_label=row["field_label"],
            division=_unit(DIVISION_BY_OBJECTIVE[row["field"]]),
            cumulative=row["cumulative"],
            order=order,
        )
        for year, value in row["values"].items():
            actual = year < YEAR
            performance.indicator_value_record(
                actor=None,
                indicator=indicator,
                year=year,
                kind=IndicatorValue.Kind.ACTUAL if actual else IndicatorValue.Kind.TARGET,
                value=Decimal(value),
                as_of=date(year, 12, 31) if actual else r.JOB_TARGETS_AS_OF,
            )


def plan_objectives():
    return Objective.objects.filter(vision__year=YEAR)


def load_job_targets() -> None:
    as_of = r.JOB_TARGETS_AS_OF
    division = _unit("JOBS-POLICY")
    rows = [({"target_group": g["group"], "programme_names": g["programmes"]}, g) for g in r.JOB_TARGET_GROUPS] + [
        ({"kind": k["kind"]}, k) for k in r.JOB_TARGET_KINDS
    ]
    for order, (keys, row) in enumerate(rows, start=1):
        budget = row.get("budget_hundred_million_won")
        target = performance.job_target_set(
            actor=None,
            year=YEAR,
            target=row["target"],
            division=division,
            order=order,
            budget=None if budget is None else budget * HUNDRED_MILLION,
            **keys,
        )
        performance.job_achievement_record(actor=None, job_target=target, achieved=row["achieved"], as_of=as_of)
        performance.reported_figure_set(
            series="jobs.rate",
            subject=keys.get("target_group") or keys.get("kind"),
            year=YEAR,
            as_of=as_of,
            value=parse_rate(row["printed_rate"]),
            source=SOURCE,
        )
    total = r.JOB_TARGET_TOTAL
    for series, value in (
        ("jobs.target", total["target"]),
        ("jobs.achieved", total["achieved"]),
        ("jobs.budget", total["budget_hundred_million_won"] * HUNDRED_MILLION),
        ("jobs.rate", parse_rate(total["printed_rate"])),
    ):
        performance.reported_figure_set(series=series, subject="", year=YEAR, as_of=as_of, value=value, source=SOURCE)


RULES = [
    # code, area, name, left, left_sum, operator, right, right_sum, tolerance, importance
    (
        "BUD-TOTAL-BUDGET",
        "budget",
        "예산현액 계는 부서별 합과 같다",
        "budget.current_budget",
        False,
        "==",
        "reported:budget.current_budget",
        False,
        0,
        "high",
    ),
    (
        "BUD-TOTAL-COMMITTED",
        "budget",
        "원인행위액 계는 부서별 합과 같다",
        "budget.committed",
        False,
        "==",
        "reported:budget.committed",
        False,
        0,
        "high",
    ),
    (
        "BUD-TOTAL-SPENT",
        "budget",
        "지출액 계는 부서별 합과 같다",
        "budget.spent",
        False,
        "==",
        "reported:budget.spent",
        False,
        0,
        "high",
    ),
    (
        "BUD-SPENT-COMMITTED",
        "budget",
        "지출액은 원인행위액 이하",
        "budget.spent",
        False,
        "<=",
        "budget.committed",
        False,
        0,
        "high",
    ),
    (
        "BUD-COMMITTED-BUDGET",
        "budget",
        "원인행위액은 예산현액 이하",
        "budget.committed",
        False,
        "<=",
        "budget.current_budget",
        False,
        0,
        "high",
    ),
    (
        "BUD-RATE-PRINTED",
        "budget",
        "보고된 집행률은 다시 계산한 집행률과 같다(반올림 안)",
        "budget.execution_rate",
        False,
        "==",
        "reported:budget.execution_rate",
        False,
        "0.0005",
        "medium",
    ),
    (
        "STF-AUTHORIZED",
        "staffing",
        "정원 계는 직급별 합과 같다",
        "staffing.authorized",
        False,
        "==",
        "reported:staffing.authorized",
        False,
        0,
        "high",
    ),
    (
        "STF-CURRENT",
        "staffing",
        "현원 계는 직급별 합과 같다",
        "staffing.current",
        False,
        "==",
        "reported:staffing.current",
        False,
        0,
        "high",
    ),
    (
        "JOB-TARGET-PARTS",
        "jobs",
        "사업대상별 목표의 합은 직접·간접 목표의 합과 같다",
        "jobs.target.group",
        True,
        "==",
        "jobs.target.kind",
        True,
        0,
        "high",
    ),
    (
        "JOB-ACHIEVED-PARTS",
        "jobs",
        "사업대상별 실적의 합은 직접·간접 실적의 합과 같다",
        "jobs.achieved.group",
        True,
        "==",
        "jobs.achieved.kind",
        True,
        0,
        "high",
    ),
    (
        "JOB-BUDGET-PARTS",
        "jobs",
        "사업대상별 예산의 합은 직접·간접 예산의 합과 같다",
        "jobs.budget.group",
        True,
        "==",
        "jobs.budget.kind",
        True,
        0,
        "high",
    ),
    (
        "JOB-TARGET-TOTAL",
        "jobs",
        "일자리 목표 총계는 직접+간접과 같다",
        "jobs.target.kind",
        True,
        "==",
        "reported:jobs.target",
        False,
        0,
        "high",
    ),
    (
        "JOB-ACHIEVED-TOTAL",
        "jobs",
        "일자리 실적 총계는 직접+간접과 같다",
        "jobs.achieved.kind",
        True,
        "==",
        "reported:jobs.achieved",
        False,
        0,
        "high",
    ),
    (
        "JOB-RATE-PRINTED",
        "jobs",
        "보고된 달성률은 다시 계산한 달성률과 같다(반올림 안)",
        "jobs.rate",
        False,
        "==",
        "reported:jobs.rate",
        False,
        "0.0005",
        "medium",
    ),
    (
        "IND-CUMULATIVE",
        "indicators",
        "누계 지표는 줄지 않는다",
        "indicator.cumulative.value",
        False,
        ">=",
        "indicator.cumulative.previous",
        False,
        0,
        "medium",
    ),
]


def load_rules() -> None:
    for code, area, name, left, left_sum, operator, right, right_sum, tolerance, importance in RULES:
        performance.validation_rule_set(
            actor=None,
            code=code,
            area=area,
            name=name,
            left_series=left,
            left_sum=left_sum,
            operator=operator,
            right_series=right,
            right_sum=right_sum,
            tolerance=Decimal(str(tolerance)),
            importance=importance,
        )


def load_programme_figures() -> None:
    """The figures printed inside part Ⅲ's programme text, in their printed units, and the rules over them."""
    programmes = {p.code: p for p in Programme.objects.filter(objective__vision__year=text_figures.YEAR)}
    for programme, key, label, printed, unit, source_text, place, as_of in text_figures.FIGURES:
        performance.programme_figure_set(
            actor=None,
            year=text_figures.YEAR,
            programme=programmes[programme],
            key=key,
            label=label,
            value=parse_number(printed),
            unit=unit,
            source_text=source_text,
            source_page=place,
            as_of=as_of,
        )
    for code, area, kind, name, left, operator, right, whole, tolerance, importance in text_figures.FIGURE_RULES:
        performance.validation_rule_set(
            actor=None,
            code=code,
            area=area,
            kind=kind,
            name=name,
            left_series=left,
            operator=operator,
            right_series=right,
            whole_series=whole,
            tolerance=Decimal(str(tolerance)),
            importance=importance,
        )


def load_report2018() -> None:
    load_plan()
    load_staffing()
    load_budget()
    load_indicators()
    load_job_targets()
    load_rules()
    load_programme_figures()
    performance.validation_run(year=YEAR, as_of=r.JOB_TARGETS_AS_OF)
