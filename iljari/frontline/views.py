"""frontline pages: consultations (list, record, detail with outcome and follow-ups), rooms and a day's bookings
(check-in, no-show), programmes and sessions (attendance), shelters (daily counts, averages), the public sector's
labour programmes, the figures; and the citizen's portal pages (rooms and booking, programmes and registration,
own bookings and registrations, completion certificate)."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_book,
    access_frontline_manage,
    access_frontline_manage_any,
    access_frontline_view,
    access_public_sector_view,
    access_service_point_work,
    access_shelter_counts,
    require,
)
from iljari.core.errors import IljariError, NotFound, ValidationFailed
from iljari.core.http import error_text, form_apply_error, paginate, service_step
from iljari.core.http import log_person_access as _log
from iljari.core.period import figure_period
from iljari.frontline import selectors, services
from iljari.frontline.forms import (
    BookingForm,
    CaseCloseForm,
    CaseForm,
    CaseStepForm,
    ClosureForm,
    ConsultationForm,
    ConversionForm,
    DayForm,
    DecisionForm,
    FollowUpForm,
    LabourCheckForm,
    OutcomeForm,
    PointHoursForm,
    ProgrammeForm,
    RoomForm,
    SatisfactionForm,
    ScreeningForm,
    SessionForm,
    ShelterCountForm,
    ShelterForm,
    VisitForm,
    WorkingHoursForm,
)
from iljari.frontline.services import LABOUR_POLICY
from iljari.org import selectors as org_selectors
from iljari.people import selectors as people_selectors


def _day(request) -> date:
    form = DayForm(request.GET)
    if form.is_valid() and form.cleaned_data["day"]:
        return form.cleaned_data["day"]
    return timezone.localdate()


def _flash(request, action, success: str, url: str):
    try:
        action()
    except IljariError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, success)
    return redirect(url)


# --- consultations --------------------------------------------------------------------------------------------


@login_required
def consultation_list(request):
    require(access_frontline_view(request.user))
    query = request.GET.get("q", "").strip()[:100]
    point = request.GET.get("point", "").strip()[:32]
    page = paginate(request, selectors.consultation_list(user=request.user, query=query, service_point=point))
    points = list(selectors.service_point_list(user=request.user))
    _log(request, "search" if query else "view", [row.person_id for row in page if row.person_id], "상담 목록")
    return render(
        request,
        "frontline/consultation_list.html",
        {
            "page": page,
            "query": query,
            "point": point,
            "points": points,
            "can_record": any(access_service_point_work(request.user, p) for p in points),
        },
    )


@login_required
def consultation_create(request):
    require(access_frontline_view(request.user))
    points = [p for p in selectors.service_point_list(user=request.user) if access_service_point_work(request.user, p)]
    require(bool(points), "상담을 기록할 수 있는 창구가 없습니다.")
    topics = list(selectors.topic_list())
    initial = {"held_on": timezone.localdate(), "channel": "visit", "service_point": request.GET.get("point", "")}
    form = ConsultationForm(request.POST or None, points=points, topics=topics, initial=initial)

    def save(data):
        point = _pick(points, data["service_point"])
        topic = _pick(topics, data["topic"])
        person = None
        if data["person"]:
            try:
                person = people_selectors.person_get(user=request.user, pk=data["person"])
            except IljariError:
                raise ValidationFailed(
                    field_errors={"person": ["그 번호의 등록된 상담자를 찾을 수 없습니다."]}
                ) from None
        consultation = services.consultation_record(
            actor=request.user,
            service_point=point,
            held_on=data["held_on"],
            channel=data["channel"],
            topic=topic,
            person=person,
            client_label=data["client_label"],
            client_birth_year=data["client_birth_year"],
            notes=data["notes"],
            outcome=data["outcome"] or "",
            employer=data["employer"],
            employed_on=data["employed_on"],
            referred_to=data["referred_to"],
        )
        if person is not None:
            _log(request, "create", [person.pk], f"상담 기록 {consultation.pk}")
        return "상담을 기록했습니다.", consultation.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(request, "frontline/consultation_form.html", {"form": f}, status=status),
    )


def _pick(rows, code: str):
    """The row of `rows` (already scoped to the user) whose code the form's choice names, or None (the form's choices
    are those rows, so a valid form always names one)."""
    return next((row for row in rows if row.code == code), None)


def _page_form_post(request, form, *, write, done: tuple[str, str], page):
    """A form on a record's own page posted to one service: `write(cleaned_data)` writes; on success the message
    and the url of `done`, otherwise the record's page again with the form and its errors (`page(form, status)`)."""

    def save(data):
        write(data)
        return done

    return service_step(request, save, form=form, render_page=page)


