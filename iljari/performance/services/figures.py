"""performance services: indicators and their values, job targets and achievements, figures a source printed
(the contract is in the package)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from iljari.core.access import (
    access_figures_enter,
    access_indicators_manage,
    access_validation_rules_manage,
    require,
)
from iljari.core.errors import ValidationFailed
from iljari.core.figures import COUNT, MONEY, QUANTITY, TARGET_LEAD, YEAR, as_decimal, year_date
from iljari.core.korean import with_topic
from iljari.core.locks import require_month_open
from iljari.performance.models import (
    Indicator,
    IndicatorValue,
    JobAchievement,
    JobKind,
    JobTarget,
    ProgrammeFigure,
    ReportedFigure,
    TargetGroup,
)


def indicator_set(
    *,
    actor,
    code: str,
    name: str,
    unit: str,
    objective=None,
    field_label: str = "",
    division=None,
    cumulative: bool = False,
    order: int = 0,
) -> Indicator:
    if actor is not None:
        require(access_validation_rules_manage(actor), "정책지표를 바꿀 권한이 없습니다.")
    with transaction.atomic():
        indicator, _ = Indicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "unit": unit,
                "objective": objective,
                "field_label": field_label,
                "division": division,
                "cumulative": cumulative,
                "order": order,
            },
        )
    return indicator


def _decimal(value, field: str, label: str) -> Decimal:
    number = as_decimal(value)
    if number is None:
        raise ValidationFailed(field_errors={field: [f"{with_topic(label)} 숫자여야 합니다."]})
    return number


def _as_of_kind(year: int, kind: str):
    """An actual is dated within its year (checked apart); a target may be set years before its year."""
    return year_date(year, before=TARGET_LEAD if kind == IndicatorValue.Kind.TARGET else 0)


def indicator_value_record(*, actor, indicator: Indicator, year: int, kind: str, value, as_of: date) -> IndicatorValue:
    if actor is not None:
        if kind == IndicatorValue.Kind.TARGET:
            require(access_indicators_manage(actor), "정책지표의 목표는 총괄만 정할 수 있습니다.")
        path = indicator.division.path if indicator.division else "/"
        require(access_figures_enter(actor, path), "이 지표의 값을 입력할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if indicator.is_formula:
        errors["indicator"] = ["계산 지표의 값은 분자·분모 지표에서 계산되므로 입력하지 않습니다."]
    elif actor is not None and indicator.is_retired:
        errors["indicator"] = [f"{with_topic(indicator.name)} 폐지된 지표여서 값을 입력할 수 없습니다."]
    if kind not in IndicatorValue.Kind.values:
        errors["kind"] = ["목표 또는 실적을 고르십시오."]
    if not YEAR.fits(year):
        errors["year"] = [YEAR.message]
        year = None
    number = _decimal(value, "value", "값")
    if not QUANTITY.fits(number):
        errors["value"] = [QUANTITY.message]
    if as_of is None:
        errors["as_of"] = ["기준일을 입력하십시오."]
    elif kind == IndicatorValue.Kind.ACTUAL and year and as_of.year != year:
        errors["as_of"] = [f"실적의 기준일은 {year}년 안의 날짜여야 합니다."]
    elif year and not _as_of_kind(year, kind).fits(as_of):
        errors["as_of"] = [_as_of_kind(year, kind).message]
    if errors:
        raise ValidationFailed(field_errors=errors)
    if actor is not None:
        require_month_open(as_of)
    with transaction.atomic():
        record, _ = IndicatorValue.objects.update_or_create(
            indicator=indicator, year=year, kind=kind, as_of=as_of, defaults={"value": number}
        )
    return record


def job_target_set(
    *,
    actor,
    year: int,
    target_group: str = "",
    kind: str = "",
    programme_names: str = "",
    target: int | None,
    budget: int | None,
    division=None,
    order: int = 0,
) -> JobTarget:
    if actor is not None:
        require(access_validation_rules_manage(actor), "일자리 목표를 바꿀 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if target_group and target_group not in TargetGroup.values:
        errors["target_group"] = ["사업대상을 고르십시오."]
    if kind and kind not in JobKind.values:
        errors["kind"] = ["직접·간접을 고르십시오."]
    if not target_group and not kind:
        errors["target_group"] = ["사업대상이나 직접·간접 중 하나는 정해야 합니다."]
    if not YEAR.fits(year):
        errors["year"] = [YEAR.message]
    if target is not None and not COUNT.fits(target):
        errors["target"] = [COUNT.message]
    if budget is not None and not MONEY.fits(budget):
        errors["budget"] = [MONEY.message]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        job_target, _ = JobTarget.objects.update_or_create(
            year=year,
            target_group=target_group,
            kind=kind,
            programme=None,
            defaults={
                "programme_names": programme_names,
                "target": target,
                "budget": budget,
                "division": division,
                "order": order,
            },
        )
    return job_target


def job_achievement_record(*, actor, job_target: JobTarget, achieved: int, as_of: date) -> JobAchievement:
    if actor is not None:
        path = job_target.division.path if job_target.division else "/"
        require(access_figures_enter(actor, path), "이 일자리 목표의 실적을 입력할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if not isinstance(achieved, int) or isinstance(achieved, bool) or not COUNT.fits(achieved):
        errors["achieved"] = [COUNT.message]
    if as_of is None:
        errors["as_of"] = ["기준일을 입력하십시오."]
    elif as_of.year != job_target.year:
        errors["as_of"] = [f"기준일은 {job_target.year}년 안의 날짜여야 합니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    if actor is not None:
        require_month_open(as_of)
    with transaction.atomic():
        record, _ = JobAchievement.objects.update_or_create(
            job_target=job_target, as_of=as_of, defaults={"achieved": achieved}
        )
    return record


def indicator_actual_derive(*, code: str, year: int, value, as_of: date) -> IndicatorValue | None:
    """An indicator's actual counted by another module from its own records (no hand copying), as of a date."""
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        return None
    return indicator_value_record(
        actor=None, indicator=indicator, year=year, kind=IndicatorValue.Kind.ACTUAL, value=value, as_of=as_of
    )


