"""finance services — the writes of staffing and budget execution.

Contract:
- staffing_quota_set(*, actor, org_unit, as_of, job_series, grade="", authorized, current) -> StaffingQuota
- budget_line_set(*, actor, year, org_unit, code, name, source) -> BudgetLine
- budget_snapshot_import(*, actor, year, data) -> int      (the xlsx round trip; all rows valid or nothing)
- budget_snapshot_record(*, actor, line, as_of, current_budget, committed, spent) -> BudgetSnapshot
      monthly figures: division staff for their own division, the office manager for all; refused in a
      locked month; amounts in integer 원, never negative, spending never above the current budget.
- budget_movement_post(*, actor, line, on, committed=0, spent=0, reference, note="") -> BudgetMovement
      (for other modules' services: grants) a change of 원인행위액 / 지출액 on a day, between snapshots; integer 원,
      negative allowed (a return); one movement per reference (posting the same reference twice is refused);
      refused in a locked month. Execution selectors add the movements dated after a line's latest snapshot.

- budget_summary_refresh(*, line_ids=None) -> int
      rebuild BudgetSnapshotLatest (each line's latest snapshot plus the movements after it) for these lines, or all,
      from the base rows; set-based (a fixed number of queries). budget_snapshot_record and budget_movement_post call
      it for their line in their transaction, the line row locked first so concurrent writes to one line each see
      the other's; a bulk loader that writes snapshots directly calls it once after.

Definitions (their pages, API and sheets):
- budget_line_create(*, actor, year, org_unit, code, name, source) -> BudgetLine
- budget_line_update(*, actor, line, org_unit, code, name, source) -> BudgetLine     (the year stays)
- budget_line_retire(*, actor, line, on) -> BudgetLine     (on=None: back in use)
- budget_line_delete(*, actor, line)     only a line with no snapshot, movement or programme link; else retire it
- budget_line_import(*, actor, year, data) -> int     the budget-line sheet: all rows or nothing
      rights: the office manager every division's lines, division staff their own division's (access_figures_enter
      on the line's unit, and on the unit it moves to); rules: a division or team (never none), a code unique in the
      year, a name, a source of BudgetLine.Source — else a Korean field error and nothing written.
- staffing_quota_create(*, actor, org_unit, as_of, job_series, grade="", authorized, current) -> StaffingQuota
      a new cell of an as-of table (a cell the day already has is refused: edit it)
- staffing_quota_update(*, actor, quota, authorized, current) ; staffing_quota_retire(*, actor, quota, on)
- staffing_as_of_copy(*, actor, from_as_of, to_as_of) -> int     a new as-of table (현원 changed on a day): every
      cell in use copied, one change batch; then edited cell by cell
- staffing_quota_import(*, actor, data) -> int     the staffing sheet: all rows or nothing
      rights: the office manager (access_org_structure_change); counts are integers ≥ 0; 공무직 have no 정원.
Every write is in the change history (single saves by django-auditlog, bulk ones through core.history).

`actor=None` is the system (the demo loader). Errors are iljari.core.errors.ValidationFailed in Korean.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F, Max, OuterRef, Q, Subquery, Sum

from iljari.core.access import access_budget_lines_manage, access_figures_enter, access_org_structure_change, require
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.figures import COUNT, MONEY, OFFICE_DATE, YEAR
from iljari.core.formats import format_won
from iljari.core.history import history_batch, history_bulk_created
from iljari.core.korean import with_object, with_topic
from iljari.core.locks import require_month_open, unique_or
from iljari.core.xlsx import xlsx_rows
from iljari.finance.models import BudgetLine, BudgetMovement, BudgetSnapshot, BudgetSnapshotLatest, StaffingQuota
from iljari.finance.selectors import (
    BUDGET_COLUMNS,
    BUDGET_LINE_COLUMNS,
    BUDGET_LINE_SHEET_TITLE,
    STAFFING_QUOTA_COLUMNS,
    STAFFING_QUOTA_SHEET_TITLE,
)
from iljari.org.models import OrgUnit

SHEET_REFUSED = "엑셀 파일에 잘못된 값이 있어 아무것도 저장하지 않았습니다."


def staffing_quota_set(
    *, actor, org_unit, as_of: date, job_series: str, grade: str = "", authorized: int | None, current: int
) -> StaffingQuota:
    if actor is not None:
        require(access_org_structure_change(actor), "인력 정원을 바꿀 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if job_series not in StaffingQuota.JobSeries.values:
        errors["job_series"] = ["직종을 고르십시오."]
    if job_series == StaffingQuota.JobSeries.GENERAL and grade not in StaffingQuota.Grade.values:
        errors["grade"] = ["일반직은 직급을 고르십시오."]
    if job_series != StaffingQuota.JobSeries.GENERAL and grade:
        errors["grade"] = ["일반직이 아니면 직급을 쓰지 않습니다."]
    if job_series == StaffingQuota.JobSeries.PUBLIC_SERVICE_WORKER and authorized is not None:
        errors["authorized"] = ["공무직은 정원 외입니다: 정원을 쓰지 않습니다."]
    if job_series != StaffingQuota.JobSeries.PUBLIC_SERVICE_WORKER and authorized is None:
        errors["authorized"] = ["정원을 입력하십시오."]
    if (authorized is not None and authorized < 0) or current is None or current < 0:
        errors["current"] = ["인원은 0 이상이어야 합니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        quota, _ = StaffingQuota.objects.update_or_create(
            org_unit=org_unit,
            as_of=as_of,
            job_series=job_series,
            grade=grade,
            defaults={"authorized": authorized, "current": current},
        )
    return quota


def budget_line_set(*, actor, year: int, org_unit, code: str, name: str, source: str) -> BudgetLine:
    if actor is not None:
        require(access_figures_enter(actor, org_unit.path), "이 부서의 예산 사업을 등록할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if not (name or "").strip():
        errors["name"] = ["사업명을 입력하십시오."]
    if source not in BudgetLine.Source.values:
        errors["source"] = ["재원을 고르십시오."]
    if not (code or "").strip():
        errors["code"] = ["코드를 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        line, _ = BudgetLine.objects.update_or_create(
            year=year, code=code.strip(), defaults={"org_unit": org_unit, "name": name.strip(), "source": source}
        )
    return line


def check_budget_figures(*, year: int, as_of: date | None, current_budget, committed, spent) -> dict:
    """The shape rules of one execution snapshot; returns field errors (empty when fine)."""
    errors: dict[str, list[str]] = {}
    for field, value, label in (
        ("current_budget", current_budget, "예산현액"),
        ("committed", committed, "원인행위액"),
        ("spent", spent, "지출액"),
    ):
        if value is None:
            errors[field] = [f"{with_object(label)} 입력하십시오."]
        elif not isinstance(value, int):
            errors[field] = [f"{with_topic(label)} 원 단위 정수여야 합니다."]
        elif value < 0:
            errors[field] = [f"{with_topic(label)} 0 이상이어야 합니다."]
        elif not MONEY.fits(value):
            errors[field] = [f"{with_topic(label)} {format_won(int(MONEY.high))} 이하여야 합니다."]
    if not errors and spent > current_budget:
        errors["spent"] = ["지출액이 예산현액보다 클 수 없습니다(집행률 100% 초과)."]
    if as_of is None:
        errors["as_of"] = ["기준일을 입력하십시오."]
    elif as_of.year != year:
        errors["as_of"] = [f"기준일은 {year}년 안의 날짜여야 합니다."]
    return errors


def budget_snapshot_record(
    *, actor, line: BudgetLine, as_of: date, current_budget: int, committed: int, spent: int
) -> BudgetSnapshot:
    if actor is not None:
        require(access_figures_enter(actor, line.org_unit.path), "이 부서의 예산 집행 실적을 입력할 권한이 없습니다.")
    errors = check_budget_figures(
        year=line.year, as_of=as_of, current_budget=current_budget, committed=committed, spent=spent
    )
    if errors:
        raise ValidationFailed(field_errors=errors)
    require_month_open(as_of)
    with transaction.atomic():
        _lock_line(line)
        snapshot, _ = BudgetSnapshot.objects.update_or_create(
            line=line,
            as_of=as_of,
            defaults={"current_budget": current_budget, "committed": committed, "spent": spent},
        )
        budget_summary_refresh(line_ids=[line.pk])
    return snapshot


def budget_movement_post(
    *, actor, line: BudgetLine, on: date, committed: int = 0, spent: int = 0, reference: str, note: str = ""
) -> BudgetMovement:
    """Another module's service moves a line's execution (`actor=None` when that service has checked its own
    gate: the movement is its consequence, not an entry of figures)."""
    if actor is not None:
        require(access_figures_enter(actor, line.org_unit.path), "이 부서의 예산 집행을 바꿀 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    for field, value, label in (("committed", committed, "원인행위액"), ("spent", spent, "지출액")):
        if not isinstance(value, int) or isinstance(value, bool):
            errors[field] = [f"{label} 증감은 원 단위 정수여야 합니다."]
    if not errors and committed == 0 and spent == 0:
        errors["spent"] = ["원인행위액이나 지출액 중 하나는 움직여야 합니다."]
    if on is None:
        errors["on"] = ["일자를 입력하십시오."]
    elif on.year != line.year:
        errors["on"] = [f"{line.year}년 예산 사업의 변동은 {line.year}년 안의 날짜여야 합니다."]
    if not (reference or "").strip():
        errors["reference"] = ["근거를 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    require_month_open(on, field="on")
    with transaction.atomic():
        _lock_line(line)
        if BudgetMovement.objects.filter(reference=reference).exists():
            message = f"이미 반영된 변동입니다({reference})."
            raise ValidationFailed(message, field_errors={"reference": [message]})
        movement = BudgetMovement.objects.create(
            line=line, on=on, committed=committed, spent=spent, reference=reference.strip(), note=note[:200]
        )
        budget_summary_refresh(line_ids=[line.pk])
    return movement


def _lock_line(line: BudgetLine) -> None:
    """Hold the line's row until the transaction ends (PostgreSQL; SQLite serialises writes anyway): a concurrent
    write to the same line waits, then refreshes the summary seeing this one's rows."""
    list(BudgetLine.objects.select_for_update().filter(pk=line.pk).values_list("pk"))


