"""performance services: the definitions the office keeps itself — indicators (with their formula) and job targets,
created, edited and retired (the contract is in the package)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from iljari.core.access import access_indicators_manage, access_job_targets_manage, require
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.figures import COUNT, MONEY, YEAR, as_decimal
from iljari.core.korean import with_object, with_topic
from iljari.core.locks import unique_or
from iljari.performance.models import Indicator, IndicatorValue, JobKind, JobTarget, TargetGroup
from iljari.performance.selectors import locked_month_of

# what an indicator's figures mean: not changed while a signed-off month holds figures of it
INDICATOR_MEANING = {
    "unit": "단위",
    "cumulative": "누계 여부",
    "numerator": "분자 지표",
    "denominator": "분모 지표",
    "factor": "배수",
}
JOB_TARGET_MEANING = {
    "target_group": "사업대상",
    "kind": "구분",
    "programme": "주요업무",
    "target": "목표",
    "budget": "예산",
}
INDICATOR_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,31}$")
INDICATOR_FIELDS = (
    "name",
    "unit",
    "objective",
    "field_label",
    "division",
    "cumulative",
    "order",
    "numerator",
    "denominator",
    "factor",
)
_TWICE = "같은 연도에 사업대상·구분·주요업무가 같은 일자리 목표가 이미 있습니다."
JOB_TARGET_FIELDS = ("target_group", "kind", "programme", "programme_names", "target", "budget", "division", "order")


def _refuse_in_locked_month(changed: list[str], meaning: dict[str, str], days, whose: str) -> None:
    """A definition whose figures a signed-off month holds keeps its meaning until the month is unlocked."""
    touched = [name for name in changed if name in meaning]
    if not touched:
        return
    day = locked_month_of(days)
    if day is None:
        return
    message = (
        f"{day.year}년 {day.month}월이 마감되어 {whose}의 그 달 수치가 확정되었습니다."
        " 총괄이 마감을 해제한 뒤 고치십시오."
    )
    raise ValidationFailed(
        message, field_errors={name: [f"{with_object(meaning[name])} 바꿀 수 없습니다: {message}"] for name in touched}
    )


def _indicator_errors(values: dict, indicator: Indicator | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not (values.get("name") or "").strip():
        errors["name"] = ["지표명을 입력하십시오."]
    elif len(values["name"]) > 200:
        errors["name"] = ["지표명은 200자까지 적습니다."]
    if not (values.get("unit") or "").strip():
        errors["unit"] = ["단위를 입력하십시오(예: 명, 천개, 억원, %)."]
    elif len(values["unit"]) > 20:
        errors["unit"] = ["단위는 20자까지 적습니다."]
    if len(values.get("field_label") or "") > 60:
        errors["field_label"] = ["분야명은 60자까지 적습니다."]
    order = values.get("order")
    if not isinstance(order, int) or isinstance(order, bool) or not 0 <= order <= 32767:
        errors["order"] = ["순서는 0부터 32,767까지의 정수여야 합니다."]
    numerator, denominator = values.get("numerator"), values.get("denominator")
    factor = as_decimal(values.get("factor"))
    if (numerator is None) != (denominator is None):
        side = "denominator" if denominator is None else "numerator"
        errors[side] = ["계산 지표는 분자 지표와 분모 지표를 함께 정해야 합니다."]
    elif numerator is not None:
        for side, other in (("numerator", numerator), ("denominator", denominator)):
            if indicator is not None and other.pk == indicator.pk:
                errors[side] = ["지표 자신으로는 계산할 수 없습니다."]
            elif other.is_formula:
                errors[side] = [f"{with_topic(other.name)} 계산 지표여서 다시 계산에 쓸 수 없습니다."]
            elif other.is_retired:
                errors[side] = [f"{with_topic(other.name)} 폐지된 지표입니다."]
        if "denominator" not in errors:
            zero = IndicatorValue.objects.filter(indicator=denominator, value=0).order_by("year", "kind").first()
            if zero is not None:
                errors["denominator"] = [
                    f"분모 지표 {with_topic(denominator.name)} {zero.year}년 {zero.get_kind_display()}이 0이어서"
                    " 나눌 수 없습니다(0이 될 수 없는 지표로 나누십시오)."
                ]
    if factor is None or factor <= 0 or factor >= Decimal(10) ** 8:
        errors["factor"] = ["배수는 0보다 크고 1억보다 작은 수여야 합니다(백분율이면 100)."]
    return errors


def _indicator_values(fields: dict, current: dict) -> dict:
    values = {**current, **fields}
    for name in ("name", "unit", "field_label"):
        values[name] = (values.get(name) or "").strip()
    if values.get("factor") in (None, ""):
        values["factor"] = Decimal(1)
    return values


def indicator_create(*, actor, code: str, **fields) -> Indicator:
    """A new indicator; its code is new (capital letters, digits and -)."""
    if actor is not None:
        require(access_indicators_manage(actor), "정책지표는 총괄만 만들 수 있습니다.")
    unknown = set(fields) - set(INDICATOR_FIELDS)
    if unknown:
        raise TypeError(f"unknown indicator fields: {sorted(unknown)}")
    code = (code or "").strip()
    values = _indicator_values(fields, {"cumulative": False, "order": 0, "field_label": "", "factor": Decimal(1)})
    errors = _indicator_errors(values, None)
    if not INDICATOR_CODE.match(code):
        errors["code"] = ["코드는 영문 대문자, 숫자와 -로 32자까지 적습니다(예: IND-11)."]
    elif Indicator.objects.filter(code=code).exists():
        errors["code"] = [f"{with_topic(f'코드 {code}')} 이미 다른 지표가 쓰고 있습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with (
        transaction.atomic(),
        unique_or(field_error("code", f"{with_topic(f'코드 {code}')} 이미 다른 지표가 쓰고 있습니다.")),
    ):
        return Indicator.objects.create(code=code, **{name: values.get(name) for name in INDICATOR_FIELDS})


def indicator_update(*, actor, indicator: Indicator, **fields) -> Indicator:
    """Change an indicator's definition (its code stays: rules and sheets name it)."""
    if actor is not None:
        require(access_indicators_manage(actor), "정책지표는 총괄만 고칠 수 있습니다.")
    unknown = set(fields) - set(INDICATOR_FIELDS)
    if unknown:
        raise TypeError(f"unknown indicator fields: {sorted(unknown)}")
    with transaction.atomic():
        indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
        values = _indicator_values(fields, {name: getattr(indicator, name) for name in INDICATOR_FIELDS})
        errors = _indicator_errors(values, indicator)
        if errors:
            raise ValidationFailed(field_errors=errors)
        changed = [name for name in INDICATOR_FIELDS if getattr(indicator, name) != values[name]]
        sources = [indicator.pk] + [i.pk for i in (indicator.numerator, indicator.denominator) if i is not None]
        days = IndicatorValue.objects.filter(indicator_id__in=sources).values_list("as_of", flat=True)
        _refuse_in_locked_month(changed, INDICATOR_MEANING, days, "이 지표")
        for name in changed:
            setattr(indicator, name, values[name])
        if changed:
            indicator.save()
    return indicator


