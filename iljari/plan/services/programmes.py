"""Programmes: created, changed (with their facts, milestones and budget lines), retired; milestones completed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from iljari.core.access import (
    access_figures_enter,
    access_plan_manage,
    require,
)
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.figures import MONEY, year_date
from iljari.core.history import history_batch, history_bulk_replace
from iljari.core.korean import with_topic
from iljari.core.locks import month_is_locked, require_month_open, unique_or
from iljari.finance.models import BudgetLine
from iljari.org.models import OrgUnit
from iljari.plan.models import (
    CoreTask,
    Milestone,
    Objective,
    Programme,
    ProgrammeFact,
)
from iljari.plan.services.common import (
    PLACE_FIELDS,
    TEXT_FIELDS,
    lines_joined,
    require_editor,
    require_planner,
    retire_day,
    text_required,
    year_checked,
)


def place_errors(
    *, year: int, objective, number, code: str, division, core_task, programme: Programme | None
) -> dict[str, list[str]]:
    """The errors of a programme's place in the plan, by field (empty: it fits)."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if objective is None:
        add("objective", "추진목표를 고르십시오.")
    elif objective.vision.year != year:
        add("objective", f"추진목표는 {year}년의 것이어야 합니다({objective.vision.year}년 추진목표입니다).")
    elif objective.is_retired and (programme is None or programme.objective_id != objective.pk):
        add("objective", "폐지된 추진목표에는 주요업무를 둘 수 없습니다.")
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 99:
        add("number", "번호는 1부터 99까지의 숫자여야 합니다.")
    elif objective is not None and not errors.get("objective"):
        taken = Programme.objects.filter(objective=objective, number=number)
        if programme is not None:
            taken = taken.exclude(pk=programme.pk)
        if taken.exists():
            add("number", f"{objective.number}번 추진목표에 {number}번 주요업무가 이미 있습니다.")
    if programme is None:
        if not code:
            add("code", "코드를 입력하십시오.")
        elif len(code) > 32 or any(ch.isspace() or ch == "/" for ch in code):
            add("code", "코드는 32자 이내로, 빈칸과 / 없이 씁니다.")
        elif Programme.objects.filter(code=code).exists():
            add("code", f"{with_topic('코드 ' + code)} 이미 쓰이고 있습니다.")
    if division is None:
        add("division", "담당 부서를 고르십시오.")
    elif division.kind != OrgUnit.Kind.DIVISION:
        add("division", f"{with_topic(division.name)} 담당관(부서)이 아닙니다. 담당 부서를 고르십시오.")
    if core_task is not None:
        if objective is None or core_task.objective_id != objective.pk:
            add("core_task", "핵심과제는 고른 추진목표의 것이어야 합니다.")
        elif core_task.is_retired and (programme is None or programme.core_task_id != core_task.pk):
            add("core_task", "폐지된 핵심과제는 고를 수 없습니다.")
    return errors


def budget_errors(budget) -> dict[str, list[str]]:
    if budget is None:
        return {}
    if budget < 0:
        return {"budget": ["소요예산은 0 이상이어야 합니다."]}
    message = MONEY.problem(budget)
    return {"budget": [message]} if message else {}


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        first = next(iter(errors.values()))[0]
        raise ValidationFailed(first if len(errors) == 1 else None, field_errors=errors)


def programme_create(
    *,
    actor,
    year: int,
    objective: Objective,
    number: int,
    code: str,
    title: str,
    division,
    core_task: CoreTask | None = None,
    purposes: Iterable[str] | str = (),
    budget: int | None = None,
    budget_note: str = "",
) -> Programme:
    require_planner(actor)
    year = year_checked(year)
    code = (code or "").strip()
    errors = place_errors(
        year=year, objective=objective, number=number, code=code, division=division, core_task=core_task, programme=None
    )
    errors.update(budget_errors(budget))
    try:
        title = text_required(title, "title", "사업명", limit=200)
    except ValidationFailed as error:
        errors.update(error.field_errors)
    _raise(errors)
    with transaction.atomic():
        Objective.objects.select_for_update().get(pk=objective.pk)  # two requests do not take one number
        _raise(
            place_errors(
                year=year,
                objective=objective,
                number=number,
                code=code,
                division=division,
                core_task=core_task,
                programme=None,
            )
        )
        taken = field_error("code", f"{with_topic('코드 ' + code)} 이미 쓰이고 있습니다.")
        with unique_or(taken):  # a code taken by a request that committed in between
            return Programme.objects.create(
                objective=objective,
                number=number,
                code=code,
                title=title,
                division=division,
                core_task=core_task,
                purposes=lines_joined(purposes),
                budget=budget,
                budget_note=(budget_note or "").strip()[:200],
            )


