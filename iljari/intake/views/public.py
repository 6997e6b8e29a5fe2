"""Open to all, without login: the public call list (calls for people at /portal/calls/, for organisations at
/portal/org/calls/: search by title, filters, places and D-day, paging and sort through intake/lists.py
PUBLIC_CALLS) and each call's public page (eligibility, documents, quotas, schedule, 문의처). Only published calls
are shown. Login is asked only to act: 신청하기 opens the apply page, which sends a visitor to the login page and
brings them back (?next=)."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from iljari.core.access import access_apply, access_organisation_own
from iljari.core.formats import d_day_text
from iljari.core.http import paginate
from iljari.core.lists import list_read
from iljari.intake import selectors
from iljari.intake.forms import PublicCallFilterForm
from iljari.intake.lists import PUBLIC_CALLS
from iljari.intake.models import Call


def call_marks(call: Call, *, now, today) -> Call:
    """The call's 접수 상태 and D-day as the public pages show them (set on the row)."""
    call.status_text = call.public_status(now)
    call.d_day = d_day_text(call.closes_at, today) if call.status_text == "접수 중" else ""
    return call


def _call_list(request, audience: str):
    people = audience == Call.Audience.PEOPLE
    form = PublicCallFilterForm(
        request.GET or None, choices=selectors.public_call_filters(audience=audience), people=people
    )
    listing = list_read(request, PUBLIC_CALLS)
    calls = selectors.public_call_list(audience=audience, query=listing.q, **form.chosen())
    page = paginate(request, listing.order(calls))
    now, today = timezone.now(), timezone.localdate()
    for call in page:
        call_marks(call, now=now, today=today)
    own = access_apply(request.user) if people else access_organisation_own(request.user)
    mine = reverse("intake:portal_applications" if people else "intake:org_portal_applications") if own else ""
    context = {"form": form, "listing": listing, "page": page, "people": people, "own_applications": mine}
    return render(request, "intake/portal_calls.html", context)


def portal_calls(request):
    """The calls for people, open and past, to everyone."""
    return _call_list(request, Call.Audience.PEOPLE)


def org_portal_calls(request):
    """The calls for organisations, open and past, to everyone."""
    return _call_list(request, Call.Audience.ORGANISATIONS)


def public_call(request, code: str):
    """One published call, to everyone: what it asks and when; 신청하기 while it is open."""
    call = selectors.public_call_get(code=code)
    call_marks(call, now=timezone.now(), today=timezone.localdate())
    people = call.audience == Call.Audience.PEOPLE
    apply_url = reverse("intake:portal_call" if people else "intake:org_portal_call", args=[call.code])
    context = {
        "call": call,
        "people": people,
        "open": call.status_text == "접수 중",
        "apply_url": apply_url,
        "list_url": reverse("intake:portal_calls" if people else "intake:org_portal_calls"),
        "places": sum(quota.places for quota in call.quotas.all()),
    }
    return render(request, "intake/public_call.html", context)
