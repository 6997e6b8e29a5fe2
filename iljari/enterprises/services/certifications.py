"""Certifications and designations (사회적기업, 강소기업, …) with their validity: one added by staff, and a call's
confirmed selection granted at once (for intake)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from iljari.core.errors import ValidationFailed
from iljari.core.history import history_bulk_created
from iljari.enterprises.models import Certification, Organisation
from iljari.enterprises.services.organisations import require_manager


def certification_add(
    *,
    actor,
    organisation: Organisation,
    kind: str,
    valid_from: date,
    valid_until: date | None = None,
    number: str = "",
    note: str = "",
) -> Certification:
    require_manager(actor, "인증·지정을 등록할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if kind not in Certification.Kind.values:
        errors["kind"] = ["유형을 목록에서 고르십시오."]
    if valid_from is None:
        errors["valid_from"] = ["유효 시작일을 입력하십시오."]
    elif valid_until is not None and valid_until < valid_from:
        errors["valid_until"] = ["유효 종료일은 시작일보다 빠를 수 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        if Certification.objects.filter(organisation=organisation, kind=kind, valid_from=valid_from).exists():
            raise ValidationFailed(
                field_errors={"valid_from": ["같은 날 시작하는 같은 유형의 인증·지정이 이미 있습니다."]}
            )
        return Certification.objects.create(
            organisation=organisation,
            kind=kind,
            valid_from=valid_from,
            valid_until=valid_until,
            number=(number or "").strip(),
            note=(note or "").strip(),
        )


def certifications_grant(
    *, organisation_ids, kind: str, valid_from: date, valid_until: date | None = None, note: str = ""
) -> int:
    ids = set(organisation_ids)
    held = set(
        Certification.objects.filter(organisation_id__in=ids, kind=kind, valid_from=valid_from).values_list(
            "organisation_id", flat=True
        )
    )
    granted = Certification.objects.bulk_create(
        [
            Certification(organisation_id=pk, kind=kind, valid_from=valid_from, valid_until=valid_until, note=note)
            for pk in sorted(ids - held)
        ]
    )
    history_bulk_created(granted, describe=lambda c: f"{c.get_kind_display()} 기업·단체 #{c.organisation_id}")
    return len(granted)
