"""performance's step of opening a year (core.years): the indicators' new-year targets and the job-target rows.

- Indicators are not kept per year (their yearly targets and actuals are IndicatorValue rows): nothing of them is
  created. The preview lists the indicators in use with the new year's target already set (the 2018 report printed
  the 2019 and 2020 targets) and says how many have none yet.
- Each job-target row of from_year in use (target group × direct/indirect × programme) is carried into the new year
  with its division, programme names and order, and without figures (target and budget empty: set anew). A row of a
  programme is carried to the programme's continuation (plan.year_opening.programme_year_map); a row whose programme
  does not continue is left behind. A row the new year already has (same group, kind and programme) is left as it is.
Set-based: a fixed number of queries and one bulk insert (with its change-history entries).
"""

from __future__ import annotations

from iljari.core.formats import format_number
from iljari.core.history import history_bulk_created
from iljari.core.years import PreviewPart
from iljari.performance.models import Indicator, IndicatorValue, JobTarget
from iljari.plan.models import Programme
from iljari.plan.year_opening import programme_code_next, programme_year_map

JOB_TARGETS = "일자리 목표(수치 없이)"


def _indicator_part(to_year: int) -> PreviewPart:
    indicators = list(Indicator.objects.filter(retired_on__isnull=True).order_by("order", "code"))
    targets = dict(
        IndicatorValue.objects.filter(year=to_year, kind=IndicatorValue.Kind.TARGET)
        .order_by("indicator_id", "as_of")
        .values_list("indicator_id", "value")
    )  # the newest target of each (ordered by date: the last one wins)
    with_target = [i for i in indicators if i.pk in targets]
    lacking = len(indicators) - len(with_target)
    note = f"{lacking}개 지표는 {to_year}년 목표가 아직 없습니다(지표 화면에서 정합니다)." if lacking else ""
    return PreviewPart(
        f"정책지표 {to_year}년 목표",
        [],
        [f"{i.name}: {format_number(targets[i.pk])}{i.unit}" for i in with_target],
        note=note,
        informational=True,
    )


def _key(row: JobTarget, programme_id) -> tuple:
    return (row.target_group, row.kind, programme_id)


def _job_targets(from_year: int, to_year: int, programmes: dict[int, int] | None):
    """(rows to carry with their new programme id, rows to_year has). `programmes` maps from_year programme ids to
    to_year's; None in a preview, where the programmes to be carried are counted as if already there."""
    existing = list(JobTarget.objects.filter(year=to_year).select_related("programme").order_by("order", "pk"))
    keys = {_key(row, row.programme_id) for row in existing}
    if programmes is None:
        continuing = set(
            Programme.objects.filter(objective__vision__year=from_year, retired_on__isnull=True).values_list(
                "pk", flat=True
            )
        )
        programmes = {**{pk: None for pk in continuing}, **programme_year_map(from_year, to_year)}
    carried = []
    for row in JobTarget.objects.filter(year=from_year, retired_on__isnull=True).select_related("programme"):
        if row.programme_id is not None and row.programme_id not in programmes:
            continue  # its programme does not continue
        new_programme = None if row.programme_id is None else programmes[row.programme_id]
        if new_programme is not None and _key(row, new_programme) in keys:
            continue
        if row.programme_id is None and _key(row, None) in keys:
            continue
        carried.append((row, new_programme))
    return carried, existing


def _describe(row: JobTarget, from_year: int, to_year: int) -> str:
    where = ""
    if row.programme_id is not None:
        where = f" · {programme_code_next(row.programme.code, from_year, to_year)}"
    return f"{row.label}{where}{' · ' + row.programme_names if row.programme_names else ''}"


def preview(from_year: int, to_year: int) -> list[PreviewPart]:
    carried, existing = _job_targets(from_year, to_year, None)
    return [
        _indicator_part(to_year),
        PreviewPart(
            JOB_TARGETS,
            [_describe(row, from_year, to_year) for row, _ in carried],
            [f"{row.label}{' · ' + row.programme.code if row.programme_id else ''}" for row in existing],
            note="목표(개)와 예산은 비워 두고 새로 정합니다.",
        ),
    ]


def open_year(from_year: int, to_year: int, actor, batch) -> dict[str, int]:
    carried, _ = _job_targets(from_year, to_year, programme_year_map(from_year, to_year))
    created = JobTarget.objects.bulk_create(
        [
            JobTarget(
                year=to_year,
                target_group=row.target_group,
                kind=row.kind,
                programme_id=programme_id,
                programme_names=row.programme_names,
                division_id=row.division_id,
                target=None,
                budget=None,
                order=row.order,
            )
            for row, programme_id in carried
        ],
        batch_size=1000,
    )
    history_bulk_created(created, describe=lambda row: f"{to_year} {row.label}")
    return {JOB_TARGETS: len(created)}
