"""plan API: the vision, objectives, core tasks and programmes of a year, read and written (created, changed,
retired); a programme's facts, milestones and budget lines (replaced with the programme), its report text blocks
(added, changed, moved, deleted); marking a milestone done. Every write is a plan service."""

from datetime import date
from typing import Annotated, Literal

from ninja import Field, Router, Schema, Status

from iljari.core.errors import NotFound, field_error
from iljari.core.figures import CODE_LENGTH, MONEY, NOTE_LENGTH, OFFICE_DATE, CodePath, IdPath, YearPath
from iljari.core.korean import subject_particle
from iljari.plan import selectors, services
from iljari.plan.models import Milestone

router = Router(tags=["비전·주요업무"])


class ObjectiveOut(Schema):
    number: int
    title: str
    core_tasks: list[str]


class PlanOut(Schema):
    year: int
    vision: str
    objectives: list[ObjectiveOut]


class FactOut(Schema):
    label: str
    value: str
    notes: list[str] = Field(..., alias="note_lines")


class MilestoneOut(Schema):
    id: int
    title: str
    state: str
    start: date | None
    end: date | None
    precision: str
    open_ended: bool
    label: str
    done_on: date | None


class ProgrammeOut(Schema):
    code: str
    core_task: int | None = Field(None, alias="core_task.order")
    retired_on: date | None
    budget_lines: list[str]
    objective: int = Field(..., alias="objective.number")
    number: int
    title: str
    division: str = Field(..., alias="division.code")
    purposes: list[str] = Field(..., alias="purpose_lines")
    budget: int | None
    budget_note: str
    facts: list[FactOut]
    milestones: list[MilestoneOut]

    @staticmethod
    def resolve_facts(obj):
        return list(obj.facts.all())

    @staticmethod
    def resolve_milestones(obj):
        return list(obj.milestones.all())

    @staticmethod
    def resolve_budget_lines(obj):
        return sorted(line.code for line in obj.budget_lines.all())


class DoneIn(Schema):
    done_on: OFFICE_DATE.schema()


@router.get("/years/{year}", response=PlanOut, summary="비전·추진목표·핵심과제")
def plan(request, year: YearPath):
    vision = selectors.plan_get(user=request.auth, year=year)
    if vision is None:
        raise NotFound(f"{year}년 비전이 없습니다.")
    return {
        "year": vision.year,
        "vision": vision.statement,
        "objectives": [
            {"number": o.number, "title": o.title, "core_tasks": [t.title for t in o.core_tasks.all()]}
            for o in vision.objectives.all()
        ],
    }


@router.get("/years/{year}/programmes", response=list[ProgrammeOut], summary="주요업무 목록")
def programmes(request, year: YearPath):
    return selectors.programme_list(user=request.auth, year=year)


@router.get("/programmes/{code}", response=ProgrammeOut, summary="주요업무 한 건")
def programme(request, code: CodePath):
    return selectors.programme_get(user=request.auth, code=code)


@router.post("/milestones/{milestone_id}/done", response=MilestoneOut, summary="추진일정 완료 표시")
def milestone_done(request, milestone_id: IdPath, payload: DoneIn):
    milestone = Milestone.objects.select_related("programme").filter(pk=milestone_id).first()
    if milestone is None:
        raise NotFound("추진일정을 찾을 수 없습니다.")
    selectors.programme_get(user=request.auth, code=milestone.programme.code)
    return services.milestone_complete(actor=request.auth, milestone=milestone, done_on=payload.done_on)


# --- writes: the year's vision, objectives and core tasks ------------------------------------------------------


class VisionIn(Schema):
    statement: str = Field(..., max_length=200)


class VisionOut(Schema):
    year: int
    statement: str


class ObjectiveIn(Schema):
    number: int = Field(..., ge=1, le=99)
    title: str = Field(..., max_length=200)


class ObjectiveRow(Schema):
    id: int
    number: int
    title: str
    retired_on: date | None


class CoreTaskIn(Schema):
    title: str = Field(..., max_length=200)


