"""The home page of a citizen and of an organisation's contact: what is open to them (calls open now, with D-day),
what is pending (their applications and the step each is at, their drafts), what is due (documents a draft still
lacks, bookings coming), and their messages when the portal has them. Read through each app's selectors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from iljari.core.access import access_apply, access_book, access_organisation_own
from iljari.core.formats import d_day_text, screen_date
from iljari.frontline.selectors.rooms import my_bookings
from iljari.intake import selectors as intake

ENDED = {"withdrawn", "ineligible", "screened_out", "not_selected", "declined"}  # nothing more to follow
SHOWN = 5  # calls shown on the home page; the list has them all


def d_day(closes, today: date) -> str:
    """The days left to a deadline as the portals say it: D-3, D-day (the last day); a deadline at midnight is the
    end of the day before (core.formats.d_day_text, as the public call list counts)."""
    return d_day_text(closes, today)


@dataclass(frozen=True)
class Pending:
    application: object
    step: object  # the step it is at now (intake.selectors.Step)
    url: str


@dataclass(frozen=True)
class Due:
    label: str
    detail: str
    url: str


def _calls(calls, today: date, page: str) -> list[tuple]:
    return [(call, d_day(call.closes_at, today), reverse(page, args=[call.code])) for call in calls[:SHOWN]]


def _applications(applications, today: date, page: str, call_page: str) -> tuple[list, list, list]:
    """(pending, drafts, due): the applications still moving with their step, the drafts still open, and each open
    draft's documents still missing."""
    pending, drafts, due = [], [], []
    for application in applications:
        if application.is_expired_draft or application.status in ENDED:
            continue
        step = next(s for s in intake.application_steps(application=application, today=today) if s.here)
        item = Pending(application, step, reverse(page, args=[application.pk]))
        if application.status == "draft":
            drafts.append(item)
            uploaded = {document.label for document in application.documents.all()}
            missing = [line for line in application.call.document_lines if line not in uploaded]
            if missing:
                due.append(
                    Due(
                        f"{application.call.title}: 제출 서류 {len(missing)}건 미제출",
                        f"{', '.join(missing)} · 마감 {d_day(application.call.closes_at, today)}",
                        reverse(call_page, args=[application.call.code]),
                    )
                )
        else:
            pending.append(item)
    return pending, drafts, due


def citizen_home(*, user, today: date) -> dict:
    if not access_apply(user):
        return {}
    applications = intake.my_application_list(user=user).prefetch_related("documents")
    pending, drafts, due = _applications(applications, today, "intake:portal_application", "intake:portal_call")
    if access_book(user):
        for booking in my_bookings(user=user).filter(day__gte=today, status="booked").order_by("day", "hour")[:SHOWN]:
            due.append(
                Due(
                    f"{booking.room.name} 예약",
                    f"{screen_date(booking.day, weekday=True)} {booking.hour:02d}:00",
                    reverse("frontline:portal_bookings"),
                )
            )
    open_calls = intake.open_call_list().order_by("closes_at", "code")
    return {
        "portal": "citizen",
        "open_calls": _calls(open_calls, today, "intake:portal_call"),
        "open_count": open_calls.count(),
        "calls_url": reverse("intake:portal_calls"),
        "applications_url": reverse("intake:portal_applications"),
        "pending": pending,
        "drafts": drafts,
        "due": due,
        "messages_url": reverse("messaging_portal:my_messages"),
    }


def organisation_home(*, user, today: date) -> dict:
    if not access_organisation_own(user):
        return {}
    applications = intake.my_org_application_list(user=user).prefetch_related("documents")
    pending, drafts, due = _applications(applications, today, "intake:org_portal_application", "intake:org_portal_call")
    open_calls = intake.org_open_call_list().order_by("closes_at", "code")
    return {
        "portal": "organisation",
        "open_calls": _calls(open_calls, today, "intake:org_portal_call"),
        "open_count": open_calls.count(),
        "calls_url": reverse("intake:org_portal_calls"),
        "applications_url": reverse("intake:org_portal_applications"),
        "pending": pending,
        "drafts": drafts,
        "due": due,
        "messages_url": None,  # an organisation's messages go to its contacts' e-mail and phone (no portal page)
    }
