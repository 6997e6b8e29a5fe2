"""Training pages (기술교육원): the figures per institute, an institute's courses, a course month with its trainees'
attendance in one form (and the xlsx round trip), one trainee with the deposit, completion and dropout, and
enrolling a call's selected applicants. Pages that show trainees write to the access log."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.access import access_training_manage, access_training_records, access_training_view, require
from iljari.core.errors import ValidationFailed
from iljari.core.formats import screen_month
from iljari.core.http import log_person_access as _log
from iljari.core.http import paginate, personal_export, service_step, xlsx_upload
from iljari.core.period import figure_period
from iljari.entrusted.selectors import facility_for_code
from iljari.intake import selectors as intake_selectors
from iljari.participation import training_selectors as selectors
from iljari.participation import training_services as services
from iljari.participation.forms import MonthForm
from iljari.participation.models import TrainingCourse
from iljari.participation.training_forms import (
    AttendanceMonthForm,
    DepositPayForm,
    EnrolForm,
    EnrolmentCompleteForm,
    EnrolmentDropForm,
)


def _month(request, course: TrainingCourse):
    """The month asked for, else the latest recorded month, else the course's first month."""
    form = MonthForm(request.GET or None)
    if form.is_valid():
        return form.cleaned_data["month"]
    return selectors.latest_attendance_month(course=course) or course.start_date.replace(day=1)


@login_required
def training_figures(request):
    require(access_training_view(request.user))
    year, as_of, warnings = figure_period(request)
    for warning in warnings:
        messages.warning(request, warning)
    waiting = [
        call
        for call in selectors.calls_awaiting_enrolment(user=request.user)
        if access_training_manage(request.user, call.programme.division.path)
    ]
    missing_month = _attendance_missing(request)
    missing = selectors.courses_attendance_missing(user=request.user, month=missing_month) if missing_month else None
    return render(
        request,
        "participation/training/figures.html",
        {
            "year": year,
            "as_of": as_of,
            "figures": selectors.training_figures(user=request.user, year=year, as_of=as_of),
            "waiting": waiting,
            "missing_month": missing_month,
            "missing": missing,
        },
    )


def _attendance_missing(request) -> date | None:
    """?attendance_missing=YYYY-MM: the courses whose attendance of that month is not entered (the work list's link);
    a malformed month shows none, with a message."""
    raw = request.GET.get("attendance_missing", "").strip()
    try:
        return date.fromisoformat(f"{raw}-01") if raw else None
    except ValueError:
        messages.warning(request, "출결 미입력 달을 읽을 수 없습니다.")
        return None


@login_required
def institute_detail(request, code: str):
    institute = selectors.institute_get(user=request.user, code=code)
    page = paginate(request, selectors.course_list(user=request.user, institute=institute), per_page=50)
    facility = facility_for_code(user=request.user, code=institute.code)  # its entrusted facility (민간위탁), if any
    context = {"institute": institute, "page": page, "facility": facility}
    return render(request, "participation/training/institute.html", context)


def _course_page(request, course, month, *, form=None, upload=None, status=200):
    sheet = selectors.course_month(user=request.user, course=course, month=month)
    can_record = access_training_records(request.user, course.institute)
    if form is None and can_record:
        form = AttendanceMonthForm(rows=sheet.rows)
    _log(
        request,
        "view",
        [row.enrolment.person_id for row in sheet.rows],
        f"훈련 과정 {course.code} {screen_month(month)}",
    )
    return render(
        request,
        "participation/training/course.html",
        {"course": course, "month": month, "sheet": sheet, "can_record": can_record, "form": form, "upload": upload},
        status=status,
    )


@login_required
def course_detail(request, code: str):
    course = selectors.course_get(user=request.user, code=code)
    return _course_page(request, course, _month(request, course))


@login_required
@require_POST
def course_attendance(request, code: str):
    course = selectors.course_get(user=request.user, code=code)
    require(access_training_records(request.user, course.institute))
    month = _month(request, course)
    sheet = selectors.course_month(user=request.user, course=course, month=month)
    form = AttendanceMonthForm(request.POST, rows=sheet.rows)

    def save(_data):
        try:
            count = services.attendance_month_set(
                actor=request.user, course=course, month=month, attended=form.attended()
            )
        except ValidationFailed as error:
            if error.field_errors:  # the rows' errors go beside them; how many rows to fix, above the table
                form.add_error(None, error.message)
            raise
        message = f"{month.year}년 {month.month}월 출석 {count}명을 저장했습니다."
        return message, f"{course.get_absolute_url()}?month={month:%Y-%m}"

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: _course_page(request, course, month, form=f, status=status),
    )