def budget_summary_refresh(*, line_ids=None) -> int:
    """Rebuild the lines' BudgetSnapshotLatest rows from the base rows (all lines when line_ids is None): the latest
    snapshot, plus the movements dated after it (all of them for a line with no snapshot), the newest day of
    either. A fixed number of queries whatever the number of lines; returns the number of summary rows written."""
    newest = BudgetSnapshot.objects.filter(line=OuterRef("line")).order_by("-as_of").values("as_of")[:1]
    snapshots = BudgetSnapshot.objects.filter(as_of=Subquery(newest))
    movements = BudgetMovement.objects.annotate(base=Subquery(newest))
    movements = movements.filter(Q(base__isnull=True) | Q(on__gt=F("base")))
    summaries = BudgetSnapshotLatest.objects.all()
    if line_ids is not None:
        line_ids = list(line_ids)
        snapshots = snapshots.filter(line__in=line_ids)
        movements = movements.filter(line__in=line_ids)
        summaries = summaries.filter(line__in=line_ids)
    rows: dict[int, BudgetSnapshotLatest] = {}
    for line_id, day, budget, committed, spent in snapshots.values_list(
        "line_id", "as_of", "current_budget", "committed", "spent"
    ):
        rows[line_id] = BudgetSnapshotLatest(
            line_id=line_id, snapshot_as_of=day, day=day, current_budget=budget, committed=committed, spent=spent
        )
    moved = (
        movements.values("line_id")
        .annotate(committed_sum=Sum("committed"), spent_sum=Sum("spent"), last=Max("on"))
        .order_by("line_id")
    )
    for row in moved:
        summary = rows.setdefault(row["line_id"], BudgetSnapshotLatest(line_id=row["line_id"], day=row["last"]))
        summary.committed += row["committed_sum"] or 0
        summary.spent += row["spent_sum"] or 0
        summary.day = max(summary.day, row["last"])
    summaries.delete()
    BudgetSnapshotLatest.objects.bulk_create(rows.values(), batch_size=1000)
    return len(rows)


