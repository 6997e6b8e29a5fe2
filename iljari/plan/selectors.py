"""plan selectors — the vision and programmes of a year, scoped by iljari.core.access.

Contract:
- plan_get(*, user, year) -> Vision | None           (objectives and core tasks prefetched)
- programme_list(*, user, year, unit_path=None) -> list[Programme]   (facts, milestones, division prefetched)
- programme_get(*, user, code) -> Programme
- overdue_milestone_list(*, user, year, as_of, unit_path=None) -> list[Milestone]
- milestone_todo_list(*, user, when, on, year) -> list[Milestone]
      the planned steps of the year's programmes that are overdue on `on` (when="overdue": due before it) or due
      within MILESTONE_DUE_DAYS from it (when="due"), by due date; division staff their own division's only
      (figures_unit_path). The work list (plan/worklist.py) counts these and links to the page that lists them.
- plan_years() -> list[int]
- milestones_by_state(programme) -> (done, planned)   (its prefetched milestones: no query)
- programme_text(programme) -> list[TextBlock]   its report text blocks (prefetched by programme_list/_get), as
      plain data the report builders turn into their own blocks (reports may not import plan.models)
- programme_text_of_blocks(blocks) -> list[TextBlock]   the same for some blocks (cells prefetched)
- programme_block_get(*, user, pk) -> ProgrammeBlock
- programme_dependencies(*, user, programme) -> Dependencies   what a change would touch: milestones completed in
      locked months, the report files built for its year (the business report) or for it (its summary sheet)
- programme_budget_rows(*, user, programme, as_of) -> list[BudgetRow]   its linked budget lines with their
      예산현액/지출액/집행률 (finance.selectors.lines_execution), and the sum
- programme_line_choices(*, user, programme) -> list[BudgetLine]   its division's lines of its year, not retired
      (or already linked)
- objective_choices(*, year, keep=None) / core_task_choices(*, year, keep=None) -> the year's objectives / core
      tasks not retired (and the one a programme already has)
- division_choices() -> QuerySet[OrgUnit]   the divisions a programme may belong to
- objective_get(*, user, pk=None, year=None, number=None) / core_task_get(*, user, pk) -> for the API (404)
- org_unit_by_code(code) -> OrgUnit | None   (a programme's division named in the API or the sheet)
- programme_sheet(*, user, year) -> bytes   the year's programmes as one sheet (plan.sheets), to edit and upload
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch, Q, QuerySet

from iljari.core.access import access_office_figures_view, figures_unit_path, require
from iljari.core.errors import NotFound
from iljari.core.models import BackgroundJob, MonthLock
from iljari.core.xlsx import xlsx_table
from iljari.finance.models import BudgetLine
from iljari.finance.selectors import ExecutionRow, budget_line_list, lines_execution
from iljari.org.models import OrgUnit
from iljari.plan.models import CoreTask, Milestone, Objective, Programme, ProgrammeBlock, ProgrammeBlockCell, Vision
from iljari.plan.sheets import PROGRAMME_COLUMNS, PROGRAMME_SHEET_TITLE

BLOCKS = Prefetch(
    "blocks",
    queryset=ProgrammeBlock.objects.order_by("order", "pk").prefetch_related(
        Prefetch("cells", queryset=ProgrammeBlockCell.objects.order_by("part", "row", "column"))
    ),
)


def plan_years() -> list[int]:
    return list(Vision.objects.order_by("-year").values_list("year", flat=True))


def plan_get(*, user, year: int) -> Vision | None:
    require(access_office_figures_view(user))
    return (
        Vision.objects.filter(year=year)
        .prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("number")),
            Prefetch("objectives__core_tasks", queryset=CoreTask.objects.order_by("order")),
        )
        .first()
    )


def _programmes(year: int, unit_path: str | None):
    programmes = Programme.objects.filter(objective__vision__year=year).select_related(
        "objective", "objective__vision", "division", "core_task"
    )
    if unit_path:
        programmes = programmes.filter(division__path__startswith=unit_path)
    return programmes


def programme_list(*, user, year: int, unit_path: str | None = None) -> list[Programme]:
    require(access_office_figures_view(user))
    return list(
        _programmes(year, unit_path)
        .prefetch_related("facts", "milestones", "budget_lines", BLOCKS)
        .order_by("objective__number", "number")
    )


def programme_get(*, user, code: str) -> Programme:
    require(access_office_figures_view(user))
    programme = (
        Programme.objects.select_related("objective", "objective__vision", "division", "core_task")
        .prefetch_related("facts", "milestones", "budget_lines", BLOCKS)
        .filter(code=code)
        .first()
    )
    if programme is None:
        raise NotFound("주요업무를 찾을 수 없습니다.")
    return programme


def overdue_milestone_list(*, user, year: int, as_of: date, unit_path: str | None = None) -> list[Milestone]:
    require(access_office_figures_view(user))
    candidates = (
        Milestone.objects.filter(
            programme__objective__vision__year=year, state=Milestone.State.PLANNED, open_ended=False
        )
        .filter(Q(end__lte=as_of) | Q(end__isnull=True, start__lte=as_of))
        .select_related("programme", "programme__division")
        .order_by("programme__objective__number", "programme__number", "order")
    )
    if unit_path:
        candidates = candidates.filter(programme__division__path__startswith=unit_path)
    return [milestone for milestone in candidates if milestone.is_overdue(as_of)]


MILESTONE_DUE_DAYS = 14
MILESTONE_TODO = ("overdue", "due")


def milestone_todo_list(*, user, when: str, on: date, year: int) -> list[Milestone]:
    require(access_office_figures_view(user))
    if when not in MILESTONE_TODO:
        raise ValueError(f"unknown milestone filter: {when}")
    horizon = on + timedelta(days=MILESTONE_DUE_DAYS)
    candidates = (
        Milestone.objects.filter(
            programme__objective__vision__year=year, state=Milestone.State.PLANNED, open_ended=False
        )
        .filter(Q(end__lte=horizon) | Q(end__isnull=True, start__lte=horizon))
        .select_related("programme", "programme__division", "programme__objective")
    )
    unit_path = figures_unit_path(user)
    if unit_path:
        candidates = candidates.filter(programme__division__path__startswith=unit_path)
    if when == "overdue":
        rows = [m for m in candidates if m.due is not None and m.due < on]
    else:
        rows = [m for m in candidates if m.due is not None and on <= m.due <= horizon]
    return sorted(rows, key=lambda m: (m.due, m.programme.objective.number, m.programme.number, m.order))


def milestones_by_state(programme: Programme) -> tuple[list[Milestone], list[Milestone]]:
    """A programme's milestones done (추진현황) and planned (추진계획), in their order, from the prefetched set."""
    milestones = list(programme.milestones.all())
    done = [m for m in milestones if m.state == Milestone.State.DONE]
    planned = [m for m in milestones if m.state == Milestone.State.PLANNED]
    return done, planned


