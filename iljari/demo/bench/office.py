"""The office's pages at city scale: the dashboard (office manager; division staff, narrowed to a division), the
district officer's view of their district, and the business report in HTML and PDF.

Each reference is the raw SQL of the figures the page shows, run directly on `connection.cursor()` in the same run:
the page's cost over what the database must do anyway."""

from __future__ import annotations

import statistics

from iljari.core.access import figures_unit_path
from iljari.core.roles import Role
from iljari.demo.bench.base import Context, Result, percentile, scenario
from iljari.demo.bench.measure import client_as, request_profile, time_get, time_sql
from iljari.participation.selectors import worksite_years

DASHBOARD_GOAL = "p95 < 300 ms, ≤ 2× the raw SQL"
REPORT_GOAL = "< 5 s, < 1 GB peak memory"

# The latest budget snapshot of each line of the year on or before the date, summed by the unit's path.
BUDGET_SQL = """
SELECT u.path, SUM(s.current_budget), SUM(s.committed), SUM(s.spent), MAX(s.as_of)
FROM finance_budgetsnapshot s
JOIN finance_budgetline l ON l.id = s.line_id
JOIN org_orgunit u ON u.id = l.org_unit_id
WHERE l.year = %s AND u.path LIKE %s
  AND s.as_of = (SELECT MAX(s2.as_of) FROM finance_budgetsnapshot s2 WHERE s2.line_id = s.line_id AND s2.as_of <= %s)
GROUP BY u.path ORDER BY u.path
"""
# The movements (grants' disbursements, returns) dated after each line's latest snapshot and on or before the date.
MOVEMENTS_SQL = """
SELECT u.path, SUM(m.committed), SUM(m.spent), MAX(m."on")
FROM finance_budgetmovement m
JOIN finance_budgetline l ON l.id = m.line_id
JOIN org_orgunit u ON u.id = l.org_unit_id
WHERE l.year = %s AND u.path LIKE %s AND m."on" <= %s
  AND NOT EXISTS (SELECT 1 FROM finance_budgetsnapshot s WHERE s.line_id = m.line_id AND s.as_of >= m."on"
                  AND s.as_of <= %s)
GROUP BY u.path ORDER BY u.path
"""
# The dashboard shows the job targets by group and kind (the programmes' rows are on /performance/jobs/): each
# target's latest achievement on or before the date, summed by group and kind — the programmes' rows by group.
JOBS_SQL = """
SELECT t.target_group, CASE WHEN t.programme_id IS NULL THEN t.kind ELSE '' END, t.programme_id IS NULL,
       SUM(t.target), SUM(a.achieved), MAX(a.as_of)
FROM performance_jobtarget t
LEFT JOIN performance_jobachievement a ON a.job_target_id = t.id AND a.as_of = (
    SELECT MAX(a2.as_of) FROM performance_jobachievement a2 WHERE a2.job_target_id = t.id AND a2.as_of <= %s)
WHERE t.year = %s
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
"""
INDICATORS_SQL = """
SELECT i.id, i.name, v.year, v.kind, v.value, v.as_of
FROM performance_indicator i
LEFT JOIN org_orgunit u ON u.id = i.division_id
JOIN performance_indicatorvalue v ON v.indicator_id = i.id
WHERE v.year BETWEEN %s AND %s AND v.as_of <= %s AND (u.path IS NULL OR u.path LIKE %s)
ORDER BY i."order", i.code, v.year, v.kind, v.as_of
"""
MILESTONES_SQL = """
SELECT m.id, m.title, p.code
FROM plan_milestone m
JOIN plan_programme p ON p.id = m.programme_id
JOIN org_orgunit u ON u.id = p.division_id
JOIN plan_objective o ON o.id = p.objective_id
JOIN plan_vision v ON v.id = o.vision_id
WHERE v.year = %s AND m.state = 'planned' AND COALESCE(m."end", m.start) < %s AND u.path LIKE %s
ORDER BY p.code, m."order"
"""
FAILED_SQL = """
SELECT r.id, r.subject, r.left_value, r.right_value FROM performance_validationresult r
WHERE r.year = %s AND r.outcome = 'failed' ORDER BY r.id
"""
PROGRAMMES_SQL = """
SELECT p.id, p.code, p.title, p.budget, p.purposes FROM plan_programme p
JOIN plan_objective o ON o.id = p.objective_id JOIN plan_vision v ON v.id = o.vision_id
WHERE v.year = %s ORDER BY o.number, p.number
"""
FACTS_SQL = """
SELECT f.programme_id, f."order", f.label, f.value, f.notes FROM plan_programmefact f
JOIN plan_programme p ON p.id = f.programme_id
JOIN plan_objective o ON o.id = p.objective_id JOIN plan_vision v ON v.id = o.vision_id
WHERE v.year = %s ORDER BY f.programme_id, f."order"
"""
ALL_MILESTONES_SQL = """
SELECT m.programme_id, m."order", m.title, m.state, m.start, m."end" FROM plan_milestone m
JOIN plan_programme p ON p.id = m.programme_id
JOIN plan_objective o ON o.id = p.objective_id JOIN plan_vision v ON v.id = o.vision_id
WHERE v.year = %s ORDER BY m.programme_id, m."order"
"""
STAFFING_SQL = """
SELECT q.org_unit_id, q.job_series, q.grade, q.authorized, q.current FROM finance_staffingquota q
WHERE q.as_of = (SELECT MAX(q2.as_of) FROM finance_staffingquota q2 WHERE q2.as_of <= %s)
"""
# The district officer's worksite page: the district's worksites of the year's programmes counted (the first page,
# and how many there are), and the selected applicants of the district's quotas not yet placed, per call.
DISTRICT_SQL = """
SELECT w.id, w.code, w.name, COUNT(p.id), SUM(CASE WHEN p.status = 'active' THEN 1 ELSE 0 END)
FROM participation_worksite w
JOIN plan_programme pr ON pr.id = w.programme_id
JOIN plan_objective o ON o.id = pr.objective_id JOIN plan_vision v ON v.id = o.vision_id
LEFT JOIN participation_placement p ON p.worksite_id = w.id
WHERE w.district_id = %s AND v.year = %s GROUP BY w.id, w.code, w.name, pr.code ORDER BY pr.code, w.code LIMIT 20
"""
DISTRICT_COUNT_SQL = """
SELECT COUNT(*) FROM participation_worksite w
JOIN plan_programme pr ON pr.id = w.programme_id
JOIN plan_objective o ON o.id = pr.objective_id JOIN plan_vision v ON v.id = o.vision_id
WHERE w.district_id = %s AND v.year = %s
"""
WAITING_SQL = """
SELECT a.call_id, COUNT(*) FROM intake_application a
JOIN intake_quota q ON q.id = a.quota_id
JOIN intake_call c ON c.id = a.call_id
JOIN participation_programmeterms t ON t.programme_id = c.programme_id
WHERE a.status = 'selected' AND a.placed_at IS NULL AND q.district_id = %s
GROUP BY a.call_id
"""