BUDGET_SHEET_TITLE = "예산 집행 현황"


def budget_snapshot_import(*, actor, year: int, data: bytes) -> int:
    """Read the budget execution sheet (finance.selectors.budget_snapshot_sheet) back; every row is checked
    first, and nothing is written unless all rows are valid. Returns the number of rows written."""
    rows = xlsx_rows(data=data, columns=BUDGET_COLUMNS, title=BUDGET_SHEET_TITLE)
    lines = {line.code: line for line in BudgetLine.objects.filter(year=year).select_related("org_unit")}
    errors: list[str] = []
    checked = []
    for row in rows:
        number = row["_row"]
        if row.get("year") != year:
            errors.append(f"{number}행 '연도': {year}년 양식이 아닙니다({row.get('year')}).")
            continue
        line = lines.get(row.get("code") or "")
        if line is None:
            errors.append(f"{number}행 '코드': {year}년 예산 사업에 없는 코드입니다({row.get('code')}).")
            continue
        if actor is not None and not access_figures_enter(actor, line.org_unit.path):
            errors.append(f"{number}행 '코드': {line.org_unit.name}의 예산은 입력할 권한이 없습니다.")
            continue
        field_errors = check_budget_figures(
            year=year,
            as_of=row.get("as_of"),
            current_budget=row.get("current_budget"),
            committed=row.get("committed"),
            spent=row.get("spent"),
        )
        labels = {c.key: c.header for c in BUDGET_COLUMNS}
        for field, messages in field_errors.items():
            errors.extend(f"{number}행 '{labels.get(field, field)}': {message}" for message in messages)
        if not field_errors:
            checked.append((line, row))
    if errors:
        raise ValidationFailed(
            "엑셀 파일에 잘못된 값이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": errors}
        )
    with transaction.atomic():
        for line, row in checked:
            budget_snapshot_record(
                actor=actor,
                line=line,
                as_of=row["as_of"],
                current_budget=row["current_budget"],
                committed=row["committed"],
                spent=row["spent"],
            )
    return len(checked)


