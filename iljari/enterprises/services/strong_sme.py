"""Strong-SME support (서울형 강소기업): what an organisation designated on the day receives."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from iljari.core.errors import ValidationFailed
from iljari.core.formats import screen_date
from iljari.core.korean import with_topic
from iljari.enterprises.models import Certification, Organisation, SupportRecord, valid_on_q
from iljari.enterprises.services.organisations import require_manager

INTERN_MAX_MONTHS = 23


def support_record(
    *,
    actor,
    organisation: Organisation,
    kind: str,
    year: int,
    started_on: date,
    amount: int = 0,
    interns: int = 0,
    months: int = 0,
    note: str = "",
) -> SupportRecord:
    require_manager(actor, "강소기업 지원을 기록할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if kind not in SupportRecord.Kind.values:
        errors["kind"] = ["지원 내용을 목록에서 고르십시오."]
    if started_on is None:
        errors["started_on"] = ["지원 시작일을 입력하십시오."]
    for key, value, label in (
        ("amount", amount, "지원액"),
        ("interns", interns, "인턴 수"),
        ("months", months, "지원 개월"),
    ):
        if not isinstance(value, int) or value < 0:
            errors[key] = [f"{with_topic(label)} 0 이상의 정수입니다."]
    if kind == SupportRecord.Kind.PARENTAL_LEAVE_INTERN:
        if isinstance(interns, int) and interns < 1:
            errors["interns"] = ["인턴 수를 1명 이상 입력하십시오."]
        if isinstance(months, int) and not 1 <= months <= INTERN_MAX_MONTHS:
            errors["months"] = [f"육아휴직자 대체 청년인턴은 1개월부터 최대 {INTERN_MAX_MONTHS}개월까지 지원합니다."]
    if kind == SupportRecord.Kind.IMPROVEMENT_GRANT and isinstance(amount, int) and amount <= 0:
        errors["amount"] = ["근무환경개선금의 지원액을 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    designated = Certification.objects.filter(
        valid_on_q(started_on), organisation=organisation, kind=Certification.Kind.STRONG_SME
    ).exists()
    if not designated:
        raise ValidationFailed(
            f"{with_topic(organisation.name)} {screen_date(started_on)}에 서울형 강소기업이 아닙니다."
        )
    with transaction.atomic():
        return SupportRecord.objects.create(
            organisation=organisation,
            kind=kind,
            year=year,
            started_on=started_on,
            amount=amount,
            interns=interns,
            months=months,
            note=(note or "").strip(),
        )