def _dashboard_sql(ctx: Context, path: str) -> list[tuple[str, list]]:
    like = path + "%"
    return [
        (BUDGET_SQL, [ctx.year, like, ctx.as_of]),
        (MOVEMENTS_SQL, [ctx.year, like, ctx.as_of, ctx.as_of]),
        (JOBS_SQL, [ctx.as_of, ctx.year]),
        (INDICATORS_SQL, [ctx.year - 2, ctx.year + 2, ctx.as_of, like]),
        (MILESTONES_SQL, [ctx.year, ctx.as_of, like]),
        (FAILED_SQL, [ctx.year]),
    ]


def _page(ctx: Context, *, name: str, role: str, path: str, statements, goal: str = DASHBOARD_GOAL) -> Result:
    client, _ = client_as(role)
    ctx.say(f"  {name}: {path}")
    cpu: list[float] = []
    timings = time_get(client, path, ctx.repeat, cpu)
    reference = time_sql(statements, ctx.repeat)
    resident, python_peak, queries = request_profile(client, path)
    result = Result(
        name=name,
        goal=goal,
        timings_s=timings,
        reference="raw SQL of the page's figures",
        reference_timings_s=reference,
        peak_mb=resident,
        note=f"{queries} queries, app CPU {statistics.median(cpu) * 1000:.0f} ms, Python peak {python_peak:.1f} MB",
    )
    result.met = result.p95_s < 0.3 and result.ratio is not None and result.ratio <= 2
    return result


