"""plan services — the writes of the vision, objectives, core tasks, programmes, milestones and text blocks.

Contract:
- vision_set(*, actor, year, statement) -> Vision                                    (the office manager)
- objective_create(*, actor, vision, number, title) -> Objective
- objective_update(*, actor, objective, number, title) -> Objective
- objective_retire(*, actor, objective, on=None) -> Objective                        (the office manager)
- core_task_create(*, actor, objective, title) -> CoreTask      (ordered after the objective's last task)
- core_task_update(*, actor, core_task, title) -> CoreTask
- core_task_retire(*, actor, core_task, on=None) -> CoreTask                         (the office manager)
- objective_set(*, actor, vision, number, title, core_tasks: list[str]) -> Objective  (the demo loader: the
      objective and its core tasks by order, replaced through history_bulk_replace)
- programme_create(*, actor, year, objective, number, code, title, division, core_task=None, purposes=(),
                   budget=None, budget_note="") -> Programme                         (the office manager)
- programme_update(*, actor, programme, facts=None, milestones=None, budget_lines=None, **fields) -> Programme
      the office manager, or the programme's division staff; the programme's place (objective, number, title,
      division, core task) only the office manager. facts / milestones (lists of dicts, in order) replace the
      programme's through history_bulk_replace (keyed by order), budget_lines (BudgetLine ids) the links; one call
      is one change batch. A milestone dated (start, end or 완료일) in a locked month that would change is refused
      until the month is unlocked (core.locks.require_month_open).
- programme_retire(*, actor, programme, on=None) -> Programme                        (the office manager)
- programme_set(*, actor, objective, number, code, title, division, purposes, budget, budget_note,
                facts, milestones) -> Programme     the demo loader's: creates or replaces a programme whole
- milestone_complete(*, actor, milestone, done_on) -> Milestone
      monthly figure: the programme's division staff or the office manager; refused in a locked month
      or for a date outside the programme's year.
- programme_block_save(*, actor, programme, block=None, kind, marker, level, text, title, unit_line, notes,
                       head, body, steps) -> ProgrammeBlock    a new block (at the end) or a block changed;
      head/body: rows of cells {"text", "colspan", "rowspan"}; steps: a flow's steps
- programme_block_move(*, actor, block, direction: "up" | "down") -> ProgrammeBlock
- programme_block_delete(*, actor, block) -> None
- programme_sheet_import(*, actor, year, data) -> int    the programme sheet (selectors.programme_sheet) read
      back: every row checked first, then all written in one change batch, or none

Bad input is a ValidationFailed naming the field: a programme number used twice within an objective, a code used
twice, an objective of another year, a core task of another objective, a division that is not a division, a
budget below zero, a milestone date outside the programme's year (± core.figures.YEAR_MARGIN, as year_date
reads a record's dates: the 2018 report itself has steps of '17.11 and '19.1), an end before its start.

`actor=None` is the system (the demo loader).

Modules: structure (vision, objectives, core tasks), programmes (with facts, milestones, budget lines), blocks (the
report text), sheet (the programme sheet read back), common (the gates as refusals and the shared checks).
"""

from iljari.plan.services.blocks import (  # noqa: F401
    programme_block_delete,
    programme_block_move,
    programme_block_save,
)
from iljari.plan.services.programmes import (  # noqa: F401
    milestone_complete,
    programme_create,
    programme_retire,
    programme_set,
    programme_update,
    programme_year,
)
from iljari.plan.services.sheet import (  # noqa: F401
    programme_sheet_import,
)
from iljari.plan.services.structure import (  # noqa: F401
    core_task_create,
    core_task_retire,
    core_task_update,
    objective_create,
    objective_retire,
    objective_set,
    objective_update,
    vision_set,
)