def _consultation_page(request, consultation, *, outcome_form=None, follow_up_form=None, status=200):
    can_work = access_service_point_work(request.user, consultation.service_point)
    if consultation.person_id:
        _log(request, "view", [consultation.person_id], f"상담 {consultation.pk}")
    return render(
        request,
        "frontline/consultation_detail.html",
        {
            "consultation": consultation,
            "can_work": can_work,
            "outcome_form": outcome_form
            or OutcomeForm(
                initial={
                    "outcome": consultation.outcome,
                    "employer": consultation.employer,
                    "employed_on": consultation.employed_on,
                    "referred_to": consultation.referred_to,
                }
            ),
            "follow_up_form": follow_up_form or FollowUpForm(),
        },
        status=status,
    )


@login_required
def consultation_detail(request, pk: int):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    return _consultation_page(request, consultation)


@login_required
@require_POST
def consultation_outcome(request, pk: int):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    return _page_form_post(
        request,
        OutcomeForm(request.POST),
        write=lambda data: services.consultation_outcome_set(
            actor=request.user,
            consultation=consultation,
            outcome=data["outcome"] or "",
            employer=data["employer"],
            employed_on=data["employed_on"],
            referred_to=data["referred_to"],
        ),
        done=("상담 결과를 저장했습니다.", consultation.get_absolute_url()),
        page=lambda f, status: _consultation_page(request, consultation, outcome_form=f, status=status),
    )


@login_required
@require_POST
def follow_up_add(request, pk: int):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    return _page_form_post(
        request,
        FollowUpForm(request.POST),
        write=lambda data: services.follow_up_add(actor=request.user, consultation=consultation, **data),
        done=("사후 관리 일정을 더했습니다.", consultation.get_absolute_url()),
        page=lambda f, status: _consultation_page(request, consultation, follow_up_form=f, status=status),
    )


@login_required
@require_POST
def follow_up_done(request, pk: int, follow_up_pk: int):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    follow_up = next((f for f in consultation.follow_ups.all() if f.pk == follow_up_pk), None)
    if follow_up is None:
        raise NotFound("그런 사후 관리 일정이 없습니다.")
    follow_up.consultation = consultation
    return _flash(
        request,
        lambda: services.follow_up_done(actor=request.user, follow_up=follow_up, done_on=timezone.localdate()),
        "사후 관리를 마쳤습니다.",
        consultation.get_absolute_url(),
    )


# --- cases and workplace visits ----------------------------------------------------------------------------


def _work_points(user) -> list:
    return [p for p in selectors.service_point_list(user=user) if access_service_point_work(user, p)]


@login_required
def case_list(request):
    require(access_frontline_view(request.user))
    page = paginate(request, selectors.case_list(user=request.user))
    return render(request, "frontline/case_list.html", {"page": page, "can_open": bool(_work_points(request.user))})


@login_required
def case_create(request):
    require(access_frontline_view(request.user))
    points = _work_points(request.user)
    require(bool(points), "사건을 수임할 수 있는 창구가 없습니다.")
    consultation = None
    if request.GET.get("consultation", "").isdigit():
        consultation = selectors.consultation_get(user=request.user, pk=int(request.GET["consultation"]))
    initial = {"opened_on": timezone.localdate()}
    if consultation is not None:
        initial.update(service_point=consultation.service_point.code, claimant=consultation.client_name)
    form = CaseForm(request.POST or None, points=points, initial=initial)

    def save(data):
        point = _pick(points, data.pop("service_point"))
        case = services.case_open(actor=request.user, service_point=point, consultation=consultation, **data)
        return "사건을 수임했습니다.", reverse("frontline:case_detail", args=[case.pk])

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(
            request, "frontline/case_form.html", {"form": f, "consultation": consultation}, status=status
        ),
    )


