"""plan pages: the vision and programmes of a year, a programme's detail, marking a milestone done."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST

from iljari.core.access import access_figures_enter, access_office_figures_view, figures_unit_path, require
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.core.http import service_step
from iljari.core.korean import object_particle
from iljari.core.period import figure_period
from iljari.core.worklist import worklist_day
from iljari.plan import selectors, services
from iljari.plan.models import Milestone


class MilestoneDoneForm(KrdsFormMixin, forms.Form):
    done_on = forms.DateField(label="완료일", widget=DateInput())


@login_required
def plan_overview(request):
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
        },
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
    year = int(raw_year) if raw_year.isdigit() and int(raw_year) in years else (years[0] if years else on.year)
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
            "year": year,
            "form": MilestoneDoneForm(initial={"done_on": as_of}),
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