class CoreTaskRow(Schema):
    id: int
    objective: int = Field(..., alias="objective_id")
    order: int
    title: str
    retired_on: date | None


class PlanRetireIn(Schema):
    retired_on: OFFICE_DATE.schema() | None = None


@router.put("/years/{year}/vision", response=VisionOut, summary="비전 저장")
def vision_put(request, year: YearPath, payload: VisionIn):
    return services.vision_set(actor=request.auth, year=year, statement=payload.statement)


@router.post("/years/{year}/objectives", response={201: ObjectiveRow}, summary="추진목표 추가")
def objective_post(request, year: YearPath, payload: ObjectiveIn):
    vision = selectors.plan_get(user=request.auth, year=year)
    if vision is None:
        raise NotFound(f"{year}년 비전이 없습니다. 비전을 먼저 저장하십시오.")
    return Status(
        201, services.objective_create(actor=request.auth, vision=vision, number=payload.number, title=payload.title)
    )


@router.put("/objectives/{objective_id}", response=ObjectiveRow, summary="추진목표 수정")
def objective_put(request, objective_id: IdPath, payload: ObjectiveIn):
    objective = selectors.objective_get(user=request.auth, pk=objective_id)
    return services.objective_update(
        actor=request.auth, objective=objective, number=payload.number, title=payload.title
    )


@router.post("/objectives/{objective_id}/retire", response=ObjectiveRow, summary="추진목표 폐지")
def objective_retire(request, objective_id: IdPath, payload: PlanRetireIn):
    objective = selectors.objective_get(user=request.auth, pk=objective_id)
    return services.objective_retire(actor=request.auth, objective=objective, on=payload.retired_on)


@router.post("/objectives/{objective_id}/core-tasks", response={201: CoreTaskRow}, summary="핵심과제 추가")
def core_task_post(request, objective_id: IdPath, payload: CoreTaskIn):
    objective = selectors.objective_get(user=request.auth, pk=objective_id)
    return Status(201, services.core_task_create(actor=request.auth, objective=objective, title=payload.title))


@router.put("/core-tasks/{task_id}", response=CoreTaskRow, summary="핵심과제 수정")
def core_task_put(request, task_id: IdPath, payload: CoreTaskIn):
    task = selectors.core_task_get(user=request.auth, pk=task_id)
    return services.core_task_update(actor=request.auth, core_task=task, title=payload.title)


@router.post("/core-tasks/{task_id}/retire", response=CoreTaskRow, summary="핵심과제 폐지")
def core_task_retire(request, task_id: IdPath, payload: PlanRetireIn):
    task = selectors.core_task_get(user=request.auth, pk=task_id)
    return services.core_task_retire(actor=request.auth, core_task=task, on=payload.retired_on)


# --- writes: programmes ---------------------------------------------------------------------------------------

Line = Annotated[str, Field(max_length=NOTE_LENGTH)]  # one printed line (◆ 목적, 세부 내용, ※ 참고)
LineCode = Annotated[str, Field(max_length=CODE_LENGTH)]


class FactIn(Schema):
    label: str = Field(..., max_length=100)
    value: str = Field("", max_length=NOTE_LENGTH)
    notes: list[Line] = []


class MilestoneIn(Schema):
    title: str = Field(..., max_length=300)
    state: Literal["done", "planned"] = "planned"
    start: OFFICE_DATE.schema() | None = None
    end: OFFICE_DATE.schema() | None = None
    precision: Literal["day", "month", "none"] = "day"
    open_ended: bool = False
    label: str = Field("", max_length=60)
    done_on: OFFICE_DATE.schema() | None = None
    details: list[Line] = []


class ProgrammeIn(Schema):
    """A programme's place and text; `objective` is the objective's number in the year, `core_task` the core
    task's order within that objective, `division` the division's code."""

    code: str = Field(..., max_length=32)
    objective: int = Field(..., ge=1, le=99)
    number: int = Field(..., ge=1, le=99)
    title: str = Field(..., max_length=200)
    division: str = Field(..., max_length=CODE_LENGTH)
    core_task: int | None = Field(None, ge=1, le=99)
    purposes: list[Line] = []
    budget: MONEY.schema() | None = None
    budget_note: str = Field("", max_length=200)