def _case_page(request, case, *, step_form=None, close_form=None, status=200):
    return render(
        request,
        "frontline/case_detail.html",
        {
            "case": case,
            "step_form": step_form or CaseStepForm(),
            "close_form": close_form or CaseCloseForm(initial={"closed_on": timezone.localdate()}),
        },
        status=status,
    )


@login_required
def case_detail(request, pk: int):
    return _case_page(request, selectors.case_get(user=request.user, pk=pk))


def _case_post(request, pk: int, form_class, write, message: str, form_name: str):
    """A form of the case's page (a step, the closing) posted to its service: back to the case, or the case's page
    again with the form's errors."""
    case = selectors.case_get(user=request.user, pk=pk)
    return _page_form_post(
        request,
        form_class(request.POST),
        write=lambda data: write(actor=request.user, case=case, **data),
        done=(message, reverse("frontline:case_detail", args=[pk])),
        page=lambda f, status: _case_page(request, case, status=status, **{form_name: f}),
    )


@login_required
@require_POST
def case_step(request, pk: int):
    return _case_post(request, pk, CaseStepForm, services.case_step_add, "사건 단계를 더했습니다.", "step_form")


@login_required
@require_POST
def case_close(request, pk: int):
    return _case_post(request, pk, CaseCloseForm, services.case_close, "사건을 종결했습니다.", "close_form")


@login_required
def visit_list(request):
    require(access_frontline_view(request.user))
    query = request.GET.get("q", "").strip()[:100]
    page = paginate(request, selectors.visit_list(user=request.user, query=query))
    return render(
        request,
        "frontline/visit_list.html",
        {"page": page, "query": query, "can_record": bool(_work_points(request.user))},
    )


@login_required
def visit_create(request):
    require(access_frontline_view(request.user))
    points = _work_points(request.user)
    require(bool(points), "사업장 컨설팅을 기록할 수 있는 창구가 없습니다.")
    checks = None
    if request.GET.get("checks", "").isdigit():
        checks = selectors.visit_get(user=request.user, pk=int(request.GET["checks"]))
    initial = {"visited_on": timezone.localdate()}
    if checks is not None:
        initial.update(service_point=checks.service_point.code, workplace=checks.workplace, employees=checks.employees)
    form = VisitForm(request.POST or None, points=points, initial=initial)

    def save(data):
        point = _pick(points, data.pop("service_point"))
        services.visit_record(actor=request.user, service_point=point, checks=checks, **data)
        return "사업장 컨설팅을 기록했습니다.", reverse("frontline:visit_list")

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(
            request, "frontline/visit_form.html", {"form": f, "checks": checks}, status=status
        ),
    )


# --- rooms ------------------------------------------------------------------------------------------------


@login_required
def room_list(request):
    require(access_frontline_view(request.user))
    year = timezone.localdate().year
    if request.GET.get("year", "").isdigit() and 2000 <= int(request.GET["year"]) <= 2100:
        year = int(request.GET["year"])
    rooms = selectors.room_usage(user=request.user, year=year)
    return render(request, "frontline/room_list.html", {"rooms": rooms, "year": year})


@login_required
def room_detail(request, code: str):
    room = selectors.room_get(user=request.user, code=code)
    day = _day(request)
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
    return _flash(
        request,
        lambda: services.booking_attendance(actor=request.user, booking=booking, attended=attended),
        "이용을 확인했습니다." if attended else "불참으로 기록했습니다.",
        url,
    )


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
    return _flash(
        request,
        lambda: services.attendance_record(actor=request.user, registration=registration, attended=attended),
        "출석을 기록했습니다.",
        reverse("frontline:session_detail", args=[registration.session_id]),
    )


# --- shelters ---------------------------------------------------------------------------------------------


