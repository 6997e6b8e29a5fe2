"""The shelters desk's pages: the daily averages per shelter and year, and a shelter's daily count entry."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from iljari.core.access import access_frontline_view, access_shelter_counts, require
from iljari.core.formats import screen_date
from iljari.core.http import service_step
from iljari.core.period import figure_period
from iljari.frontline import selectors, services
from iljari.frontline.forms import ShelterCountForm


@login_required
def shelter_list(request):
    require(access_frontline_view(request.user))
    year, _, warnings = figure_period(request)
    rows = selectors.shelter_averages(user=request.user, year=year)
    previous = selectors.shelter_averages(user=request.user, year=year - 1)
    return render(
        request,
        "frontline/shelter_list.html",
        {
            "year": year,
            "warnings": warnings,
            "rows": rows,
            "total": sum(row.average or 0 for row in rows),
            "previous_total": sum(row.average or 0 for row in previous),
        },
    )


@login_required
def shelter_detail(request, code: str):
    shelter = selectors.shelter_get(user=request.user, code=code)
    can_count = access_shelter_counts(request.user, shelter)
    if request.method == "POST":
        require(can_count, f"{shelter.name}의 이용자 수를 입력할 권한이 없습니다.")
    form = ShelterCountForm(request.POST or None, initial={"day": timezone.localdate()})

    def save(data):
        services.shelter_count_record(actor=request.user, shelter=shelter, **data)
        return f"{screen_date(data['day'])} 이용자 수를 저장했습니다.", reverse("frontline:shelter_detail", args=[code])

    year = timezone.localdate().year

    def render_page(f, status):
        counts = selectors.shelter_counts(shelter=shelter, year=year)[:31]
        context = {"shelter": shelter, "form": f, "can_count": can_count, "counts": counts, "year": year}
        return render(request, "frontline/shelter_detail.html", context, status=status)

    return service_step(request, save, form=form, render_page=render_page)