# --- the programme's report text ----------------------------------------------------------------------------


@dataclass
class TextCell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False


@dataclass
class TextBlock:
    """One block of a programme's report text as plain data: `kind` paragraph (marker, level, text), table
    (title, text above it, head and body rows of cells, unit_line, notes) or flow (steps)."""

    kind: str
    marker: str = ""
    level: int = 0
    text: str = ""
    title: str = ""
    unit_line: str = ""
    notes: list[str] = field(default_factory=list)
    head: list[list[TextCell]] = field(default_factory=list)
    body: list[list[TextCell]] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


def _rows(cells, part: str) -> list[list[TextCell]]:
    rows: dict[int, list[TextCell]] = {}
    for cell in cells:
        if cell.part == part:
            rows.setdefault(cell.row, []).append(
                TextCell(cell.text, colspan=cell.colspan, rowspan=cell.rowspan, header=part == "head")
            )
    return [rows[number] for number in sorted(rows)]


def programme_text(programme: Programme) -> list[TextBlock]:
    """The programme's blocks in their order (from the prefetched blocks and cells: no query)."""
    return programme_text_of_blocks(programme.blocks.all())


def programme_text_of_blocks(blocks) -> list[TextBlock]:
    text = []
    for block in blocks:
        cells = list(block.cells.all())
        text.append(
            TextBlock(
                kind=block.kind,
                marker=block.marker,
                level=block.level,
                text=block.text,
                title=block.title,
                unit_line=block.unit_line,
                notes=block.note_lines,
                head=_rows(cells, "head"),
                body=_rows(cells, "body"),
                steps=[cell.text for row in _rows(cells, "step") for cell in row],
            )
        )
    return text


def programme_block_get(*, user, pk: int) -> ProgrammeBlock:
    require(access_office_figures_view(user))
    block = (
        ProgrammeBlock.objects.select_related("programme", "programme__division", "programme__objective__vision")
        .prefetch_related(Prefetch("cells", queryset=ProgrammeBlockCell.objects.order_by("part", "row", "column")))
        .filter(pk=pk)
        .first()
    )
    if block is None:
        raise NotFound("주요업무 본문을 찾을 수 없습니다.")
    return block


# --- what depends on a programme ----------------------------------------------------------------------------


@dataclass
class Dependencies:
    locked_done: list[Milestone]  # milestones completed in a locked (signed-off) month
    locked_months: list[str]  # those months, as "2018년 6월"
    report_builds: int  # report files built for the programme's year (business report) or for it (summary)

    @property
    def any(self) -> bool:
        return bool(self.locked_done or self.report_builds)


