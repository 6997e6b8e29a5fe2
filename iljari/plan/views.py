"""plan pages: the vision and programmes of a year, a programme's detail, marking a milestone done; editing the
year's vision, objectives and core tasks; creating, editing and retiring programmes with their facts, milestones,
budget lines and report text blocks; the programme sheet (download and upload)."""

from __future__ import annotations

from functools import partial

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_figures_enter,
    access_office_figures_view,
    access_plan_manage,
    access_programme_edit,
    access_programme_edit_any,
    figures_unit_path,
    require,
)
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.forms import DateInput, KrdsFormMixin, UploadForm
from iljari.core.http import XLSX, service_step, xlsx_upload
from iljari.core.korean import object_particle, with_object
from iljari.core.period import figure_period
from iljari.core.worklist import worklist_day
from iljari.plan import selectors, services
from iljari.plan.forms import (
    BlockForm,
    BudgetLinesForm,
    CoreTaskForm,
    FactFormSet,
    MilestoneFormSet,
    ObjectiveForm,
    ProgrammeForm,
    VisionForm,
    rows_text,
)
from iljari.plan.models import CoreTask, Milestone, Objective


class MilestoneDoneForm(KrdsFormMixin, forms.Form):
    done_on = forms.DateField(label="완료일", widget=DateInput())


@login_required
def plan_overview(request, upload=None, status=200):
    require(access_office_figures_view(request.user))
    year, as_of, warnings = figure_period(request)
    for warning in warnings:
        messages.warning(request, warning)
    programmes = selectors.programme_list(user=request.user, year=year, unit_path=figures_unit_path(request.user))
    overdue = {m.programme_id for m in selectors.overdue_milestone_list(user=request.user, year=year, as_of=as_of)}
    return render(
        request,
        "plan/overview.html",
        {
            "year": year,
            "as_of": as_of,
            "vision": selectors.plan_get(user=request.user, year=year),
            "programmes": programmes,
            "overdue": overdue,
            "can_plan": access_plan_manage(request.user),
            "can_edit": access_programme_edit_any(request.user),
            "upload": upload or UploadForm(),
        },
        status=status,
    )


@login_required
def milestone_list(request):
    """The planned steps overdue on a day, or due within two weeks of it (the work list's link): ?when=&on=&year=."""
    require(access_office_figures_view(request.user))
    when = request.GET.get("when", "")
    when = when if when in selectors.MILESTONE_TODO else "overdue"
    on = worklist_day(request)
    years = selectors.plan_years()
    raw_year = request.GET.get("year", "")
    year = int(raw_year) if raw_year.isdecimal() and int(raw_year) in years else (years[0] if years else on.year)
    milestones = selectors.milestone_todo_list(user=request.user, when=when, on=on, year=year)
    context = {
        "milestones": milestones,
        "when": when,
        "on": on,
        "year": year,
        "due_days": selectors.MILESTONE_DUE_DAYS,
    }
    return render(request, "plan/milestone_list.html", context)


@login_required
def programme_detail(request, code: str):
    programme = selectors.programme_get(user=request.user, code=code)
    year, as_of, _ = figure_period(request)
    done, planned = selectors.milestones_by_state(programme)
    can_edit = access_programme_edit(request.user, programme.division.path)
    blocks = list(programme.blocks.all())
    return render(
        request,
        "plan/programme_detail.html",
        {
            "programme": programme,
            "done": done,
            "planned": planned,
            "as_of": as_of,
            "can_enter": access_figures_enter(request.user, programme.division.path),
            "can_build": access_office_figures_view(request.user),
            "can_edit": can_edit,
            "can_plan": access_plan_manage(request.user),
            "year": year,
            "form": MilestoneDoneForm(initial={"done_on": as_of}),
            "blocks": list(zip(blocks, selectors.programme_text(programme), strict=True)),
            "budget_rows": selectors.programme_budget_rows(user=request.user, programme=programme, as_of=as_of),
            "dependencies": selectors.programme_dependencies(user=request.user, programme=programme),
        },
    )


@login_required
@require_POST
def milestone_done(request, pk: int):
    milestone = Milestone.objects.select_related("programme").filter(pk=pk).first()
    if milestone is None:
        raise NotFound("추진일정을 찾을 수 없습니다.")
    programme = selectors.programme_get(user=request.user, code=milestone.programme.code)
    back = programme.get_absolute_url()

    def complete():
        form = MilestoneDoneForm(request.POST)
        if not form.is_valid():
            raise ValidationFailed("완료일을 날짜로 입력하십시오.")
        services.milestone_complete(actor=request.user, milestone=milestone, done_on=form.cleaned_data["done_on"])
        return f"'{milestone.title}'{object_particle(str(milestone.title))} 추진완료로 바꾸었습니다.", back

    return service_step(request, complete, back=back)


