"""The frontline's items of a person's work list (core.worklist): the 취업날개 rentals past their due day, for the
staff of the point (the count and the list its link opens come from one selector, suit_rentals_overdue)."""

from __future__ import annotations

from datetime import date

from iljari.core.access import access_frontline_view
from iljari.core.worklist import WorkItem, worklist_link
from iljari.frontline.selectors.suits import rental_work_points, suit_rentals_overdue


def suit_work_items(user, today: date):
    if not access_frontline_view(user) or not rental_work_points(user=user):
        return
    yield WorkItem(
        "반납 기한 지난 대여",
        suit_rentals_overdue(user=user, on=today).count(),
        worklist_link("frontline:suit_rental_list", on=today, overdue="1"),
        group="현장 서비스",
        severity="overdue",
    )
