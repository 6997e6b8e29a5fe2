"""A service point's page: who runs it, its hours and settings, and the counts the report prints for it from its
records (the social economy's centres, the emotional-labour centre, a 일자리카페's rentals), with links to where the
records are kept. The record-figures registry links each printed figure here."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from iljari.core.access import access_frontline_manage, access_service_point_work
from iljari.core.formats import screen_date
from iljari.core.korean import with_topic
from iljari.core.period import figure_period
from iljari.frontline import selectors
from iljari.frontline.models import ServicePoint

# the point_counts keys each kind of point shows on its page
KIND_FIGURES = {
    ServicePoint.Kind.COOP_CENTRE: (
        "coop_consultations",
        "coop_daily",
        "coop_courses",
        "coop_trainees",
        "coop_coaching",
        "coop_growth",
    ),
    ServicePoint.Kind.SOCIAL_ECONOMY_CENTRE: ("centre_management", "centre_academy", "centre_programmes"),
    ServicePoint.Kind.EMOTIONAL_LABOUR_CENTRE: (
        "emotional_consultations",
        "emotional_healing",
        "emotional_healing_attendees",
    ),
}


@login_required
def point_detail(request, code: str):
    point = selectors.service_point_get(user=request.user, code=code)
    year, as_of, warnings = figure_period(request)
    counts = selectors.point_counts(year=year, as_of=as_of)
    rows = [
        (selectors.POINT_FIGURES[key][0], counts[key], selectors.POINT_FIGURES[key][1])
        for key in KIND_FIGURES.get(point.kind, ())
    ]
    suits = (
        selectors.suit_counts(year=year, as_of=as_of, service_point=point)
        if point.kind == ServicePoint.Kind.JOB_CAFE
        else None
    )
    return render(
        request,
        "frontline/points/point_detail.html",
        {
            "point": point,
            "rows": rows,
            "suits": suits,
            "year": year,
            "as_of": as_of,
            "warnings": warnings,
            "not_open": (
                f"{with_topic(point.name)} {screen_date(point.opened_on)}에 문을 엽니다. 이 기준일에는 기록이 없습니다."
                if point.opened_on is not None and as_of < point.opened_on
                else ""
            ),
            "can_work": access_service_point_work(request.user, point),
            "can_manage": access_frontline_manage(request.user, point.division.path),
            "programmes": point.programmes.order_by("code"),
        },
    )
