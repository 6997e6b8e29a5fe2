"""plan API: vision, objectives, programmes (read); marking a milestone done (write)."""

from datetime import date

from ninja import Field, Router, Schema

from iljari.core.errors import NotFound
from iljari.core.figures import OFFICE_DATE, CodePath, IdPath, YearPath
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
