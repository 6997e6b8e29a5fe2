"""The shelters desk's writes: the daily user counts and the shelters' set-up."""

from __future__ import annotations

import re
from datetime import date

from django.db import transaction

from iljari.core.access import access_shelter_counts, require
from iljari.core.errors import field_error
from iljari.core.formats import screen_date
from iljari.core.korean import with_topic
from iljari.frontline.models import Shelter, ShelterDailyCount
from iljari.frontline.services.common import code_errors, not_future, raise_errors, require_manage


def shelter_count_record(*, actor, shelter: Shelter, day: date, users: int) -> ShelterDailyCount:
    if actor is not None:
        require(access_shelter_counts(actor, shelter), f"{shelter.name}의 이용자 수를 입력할 권한이 없습니다.")
    if day is None:
        raise field_error("day", "날짜를 입력하십시오.")
    not_future(day, "day", "이용 날짜")
    if day < shelter.opened_on:
        raise field_error("day", f"{with_topic(shelter.name)} {screen_date(shelter.opened_on)}에 문을 열었습니다.")
    if users is None or users < 0:
        raise field_error("users", "이용자 수는 0명 이상이어야 합니다.")
    with transaction.atomic():
        count, _ = ShelterDailyCount.objects.update_or_create(shelter=shelter, day=day, defaults={"users": users})
    return count


def shelter_set(*, actor, code: str, division, new: bool = False, **fields) -> Shelter:
    """A shelter (new=True: a new code, refused when taken); hours as HH:MM (an overnight shelter closes the
    next morning, so closing may be earlier than opening but not the same)."""
    require_manage(actor, division)
    existing = None if new else Shelter.objects.filter(code=code).select_related("division").first()
    if existing is not None and existing.division_id != division.pk:
        require_manage(actor, existing.division)
    errors = code_errors(Shelter, code, new)
    for field, message in (("name", "쉼터 이름을 입력하십시오."), ("target_workers", "주 이용 대상을 입력하십시오.")):
        if field in fields and not (fields[field] or "").strip():
            errors[field] = [message]
    for field in ("opens", "closes"):
        if field in fields and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d|24:00", fields[field] or ""):
            errors[field] = ["시각은 18:00처럼 시:분으로 입력하십시오."]
    if "opens" in fields and "closes" in fields and fields["opens"] == fields["closes"] and "opens" not in errors:
        errors["closes"] = ["닫는 시각은 여는 시각과 달라야 합니다."]
    if "size_m2" in fields and (fields["size_m2"] is None or fields["size_m2"] < 1):
        errors["size_m2"] = ["규모는 1㎡ 이상이어야 합니다."]
    if "staff" in fields and (fields["staff"] is None or fields["staff"] < 0):
        errors["staff"] = ["운영 인력은 0명 이상이어야 합니다."]
    if "opened_on" in fields and fields["opened_on"] is None:
        errors["opened_on"] = ["개소일을 입력하십시오."]
    raise_errors(errors)
    with transaction.atomic():
        shelter, _ = Shelter.objects.update_or_create(code=code, defaults={"division": division, **fields})
    return shelter
