"""committees pages: the list (search, sort, export), a committee (members with kind and term, the count by kind on a
day, meetings), a meeting (agenda, decisions with what they decide, attendance and allowances, minutes) and the forms
that keep them. Parse, call one service or selector, render."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.committees import selectors, services
from iljari.committees.forms import (
    AgendaItemForm,
    AsOfForm,
    AttendanceForm,
    CommitteeFilterForm,
    CommitteeForm,
    DecisionForm,
    MeetingForm,
    MeetingStateForm,
    MemberEndForm,
    MemberForm,
    MinutesForm,
)
from iljari.committees.lists import COMMITTEES
from iljari.committees.models import MINUTES_SUFFIXES, AgendaItem, Committee, Meeting
from iljari.core.access import (
    access_committee_keep,
    access_committees_keep_any,
    access_committees_view,
    require,
)
from iljari.core.downloads import download_named
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.formats import format_won, screen_date
from iljari.core.http import XLSX, paginate, service_step
from iljari.core.korean import with_direction, with_object
from iljari.core.lists import list_read, list_sheet
from iljari.core.period import default_period


def _can_keep(user, committee: Committee) -> bool:
    path = committee.supervising_division.path if committee.supervising_division_id else None
    return access_committee_keep(user, path)


def _committees(request):
    form = CommitteeFilterForm(request.GET or None)
    listing = list_read(request, COMMITTEES)
    rows = listing.order(selectors.committee_list(user=request.user, query=listing.q, **form.chosen()))
    return form, listing, rows


@login_required
def committee_list(request):
    require(access_committees_view(request.user))
    form, listing, rows = _committees(request)
    context = {
        "form": form,
        "listing": listing,
        "page": paginate(request, rows),
        "can_create": access_committees_keep_any(request.user),
    }
    return render(request, "committees/committee_list.html", context)


@login_required
def committee_export(request):
    require(access_committees_view(request.user))
    _form, listing, rows = _committees(request)
    response = HttpResponse(list_sheet(listing, rows.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "위원회 목록.xlsx", fallback="committees.xlsx")
    return response


def _committee_form(request, committee: Committee | None):
    initial = {}
    if committee is not None:
        initial = {
            field: getattr(committee, field)
            for field in (
                "code",
                "name",
                "kind",
                "legal_basis",
                "supervising_division",
                "programme",
                "appointed_seats",
                "ex_officio_seats",
                "term_months",
                "cadence",
                "established_on",
            )
        }
    return CommitteeForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        divisions=selectors.division_choices(),
        programmes=selectors.programme_choices(),
        editing=committee is not None,
    )


def _committee_page(request, committee: Committee | None = None):
    form = _committee_form(request, committee)

    def save(values):
        if committee is not None:
            values["code"] = committee.code
        saved = services.committee_save(actor=request.user, committee=committee, **values)
        return f"{with_object(saved.name)} 저장했습니다.", saved.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda page, status: render(
            request, "committees/committee_form.html", {"form": page, "committee": committee}, status=status
        ),
    )


@login_required
def committee_create(request):
    require(access_committees_keep_any(request.user))
    return _committee_page(request)


@login_required
def committee_edit(request, code: str):
    committee = selectors.committee_get(user=request.user, code=code)
    require(_can_keep(request.user, committee))
    return _committee_page(request, committee)


@login_required
def committee_detail(request, code: str):
    committee = selectors.committee_get(user=request.user, code=code)
    form = AsOfForm(request.GET or None)
    as_of = form.cleaned_data.get("as_of") if form.is_valid() else None
    if as_of is None:  # the office's latest day with figures ('18.6.30. on the demo), as the figures pages open
        as_of = default_period()[1]
        form = AsOfForm(initial={"as_of": as_of})
    context = {
        "committee": committee,
        "as_of_form": form,
        "data": selectors.committee_page(user=request.user, committee=committee, as_of=as_of),
        "can_keep": _can_keep(request.user, committee),
    }
    return render(request, "committees/committee_detail.html", context)


@login_required
def member_create(request, code: str):
    committee = selectors.committee_get(user=request.user, code=code)
    require(_can_keep(request.user, committee))
    form = MemberForm(request.POST or None, initial={"term_start": committee.established_on})

    def save(values):
        member = services.member_add(actor=request.user, committee=committee, **values)
        return f"{member.name} 위원을 등록했습니다.", committee.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda page, status: render(
            request, "committees/member_form.html", {"form": page, "committee": committee}, status=status
        ),
    )


@login_required
@require_POST
def member_end(request, pk: int):
    require(access_committees_view(request.user))
    member = selectors.member_get(user=request.user, pk=pk)
    require(_can_keep(request.user, member.committee))
    form = MemberEndForm(request.POST)

    def end():
        if not form.is_valid():
            raise ValidationFailed("임기 끝 날짜를 확인하십시오.")
        ended = services.member_term_end(actor=request.user, member=member, term_end=form.cleaned_data["term_end"])
        return (
            f"{ended.name} 위원의 임기를 {screen_date(ended.term_end)}에 끝냈습니다.",
            ended.committee.get_absolute_url(),
        )

    return service_step(request, end, back=member.committee.get_absolute_url())


@login_required
def meeting_create(request, code: str):
    committee = selectors.committee_get(user=request.user, code=code)
    require(_can_keep(request.user, committee))
    form = MeetingForm(request.POST or None, initial={"held_on": timezone.localdate()})

    def save(values):
        meeting = services.meeting_schedule(actor=request.user, committee=committee, **values)
        return f"제{meeting.number}차 회의를 등록했습니다.", meeting.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda page, status: render(
            request, "committees/meeting_form.html", {"form": page, "committee": committee}, status=status
        ),
    )


def _meeting_render(request, meeting: Meeting, *, status: int = 200, **forms):
    data = selectors.meeting_page(user=request.user, meeting=meeting)
    can_keep = _can_keep(request.user, meeting.committee)
    subjects = selectors.decision_subject_choices(committee=meeting.committee) if can_keep else []
    context = {
        "meeting": meeting,
        "data": data,
        "can_keep": can_keep,
        "open": meeting.state != Meeting.State.CANCELLED,
        "item_form": forms.get("item_form") or AgendaItemForm(),
        "decision_form": forms.get("decision_form") or DecisionForm(subjects=subjects, items=_undecided(meeting)),
        "attendance_form": forms.get("attendance_form") or AttendanceForm(members=data.serving),
        "minutes_form": forms.get("minutes_form") or MinutesForm(),
        "state_form": MeetingStateForm(initial={"state": meeting.state}),
    }
    return render(request, "committees/meeting_detail.html", context, status=status)


@login_required
def meeting_detail(request, pk: int):
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    return _meeting_render(request, meeting)


def _meeting_step(request, pk: int, form_class, name: str, act, **form_kwargs):
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    require(_can_keep(request.user, meeting.committee))
    for key, value in list(form_kwargs.items()):
        if callable(value):
            form_kwargs[key] = value(meeting)
    form = form_class(request.POST, request.FILES or None, **form_kwargs)

    def run(values):
        return act(meeting, values), meeting.get_absolute_url()

    return service_step(
        request,
        run,
        form=form,
        render_page=lambda page, status: _meeting_render(request, meeting, status=status, **{name: page}),
    )


@login_required
@require_POST
def meeting_state(request, pk: int):
    def act(meeting, values):
        changed = services.meeting_state_set(actor=request.user, meeting=meeting, **values)
        return f"회의 상태를 {with_direction(changed.get_state_display())} 바꿨습니다."

    return _meeting_step(request, pk, MeetingStateForm, "state_form", act)


@login_required
@require_POST
def agenda_item_create(request, pk: int):
    def act(meeting, values):
        item = services.agenda_item_add(actor=request.user, meeting=meeting, **values)
        return f"제{item.order}호 안건을 등록했습니다."

    return _meeting_step(request, pk, AgendaItemForm, "item_form", act)


@login_required
@require_POST
def attendance_record(request, pk: int):
    def act(meeting, values):
        member = meeting.committee.members.filter(pk=values.pop("member")).first()
        if member is None:
            raise NotFound("위원을 찾을 수 없습니다.")
        row = services.attendance_record(actor=request.user, meeting=meeting, member=member, **values)
        return f"{row.member.name} 위원의 참석을 기록했습니다(참석수당 {format_won(row.allowance)})."

    return _meeting_step(
        request, pk, AttendanceForm, "attendance_form", act, members=lambda m: _serving_members(request, m)
    )


def _serving_members(request, meeting):
    return selectors.meeting_page(user=request.user, meeting=meeting).serving


@login_required
@require_POST
def minutes_upload(request, pk: int):
    def act(meeting, values):
        services.minutes_upload(actor=request.user, meeting=meeting, upload=values["minutes"])
        return "회의록을 올렸습니다."

    return _meeting_step(request, pk, MinutesForm, "minutes_form", act)


@login_required
@require_POST
def decision_create(request, pk: int):
    def act(meeting, values):
        item = meeting.items.filter(pk=values["item"]).first()
        if item is None:
            raise NotFound("안건을 찾을 수 없습니다.")
        subject_type, subject_id = _subject_pair(values.get("subject") or "")
        decision = services.decision_record(
            actor=request.user,
            item=item,
            result=values["result"],
            text=values["text"],
            decided_on=values["decided_on"],
            subject_type=subject_type,
            subject_id=subject_id,
        )
        return f"제{item.order}호 안건: {decision.get_result_display()}"

    return _meeting_step(
        request,
        pk,
        DecisionForm,
        "decision_form",
        act,
        subjects=lambda m: selectors.decision_subject_choices(committee=m.committee),
        items=lambda m: _undecided(m),
    )


def _subject_pair(value: str) -> tuple[str, int | None]:
    code, _, number = value.rpartition(":")
    return (code, int(number)) if code and number.isdecimal() else ("", None)


def _undecided(meeting) -> list[AgendaItem]:
    return list(meeting.items.filter(decision__isnull=True).order_by("order"))


@login_required
def minutes_download(request, pk: int):
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    if not meeting.minutes:
        raise Http404
    suffix = MINUTES_SUFFIXES.get(meeting.minutes_type, "")
    response = FileResponse(meeting.minutes.open("rb"), content_type=meeting.minutes_type or "application/octet-stream")
    name = f"{meeting.committee.name} 제{meeting.number}차 회의록({_day(meeting.held_on)}){suffix}"
    return download_named(response, name, fallback=f"minutes-{meeting.pk}{suffix}")


def _day(day: date) -> str:
    return f"{day.year}.{day.month}.{day.day}."
