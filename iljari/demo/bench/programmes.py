"""The people programmes' batch work at city scale, on synthetic rows inside a transaction that is rolled back:

- eligibility of APPLICANTS applicants (goal < 30 s);
- selection of the same APPLICANTS applications into QUOTAS quotas (goal < 5 s), against ranking the same rows in
  SQL (a window function per quota, the places taken) as the reference;
- a month's pay for PLACEMENTS placements (no goal: the figure is kept);
- an Excel import of IMPORT_ROWS paper applications with every check (goal < 60 s), against openpyxl's read-only
  parse of the same file as the reference;
- a worksite's month of WORK_RECORD_ROWS work records uploaded again with one row in a hundred changed (no goal: the
  figure is kept), against the same parse.

Each timed run is itself rolled back (a savepoint), so every run does the whole work on the same rows. The sizes
are module constants: the tests set them small."""

from __future__ import annotations

import io
import random
import time
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import connection
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from iljari.core.bulk import rows_insert
from iljari.core.models import ChangeBatch
from iljari.core.xlsx import HEADER_ROW
from iljari.demo.bench.base import Context, Result, scenario, time_calls
from iljari.demo.bench.data import bench_programme, rolled_back, synthetic_people, time_rolled_back
from iljari.intake import services as intake
from iljari.intake.models import Application
from iljari.intake.selectors import APPLICANT_COLUMNS
from iljari.org.models import District
from iljari.participation import services as participation
from iljari.participation.models import Placement, WorkRecord, Worksite
from iljari.participation.selectors import WORK_RECORD_COLUMNS

APPLICANTS = 100_000
QUOTAS = 20
PLACEMENTS = 10_000
IMPORT_ROWS = 100_000
WORK_RECORD_ROWS = 100_000
PAY_MONTH = date(2018, 10, 1)
OPENS = datetime(2018, 1, 8, 9)