class ProgrammeChangeIn(Schema):
    """What to change (every field may be left out: kept as it is). facts / milestones replace the lists;
    budget_lines are the codes of the division's budget lines of the year."""

    objective: int | None = Field(None, ge=1, le=99)
    number: int | None = Field(None, ge=1, le=99)
    title: str | None = Field(None, max_length=200)
    division: str | None = Field(None, max_length=CODE_LENGTH)
    core_task: int | None = Field(None, ge=0, le=99, description="0: none")
    purposes: list[Line] | None = None
    budget: MONEY.schema() | None = None
    budget_note: str | None = Field(None, max_length=200)
    facts: list[FactIn] | None = None
    milestones: list[MilestoneIn] | None = None
    budget_lines: list[LineCode] | None = None


def _division(code: str):
    unit = selectors.org_unit_by_code(code)
    if unit is None:
        raise field_error("division", f"부서 코드 {code}{subject_particle(code)} 없습니다.")
    return unit


def _core_task(objective, order):
    if order is None or order == 0:
        return None
    task = next(
        (
            t
            for t in selectors.core_task_choices(year=objective.vision.year)
            if t.objective_id == objective.pk and t.order == order
        ),
        None,
    )
    if task is None:
        raise field_error("core_task", f"{objective.number}번 추진목표에 {order}번 핵심과제가 없습니다.")
    return task


@router.post("/years/{year}/programmes", response={201: ProgrammeOut}, summary="주요업무 추가")
def programme_post(request, year: YearPath, payload: ProgrammeIn):
    objective = selectors.objective_get(user=request.auth, year=year, number=payload.objective)
    made = services.programme_create(
        actor=request.auth,
        year=year,
        objective=objective,
        number=payload.number,
        code=payload.code,
        title=payload.title,
        division=_division(payload.division),
        core_task=_core_task(objective, payload.core_task),
        purposes=payload.purposes,
        budget=payload.budget,
        budget_note=payload.budget_note,
    )
    return Status(201, selectors.programme_get(user=request.auth, code=made.code))


@router.put("/programmes/{code}", response=ProgrammeOut, summary="주요업무 수정(사업개요·추진일정·예산 사업 포함)")
def programme_put(request, code: CodePath, payload: ProgrammeChangeIn):
    programme = selectors.programme_get(user=request.auth, code=code)
    year = programme.objective.vision.year
    given = payload.dict(exclude_unset=True)
    fields = {}
    objective = programme.objective
    if "objective" in given and given["objective"] is not None:
        objective = selectors.objective_get(user=request.auth, year=year, number=given["objective"])
        fields["objective"] = objective
    if "core_task" in given:
        fields["core_task"] = _core_task(objective, given["core_task"])
    if "division" in given and given["division"] is not None:
        fields["division"] = _division(given["division"])
    for name in ("number", "title", "purposes", "budget", "budget_note"):
        if name in given and (given[name] is not None or name == "budget"):
            fields[name] = given[name]
    lines = None
    if payload.budget_lines is not None:
        choices = {
            line.code: line.pk for line in selectors.programme_line_choices(user=request.auth, programme=programme)
        }
        unknown = [c for c in payload.budget_lines if c not in choices]
        if unknown:
            raise field_error(
                "budget_lines", f"{programme.division.name}의 {year}년 예산 사업이 아닙니다: {', '.join(unknown)}"
            )
        lines = [choices[c] for c in payload.budget_lines]
    services.programme_update(
        actor=request.auth,
        programme=programme,
        facts=None if payload.facts is None else [f.dict() for f in payload.facts],
        milestones=None if payload.milestones is None else [m.dict() for m in payload.milestones],
        budget_lines=lines,
        **fields,
    )
    return selectors.programme_get(user=request.auth, code=code)