def programme_dependencies(*, user, programme: Programme) -> Dependencies:
    require(access_office_figures_view(user))
    year = programme.objective.vision.year
    locked = set(MonthLock.objects.filter(is_locked=True).values_list("year", "month"))
    done = [
        m for m in programme.milestones.all() if m.done_on is not None and (m.done_on.year, m.done_on.month) in locked
    ]
    months = sorted({(m.done_on.year, m.done_on.month) for m in done})
    builds = BackgroundJob.objects.filter(kind="report", status=BackgroundJob.Status.SUCCEEDED, arguments__year=year)
    builds = builds.filter(
        Q(arguments__kind_code="business") | Q(arguments__kind_code="programme", arguments__subject=programme.code)
    )
    return Dependencies(
        locked_done=done, locked_months=[f"{y}년 {m}월" for y, m in months], report_builds=builds.count()
    )


# --- its budget lines ---------------------------------------------------------------------------------------


@dataclass
class BudgetRow:
    line: BudgetLine | None  # None: the sum of the lines
    figures: ExecutionRow


def programme_budget_rows(*, user, programme: Programme, as_of: date) -> list[BudgetRow]:
    """Each budget line linked to the programme with its execution as of the day, then their sum (none linked:
    an empty list)."""
    year = programme.objective.vision.year
    lines = sorted(programme.budget_lines.all(), key=lambda line: line.code)
    rows = [BudgetRow(line, lines_execution(user=user, line_ids=[line.pk], year=year, as_of=as_of)) for line in lines]
    if len(rows) > 1:
        rows.append(
            BudgetRow(None, lines_execution(user=user, line_ids=[r.line.pk for r in rows], year=year, as_of=as_of))
        )
    return rows


def programme_line_choices(*, user, programme: Programme) -> QuerySet[BudgetLine]:
    year = programme.objective.vision.year
    linked = [line.pk for line in programme.budget_lines.all()]
    lines = budget_line_list(user=user, year=year, unit_path=programme.division.path)
    return lines.filter(Q(retired_on__isnull=True) | Q(pk__in=linked))


def division_choices() -> QuerySet[OrgUnit]:
    """The divisions a programme may belong to (active ones)."""
    return OrgUnit.objects.filter(kind=OrgUnit.Kind.DIVISION, is_active=True).order_by("path")


# --- choices and the sheet ----------------------------------------------------------------------------------


def objective_choices(*, year: int, keep: int | None = None):
    """The year's objectives not retired (and `keep`, the one a programme already has)."""
    return Objective.objects.filter(Q(retired_on__isnull=True) | Q(pk=keep), vision__year=year).order_by("number")


def core_task_choices(*, year: int, keep: int | None = None):
    return (
        CoreTask.objects.filter(Q(retired_on__isnull=True) | Q(pk=keep), objective__vision__year=year)
        .select_related("objective")
        .order_by("objective__number", "order")
    )


SHEET_NOTE = "회색 열은 참고용입니다. 새 코드의 행은 새 주요업무가 됩니다(총괄만). 행을 지워도 주요업무는 남습니다."


def programme_sheet(*, user, year: int) -> bytes:
    rows = [
        {
            "code": p.code,
            "objective": p.objective.number,
            "number": p.number,
            "title": p.title,
            "division": p.division.code,
            "division_name": p.division.name,
            "core_task": p.core_task.order if p.core_task else None,
            "core_task_title": p.core_task.title if p.core_task else "",
            "budget": p.budget,
            "budget_note": p.budget_note,
        }
        for p in programme_list(user=user, year=year)
    ]
    return xlsx_table(
        title=PROGRAMME_SHEET_TITLE,
        columns=PROGRAMME_COLUMNS,
        rows=rows,
        note=SHEET_NOTE,
    )


def objective_get(*, user, pk: int | None = None, year: int | None = None, number: int | None = None) -> Objective:
    require(access_office_figures_view(user))
    objectives = Objective.objects.select_related("vision")
    objective = (
        objectives.filter(pk=pk).first()
        if pk is not None
        else objectives.filter(vision__year=year, number=number).first()
    )
    if objective is None:
        raise NotFound("추진목표를 찾을 수 없습니다.")
    return objective


def core_task_get(*, user, pk: int) -> CoreTask:
    require(access_office_figures_view(user))
    task = CoreTask.objects.select_related("objective__vision").filter(pk=pk).first()
    if task is None:
        raise NotFound("핵심과제를 찾을 수 없습니다.")
    return task


def org_unit_by_code(code: str) -> OrgUnit | None:
    return OrgUnit.objects.filter(code=code).first()