# --- definitions: budget lines and staffing quotas, created, edited and retired on their pages ------------------

BUDGET_LINE_KINDS = ("division", "team")  # a 세부사업 sits under a division (or one of its teams)


def _check_budget_line(*, year, org_unit, code, name, source, line: BudgetLine | None = None) -> dict:
    errors: dict[str, list[str]] = {}
    if org_unit is None:
        errors["org_unit"] = ["부서를 고르십시오(예산 사업은 담당관이나 팀에 속합니다)."]
    elif org_unit.kind not in BUDGET_LINE_KINDS:
        errors["org_unit"] = ["예산 사업은 담당관이나 팀에 둡니다."]
    elif not org_unit.is_active and (line is None or line.org_unit_id != org_unit.pk):
        errors["org_unit"] = [f"{with_topic(org_unit.name)} 더 이상 쓰지 않는 부서입니다."]
    code = (code or "").strip()
    if not code:
        errors["code"] = ["코드를 입력하십시오."]
    elif len(code) > BudgetLine._meta.get_field("code").max_length:
        errors["code"] = ["코드는 40자 이하로 씁니다."]
    elif BudgetLine.objects.filter(year=year, code=code).exclude(pk=getattr(line, "pk", None)).exists():
        errors["code"] = [f"{year}년에 이미 있는 코드입니다({code})."]
    if not (name or "").strip():
        errors["name"] = ["사업명을 입력하십시오."]
    elif len(name.strip()) > BudgetLine._meta.get_field("name").max_length:
        errors["name"] = ["사업명은 200자 이하로 씁니다."]
    if source not in BudgetLine.Source.values:
        errors["source"] = ["재원은 시비·국비·구비·재원 미구분 중에서 고르십시오."]
    return errors


def _require_line_keeper(actor, org_unit, message: str) -> None:
    if actor is not None:
        require(access_budget_lines_manage(actor), message)
        if org_unit is not None:
            require(access_figures_enter(actor, org_unit.path), message)


def budget_line_create(*, actor, year: int, org_unit, code: str, name: str, source: str) -> BudgetLine:
    _require_line_keeper(actor, org_unit, "이 부서의 예산 사업을 등록할 권한이 없습니다.")
    if not isinstance(year, int) or YEAR.problem(year):
        raise ValidationFailed(field_errors={"year": [YEAR.message]})
    errors = _check_budget_line(year=year, org_unit=org_unit, code=code, name=name, source=source)
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic(), unique_or(field_error("code", f"{year}년에 이미 있는 코드입니다({code.strip()}).")):
        return BudgetLine.objects.create(
            year=year, org_unit=org_unit, code=code.strip(), name=name.strip(), source=source
        )


def budget_line_update(*, actor, line: BudgetLine, org_unit, code: str, name: str, source: str) -> BudgetLine:
    """Edit a line (its year stays): division staff only within their division, both where it is and where it goes."""
    _require_line_keeper(actor, line.org_unit, "이 부서의 예산 사업을 고칠 권한이 없습니다.")
    _require_line_keeper(actor, org_unit, "그 부서로 예산 사업을 옮길 권한이 없습니다.")
    errors = _check_budget_line(year=line.year, org_unit=org_unit, code=code, name=name, source=source, line=line)
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        line = BudgetLine.objects.select_for_update().get(pk=line.pk)
        line.org_unit, line.code, line.name, line.source = org_unit, code.strip(), name.strip(), source
        with unique_or(field_error("code", f"{line.year}년에 이미 있는 코드입니다({line.code}).")):
            line.save()
    return line


