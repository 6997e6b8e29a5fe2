"""The transfer benchmark: a confirmed month of PARTICIPANTS people at one district worksite paid 시 70 : 구 30 —
the transfer batches made (a line per person and paying body, pointing at the person's account) and the bank files
written (every account decrypted, fixed-width CP949) — goal < 5 s, against the reference measured in the same run:
the same month's deductions and net pay (payroll.deductions_compute) for the same people, the step it builds on."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils import timezone

from iljari.core.bulk import rows_insert
from iljari.demo.bench.base import Context, Result, scenario
from iljari.demo.bench.data import bench_programme, rolled_back, synthetic_people, time_rolled_back
from iljari.org.models import District
from iljari.participation import services as participation
from iljari.participation.models import Placement, ProgrammeTerms, WorkRecord, Worksite
from iljari.payroll import services as payroll
from iljari.payroll import transfers
from iljari.people.models import PayAccount, Person

PARTICIPANTS = 10_000
MONTH = date(2018, 10, 1)


@scenario(30)
def payroll_transfer(ctx: Context) -> Result:
    programme = bench_programme(with_terms=True)
    with rolled_back():
        ProgrammeTerms.objects.filter(programme=programme).update(city_share_percent=70)
        people = synthetic_people(PARTICIPANTS, seed=27)
        district = District.objects.order_by("pk").first()
        worksite = Worksite.objects.create(
            code="BENCH-TRANSFER", programme=programme, name="벤치 이체 사업장", operator="district", district=district
        )
        rows_insert(
            Placement,
            ("person", "programme", "worksite", "target_group", "start_date", "end_date", "weekly_hours",
             "hourly_wage"),
            ((person_id, programme.pk, worksite.pk, "youth", date(2018, 9, 3), date(2018, 12, 31), Decimal(40), 9_220)
             for person_id in people),
        )  # fmt: skip
        placements = Placement.objects.filter(worksite=worksite).values_list("pk", flat=True)
        rows_insert(
            WorkRecord,
            ("placement", "month", "days_worked", "hours_worked", "full_weeks"),
            ((pk, MONTH, 20, 160, 4) for pk in placements),
        )
        names = dict(Person.objects.filter(pk__in=people).values_list("pk", "name"))
        now = timezone.now()
        rows_insert(
            PayAccount,
            ("person", "bank_code", "number", "holder", "holder_differs", "created_at", "updated_at"),
            ((pk, "004", f"{100000000000 + index}", names[pk], False, now, now) for index, pk in enumerate(people)),
        )
        participation.pay_compute(actor=None, month=MONTH, worksite=worksite)
        reference, _ = time_rolled_back(
            lambda: payroll.deductions_compute(actor=None, month=MONTH, worksite=worksite), ctx.heavy_repeat
        )
        payroll.deductions_compute(actor=None, month=MONTH, worksite=worksite)
        participation.pay_confirm(actor=None, worksite=worksite, month=MONTH)

        def run():
            batches = transfers.transfer_batches_make(actor=None, worksite=worksite, month=MONTH)
            return batches, [transfers.transfer_file(batch=batch) for batch in batches]

        timings, (batches, files) = time_rolled_back(run, ctx.heavy_repeat)
    lines = sum(batch.count for batch in batches)
    total = sum(batch.total for batch in batches)
    size = sum(len(data) for data in files)
    return Result(
        name=f"payroll transfer files, {PARTICIPANTS:,} participants",
        goal="< 5 s",
        timings_s=timings,
        met=max(timings) < 5,
        reference=f"the month's deductions and net pay (deductions_compute) for the same {PARTICIPANTS:,} people",
        reference_timings_s=reference,
        note=f"{len(batches)} batches, {lines:,} lines, {total:,}원, {size:,} bytes of bank files",
    )
