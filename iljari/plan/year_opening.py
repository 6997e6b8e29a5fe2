"""plan's step of opening a year (core.years): the vision, objectives, core tasks and the continuing programmes.

- The vision's statement, the objectives (by number) and their core tasks (by order) in use are carried as they are.
- A continuing programme is one of from_year not retired, under an objective carried: it is carried under the new
  year's objective of the same number, with its number, title, division, purposes and core task (the new year's core
  task of the same objective number and order), its 사업개요 facts and its report text blocks with their cells (the
  previous year's text, to be revised on the programme's page). Its 소요예산 is left empty (the new year's budget
  is set anew) and its milestones are NOT carried: a new year's plan is written anew.
- Its budget-line links are mapped by code: a link to the from_year line of code C becomes a link to the to_year line
  of code C (finance's step runs first and carries the lines).
- A programme's code is unique over all years, so the carried programme gets `programme_code_next`: the year in the
  code replaced by the new one (S2018-0001 → S2019-0001), or the new year appended (P1-01 → P1-01-2019).
Only what the new year lacks is created (a vision, objective, core task or programme code already there is left as
it is; facts and links only for the programmes created now). Set-based: a fixed number of queries and bulk inserts
(with their change-history entries), whatever the number of programmes.

Contract (performance's step maps its job targets' programmes through it):
- programme_code_next(code, from_year, to_year) -> str
- programme_year_map(from_year, to_year) -> dict[int, int]   from_year programme id → to_year programme id (by code)
"""

from __future__ import annotations

from iljari.core.history import history_bulk_created
from iljari.core.years import PreviewPart
from iljari.finance.models import BudgetLine
from iljari.plan.models import CoreTask, Objective, Programme, ProgrammeBlock, ProgrammeBlockCell, ProgrammeFact, Vision

CODE_LENGTH = Programme._meta.get_field("code").max_length
LINKS = "주요업무의 예산 사업 연결"


def programme_code_next(code: str, from_year: int, to_year: int) -> str:
    if str(from_year) in code:
        return code.replace(str(from_year), str(to_year))
    suffix = f"-{to_year}"
    return code[: CODE_LENGTH - len(suffix)] + suffix


def _continuing(from_year: int):
    return (
        Programme.objects.filter(
            objective__vision__year=from_year, retired_on__isnull=True, objective__retired_on__isnull=True
        )
        .select_related("objective", "division", "core_task__objective")
        .order_by("objective__number", "number")
    )


def programme_year_map(from_year: int, to_year: int) -> dict[int, int]:
    old = dict(Programme.objects.filter(objective__vision__year=from_year).values_list("code", "pk"))
    new = dict(Programme.objects.filter(objective__vision__year=to_year).values_list("code", "pk"))
    return {pk: new[nxt] for code, pk in old.items() if (nxt := programme_code_next(code, from_year, to_year)) in new}


class _Plan:
    """What from_year has and to_year lacks, read once (a fixed number of queries)."""

    def __init__(self, from_year: int, to_year: int):
        self.from_year, self.to_year = from_year, to_year
        self.source = Vision.objects.filter(year=from_year).first()
        self.target = Vision.objects.filter(year=to_year).first()
        self.objectives = list(
            Objective.objects.filter(vision__year=from_year, retired_on__isnull=True).order_by("number")
        )
        self.target_objectives = {o.number: o for o in Objective.objects.filter(vision__year=to_year)}
        self.tasks = list(
            CoreTask.objects.filter(objective__in=self.objectives, retired_on__isnull=True)
            .select_related("objective")
            .order_by("objective__number", "order")
        )
        self.target_tasks = set(
            CoreTask.objects.filter(objective__vision__year=to_year).values_list("objective__number", "order")
        )
        self.target_codes = set(
            Programme.objects.filter(objective__vision__year=to_year).values_list("code", flat=True)
        )
        self.programmes = [
            p
            for p in _continuing(from_year)
            if programme_code_next(p.code, from_year, to_year) not in self.target_codes
        ]
        carried_numbers = {o.number for o in self.objectives}
        self.programmes = [p for p in self.programmes if p.objective.number in carried_numbers]

    @property
    def new_objectives(self) -> list[Objective]:
        return [o for o in self.objectives if o.number not in self.target_objectives]

    @property
    def new_tasks(self) -> list[CoreTask]:
        return [t for t in self.tasks if (t.objective.number, t.order) not in self.target_tasks]