@scenario(10)
def dashboard_office_manager(ctx: Context) -> Result:
    return _page(
        ctx,
        name="dashboard, office manager",
        role=Role.OFFICE_MANAGER,
        path=f"/office/?year={ctx.year}&as_of={ctx.as_of}",
        statements=_dashboard_sql(ctx, ""),
    )


@scenario(11)
def dashboard_division_staff(ctx: Context) -> Result:
    _, user = client_as(Role.DIVISION_STAFF)
    return _page(
        ctx,
        name="dashboard, division staff (one division)",
        role=Role.DIVISION_STAFF,
        path=f"/office/?year={ctx.year}&as_of={ctx.as_of}",
        statements=_dashboard_sql(ctx, figures_unit_path(user) or ""),
    )


@scenario(12)
def district_officer(ctx: Context) -> Result:
    """A district officer has no office dashboard (access_office_figures_view: office-wide roles only); their view
    of the office is their district's worksites with the placements counted: measured against the same goal."""
    _, user = client_as(Role.DISTRICT_OFFICER)
    year = worksite_years()[0]  # the page shows the newest year's worksites
    result = _page(
        ctx,
        name="district officer: the district's worksites",
        role=Role.DISTRICT_OFFICER,
        path="/participation/",
        statements=[
            (DISTRICT_SQL, [user.district_id, year]),
            (DISTRICT_COUNT_SQL, [user.district_id, year]),
            (WAITING_SQL, [user.district_id]),
        ],
    )
    result.note += "; no office dashboard for this role (access rules), its worksite page instead"
    return result


def _report(ctx: Context, fmt: str, repeat: int) -> Result:
    client, _ = client_as(Role.OFFICE_MANAGER)
    path = f"/office/business/?year={ctx.year}&as_of={ctx.as_of}&format={fmt}"
    ctx.say(f"  business report {fmt}: {path}")
    cpu: list[float] = []
    timings = time_get(client, path, repeat, cpu)
    statements = [
        *_dashboard_sql(ctx, ""),
        (PROGRAMMES_SQL, [ctx.year]),
        (FACTS_SQL, [ctx.year]),
        (ALL_MILESTONES_SQL, [ctx.year]),
        (STAFFING_SQL, [ctx.as_of]),
    ]
    reference = time_sql(statements, ctx.repeat)
    resident, python_peak, queries = request_profile(client, path)
    result = Result(
        name=f"business report, {fmt}",
        goal=REPORT_GOAL,
        timings_s=timings,
        reference="raw SQL of its figures",
        reference_timings_s=reference,
        peak_mb=resident,
        note=f"{queries} queries, app CPU {statistics.median(cpu) * 1000:.0f} ms, Python peak {python_peak:.1f} MB",
    )
    peak_ok = resident is None or resident < 1024
    result.met = percentile(timings, 1.0) < 5 and peak_ok and python_peak < 1024
    return result


@scenario(20)
def business_report_html(ctx: Context) -> Result:
    return _report(ctx, "html", ctx.repeat)


@scenario(21)
def business_report_pdf(ctx: Context) -> Result:
    return _report(ctx, "pdf", ctx.heavy_repeat)
