"""The office pages and report files as one group (`iljari bench --only pages`): the timings the former
`reports` bench command took on the demo data, kept so that a run on the demo database still compares with the
earlier figures. No goal of their own: the city-scale goals are the office module's."""

from __future__ import annotations

import statistics

from iljari.core.roles import Role
from iljari.demo.bench.base import Context, Result, scenario
from iljari.demo.bench.measure import client_as, request_profile, time_get

PAGES = [
    ("page: dashboard, office manager", Role.OFFICE_MANAGER, "/office/?year={year}&as_of={as_of}", False),
    ("page: dashboard, division staff", Role.DIVISION_STAFF, "/office/?year={year}&as_of={as_of}", False),
    ("page: business report, md", Role.OFFICE_MANAGER, "/office/business/?year={year}&as_of={as_of}&format=md", False),
    ("page: business report, xlsx", Role.OFFICE_MANAGER, "/office/business/?year={year}&as_of={as_of}&format=xlsx",
     False),
    ("page: business report, hwpx", Role.OFFICE_MANAGER, "/office/business/?year={year}&as_of={as_of}&format=hwpx",
     True),
    ("page: plan overview", Role.OFFICE_MANAGER, "/plan/?year={year}", False),
    ("page: job targets", Role.OFFICE_MANAGER, "/performance/jobs/?year={year}&as_of={as_of}", False),
]  # fmt: skip


@scenario(900)
def pages(ctx: Context) -> list[Result]:
    results = []
    for name, role, template, heavy in PAGES:
        client, _ = client_as(role)
        path = template.format(year=ctx.year, as_of=ctx.as_of)
        ctx.say(f"  {name}: {path}")
        cpu: list[float] = []
        timings = time_get(client, path, ctx.heavy_repeat if heavy else ctx.repeat, cpu)
        resident, python_peak, queries = request_profile(client, path)
        results.append(
            Result(
                name=name,
                goal="—",
                timings_s=timings,
                peak_mb=resident,
                note=f"{queries} queries, app CPU {statistics.median(cpu) * 1000:.0f} ms, "
                f"Python peak {python_peak:.1f} MB",
            )
        )
    return results