def _line_codes(from_year: int, to_year: int) -> set[str]:
    """The budget-line codes the new year will have once finance's step has run: its own and those carried."""
    carried = BudgetLine.objects.filter(year=from_year, retired_on__isnull=True, org_unit__is_active=True)
    return set(BudgetLine.objects.filter(year=to_year).values_list("code", flat=True)) | set(
        carried.values_list("code", flat=True)
    )


def preview(from_year: int, to_year: int) -> list[PreviewPart]:
    plan = _Plan(from_year, to_year)
    codes = _line_codes(from_year, to_year)
    links = [
        link
        for link in Programme.budget_lines.through.objects.filter(programme__in=plan.programmes)
        .select_related("programme", "budgetline")
        .order_by("programme__code", "budgetline__code")
        if link.budgetline.code in codes
    ]
    facts = ProgrammeFact.objects.filter(programme__in=plan.programmes).select_related("programme")
    blocks = (
        ProgrammeBlock.objects.filter(programme__in=plan.programmes)
        .select_related("programme")
        .order_by("programme__code", "order", "pk")
    )
    return [
        PreviewPart(
            "비전",
            [plan.source.statement] if plan.source and plan.target is None else [],
            [plan.target.statement] if plan.target else [],
        ),
        PreviewPart(
            "추진목표",
            [f"{o.number}. {o.title}" for o in plan.new_objectives],
            [f"{o.number}. {o.title}" for o in sorted(plan.target_objectives.values(), key=lambda o: o.number)],
        ),
        PreviewPart(
            "핵심과제",
            [f"{t.objective.number}-{t.order} {t.title}" for t in plan.new_tasks],
            [f"{number}-{order}" for number, order in sorted(plan.target_tasks)],
        ),
        PreviewPart(
            "주요업무",
            [
                f"{programme_code_next(p.code, from_year, to_year)} {p.title} ({p.division.name})"
                for p in plan.programmes
            ],
            sorted(plan.target_codes),
            note="추진일정은 옮기지 않습니다(새해 계획은 새로 씁니다).",
        ),
        PreviewPart(
            "사업개요 항목",
            [
                f"{programme_code_next(f.programme.code, from_year, to_year)} {f.label}"
                for f in facts.order_by("programme__code", "order")
            ],
            [],
            note="전년 사업개요를 옮기니 주요업무 화면에서 고쳐 쓰십시오.",
        ),
        PreviewPart(
            "보고서 문단·표",
            [
                f"{programme_code_next(b.programme.code, from_year, to_year)} {b.get_kind_display()} "
                f"{(b.title or b.text)[:40]}"
                for b in blocks
            ],
            [],
            note="전년 보고서 문단과 표를 옮기니 주요업무 화면에서 고쳐 쓰십시오.",
        ),
        PreviewPart(
            LINKS,
            [
                f"{programme_code_next(link.programme.code, from_year, to_year)} ↔ {link.budgetline.code}"
                for link in links
            ],
            [],
            note="예산 사업은 코드로 이어 붙입니다: 새해에 같은 코드의 예산 사업이 있어야 연결됩니다.",
        ),
    ]


