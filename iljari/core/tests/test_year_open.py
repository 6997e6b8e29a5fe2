"""Opening a year ("2019년 준비", core.years) over the 2018 report: what the preview promises is what the opening
creates, in one change batch; a second opening creates nothing and says so; only the office manager may open."""

from __future__ import annotations

from datetime import date

import pytest
from auditlog.models import LogEntry

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.models import ChangeBatch
from iljari.core.roles import Role
from iljari.core.years import year_open, year_preview, year_steps
from iljari.demo.dataset import report2018 as r
from iljari.finance import services as finance
from iljari.finance.models import BudgetLine
from iljari.org.models import OrgUnit
from iljari.performance.models import JobTarget
from iljari.plan.models import (
    CoreTask,
    Milestone,
    Objective,
    Programme,
    ProgrammeBlock,
    ProgrammeBlockCell,
    ProgrammeFact,
    Vision,
)
from iljari.plan.year_opening import programme_code_next

pytestmark = pytest.mark.django_db


def _parts(preview) -> dict[str, object]:
    return {part.label: part for _, parts in preview.steps for part in parts}


def test_steps_run_in_dependency_order():
    assert [step.name for step in year_steps()] == ["finance", "plan", "performance"]


def test_programme_codes_of_the_new_year():
    assert programme_code_next("P1-01", 2018, 2019) == "P1-01-2019"
    assert programme_code_next("P1-01-2019", 2019, 2020) == "P1-01-2020"
    assert programme_code_next("S2018-0001", 2018, 2019) == "S2019-0001"


def test_opening_2019_from_2018_creates_what_the_preview_lists(dataset_2018, personas):
    manager = personas[Role.OFFICE_MANAGER]
    preview = year_preview(user=manager, from_year=2018, to_year=2019)
    parts = _parts(preview)
    # the 2018 report: three divisions each with one budget line, one vision, three objectives, 21 programmes
    assert len(parts["예산 사업"].create) == 3
    assert parts["비전"].create == [r.VISION]
    assert len(parts["추진목표"].create) == len(r.OBJECTIVES) == 3
    assert len(parts["핵심과제"].create) == sum(len(o["core_tasks"]) for o in r.OBJECTIVES)
    assert len(parts["주요업무"].create) == len(r.PROGRAMMES) == 21
    assert len(parts["일자리 목표(수치 없이)"].create) == len(r.JOB_TARGET_GROUPS) + len(r.JOB_TARGET_KINDS)
    assert preview.already_there == 0

    opening = year_open(actor=manager, to_year=2019, from_year=2018)

    assert opening.total == preview.to_create  # what the preview promised, no more
    assert Vision.objects.get(year=2019).statement == r.VISION
    assert Objective.objects.filter(vision__year=2019).count() == 3
    assert CoreTask.objects.filter(objective__vision__year=2019).count() == len(parts["핵심과제"].create)
    new = Programme.objects.filter(objective__vision__year=2019)
    assert new.count() == 21
    p101 = new.get(code="P1-01-2019")
    old = Programme.objects.get(code="P1-01")
    assert (p101.title, p101.division_id, p101.number, p101.objective.number) == (
        old.title,
        old.division_id,
        old.number,
        old.objective.number,
    )
    assert p101.budget is None  # the new year's budget is set anew
    assert not Milestone.objects.filter(programme__in=new).exists()  # a new year's plan is written anew
    assert ProgrammeFact.objects.filter(programme=p101).count() == old.facts.count()
    lines = BudgetLine.objects.filter(year=2019)
    assert sorted(lines.values_list("code", flat=True)) == sorted(f"{division}-2018" for division, *_ in r.BUDGET)
    targets = JobTarget.objects.filter(year=2019)
    assert targets.count() == len(r.JOB_TARGET_GROUPS) + len(r.JOB_TARGET_KINDS)
    assert not targets.exclude(target=None).exists() and not targets.exclude(budget=None).exists()
    # one change batch, its entries naming the manager
    batch = ChangeBatch.objects.get(pk=opening.batch_id)
    assert batch.kind_label == "2019년 준비" and batch.actor_id == manager.pk
    assert batch.created == opening.total == LogEntry.objects.filter(cid=batch.cid).count()
    assert LogEntry.objects.filter(cid=batch.cid, content_type__model="programme").count() == 21


def test_budget_line_links_are_mapped_by_code(dataset_2018):
    policy = OrgUnit.objects.get(code="JOBS-POLICY")
    line = finance.budget_line_set(
        actor=None, year=2018, org_unit=policy, code="123-45", name="청년 뉴딜일자리", source="city"
    )
    retired = finance.budget_line_set(
        actor=None, year=2018, org_unit=policy, code="999-01", name="끝난 사업", source="city"
    )
    BudgetLine.objects.filter(pk=retired.pk).update(retired_on=date(2018, 12, 31))
    programme = Programme.objects.get(code="P1-01")
    programme.budget_lines.add(line, retired)

    year_open(actor=None, to_year=2019, from_year=2018)

    new_line = BudgetLine.objects.get(year=2019, code="123-45")
    assert (new_line.name, new_line.source, new_line.org_unit_id) == ("청년 뉴딜일자리", "city", policy.pk)
    assert not BudgetLine.objects.filter(year=2019, code="999-01").exists()  # retired: left behind
    assert list(Programme.objects.get(code="P1-01-2019").budget_lines.all()) == [new_line]
    link = LogEntry.objects.get(content_type__model="programme_budget_lines", action=LogEntry.Action.CREATE)
    assert link.object_repr == "P1-01-2019 ↔ 123-45"  # the link is in the change history too


