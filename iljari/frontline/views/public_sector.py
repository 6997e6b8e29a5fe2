"""The public sector desk's page: conversions, pre-screening requests and the committee's decisions, annual working
hours and checks, each with its form for 노동정책담당관 (access_public_sector_record)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_committees_view,
    access_public_sector_record,
    access_public_sector_view,
    require,
)
from iljari.core.errors import ValidationFailed
from iljari.core.http import service_step
from iljari.core.period import figure_period
from iljari.frontline import selectors, services
from iljari.frontline.forms import ConversionForm, DecisionForm, LabourCheckForm, ScreeningForm, WorkingHoursForm
from iljari.frontline.views.common import pick
from iljari.org import selectors as org_selectors

NOT_ALLOWED = "공공부문 노동 자료를 기록할 권한이 없습니다."


def _institutions(user) -> list:
    return list(org_selectors.partner_list(user=user, kind="public_institution"))


@login_required
def public_sector(request):
    require(access_public_sector_view(request.user))
    year, as_of, warnings = figure_period(request)
    institutions = _institutions(request.user)
    can_record = access_public_sector_record(request.user)
    form = LabourCheckForm(request.POST or None, institutions=institutions)
    if request.method == "POST":
        require(can_record, NOT_ALLOWED)

    def save(data):
        services.labour_check_record(
            actor=request.user,
            institution=pick(institutions, data["institution"]),
            kind=data["kind"],
            checked_on=data["checked_on"],
            compliant=data["compliant"],
            max_weekly_hours=data["max_weekly_hours"],
            findings=data["findings"],
        )
        return "점검 결과를 기록했습니다.", reverse("frontline:public_sector")

    def render_page(f, status):
        today = timezone.localdate()
        context = {
            "summary": selectors.public_sector_summary(user=request.user, as_of=as_of),
            "year": year,
            "as_of": as_of,
            "warnings": warnings,
            "form": f,
            "screening_form": ScreeningForm(institutions=institutions, initial={"requested_on": today}),
            "decision_form": DecisionForm(initial={"decided_on": today}),
            "conversion_form": ConversionForm(institutions=institutions),
            "hours_form": WorkingHoursForm(institutions=institutions, initial={"year": today.year}),
            "can_record": can_record,
            "can_committees": access_committees_view(request.user),
        }
        return render(request, "frontline/public_sector.html", context, status=status)

    return service_step(request, save, form=form, render_page=render_page)


def _posted(form) -> dict:
    """The data of a form posted from the public-sector page, which does not draw these forms again: the form's
    mistakes become one Korean message, refused like a service's mistake (a message and back to the page)."""
    if not form.is_valid():
        errors = [f"{form.fields[name].label}: {' '.join(messages)}" for name, messages in form.errors.items()]
        raise ValidationFailed("입력한 내용을 확인해 주십시오. " + " ".join(errors))
    return form.cleaned_data


@login_required
@require_POST
def screening_request(request):
    institutions = _institutions(request.user)
    form = ScreeningForm(request.POST, institutions=institutions)
    require(access_public_sector_record(request.user), NOT_ALLOWED)

    def save():
        data = _posted(form)
        data["institution"] = pick(institutions, data["institution"])
        services.screening_request(actor=request.user, **data)
        return "사전심사 요청을 등록했습니다.", reverse("frontline:public_sector")

    return service_step(request, save, back=reverse("frontline:public_sector"))


@login_required
@require_POST
def screening_decide(request, pk: int):
    screening = selectors.screening_get(user=request.user, pk=pk)
    form = DecisionForm(request.POST)
    require(access_public_sector_record(request.user), NOT_ALLOWED)

    def save():
        services.screening_decide(actor=request.user, screening=screening, **_posted(form))
        return "심사 결과를 기록했습니다.", reverse("frontline:public_sector")

    return service_step(request, save, back=reverse("frontline:public_sector"))


@login_required
@require_POST
def conversion_record(request):
    institutions = _institutions(request.user)
    form = ConversionForm(request.POST, institutions=institutions)
    require(access_public_sector_record(request.user), NOT_ALLOWED)

    def save():
        data = _posted(form)
        data["institution"] = pick(institutions, data["institution"])
        services.conversion_record(actor=request.user, **data)
        return "정규직 전환을 기록했습니다.", reverse("frontline:public_sector")

    return service_step(request, save, back=reverse("frontline:public_sector"))


@login_required
@require_POST
def working_hours_record(request):
    institutions = _institutions(request.user)
    form = WorkingHoursForm(request.POST, institutions=institutions)
    require(access_public_sector_record(request.user), NOT_ALLOWED)

    def save():
        data = _posted(form)
        data["institution"] = pick(institutions, data["institution"])
        services.working_hours_record(actor=request.user, **data)
        return "연간 노동시간을 기록했습니다.", reverse("frontline:public_sector")

    return service_step(request, save, back=reverse("frontline:public_sector"))