@login_required
def attendance_sheet(request, code: str):
    course = selectors.course_get(user=request.user, code=code)
    month = _month(request, course)
    trainees = selectors.course_month(user=request.user, course=course, month=month).rows
    return personal_export(
        request,
        export="attendance",
        subject_ids=[row.enrolment.person_id for row in trainees],
        detail=f"훈련 과정 {course.code} {screen_month(month)} 출석 양식",
        build=lambda: selectors.attendance_sheet(user=request.user, course=course, month=month),
        filename=f"출석 양식({course.code} {screen_month(month)}).xlsx",
        fallback=f"attendance-{course.code}-{month:%Y-%m}.xlsx",
        back=f"{course.get_absolute_url()}?month={month:%Y-%m}",
    )


@login_required
def attendance_upload(request, code: str):
    course = selectors.course_get(user=request.user, code=code)
    require(access_training_records(request.user, course.institute))
    month = _month(request, course)
    return xlsx_upload(
        request,
        importer=lambda data: services.attendance_import(actor=request.user, course=course, month=month, data=data),
        success_url=f"{course.get_absolute_url()}?month={month:%Y-%m}",
        render_page=lambda upload, status: _course_page(request, course, month, upload=upload, status=status),
    )


def _enrolment_page(request, enrolment, *, pay_form=None, complete_form=None, drop_form=None, status=200):
    return render(
        request,
        "participation/training/enrolment.html",
        {
            "enrolment": enrolment,
            "attendance": selectors.enrolment_attendance(enrolment=enrolment),
            "can_record": access_training_records(request.user, enrolment.course.institute),
            "pay_form": pay_form or DepositPayForm(),
            "complete_form": complete_form or EnrolmentCompleteForm(),
            "drop_form": drop_form or EnrolmentDropForm(),
        },
        status=status,
    )


@login_required
def enrolment_detail(request, pk: int):
    enrolment = selectors.enrolment_get(user=request.user, pk=pk)
    _log(request, "view", [enrolment.person_id], f"훈련생 #{enrolment.pk}")
    return _enrolment_page(request, enrolment)


@login_required
@require_POST
def deposit_pay(request, pk: int):
    enrolment = selectors.enrolment_get(user=request.user, pk=pk)

    def save(data):
        services.deposit_pay(actor=request.user, enrolment=enrolment, paid_on=data["paid_on"])
        return "예치금 납부를 기록했습니다.", enrolment.get_absolute_url()

    return service_step(
        request,
        save,
        form=DepositPayForm(request.POST),
        render_page=lambda f, status: _enrolment_page(request, enrolment, pay_form=f, status=status),
    )


@login_required
@require_POST
def enrolment_complete(request, pk: int):
    enrolment = selectors.enrolment_get(user=request.user, pk=pk)

    def save(data):
        services.enrolment_complete(actor=request.user, enrolment=enrolment, ended_on=data["ended_on"])
        return "수료를 기록했습니다.", enrolment.get_absolute_url()

    return service_step(
        request,
        save,
        form=EnrolmentCompleteForm(request.POST),
        render_page=lambda f, status: _enrolment_page(request, enrolment, complete_form=f, status=status),
    )


@login_required
@require_POST
def enrolment_drop(request, pk: int):
    enrolment = selectors.enrolment_get(user=request.user, pk=pk)

    def save(data):
        services.enrolment_drop(actor=request.user, enrolment=enrolment, **data)
        return "중도탈락을 기록했습니다.", enrolment.get_absolute_url()

    return service_step(
        request,
        save,
        form=EnrolmentDropForm(request.POST),
        render_page=lambda f, status: _enrolment_page(request, enrolment, drop_form=f, status=status),
    )


@login_required
def call_enrol(request, code: str):
    require(access_training_view(request.user))
    call = intake_selectors.call_get(user=request.user, code=code)
    require(access_training_manage(request.user, call.programme.division.path))
    courses = selectors.call_enrolment_plan(user=request.user, call=call)

    def save(data):
        count = services.enrolments_from_selection(actor=request.user, call=call)
        url = f"{reverse('participation:training_figures')}?year={call.opens_at.year}"
        return f"선발자 {count:,}명을 훈련생으로 등록했습니다.", url

    def render_page(form, status):
        return render(
            request,
            "participation/training/call_enrol.html",
            {"call": call, "form": form, "courses": courses, "waiting": sum(c.waiting for c in courses)},
            status=status,
        )

    form = EnrolForm(request.POST if request.method == "POST" else None)
    return service_step(request, save, form=form, render_page=render_page)
