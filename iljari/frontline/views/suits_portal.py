"""The citizen's 취업날개 page: book a fitting visit at a 일자리카페 with the items to try (the due day follows from
the café's rental days), see one's own rentals and cancel a booking not yet picked up."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import access_book, require
from iljari.core.formats import screen_date
from iljari.core.http import service_step
from iljari.frontline import selectors, services
from iljari.frontline.suit_forms import PortalSuitForm
from iljari.frontline.views.common import pick

CITIZENS_ONLY = "취업날개 대여는 시민 회원만 예약할 수 있습니다."


@login_required
def portal_suits(request):
    require(access_book(request.user), CITIZENS_ONLY)
    points = selectors.suit_points_public()
    items = selectors.suit_items_public(points=points)
    initial = {"visit_on": timezone.localdate(), "service_point": points[0].code if points else ""}
    form = PortalSuitForm(request.POST or None, points=points, items=items, initial=initial)

    def book(data):
        point = pick(points, data["service_point"])
        chosen = [item for item in items if item.code in set(data["items"])]
        rental = services.suit_rental_book(
            actor=request.user,
            service_point=point,
            visit_on=data["visit_on"],
            items=chosen,
            user=request.user,
            purpose=data["purpose"],
        )
        return (
            f"{point.name} {screen_date(rental.visit_on)} 방문을 예약했습니다. "
            f"반납 기한은 {screen_date(rental.due_on)}입니다.",
            reverse("frontline:portal_suits"),
        )

    def render_page(f, status):
        context = {"form": f, "points": points, "rentals": selectors.my_suit_rentals(user=request.user)}
        return render(request, "frontline/suits/portal_suits.html", context, status=status)

    return service_step(request, book, form=form, render_page=render_page)


@login_required
@require_POST
def portal_suit_cancel(request, pk: int):
    rental = selectors.my_suit_rental_get(user=request.user, pk=pk)
    back = reverse("frontline:portal_suits")

    def run():
        services.suit_rental_cancel(actor=request.user, rental=rental)
        return "예약을 취소했습니다.", back

    return service_step(request, run, back=back)
