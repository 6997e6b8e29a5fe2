"""Opening a year at city scale ("2019년 준비", core.years): the year after the bench's year opened from it — its
budget lines, vision, objectives, core tasks, continuing programmes (about 200 a year at city scale; 1,000 over the
generated years) with their facts and budget-line links, and the job-target rows — through `year_open`, with its
change-history entries, each run inside a savepoint rolled back afterwards.

The reference is the raw SQL of the same rows in the same run: one INSERT … SELECT per table (no history, no checks),
also rolled back: the opening's cost over what the database must do anyway."""

from __future__ import annotations

import time

from django.db import connection

from iljari.core.years import year_open
from iljari.demo.bench.base import Context, Result, scenario
from iljari.demo.bench.data import rolled_back, time_rolled_back
from iljari.plan.models import Programme

GOAL_S = 10.0
GOAL = f"< {GOAL_S:.0f} s"

# The programme's code in the new year (plan.year_opening.programme_code_next) written in SQL: put in for the
# @next_code@ marks below (a constant of this module; every value is a parameter).
NEXT_CODE = (
    "CASE WHEN p.code LIKE %(like)s THEN REPLACE(p.code, %(from_text)s, %(to_text)s) ELSE p.code || %(suffix)s END"
)

_REFERENCE_SQL = [
    """INSERT INTO finance_budgetline (created_at, updated_at, year, org_unit_id, code, name, source)
       SELECT CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, %(to_year)s, l.org_unit_id, l.code, l.name, l.source
       FROM finance_budgetline l WHERE l.year = %(from_year)s AND l.retired_on IS NULL""",
    """INSERT INTO plan_vision (created_at, updated_at, year, statement)
       SELECT CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, %(to_year)s, v.statement FROM plan_vision v
       WHERE v.year = %(from_year)s""",
    """INSERT INTO plan_objective (created_at, updated_at, vision_id, number, title)
       SELECT CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, nv.id, o.number, o.title
       FROM plan_objective o JOIN plan_vision v ON v.id = o.vision_id JOIN plan_vision nv ON nv.year = %(to_year)s
       WHERE v.year = %(from_year)s AND o.retired_on IS NULL""",
    """INSERT INTO plan_coretask (created_at, updated_at, objective_id, "order", title)
       SELECT CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, no.id, t."order", t.title
       FROM plan_coretask t JOIN plan_objective o ON o.id = t.objective_id JOIN plan_vision v ON v.id = o.vision_id
       JOIN plan_vision nv ON nv.year = %(to_year)s JOIN plan_objective no ON no.vision_id = nv.id
        AND no.number = o.number
       WHERE v.year = %(from_year)s AND t.retired_on IS NULL""",
    """INSERT INTO plan_programme (created_at, updated_at, objective_id, number, code, title, division_id, purposes,
                                    budget, budget_note)
       SELECT CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, no.id, p.number, @next_code@, p.title,
              p.division_id, p.purposes, NULL, ''
       FROM plan_programme p JOIN plan_objective o ON o.id = p.objective_id JOIN plan_vision v ON v.id = o.vision_id
       JOIN plan_vision nv ON nv.year = %(to_year)s JOIN plan_objective no ON no.vision_id = nv.id
        AND no.number = o.number
       WHERE v.year = %(from_year)s AND p.retired_on IS NULL""",
    """INSERT INTO plan_programmefact (created_at, updated_at, programme_id, "order", label, value, notes)
       SELECT CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, np.id, f."order", f.label, f.value, f.notes
       FROM plan_programmefact f JOIN plan_programme p ON p.id = f.programme_id
       JOIN plan_programme np ON np.code = @next_code@
       JOIN plan_objective o ON o.id = p.objective_id JOIN plan_vision v ON v.id = o.vision_id
       WHERE v.year = %(from_year)s""",
    """INSERT INTO plan_programme_budget_lines (programme_id, budgetline_id)
       SELECT np.id, nl.id
       FROM plan_programme_budget_lines pl JOIN plan_programme p ON p.id = pl.programme_id
       JOIN finance_budgetline l ON l.id = pl.budgetline_id
       JOIN plan_programme np ON np.code = @next_code@
       JOIN finance_budgetline nl ON nl.year = %(to_year)s AND nl.code = l.code
       JOIN plan_objective o ON o.id = p.objective_id JOIN plan_vision v ON v.id = o.vision_id
       WHERE v.year = %(from_year)s""",
    """INSERT INTO performance_jobtarget (created_at, updated_at, year, target_group, kind, programme_id,
                                           programme_names, division_id, target, budget, "order")
       SELECT CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, %(to_year)s, t.target_group, t.kind, np.id, t.programme_names,
              t.division_id, NULL, NULL, t."order"
       FROM performance_jobtarget t LEFT JOIN plan_programme p ON p.id = t.programme_id
       LEFT JOIN plan_programme np ON np.code = @next_code@
       WHERE t.year = %(from_year)s AND t.retired_on IS NULL AND (t.programme_id IS NULL OR np.id IS NOT NULL)""",
]


REFERENCE_SQL = [sql.replace("@next_code@", NEXT_CODE) for sql in _REFERENCE_SQL]


def _reference(from_year: int, to_year: int) -> int:
    """Run the reference; returns the number of rows it inserted."""
    params = {
        "from_year": from_year,
        "to_year": to_year,
        "like": f"%{from_year}%",
        "from_text": str(from_year),
        "to_text": str(to_year),
        "suffix": f"-{to_year}",
    }
    rows = 0
    with connection.cursor() as cursor:
        for sql in REFERENCE_SQL:
            cursor.execute(sql, params)
            rows += cursor.rowcount
    return rows


@scenario(60)
def year_opening(ctx: Context) -> Result:
    from_year, to_year = ctx.year, ctx.year + 1
    programmes = Programme.objects.filter(objective__vision__year=from_year).count()
    ctx.say(f"  {from_year}년에서 {to_year}년 준비: 주요업무 {programmes:,}개")
    timings, opening = time_rolled_back(
        lambda: year_open(actor=None, to_year=to_year, from_year=from_year), ctx.heavy_repeat
    )
    reference, reference_rows = [], 0
    for _ in range(ctx.heavy_repeat):
        with rolled_back():
            start = time.perf_counter()
            reference_rows = _reference(from_year, to_year)
            reference.append(time.perf_counter() - start)
    result = Result(
        name=f"opening {to_year} from {from_year}, {programmes:,} programmes",
        goal=GOAL,
        timings_s=timings,
        reference="raw INSERT … SELECT of the same rows (no history, no checks)",
        reference_timings_s=reference,
        note=f"{opening.total:,} rows created ({reference_rows:,} by the reference): "
        + ", ".join(f"{label} {count:,}" for label, count in opening.created if count),
    )
    result.met = result.median_s < GOAL_S
    return result
