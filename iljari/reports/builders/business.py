"""The business report (주요업무보고) of a year as of a date, built from the selectors, never from stored text.

Ⅰ 일반현황 (조직, 인력, 주요기능, 예산);
Ⅱ 비전 및 목표 (비전, 추진목표, 핵심과제, 주요 정책지표, 일자리 창출 추진 목표);
Ⅲ 주요업무 보고 (each programme: purposes, 사업개요, 추진현황, 추진계획), in the 2018 report's order and formats.

`build_business_report(*, user, year, as_of, programme_new_page=False)`: with `programme_new_page` each programme's
heading (①) is marked to start a page (Heading.new_page), as the office may choose when it prints.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from decimal import Decimal

from iljari.core.access import access_office_figures_view, require
from iljari.core.formats import format_amount, format_date, format_number, format_period, format_rate
from iljari.finance.selectors import STAFFING_COLUMNS, budget_execution, staffing_table
from iljari.org.selectors import division_list, org_unit_counts
from iljari.performance.selectors import indicator_table, job_target_table
from iljari.plan.selectors import milestones_by_state, plan_get, programme_list, programme_text
from iljari.reports.builders.cells import MISSING
from iljari.reports.builders.cells import number_cell as _num
from iljari.reports.builders.cells import rate_cell as _rate
from iljari.reports.builders.cells import won_cell as _won
from iljari.reports.document import (
    XLSX_INTEGER,
    XLSX_PERCENT1,
    Cell,
    Chart,
    Document,
    Flow,
    Heading,
    Item,
    PageBreak,
    Paragraph,
    Series,
    Table,
)

ROMAN = ["Ⅰ.", "Ⅱ.", "Ⅲ.", "Ⅳ.", "Ⅴ."]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def circled(number: int) -> str:
    return CIRCLED[number - 1] if 1 <= number <= len(CIRCLED) else f"({number})"


REPORTED_RATE_NOTE = "※ * 목표가 유실된 행의 달성률은 원자료에 보고된 값"
INDICATOR_YEARS = 5


def issue_date(as_of: date) -> date:
    """The report is issued in the month after its figures date ("2018. 7." for figures as of '18.6.30); the
    staffing table shows the staff on the last day of that month, as the 2018 report did ('18.7.11.)."""
    first_of_next = (as_of.replace(day=1) + timedelta(days=32)).replace(day=1)
    return (first_of_next + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _report_month(as_of: date) -> str:
    issued = issue_date(as_of)
    return f"{issued.year}. {issued.month}."


def _as_of_line(day: date, unit: str = "") -> str:
    stamp = f"{format_date(day).rstrip('.')} 기준"
    return f"(단위 : {unit}, {stamp})" if unit else f"({stamp})"


# --- Ⅰ 일반현황 ----------------------------------------------------------------------------------------


def _organisation(user) -> list:
    counts = org_unit_counts(user=user)
    text = (
        f"1정책관 {counts['division']}담당관 {counts['team']}팀"
        if counts["office"] == 1
        else (f"{counts['office']}정책관 {counts['division']}담당관 {counts['team']}팀")
    )
    return [Item(f"조 직 - {text}", marker="□")]


def _staffing(user, as_of: date) -> list:
    table = staffing_table(user=user, as_of=as_of)
    if table is None:
        return [Item("인 력 - 자료 없음", marker="□")]
    total = table.total
    blocks: list = [
        Item(
            f"인 력 - 정원 {format_number(total.authorized)}명 / 현원 {format_number(total.current)}명"
            f" (정원외 : 공무직 {format_number(table.public_service_workers)}명)",
            marker="□",
        ),
    ]
    grades = [grade for series, grade in STAFFING_COLUMNS if series == "general"]
    grade_labels = {
        "grade3_up": "3급 이상",
        "grade4": "4급",
        "grade5": "5급",
        "grade6": "6급",
        "grade7_down": "7급 이하",
    }
    header = [
        [
            Cell("구 분", header=True, rowspan=2, align="center"),
            Cell("정 원", header=True, rowspan=2, align="center"),
            Cell("현 원", header=True, rowspan=2, align="center"),
            Cell("과부족", header=True, rowspan=2, align="center"),
            Cell("일 반", header=True, colspan=len(grades) + 1, align="center"),
            Cell("임기제", header=True, rowspan=2, align="center"),
            Cell("관리운영", header=True, rowspan=2, align="center"),
        ],
        [
            Cell("계", header=True, align="center"),
            *[Cell(grade_labels[g], header=True, align="center") for g in grades],
        ],
    ]

    def pair(values: tuple[int, int] | None) -> Cell:
        if values is None:
            return Cell("-", align="center")
        return Cell(f"{values[0]}/{values[1]}", align="center")

    def two(values: tuple[int, int] | None) -> list[Cell]:
        return [_num(None), _num(None)] if values is None else [_num(values[0]), _num(values[1])]

    body, sheet_body = [], []
    for row in [table.total, *table.rows]:
        first = [
            Cell("계" if row.unit is None else row.unit.name, header=True),
            _num(row.authorized),
            _num(row.current),
            _num(row.shortfall),
        ]
        pairs = [
            row.general,
            *[row.cells.get(("general", g)) for g in grades],
            row.cells.get(("fixed_term", "")),
            row.cells.get(("operations", "")),
        ]
        body.append([*first, *[pair(values) for values in pairs]])
        sheet_body.append([*first, *[cell for values in pairs for cell in two(values)]])
    # the sheet: 정원 and 현원 of each 직종·직급 in two numeric columns, so that they sum
    sheet_header = [
        [
            *[Cell(text, header=True, rowspan=3, align="center") for text in ("구 분", "정 원", "현 원", "과부족")],
            Cell("일 반", header=True, colspan=2 * (len(grades) + 1), align="center"),
            Cell("임기제", header=True, colspan=2, rowspan=2, align="center"),
            Cell("관리운영", header=True, colspan=2, rowspan=2, align="center"),
        ],
        [
            Cell("계", header=True, colspan=2, align="center"),
            *[Cell(grade_labels[g], header=True, colspan=2, align="center") for g in grades],
        ],
        [Cell(text, header=True, align="center") for _ in range(len(grades) + 3) for text in ("정원", "현원")],
    ]
    blocks.append(
        Table(
            title="인력 현황",
            caption="조직별 정원, 현원, 과부족과 직종·직급별 정원/현원",
            header=header,
            body=body,
            unit_line=_as_of_line(table.as_of),
            notes=["※ 직종·직급 칸은 정원/현원"],
            sheet=Table(
                title="인력 현황",
                caption="조직별 정원, 현원, 과부족과 직종·직급별 정원·현원",
                header=sheet_header,
                body=sheet_body,
                unit_line=_as_of_line(table.as_of),
            ),
        )
    )
    return blocks


def _functions(user) -> list:
    divisions = division_list(user=user)
    body = [[Cell(u.name, header=True), Cell("\n".join(u.function_lines) or "-")] for u in divisions]
    return [
        Item("주요기능", marker="□"),
        Table(
            title="주요기능",
            caption="담당관별 주요 기능",
            header=[[Cell("구 분", header=True, align="center"), Cell("주 요 기 능", header=True, align="center")]],
            body=body,
        ),
    ]


def _days_text(row) -> str:
    if row.last_day is None:
        return "-"
    return format_date(row.one_day) if row.one_day else f"{format_date(row.first_day)}~{format_date(row.last_day)}"


def no_data(year: int, what: str = "") -> str:
    """The sentence a section with nothing yet prints ("2019년 자료가 아직 없습니다.")."""
    return f"{year}년 {what + ' ' if what else ''}자료가 아직 없습니다."


def _budget(user, year: int, as_of: date) -> list:
    execution = budget_execution(user=user, year=year, as_of=as_of)
    total = execution.total
    if total.last_day is None:  # no line of the year has a figure on or before the day (a year just opened)
        return [Item(f"예 산 - {no_data(year, '예산 집행')}", marker="□")]
    header = [
        [
            Cell("구 분", header=True, align="center"),
            Cell("예산현액 (A)", header=True, align="center"),
            Cell("원인행위액", header=True, align="center"),
            Cell("지출액 (B)", header=True, align="center"),
            Cell("집행률 (B/A)", header=True, align="center"),
        ]
    ]
    # A total is of one date: where the divisions' figures are of different days, each row shows its own and the
    # unit line says so (the 2018 table, all of one day, keeps its five columns).
    mixed = total.last_day is not None and total.one_day is None
    if mixed:
        header[0].append(Cell("기준일", header=True, align="center"))
    body = []
    for row in [total, *execution.rows]:
        link = f"/finance/budget/?year={year}&as_of={as_of.isoformat()}"
        cells = [
            Cell("계" if row.unit is None else row.unit.name, header=True, link=link),
            _won(row.current_budget, "백만원"),
            _won(row.committed, "백만원"),
            _won(row.spent, "백만원"),
            _rate(row.execution_rate),
        ]
        if mixed:
            day = "각 행 참조" if row.unit is None else _days_text(row)
            cells.append(Cell(day, align="center"))
        body.append(cells)
    unit_line = (
        "(단위 : 백만원, 부서별 기준일 상이 — 각 행 참조)" if mixed else _as_of_line(total.one_day or as_of, "백만원")
    )
    return [
        Item(f"예 산 - {format_amount(total.current_budget, '백만원')}백만원", marker="□"),
        Table(
            title="예산 집행 현황",
            caption="담당관별 예산현액, 원인행위액, 지출액, 집행률",
            header=header,
            body=body,
            unit_line=unit_line,
        ),
        Chart(
            title="담당관별 예산 집행률",
            caption="담당관별 예산 집행률(%): "
            + ", ".join(f"{row.unit.name} {format_rate(row.execution_rate)}" for row in execution.rows),
            categories=[row.unit.name for row in execution.rows],
            series=[Series("집행률", [_percent(row.execution_rate) for row in execution.rows])],
            unit="%",
        ),
    ]


# --- Ⅱ 비전 및 목표 ------------------------------------------------------------------------------------


def _vision(vision, year: int) -> list:
    if vision is None:
        return [Heading(4, "비 전", "□"), Paragraph(no_data(year))]
    blocks: list = [
        Heading(4, "비 전", "□"),
        Paragraph(vision.statement, emphasis=True, framed=True),
        Heading(4, "추진목표", "□"),
    ]
    objectives = list(vision.objectives.all())
    blocks += [Item(o.title, marker="○") for o in objectives]
    blocks.append(Heading(4, "핵심과제", "□"))
    for objective in objectives:
        blocks.append(Item(objective.title, marker="○"))
        blocks += [Item(task.title, marker="◆", level=1) for task in objective.core_tasks.all()]
    return blocks


def _indicators(user, year: int, as_of: date) -> list:
    """The 주요 정책지표 table as the 2018 report prints it — the actuals of the past years, the targets of the report's
    year and after (IndicatorCell.printed: never an actual in a target's column) — and, in a table of its own, the
    report year's actuals entered so far, each with its as-of date."""
    years = list(range(year - 2, year - 2 + INDICATOR_YEARS))
    rows = indicator_table(user=user, years=years, as_of=as_of)
    if not rows:
        return [Heading(4, "주요 정책지표", "□"), Paragraph(no_data(year, "정책지표"))]
    header = [
        [
            Cell("분야", header=True, align="center"),
            Cell("지 표 명", header=True, align="center"),
            Cell("단위", header=True, align="center"),
            *[Cell(str(y), header=True, align="center") for y in years],
        ]
    ]
    body = []
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(row.indicator.field_label or "-", []).append(row)
    for label, members in groups.items():
        for index, row in enumerate(members):
            cells = []
            if index == 0:
                cells.append(Cell(label, header=True, rowspan=len(members), align="center"))
            cells += [
                Cell(row.indicator.name, link=row.indicator.get_absolute_url()),
                Cell(row.indicator.unit, align="center"),
                *[_num(_plain(row.cells[y].printed(y, year))) for y in years],
            ]
            body.append(cells)
    return [
        Heading(4, "주요 정책지표", "□"),
        Table(
            title="주요 정책지표",
            caption=f"분야별 정책지표의 {years[0]}~{year - 1}년 실적과 {year}~{years[-1]}년 목표",
            header=header,
            body=body,
            notes=[f"※ {year - 1}년까지는 실적, {year}년부터는 목표"],
        ),
        *_indicator_actuals(rows, year),
    ]


def _indicator_actuals(rows, year: int) -> list:
    """The report year's actuals beside the targets table: each with the date it is as of (a half-year count is
    not the year's)."""
    title = f"{year}년 정책지표 실적"
    entered = [row for row in rows if row.cells[year].actual is not None]
    if not entered:
        return [Paragraph(f"※ {title}: 입력된 실적이 없습니다.")]
    header = [
        [
            Cell("지 표 명", header=True, align="center"),
            Cell("단위", header=True, align="center"),
            Cell(f"{year} 목표", header=True, align="center"),
            Cell("실적", header=True, align="center"),
            Cell("기준일", header=True, align="center"),
        ]
    ]
    body = [
        [
            Cell(row.indicator.name, link=row.indicator.get_absolute_url()),
            Cell(row.indicator.unit, align="center"),
            _num(_plain(row.cells[year].target)),
            _num(_plain(row.cells[year].actual)),
            Cell(format_date(row.cells[year].actual_as_of), align="center"),
        ]
        for row in entered
    ]
    return [
        Table(
            title=title,
            caption=f"정책지표의 {year}년 실적(기준일까지의 값)과 그해 목표",
            header=header,
            body=body,
            notes=["※ 실적은 기준일 현재의 값으로, 연간 목표와 기간이 다를 수 있음"],
        )
    ]


def _percent(rate) -> Decimal | None:
    """A rate (0.522) as the percentage a chart draws (52.2)."""
    return None if rate is None else (Decimal(rate) * 100).quantize(Decimal("0.1"))


def _plain(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value


def jobs_not_set(table) -> bool:
    """No target set and nothing achieved yet: a year just opened (its rows carried without figures) or one without
    rows at all — said in one sentence, not as a table of lost cells."""
    rows = [*table.groups, *table.kinds]
    return all(row.target.target is None and not row.achieved for row in rows)


def _jobs(user, year: int, as_of: date) -> list:
    table = job_target_table(user=user, year=year, as_of=as_of)
    total_target, total_achieved = table.total_target, table.total_achieved
    yy = f"'{year % 100:02d}"
    blocks: list = [Heading(4, "일자리 창출 추진 목표", "□")]
    if jobs_not_set(table):
        return [*blocks, Paragraph(f"{year}년 일자리 목표가 아직 정해지지 않았습니다({no_data(year)[:-1]}).")]
    if total_target is not None:
        blocks.append(
            Item(
                f"{yy}년 일자리 목표 {format_number(total_target)}개 중 {format_number(total_achieved)}개 달성"
                f"({format_rate(table.total_rate)})",
                marker="□",
            )
        )
    kind_texts = [
        f"{row.label} 목표 {format_number(row.target.target)}개({format_amount(row.target.budget, '억원')}억원) 중 "
        f"{format_number(row.achieved)}개 달성({format_rate(row.achievement_rate)})"
        for row in table.kinds
    ]
    if kind_texts:
        blocks.append(Item(", ".join(kind_texts), marker="-", level=1))
    header = [
        [
            Cell("사업대상", header=True, align="center"),
            Cell("사 업 명", header=True, align="center"),
            Cell("목 표(개)", header=True, align="center"),
            Cell("실 적(개)", header=True, align="center"),
            Cell("달성률", header=True, align="center"),
            Cell("예 산(억원)", header=True, align="center"),
        ]
    ]
    body = [
        [
            Cell("총 계", header=True, colspan=2, align="center"),
            _num(total_target),
            _num(total_achieved),
            _rate(table.total_rate),
            _won(table.total_budget, "억원"),
        ]
    ]
    notes = []
    for row in [*table.groups, *table.kinds]:
        if row.target.target is None:
            low_high = row.implied_range
            text = (
                MISSING if low_high is None else f"{MISSING} {format_number(low_high[0])}~{format_number(low_high[1])}"
            )
            target_cell = Cell(text, missing=True, align="right")
            if low_high:
                notes.append(
                    f"※ {row.label} 목표는 원자료에서 유실되어 비워 둠: 보고된 달성률과 총계로 본 범위 "
                    f"{format_number(low_high[0])}~{format_number(low_high[1])}개"
                )
        else:
            target_cell = _num(row.target.target)
        rate_cell = _rate(row.achievement_rate)
        if row.achievement_rate is None and row.reported_rate is not None:
            rate_cell = Cell(
                f"{format_rate(row.reported_rate)}*",
                value=row.reported_rate,
                number_format=XLSX_PERCENT1,
                align="right",
            )
            if REPORTED_RATE_NOTE not in notes:
                notes.insert(0, REPORTED_RATE_NOTE)
        body.append(
            [
                Cell(row.label, header=True, align="center"),
                Cell(row.target.programme_names or "-"),
                target_cell,
                _num(row.achieved),
                rate_cell,
                _won(row.target.budget, "억원"),
            ]
        )
    groups = [row for row in table.groups if row.target.target is not None or row.achieved]
    chart = Chart(
        title="사업대상별 일자리 목표와 실적",
        caption="사업대상별 일자리 목표와 실적(개): "
        + ", ".join(f"{row.label} {format_number(row.target.target)}/{format_number(row.achieved)}" for row in groups),
        categories=[row.label for row in groups],
        series=[
            Series("목표", [row.target.target for row in groups]),
            Series("실적", [row.achieved for row in groups]),
        ],
        unit="개",
    )
    blocks.append(
        Table(
            title="일자리 창출 목표",
            caption="사업대상별·직접간접별 일자리 목표, 실적, 달성률, 예산",
            header=header,
            body=body,
            unit_line=f"({yy}. {as_of.month}월말 기준)",
            notes=notes,
        )
    )
    if groups:
        blocks.append(chart)
    return blocks


# --- Ⅲ 주요업무 보고 -----------------------------------------------------------------------------------


def _period(milestone) -> str:
    return format_period(
        milestone.start,
        milestone.end,
        precision=milestone.precision,
        open_ended=milestone.open_ended,
        label=milestone.label,
    )


BUDGET_PLACEHOLDER = "{소요예산}"


def _budget_text(programme) -> str:
    if programme.budget is None:
        return "-"
    return f"{format_amount(programme.budget, '백만원')}백만원"


_WHOLE_NUMBER = re.compile(r"\d{1,3}(,\d{3})+|\d+")


SHORT_CELL = 12  # a cell up to this long is centred (and kept on one line in the pdf); a longer one is a text


def _text_cell(cell) -> Cell:
    """A cell of a programme's table; a whole number written as printed ("4,655") is kept as a number as well
    (the xlsx sheet sums it)."""
    text = cell.text.strip()
    value = int(text.replace(",", "")) if not cell.header and _WHOLE_NUMBER.fullmatch(text) else None
    align = "center" if cell.header or len(text) <= SHORT_CELL else "left"
    return Cell(
        cell.text,
        value=value,
        number_format=XLSX_INTEGER if value is not None else "",
        colspan=cell.colspan,
        rowspan=cell.rowspan,
        header=cell.header,
        align=align,
    )


def _text_blocks(programme, text: list) -> list:
    """The programme's own report text (plan.selectors.programme_text): paragraphs as items with their marker
    and depth, tables with their 단위 line and notes, a flow as a one-row table of its steps. `{소요예산}` in a
    paragraph prints the programme's 소요예산 field, so that the figure has one source."""
    blocks: list = []
    for block in text:
        said = block.text.replace(BUDGET_PLACEHOLDER, _budget_text(programme))
        if block.kind == "table":
            if said:
                blocks.append(Item(said, marker=block.marker, level=block.level))
            rows = [[_text_cell(cell) for cell in row] for row in block.body]
            if not block.head:  # a table without header rows is labelled by its first column (row headers)
                for row in rows:
                    row[0] = dataclasses.replace(row[0], header=True, value=None, number_format="")
            caption = f"{block.title}: " + ", ".join(cell.text for cell in (block.head[0] if block.head else []))
            blocks.append(
                Table(
                    title=block.title,
                    caption=caption.rstrip(": ,"),
                    header=[[_text_cell(cell) for cell in row] for row in block.head],
                    body=rows,
                    unit_line=block.unit_line,
                    notes=block.notes,
                )
            )
        elif block.kind == "flow":
            if said:
                blocks.append(Item(said, marker=block.marker, level=block.level))
            blocks.append(Flow(title=block.title, steps=list(block.steps)))
        elif block.marker == "□" or (not block.marker and block.level == 0):
            # □ 사업개요 and the unmarked sub-headings (① 청년일자리센터 운영) are headings: kept with what follows
            blocks.append(Heading(4, said, block.marker))
        else:
            blocks.append(Item(said, marker=block.marker, level=block.level))
    return blocks


def programme_blocks(programme, *, new_page: bool = False) -> list:
    """A programme as the report prints it: its heading (①), purposes (◆), then its own report text when it has
    blocks (plan's ProgrammeBlock), else the overview, progress and plan drawn from its facts and milestones."""
    blocks: list = [Heading(3, programme.title, circled(programme.number), new_page=new_page)]
    blocks += [Item(text, marker="◆") for text in programme.purpose_lines]
    text = programme_text(programme)
    if text:
        return blocks + _text_blocks(programme, text)
    blocks.append(Heading(4, "사업개요", "□"))
    for fact in programme.facts.all():
        blocks.append(Item(f"{fact.label} : {fact.value}" if fact.value else fact.label, marker="○"))
        blocks += [Item(note, marker="-", level=1) for note in fact.note_lines]
    if programme.budget is not None:
        note = f" ({programme.budget_note})" if programme.budget_note else ""
        blocks.append(Item(f"소요예산 : {format_amount(programme.budget, '백만원')}백만원{note}", marker="○"))
    done, planned = milestones_by_state(programme)
    if done:
        blocks.append(Heading(4, "추진현황", "□"))
        for milestone in done:
            when = _period(milestone)
            blocks.append(Item(milestone.title if when == "-" else f"{milestone.title} ({when})", marker="○"))
            blocks += [Item(line, marker="-", level=1) for line in milestone.detail_lines]
    if planned:
        blocks.append(Heading(4, "추진계획", "□"))
        for milestone in planned:
            when = _period(milestone)
            blocks.append(Item(milestone.title if when == "-" else f"{milestone.title} : {when}", marker="○"))
            blocks += [Item(line, marker="-", level=1) for line in milestone.detail_lines]
    return blocks


def build_business_report(*, user, year: int, as_of: date, programme_new_page: bool = False) -> Document:
    """`programme_new_page`: each programme of Ⅲ starts on a new page (the office's choice when it prints)."""
    require(access_office_figures_view(user))
    vision = plan_get(user=user, year=year)  # None: a year with nothing yet — every section says so
    programmes = programme_list(user=user, year=year)
    document = Document(
        title=f"{year} 주요업무보고",
        organisation="일자리노동정책관",
        date_text=_report_month(as_of),
        as_of_text=f"({format_date(as_of)} 기준)",
    )
    blocks = document.blocks
    blocks.append(Heading(1, "일반현황", ROMAN[0]))
    blocks += _organisation(user)
    blocks += _staffing(user, issue_date(as_of))
    blocks += _functions(user)
    blocks += _budget(user, year, as_of)
    blocks.append(PageBreak())
    blocks.append(Heading(1, "비전 및 목표", ROMAN[1]))
    blocks += _vision(vision, year)
    blocks += _indicators(user, year, as_of)
    blocks += _jobs(user, year, as_of)
    blocks.append(PageBreak())
    blocks.append(Heading(1, "주요업무 보고", ROMAN[2]))
    objectives = list(vision.objectives.all()) if vision is not None else []
    if not objectives:
        blocks.append(Paragraph(no_data(year, "주요업무")))
    blocks += [Item(f"{o.number}. {o.title}", marker="") for o in objectives]
    for objective in objectives:
        blocks.append(PageBreak())
        blocks.append(Heading(2, objective.title, f"{objective.number}."))
        members = [p for p in programmes if p.objective_id == objective.pk]
        blocks += [Item(f"{circled(p.number)} {p.title}", marker="") for p in members]
        for programme in members:
            blocks += programme_blocks(programme, new_page=programme_new_page)
    return document