def job_achievement_derive(
    *, programme, year: int, target_group: str, achieved: int, as_of: date, kind: str = JobKind.DIRECT
) -> JobAchievement:
    """An achievement another module counted (a placement is a job created), kept on the programme's own
    job-target row of the group, created on first use. Never typed by hand, so no month lock applies."""
    with transaction.atomic():
        job_target, _ = JobTarget.objects.get_or_create(
            year=year,
            target_group=target_group,
            kind=kind,
            programme=programme,
            defaults={"division": programme.division, "programme_names": programme.title, "order": 100},
        )
        record, _ = JobAchievement.objects.update_or_create(
            job_target=job_target, as_of=as_of, defaults={"achieved": achieved}
        )
    return record


def reported_figure_set(*, series: str, subject: str, year: int, as_of: date, value, source: str) -> ReportedFigure:
    with transaction.atomic():
        figure, _ = ReportedFigure.objects.update_or_create(
            series=series,
            subject=subject,
            year=year,
            as_of=as_of,
            source=source,
            defaults={"value": Decimal(str(value))},
        )
    return figure


def programme_figure_set(
    *,
    actor,
    year: int,
    key: str,
    label: str,
    value,
    unit: str,
    source_text: str,
    source_page: str,
    programme=None,
    as_of: date | None = None,
) -> ProgrammeFigure:
    """A figure as a programme's text printed it ("1,157백만원", "51%"), in its printed unit."""
    if actor is not None:
        require(access_validation_rules_manage(actor), "본문 수치는 총괄만 입력할 수 있습니다.")
    errors: dict[str, list[str]] = {}
    if not (key or "").strip() or " " in key:
        errors["key"] = ["키는 빈칸 없이 적어야 합니다."]
    if not (label or "").strip():
        errors["label"] = ["이름을 입력하십시오."]
    if not (unit or "").strip():
        errors["unit"] = ["단위를 입력하십시오(예: 백만원, %, 명)."]
    if not (source_text or "").strip():
        errors["source_text"] = ["원문을 입력하십시오."]
    number = _decimal(value, "value", "값")
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        figure, _ = ProgrammeFigure.objects.update_or_create(
            year=year,
            key=key,
            defaults={
                "programme": programme,
                "label": label,
                "value": number,
                "unit": unit,
                "as_of": as_of,
                "source_text": source_text,
                "source_page": source_page,
            },
        )
    return figure