@login_required
def shelter_list(request):
    require(access_frontline_view(request.user))
    year, _, warnings = figure_period(request)
    rows = selectors.shelter_averages(user=request.user, year=year)
    previous = selectors.shelter_averages(user=request.user, year=year - 1)
    return render(
        request,
        "frontline/shelter_list.html",
        {
            "year": year,
            "warnings": warnings,
            "rows": rows,
            "total": sum(row.average or 0 for row in rows),
            "previous_total": sum(row.average or 0 for row in previous),
        },
    )


@login_required
def shelter_detail(request, code: str):
    shelter = selectors.shelter_get(user=request.user, code=code)
    can_count = access_shelter_counts(request.user, shelter)
    if request.method == "POST":
        require(can_count, f"{shelter.name}의 이용자 수를 입력할 권한이 없습니다.")
    form = ShelterCountForm(request.POST or None, initial={"day": timezone.localdate()})

    def save(data):
        services.shelter_count_record(actor=request.user, shelter=shelter, **data)
        return f"{data['day']:%Y-%m-%d} 이용자 수를 저장했습니다.", reverse("frontline:shelter_detail", args=[code])

    year = timezone.localdate().year

    def render_page(f, status):
        counts = selectors.shelter_counts(shelter=shelter, year=year)[:31]
        context = {"shelter": shelter, "form": f, "can_count": can_count, "counts": counts, "year": year}
        return render(request, "frontline/shelter_detail.html", context, status=status)

    return service_step(request, save, form=form, render_page=render_page)


# --- public sector ----------------------------------------------------------------------------------------


@login_required
def public_sector(request):
    require(access_public_sector_view(request.user))
    year, as_of, warnings = figure_period(request)
    institutions = list(org_selectors.partner_list(user=request.user, kind="public_institution"))
    can_record = access_frontline_manage(request.user, LABOUR_POLICY)
    form = LabourCheckForm(request.POST or None, institutions=institutions)
    if request.method == "POST":
        require(can_record, "공공부문 노동 자료를 기록할 권한이 없습니다.")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.labour_check_record(
                    actor=request.user,
                    institution=_pick(institutions, data["institution"]),
                    kind=data["kind"],
                    checked_on=data["checked_on"],
                    compliant=data["compliant"],
                    max_weekly_hours=data["max_weekly_hours"],
                    findings=data["findings"],
                )
            except ValidationFailed as error:
                form_apply_error(form, error)
            else:
                messages.success(request, "점검 결과를 기록했습니다.")
                return redirect("frontline:public_sector")
    return render(
        request,
        "frontline/public_sector.html",
        {
            "summary": selectors.public_sector_summary(user=request.user, as_of=as_of),
            "year": year,
            "as_of": as_of,
            "warnings": warnings,
            "form": form,
            "screening_form": ScreeningForm(institutions=institutions, initial={"requested_on": timezone.localdate()}),
            "decision_form": DecisionForm(initial={"decided_on": timezone.localdate()}),
            "conversion_form": ConversionForm(institutions=institutions),
            "hours_form": WorkingHoursForm(institutions=institutions, initial={"year": timezone.localdate().year}),
            "can_record": can_record,
        },
        status=400 if form.errors else 200,
    )


def _public_sector_post(request, form, write, success: str):
    """A public-sector record posted from its page: saved with a message, or the Korean reason and nothing saved."""
    require(access_frontline_manage(request.user, LABOUR_POLICY), "공공부문 노동 자료를 기록할 권한이 없습니다.")
    if not form.is_valid():
        errors = [f"{form.fields[name].label}: {' '.join(messages_)}" for name, messages_ in form.errors.items()]
        messages.error(request, "입력한 내용을 확인해 주십시오. " + " ".join(errors))
        return redirect("frontline:public_sector")
    return _flash(request, lambda: write(form.cleaned_data), success, reverse("frontline:public_sector"))


def _institution(code: str, user):
    return org_selectors.partner_list(user=user, kind="public_institution").filter(code=code).first()


@login_required
@require_POST
def screening_request(request):
    institutions = list(org_selectors.partner_list(user=request.user, kind="public_institution"))
    form = ScreeningForm(request.POST, institutions=institutions)

    def write(data):
        data["institution"] = _institution(data["institution"], request.user)
        services.screening_request(actor=request.user, **data)

    return _public_sector_post(request, form, write, "사전심사 요청을 등록했습니다.")


