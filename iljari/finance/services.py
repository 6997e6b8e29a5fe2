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

`actor=None` is the system (the demo loader). Errors are iljari.core.errors.ValidationFailed in Korean.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F, Max, OuterRef, Q, Subquery, Sum

from iljari.core.access import access_figures_enter, access_org_structure_change, require
from iljari.core.errors import ValidationFailed
from iljari.core.figures import MONEY
from iljari.core.formats import format_won
from iljari.core.korean import with_object, with_topic
from iljari.core.locks import require_month_open
from iljari.core.xlsx import xlsx_rows
from iljari.finance.models import BudgetLine, BudgetMovement, BudgetSnapshot, BudgetSnapshotLatest, StaffingQuota
from iljari.finance.selectors import BUDGET_COLUMNS


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
