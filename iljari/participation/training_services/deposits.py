"""The training-fee deposit (교육훈련비 예치환불제): paid (due → held), and settled when training ends — refunded,
forfeited or cancelled."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from iljari.core.errors import ValidationFailed
from iljari.participation.models import Enrolment, TrainingDeposit
from iljari.participation.training_services.common import require_records


def deposit_pay(*, actor, enrolment: Enrolment, paid_on: date) -> TrainingDeposit:
    require_records(actor, enrolment.course.institute, "이 훈련생의 예치금 납부를 기록할 권한이 없습니다.")
    with transaction.atomic():
        deposit = TrainingDeposit.objects.select_for_update().filter(enrolment=enrolment).first()
        if deposit is None:
            raise ValidationFailed("이 과정에는 교육훈련비 예치금이 없습니다.")
        errors: dict[str, list[str]] = {}
        if deposit.status != TrainingDeposit.Status.DUE:
            errors["paid_on"] = [f"이미 정리된 예치금입니다({deposit.get_status_display()})."]
        elif enrolment.status != Enrolment.Status.ENROLLED:
            errors["paid_on"] = ["수료하거나 중도탈락한 훈련생의 예치금은 납부로 기록할 수 없습니다."]
        elif paid_on > timezone.localdate():
            errors["paid_on"] = ["납부일은 오늘보다 늦을 수 없습니다."]
        elif paid_on > enrolment.course.end_date:
            errors["paid_on"] = ["납부일은 훈련 종료일보다 늦을 수 없습니다."]
        if errors:
            raise ValidationFailed(field_errors=errors)
        deposit.status = TrainingDeposit.Status.HELD
        deposit.paid_on = paid_on
        deposit.save(update_fields=["status", "paid_on", "updated_at"])
    return deposit


def deposit_settle(*, actor, enrolment: Enrolment, refund: bool, day: date) -> None:
    """At the end of training: a deposit held is refunded or forfeited; one never paid is cancelled."""
    deposit = TrainingDeposit.objects.select_for_update().filter(enrolment=enrolment).first()
    if deposit is None or deposit.status not in (TrainingDeposit.Status.DUE, TrainingDeposit.Status.HELD):
        return
    if deposit.status == TrainingDeposit.Status.HELD:
        deposit.status = TrainingDeposit.Status.REFUNDED if refund else TrainingDeposit.Status.FORFEITED
        deposit.settled_on = max(day, deposit.paid_on)
    else:
        deposit.status = TrainingDeposit.Status.CANCELLED
        deposit.settled_on = day
    deposit.settled_by = actor
    deposit.save(update_fields=["status", "settled_on", "settled_by", "updated_at"])
