"""Markdown renderer: a Document as GitHub-flavoured Markdown.

Headings keep the report's numbering (`# Ⅰ. 일반현황`, `## 1. ...`, `### ① ...`, `#### □ 사업개요`), items are
list lines that keep their markers (`- ○ text`, two spaces of indentation per level), and tables are pipe tables.

A pipe table has exactly one header row and no merged cells, so tables are flattened:

- header: each column's label joins, top to bottom, the texts of the header cells that cover it, each text once
  (a colspan parent and its child become "일반 4급"; a rowspan cell such as "구분" stays "구분");
- body: a rowspan or colspan cell is written in its first row and column; the cells it covers are left empty.

`place_cells` lays out rows of cells with colspan/rowspan on a grid; the xlsx renderer uses it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from iljari.reports.document import Block, Cell, Chart, Document, Flow, Heading, Item, Paragraph, Table

_LINE_BREAK = re.compile(r"\s*\n\s*")


@dataclass(frozen=True)
class Placed:
    """A cell at its grid position (row and column of its top-left corner, from 0)."""

    row: int
    col: int
    cell: Cell


def place_cells(rows: list[list[Cell]]) -> list[Placed]:
    """Lay out rows of cells as an HTML table does: each cell takes the next column not covered by a rowspan."""
    covered: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    for row_index, row in enumerate(rows):
        col = 0
        for cell in row:
            while (row_index, col) in covered:
                col += 1
            placed.append(Placed(row_index, col, cell))
            for row_offset in range(max(cell.rowspan, 1)):
                for col_offset in range(max(cell.colspan, 1)):
                    covered.add((row_index + row_offset, col + col_offset))
            col += max(cell.colspan, 1)
    return placed


def column_count(*layouts: list[Placed]) -> int:
    """The number of columns the laid-out cells span."""
    return max((p.col + max(p.cell.colspan, 1) for layout in layouts for p in layout), default=0)


def _one_line(text: str) -> str:
    return _LINE_BREAK.sub(" ", text.strip())


def _cell_text(text: str) -> str:
    return "<br>".join(line.strip() for line in text.strip().splitlines()).replace("|", "\\|")


def _header_labels(header: list[Placed], columns: int) -> list[str]:
    labels: list[list[str]] = [[] for _ in range(columns)]
    for placed in sorted(header, key=lambda p: (p.row, p.col)):
        text = _one_line(placed.cell.text)
        if not text:
            continue
        for col in range(placed.col, min(placed.col + max(placed.cell.colspan, 1), columns)):
            labels[col].append(text)
    return [" ".join(parts).replace("|", "\\|") for parts in labels]


def _alignments(body: list[Placed], columns: int) -> list[str]:
    """Each column aligned as its first single-column, non-header body cell."""
    rules = ["---"] * columns
    seen: set[int] = set()
    for placed in sorted(body, key=lambda p: (p.row, p.col)):
        if placed.cell.header or placed.cell.colspan > 1 or placed.col in seen:
            continue
        seen.add(placed.col)
        rules[placed.col] = {"right": "---:", "center": ":---:"}.get(placed.cell.align, "---")
    return rules


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(table: Table) -> list[str]:
    header = place_cells(table.header)
    body = place_cells(table.body)
    columns = column_count(header, body)
    parts = [f"**{_one_line(table.title)}**"] if table.title.strip() else []
    if table.unit_line:
        parts.append(_one_line(table.unit_line))
    if columns:
        grid = [[""] * columns for _ in table.body]
        for placed in body:
            grid[placed.row][placed.col] = _cell_text(placed.cell.text)
        lines = [_row(_header_labels(header, columns)), _row(_alignments(body, columns))]
        lines += [_row(cells) for cells in grid]
        parts.append("\n".join(lines))
    parts += [_one_line(note) for note in table.notes]
    return parts


def _heading(heading: Heading) -> str:
    hashes = "#" * min(max(heading.level, 1), 6)
    number = f"{heading.number} " if heading.number else ""
    return f"{hashes} {number}{_one_line(heading.text)}"


def _item(item: Item) -> str:
    # A bare "-" after the list bullet would open a nested list, so it is escaped.
    marker = "\\-" if item.marker == "-" else item.marker
    prefix = f"{marker} " if marker else ""
    return f"{'  ' * max(item.level, 0)}- {prefix}{_one_line(item.text)}"


def _title_block(document: Document) -> list[str]:
    date = " ".join(part for part in (document.date_text, document.as_of_text) if part)
    return [f"# {_one_line(document.title)}", *(line for line in (document.organisation, date) if line)]


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [_heading(block)]
    if isinstance(block, Item):
        return [_item(block)]
    if isinstance(block, Paragraph):
        text = _one_line(block.text)
        return [f"**{text}**" if block.emphasis else text]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Flow):  # the steps on one line, joined by arrows
        return [*([f"**{_one_line(block.title)}**"] if block.title.strip() else []), " → ".join(block.steps)]
    if isinstance(block, Chart):  # a text format keeps the figures' table; the chart is named with its figures
        return [f"*그림: {_one_line(block.title)}* — {_one_line(block.caption)}"]
    return ["---"]  # PageBreak: a thematic break


def render_md(document: Document) -> str:
    """The document as Markdown text, ending with a newline."""
    parts = _title_block(document)
    previous = None
    for block in document.blocks:
        if isinstance(block, Item) and isinstance(previous, Item):
            parts[-1] += "\n" + _item(block)  # consecutive items form one tight list
        else:
            parts += _block(block)
        previous = block
    return "\n\n".join(parts) + "\n"