def indicator_retire(*, actor, indicator: Indicator, on: date | None = None) -> Indicator:
    """Retire an indicator from `on` (today): it stays in the years that used it, takes no new values and is not
    carried into a new year."""
    if actor is not None:
        require(access_indicators_manage(actor), "정책지표는 총괄만 폐지할 수 있습니다.")
    with transaction.atomic():
        indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
        if indicator.retired_on is None:
            indicator.retired_on = on or timezone.localdate()
            indicator.save()
    return indicator


# --- job targets -------------------------------------------------------------------------------------------


def _division_path(division) -> str:
    return division.path if division is not None else "/"


def _job_target_errors(values: dict, job_target: JobTarget | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    group, kind, programme = values.get("target_group") or "", values.get("kind") or "", values.get("programme")
    year = values.get("year")
    if group and group not in TargetGroup.values:
        errors["target_group"] = ["사업대상을 고르십시오."]
    if kind and kind not in JobKind.values:
        errors["kind"] = ["직접·간접을 고르십시오."]
    if not group and not kind:
        errors["target_group"] = ["사업대상이나 직접·간접 중 하나는 정해야 합니다."]
    if not isinstance(year, int) or not YEAR.fits(year):
        errors["year"] = [YEAR.message]
    for name, label, figure in (("target", "목표", COUNT), ("budget", "예산", MONEY)):
        value = values.get(name)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool):
            errors[name] = [f"{with_topic(label)} 정수여야 합니다."]
        elif value < 0:
            errors[name] = [f"{with_topic(label)} 0 이상이어야 합니다."]
        elif not figure.fits(value):
            errors[name] = [figure.message]
    if len(values.get("programme_names") or "") > 300:
        errors["programme_names"] = ["사업명은 300자까지 적습니다."]
    order = values.get("order")
    if not isinstance(order, int) or isinstance(order, bool) or not 0 <= order <= 32767:
        errors["order"] = ["순서는 0부터 32,767까지의 정수여야 합니다."]
    if programme is not None and "year" not in errors and programme.objective.vision.year != year:
        errors["programme"] = [f"{with_topic(programme.title)} {year}년의 주요업무가 아닙니다."]
    if not errors:
        same = JobTarget.objects.filter(year=year, target_group=group, kind=kind, programme=programme)
        if job_target is not None:
            same = same.exclude(pk=job_target.pk)
        if same.exists():
            errors["target_group"] = [
                f"{year}년에 같은 사업대상·구분{'·주요업무' if programme else ''}의 일자리 목표가 이미 있습니다."
            ]
    return errors


