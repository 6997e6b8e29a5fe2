"""The citizen's portal pages of the rooms and programmes desk: rooms and booking (or the waiting list), programmes
and registration, the citizen's own bookings and registrations (cancel, satisfaction) and completion certificates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import access_book, require
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.formats import screen_date
from iljari.core.http import service_step
from iljari.frontline import selectors, services
from iljari.frontline.forms import BookingForm, SatisfactionForm
from iljari.frontline.views.common import day_asked


@login_required
def portal_room(request, code: str):
    require(access_book(request.user))
    room = selectors.room_get_public(code=code)
    shown = {"day": day_asked(request)}  # the day whose slots the page shows: the one booked once the form is valid
    starts, lengths = selectors.room_hours(room=room)
    form = BookingForm(
        request.POST or None,
        initial={"day": shown["day"], "hour": 10 if 10 in starts else next(iter(starts), None), "hours": 1},
        starts=starts,
        lengths=lengths,
    )

    def book(data):
        day = shown["day"] = data["day"]
        if request.POST.get("wait") == "1":
            services.booking_wait(actor=request.user, room=room, day=day, hour=data["hour"])
            return "대기자로 신청했습니다. 자리가 나면 예약으로 바뀝니다.", reverse("frontline:portal_bookings")
        services.booking_create(actor=request.user, room=room, **data)
        hours = f"{data['hour']:02d}:00~{data['hour'] + data['hours']:02d}:00"
        return f"{room.name} {screen_date(day)} {hours} 예약을 마쳤습니다.", reverse("frontline:portal_bookings")

    def render_page(f, status):
        day = shown["day"]
        slots = selectors.room_day(room=room, day=day, user=request.user)
        context = {"room": room, "day": day, "slots": slots, "form": f}
        # the page answers 400 for every refused booking, a taken slot too (the API answers that one 409)
        return render(request, "frontline/portal_room.html", context, status=400 if f.errors else 200)

    return service_step(request, book, form=form, render_page=render_page)


@login_required
def portal_bookings(request):
    bookings = selectors.my_booking_blocks(user=request.user)
    return render(request, "frontline/portal_bookings.html", {"bookings": bookings, "today": timezone.localdate()})


@login_required
@require_POST
def portal_booking_cancel(request, pk: int):
    booking = selectors.my_booking_get(user=request.user, pk=pk)
    url = reverse("frontline:portal_bookings")

    def cancel():
        services.booking_cancel(actor=request.user, booking=booking)
        return "예약을 취소했습니다.", url

    return service_step(request, cancel, back=url)


@login_required
@require_POST
def portal_register(request, pk: int):
    require(access_book(request.user))
    session = selectors.session_get_public(pk=pk, today=timezone.localdate())

    def register():
        services.registration_create(actor=request.user, session=session)
        return f"{session.programme.title} {session.title}에 신청했습니다.", reverse("frontline:portal_registrations")

    return service_step(request, register, back=reverse("frontline:portal_programmes"))


@login_required
def portal_registrations(request):
    registrations = selectors.my_registrations(user=request.user)
    return render(
        request,
        "frontline/portal_registrations.html",
        {"registrations": registrations, "form": SatisfactionForm()},
    )


@login_required
@require_POST
def portal_registration_cancel(request, pk: int):
    registration = selectors.my_registration_get(user=request.user, pk=pk)
    url = reverse("frontline:portal_registrations")

    def cancel():
        services.registration_cancel(actor=request.user, registration=registration)
        return "신청을 취소했습니다.", url

    return service_step(request, cancel, back=url)


@login_required
@require_POST
def portal_satisfaction(request, pk: int):
    registration = selectors.my_registration_get(user=request.user, pk=pk)
    form = SatisfactionForm(request.POST)
    url = reverse("frontline:portal_registrations")

    def rate():
        if not form.is_valid():
            raise ValidationFailed("만족도는 1~5점으로 고르십시오.")
        services.satisfaction_record(actor=request.user, registration=registration, score=form.cleaned_data["score"])
        return "만족도를 남겼습니다. 고맙습니다.", url

    return service_step(request, rate, back=url)


@login_required
def portal_certificate(request, code: str):
    try:
        certificate = selectors.certificate_get(user=request.user, programme_code=code)
    except NotFound as error:
        messages.error(request, error.message)
        return redirect("frontline:portal_registrations")
    return render(request, "frontline/portal_certificate.html", {"certificate": certificate})
