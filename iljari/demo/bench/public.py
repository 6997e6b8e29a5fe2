"""The pages open to all at city scale, as a visitor not logged in reads them (`iljari bench --only public`): the
public call list (its first page, and a search with filters) and one call's public page (the call with the most
quotas). Goal p95 < 100 ms; the reference, measured in the same run, is the raw SQL of what each page shows."""

from __future__ import annotations

import statistics

from django.db.models import Count
from django.test import Client
from django.utils import timezone

from iljari.demo.bench.base import Context, Result, scenario
from iljari.demo.bench.measure import ScenarioError, request_profile, time_get, time_sql
from iljari.intake.models import Call

GOAL = "p95 < 100 ms (anonymous)"

# The list's filter choices: the programmes with a published call, the districts with a quota in one.
FILTERS_SQL = [
    (
        "SELECT p.code, p.title FROM plan_programme p WHERE EXISTS (SELECT 1 FROM intake_call c WHERE c.programme_id"
        " = p.id AND c.audience = 'people' AND c.published_at IS NOT NULL) ORDER BY p.code",
        [],
    ),
    (
        "SELECT d.code, d.name FROM org_district d WHERE EXISTS (SELECT 1 FROM intake_quota q JOIN intake_call c ON"
        " c.id = q.call_id WHERE q.district_id = d.id AND c.audience = 'people' AND c.published_at IS NOT NULL)"
        " ORDER BY d.sort_order, d.code",
        [],
    ),
]
# One page of 20 calls with their places, newest opening first, and the count for the pager.
PAGE_SQL = """
SELECT c.id, c.code, c.title, c.opens_at, c.closes_at, c.announce_on, c.target_group, p.title,
       COALESCE((SELECT SUM(q.places) FROM intake_quota q WHERE q.call_id = c.id), 0)
FROM intake_call c JOIN plan_programme p ON p.id = c.programme_id
WHERE c.audience = 'people' AND c.published_at IS NOT NULL {where}
ORDER BY c.opens_at DESC, c.id DESC LIMIT 20
"""
COUNT_SQL = "SELECT COUNT(*) FROM intake_call c WHERE c.audience = 'people' AND c.published_at IS NOT NULL {where}"
SEARCH_WHERE = "AND c.closes_at <= %s AND c.title LIKE %s AND c.target_group = %s"
CALL_SQL = [
    (
        "SELECT c.*, p.title, u.name FROM intake_call c JOIN plan_programme p ON p.id = c.programme_id"
        " JOIN org_orgunit u ON u.id = p.division_id WHERE c.code = %s AND c.published_at IS NOT NULL",
        None,
    ),
    (
        "SELECT q.*, d.name FROM intake_quota q LEFT JOIN org_district d ON d.id = q.district_id"
        ' WHERE q.call_id = %s ORDER BY q."order", q.code',
        None,
    ),
    ('SELECT * FROM intake_eligibilityrule WHERE call_id = %s ORDER BY "order", id', None),
    ("SELECT * FROM intake_priorityrule WHERE call_id = %s", None),
]


def _result(ctx: Context, name: str, path: str, statements) -> Result:
    client = Client()  # a visitor: no login
    ctx.say(f"  {name}: {path}")
    cpu: list[float] = []
    timings = time_get(client, path, ctx.repeat, cpu)
    reference = time_sql(statements, ctx.repeat)
    resident, python_peak, queries = request_profile(client, path)
    result = Result(
        name=name,
        goal=GOAL,
        timings_s=timings,
        reference="raw SQL of what the page shows",
        reference_timings_s=reference,
        peak_mb=resident,
        note=f"{queries} queries, app CPU {statistics.median(cpu) * 1000:.0f} ms, Python peak {python_peak:.1f} MB",
    )
    result.met = result.p95_s < 0.1
    return result


def _published() -> int:
    count = Call.objects.filter(audience="people", published_at__isnull=False).count()
    if not count:
        raise ScenarioError("게시된 모집공고가 없습니다: 먼저 `iljari generate --scale city`를 실행하십시오.")
    return count


@scenario(60)
def public_call_list(ctx: Context) -> list[Result]:
    calls = _published()
    first = _result(
        ctx,
        f"public call list, first page ({calls:,} calls)",
        "/portal/calls/",
        [*FILTERS_SQL, (PAGE_SQL.format(where=""), []), (COUNT_SQL.format(where=""), [])],
    )
    search = (timezone.now(), "%모집%", "youth")
    searched = _result(
        ctx,
        "public call list, closed youth calls searched by title",
        "/portal/calls/?status=closed&target=youth&q=%EB%AA%A8%EC%A7%91",
        [
            *FILTERS_SQL,
            (PAGE_SQL.format(where=SEARCH_WHERE), list(search)),
            (COUNT_SQL.format(where=SEARCH_WHERE), list(search)),
        ],
    )
    return [first, searched]


@scenario(61)
def public_call_page(ctx: Context) -> Result:
    _published()
    call = (
        Call.objects.filter(audience="people", published_at__isnull=False)
        .annotate(quotas_count=Count("quotas"))
        .order_by("-quotas_count", "code")
        .first()
    )
    statements = [(sql, [call.code] if n == 0 else [call.pk]) for n, (sql, _) in enumerate(CALL_SQL)]
    return _result(
        ctx, f"public call page ({call.quotas_count} quotas)", f"/portal/calls/{call.code}/info/", statements
    )