def _job_target_check(actor, values: dict, job_target: JobTarget | None) -> None:
    if actor is not None:
        message = "이 부서의 일자리 목표를 바꿀 권한이 없습니다."
        require(access_job_targets_manage(actor, _division_path(values.get("division"))), message)
        if job_target is not None:
            require(access_job_targets_manage(actor, _division_path(job_target.division)), message)
    errors = _job_target_errors(values, job_target)
    if errors:
        raise ValidationFailed(field_errors=errors)


def job_target_create(*, actor, year: int, **fields) -> JobTarget:
    """A new job target row of a year (a target group, a kind, or both; optionally of one programme)."""
    unknown = set(fields) - set(JOB_TARGET_FIELDS)
    if unknown:
        raise TypeError(f"unknown job target fields: {sorted(unknown)}")
    values = {"target_group": "", "kind": "", "programme": None, "programme_names": "", "order": 0, **fields}
    values["year"] = year
    values.setdefault("target", None)
    values.setdefault("budget", None)
    values.setdefault("division", None)
    values["programme_names"] = (values["programme_names"] or "").strip()
    if values["programme"] is not None and not values["programme_names"]:
        values["programme_names"] = values["programme"].title
    with transaction.atomic():
        _job_target_check(actor, values, None)
        with unique_or(field_error("target_group", _TWICE)):
            return JobTarget.objects.create(**values)


def job_target_update(*, actor, job_target: JobTarget, **fields) -> JobTarget:
    unknown = set(fields) - set(JOB_TARGET_FIELDS)
    if unknown:
        raise TypeError(f"unknown job target fields: {sorted(unknown)}")
    with transaction.atomic():
        job_target = JobTarget.objects.select_for_update(of=("self",)).select_related("division").get(pk=job_target.pk)
        values = {name: getattr(job_target, name) for name in JOB_TARGET_FIELDS}
        values.update(fields, year=job_target.year)
        values["programme_names"] = (values["programme_names"] or "").strip()
        _job_target_check(actor, values, job_target)
        changed = [name for name in JOB_TARGET_FIELDS if getattr(job_target, name) != values[name]]
        days = job_target.achievements.values_list("as_of", flat=True)
        _refuse_in_locked_month(changed, JOB_TARGET_MEANING, days, "이 목표")
        for name in changed:
            setattr(job_target, name, values[name])
        if changed:
            with unique_or(field_error("target_group", _TWICE)):
                job_target.save()
    return job_target


def job_target_retire(*, actor, job_target: JobTarget, on: date | None = None) -> JobTarget:
    """Retire a job target row: its figures stay in its year; it is not carried into a new year."""
    if actor is not None:
        require(
            access_job_targets_manage(actor, _division_path(job_target.division)),
            f"이 부서의 {with_object('일자리 목표')} 폐지할 권한이 없습니다.",
        )
    with transaction.atomic():
        job_target = JobTarget.objects.select_for_update().get(pk=job_target.pk)
        if job_target.retired_on is None:
            job_target.retired_on = on or timezone.localdate()
            job_target.save()
    return job_target
