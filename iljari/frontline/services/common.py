"""What the desks' services share: today's date, the two permission steps (work at a service point, keep a
division's set-up), "not in the future", and the check of a new record's code."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.utils import timezone

from iljari.core.access import access_frontline_manage, access_service_point_work, require
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.korean import with_topic
from iljari.frontline.models import Consultation


def today() -> date:
    return timezone.localdate()


def now() -> datetime:
    """The office's local time now (a booking for an hour already begun today is refused)."""
    return timezone.localtime()


def require_work(actor, point) -> None:
    """The actor works at the point (access_service_point_work); the system (None) always may."""
    if actor is not None:
        require(access_service_point_work(actor, point), f"{point.name}의 업무를 기록할 권한이 없습니다.")


def require_manage(actor, division) -> None:
    """The actor keeps the division's set-up (access_frontline_manage); the system (None) always may."""
    if actor is not None:
        require(access_frontline_manage(actor, division.path), "현장 서비스의 기본 자료를 바꿀 권한이 없습니다.")


def not_future(value: date | None, field: str, label: str) -> None:
    if value is not None and value > today():
        raise field_error(field, f"{with_topic(label)} 오늘 이후일 수 없습니다. 이미 한 일만 기록합니다.")


def code_errors(model, code: str, new: bool) -> dict[str, list[str]]:
    """A new record's code: letters, digits and '-', not taken (an existing record keeps its code)."""
    code = (code or "").strip()
    if not code or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]{0,31}", code):
        return {"code": ["코드는 영문·숫자·하이픈(-)으로 32자까지 입력하십시오."]}
    if new and model.objects.filter(code=code).exists():
        return {"code": [f"코드 {with_topic(code)} 이미 쓰고 있습니다. 다른 코드를 입력하십시오."]}
    return {}


# The services each kind of point records as consultations (Consultation.service); every other kind records 상담 only.
POINT_SERVICES = {
    "coop_centre": ("consultation", "startup_coaching", "growth_support", "management"),
    "social_economy_centre": ("consultation", "management", "academy_support"),
}


def point_services(point) -> tuple[str, ...]:
    return POINT_SERVICES.get(point.kind, ("consultation",))


def service_errors(point, service: str) -> dict[str, list[str]]:
    """The service kind a point records: 경영지원·창업코칭 … only at the centres that give them."""
    if service not in Consultation.Service.values:
        return {"service": ["서비스 구분을 목록에서 고르십시오."]}
    if service not in point_services(point):
        label = Consultation.Service(service).label
        return {"service": [f"{with_topic(point.name)} {label} 기록을 하지 않는 창구입니다."]}
    return {}


def raise_errors(errors: dict[str, list[str]]) -> None:
    """Refuse with every field's errors at once, when there are any."""
    if errors:
        raise ValidationFailed(field_errors=errors)