def open_year(from_year: int, to_year: int, actor, batch) -> dict[str, int]:
    plan = _Plan(from_year, to_year)
    created: dict[str, int] = {"비전": 0, "추진목표": 0, "핵심과제": 0, "주요업무": 0, "사업개요 항목": 0}
    vision = plan.target
    if vision is None and plan.source is not None:
        vision = Vision.objects.create(year=to_year, statement=plan.source.statement)  # recorded by its signal
        created["비전"] = 1
    if vision is None:
        return {}
    objectives = Objective.objects.bulk_create(
        [Objective(vision=vision, number=o.number, title=o.title) for o in plan.new_objectives]
    )
    history_bulk_created(objectives)
    created["추진목표"] = len(objectives)
    by_number = {**plan.target_objectives, **{o.number: o for o in objectives}}
    tasks = CoreTask.objects.bulk_create(
        [CoreTask(objective=by_number[t.objective.number], order=t.order, title=t.title) for t in plan.new_tasks],
        batch_size=1000,
    )
    history_bulk_created(tasks)
    created["핵심과제"] = len(tasks)
    task_of = {
        (task.objective.number, task.order): task
        for task in CoreTask.objects.filter(objective__vision=vision).select_related("objective")
    }
    programmes = Programme.objects.bulk_create(
        [
            Programme(
                objective=by_number[p.objective.number],
                number=p.number,
                code=programme_code_next(p.code, from_year, to_year),
                title=p.title,
                division_id=p.division_id,
                purposes=p.purposes,
                core_task=task_of.get((p.core_task.objective.number, p.core_task.order)) if p.core_task_id else None,
                budget=None,
                budget_note="",
            )
            for p in plan.programmes
        ],
        batch_size=1000,
    )
    history_bulk_created(programmes, describe=lambda p: f"{p.code} {p.title}")
    created["주요업무"] = len(programmes)
    new_of = {old.pk: new for old, new in zip(plan.programmes, programmes, strict=True)}
    new_of_pk = {new.pk: new.code for new in programmes}
    facts = ProgrammeFact.objects.bulk_create(
        [
            ProgrammeFact(programme=new_of[f.programme_id], order=f.order, label=f.label, value=f.value, notes=f.notes)
            for f in ProgrammeFact.objects.filter(programme__in=list(new_of)).order_by("programme_id", "order")
        ],
        batch_size=1000,
    )
    history_bulk_created(facts, describe=lambda f: f"{f.label}: {f.value}"[:200])
    created["사업개요 항목"] = len(facts)
    old_blocks = list(ProgrammeBlock.objects.filter(programme__in=list(new_of)).order_by("programme_id", "order", "pk"))
    blocks = ProgrammeBlock.objects.bulk_create(
        [
            ProgrammeBlock(
                programme=new_of[b.programme_id],
                order=b.order,
                kind=b.kind,
                marker=b.marker,
                level=b.level,
                text=b.text,
                title=b.title,
                unit_line=b.unit_line,
                notes=b.notes,
            )
            for b in old_blocks
        ],
        batch_size=1000,
    )
    history_bulk_created(blocks, describe=lambda b: (b.title or b.text)[:200])
    block_of = {old.pk: new for old, new in zip(old_blocks, blocks, strict=True)}
    cells = ProgrammeBlockCell.objects.bulk_create(
        [
            ProgrammeBlockCell(
                block=block_of[c.block_id],
                part=c.part,
                row=c.row,
                column=c.column,
                text=c.text,
                colspan=c.colspan,
                rowspan=c.rowspan,
            )
            for c in ProgrammeBlockCell.objects.filter(block__in=list(block_of)).order_by("block_id", "pk")
        ],
        batch_size=1000,
    )
    history_bulk_created(cells, describe=lambda c: c.text[:200])
    created["보고서 문단·표"] = len(blocks)
    through = Programme.budget_lines.through
    new_lines = dict(BudgetLine.objects.filter(year=to_year).values_list("code", "pk"))
    links = [
        through(programme_id=new_of[programme_id].pk, budgetline_id=new_lines[code])
        for programme_id, code in through.objects.filter(programme__in=list(new_of)).values_list(
            "programme_id", "budgetline__code"
        )
        if code in new_lines
    ]
    links = through.objects.bulk_create(links, batch_size=1000)
    codes = {pk: code for code, pk in new_lines.items()}
    history_bulk_created(links, describe=lambda link: f"{new_of_pk[link.programme_id]} ↔ {codes[link.budgetline_id]}")
    created[LINKS] = len(links)
    return created
