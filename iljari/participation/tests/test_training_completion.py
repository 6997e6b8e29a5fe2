"""The end of training and the training-fee deposit (교육훈련비 예치환불제): completion only at the attendance the
course asks for, and the deposit refunded on completion or on leaving for a job, forfeited on any other dropout,
cancelled when it was never paid."""

from datetime import date

import pytest

from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.participation import services as participation
from iljari.participation import training_services as services
from iljari.participation.models import Enrolment, TrainingDeposit
from iljari.participation.tests.factories import make_trainee

MAY, JUNE, JULY = date(2018, 5, 1), date(2018, 6, 1), date(2018, 7, 1)


def _paid_trainee(training, **days):
    """A trainee of the short course ('18.5.2.~7.31., 20 + 21 + 22 scheduled days) who paid the deposit."""
    trainee = make_trainee(training["short"])
    services.deposit_pay(actor=None, enrolment=trainee, paid_on=date(2018, 5, 2))
    for month, attended in days.items():
        services.attendance_set(
            actor=None, enrolment=trainee, month={"may": MAY, "june": JUNE, "july": JULY}[month], attended_days=attended
        )
    return trainee


def _deposit(trainee) -> TrainingDeposit:
    return TrainingDeposit.objects.get(enrolment=trainee)


def test_completion_below_the_courses_attendance_is_refused_with_both_percentages(training):
    trainee = _paid_trainee(training, may=20, june=10, july=20)  # 50 of 63 days: 79.3%
    with pytest.raises(ValidationFailed) as error:
        services.enrolment_complete(actor=None, enrolment=trainee)
    assert "출석률이 79.3%(소정 63일 중 50일)로 수료 기준 80%에 못 미쳐" in error.value.message
    trainee.refresh_from_db()
    assert trainee.status == "enrolled" and _deposit(trainee).status == "held"


def test_completion_refunds_the_deposit_held(training, personas):
    trainee = _paid_trainee(training, may=20, june=11, july=20)  # 51 of 63: 80.9%
    services.enrolment_complete(actor=personas[Role.PARTNER_AGENCY], enrolment=trainee)
    trainee.refresh_from_db()
    assert (trainee.status, trainee.ended_on) == ("completed", date(2018, 7, 31))
    deposit = _deposit(trainee)
    assert (deposit.status, deposit.settled_on, deposit.get_status_display()) == ("refunded", date(2018, 7, 31), "환급")
    with pytest.raises(ValidationFailed):  # attendance of a completed trainee stays as it was
        services.attendance_set(actor=None, enrolment=trainee, month=JULY, attended_days=1)


def test_completion_cancels_a_deposit_never_paid(training):
    trainee = make_trainee(training["short"])
    services.attendance_set(actor=None, enrolment=trainee, month=MAY, attended_days=20)
    services.enrolment_complete(actor=None, enrolment=trainee, ended_on=date(2018, 5, 31))
    assert _deposit(trainee).status == "cancelled"


def test_completion_needs_recorded_attendance(training):
    trainee = make_trainee(training["day"])
    with pytest.raises(ValidationFailed) as error:
        services.enrolment_complete(actor=None, enrolment=trainee)
    assert "출석이 기록된 달이 없어" in error.value.message


def test_a_dropout_forfeits_the_deposit(training):
    trainee = _paid_trainee(training, may=12)
    services.enrolment_drop(actor=None, enrolment=trainee, ended_on=date(2018, 5, 31), reason="personal")
    trainee.refresh_from_db()
    assert (trainee.status, trainee.get_dropout_reason_display()) == ("dropped", "개인 사정")
    assert (_deposit(trainee).status, _deposit(trainee).get_status_display()) == ("forfeited", "귀속")


def test_leaving_for_a_job_refunds_the_deposit(training):
    trainee = _paid_trainee(training, may=20)
    services.enrolment_drop(actor=None, enrolment=trainee, ended_on=date(2018, 6, 15), reason="employed")
    assert _deposit(trainee).status == "refunded"
    assert Enrolment.objects.get(pk=trainee.pk).get_dropout_reason_display() == "조기취업"


def test_a_dropout_needs_a_reason_and_no_month_after_it(training):
    trainee = _paid_trainee(training, may=20, june=20)
    with pytest.raises(ValidationFailed) as error:
        services.enrolment_drop(actor=None, enrolment=trainee, ended_on=date(2018, 5, 31), reason="")
    assert error.value.field_errors["reason"] == ["중도탈락 사유를 고르십시오."]
    assert "그날 뒤의 달에 출석이 기록되어" in error.value.field_errors["ended_on"][0]
    assert _deposit(trainee).status == "held"


def test_the_last_months_scheduled_days_are_counted_again_to_the_dropout(training):
    participation.public_holiday_set(actor=None, day=date(2018, 6, 6), name="현충일")
    trainee = _paid_trainee(training, may=20, june=5)
    assert trainee.attendance.get(month=JUNE).scheduled_days == 20
    services.enrolment_drop(actor=None, enrolment=trainee, ended_on=date(2018, 6, 8), reason="health")
    assert trainee.attendance.get(month=JUNE).scheduled_days == 5  # 1·4·5·7·8 June (6 June is a holiday)
    with pytest.raises(ValidationFailed):  # a trainee who left cannot leave again
        services.enrolment_drop(actor=None, enrolment=trainee, ended_on=date(2018, 6, 8), reason="health")


def test_a_deposit_is_paid_once_and_only_where_the_course_has_one(training):
    trainee = make_trainee(training["short"])
    services.deposit_pay(actor=None, enrolment=trainee, paid_on=date(2018, 5, 2))
    with pytest.raises(ValidationFailed) as error:
        services.deposit_pay(actor=None, enrolment=trainee, paid_on=date(2018, 5, 3))
    assert "이미 정리된 예치금입니다(예치)" in error.value.field_errors["paid_on"][0]
    with pytest.raises(ValidationFailed) as error:
        services.deposit_pay(actor=None, enrolment=make_trainee(training["day"]), paid_on=date(2018, 3, 2))
    assert "예치금이 없습니다" in error.value.message


def test_closing_a_course_completes_everyone_who_attended_enough(training):
    good = [_paid_trainee(training, may=20, june=21, july=22) for _ in range(2)]
    low = _paid_trainee(training, may=10, june=10, july=10)
    completed, left = services.course_complete(actor=None, course=training["short"])
    assert (completed, left) == (2, 1)
    assert [_deposit(t).status for t in good] == ["refunded", "refunded"]
    assert Enrolment.objects.get(pk=low.pk).status == "enrolled" and _deposit(low).status == "held"


def test_closing_a_course_records_each_completion_and_refund_before_and_after(training, personas):
    from auditlog.models import LogEntry

    from iljari.core.models import ChangeBatch

    good = _paid_trainee(training, may=20, june=21, july=22)
    _paid_trainee(training, may=10, june=10, july=10)
    services.course_complete(actor=personas[Role.PARTNER_AGENCY], course=training["short"])
    batch = ChangeBatch.objects.get(kind="participation.completion")
    assert (batch.changed, batch.created, batch.deleted) == (2, 0, 0)  # the enrolment and its deposit
    entries = {e.content_type.model: e.changes_dict for e in LogEntry.objects.filter(cid=batch.cid)}
    assert entries["enrolment"]["status"] == ["enrolled", "completed"]
    assert entries["trainingdeposit"]["status"] == ["held", "refunded"]
    assert entries["trainingdeposit"]["settled_by"] == [None, personas[Role.PARTNER_AGENCY].pk]
    assert LogEntry.objects.get(cid=batch.cid, content_type__model="enrolment").object_pk == str(good.pk)
