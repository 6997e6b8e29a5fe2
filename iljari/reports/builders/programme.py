"""A one-page summary of one programme (사업 요약): its purposes, overview and budget as the business report prints
them, its budget execution from its own budget lines, its milestones done and planned, and the figures the other
modules keep for it — job achievements, calls and their competition, people placed and the employment rate."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from iljari.core.access import access_office_figures_view, require
from iljari.core.formats import format_date
from iljari.finance.selectors import budget_line_list, lines_execution
from iljari.intake.selectors import call_figures, call_list
from iljari.participation.selectors import employment_rates
from iljari.performance.selectors import job_target_table
from iljari.plan.selectors import programme_get
from iljari.reports.builders.business import programme_blocks
from iljari.reports.builders.cells import number_cell, rate_cell, won_cell
from iljari.reports.document import Cell, Chart, Document, Heading, Series, Table


def _budget(user, programme, year: int, as_of: date) -> list:
    """The programme's own budget lines; where none is linked to it (the 2018 report keeps execution by division),
    its division's, and the title says so."""
    lines = [line.pk for line in programme.budget_lines.all() if line.year == year]
    title = "예산 집행"
    if not lines:
        lines = [line.pk for line in budget_line_list(user=user, year=year, unit_path=programme.division.path)]
        title = f"예산 집행({programme.division.name} 전체)"
    if not lines:
        return []
    row = lines_execution(user=user, line_ids=lines, year=year, as_of=as_of)
    header = [[Cell(text, header=True, align="center") for text in ("예산현액", "원인행위액", "지출액", "집행률")]]
    body = [
        [
            won_cell(row.current_budget, "백만원"),
            won_cell(row.committed, "백만원"),
            won_cell(row.spent, "백만원"),
            rate_cell(row.execution_rate),
        ]
    ]
    return [
        Table(
            title=f"□ {title}",
            caption=f"{title}: 예산현액, 원인행위액, 지출액, 집행률",
            header=header,
            body=body,
            unit_line=f"(단위 : 백만원, {format_date(as_of)} 기준)",
        ),
    ]


def _calls(user, programme, as_of: date) -> list:
    """The programme's calls opened by the as-of date (a later call is not yet in a report of that date)."""
    calls = [
        c for c in call_list(user=user) if c.programme_id == programme.pk and timezone.localdate(c.opens_at) <= as_of
    ]
    if not calls:
        return []
    header = [[Cell(text, header=True, align="center") for text in ("모집", "인원", "신청", "경쟁률", "선발")]]
    body = []
    categories, places, applicants = [], [], []
    for call in sorted(calls, key=lambda c: c.opens_at):
        figures = call_figures(call=call)
        selected = sum(q.selected for q in figures.quotas)
        body.append(
            [
                Cell(call.title, header=True),
                number_cell(figures.places),
                number_cell(figures.applicants),
                Cell(figures.ratio, align="right"),
                number_cell(selected),
            ]
        )
        categories.append(call.title)
        places.append(figures.places)
        applicants.append(figures.applicants)
    blocks = [
        Table(
            title="□ 모집과 선발",
            caption="이 사업의 모집공고별 인원, 신청, 경쟁률, 선발",
            header=header,
            body=body,
        ),
    ]
    if 2 <= len(body) <= 6:  # one call's two bars say nothing the row does not
        blocks.append(
            Chart(
                title="모집 인원과 신청",
                caption="모집공고별 모집 인원과 신청 인원: "
                + ", ".join(f"{c} {p}/{a}" for c, p, a in zip(categories, places, applicants, strict=True)),
                categories=[c if len(c) <= 14 else c[:13] + "…" for c in categories],
                series=[Series("모집", places), Series("신청", applicants)],
                unit="명",
            )
        )
    return blocks


def _jobs(user, programme, year: int, as_of: date) -> list:
    table = job_target_table(user=user, year=year, as_of=as_of)
    parts = [part for group in table.groups for part in group.parts if part.target.programme_id == programme.pk]
    rates = [r for r in employment_rates(user=user, year=year - 1) if r.programme_code == programme.code]
    if not parts and not rates:
        return []
    header = [[Cell(text, header=True, align="center") for text in ("구 분", "값", "기준")]]
    body = [
        [
            Cell(f"일자리 실적({part.label})", header=True),
            number_cell(part.achieved),
            Cell(format_date(part.achieved_as_of)),
        ]
        for part in parts
    ]
    body += [
        [
            Cell(f"취업률({year - 1}년 종료 {rate.ended:,}명 중 {rate.employed:,}명)", header=True),
            rate_cell(rate.rate),
            Cell(f"{year - 1}년"),
        ]
        for rate in rates
    ]
    return [
        Table(
            title="□ 일자리 실적과 취업률",
            caption="이 사업의 일자리 실적(배치)과 전년도 취업률",
            header=header,
            body=body,
        ),
    ]


def build_programme_sheet(*, user, year: int, as_of: date, subject: str) -> Document:
    require(access_office_figures_view(user))
    programme = programme_get(user=user, code=subject)
    document = Document(
        title=f"{programme.title}",
        organisation=f"{programme.division.name} · {programme.code}",
        date_text=f"{year}. {as_of.month}.",
        as_of_text=f"({format_date(as_of)} 기준)",
        cover=False,  # one page: the title heads it
    )
    blocks = document.blocks
    # the programme's own heading ("③ 뉴딜일자리 …") repeats the title that heads the page
    blocks += [b for b in programme_blocks(programme) if not (isinstance(b, Heading) and b.text == programme.title)]
    blocks += _budget(user, programme, year, as_of)
    blocks += _calls(user, programme, as_of)
    blocks += _jobs(user, programme, year, as_of)
    return document
