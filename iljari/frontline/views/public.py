"""frontline's pages open to all, without login: the rooms (with each one's week of free and booked hours) and the
programmes with their places left. Booking and registering stay behind login (portal.py): the buttons here lead to
the login page, which brings the visitor back (?next=)."""

from __future__ import annotations

from datetime import timedelta

from django.shortcuts import render
from django.utils import timezone

from iljari.frontline import selectors
from iljari.frontline.views.common import day_asked


def portal_rooms(request):
    context = {"rooms": selectors.room_list_public()}
    return render(request, "frontline/portal_rooms.html", context)


def portal_room_week(request, code: str):
    """A room's week: each opening hour free, booked, past or closed (closed days and public holidays)."""
    room = selectors.room_get_public(code=code)
    now = timezone.localtime()
    week = selectors.room_week(room=room, day=day_asked(request), now_day=now.date(), now_hour=now.hour)
    context = {
        "room": room,
        "week": week,
        "previous": week.first - timedelta(days=7),
        "next": week.first + timedelta(days=7),
        "this_week": week.first <= now.date() <= week.last,
    }
    return render(request, "frontline/portal_room_week.html", context)


def portal_programmes(request):
    sessions = selectors.session_list_public(today=timezone.localdate())
    return render(request, "frontline/portal_programmes.html", {"sessions": sessions})