def budget_line_retire(*, actor, line: BudgetLine, on: date | None) -> BudgetLine:
    """Retire a line on a day (it stays for the years and reports that used it, is not offered for new figures and
    is not carried into a new year); `on=None` puts it back in use."""
    _require_line_keeper(actor, line.org_unit, "이 부서의 예산 사업을 폐지할 권한이 없습니다.")
    if on is not None and OFFICE_DATE.problem(on):
        raise ValidationFailed(field_errors={"retired_on": [OFFICE_DATE.message]})
    with transaction.atomic():
        line = BudgetLine.objects.select_for_update().get(pk=line.pk)
        if line.retired_on != on:
            line.retired_on = on
            line.save(update_fields=["retired_on", "updated_at"])
    return line


def budget_line_delete(*, actor, line: BudgetLine) -> None:
    """Delete a line entered by mistake: only one with no execution figures (snapshots or movements) and linked to no
    programme; any other is retired instead."""
    _require_line_keeper(actor, line.org_unit, "이 부서의 예산 사업을 지울 권한이 없습니다.")
    with transaction.atomic():
        _lock_line(line)
        if line.snapshots.exists() or line.movements.exists():
            message = "집행 실적이 있는 예산 사업은 지울 수 없습니다: 폐지하십시오."
            raise ValidationFailed(message, field_errors={"retired_on": [message]})
        if line.programmes.exists():  # plan's links (the reverse of Programme.budget_lines)
            message = "주요업무에 연결된 예산 사업은 지울 수 없습니다: 연결을 풀거나 폐지하십시오."
            raise ValidationFailed(message, field_errors={"retired_on": [message]})
        BudgetLine.objects.filter(pk=line.pk).delete()


def _check_quota(*, job_series, grade, authorized, current) -> dict:
    errors: dict[str, list[str]] = {}
    if job_series not in StaffingQuota.JobSeries.values:
        errors["job_series"] = ["직종을 고르십시오."]
    if job_series == StaffingQuota.JobSeries.GENERAL and grade not in StaffingQuota.Grade.values:
        errors["grade"] = ["일반직은 직급을 고르십시오."]
    if job_series != StaffingQuota.JobSeries.GENERAL and grade:
        errors["grade"] = ["일반직이 아니면 직급을 쓰지 않습니다."]
    if job_series == StaffingQuota.JobSeries.PUBLIC_SERVICE_WORKER and authorized is not None:
        errors["authorized"] = ["공무직은 정원 외입니다: 정원을 쓰지 않습니다."]
    elif job_series != StaffingQuota.JobSeries.PUBLIC_SERVICE_WORKER and authorized is None:
        errors["authorized"] = ["정원을 입력하십시오."]
    elif authorized is not None and (not isinstance(authorized, int) or COUNT.problem(authorized)):
        errors["authorized"] = ["정원은 0 이상의 정수여야 합니다."]
    if current is None:
        errors["current"] = ["현원을 입력하십시오."]
    elif not isinstance(current, int) or COUNT.problem(current):
        errors["current"] = ["현원은 0 이상의 정수여야 합니다."]
    return errors


