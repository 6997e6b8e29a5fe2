"""The rooms and programmes desk's office pages: rooms with their year's use and a day's bookings (check-in,
no-show), programmes and their sessions (attendance)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import access_frontline_manage, access_frontline_view, access_service_point_work, require
from iljari.core.http import service_step
from iljari.frontline import selectors, services
from iljari.frontline.views.common import day_asked

# --- rooms ------------------------------------------------------------------------------------------------


@login_required
def room_list(request):
    require(access_frontline_view(request.user))
    year = timezone.localdate().year
    if request.GET.get("year", "").isdecimal() and 2000 <= int(request.GET["year"]) <= 2100:
        year = int(request.GET["year"])
    rooms = selectors.room_usage(user=request.user, year=year)
    return render(request, "frontline/room_list.html", {"rooms": rooms, "year": year})


@login_required
def room_detail(request, code: str):
    room = selectors.room_get(user=request.user, code=code)
    day = day_asked(request)
    return render(
        request,
        "frontline/room_detail.html",
        {
            "room": room,
            "day": day,
            "bookings": selectors.room_bookings(user=request.user, room=room, day=day),
            "can_work": access_service_point_work(request.user, room.service_point),
        },
    )


@login_required
@require_POST
def booking_attendance(request, pk: int):
    booking = selectors.booking_get(user=request.user, pk=pk)
    attended = request.POST.get("attended") == "1"
    url = f"{reverse('frontline:room_detail', args=[booking.room.code])}?day={booking.day:%Y-%m-%d}"

    def record():
        services.booking_attendance(actor=request.user, booking=booking, attended=attended)
        return ("이용을 확인했습니다." if attended else "불참으로 기록했습니다."), url

    return service_step(request, record, back=url)


# --- programmes -------------------------------------------------------------------------------------------


@login_required
def programme_list(request):
    require(access_frontline_view(request.user))
    return render(request, "frontline/programme_list.html", {"programmes": selectors.programme_list(user=request.user)})


@login_required
def programme_detail(request, code: str):
    programme = selectors.programme_get(user=request.user, code=code)
    return render(
        request,
        "frontline/programme_detail.html",
        {
            "programme": programme,
            "sessions": selectors.programme_sessions(programme=programme),
            "can_manage": access_frontline_manage(request.user, programme.division.path),
        },
    )


@login_required
def session_detail(request, pk: int):
    session = selectors.session_get(user=request.user, pk=pk)
    return render(
        request,
        "frontline/session_detail.html",
        {
            "session": session,
            "registrations": selectors.session_registrations(session=session),
            "can_manage": access_frontline_manage(request.user, session.programme.division.path),
        },
    )


@login_required
@require_POST
def registration_attendance(request, pk: int):
    registration = selectors.registration_get(user=request.user, pk=pk)
    attended = request.POST.get("attended") == "1"
    url = reverse("frontline:session_detail", args=[registration.session_id])

    def record():
        services.attendance_record(actor=request.user, registration=registration, attended=attended)
        return "출석을 기록했습니다.", url

    return service_step(request, record, back=url)