@login_required
@require_POST
def screening_decide(request, pk: int):
    screening = selectors.screening_get(user=request.user, pk=pk)
    form = DecisionForm(request.POST)
    return _public_sector_post(
        request,
        form,
        lambda data: services.screening_decide(actor=request.user, screening=screening, **data),
        "심사 결과를 기록했습니다.",
    )


@login_required
@require_POST
def conversion_record(request):
    institutions = list(org_selectors.partner_list(user=request.user, kind="public_institution"))
    form = ConversionForm(request.POST, institutions=institutions)

    def write(data):
        data["institution"] = _institution(data["institution"], request.user) if data["institution"] else None
        services.conversion_record(actor=request.user, **data)

    return _public_sector_post(request, form, write, "정규직 전환을 기록했습니다.")


@login_required
@require_POST
def working_hours_record(request):
    institutions = list(org_selectors.partner_list(user=request.user, kind="public_institution"))
    form = WorkingHoursForm(request.POST, institutions=institutions)

    def write(data):
        data["institution"] = _institution(data["institution"], request.user)
        services.working_hours_record(actor=request.user, **data)

    return _public_sector_post(request, form, write, "연간 노동시간을 기록했습니다.")


# --- set-up: points' hours, rooms, programmes and sessions, shelters, closures -----------------------------------


def _setup_form(request, form, save, *, title: str, back: str):
    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(
            request, "frontline/setup_form.html", {"form": f, "title": title, "back": back}, status=status
        ),
    )


def _setup_set(request, form, write, *, record, noun: str, name, done=None):
    """The set-up form of one record kept by its code (a room, a programme, a shelter): `write(data, code=, new=)`
    saves it through its service and returns it; the message names it, and the page goes back to the set-up (or to
    `done(saved)`)."""

    def save(data):
        saved = write(data, code=data.pop("code").strip(), new=record is None)
        return f"{noun} {name(saved)}을(를) 저장했습니다.", done(saved) if done else reverse("frontline:setup")

    title = f"{noun} 수정 · {name(record)}" if record else f"{noun} 등록"
    return _setup_form(request, form, save, title=title, back=reverse("frontline:setup"))


@login_required
def setup(request):
    require(access_frontline_manage_any(request.user), "현장 서비스의 기본 자료를 바꿀 권한이 없습니다.")
    divisions = selectors.manage_divisions(user=request.user)
    points = list(selectors.manage_points(user=request.user))
    context = {
        "points": points,
        "rooms": selectors.manage_rooms(user=request.user),
        "programmes": selectors.programme_list(user=request.user).filter(division__in=divisions),
        "shelters": selectors.shelter_list(user=request.user).filter(division__in=divisions),
    }
    return render(request, "frontline/setup.html", context)


@login_required
def point_hours(request, code: str):
    point = selectors.manage_points(user=request.user).filter(code=code).first()
    if point is None:
        raise NotFound()
    initial = {
        "weekday_opens": point.weekday_opens,
        "weekday_closes": point.weekday_closes,
        "saturday_opens": point.saturday_opens,
        "saturday_closes": point.saturday_closes,
    }
    form = PointHoursForm(request.POST or None, initial=initial)

    def save(data):
        services.service_point_hours_set(actor=request.user, service_point=point, **data)
        return f"{point.name}의 운영시간을 저장했습니다.", reverse("frontline:setup")

    return _setup_form(request, form, save, title=f"{point.name} 운영시간", back=reverse("frontline:setup"))


@login_required
def room_edit(request, code: str | None = None):
    points = list(selectors.manage_points(user=request.user))
    room = selectors.manage_room_get(user=request.user, code=code) if code else None
    initial = {"max_hours_per_day": 3, "is_active": True}
    if room is not None:
        initial = {
            "code": room.code,
            "service_point": room.service_point.code,
            "name": room.name,
            "kind": room.kind,
            "capacity": room.capacity,
            "max_hours_per_day": room.max_hours_per_day,
            "is_active": room.is_active,
        }
    form = RoomForm(request.POST or None, points=points, editing=room is not None, initial=initial)

    def write(data, **key):
        return services.room_set(
            actor=request.user, service_point=_pick(points, data.pop("service_point")), **key, **data
        )

    return _setup_set(request, form, write, record=room, noun="공간", name=lambda r: r.name)