def staffing_quota_create(
    *, actor, org_unit, as_of: date, job_series: str, grade: str = "", authorized: int | None, current: int
) -> StaffingQuota:
    """A new cell (unit × job series × grade) as of a day; a cell the day already has is refused (edit it)."""
    if actor is not None:
        require(access_org_structure_change(actor), "인력 정원을 바꿀 권한이 없습니다.")
    errors = _check_quota(job_series=job_series, grade=grade or "", authorized=authorized, current=current)
    if org_unit is None:
        errors["org_unit"] = ["부서를 고르십시오."]
    if as_of is None:
        errors["as_of"] = ["기준일을 입력하십시오."]
    elif OFFICE_DATE.problem(as_of):
        errors["as_of"] = [OFFICE_DATE.message]
    if (
        not errors
        and StaffingQuota.objects.filter(
            org_unit=org_unit, as_of=as_of, job_series=job_series, grade=grade or ""
        ).exists()
    ):
        errors["job_series"] = ["그 기준일에 이미 있는 부서·직종·직급입니다: 그 행을 고치십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    duplicate = field_error("job_series", "그 기준일에 이미 있는 부서·직종·직급입니다: 그 행을 고치십시오.")
    with transaction.atomic(), unique_or(duplicate):
        return StaffingQuota.objects.create(
            org_unit=org_unit,
            as_of=as_of,
            job_series=job_series,
            grade=grade or "",
            authorized=authorized,
            current=current,
        )


def staffing_quota_update(*, actor, quota: StaffingQuota, authorized: int | None, current: int) -> StaffingQuota:
    """Correct a cell's 정원 and 현원 (a change as of a later day is a new as-of table: staffing_as_of_copy)."""
    if actor is not None:
        require(access_org_structure_change(actor), "인력 정원을 바꿀 권한이 없습니다.")
    errors = _check_quota(job_series=quota.job_series, grade=quota.grade, authorized=authorized, current=current)
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        quota = StaffingQuota.objects.select_for_update().get(pk=quota.pk)
        quota.authorized, quota.current = authorized, current
        quota.save(update_fields=["authorized", "current", "updated_at"])
    return quota


def staffing_quota_retire(*, actor, quota: StaffingQuota, on: date | None) -> StaffingQuota:
    """Retire a cell (not carried into a later as-of table); `on=None` puts it back."""
    if actor is not None:
        require(access_org_structure_change(actor), "인력 정원을 바꿀 권한이 없습니다.")
    if on is not None and OFFICE_DATE.problem(on):
        raise ValidationFailed(field_errors={"retired_on": [OFFICE_DATE.message]})
    with transaction.atomic():
        quota = StaffingQuota.objects.select_for_update().get(pk=quota.pk)
        if quota.retired_on != on:
            quota.retired_on = on
            quota.save(update_fields=["retired_on", "updated_at"])
    return quota


def staffing_as_of_copy(*, actor, from_as_of: date, to_as_of: date) -> int:
    """Start a new as-of table (현원 changed on a day): every cell of from_as_of in use copied to to_as_of, to be
    edited there. The staffing table reads the newest day's cells only, so the whole table moves at once. One change
    batch; refused when to_as_of already has cells or does not come after from_as_of."""
    if actor is not None:
        require(access_org_structure_change(actor), "인력 정원을 바꿀 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if to_as_of is None or OFFICE_DATE.problem(to_as_of):
        errors["to_as_of"] = ["새 기준일을 올바른 날짜로 입력하십시오."]
    elif from_as_of is None or to_as_of <= from_as_of:
        errors["to_as_of"] = ["새 기준일은 옮겨 올 기준일보다 뒤여야 합니다."]
    elif StaffingQuota.objects.filter(as_of=to_as_of).exists():
        errors["to_as_of"] = [f"{to_as_of.isoformat()} 기준 인력 자료가 이미 있습니다."]
    cells = list(StaffingQuota.objects.filter(as_of=from_as_of, retired_on__isnull=True))
    if not errors and not cells:
        errors["from_as_of"] = ["옮겨 올 기준일의 인력 자료가 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with history_batch(
        kind="finance.staffing_copy",
        label="인력 기준일 추가",
        subject=f"{from_as_of.isoformat()} → {to_as_of.isoformat()} 인력 정원·현원",
        actor=actor,
    ):
        created = StaffingQuota.objects.bulk_create(
            [
                StaffingQuota(
                    org_unit_id=c.org_unit_id,
                    as_of=to_as_of,
                    job_series=c.job_series,
                    grade=c.grade,
                    authorized=c.authorized,
                    current=c.current,
                )
                for c in cells
            ]
        )
        history_bulk_created(created, describe=lambda q: f"{q.as_of} {q.job_series} {q.grade}".strip())
    return len(created)


def _sheet_errors(number: int, error: ValidationFailed, labels: dict[str, str]) -> list[str]:
    if not error.field_errors:
        return [f"{number}행: {error.message}"]
    return [
        f"{number}행 '{labels.get(field, field)}': {message}"
        for field, messages in error.field_errors.items()
        for message in messages
    ]


def _choice(value, choices) -> str | None:
    """A sheet's label (시비, 일반직 …) or code (city, general …) read as the choice's code."""
    text = (value or "").strip()
    for code, label in choices:
        if text in (code, str(label)):
            return code
    return None


def budget_line_import(*, actor, year: int, data: bytes) -> int:
    """Read the budget-line sheet (selectors.budget_line_sheet) back: a row with a code the year has edits that line,
    any other creates one; a 폐지일 retires it. Every row goes through budget_line_create/update/retire (their rules
    and rights); one bad row and nothing is written, every bad row named. Returns the number of rows read."""
    rows = xlsx_rows(data=data, columns=BUDGET_LINE_COLUMNS, title=BUDGET_LINE_SHEET_TITLE)
    labels = {c.key: c.header for c in BUDGET_LINE_COLUMNS} | {"org_unit": "부서 코드"}
    units = {u.code: u for u in OrgUnit.objects.all()}
    errors: list[str] = []
    with transaction.atomic():
        lines = {line.code: line for line in BudgetLine.objects.filter(year=year).select_related("org_unit")}
        for row in rows:
            number = row["_row"]
            if row.get("year") != year:
                errors.append(f"{number}행 '연도': {year}년 양식이 아닙니다({row.get('year')}).")
                continue
            unit = units.get((row.get("unit") or "").strip())
            source = _choice(row.get("source"), BudgetLine.Source.choices) or (row.get("source") or "")
            try:
                if unit is None:
                    raise field_error("org_unit", f"없는 부서 코드입니다({row.get('unit')}).")
                fields = {"org_unit": unit, "code": row.get("code") or "", "name": row.get("name") or ""}
                line = lines.get((row.get("code") or "").strip())
                if line is None:
                    line = budget_line_create(actor=actor, year=year, source=source, **fields)
                    lines[line.code] = line
                else:
                    line = budget_line_update(actor=actor, line=line, source=source, **fields)
                if row.get("retired_on") != line.retired_on:
                    budget_line_retire(actor=actor, line=line, on=row.get("retired_on"))
            except ValidationFailed as error:
                errors += _sheet_errors(number, error, labels)
        if errors:
            transaction.set_rollback(True)
    if errors:
        raise ValidationFailed(
            "엑셀 파일에 잘못된 값이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": errors}
        )
    return len(rows)


def staffing_quota_import(*, actor, data: bytes) -> int:
    """Read the staffing sheet (selectors.staffing_quota_sheet) back: a row whose unit, 기준일, 직종 and 직급 exist is
    that cell's new 정원·현원, any other a new cell; a 폐지일 retires it. All rows or nothing, every bad row named."""
    if actor is not None:
        require(access_org_structure_change(actor), "인력 정원을 바꿀 권한이 없습니다.")
    rows = xlsx_rows(data=data, columns=STAFFING_QUOTA_COLUMNS, title=STAFFING_QUOTA_SHEET_TITLE)
    labels = {c.key: c.header for c in STAFFING_QUOTA_COLUMNS} | {"org_unit": "부서 코드"}
    units = {u.code: u for u in OrgUnit.objects.all()}
    errors: list[str] = []
    with transaction.atomic():
        for row in rows:
            number = row["_row"]
            unit = units.get((row.get("unit") or "").strip())
            series = _choice(row.get("job_series"), StaffingQuota.JobSeries.choices) or (row.get("job_series") or "")
            grade = _choice(row.get("grade"), StaffingQuota.Grade.choices) or (row.get("grade") or "").strip()
            try:
                if unit is None:
                    raise field_error("org_unit", f"없는 부서 코드입니다({row.get('unit')}).")
                quota = StaffingQuota.objects.filter(
                    org_unit=unit, as_of=row.get("as_of"), job_series=series, grade=grade
                ).first()
                counts = {"authorized": row.get("authorized"), "current": row.get("current")}
                if quota is None:
                    quota = staffing_quota_create(
                        actor=actor, org_unit=unit, as_of=row.get("as_of"), job_series=series, grade=grade, **counts
                    )
                elif (quota.authorized, quota.current) != (counts["authorized"], counts["current"]):
                    quota = staffing_quota_update(actor=actor, quota=quota, **counts)
                if row.get("retired_on") != quota.retired_on:
                    staffing_quota_retire(actor=actor, quota=quota, on=row.get("retired_on"))
            except ValidationFailed as error:
                errors += _sheet_errors(number, error, labels)
        if errors:
            transaction.set_rollback(True)
    if errors:
        raise ValidationFailed(
            "엑셀 파일에 잘못된 값이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": errors}
        )
    return len(rows)
