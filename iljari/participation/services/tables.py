"""The tables the division keeps: the year's living wage, the public holidays, each programme's participation terms
(target group, direct job, longest placement, weekly hours, paid holidays, the city's share of a district's pay);
and the look-ups the other services read them through."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from iljari.core.access import access_participation_tables_manage, access_placements_manage, require
from iljari.core.errors import ValidationFailed
from iljari.participation.models import LivingWage, ProgrammeTerms, PublicHoliday
from iljari.performance.models import TargetGroup


def living_wage_set(*, actor, year: int, hourly: int, note: str = "") -> LivingWage:
    if actor is not None:
        require(access_participation_tables_manage(actor), "생활임금을 바꿀 권한이 없습니다.")
    if not isinstance(hourly, int) or hourly <= 0:
        raise ValidationFailed(field_errors={"hourly": ["시급은 1원 이상의 정수여야 합니다."]})
    if not 2000 <= year <= 2100:
        raise ValidationFailed(field_errors={"year": ["연도를 확인하십시오."]})
    with transaction.atomic():
        wage, _ = LivingWage.objects.update_or_create(year=year, defaults={"hourly": hourly, "note": note})
    return wage


def public_holiday_set(*, actor, day: date, name: str) -> PublicHoliday:
    if actor is not None:
        require(access_participation_tables_manage(actor), "공휴일을 바꿀 권한이 없습니다.")
    if not (name or "").strip():
        raise ValidationFailed(field_errors={"name": ["공휴일 이름을 입력하십시오."]})
    with transaction.atomic():
        holiday, _ = PublicHoliday.objects.update_or_create(day=day, defaults={"name": name.strip()})
    return holiday


def programme_terms_set(
    *,
    actor,
    programme,
    target_group: str,
    is_direct_job: bool = True,
    max_months: int | None = None,
    weekly_hours=40,
    paid_public_holidays: bool = True,
    city_share_percent: int = 100,
) -> ProgrammeTerms:
    if actor is not None:
        require(access_placements_manage(actor, programme.division.path), "이 사업의 참여 조건을 바꿀 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if target_group not in TargetGroup.values:
        errors["target_group"] = ["사업대상을 고르십시오."]
    if max_months is not None and not 1 <= max_months <= 60:
        errors["max_months"] = ["최대 참여 개월은 1~60 사이여야 합니다."]
    if not 0 < Decimal(weekly_hours) <= 40:
        errors["weekly_hours"] = ["주 소정근로시간은 0시간 초과 40시간 이하여야 합니다."]
    if not isinstance(city_share_percent, int) or not 0 <= city_share_percent <= 100:
        errors["city_share_percent"] = ["시비 부담 비율은 0~100(%)입니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        terms, _ = ProgrammeTerms.objects.update_or_create(
            programme=programme,
            defaults={
                "target_group": target_group,
                "is_direct_job": is_direct_job,
                "max_months": max_months,
                "weekly_hours": Decimal(weekly_hours),
                "paid_public_holidays": paid_public_holidays,
                "city_share_percent": city_share_percent,
            },
        )
    return terms


def programme_terms_get(programme) -> ProgrammeTerms:
    """The programme's terms as stored now (not a relation cached on the instance, which may predate a change)."""
    terms = ProgrammeTerms.objects.filter(programme_id=programme.pk).first()
    if terms is None:
        raise ValidationFailed(
            f"'{programme.title}'의 참여 조건(사업대상, 최대 참여 기간)이 등록되지 않았습니다. 먼저 등록하십시오."
        )
    return terms


def living_wage_hourly(year: int) -> int:
    hourly = LivingWage.objects.filter(year=year).values_list("hourly", flat=True).first()
    if hourly is None:
        raise ValidationFailed(f"{year}년 생활임금이 등록되지 않았습니다. 생활임금 표에 먼저 등록하십시오.")
    return hourly
