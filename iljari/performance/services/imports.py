"""performance services: the indicator and job-achievement sheets, all rows or nothing (the contract is in the
package)."""

from __future__ import annotations

from django.db import transaction

from iljari.core.access import access_figures_enter, access_indicators_manage, require
from iljari.core.errors import ValidationFailed
from iljari.core.figures import COUNT, QUANTITY
from iljari.core.xlsx import xlsx_rows
from iljari.org.models import OrgUnit
from iljari.performance.models import (
    Indicator,
    IndicatorValue,
    JobKind,
    JobTarget,
    TargetGroup,
)
from iljari.performance.selectors import DEFINITION_COLUMNS, INDICATOR_COLUMNS, JOB_COLUMNS, JOB_TARGET_COLUMNS
from iljari.performance.services.definitions import (
    indicator_create,
    indicator_update,
    job_target_create,
    job_target_update,
)
from iljari.performance.services.figures import _as_of_kind, indicator_value_record, job_achievement_record
from iljari.plan.models import Programme


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


def _target_then(indicator: Indicator, year: int, as_of):
    """The indicator's target of the year as it stood on as_of (the newest on or before it)."""
    latest = (
        IndicatorValue.objects.filter(indicator=indicator, year=year, kind=IndicatorValue.Kind.TARGET, as_of__lte=as_of)
        .order_by("-as_of")
        .values_list("value", flat=True)
        .first()
    )
    return latest


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
        if kind == IndicatorValue.Kind.TARGET and actor is not None and not access_indicators_manage(actor):
            # division staff send the sheet back with its targets as they were: an unchanged target is not read
            if value is not None and as_of is not None and value == _target_then(indicator, year, as_of):
                continue
            errors.append(f"{number}행 '값': 목표는 총괄만 정할 수 있습니다(실적 행만 고치십시오).")
        elif actor is not None and not access_figures_enter(
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


def _rows_written(errors: list[str], write) -> int:
    """Run `write(errors)` in one transaction; when it leaves any error, undo everything and raise them."""
    try:
        with transaction.atomic():
            count = write(errors)
            if errors:
                raise _Undo
    except _Undo:
        _import_errors(errors)
    return count


class _Undo(Exception):
    pass


def _messages(error: ValidationFailed, labels: dict[str, str]) -> list[str]:
    texts = [
        f"'{labels.get(field, field)}': {message}" for field, items in error.field_errors.items() for message in items
    ]
    return texts or [str(error)]


YES_NO = {"예": True, "아니오": False, "Y": True, "N": False}


def indicator_definition_import(*, actor, data: bytes) -> int:
    """Read the indicator sheet back: each code's definition (created when new) and each row's target for its
    year. All rows valid, or nothing written."""
    if actor is not None:
        require(access_indicators_manage(actor), "정책지표는 총괄만 올릴 수 있습니다.")
    rows = xlsx_rows(data=data, columns=DEFINITION_COLUMNS, title="정책지표 목표")
    labels = {column.key: column.header for column in DEFINITION_COLUMNS}
    labels.update({"value": labels["target"], "indicator": labels["code"], "objective": "분야"})
    divisions = {unit.code: unit for unit in OrgUnit.objects.filter(kind=OrgUnit.Kind.DIVISION)}
    errors: list[str] = []
    definitions: dict[str, tuple[int, dict]] = {}
    for row in rows:
        number, code = row["_row"], row.get("code") or ""
        cumulative = YES_NO.get((row.get("cumulative") or "").strip())
        if cumulative is None:
            errors.append(f"{number}행 '{labels['cumulative']}': '예' 또는 '아니오'여야 합니다.")
            continue
        division = None
        if row.get("division"):
            division = divisions.get(row["division"])
            if division is None:
                errors.append(f"{number}행 '{labels['division']}': 없는 담당관 코드입니다({row['division']}).")
                continue
        definition = {
            "name": row.get("name") or "",
            "unit": row.get("unit") or "",
            "field_label": row.get("field_label") or "",
            "division": division,
            "cumulative": cumulative,
            "order": row.get("order"),
        }
        if code in definitions and definitions[code][1] != definition:
            first = definitions[code][0]
            errors.append(f"{number}행 '{labels['code']}': 같은 코드의 {first}행과 지표 정의가 다릅니다({code}).")
            continue
        definitions.setdefault(code, (number, definition))
        if row.get("target") is not None and row.get("as_of") is None:
            errors.append(f"{number}행 '{labels['as_of']}': 목표를 적은 행에는 기준일이 있어야 합니다.")
    _import_errors(errors)

    def write(errors: list[str]) -> int:
        indicators = {i.code: i for i in Indicator.objects.filter(code__in=definitions).select_related("division")}
        for code, (number, definition) in definitions.items():
            try:
                if code in indicators:
                    indicators[code] = indicator_update(actor=actor, indicator=indicators[code], **definition)
                else:
                    indicators[code] = indicator_create(actor=actor, code=code, **definition)
            except ValidationFailed as error:
                errors.extend(f"{number}행 {text}" for text in _messages(error, labels))
        for row in rows:
            indicator = indicators.get(row.get("code") or "")
            if row.get("target") is None or indicator is None:
                continue
            try:
                indicator_value_record(
                    actor=actor,
                    indicator=indicator,
                    year=row["year"],
                    kind=IndicatorValue.Kind.TARGET,
                    value=row["target"],
                    as_of=row["as_of"],
                )
            except ValidationFailed as error:
                errors.extend(f"{row['_row']}행 {text}" for text in _messages(error, labels))
        return len(rows)

    return _rows_written(errors, write)


def _choice(value: str, choices) -> str | None:
    """A target group or kind as the sheet writes it (청년) or by its code (youth); "" for blank, None unknown."""
    value = (value or "").strip()
    if not value:
        return ""
    for code, label in choices:
        if value in (code, str(label)):
            return code
    return None


def job_target_import(*, actor, year: int, data: bytes) -> int:
    """Read the year's job-target sheet back: a row whose group × kind × programme exists is updated, a new one
    created; rows not in the sheet stay. All rows valid, or nothing written."""
    rows = xlsx_rows(data=data, columns=JOB_TARGET_COLUMNS, title="일자리 목표")
    labels = {column.key: column.header for column in JOB_TARGET_COLUMNS}
    divisions = {unit.code: unit for unit in OrgUnit.objects.filter(kind=OrgUnit.Kind.DIVISION)}
    programmes = {
        p.code: p for p in Programme.objects.filter(objective__vision__year=year).select_related("objective__vision")
    }
    existing = {
        (t.target_group, t.kind, t.programme_id): t
        for t in JobTarget.objects.filter(year=year).select_related("division", "programme")
    }
    errors: list[str] = []
    checked = []
    for row in rows:
        number = row["_row"]
        if row.get("year") != year:
            errors.append(f"{number}행 '{labels['year']}': {year}년 양식이 아닙니다({row.get('year')}).")
            continue
        group = _choice(row.get("target_group"), TargetGroup.choices)
        kind = _choice(row.get("kind"), JobKind.choices)
        if group is None:
            errors.append(f"{number}행 '{labels['target_group']}': 없는 사업대상입니다({row.get('target_group')}).")
            continue
        if kind is None:
            errors.append(f"{number}행 '{labels['kind']}': '직접일자리' 또는 '간접일자리'여야 합니다.")
            continue
        programme = None
        if row.get("programme"):
            programme = programmes.get(row["programme"])
            if programme is None:
                errors.append(
                    f"{number}행 '{labels['programme']}': {year}년에 없는 주요업무입니다({row['programme']})."
                )
                continue
        division = None
        if row.get("division"):
            division = divisions.get(row["division"])
            if division is None:
                errors.append(f"{number}행 '{labels['division']}': 없는 담당관 코드입니다({row['division']}).")
                continue
        fields = {
            "target_group": group,
            "kind": kind,
            "programme": programme,
            "programme_names": row.get("programme_names") or "",
            "target": row.get("target"),
            "budget": row.get("budget"),
            "division": division,
            "order": row.get("order"),
        }
        checked.append((number, existing.get((group, kind, programme.pk if programme else None)), fields))
    _import_errors(errors)

    def write(errors: list[str]) -> int:
        for number, target, fields in checked:
            try:
                if target is None:
                    job_target_create(actor=actor, year=year, **fields)
                else:
                    job_target_update(actor=actor, job_target=target, **fields)
            except ValidationFailed as error:
                errors.extend(f"{number}행 {text}" for text in _messages(error, labels))
        return len(checked)

    return _rows_written(errors, write)