NOT_PLACE_KEEPER = "주요업무의 추진목표·번호·사업명·담당 부서·핵심과제는 총괄만 바꿀 수 있습니다."
FACT_FIELDS = ("label", "value", "notes")
MILESTONE_FIELDS = ("title", "state", "start", "end", "precision", "open_ended", "label", "details", "done_on")


def _facts(programme: Programme, rows: list[dict]) -> list[ProgrammeFact]:
    facts = []
    for order, row in enumerate(rows, 1):
        label = (row.get("label") or "").strip()
        if not label:
            raise field_error("facts", f"사업개요 {order}번째 줄의 항목을 입력하십시오.")
        if len(label) > 100:
            raise field_error("facts", f"사업개요 {order}번째 줄의 항목은 100자까지 쓸 수 있습니다.")
        facts.append(
            ProgrammeFact(
                programme=programme,
                order=order,
                label=label,
                value=(row.get("value") or "").strip(),
                notes=lines_joined(row.get("notes")),
            )
        )
    return facts


def _milestones(programme: Programme, year: int, rows: list[dict]) -> list[Milestone]:
    """The rows as milestones, each checked: a title, a state and date unit of their choices, dates within the
    programme's year (± YEAR_MARGIN), an end not before its start. A done step keeps its 완료일 (or takes its
    end or start)."""
    within = year_date(year, label="추진일정 날짜")
    milestones = []
    for order, row in enumerate(rows, 1):
        where = f"추진일정 {order}번째 줄"
        title = (row.get("title") or "").strip()
        if not title:
            raise field_error("milestones", f"{where}의 내용을 입력하십시오.")
        if len(title) > 300:
            raise field_error("milestones", f"{where}의 내용은 300자까지 쓸 수 있습니다.")
        state = row.get("state") or Milestone.State.PLANNED
        if state not in Milestone.State.values:
            raise field_error("milestones", f"{where}의 상태는 추진완료나 추진계획이어야 합니다.")
        precision = row.get("precision") or Milestone.Precision.DAY
        if precision not in Milestone.Precision.values:
            raise field_error("milestones", f"{where}의 날짜 단위는 일, 월, 날짜 없음 중 하나여야 합니다.")
        start, end, done_on = row.get("start"), row.get("end"), row.get("done_on")
        for day in (start, end, done_on):
            if day is not None and not within.fits(day):
                raise field_error("milestones", f"{where}: {within.problem(day)}")
        if start is not None and end is not None and end < start:
            raise field_error("milestones", f"{where}: 종료일이 시작일보다 앞섭니다.")
        label = (row.get("label") or "").strip()
        if len(label) > 60:
            raise field_error("milestones", f"{where}의 시기 표현은 60자까지 쓸 수 있습니다.")
        if precision == Milestone.Precision.NONE:
            start = end = None
        done_on = (done_on or end or start) if state == Milestone.State.DONE else None
        milestones.append(
            Milestone(
                programme=programme,
                order=order,
                title=title,
                state=state,
                start=start,
                end=end,
                precision=precision,
                open_ended=bool(row.get("open_ended")),
                label=label,
                details=lines_joined(row.get("details")),
                done_on=done_on,
            )
        )
    return milestones


def _milestone_days(values) -> list[date]:
    return [day for day in values if day is not None]


