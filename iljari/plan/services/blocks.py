"""A programme's report text as blocks: paragraphs, tables (their cells) and flows."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max

from iljari.core.errors import field_error
from iljari.core.history import history_batch, history_bulk_replace
from iljari.core.korean import with_topic
from iljari.core.locks import row_lock
from iljari.plan.models import (
    Programme,
    ProgrammeBlock,
    ProgrammeBlockCell,
)
from iljari.plan.services.common import lines_joined, require_editor
from iljari.plan.services.programmes import programme_year

MAX_COLUMNS = 30
MAX_ROWS = 200
CELL_FIELDS = ("text", "colspan", "rowspan")


def _cells(block: ProgrammeBlock, part: str, rows: list[list[dict]], label: str) -> list[ProgrammeBlockCell]:
    if len(rows) > MAX_ROWS:
        raise field_error(part, f"{with_topic(label)} {MAX_ROWS}행까지 쓸 수 있습니다.")
    cells = []
    for row_number, row in enumerate(rows, 1):
        if len(row) > MAX_COLUMNS:
            raise field_error(part, f"{label} {row_number}행: 한 행에 {MAX_COLUMNS}칸까지 쓸 수 있습니다.")
        for column, cell in enumerate(row, 1):
            text = str(cell.get("text") or "").strip()
            if len(text) > 500:
                raise field_error(part, f"{label} {row_number}행 {column}칸: 500자까지 쓸 수 있습니다.")
            spans = {}
            for name, word in (("colspan", "열 병합"), ("rowspan", "행 병합")):
                value = cell.get(name) or 1
                if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 50:
                    raise field_error(
                        part, f"{label} {row_number}행 {column}칸: {with_topic(word)} 1부터 50까지의 숫자여야 합니다."
                    )
                spans[name] = value
            cells.append(ProgrammeBlockCell(block=block, part=part, row=row_number, column=column, text=text, **spans))
    return cells


def _block_cells(block: ProgrammeBlock, head, body, steps) -> list[ProgrammeBlockCell]:
    if block.kind == ProgrammeBlock.Kind.TABLE:
        head = [row for row in head or () if row]
        body = [row for row in body or () if row]
        if not body:
            raise field_error("body", "표의 본문행을 한 행 이상 입력하십시오.")
        return _cells(block, "head", head, "머리행") + _cells(block, "body", body, "본문행")
    if block.kind == ProgrammeBlock.Kind.FLOW:
        steps = [str(step).strip() for step in steps or () if str(step).strip()]
        if len(steps) < 2:
            raise field_error("steps", "흐름도의 단계를 두 개 이상 입력하십시오.")
        return _cells(block, "step", [[{"text": step} for step in steps]], "단계")
    return []


def programme_block_save(
    *,
    actor,
    programme: Programme,
    block: ProgrammeBlock | None = None,
    kind: str,
    marker: str = "",
    level: int = 0,
    text: str = "",
    title: str = "",
    unit_line: str = "",
    notes: Iterable[str] | str = (),
    head: list[list[dict]] = (),
    body: list[list[dict]] = (),
    steps: Iterable[str] = (),
) -> ProgrammeBlock:
    """A block of the programme's report text, new (added after the last) or changed, with its cells."""
    require_editor(actor, programme)
    if block is not None and block.programme_id != programme.pk:
        raise field_error("block", "이 주요업무의 본문이 아닙니다.")
    if kind not in ProgrammeBlock.Kind.values:
        raise field_error("kind", "종류는 문단, 표, 흐름도 중 하나여야 합니다.")
    if marker not in ProgrammeBlock.Marker.values:
        raise field_error("marker", "기호는 □ ○ - ▶ ※ ・ 중 하나이거나 없어야 합니다.")
    if not isinstance(level, int) or isinstance(level, bool) or not 0 <= level <= 4:
        raise field_error("level", "들여쓰기는 0부터 4까지입니다.")
    text = (text or "").strip()
    if kind == ProgrammeBlock.Kind.PARAGRAPH and not text:
        raise field_error("text", "문단의 내용을 입력하십시오.")
    if len(text) > 2000:
        raise field_error("text", "내용은 2,000자까지 쓸 수 있습니다.")
    title, unit_line = (title or "").strip(), (unit_line or "").strip()
    if kind == ProgrammeBlock.Kind.TABLE and not title:
        raise field_error("title", "표 제목을 입력하십시오(화면 낭독기가 읽습니다).")
    if len(title) > 200 or len(unit_line) > 200:
        raise field_error("title" if len(title) > 200 else "unit_line", "200자까지 쓸 수 있습니다.")
    values = {
        "kind": kind,
        "marker": marker,
        "level": level,
        "text": text,
        "title": title if kind != ProgrammeBlock.Kind.PARAGRAPH else "",
        "unit_line": unit_line if kind == ProgrammeBlock.Kind.TABLE else "",
        "notes": lines_joined(notes) if kind == ProgrammeBlock.Kind.TABLE else "",
    }
    probe = ProgrammeBlock(programme=programme, **values)
    cells = _block_cells(probe, head, body, steps)  # checked before anything is written
    subject = f"{programme_year(programme)}년 {programme.title} 본문"
    with history_batch(kind="plan.block", label="주요업무 본문 수정", subject=subject, actor=actor):
        if block is None:
            row_lock(Programme, programme.pk)  # two blocks added at once do not take one order
            last = ProgrammeBlock.objects.filter(programme=programme).aggregate(last=Max("order"))["last"] or 0
            block = ProgrammeBlock.objects.create(programme=programme, order=last + 1, **values)
        else:
            block = ProgrammeBlock.objects.select_for_update().get(pk=block.pk)
            changed = [name for name, value in values.items() if getattr(block, name) != value]
            for name in changed:
                setattr(block, name, values[name])
            if changed:
                block.save(update_fields=[*changed, "updated_at"])
        for cell in cells:
            cell.block = block
        history_bulk_replace(
            ProgrammeBlockCell,
            existing=ProgrammeBlockCell.objects.filter(block=block),
            rows=cells,
            key=("block_id", "part", "row", "column"),
            fields=CELL_FIELDS,
        )
    return block