@login_required
def programme_edit(request, code: str | None = None):
    divisions = list(selectors.manage_divisions(user=request.user))
    points = list(selectors.manage_points(user=request.user))
    programme = selectors.manage_programme_get(user=request.user, code=code) if code else None
    initial = {"public": True, "sessions_to_complete": 1}
    if programme is not None:
        initial = {
            "code": programme.code,
            "title": programme.title,
            "kind": programme.kind,
            "division": programme.division.code,
            "service_point": programme.service_point.code if programme.service_point else "",
            "public": programme.public,
            "sessions_to_complete": programme.sessions_to_complete,
        }
    form = ProgrammeForm(
        request.POST or None, divisions=divisions, points=points, editing=programme is not None, initial=initial
    )

    def write(data, **key):
        division = _pick(divisions, data.pop("division"))
        data["service_point"] = _pick(points, data.pop("service_point"))
        return services.programme_set(actor=request.user, division=division, **key, **data)

    return _setup_set(
        request,
        form,
        write,
        record=programme,
        noun="프로그램",
        name=lambda p: p.title,
        done=lambda saved: reverse("frontline:programme_detail", args=[saved.code]),
    )


@login_required
def session_edit(request, code: str | None = None, pk: int | None = None):
    if pk is not None:
        session = selectors.manage_session_get(user=request.user, pk=pk)
        programme = session.programme
        initial = {"title": session.title, "day": session.day, "starts": session.starts, "capacity": session.capacity}
    else:
        session, programme = None, selectors.manage_programme_get(user=request.user, code=code)
        initial = {"starts": 14, "title": f"{programme.sessions.count() + 1}회차"}
    form = SessionForm(request.POST or None, initial=initial)

    def save(data):
        services.session_set(actor=request.user, programme=programme, session=session, new=session is None, **data)
        return f"{data['title']}을(를) 저장했습니다.", reverse("frontline:programme_detail", args=[programme.code])

    title = f"{programme.title} · " + (f"{session.title} 수정" if session else "회차 추가")
    return _setup_form(
        request, form, save, title=title, back=reverse("frontline:programme_detail", args=[programme.code])
    )


@login_required
def shelter_edit(request, code: str | None = None):
    divisions = list(selectors.manage_divisions(user=request.user))
    shelter = selectors.manage_shelter_get(user=request.user, code=code) if code else None
    initial = {}
    if shelter is not None:
        initial = {name: getattr(shelter, name) for name in ShelterForm.base_fields if name != "division"}
        initial["division"] = shelter.division.code
    form = ShelterForm(request.POST or None, divisions=divisions, editing=shelter is not None, initial=initial)

    def write(data, **key):
        return services.shelter_set(actor=request.user, division=_pick(divisions, data.pop("division")), **key, **data)

    return _setup_set(request, form, write, record=shelter, noun="쉼터", name=lambda r: r.name)


@login_required
def closure_list(request):
    require(access_frontline_manage_any(request.user), "휴관일을 바꿀 권한이 없습니다.")
    points = list(selectors.manage_points(user=request.user))
    all_points = access_frontline_manage(request.user, "/")
    form = ClosureForm(request.POST or None, points=points, all_points=all_points)

    def save(data):
        data["service_point"] = _pick(points, data.pop("service_point"))
        services.closure_set(actor=request.user, **data)
        return f"{data['day']:%Y-%m-%d} 휴관일을 저장했습니다.", reverse("frontline:closure_list")

    since = timezone.localdate().replace(month=1, day=1)

    def render_page(f, status):
        closures = selectors.closure_list(user=request.user, since=since)
        context = {"form": f, "closures": closures, "since": since, "all_points": all_points}
        return render(request, "frontline/closure_list.html", context, status=status)

    return service_step(request, save, form=form, render_page=render_page)


@login_required
@require_POST
def closure_delete(request, pk: int):
    closure = selectors.manage_closure_get(user=request.user, pk=pk)
    return _flash(
        request,
        lambda: services.closure_delete(actor=request.user, closure=closure),
        f"{closure.day:%Y-%m-%d} 휴관일을 지웠습니다.",
        reverse("frontline:closure_list"),
    )


