"""The monthly job disclosure (일자리 목표 공시 / 추진실적) of a year as of a month's end, built from the selectors:
targets and achievements by target group and by direct/indirect, the programmes' own rows, and the people at work
in the month per district and programme. Every figure is read, never stored as text; a lost target stays missing."""

from __future__ import annotations

import calendar
from datetime import date

from iljari.core.access import access_office_figures_view, require
from iljari.core.formats import format_date, format_number, format_rate
from iljari.org.selectors import district_choices
from iljari.participation.selectors import placements_by_district
from iljari.performance.selectors import job_target_table
from iljari.reports.builders.business import jobs_not_set
from iljari.reports.builders.cells import MISSING
from iljari.reports.builders.cells import number_cell as _num
from iljari.reports.builders.cells import rate_cell as _rate
from iljari.reports.builders.cells import won_cell as _won
from iljari.reports.document import Cell, Chart, Document, Heading, Item, Paragraph, Series, Table


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _target_cell(row) -> Cell:
    if row.target.target is None:
        return Cell(MISSING, missing=True, align="right")
    return _num(row.target.target)


def _groups_table(table, yy: str, as_of: date) -> Table:
    header = [
        [
            Cell("구 분", header=True, align="center"),
            Cell("목 표(개)", header=True, align="center"),
            Cell("실 적(개)", header=True, align="center"),
            Cell("달성률", header=True, align="center"),
            Cell("예 산(억원)", header=True, align="center"),
        ]
    ]
    body = [
        [
            Cell("총 계", header=True, align="center"),
            _num(table.total_target),
            _num(table.total_achieved),
            _rate(table.total_rate),
            _won(table.total_budget, "억원"),
        ]
    ]
    for row in [*table.kinds, *table.groups]:
        body.append(
            [
                Cell(row.label, header=True, align="center"),
                _target_cell(row),
                _num(row.achieved),
                _rate(row.achievement_rate),
                _won(row.target.budget, "억원"),
            ]
        )
    return Table(
        title="대상별 목표와 실적",
        caption="직접·간접일자리와 사업대상별 일자리 목표, 실적, 달성률, 예산",
        header=header,
        body=body,
        unit_line=f"({yy}. {as_of.month}월말 기준)",
        notes=["※ 목표가 원자료에서 유실된 칸은 비워 두었습니다."]
        if any(r.target.target is None for r in table.groups)
        else [],
    )


def _programmes_table(table, yy: str, as_of: date) -> Table | None:
    parts = [(group, part) for group in table.groups for part in group.parts]
    if not parts:
        return None
    header = [
        [
            Cell("사업대상", header=True, align="center"),
            Cell("사 업 명", header=True, align="center"),
            Cell("실 적(개)", header=True, align="center"),
            Cell("집계일", header=True, align="center"),
        ]
    ]
    body = [
        [
            Cell(group.label, header=True, align="center"),
            Cell(part.target.programme.title if part.target.programme_id else part.label),
            _num(part.achieved),
            Cell(format_date(part.achieved_as_of) if part.achieved_as_of else "-", align="center"),  # the report style
        ]
        for group, part in parts
    ]
    return Table(
        title="사업별 실적",
        caption="참여 관리에서 집계한 사업별 일자리 실적(배치 인원)",
        header=header,
        body=body,
        unit_line=f"({yy}. {as_of.month}월말 기준, 참여 관리 자동 집계)",
    )


def _districts_table(user, first_day: date, last_day: date) -> Table | None:
    counts = placements_by_district(user=user, first_day=first_day, last_day=last_day)
    if not counts:
        return None
    programmes = list(dict.fromkeys((c.programme_code, c.programme_title) for c in counts))
    cell = {(c.district_code, c.programme_code): c.placements for c in counts}
    places = [(None, "서울시·기관")] + [(d.code, d.name) for d in district_choices()]
    header = [
        [
            Cell("자치구", header=True, align="center"),
            *[Cell(title, header=True, align="center") for _, title in programmes],
            Cell("계", header=True, align="center"),
        ]
    ]
    body = []
    totals = [0] * len(programmes)
    for code, name in places:
        values = [cell.get((code, programme), 0) for programme, _ in programmes]
        if not any(values):
            continue
        totals = [a + b for a, b in zip(totals, values, strict=True)]
        body.append([Cell(name, header=True, align="center"), *[_num(v) for v in values], _num(sum(values))])
    body.insert(0, [Cell("계", header=True, align="center"), *[_num(v) for v in totals], _num(sum(totals))])
    return Table(
        title="자치구별 직접일자리 참여 인원",
        caption="그달에 일한 직접일자리 참여자 수를 사업장 소재 자치구와 사업별로",
        header=header,
        body=body,
        unit_line=f"(단위 : 명, '{last_day:%y}.{last_day.month}월 중 근무)",
    )


def build_job_disclosure(*, user, year: int, as_of: date) -> Document:
    require(access_office_figures_view(user))
    as_of = min(month_end(as_of), date(year, 12, 31))
    first_day = as_of.replace(day=1)
    table = job_target_table(user=user, year=year, as_of=as_of)
    yy = f"'{year % 100:02d}"
    document = Document(
        title=f"{year}년 일자리 목표 공시 ({as_of.month}월 추진실적)",
        organisation="일자리노동정책관",
        date_text=f"{year}. {as_of.month}.",
        as_of_text=f"({yy}. {as_of.month}월말 기준)",
    )
    blocks = document.blocks
    blocks.append(Heading(1, "일자리 목표와 추진실적", "Ⅰ."))
    if not_set := jobs_not_set(table):
        blocks.append(Paragraph(f"{year}년 일자리 목표가 아직 정해지지 않았습니다({year}년 자료가 아직 없습니다)."))
    if table.total_target is not None:
        blocks.append(
            Item(
                f"{yy}년 일자리 목표 {format_number(table.total_target)}개 중 {format_number(table.total_achieved)}개 "
                f"달성({format_rate(table.total_rate)})",
                marker="□",
            )
        )
    for row in table.kinds:
        blocks.append(
            Item(
                f"{row.label} 목표 {format_number(row.target.target)}개 중 {format_number(row.achieved)}개 달성"
                f"({format_rate(row.achievement_rate)})",
                marker="-",
                level=1,
            )
        )
    if not not_set:
        blocks.append(_groups_table(table, yy, as_of))
    shown = [row for row in table.groups if row.target.target is not None or row.achieved]
    if shown:
        blocks.append(
            Chart(
                title="사업대상별 목표와 실적",
                caption="사업대상별 일자리 목표와 실적(개): "
                + ", ".join(f"{r.label} {format_number(r.target.target)}/{format_number(r.achieved)}" for r in shown),
                categories=[r.label for r in shown],
                series=[
                    Series("목표", [r.target.target for r in shown]),
                    Series("실적", [r.achieved for r in shown]),
                ],
                unit="개",
            )
        )
    blocks.append(Heading(1, "사업별·자치구별 실적", "Ⅱ."))
    programmes = _programmes_table(table, yy, as_of)
    districts = _districts_table(user, first_day, as_of)
    if programmes is None and districts is None:
        blocks.append(Paragraph("이 달에 참여 관리에서 집계한 사업별 실적이 없습니다."))
    blocks += [t for t in (programmes, districts) if t is not None]
    return document