def _require_unlocked_milestones(programme: Programme, milestones: list[Milestone]) -> None:
    """Refuse a change to a milestone dated in a locked month (its start, end or 완료일 before or after)."""
    old = {m.order: m for m in programme.milestones.all()}
    new = {m.order: m for m in milestones}
    for order in sorted(set(old) | set(new)):
        before, after = old.get(order), new.get(order)
        unchanged = before is not None and after is not None
        if unchanged and all(getattr(before, name) == getattr(after, name) for name in MILESTONE_FIELDS):
            continue
        for milestone in (before, after):
            if milestone is None:
                continue
            for day in _milestone_days((milestone.start, milestone.end, milestone.done_on)):
                if month_is_locked(day):
                    require_month_open(day, field="milestones")


def _budget_lines(programme: Programme, year: int, line_ids) -> list[BudgetLine]:
    ids = sorted({int(pk) for pk in line_ids})
    lines = list(BudgetLine.objects.filter(pk__in=ids).select_related("org_unit"))
    linked = set(programme.budget_lines.values_list("pk", flat=True))
    if len(lines) != len(ids):
        raise field_error("budget_lines", "없는 예산 사업이 있습니다.")
    for line in lines:
        if line.year != year:
            raise field_error("budget_lines", f"{with_topic(line.name)} {year}년 예산 사업이 아닙니다.")
        if not line.org_unit.path.startswith(programme.division.path):
            raise field_error(
                "budget_lines", f"{with_topic(line.name)} {programme.division.name}의 예산 사업이 아닙니다."
            )
        if line.is_retired and line.pk not in linked:
            raise field_error("budget_lines", f"{with_topic(line.name)} 폐지된 예산 사업입니다.")
    return lines


def programme_year(programme: Programme) -> int:
    return programme.objective.vision.year


def programme_update(
    *,
    actor,
    programme: Programme,
    facts: list[dict] | None = None,
    milestones: list[dict] | None = None,
    budget_lines: Iterable[int] | None = None,
    **fields,
) -> Programme:
    """Change the programme's fields given (PLACE_FIELDS, TEXT_FIELDS) and replace its facts, milestones and
    budget lines when given (None: left as they are), in one change batch."""
    subject = f"{programme_year(programme)}년 {programme.title}"
    with history_batch(kind="plan.programme", label="주요업무 수정", subject=subject, actor=actor):
        return programme_update_in_batch(
            actor=actor, programme=programme, facts=facts, milestones=milestones, budget_lines=budget_lines, **fields
        )


def programme_update_in_batch(*, actor, programme, facts, milestones, budget_lines, **fields) -> Programme:
    """programme_update inside the caller's change batch (the programme sheet's: one batch for the whole sheet)."""
    unknown = set(fields) - set(PLACE_FIELDS) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"programme_update: unknown fields {sorted(unknown)}")
    programme = (
        Programme.objects.select_related("objective__vision", "division", "core_task")
        .prefetch_related("milestones")
        .get(pk=programme.pk)
    )
    require_editor(actor, programme)
    year = programme_year(programme)
    moved = {name for name in PLACE_FIELDS if name in fields and fields[name] != getattr(programme, name)}
    if moved and actor is not None:
        require(access_plan_manage(actor), NOT_PLACE_KEEPER)
    values = {name: fields.get(name, getattr(programme, name)) for name in (*PLACE_FIELDS, *TEXT_FIELDS)}
    errors = {}
    if moved:
        errors = place_errors(
            year=year,
            objective=values["objective"],
            number=values["number"],
            code=programme.code,
            division=values["division"],
            core_task=values["core_task"],
            programme=programme,
        )
    errors.update(budget_errors(values["budget"]))
    if "title" in moved:
        try:
            values["title"] = text_required(values["title"], "title", "사업명", limit=200)
        except ValidationFailed as error:
            errors.update(error.field_errors)
    _raise(errors)
    values["purposes"] = lines_joined(values["purposes"])
    values["budget_note"] = (values["budget_note"] or "").strip()[:200]
    new_facts = None if facts is None else _facts(programme, facts)
    new_milestones = None if milestones is None else _milestones(programme, year, milestones)
    if new_milestones is not None:
        _require_unlocked_milestones(programme, new_milestones)
    lines = None if budget_lines is None else _budget_lines(programme, year, budget_lines)
    with transaction.atomic():
        locked = Programme.objects.select_for_update().get(pk=programme.pk)
        changed = [name for name, value in values.items() if getattr(locked, name) != value]
        for name in changed:
            setattr(locked, name, values[name])
        if changed:
            taken = field_error(
                "number", f"{values['objective'].number}번 추진목표에 {values['number']}번 주요업무가 이미 있습니다."
            )
            with unique_or(taken):  # a number taken by a request that committed in between
                locked.save(update_fields=[*changed, "updated_at"])
        if new_facts is not None:
            history_bulk_replace(
                ProgrammeFact,
                existing=ProgrammeFact.objects.filter(programme=locked),
                rows=new_facts,
                key=("programme_id", "order"),
                fields=FACT_FIELDS,
            )
        if new_milestones is not None:
            history_bulk_replace(
                Milestone,
                existing=Milestone.objects.filter(programme=locked),
                rows=new_milestones,
                key=("programme_id", "order"),
                fields=MILESTONE_FIELDS,
            )
        if lines is not None:
            locked.budget_lines.set(lines)
    return locked


