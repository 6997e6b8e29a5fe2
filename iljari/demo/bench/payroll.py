"""The payroll benchmark: a month's deductions and net pay (payroll.deductions_compute) for PLACEMENTS placements
(goal < 10 s), against the reference measured in the same run: the same month's gross pay (participation's
pay_compute) for the same placements, the set-based step it builds on."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from iljari.core.bulk import rows_insert
from iljari.demo.bench.base import Context, Result, scenario
from iljari.demo.bench.data import bench_programme, rolled_back, synthetic_people, time_rolled_back
from iljari.participation import services as participation
from iljari.participation.models import Placement, WorkRecord, Worksite
from iljari.payroll import services as payroll

PLACEMENTS = 10_000
MONTH = date(2019, 10, 1)  # after the demo's placements end (2018-12-31): the month holds only the bench's people


@scenario(45)
def payroll_month(ctx: Context) -> Result:
    programme = bench_programme(with_terms=True)
    with rolled_back():
        people = synthetic_people(PLACEMENTS, seed=26)
        worksites = [
            Worksite.objects.create(
                code=f"BENCH-PAY-{i}", programme=programme, name=f"벤치 사업장 {i}", operator="city"
            )
            for i in range(10)
        ]
        rows_insert(
            Placement,
            ("person", "programme", "worksite", "target_group", "start_date", "end_date", "weekly_hours",
             "hourly_wage"),
            (
                (person_id, programme.pk, worksites[index % 10].pk, "youth", date(2019, 9, 2), date(2019, 12, 31),
                 Decimal(40) if index % 5 else Decimal(14), 10_148)
                for index, person_id in enumerate(people)
            ),
        )  # fmt: skip
        placements = Placement.objects.filter(worksite__in=worksites).values_list("pk", flat=True)
        rows_insert(
            WorkRecord,
            ("placement", "month", "days_worked", "hours_worked", "full_weeks"),
            ((pk, MONTH, 20, 160, 4) for pk in placements),
        )
        reference, _ = time_rolled_back(lambda: participation.pay_compute(actor=None, month=MONTH), ctx.heavy_repeat)
        participation.pay_compute(actor=None, month=MONTH)
        timings, run = time_rolled_back(lambda: payroll.deductions_compute(actor=None, month=MONTH), ctx.heavy_repeat)
    return Result(
        name=f"payroll deductions and net pay, {PLACEMENTS:,} payments",
        goal="< 10 s",
        timings_s=timings,
        met=max(timings) < 10,
        reference=f"the month's gross pay (pay_compute) for the same {PLACEMENTS:,} placements",
        reference_timings_s=reference,
        note=f"{run.count:,} lines written with their change history; net {run.net:,}원, employer {run.employer:,}원",
    )
