"""The visitor's home (`/` for someone not logged in): what is open now (the calls open today with their D-day,
for citizens and for organisations), the newest notices, the rooms and programmes, the strong-SME platform, the FAQ,
and 로그인 · 회원가입. Everything it shows is open to all; acting on it asks for login."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from iljari.board.selectors import notice_latest
from iljari.core.formats import d_day_text
from iljari.intake.selectors import public_call_list

OPEN_CALLS_SHOWN = 6


def _open_calls(audience: str, now, today) -> list:
    calls = list(
        public_call_list(audience=audience, status="open", now=now).order_by("closes_at", "pk")[:OPEN_CALLS_SHOWN]
    )
    for call in calls:
        call.d_day = d_day_text(call.closes_at, today)
    return calls


def visitor_home(request):
    now, today = timezone.now(), timezone.localdate()
    context = {
        "people_calls": _open_calls("people", now, today),
        "organisation_calls": _open_calls("organisations", now, today),
        "notices": notice_latest(count=5, now=now),
    }
    return render(request, "web/visitor_home.html", context)