def programme_retire(*, actor, programme: Programme, on: date | None = None) -> Programme:
    require_planner(actor)
    with transaction.atomic():
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        if programme.retired_on is None:
            programme.retired_on = retire_day(on)
            programme.save(update_fields=["retired_on", "updated_at"])
    return programme


def _milestone(programme: Programme, order: int, row: dict) -> Milestone:
    values = {field: row.get(field) for field in MILESTONE_FIELDS if field != "done_on"}
    values["details"] = "\n".join(row.get("details") or [])
    values["label"] = values["label"] or ""
    values["open_ended"] = bool(values["open_ended"])
    milestone = Milestone(programme=programme, order=order, **values)
    if milestone.state == Milestone.State.DONE:
        milestone.done_on = milestone.end or milestone.start
    return milestone


def programme_set(
    *,
    actor,
    objective: Objective,
    number: int,
    code: str,
    title: str,
    division,
    purposes: list[str],
    budget: int | None,
    budget_note: str = "",
    facts: list[dict] = (),
    milestones: list[dict] = (),
) -> Programme:
    require_planner(actor)
    if budget is not None and budget < 0:
        raise ValidationFailed(field_errors={"budget": ["소요예산은 0 이상이어야 합니다."]})
    with transaction.atomic():
        programme, _ = Programme.objects.update_or_create(
            code=code,
            defaults={
                "objective": objective,
                "number": number,
                "title": title,
                "division": division,
                "purposes": "\n".join(purposes),
                "budget": budget,
                "budget_note": budget_note,
            },
        )
        programme.facts.all().delete()
        ProgrammeFact.objects.bulk_create(
            [
                ProgrammeFact(
                    programme=programme,
                    order=order,
                    label=fact["label"],
                    value=fact.get("value", ""),
                    notes="\n".join(fact.get("notes") or []),
                )
                for order, fact in enumerate(facts, 1)
            ]
        )
        programme.milestones.all().delete()
        Milestone.objects.bulk_create([_milestone(programme, order, row) for order, row in enumerate(milestones, 1)])
    return programme


def milestone_complete(*, actor, milestone: Milestone, done_on: date) -> Milestone:
    programme = milestone.programme
    if actor is not None:
        require(access_figures_enter(actor, programme.division.path), "이 부서의 추진일정을 고칠 권한이 없습니다.")
    year = programme.objective.vision.year
    if done_on is None:
        raise ValidationFailed(field_errors={"done_on": ["완료일을 입력하십시오."]})
    if done_on.year != year:
        raise ValidationFailed(field_errors={"done_on": [f"완료일은 {year}년 안의 날짜여야 합니다."]})
    require_month_open(done_on, field="done_on")
    with transaction.atomic():
        milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
        milestone.state = Milestone.State.DONE
        milestone.done_on = done_on
        milestone.save(update_fields=["state", "done_on", "updated_at"])
    return milestone
