"""Attendance: the scheduled days come from the calendar (weekdays that are not public holidays, inside the course
and the enrolment); attended days never exceed them; a closed month refuses; a course month in one go or from its
xlsx sheet is saved all or not at all."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from iljari.core import locks
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.participation import training_selectors as selectors
from iljari.participation import training_services as services
from iljari.participation.models import AttendanceMonth
from iljari.participation.tests.factories import make_trainee

MAY = date(2018, 5, 1)


def test_scheduled_days_are_the_weekdays_of_the_course_that_are_not_holidays(training):
    trainee = make_trainee(training["short"])  # from Wednesday 2 May
    record = services.attendance_set(actor=None, enrolment=trainee, month=MAY, attended_days=18)
    # May 2018 has 23 weekdays; 1 May is before the course, 7 and 22 May are holidays (5 May is a Saturday)
    assert (record.scheduled_days, record.attended_days) == (20, 18)


def test_the_last_month_counts_to_the_courses_end(training):
    trainee = make_trainee(training["short"])  # ends Tuesday 31 July
    record = services.attendance_set(actor=None, enrolment=trainee, month=date(2018, 7, 1), attended_days=22)
    assert record.scheduled_days == 22


def test_more_days_attended_than_scheduled_is_refused(training):
    trainee = make_trainee(training["short"])
    with pytest.raises(ValidationFailed) as error:
        services.attendance_set(actor=None, enrolment=trainee, month=MAY, attended_days=21)
    assert "5월 소정 훈련일은 20일입니다" in error.value.field_errors["attended_days"][0]
    assert not AttendanceMonth.objects.exists()


def test_a_month_outside_the_course_is_refused(training):
    trainee = make_trainee(training["short"])
    with pytest.raises(ValidationFailed) as error:
        services.attendance_set(actor=None, enrolment=trainee, month=date(2018, 4, 1), attended_days=1)
    assert "훈련 기간이 아닙니다" in error.value.field_errors["month"][0]


def test_a_closed_month_is_refused(training, personas):
    trainee = make_trainee(training["short"])
    locks.month_lock(actor=personas[Role.OFFICE_MANAGER], year=2018, month=5)
    with pytest.raises(ValidationFailed) as error:
        services.attendance_set(actor=personas[Role.PARTNER_AGENCY], enrolment=trainee, month=MAY, attended_days=10)
    assert "2018년 5월은 마감되었습니다" in error.value.message
    with pytest.raises(ValidationFailed):
        services.attendance_month_set(actor=None, course=training["short"], month=MAY, attended={trainee.pk: 10})
    assert not AttendanceMonth.objects.exists()


def test_only_the_institutes_own_partner_or_the_division_records(training, personas):
    ours, theirs = make_trainee(training["short"]), make_trainee(training["other"])
    partner = personas[Role.PARTNER_AGENCY]  # TTI-EAST
    services.attendance_set(actor=partner, enrolment=ours, month=MAY, attended_days=20)
    with pytest.raises(NotAllowed):
        services.attendance_set(actor=partner, enrolment=theirs, month=MAY, attended_days=20)
    with pytest.raises(NotAllowed):
        services.attendance_set(actor=personas[Role.AUDITOR], enrolment=ours, month=MAY, attended_days=20)
    services.attendance_set(actor=personas[Role.DIVISION_STAFF], enrolment=theirs, month=MAY, attended_days=19)


def test_a_course_month_is_saved_for_everyone_or_for_nobody(training):
    first, second = make_trainee(training["short"]), make_trainee(training["short"])
    with pytest.raises(ValidationFailed) as error:
        services.attendance_month_set(
            actor=None, course=training["short"], month=MAY, attended={first.pk: 20, second.pk: 25}
        )
    assert list(error.value.field_errors) == [f"attended_{second.pk}"]
    assert "1명의 출석에 고칠 곳이 있어 아무것도 저장하지 않았습니다" in error.value.message
    assert not AttendanceMonth.objects.exists()
    assert services.attendance_month_set(
        actor=None, course=training["short"], month=MAY, attended={first.pk: 20, second.pk: 17}
    ) == 2  # fmt: skip
    assert (
        services.attendance_month_set(
            actor=None, course=training["short"], month=MAY, attended={first.pk: None, second.pk: 16}
        )
        == 1
    )  # fmt: skip  (a blank row is left as it was)
    assert dict(AttendanceMonth.objects.values_list("enrolment_id", "attended_days")) == {first.pk: 20, second.pk: 16}


def test_a_trainee_of_another_course_cannot_be_entered_in_this_ones_month(training):
    stranger = make_trainee(training["day"])
    with pytest.raises(ValidationFailed) as error:
        services.attendance_month_set(actor=None, course=training["short"], month=MAY, attended={stranger.pk: 5})
    assert error.value.field_errors[f"attended_{stranger.pk}"] == ["이 과정의 훈련생이 아닙니다."]


def _sheet(personas, course, month):
    data = selectors.attendance_sheet(user=personas[Role.PARTNER_AGENCY], course=course, month=month)
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.active
    rows = {sheet.cell(row=r, column=1).value: r for r in range(4, sheet.max_row + 1)}
    return workbook, sheet, rows


def _bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_month_sheet_round_trip_writes_all_rows_or_none(training, personas):
    first, second = make_trainee(training["short"]), make_trainee(training["short"])
    workbook, sheet, rows = _sheet(personas, training["short"], MAY)
    assert set(rows) == {first.pk, second.pk}
    assert sheet.cell(row=rows[first.pk], column=3).value == 20  # scheduled, shown for reference
    sheet.cell(row=rows[first.pk], column=4, value=19)
    sheet.cell(row=rows[second.pk], column=4, value=21)
    partner = personas[Role.PARTNER_AGENCY]
    with pytest.raises(ValidationFailed) as error:
        services.attendance_import(actor=partner, course=training["short"], month=MAY, data=_bytes(workbook))
    assert error.value.field_errors["file"] == [
        f"{rows[second.pk]}행: 5월 소정 훈련일은 20일입니다(주말·공휴일 제외). 출석일수가 더 많을 수 없습니다."
    ]
    assert not AttendanceMonth.objects.exists()
    sheet.cell(row=rows[second.pk], column=4, value=20)
    assert services.attendance_import(actor=partner, course=training["short"], month=MAY, data=_bytes(workbook)) == 2
    assert sorted(AttendanceMonth.objects.values_list("attended_days", flat=True)) == [19, 20]


def test_a_course_month_entered_again_records_only_the_changed_trainee(training, personas):
    from auditlog.models import LogEntry

    from iljari.core.models import ChangeBatch

    first, second = make_trainee(training["short"]), make_trainee(training["short"])
    staff = personas[Role.DIVISION_STAFF]
    services.attendance_month_set(
        actor=staff, course=training["short"], month=MAY, attended={first.pk: 20, second.pk: 17}
    )
    services.attendance_month_set(
        actor=staff, course=training["short"], month=MAY, attended={first.pk: 20, second.pk: 15}
    )
    batch = ChangeBatch.objects.filter(kind="participation.attendance").order_by("-pk").first()
    assert (batch.created, batch.changed, batch.deleted, batch.unchanged) == (0, 1, 0, 1)
    [entry] = LogEntry.objects.filter(cid=batch.cid)
    assert entry.changes_dict == {"attended_days": [17, 15]}
    assert entry.object_pk == str(AttendanceMonth.objects.get(enrolment=second).pk)
