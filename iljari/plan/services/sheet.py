"""The programme sheet read back: every row checked, then all written or none."""

from __future__ import annotations

from iljari.core.access import (
    access_plan_manage,
    access_programme_edit,
)
from iljari.core.errors import ValidationFailed
from iljari.core.history import history_batch
from iljari.core.korean import with_object, with_subject, with_topic
from iljari.core.xlsx import xlsx_rows
from iljari.org.models import OrgUnit
from iljari.plan.models import (
    CoreTask,
    Objective,
    Programme,
)
from iljari.plan.services.common import PLACE_FIELDS, year_checked
from iljari.plan.services.programmes import (
    budget_errors,
    place_errors,
    programme_create,
    programme_update_in_batch,
    programme_year,
)
from iljari.plan.sheets import PROGRAMME_COLUMNS, PROGRAMME_SHEET_TITLE

SHEET_REFUSED = "엑셀 파일에 잘못된 값이 있어 아무것도 저장하지 않았습니다."


def programme_sheet_import(*, actor, year: int, data: bytes) -> int:
    """Read the programme sheet back. New codes are created (the office manager), known codes updated (their
    division's staff for 소요예산 and its note; the office manager for the rest). Every row is checked against the
    others and the database first; nothing is written unless all rows are valid. Returns the rows written."""
    year = year_checked(year)
    rows = xlsx_rows(data=data, columns=PROGRAMME_COLUMNS, title=PROGRAMME_SHEET_TITLE)
    objectives = {o.number: o for o in Objective.objects.filter(vision__year=year).select_related("vision")}
    tasks = {(t.objective_id, t.order): t for t in CoreTask.objects.filter(objective__vision__year=year)}
    divisions = {u.code: u for u in OrgUnit.objects.filter(code__in=[r.get("division") for r in rows])}
    known = {
        p.code: p
        for p in Programme.objects.filter(code__in=[r.get("code") for r in rows]).select_related(
            "objective__vision", "division", "core_task"
        )
    }
    labels = {c.key: c.header for c in PROGRAMME_COLUMNS}
    errors: list[str] = []
    checked: list[tuple[Programme | None, dict]] = []
    seen_codes: set[str] = set()
    places: dict[tuple[int, int], str] = {}
    for row in rows:
        line = row["_row"]
        code = str(row.get("code") or "").strip()
        row_errors: dict[str, list[str]] = {}
        if code in seen_codes:
            row_errors["code"] = [f"{with_topic('코드 ' + code)} 이 파일에 두 번 나옵니다."]
        seen_codes.add(code)
        objective = objectives.get(row.get("objective"))
        if objective is None:
            row_errors["objective"] = [f"{year}년에 {row.get('objective')}번 추진목표가 없습니다."]
        task = None
        if row.get("core_task") is not None and objective is not None:
            task = tasks.get((objective.pk, row.get("core_task")))
            if task is None:
                row_errors["core_task"] = [
                    f"{objective.number}번 추진목표에 {row.get('core_task')}번 핵심과제가 없습니다."
                ]
        division = divisions.get(row.get("division"))
        if division is None:
            row_errors["division"] = [f"{with_subject('부서 코드 ' + str(row.get('division')))} 없습니다."]
        programme = known.get(code)
        if programme is not None and programme_year(programme) != year:
            row_errors["code"] = [f"{with_topic('코드 ' + code)} {programme_year(programme)}년 주요업무입니다."]
        values = {
            "objective": objective,
            "number": row.get("number"),
            "title": row.get("title"),
            "division": division,
            "core_task": task,
            "budget": row.get("budget"),
            "budget_note": row.get("budget_note") or "",
        }
        if not row_errors:
            if programme is None:
                if actor is not None and not access_plan_manage(actor):
                    row_errors["code"] = [f"{with_object('코드 ' + code)} 새로 만들 권한이 없습니다(총괄만)."]
                else:
                    row_errors.update(place_errors(year=year, code=code, programme=None, **_place(values)))
            else:
                moved = [name for name in PLACE_FIELDS if values[name] != getattr(programme, name)]
                if actor is not None and not access_programme_edit(actor, programme.division.path):
                    row_errors["code"] = [f"{programme.division.name}의 주요업무는 고칠 권한이 없습니다."]
                elif moved and actor is not None and not access_plan_manage(actor):
                    names = ", ".join(labels[name] for name in moved)
                    row_errors["code"] = [f"{names}: 총괄만 바꿀 수 있습니다."]
                elif moved:
                    row_errors.update(place_errors(year=year, code=code, programme=programme, **_place(values)))
            row_errors.update(budget_errors(values["budget"]))
        if objective is not None and isinstance(values["number"], int):
            place = (objective.number, values["number"])
            if place in places and places[place] != code:
                row_errors.setdefault("number", []).append(
                    f"{objective.number}번 추진목표의 {values['number']}번이 이 파일에 두 번 나옵니다({places[place]})."
                )
            places[place] = code
        for field, messages in row_errors.items():
            errors.extend(f"{line}행 '{labels.get(field, field)}': {message}" for message in messages)
        if not row_errors:
            checked.append((programme, {**values, "code": code}))
    if errors:
        raise ValidationFailed(
            "엑셀 파일에 잘못된 값이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": errors}
        )
    with history_batch(
        kind="plan.programme_sheet", label="주요업무 엑셀 올리기", subject=f"{year}년 주요업무", actor=actor
    ):
        for programme, values in checked:
            if programme is None:
                programme_create(actor=actor, year=year, **values)
            else:
                values.pop("code")
                programme_update_in_batch(
                    actor=actor, programme=programme, facts=None, milestones=None, budget_lines=None, **values
                )
    return len(checked)


def _place(values: dict) -> dict:
    return {name: values[name] for name in ("objective", "number", "division", "core_task")}