def programme_block_move(*, actor, block: ProgrammeBlock, direction: str) -> ProgrammeBlock:
    """Swap the block's order with the block before (up) or after (down) it; at either end nothing moves (and
    nothing is recorded)."""
    programme = block.programme
    require_editor(actor, programme)
    if direction not in ("up", "down"):
        raise field_error("direction", "위나 아래로만 옮길 수 있습니다.")
    with transaction.atomic():
        row_lock(Programme, programme.pk)  # one programme's blocks are reordered one request at a time
        siblings = list(ProgrammeBlock.objects.filter(programme=programme).order_by("order", "pk"))
        index = next(i for i, sibling in enumerate(siblings) if sibling.pk == block.pk)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(siblings):
            return siblings[index]
        mine, theirs = siblings[index], siblings[other]
        with history_batch(
            kind="plan.block", label="주요업무 본문 순서", subject=f"{programme.title} 본문", actor=actor
        ):
            mine.order, theirs.order = theirs.order, mine.order
            mine.save(update_fields=["order", "updated_at"])
            theirs.save(update_fields=["order", "updated_at"])
    return mine


def programme_block_delete(*, actor, block: ProgrammeBlock) -> None:
    programme = block.programme
    require_editor(actor, programme)
    with history_batch(kind="plan.block", label="주요업무 본문 삭제", subject=f"{programme.title} 본문", actor=actor):
        history_bulk_replace(
            ProgrammeBlockCell,
            existing=ProgrammeBlockCell.objects.filter(block=block),
            rows=[],
            key=("block_id", "part", "row", "column"),
            fields=CELL_FIELDS,
        )
        ProgrammeBlock.objects.filter(pk=block.pk).first().delete()
