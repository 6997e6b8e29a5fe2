"""The events and campaigns pages (docs/events.md): the list (search, kind, year, sort, xlsx), an event's page (its
sessions and attendance, tallies, committees, guests, company visits, documents) with the forms of its division's
staff, the event form, and a document's download."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from iljari.core.access import access_frontline_manage_any, access_frontline_view, require
from iljari.core.downloads import download_named
from iljari.core.errors import IljariError, field_error
from iljari.core.http import XLSX, paginate, service_step
from iljari.core.korean import with_object
from iljari.core.lists import list_read, list_sheet
from iljari.enterprises import selectors as enterprise_selectors
from iljari.frontline.forms_events import (
    CommitteeForm,
    DocumentForm,
    EntryAdvanceForm,
    EntryForm,
    EventForm,
    GuestForm,
    TallyForm,
    VisitForm,
)
from iljari.frontline.lists_events import EVENTS, attendees
from iljari.frontline.models import Event
from iljari.frontline.selectors import events as selectors
from iljari.frontline.services import events as services
from iljari.frontline.views.common import pick
from iljari.intake import selectors as intake_selectors
from iljari.org import selectors as org_selectors


def _year(request) -> int | None:
    value = request.GET.get("year", "").strip()
    return int(value) if value.isdecimal() and 2000 <= int(value) <= 2100 else None


def _events(request):
    listing = list_read(request, EVENTS)
    kind = request.GET.get("kind", "").strip()[:16]
    kind = kind if kind in Event.Kind.values else ""
    year = _year(request)
    rows = selectors.event_list(user=request.user, query=listing.q, kind=kind, year=year)
    return listing, kind, year, listing.order(rows)


@login_required
def event_list(request):
    require(access_frontline_view(request.user))
    listing, kind, year, rows = _events(request)
    page = paginate(request, rows)
    for event in page:
        event.attendees = attendees(event)
    return render(
        request,
        "frontline/events/list.html",
        {
            "page": page,
            "listing": listing,
            "kind": kind,
            "year": year,
            "kinds": Event.Kind.choices,
            "years": selectors.event_years(),
            "can_create": access_frontline_manage_any(request.user),
        },
    )


@login_required
def event_export(request):
    """The events as the list shows them (the same search, filters and sort), every row, as xlsx."""
    require(access_frontline_view(request.user))
    listing, _kind, _year_, rows = _events(request)
    response = HttpResponse(list_sheet(listing, rows.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "행사 목록.xlsx", fallback="events.xlsx")
    return response


def _detail(request, event, *, forms=None, status=200):
    forms = forms or {}
    context = {"event": event, "page": selectors.event_page(event=event)}
    if event.can_manage:
        context.update(
            tally_form=forms.get("tally") or TallyForm(initial={"day": event.starts_on, "place": event.place[:120]}),
            committee_form=forms.get("committee") or CommitteeForm(),
            guest_form=forms.get("guest") or GuestForm(),
            visit_form=forms.get("visit") or VisitForm(initial={"visited_on": event.starts_on}),
            document_form=forms.get("document") or DocumentForm(),
            entry_form=forms.get("entry") or EntryForm(initial={"proposed_on": event.starts_on}),
            advance_form=forms.get("advance") or EntryAdvanceForm(),
            advance_entry=forms.get("advance_entry"),
        )
    return render(request, "frontline/events/detail.html", context, status=status)


@login_required
def event_detail(request, code: str):
    return _detail(request, selectors.event_get(user=request.user, code=code))


def _event_form(request, event: Event | None):
    divisions = list(selectors.manage_divisions(user=request.user))
    require(bool(divisions), "행사를 관리할 권한이 없습니다.")
    programmes = selectors.plan_programme_choices(user=request.user, divisions=divisions)
    partners = list(org_selectors.partner_list(user=request.user))
    sessions = list(selectors.manage_session_programmes(user=request.user))
    initial = {"state": Event.State.PLANNED, "counting": Event.Counting.NONE}
    if event is not None:
        initial = {
            "code": event.code,
            "kind": event.kind,
            "title": event.title,
            "division": event.division.code,
            "programme": event.programme.code,
            "organisers": event.organisers,
            "partner": event.partner.code if event.partner_id else "",
            "starts_on": event.starts_on,
            "ends_on": event.ends_on,
            "place": event.place,
            "capacity": event.capacity,
            "state": event.state,
            "counting": event.counting,
            "sessions": event.sessions.code if event.sessions_id else "",
            "call": event.call.code if event.call_id else "",
            "note": event.note,
        }
    form = EventForm(
        request.POST or None,
        divisions=divisions,
        programmes=programmes,
        partners=partners,
        sessions=sessions,
        editing=event is not None,
        initial=initial,
    )

    def save(data):
        call = None
        if data["call"].strip():
            try:
                call = intake_selectors.call_get(user=request.user, code=data["call"].strip())
            except IljariError:
                raise field_error("call", "그 코드의 공모를 찾을 수 없습니다.") from None
        saved = services.event_set(
            actor=request.user,
            code=event.code if event is not None else data["code"],
            new=event is None,
            event=event,
            kind=data["kind"],
            title=data["title"],
            division=pick(divisions, data["division"]),
            programme=pick(programmes, data["programme"]),
            organisers=data["organisers"],
            partner=pick(partners, data["partner"]),
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            place=data["place"],
            capacity=data["capacity"],
            state=data["state"],
            counting=data["counting"],
            sessions=pick(sessions, data["sessions"]),
            call=call,
            note=data["note"],
        )
        return f"{with_object(saved.title)} 저장했습니다.", saved.get_absolute_url()

    title = "행사 등록" if event is None else f"{event.title} 수정"
    back = reverse("frontline:event_list") if event is None else event.get_absolute_url()
    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(
            request, "frontline/events/form.html", {"form": f, "title": title, "back": back}, status=status
        ),
    )


@login_required
def event_create(request):
    return _event_form(request, None)


@login_required
def event_edit(request, code: str):
    return _event_form(request, selectors.manage_event_get(user=request.user, code=code))


def _event_step(request, code: str, key: str, form_class, write, message: str):
    """A form of an event's page, posted by its division's staff: on a mistake the page again with the form."""
    selectors.manage_event_get(user=request.user, code=code)  # 404 outside the divisions the user keeps
    event = selectors.event_get(user=request.user, code=code)
    form = form_class(request.POST or None, request.FILES or None)

    def save(data):
        write(event, data)
        return message, event.get_absolute_url()

    return service_step(
        request, save, form=form, render_page=lambda f, status: _detail(request, event, forms={key: f}, status=status)
    )


@login_required
def event_tally_add(request, code: str):
    def write(event, data):
        services.event_tally_record(actor=request.user, event=event, **data)

    return _event_step(request, code, "tally", TallyForm, write, "참여 인원 집계를 기록했습니다.")


@login_required
def event_committee_add(request, code: str):
    def write(event, data):
        services.event_committee_add(actor=request.user, event=event, **data)

    return _event_step(request, code, "committee", CommitteeForm, write, "위원회를 기록했습니다.")


@login_required
def event_guest_add(request, code: str):
    def write(event, data):
        services.event_guest_set(actor=request.user, event=event, **data)

    return _event_step(request, code, "guest", GuestForm, write, "초청 대상을 기록했습니다.")


@login_required
def event_visit_add(request, code: str):
    def write(event, data):
        try:
            organisation = enterprise_selectors.organisation_get(user=request.user, pk=data["organisation"])
        except IljariError:
            raise field_error("organisation", "그 번호의 기업·단체를 찾을 수 없습니다.") from None
        article = None
        if data["article"]:
            articles = selectors.organisation_articles(organisation=organisation)
            article = next((a for a in articles if a.pk == data["article"]), None)
            if article is None:
                raise field_error("article", f"{organisation.name}의 탐방기사 중에 그 번호가 없습니다.")
        services.event_visit_record(
            actor=request.user,
            event=event,
            organisation=organisation,
            visited_on=data["visited_on"],
            participants=data["participants"],
            article=article,
            note=data["note"],
        )

    return _event_step(request, code, "visit", VisitForm, write, "기업 방문을 기록했습니다.")


@login_required
def event_document_add(request, code: str):
    def write(event, data):
        services.event_document_upload(actor=request.user, event=event, **data)

    return _event_step(request, code, "document", DocumentForm, write, "문서를 올렸습니다.")


@login_required
def event_entry_add(request, code: str):
    def write(event, data):
        services.event_entry_set(actor=request.user, event=event, **data)

    return _event_step(request, code, "entry", EntryForm, write, "제안사업을 기록했습니다.")


@login_required
def event_entry_advance(request, code: str, pk: int):
    """An entry one stage on (제안 → 선정 → 시상); a mistake shows the page with the form open under that entry."""
    selectors.manage_event_get(user=request.user, code=code)  # 404 outside the divisions the user keeps
    event = selectors.event_get(user=request.user, code=code)
    entry = selectors.event_entry_get(event=event, pk=pk)
    form = EntryAdvanceForm(request.POST or None)

    def save(data):
        saved = services.event_entry_advance(actor=request.user, entry=entry, stage=data["stage"], on=data["on"])
        return f"{with_object(saved.title)} {saved.get_stage_display()} 단계로 기록했습니다.", event.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: _detail(
            request, event, forms={"advance": f, "advance_entry": entry.pk}, status=status
        ),
    )


@login_required
def event_document(request, pk: int):
    document = selectors.event_document_get(user=request.user, pk=pk)
    response = FileResponse(document.file.open("rb"), content_type=document.file_type)
    suffix = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}.get(document.file_type, "")
    return download_named(response, document.file_name, fallback=f"event-document-{document.pk}{suffix}")