def _call(programme, code: str, applicants: int, quotas: int, *, opens=None):
    opens = opens or timezone.make_aware(OPENS)
    return intake.call_set(
        actor=None,
        code=code,
        programme=programme,
        title="벤치마크 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=10),
        announce_on=(opens + timedelta(days=20)).date(),
        quotas=[(f"Q{i:02d}", f"구분 {i}", max(applicants // quotas // 5, 1)) for i in range(quotas)],
        eligibility=[
            {"kind": "age_between", "min_value": 18, "max_value": 39, "on_date": date(2018, 1, 1)},
            {"kind": "resides_in_seoul"},
        ],
        priorities=[("basic_livelihood_recipient", 5)],
    )


def _rank_in_sql(call_id: int) -> int:
    """The reference: the same ranking (priority points, then id) and the places taken, per quota, in one SQL
    statement with a window function."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT r.id, r.quota_id, r.rn FROM ("
            "  SELECT a.id, a.quota_id, ROW_NUMBER() OVER ("
            "    PARTITION BY a.quota_id ORDER BY a.priority_points DESC, a.id) AS rn"
            "  FROM intake_application a WHERE a.call_id = %s AND a.status <> 'ineligible'"
            ") r JOIN intake_quota q ON q.id = r.quota_id ORDER BY r.quota_id, r.rn",
            [call_id],
        )
        return len(cursor.fetchall())


@scenario(40)
def people_programme_batches(ctx: Context) -> list[Result]:
    programme = bench_programme()
    results: list[Result] = []
    with rolled_back():
        start = time.perf_counter()
        people = synthetic_people(max(APPLICANTS, PLACEMENTS))
        ctx.say(f"합성 인원 {len(people):,}명: {time.perf_counter() - start:.1f}s")
        call = _call(programme, "BENCH-SELECT", APPLICANTS, QUOTAS)
        quota_ids = list(call.quotas.order_by("order", "code").values_list("pk", flat=True))
        opens = call.opens_at
        rows_insert(
            Application,
            ("call", "person", "quota", "submitted_at", "status", "channel"),
            (
                (call.pk, person_id, quota_ids[index % len(quota_ids)], opens + timedelta(seconds=index), "submitted",
                 "online")
                for index, person_id in enumerate(people[:APPLICANTS])
            ),
        )  # fmt: skip
        timings, (eligible, ineligible) = time_rolled_back(
            lambda: intake.eligibility_run(actor=None, call=call), ctx.heavy_repeat
        )
        results.append(
            Result(
                name=f"eligibility, {APPLICANTS:,} applicants",
                goal="< 30 s",
                timings_s=timings,
                met=max(timings) < 30,
                note=f"{eligible:,} eligible, {ineligible:,} not; each run on fresh rows (rolled back)",
            )
        )
        intake.eligibility_run(actor=None, call=call)  # the selection ranks the checked applications
        timings, run = time_rolled_back(
            lambda: intake.selection_run(actor=None, call=call, seed=2018), ctx.heavy_repeat
        )
        reference = time_calls(lambda: _rank_in_sql(call.pk), ctx.repeat)
        results.append(
            Result(
                name=f"selection, {APPLICANTS:,} applications, {QUOTAS} quotas",
                goal="< 5 s",
                timings_s=timings,
                met=max(timings) < 5,
                reference="ranking the same rows in SQL (ROW_NUMBER() OVER (PARTITION BY quota))",
                reference_timings_s=reference,
                note=f"{run.selected:,} selected, {run.waitlisted:,} waitlisted; result rows and statuses written",
            )
        )
        if hasattr(programme, "participation_terms"):
            results.append(_pay(ctx, programme, people[:PLACEMENTS]))
        else:
            ctx.say("급여 계산: 참여 조건이 있는 사업이 없어 건너뜁니다.")
    return results


def _pay(ctx: Context, programme, people: list[int]) -> Result:
    worksites = [
        Worksite.objects.create(code=f"BENCH-{i}", programme=programme, name=f"벤치 사업장 {i}", operator="city")
        for i in range(10)
    ]
    rows_insert(
        Placement,
        ("person", "programme", "worksite", "target_group", "start_date", "end_date", "weekly_hours", "hourly_wage"),
        (
            (person_id, programme.pk, worksites[index % 10].pk, "youth", date(2018, 9, 3), date(2018, 12, 31),
             Decimal(40), 9_220)
            for index, person_id in enumerate(people)
        ),
    )  # fmt: skip
    placements = Placement.objects.filter(worksite__in=worksites).values_list("pk", flat=True)
    rows_insert(
        WorkRecord,
        ("placement", "month", "days_worked", "hours_worked", "full_weeks"),
        ((pk, PAY_MONTH, 20, 160, 4) for pk in placements),
    )
    timings, _ = time_rolled_back(lambda: participation.pay_compute(actor=None, month=PAY_MONTH), ctx.repeat)
    return Result(
        name=f"monthly pay, {len(people):,} placements",
        goal="—",
        timings_s=timings,
        note="a month's pay under the labour rules, written through rows_insert",
    )


# --- the Excel import ---------------------------------------------------------------------------------------


def applicant_sheet(rows: int, *, quotas: list[str], districts: list[str], seed: int = 7) -> bytes:
    """The upload template's sheet with `rows` new applicants (every cell valid), as an office would fill it."""
    generator = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("신청자 일괄 등록")
    sheet.append(["신청자 일괄 등록"])
    sheet.append(["벤치마크 자료"])
    assert HEADER_ROW == 3
    sheet.append([column.header for column in APPLICANT_COLUMNS])
    for index in range(rows):
        birth = date(1981, 1, 1) + timedelta(days=generator.randrange(0, 365 * 17))
        # a foreign resident's number (7th digit 5: a man born in the 1900s): the generated city's people have
        # 1–4, so no row meets a registered person by chance (whose name would differ: a rejected file)
        rrn = f"{birth:%y%m%d}5{500_000 + index:06d}"
        sheet.append(
            [
                f"엑셀벤치{index}",
                birth.isoformat(),
                "남",
                f"{rrn[:6]}-{rrn[6:]}",
                f"010-{index // 10000:04d}-{index % 10000:04d}",
                generator.choice(districts),
                quotas[index % len(quotas)],
                "아니오",
                "예",
                "예" if generator.random() < 0.05 else "아니오",
                "아니오",
                "아니오",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _parse_only(data: bytes) -> int:
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = sum(1 for _ in workbook.active.iter_rows(min_row=4, values_only=True))
    workbook.close()
    return count


@scenario(41)
def excel_import(ctx: Context) -> Result:
    programme = bench_programme()
    now = timezone.now()
    with rolled_back():
        call = _call(programme, "BENCH-IMPORT", IMPORT_ROWS, 4, opens=now - timedelta(days=1))
        codes = list(call.quotas.order_by("order").values_list("code", flat=True))
        names = list(District.objects.order_by("code").values_list("name", flat=True))
        start = time.perf_counter()
        data = applicant_sheet(IMPORT_ROWS, quotas=codes, districts=names)
        ctx.say(f"엑셀 {IMPORT_ROWS:,}행 ({len(data) / 2**20:.1f} MB): {time.perf_counter() - start:.1f}s")
        timings, ids = time_rolled_back(
            lambda: intake.application_bulk_import(actor=None, call=call, data=data, consented=True, now=now),
            ctx.heavy_repeat,
        )
        reference = time_calls(lambda: _parse_only(data), ctx.heavy_repeat)
    return Result(
        name=f"Excel import, {IMPORT_ROWS:,} rows with full validation",
        goal="< 60 s",
        timings_s=timings,
        met=max(timings) < 60,
        reference="openpyxl read-only parse of the same file",
        reference_timings_s=reference,
        note=f"{len(ids):,} new people registered and applications written; {len(data) / 2**20:.1f} MB file",
    )


# --- a month of work records uploaded again ------------------------------------------------------------------


def work_record_sheet(placements: list[int], *, changed_every: int = 100) -> bytes:
    """The worksite's month sheet for `placements` (20 days, 160 hours, 4 full weeks each), every `changed_every`-th
    row with 152 hours instead."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("근무상황")
    sheet.append(["근무상황"])
    sheet.append(["벤치마크 자료"])
    sheet.append([column.header for column in WORK_RECORD_COLUMNS])
    for index, pk in enumerate(placements):
        hours = 152 if index % changed_every == 0 else 160
        sheet.append([pk, f"벤치{index}", "", 20, hours, 0, 4])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@scenario(42)
def work_record_upload(ctx: Context) -> Result:
    programme = bench_programme(with_terms=True)
    with rolled_back():
        people = synthetic_people(WORK_RECORD_ROWS, seed=3)
        worksite = Worksite.objects.create(
            code="BENCH-WR", programme=programme, name="벤치 근무상황 사업장", operator="city"
        )
        rows_insert(
            Placement,
            ("person", "programme", "worksite", "target_group", "start_date", "end_date", "weekly_hours",
             "hourly_wage"),
            ((person_id, programme.pk, worksite.pk, "youth", date(2018, 9, 3), date(2018, 12, 31), Decimal(40), 9_220)
             for person_id in people),
        )  # fmt: skip
        placements = list(Placement.objects.filter(worksite=worksite).order_by("pk").values_list("pk", flat=True))
        rows_insert(
            WorkRecord,
            ("placement", "month", "days_worked", "hours_worked", "full_weeks"),
            ((pk, PAY_MONTH, 20, 160, 4) for pk in placements),
        )
        data = work_record_sheet(placements)

        def upload():
            participation.work_record_import(actor=None, worksite=worksite, month=PAY_MONTH, data=data)
            return ChangeBatch.objects.filter(kind="participation.work_records").order_by("-pk").first()

        timings, batch = time_rolled_back(upload, ctx.heavy_repeat)
        reference = time_calls(lambda: _parse_only(data), ctx.heavy_repeat)
    return Result(
        name=f"work records uploaded again, {WORK_RECORD_ROWS:,} rows, 1 in 100 changed",
        goal="—",
        timings_s=timings,
        reference="openpyxl read-only parse of the same file",
        reference_timings_s=reference,
        note=(
            f"{len(placements):,} rows checked against each placement's calendar; {batch.changed:,} changed, "
            f"{batch.unchanged:,} unchanged (one bulk change, an entry per changed row)"
        ),
    )
