"""Retention of applications (intake's kinds for core.retention).

- `intake.application_not_selected`: an application that was not selected (or was, and declined without being
  placed), kept 1 year after its call closed by default. Destroying it deletes its uploaded documents (rows and
  files), clears the eligibility reasons, marks it `personal_data_destroyed_at`, and anonymises the person unless
  something else still holds them (people.retention). The application row stays — call, quota, status, channel,
  dates, points, scores — so the call's figures (applicants, competition ratio, selections) do not change.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from iljari.core.retention import Destroyed, retention_kind_register
from iljari.intake.models import Application, ApplicationDocument
from iljari.people.retention import person_anonymise_expired

CHUNK = 2000


def _chunks(items: list) -> list[list]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


def applications_destroy(*, ids: list[int], now) -> tuple[int, list[int]]:
    """Destroy these applications' documents and mark them; returns (files removed, their person ids)."""
    files, person_ids = [], []
    for chunk in _chunks(ids):
        documents = ApplicationDocument.objects.filter(application_id__in=chunk)
        files += [(document.file.storage, document.file.name) for document in documents.only("file")]
        documents.delete()
        Application.objects.filter(pk__in=chunk).update(personal_data_destroyed_at=now, ineligible_reasons="")
        person_ids += list(Application.objects.filter(pk__in=chunk).values_list("person_id", flat=True))

    def remove_files():
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(remove_files)  # the files go only once the rows are gone for good
    return len(files), person_ids


def applications_not_selected_destroy(*, cutoff, now) -> Destroyed:
    ids = list(
        Application.objects.filter(call__closes_at__lt=cutoff, personal_data_destroyed_at__isnull=True)
        .filter(~Q(status=Application.Status.SELECTED) & Q(placed_at__isnull=True))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not ids:
        return Destroyed()
    files, person_ids = applications_destroy(ids=ids, now=now)
    people = person_anonymise_expired(person_ids=person_ids, now=now)
    return Destroyed(record_ids=ids, people=people, files=files)


def register() -> None:
    retention_kind_register(
        "intake.application_not_selected",
        label="선발되지 않은 신청",
        default_years=1,
        basis="모집공고 접수 마감일부터",
        method="제출 서류 삭제, 신청자 식별 정보 익명화(신청 건수·상태는 통계용으로 남김)",
        destroy=applications_not_selected_destroy,
    )
