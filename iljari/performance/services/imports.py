"""performance services: the indicator and job-achievement sheets, all rows or nothing (the contract is in the
package)."""

from __future__ import annotations

from django.db import transaction

from iljari.core.access import access_figures_enter
from iljari.core.errors import ValidationFailed
from iljari.core.figures import COUNT, QUANTITY
from iljari.core.xlsx import xlsx_rows
from iljari.performance.models import (
    Indicator,
    IndicatorValue,
    JobTarget,
)
from iljari.performance.selectors import INDICATOR_COLUMNS, JOB_COLUMNS
from iljari.performance.services.figures import _as_of_kind, indicator_value_record, job_achievement_record


def _import_errors(errors: list[str]) -> None:
    if errors:
        raise ValidationFailed(
            "엑셀 파일에 잘못된 값이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": errors}
        )


def job_achievement_import(*, actor, year: int, data: bytes) -> int:
    """Read the job achievement sheet back; all rows valid, or nothing written."""
    rows = xlsx_rows(data=data, columns=JOB_COLUMNS, title="일자리 실적")
    labels = {column.key: column.header for column in JOB_COLUMNS}
    targets = {
        (t.target_group or t.kind): t
        for t in JobTarget.objects.filter(year=year, programme__isnull=True).select_related("division")
    }
    errors: list[str] = []
    checked = []
    for row in rows:
        number = row["_row"]
        if row.get("year") != year:
            errors.append(f"{number}행 '연도': {year}년 양식이 아닙니다({row.get('year')}).")
            continue
        target = targets.get(row.get("key") or "")
        if target is None:
            errors.append(f"{number}행 '구분코드': {year}년 일자리 목표에 없는 구분입니다({row.get('key')}).")
            continue
        if actor is not None and not access_figures_enter(actor, target.division.path if target.division else "/"):
            errors.append(f"{number}행 '구분코드': 이 목표의 실적은 입력할 권한이 없습니다.")
            continue
        achieved, as_of = row.get("achieved"), row.get("as_of")
        if achieved is None or not COUNT.fits(achieved):
            errors.append(f"{number}행 '{labels['achieved']}': {COUNT.message}")
        elif as_of is None or as_of.year != year:
            errors.append(f"{number}행 '{labels['as_of']}': {year}년 안의 날짜여야 합니다.")
        else:
            checked.append((target, achieved, as_of))
    _import_errors(errors)
    with transaction.atomic():
        for target, achieved, as_of in checked:
            job_achievement_record(actor=actor, job_target=target, achieved=achieved, as_of=as_of)
    return len(checked)


def indicator_value_import(*, actor, year: int, data: bytes) -> int:
    """Read the indicator value sheet back; all rows valid, or nothing written."""
    rows = xlsx_rows(data=data, columns=INDICATOR_COLUMNS, title="정책지표")
    indicators = {i.code: i for i in Indicator.objects.select_related("division")}
    kinds = {"목표": IndicatorValue.Kind.TARGET, "실적": IndicatorValue.Kind.ACTUAL}
    errors: list[str] = []
    checked = []
    for row in rows:
        number = row["_row"]
        if row.get("value") is None:
            continue  # a blank 값 is not read (the sheet says so)
        indicator = indicators.get(row.get("code") or "")
        if indicator is None:
            errors.append(f"{number}행 '코드': 없는 지표 코드입니다({row.get('code')}).")
            continue
        if row.get("year") != year:
            errors.append(f"{number}행 '연도': {year}년 양식이 아닙니다({row.get('year')}).")
            continue
        kind = kinds.get(row.get("kind") or "")
        if kind is None:
            errors.append(f"{number}행 '구분': '목표' 또는 '실적'이어야 합니다.")
            continue
        value, as_of = row.get("value"), row.get("as_of")
        if actor is not None and not access_figures_enter(
            actor, indicator.division.path if indicator.division else "/"
        ):
            errors.append(f"{number}행 '코드': 이 지표의 값은 입력할 권한이 없습니다.")
        elif value is None or not QUANTITY.fits(value):
            errors.append(f"{number}행 '값': {QUANTITY.message}")
        elif as_of is None or (kind == IndicatorValue.Kind.ACTUAL and as_of.year != year):
            errors.append(f"{number}행 '기준일': 실적은 {year}년 안의 날짜여야 합니다.")
        elif not _as_of_kind(year, kind).fits(as_of):
            errors.append(f"{number}행 '기준일': {_as_of_kind(year, kind).message}")
        else:
            checked.append((indicator, kind, value, as_of))
    _import_errors(errors)
    with transaction.atomic():
        for indicator, kind, value, as_of in checked:
            indicator_value_record(actor=actor, indicator=indicator, year=year, kind=kind, value=value, as_of=as_of)
    return len(checked)
