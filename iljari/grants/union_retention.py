"""Retention of the 근로자 자녀 장학금's students (grants' kind for core.retention).

- `grants.scholarship_recipient` (5 years from the end of the round's year): the student's and the parent's names
  become "(파기)", the parent's workplace and the grade are cleared, the birth date keeps its year only (1 January),
  and the 한국장학재단's rows of the round are deleted (the students' links to them go with them). The rows stay with
  their round, school, amount, state, payment day and duplicate decision, so the round's counts and totals do not
  change; the uploads' file names, row and match counts stay. The change history of the destroyed rows is deleted
  (it holds the old values).
"""

from __future__ import annotations

from datetime import date

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils import timezone

from iljari.core.retention import Destroyed, retention_kind_register
from iljari.grants.models import FoundationRecord, ScholarshipRecipient

DESTROYED = "(파기)"
CODE = "grants.scholarship_recipient"


def scholarship_recipients_destroy(*, cutoff, now) -> Destroyed:
    last_year = timezone.localtime(cutoff).date().year - 1  # the rounds whose year ended before the cutoff
    rows = ScholarshipRecipient.objects.filter(scholarship__year__lte=last_year).exclude(name=DESTROYED)
    ids = list(rows.order_by("pk").values_list("pk", flat=True))
    FoundationRecord.objects.filter(source__scholarship__year__lte=last_year).delete()
    if not ids:
        return Destroyed()
    for recipient in ScholarshipRecipient.objects.filter(pk__in=ids).only("pk", "birth_date"):
        ScholarshipRecipient.objects.filter(pk=recipient.pk).update(birth_date=date(recipient.birth_date.year, 1, 1))
    ScholarshipRecipient.objects.filter(pk__in=ids).update(
        name=DESTROYED,
        name_key=Concat(Value(DESTROYED), F("pk")),  # unique within the round, matching nobody
        parent_name=DESTROYED,
        parent_workplace="",
        grade="",
        updated_at=now,
    )
    content_type = ContentType.objects.get_for_model(ScholarshipRecipient)
    LogEntry.objects.filter(content_type=content_type, object_pk__in=[str(pk) for pk in ids]).delete()
    return Destroyed(record_ids=ids)


def register() -> None:
    retention_kind_register(
        CODE,
        label="근로자 자녀 장학금 대상 학생",
        default_years=5,
        basis="장학금 회차 연도가 끝난 날부터",
        method=(
            "학생·보호자 이름 파기, 보호자 사업장과 학년 삭제, 생년월일은 연도만 남김, 한국장학재단 지원 명단 삭제"
            "(학교·장학금·지급·중복 확인 결정은 통계용으로 남김)"
        ),
        destroy=scholarship_recipients_destroy,
    )