@router.post("/programmes/{code}/retire", response=ProgrammeOut, summary="주요업무 폐지")
def programme_retire(request, code: CodePath, payload: PlanRetireIn):
    programme = selectors.programme_get(user=request.auth, code=code)
    services.programme_retire(actor=request.auth, programme=programme, on=payload.retired_on)
    return selectors.programme_get(user=request.auth, code=code)


# --- writes: the programme's report text blocks ---------------------------------------------------------------


class CellIn(Schema):
    text: str = Field("", max_length=500)
    colspan: int = Field(1, ge=1, le=50)
    rowspan: int = Field(1, ge=1, le=50)


class BlockIn(Schema):
    kind: Literal["paragraph", "table", "flow"] = "paragraph"
    marker: str = Field("", max_length=2)
    level: int = Field(0, ge=0, le=4)
    text: str = Field("", max_length=2000)
    title: str = Field("", max_length=200)
    unit_line: str = Field("", max_length=200)
    notes: list[Line] = []
    head: list[list[CellIn]] = []
    body: list[list[CellIn]] = []
    steps: list[Annotated[str, Field(max_length=500)]] = []


class CellOut(Schema):
    text: str
    colspan: int
    rowspan: int


class BlockOut(Schema):
    id: int
    order: int
    kind: str
    marker: str
    level: int
    text: str
    title: str
    unit_line: str
    notes: list[str]
    head: list[list[CellOut]]
    body: list[list[CellOut]]
    steps: list[str]


def _block_out(block) -> dict:
    (text,) = selectors.programme_text_of_blocks([block])
    return {
        "id": block.pk,
        "order": block.order,
        **{k: getattr(text, k) for k in BlockIn.model_fields if k != "kind"},
        "kind": text.kind,
    }


def _block_values(payload: BlockIn) -> dict:
    values = payload.dict()
    values["head"] = [[dict(c) for c in row] for row in values["head"]]
    values["body"] = [[dict(c) for c in row] for row in values["body"]]
    return values


@router.get("/programmes/{code}/blocks", response=list[BlockOut], summary="주요업무 본문")
def blocks(request, code: CodePath):
    programme = selectors.programme_get(user=request.auth, code=code)
    return [_block_out(block) for block in programme.blocks.all()]


@router.post("/programmes/{code}/blocks", response={201: BlockOut}, summary="주요업무 본문 추가(맨 뒤)")
def block_post(request, code: CodePath, payload: BlockIn):
    programme = selectors.programme_get(user=request.auth, code=code)
    block = services.programme_block_save(actor=request.auth, programme=programme, **_block_values(payload))
    return Status(201, _block_out(selectors.programme_block_get(user=request.auth, pk=block.pk)))


@router.put("/blocks/{block_id}", response=BlockOut, summary="주요업무 본문 수정")
def block_put(request, block_id: IdPath, payload: BlockIn):
    block = selectors.programme_block_get(user=request.auth, pk=block_id)
    services.programme_block_save(actor=request.auth, programme=block.programme, block=block, **_block_values(payload))
    return _block_out(selectors.programme_block_get(user=request.auth, pk=block_id))


class MoveIn(Schema):
    direction: Literal["up", "down"]


@router.post("/blocks/{block_id}/move", response=BlockOut, summary="주요업무 본문 옮기기(up|down)")
def block_move(request, block_id: IdPath, payload: MoveIn):
    block = selectors.programme_block_get(user=request.auth, pk=block_id)
    services.programme_block_move(actor=request.auth, block=block, direction=payload.direction)
    return _block_out(selectors.programme_block_get(user=request.auth, pk=block_id))


@router.delete("/blocks/{block_id}", response={204: None}, summary="주요업무 본문 삭제")
def block_delete(request, block_id: IdPath):
    block = selectors.programme_block_get(user=request.auth, pk=block_id)
    services.programme_block_delete(actor=request.auth, block=block)
    return Status(204, None)