# --- figures ----------------------------------------------------------------------------------------------


@login_required
def figures(request):
    require(access_frontline_view(request.user))
    year, as_of, warnings = figure_period(request)
    return render(
        request,
        "frontline/figures.html",
        {
            "figures": selectors.frontline_figures(user=request.user, year=year, as_of=as_of),
            "year": year,
            "as_of": as_of,
            "warnings": warnings,
        },
    )


# --- the citizen's portal ---------------------------------------------------------------------------------


@login_required
def portal_rooms(request):
    require(access_book(request.user))
    return render(request, "frontline/portal_rooms.html", {"rooms": selectors.room_list_public()})


@login_required
def portal_room(request, code: str):
    require(access_book(request.user))
    room = selectors.room_get_public(code=code)
    day = _day(request)
    form = BookingForm(request.POST or None, initial={"day": day, "hour": 10, "hours": 1, "headcount": 1})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        day = data["day"]
        try:
            if request.POST.get("wait") == "1":
                services.booking_wait(actor=request.user, room=room, day=day, hour=data["hour"])
                messages.success(request, "대기자로 신청했습니다. 자리가 나면 예약으로 바뀝니다.")
            else:
                services.booking_create(actor=request.user, room=room, **data)
                messages.success(
                    request,
                    f"{room.name} {day:%Y-%m-%d} {data['hour']:02d}:00~{data['hour'] + data['hours']:02d}:00 "
                    "예약을 마쳤습니다.",
                )
        except IljariError as error:
            form_apply_error(form, error)
        else:
            return redirect("frontline:portal_bookings")
    return render(
        request,
        "frontline/portal_room.html",
        {"room": room, "day": day, "slots": selectors.room_day(room=room, day=day, user=request.user), "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def portal_bookings(request):
    bookings = selectors.my_bookings(user=request.user)
    return render(request, "frontline/portal_bookings.html", {"bookings": bookings, "today": timezone.localdate()})


@login_required
@require_POST
def portal_booking_cancel(request, pk: int):
    booking = selectors.my_booking_get(user=request.user, pk=pk)
    return _flash(
        request,
        lambda: services.booking_cancel(actor=request.user, booking=booking),
        "예약을 취소했습니다.",
        reverse("frontline:portal_bookings"),
    )


@login_required
def portal_programmes(request):
    require(access_book(request.user))
    sessions = selectors.session_list_public(today=timezone.localdate())
    return render(request, "frontline/portal_programmes.html", {"sessions": sessions})


@login_required
@require_POST
def portal_register(request, pk: int):
    require(access_book(request.user))
    session = selectors.session_get_public(pk=pk, today=timezone.localdate())
    try:
        services.registration_create(actor=request.user, session=session)
    except IljariError as error:
        messages.error(request, error_text(error))
        return redirect("frontline:portal_programmes")
    messages.success(request, f"{session.programme.title} {session.title}에 신청했습니다.")
    return redirect("frontline:portal_registrations")


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
    return _flash(
        request,
        lambda: services.registration_cancel(actor=request.user, registration=registration),
        "신청을 취소했습니다.",
        reverse("frontline:portal_registrations"),
    )


@login_required
@require_POST
def portal_satisfaction(request, pk: int):
    registration = selectors.my_registration_get(user=request.user, pk=pk)
    form = SatisfactionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "만족도는 1~5점으로 고르십시오.")
        return redirect("frontline:portal_registrations")
    return _flash(
        request,
        lambda: services.satisfaction_record(
            actor=request.user, registration=registration, score=form.cleaned_data["score"]
        ),
        "만족도를 남겼습니다. 고맙습니다.",
        reverse("frontline:portal_registrations"),
    )


@login_required
def portal_certificate(request, code: str):
    try:
        certificate = selectors.certificate_get(user=request.user, programme_code=code)
    except NotFound as error:
        messages.error(request, error.message)
        return redirect("frontline:portal_registrations")
    return render(request, "frontline/portal_certificate.html", {"certificate": certificate})