def test_a_continuing_programme_keeps_its_core_task_and_its_report_text(dataset_2018):
    programme = Programme.objects.get(code="P2-05")
    task = CoreTask.objects.filter(objective=programme.objective).order_by("order").last()
    Programme.objects.filter(pk=programme.pk).update(core_task=task)
    ProgrammeBlock.objects.create(programme=programme, order=1, marker="※", text="시·구 매칭비율 7:3")
    table = ProgrammeBlock.objects.create(programme=programme, order=2, kind="table", title="쉼터", marker="")
    ProgrammeBlockCell.objects.create(block=table, part="head", row=1, column=1, text="구분", colspan=2)
    ProgrammeBlockCell.objects.create(block=table, part="body", row=1, column=1, text="서울시 노동자 쉼터")

    year_open(actor=None, to_year=2019, from_year=2018)

    carried = Programme.objects.get(code="P2-05-2019")
    assert carried.core_task is not None and carried.core_task != task
    assert (carried.core_task.objective.vision.year, carried.core_task.order, carried.core_task.title) == (
        2019,
        task.order,
        task.title,
    )
    blocks = list(carried.blocks.order_by("order"))
    assert [(b.kind, b.marker, b.text, b.title) for b in blocks] == [
        ("paragraph", "※", "시·구 매칭비율 7:3", ""),
        ("table", "", "", "쉼터"),
    ]
    assert sorted(blocks[1].cells.values_list("part", "row", "column", "text", "colspan")) == [
        ("body", 1, 1, "서울시 노동자 쉼터", 1),
        ("head", 1, 1, "구분", 2),
    ]
    assert ProgrammeBlock.objects.filter(programme=programme).count() == 2  # the 2018 text stays as it was


def test_retired_programmes_do_not_continue(dataset_2018):
    Programme.objects.filter(code="P2-01").update(retired_on=date(2018, 12, 31))
    year_open(actor=None, to_year=2019, from_year=2018)
    assert not Programme.objects.filter(code="P2-01-2019").exists()
    assert Programme.objects.filter(objective__vision__year=2019).count() == 20


def test_a_second_opening_creates_nothing_and_says_so(dataset_2018, personas):
    manager = personas[Role.OFFICE_MANAGER]
    year_open(actor=manager, to_year=2019, from_year=2018)
    batches, programmes = ChangeBatch.objects.count(), Programme.objects.count()
    with pytest.raises(ValidationFailed) as error:
        year_open(actor=manager, to_year=2019, from_year=2018)
    assert error.value.field_errors["to_year"] == ["2019년은 이미 준비되어 있습니다(새로 만들 것이 없습니다)."]
    assert (ChangeBatch.objects.count(), Programme.objects.count()) == (batches, programmes)
    assert year_preview(user=manager, from_year=2018, to_year=2019).to_create == 0


def test_a_year_half_made_by_hand_is_completed_and_what_is_there_kept(dataset_2018):
    Vision.objects.create(year=2019, statement="손으로 쓴 2019년 비전")
    year_open(actor=None, to_year=2019, from_year=2018)
    assert Vision.objects.get(year=2019).statement == "손으로 쓴 2019년 비전"
    assert Programme.objects.filter(objective__vision__year=2019).count() == 21


def test_a_year_with_nothing_to_carry_says_so(dataset_2018):
    with pytest.raises(ValidationFailed) as error:
        year_open(actor=None, to_year=2017, from_year=2016)
    assert error.value.field_errors["to_year"] == ["2016년에는 가져올 자료가 없습니다."]
    assert not Vision.objects.filter(year=2017).exists()


@pytest.mark.parametrize(
    ("from_year", "to_year", "field"),
    [(2018, 2018, "to_year"), (2018, 2017, "to_year"), (1999, 2019, "from_year"), (2018, 2101, "to_year")],
)
def test_bad_years_are_refused_on_their_field(dataset_2018, from_year, to_year, field):
    with pytest.raises(ValidationFailed) as error:
        year_open(actor=None, to_year=to_year, from_year=from_year)
    assert field in error.value.field_errors
    assert not Vision.objects.exclude(year=2018).exists() and not ChangeBatch.objects.exists()


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.OFFICE_MANAGER])
def test_only_the_office_manager_opens_a_year(dataset_2018, personas, role):
    with pytest.raises(NotAllowed):
        year_open(actor=personas[role], to_year=2019, from_year=2018)
    with pytest.raises(NotAllowed):
        year_preview(user=personas[role], from_year=2018, to_year=2019)
    assert not Vision.objects.filter(year=2019).exists()
