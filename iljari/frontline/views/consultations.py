"""The consultations and cases desk's pages: consultations (list, record, detail with outcome and follow-ups),
the advocates' cases (open, steps, close) and workplace visits."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import access_frontline_view, access_service_point_work, require
from iljari.core.downloads import download_named
from iljari.core.errors import IljariError, NotFound, field_error
from iljari.core.http import XLSX, log_person_access, paginate, personal_export, service_step
from iljari.core.lists import list_note, list_read, list_sheet
from iljari.frontline import selectors, services
from iljari.frontline.forms import (
    CaseCloseForm,
    CaseForm,
    CaseStepForm,
    ConsultationForm,
    FollowUpForm,
    OutcomeForm,
    VisitForm,
)
from iljari.frontline.lists import CASES, CONSULTATIONS, VISITS
from iljari.frontline.models import Consultation
from iljari.frontline.views.common import pick
from iljari.people import selectors as people_selectors


def _work_points(user) -> list:
    """The points (of those the user reads) where the user works."""
    return [p for p in selectors.service_point_list(user=user) if access_service_point_work(user, p)]


def _require_work(user, point) -> None:
    """A form of a record's page is posted by the point's own staff only (the service checks again); anyone else
    gets the 403 page with the reason."""
    require(access_service_point_work(user, point), f"{point.name}의 업무를 기록할 권한이 없습니다.")


# --- consultations --------------------------------------------------------------------------------------------


def _consultations(request):
    """The consultations as the list asks: searched, of a service point, sorted (frontline/lists.py)."""
    listing = list_read(request, CONSULTATIONS)
    point = request.GET.get("point", "").strip()[:32]
    rows = selectors.consultation_list(user=request.user, query=listing.q, service_point=point)
    return listing, point, listing.order(rows)


@login_required
def consultation_list(request):
    require(access_frontline_view(request.user))
    listing, point, rows = _consultations(request)
    page = paginate(request, rows)
    points = list(selectors.service_point_list(user=request.user))
    person_ids = [row.person_id for row in page if row.person_id]
    log_person_access(request, "search" if listing.q else "view", person_ids, "상담 목록")
    return render(
        request,
        "frontline/consultation_list.html",
        {
            "page": page,
            "listing": listing,
            "point": point,
            "points": points,
            "can_record": any(access_service_point_work(request.user, p) for p in points),
        },
    )


@login_required
def consultation_export(request):
    """The consultations as the list shows them (the same search, point and sort), every row, as xlsx: minimised for
    the purpose and written to the access log (core.http.personal_export)."""
    require(access_frontline_view(request.user))
    listing, _point, rows = _consultations(request)
    return personal_export(
        request,
        export=CONSULTATIONS.export,
        subject_ids=rows.exclude(person=None).values_list("person_id", flat=True),
        detail=f"상담 목록 · {list_note(listing)}",
        build=lambda: list_sheet(listing, rows.iterator(chunk_size=2000)),
        filename="상담 목록.xlsx",
        back=reverse("frontline:consultation_list"),
    )


@login_required
def consultation_create(request):
    require(access_frontline_view(request.user))
    points = _work_points(request.user)
    require(bool(points), "상담을 기록할 수 있는 창구가 없습니다.")
    topics = list(selectors.topic_list())
    initial = {"held_on": timezone.localdate(), "channel": "visit", "service_point": request.GET.get("point", "")}
    form = ConsultationForm(request.POST or None, points=points, topics=topics, initial=initial)

    def save(data):
        point = pick(points, data["service_point"])
        topic = pick(topics, data["topic"])
        person = None
        if data["person"]:
            try:
                person = people_selectors.person_get(user=request.user, pk=data["person"])
            except IljariError:
                raise field_error("person", "그 번호의 등록된 상담자를 찾을 수 없습니다.") from None
        consultation = services.consultation_record(
            actor=request.user,
            service_point=point,
            held_on=data["held_on"],
            channel=data["channel"],
            service=data["service"] or Consultation.Service.CONSULTATION,
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
            log_person_access(request, "create", [person.pk], f"상담 기록 {consultation.pk}")
        return "상담을 기록했습니다.", consultation.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(request, "frontline/consultation_form.html", {"form": f}, status=status),
    )


def _consultation_page(request, consultation, *, outcome_form=None, follow_up_form=None, status=200):
    can_work = access_service_point_work(request.user, consultation.service_point)
    if consultation.person_id:
        log_person_access(request, "view", [consultation.person_id], f"상담 {consultation.pk}")
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
    _require_work(request.user, consultation.service_point)

    def save(data):
        services.consultation_outcome_set(
            actor=request.user,
            consultation=consultation,
            outcome=data["outcome"] or "",
            employer=data["employer"],
            employed_on=data["employed_on"],
            referred_to=data["referred_to"],
        )
        return "상담 결과를 저장했습니다.", consultation.get_absolute_url()

    return service_step(
        request,
        save,
        form=OutcomeForm(request.POST),
        render_page=lambda f, status: _consultation_page(request, consultation, outcome_form=f, status=status),
    )


@login_required
@require_POST
def follow_up_add(request, pk: int):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    _require_work(request.user, consultation.service_point)

    def save(data):
        services.follow_up_add(actor=request.user, consultation=consultation, **data)
        return "사후 관리 일정을 더했습니다.", consultation.get_absolute_url()

    return service_step(
        request,
        save,
        form=FollowUpForm(request.POST),
        render_page=lambda f, status: _consultation_page(request, consultation, follow_up_form=f, status=status),
    )


@login_required
@require_POST
def follow_up_done(request, pk: int, follow_up_pk: int):
    consultation = selectors.consultation_get(user=request.user, pk=pk)
    follow_up = next((f for f in consultation.follow_ups.all() if f.pk == follow_up_pk), None)
    if follow_up is None:
        raise NotFound("그런 사후 관리 일정이 없습니다.")
    follow_up.consultation = consultation
    url = consultation.get_absolute_url()

    def done():
        services.follow_up_done(actor=request.user, follow_up=follow_up, done_on=timezone.localdate())
        return "사후 관리를 마쳤습니다.", url

    return service_step(request, done, back=url)


# --- cases and workplace visits ----------------------------------------------------------------------------


@login_required
def case_list(request):
    require(access_frontline_view(request.user))
    listing = list_read(request, CASES)
    page = paginate(request, listing.order(selectors.case_list(user=request.user, query=listing.q)))
    return render(
        request,
        "frontline/case_list.html",
        {"page": page, "listing": listing, "can_open": bool(_work_points(request.user))},
    )


@login_required
def case_export(request):
    """The cases as the list shows them (the same search and sort), every row, as xlsx: claimants are named, so it
    is minimised for the purpose and written to the access log (the people of the cases opened from a consultation)."""
    require(access_frontline_view(request.user))
    listing = list_read(request, CASES)
    rows = listing.order(selectors.case_list(user=request.user, query=listing.q))
    return personal_export(
        request,
        export=CASES.export,
        subject_ids=rows.exclude(consultation__person=None).values_list("consultation__person_id", flat=True),
        detail=f"권리구제 사건 목록 · {list_note(listing)}",
        build=lambda: list_sheet(listing, rows.iterator(chunk_size=2000)),
        filename="권리구제 사건 목록.xlsx",
        back=reverse("frontline:case_list"),
    )


@login_required
def case_create(request):
    require(access_frontline_view(request.user))
    points = _work_points(request.user)
    require(bool(points), "사건을 수임할 수 있는 창구가 없습니다.")
    consultation = None
    if request.GET.get("consultation", "").isdecimal():
        consultation = selectors.consultation_get(user=request.user, pk=int(request.GET["consultation"]))
    initial = {"opened_on": timezone.localdate()}
    if consultation is not None:
        initial.update(service_point=consultation.service_point.code, claimant=consultation.client_name)
    form = CaseForm(request.POST or None, points=points, initial=initial)

    def save(data):
        point = pick(points, data.pop("service_point"))
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


@login_required
@require_POST
def case_step(request, pk: int):
    case = selectors.case_get(user=request.user, pk=pk)
    _require_work(request.user, case.service_point)

    def save(data):
        services.case_step_add(actor=request.user, case=case, **data)
        return "사건 단계를 더했습니다.", reverse("frontline:case_detail", args=[pk])

    return service_step(
        request,
        save,
        form=CaseStepForm(request.POST),
        render_page=lambda f, status: _case_page(request, case, step_form=f, status=status),
    )


@login_required
@require_POST
def case_close(request, pk: int):
    case = selectors.case_get(user=request.user, pk=pk)
    _require_work(request.user, case.service_point)

    def save(data):
        services.case_close(actor=request.user, case=case, **data)
        return "사건을 종결했습니다.", reverse("frontline:case_detail", args=[pk])

    return service_step(
        request,
        save,
        form=CaseCloseForm(request.POST),
        render_page=lambda f, status: _case_page(request, case, close_form=f, status=status),
    )


@login_required
def visit_list(request):
    require(access_frontline_view(request.user))
    listing = list_read(request, VISITS)
    page = paginate(request, listing.order(selectors.visit_list(user=request.user, query=listing.q)))
    return render(
        request,
        "frontline/visit_list.html",
        {"page": page, "listing": listing, "can_record": bool(_work_points(request.user))},
    )


@login_required
def visit_export(request):
    """The workplace visits as the list shows them (the same search and sort), every row, as xlsx."""
    require(access_frontline_view(request.user))
    listing = list_read(request, VISITS)
    rows = listing.order(selectors.visit_list(user=request.user, query=listing.q))
    response = HttpResponse(list_sheet(listing, rows.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "사업장 컨설팅 목록.xlsx", fallback="workplace-visits.xlsx")
    return response


@login_required
def visit_create(request):
    require(access_frontline_view(request.user))
    points = _work_points(request.user)
    require(bool(points), "사업장 컨설팅을 기록할 수 있는 창구가 없습니다.")
    checks = None
    if request.GET.get("checks", "").isdecimal():
        checks = selectors.visit_get(user=request.user, pk=int(request.GET["checks"]))
    initial = {"visited_on": timezone.localdate()}
    if checks is not None:
        initial.update(service_point=checks.service_point.code, workplace=checks.workplace, employees=checks.employees)
    form = VisitForm(request.POST or None, points=points, initial=initial)

    def save(data):
        point = pick(points, data.pop("service_point"))
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