# --- the year: vision, objectives, core tasks -----------------------------------------------------------------


def _year_arg(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise NotFound("연도를 찾을 수 없습니다.")
    return year


def _pk(request) -> int:
    raw = request.POST.get("id", "")
    if not raw.isdecimal():
        raise NotFound("고칠 항목을 찾을 수 없습니다.")
    return int(raw)


@login_required
def year_edit(request, year: int):
    """One page per year: the vision, each objective with its core tasks; each form posts its own `action`."""
    require(access_plan_manage(request.user))
    year = _year_arg(year)
    vision = selectors.plan_get(user=request.user, year=year)
    here = reverse("plan:year_edit", args=[year])
    action = request.POST.get("action", "") if request.method == "POST" else ""
    bound = {}

    def page(form, status):
        if action:
            bound[(action, request.POST.get("id", ""))] = form
        return render(request, "plan/year_edit.html", _year_context(year, vision, bound), status=status)

    if not action:
        return page(None, 200)
    if action == "vision":
        form = VisionForm(request.POST)

        def run(data):
            services.vision_set(actor=request.user, year=year, statement=data["statement"])
            return f"{year}년 비전을 저장했습니다.", here

        return service_step(request, run, form=form, render_page=page)
    if vision is None:
        raise ValidationFailed("비전을 먼저 저장하십시오.")
    if action == "objective_add":
        form = ObjectiveForm(request.POST, prefix="new")

        def run(data):
            objective = services.objective_create(actor=request.user, vision=vision, **data)
            return f"{with_object(objective.title)} 추진목표로 더했습니다.", here

        return service_step(request, run, form=form, render_page=page)
    if action in ("objective_edit", "objective_retire", "task_add"):
        objective = Objective.objects.filter(pk=_pk(request), vision=vision).first()
        if objective is None:
            raise NotFound("추진목표를 찾을 수 없습니다.")
        if action == "objective_edit":
            form = ObjectiveForm(request.POST, prefix=f"o{objective.pk}")

            def run(data):
                services.objective_update(actor=request.user, objective=objective, **data)
                return f"{data['number']}번 추진목표를 저장했습니다.", here

            return service_step(request, run, form=form, render_page=page)
        if action == "objective_retire":

            def run():
                services.objective_retire(actor=request.user, objective=objective)
                return f"{with_object(objective.title)} 폐지했습니다.", here

            return service_step(request, run, back=here)
        form = CoreTaskForm(request.POST, prefix=f"n{objective.pk}")

        def run(data):
            services.core_task_create(actor=request.user, objective=objective, title=data["title"])
            return f"{with_object(data['title'])} 핵심과제로 더했습니다.", here

        return service_step(request, run, form=form, render_page=page)
    if action in ("task_edit", "task_retire"):
        task = CoreTask.objects.filter(pk=_pk(request), objective__vision=vision).first()
        if task is None:
            raise NotFound("핵심과제를 찾을 수 없습니다.")
        if action == "task_edit":
            form = CoreTaskForm(request.POST, prefix=f"t{task.pk}")

            def run(data):
                services.core_task_update(actor=request.user, core_task=task, title=data["title"])
                return "핵심과제를 저장했습니다.", here

            return service_step(request, run, form=form, render_page=page)

        def run():
            services.core_task_retire(actor=request.user, core_task=task)
            return f"{with_object(task.title)} 폐지했습니다.", here

        return service_step(request, run, back=here)
    raise NotFound("알 수 없는 요청입니다.")


def _task_form(task) -> CoreTaskForm:
    return CoreTaskForm(initial={"title": task.title}, prefix=f"t{task.pk}")


def _year_context(year: int, vision, bound: dict) -> dict:
    """The page's forms, each filled from its record unless the request just posted it back with errors."""

    def pick(action, pk, make):
        return bound.get((action, str(pk))) or make()

    objectives = []
    for objective in vision.objectives.all() if vision else []:
        tasks = [(task, pick("task_edit", task.pk, partial(_task_form, task))) for task in objective.core_tasks.all()]
        edit = pick(
            "objective_edit",
            objective.pk,
            lambda o=objective: ObjectiveForm(initial={"number": o.number, "title": o.title}, prefix=f"o{o.pk}"),
        )
        add = pick("task_add", objective.pk, lambda o=objective: CoreTaskForm(prefix=f"n{o.pk}"))
        objectives.append({"objective": objective, "form": edit, "tasks": tasks, "task_form": add})
    return {
        "year": year,
        "vision": vision,
        "vision_form": pick(
            "vision", "", lambda: VisionForm(initial={"statement": vision.statement if vision else ""})
        ),
        "objectives": objectives,
        "objective_form": pick("objective_add", "", lambda: ObjectiveForm(prefix="new")),
    }


# --- programmes -----------------------------------------------------------------------------------------------


def _programme_form(request, year: int, *, data=None, initial=None, place=True, new=True):
    initial = initial or {}
    return ProgrammeForm(
        data,
        initial=initial,
        objectives=selectors.objective_choices(year=year, keep=initial.get("objective")),
        core_tasks=selectors.core_task_choices(year=year, keep=initial.get("core_task")),
        divisions=selectors.division_choices(),
        place=place,
        new=new,
    )


@login_required
def programme_new(request):
    require(access_plan_manage(request.user))
    year, _, _ = figure_period(request)
    form = _programme_form(request, year, data=request.POST if request.method == "POST" else None)

    def run(data):
        programme = services.programme_create(actor=request.user, year=year, **data)
        return f"{with_object(programme.title)} 주요업무로 더했습니다.", reverse(
            "plan:programme_edit", args=[programme.code]
        )

    def page(form, status):
        return render(request, "plan/programme_new.html", {"form": form, "year": year}, status=status)

    return service_step(request, run, form=form, render_page=page)


class ProgrammeEditForms:
    """The edit page's forms together: the programme, its facts and milestones (ordered rows), its budget lines."""

    def __init__(self, request, programme, *, place: bool):
        data = request.POST if request.method == "POST" else None
        year = programme.objective.vision.year
        initial = {
            "objective": programme.objective_id,
            "core_task": programme.core_task_id,
            "number": programme.number,
            "title": programme.title,
            "division": programme.division_id,
            "purposes": programme.purposes,
            "budget": programme.budget,
            "budget_note": programme.budget_note,
        }
        self.programme = _programme_form(request, year, data=data, initial=initial, place=place, new=False)
        self.facts = FactFormSet(
            data,
            prefix="facts",
            initial=[
                {"label": f.label, "value": f.value, "notes": f.notes, "ORDER": f.order} for f in programme.facts.all()
            ],
        )
        self.milestones = MilestoneFormSet(
            data,
            prefix="milestones",
            initial=[
                {
                    "title": m.title,
                    "state": m.state,
                    "precision": m.precision,
                    "start": m.start,
                    "end": m.end,
                    "open_ended": m.open_ended,
                    "label": m.label,
                    "done_on": m.done_on,
                    "details": m.details,
                    "ORDER": m.order,
                }
                for m in programme.milestones.all()
            ],
        )
        self.lines = BudgetLinesForm(
            data,
            lines=selectors.programme_line_choices(user=request.user, programme=programme),
            initial={"budget_lines": [line.pk for line in programme.budget_lines.all()]},
        )
        self.section_errors: dict[str, list[str]] = {}

    def parts(self):
        return (self.programme, self.facts, self.milestones, self.lines)

    def is_valid(self) -> bool:
        return all([part.is_valid() for part in self.parts()])  # every part checked, so each shows its errors

    @property
    def errors(self) -> bool:
        return bool(self.section_errors) or any(
            part.errors if not isinstance(part, FactFormSet | MilestoneFormSet) else part.total_error_count()
            for part in self.parts()
        )

    @property
    def cleaned_data(self) -> dict:
        data = dict(self.programme.cleaned_data)
        data["facts"] = self.facts.rows()
        data["milestones"] = self.milestones.rows()
        data["budget_lines"] = [line.pk for line in self.lines.cleaned_data["budget_lines"]]
        return data

    @property
    def fields(self) -> dict:
        return {**self.programme.fields, "facts": None, "milestones": None, "budget_lines": None}

    def add_error(self, field, message) -> None:
        """A service's error: on the programme form's field, or above the section it names."""
        if field in self.programme.fields:
            self.programme.add_error(field, message)
        elif field in ("facts", "milestones", "budget_lines"):
            self.section_errors.setdefault(field, []).append(message)
        else:
            self.programme.add_error(None, message)


@login_required
def programme_edit(request, code: str):
    programme = selectors.programme_get(user=request.user, code=code)
    require(access_programme_edit(request.user, programme.division.path))
    place = access_plan_manage(request.user)
    forms_ = ProgrammeEditForms(request, programme, place=place)

    def run(data):
        services.programme_update(actor=request.user, programme=programme, **data)
        return f"{with_object(programme.title)} 저장했습니다.", programme.get_absolute_url()

    def page(_, status):
        return render(
            request,
            "plan/programme_edit.html",
            {
                "programme": programme,
                "forms": forms_,
                "place": place,
                "dependencies": selectors.programme_dependencies(user=request.user, programme=programme),
            },
            status=status,
        )

    return service_step(request, run, form=forms_, render_page=page)


@login_required
@require_POST
def programme_retire(request, code: str):
    programme = selectors.programme_get(user=request.user, code=code)
    require(access_plan_manage(request.user))

    def run():
        services.programme_retire(actor=request.user, programme=programme)
        return f"{with_object(programme.title)} 폐지했습니다.", programme.get_absolute_url()

    return service_step(request, run, back=programme.get_absolute_url())


@login_required
def programme_export(request):
    require(access_office_figures_view(request.user))
    year, _, _ = figure_period(request)
    response = HttpResponse(selectors.programme_sheet(user=request.user, year=year), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="programmes-{year}.xlsx"'
    return response


@login_required
def programme_import(request):
    require(access_programme_edit_any(request.user))
    year, _, _ = figure_period(request)
    return xlsx_upload(
        request,
        importer=lambda data: services.programme_sheet_import(actor=request.user, year=year, data=data),
        success_url=f"{reverse('plan:overview')}?year={year}",
        render_page=lambda upload, status: plan_overview(request, upload=upload, status=status),
    )


# --- text blocks ----------------------------------------------------------------------------------------------


def _block_page(request, programme, form, status, block=None):
    return render(
        request, "plan/block_edit.html", {"programme": programme, "form": form, "block": block}, status=status
    )


@login_required
def block_new(request, code: str):
    programme = selectors.programme_get(user=request.user, code=code)
    require(access_programme_edit(request.user, programme.division.path))
    form = BlockForm(request.POST if request.method == "POST" else None, initial={"kind": "paragraph", "marker": "○"})

    def run(_):
        services.programme_block_save(actor=request.user, programme=programme, **form.values())
        return "본문을 더했습니다.", f"{programme.get_absolute_url()}#text-title"

    return service_step(
        request, run, form=form, render_page=lambda form, status: _block_page(request, programme, form, status)
    )


@login_required
def block_edit(request, pk: int):
    block = selectors.programme_block_get(user=request.user, pk=pk)
    programme = block.programme
    require(access_programme_edit(request.user, programme.division.path))
    (text,) = selectors.programme_text_of_blocks([block])
    initial = {
        "kind": block.kind,
        "marker": block.marker,
        "level": block.level,
        "text": block.text,
        "title": block.title,
        "unit_line": block.unit_line,
        "notes": block.notes,
        "head": rows_text(text.head),
        "body": rows_text(text.body),
        "steps": "\n".join(text.steps),
    }
    form = BlockForm(request.POST if request.method == "POST" else None, initial=initial)

    def run(_):
        services.programme_block_save(actor=request.user, programme=programme, block=block, **form.values())
        return "본문을 저장했습니다.", f"{programme.get_absolute_url()}#text-title"

    return service_step(
        request, run, form=form, render_page=lambda form, status: _block_page(request, programme, form, status, block)
    )


@login_required
@require_POST
def block_move(request, pk: int):
    block = selectors.programme_block_get(user=request.user, pk=pk)
    back = f"{block.programme.get_absolute_url()}#text-title"
    require(access_programme_edit(request.user, block.programme.division.path))

    def run():
        services.programme_block_move(actor=request.user, block=block, direction=request.POST.get("direction", ""))
        return "본문의 순서를 바꾸었습니다.", back

    return service_step(request, run, back=back)


@login_required
@require_POST
def block_delete(request, pk: int):
    block = selectors.programme_block_get(user=request.user, pk=pk)
    back = f"{block.programme.get_absolute_url()}#text-title"
    require(access_programme_edit(request.user, block.programme.division.path))

    def run():
        services.programme_block_delete(actor=request.user, block=block)
        return "본문을 지웠습니다.", back

    return service_step(request, run, back=back)
