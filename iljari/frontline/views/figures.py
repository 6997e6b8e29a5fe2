"""The figures page: every count the 2018 report prints for the frontline services, from the records."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from iljari.core.access import access_frontline_view, require
from iljari.core.period import figure_period
from iljari.frontline import selectors


@login_required
def figures(request):
    require(access_frontline_view(request.user))
    year, as_of, warnings = figure_period(request)
    points = {}  # the first point of each kind the user reads: the rows link to its page
    for point in selectors.service_point_list(user=request.user).order_by("code"):
        points.setdefault(point.kind, point)
    return render(
        request,
        "frontline/figures.html",
        {
            "figures": selectors.frontline_figures(user=request.user, year=year, as_of=as_of),
            "year": year,
            "as_of": as_of,
            "warnings": warnings,
            "points": points,
        },
    )
