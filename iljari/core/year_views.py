"""The page of opening a year ("2019년 준비", core.years): choose the source year, see what would be created per
step, confirm once. Office manager only."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from iljari.core.access import access_year_open, require
from iljari.core.errors import IljariError
from iljari.core.figures import YEAR
from iljari.core.forms import KrdsFormMixin
from iljari.core.http import form_apply_error, service_step
from iljari.core.years import nothing_to_open, year_open, year_preview, year_sources


class YearOpenForm(KrdsFormMixin, forms.Form):
    from_year = forms.TypedChoiceField(label="가져올 연도", coerce=int)
    to_year = YEAR.form_field(label="준비할 연도")

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_year"].choices = [(year, f"{year}년") for year in years]
        self.fields["from_year"].error_messages["invalid_choice"] = "가져올 연도를 목록에서 고르십시오."


def _url(from_year, to_year, **extra) -> str:
    return f"{reverse('core:year_open')}?{urlencode({'from_year': from_year, 'to_year': to_year, **extra})}"


@login_required
def year_open_page(request):
    require(access_year_open(request.user), "새 연도는 총괄만 준비할 수 있습니다.")
    years = year_sources()
    initial = {"from_year": years[0], "to_year": years[0] + 1} if years else {}
    data = request.POST if request.method == "POST" else (request.GET if "from_year" in request.GET else None)
    form = YearOpenForm(data, years=years, initial=initial)

    def page(form, status=200, preview=None):
        context = {"form": form, "preview": preview, "opened": request.GET.get("opened") == "1"}
        if preview is not None:
            context["blocked"] = nothing_to_open(preview)
        return render(request, "core/year_open.html", context, status=status)

    if request.method == "POST":

        def open_year(data):
            opening = year_open(actor=request.user, to_year=data["to_year"], from_year=data["from_year"])
            counts = ", ".join(f"{label} {count}건" for label, count in opening.created if count)
            return (
                f"{opening.to_year}년을 준비했습니다({counts}).",
                _url(opening.from_year, opening.to_year, opened=1),
            )

        return service_step(request, open_year, form=form, render_page=page)
    if data is None or not form.is_valid():
        return page(form, status=400 if form.errors else 200)
    try:
        preview = year_preview(
            user=request.user, from_year=form.cleaned_data["from_year"], to_year=form.cleaned_data["to_year"]
        )
    except IljariError as error:
        form_apply_error(form, error)
        return page(form, status=error.status)
    return page(form, preview=preview)
