"""The registry of the figures the system shows, each with every surface that shows it.

A figure (`call.places`, `budget.spent`, …) is one number about one thing (its key: a call's code, a division's code,
`total`). A surface is one place a user reads it: a page (HTML, the cell marked `data-figure="<figure>"
data-key="<key>"`), an API answer, an xlsx or csv export, or one of the business report's files (md, html, xlsx, pdf,
hwpx). Each surface reads the figure the way its user does (figure_readers.py) and says in which unit it writes it
(`unit`: 1 for exact, 1,000,000 for 백만원); test_figures_consistency.py reads every surface of every figure over the
datasets and asserts they agree.

A page that marks a figure must be a surface of it here: the completeness test walks the URL conf and fails on a
marked page that is not registered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from iljari.core.tests.figure_readers import (
    html_figure,
    html_figures,
    hwpx_text,
    md_table_rows,
    number,
    pdf_text,
    row_value,
    xlsx_rows,
    xlsx_sheets,
)


@dataclass
class FigureContext:
    """One dataset seen by one user (the office manager): the period, the client, and every answer read once."""

    name: str
    client: object
    year: int
    as_of: date
    _answers: dict = field(default_factory=dict)

    @property
    def period(self) -> str:
        return f"year={self.year}&as_of={self.as_of.isoformat()}"

    def get(self, path: str) -> bytes:
        if path not in self._answers:
            response = self.client.get(path)
            assert response.status_code == 200, f"{path}: {response.status_code}"
            self._answers[path] = b"".join(response.streaming_content) if response.streaming else response.content
        return self._answers[path]

    def json(self, path: str):
        import json

        return json.loads(self.get(path))

    def report(self, fmt: str) -> bytes:
        return self.get(f"/office/business/?{self.period}&format={fmt}")

    @cached_property
    def report_texts(self) -> dict[str, str]:
        html = re.sub(r"<[^>]+>", " ", self.report("html").decode())
        import html as html_module

        return {
            "md": self.report("md").decode(),
            "html": html_module.unescape(html),
            "pdf": pdf_text(self.report("pdf")),
            "hwpx": hwpx_text(self.report("hwpx")),
        }


@dataclass(frozen=True)
class Surface:
    name: str  # e.g. "page finance:budget", "api /api/finance/budget", "report pdf"
    read: Callable[[FigureContext, str], Decimal | None]
    unit: int = 1  # one written unit in the figure's own unit (백만원 of 원: 1,000,000)
    url_name: str = ""  # a page's URL name, for the completeness test
    path: Callable[[FigureContext, str], str] | None = None  # a page's address for a key


@dataclass(frozen=True)
class Figure:
    name: str
    label: str
    keys: Callable[[FigureContext], list[str]]
    surfaces: tuple[Surface, ...]
    datasets: tuple[str, ...] = ("demo2018", "small-1", "small-2")  # where the data has the figure


# --- readers shared by several figures ---------------------------------------------------------------------------


def page(
    url_name: str, path: Callable[[FigureContext, str], str], figure: str, unit: int = 1, *, absent_is_none=False
) -> Surface:
    """A page's marked cell. `absent_is_none`: the page leaves out a figure that has no value (the programme's
    소요예산 line, an indicator's value not yet entered) instead of writing `-`."""

    def read(ctx, key):
        html = ctx.get(path(ctx, key))
        if absent_is_none and (figure, key) not in html_figures(html):
            return None
        return html_figure(html, figure, key)

    return Surface(
        f"page {url_name}",
        read,
        unit=unit,
        url_name=url_name,
        path=path,
    )


_NUMBER_TOKEN = re.compile(r"△?-?\d[\d,]*(?:\.\d+)?%?")


def text_row(text: str, caption: str, label: str, position: int) -> Decimal | None:
    """In a report's text (md, html, pdf, hwpx), after the table's caption, the `position`-th number of the first
    row whose label is `label` (the label's words followed by a number, the way the row reads)."""
    start = text.find(caption)
    assert start >= 0, f"no {caption!r} in the report"
    tokens = [t for t in re.split(r"[\s|]+", text[start + len(caption) :]) if t]
    words = label.split()
    for i in range(len(tokens) - len(words)):
        if tokens[i : i + len(words)] == words:
            rest = tokens[i + len(words) :]
            numbers = []
            for token in rest:
                if _NUMBER_TOKEN.fullmatch(token) or token == "-":
                    numbers.append(token)
                elif numbers or token not in ("", "-"):
                    break
            if len(numbers) > position:
                return number(numbers[position])
    raise AssertionError(f"no row {label!r} after {caption!r}")


def _unit_name(ctx: FigureContext, key: str) -> str:
    from iljari.org.models import OrgUnit

    return "계" if key == "total" else OrgUnit.objects.get(code=key).name


def _md_row(ctx, caption, label, column, label_index=0):
    text = ctx.report_texts["md"]
    rows = md_table_rows(text[text.index(caption) :])
    header = rows[0]
    index = header.index(column)
    for row in rows:
        if row[label_index] == label:
            return number(row[index])
    raise AssertionError(f"no md row {label!r} in {caption!r}")


def _report_sheet_row(ctx, sheet, label, column, label_index=0):
    rows = xlsx_sheets(ctx.report("xlsx"))[sheet]
    header = next(r for r in rows if column in r)
    index = header.index(column)
    found = [r for r in rows if r and r[label_index] == label]
    assert found, f"no row {label!r} in sheet {sheet!r}"
    return number(found[0][index])


def report_surfaces(caption, sheet, column, position, label) -> tuple[Surface, ...]:
    """The business report's five files: md (its table's cells), html, pdf and hwpx (the row's text) and xlsx (the
    table's own sheet)."""
    unit = 1_000_000 if "백만원" in caption or column.startswith(("예산현액", "원인행위", "지출액")) else 1
    surfaces = [
        Surface("report md", lambda ctx, key: _md_row(ctx, caption, label(ctx, key), column), unit=unit),
        Surface("report xlsx", lambda ctx, key: _report_sheet_row(ctx, sheet, label(ctx, key), column), unit=unit),
    ]
    for fmt in ("html", "pdf", "hwpx"):
        surfaces.append(
            Surface(
                f"report {fmt}",
                lambda ctx, key, fmt=fmt: text_row(ctx.report_texts[fmt], caption, label(ctx, key), position),
                unit=unit,
            )
        )
    return tuple(surfaces)


# --- the figures -------------------------------------------------------------------------------------------------


def _budget_keys(ctx):
    return ["total", *[row["unit"] for row in ctx.json(f"/api/finance/budget?{ctx.period}")["rows"] if row["unit"]]]


def _api_budget(field_name):
    def read(ctx, key):
        rows = ctx.json(f"/api/finance/budget?{ctx.period}")["rows"]
        return number([r for r in rows if (r["unit"] or "total") == key][0][field_name])

    return read


def _programme_export(ctx, key):
    """The programme sheet: one row per programme, its code and 소요예산(원)."""
    rows = xlsx_rows(ctx.get(f"/plan/programmes/export.xlsx?year={ctx.year}"))
    header = next(r for r in rows if "소요예산(원)" in r)
    code, budget = header.index("코드"), header.index("소요예산(원)")
    return row_value(rows[rows.index(header) + 1 :], lambda row: row[code] == key, budget)


def _budget_export(column):
    """The export has one row per budget line, named by its unit (a division or one of its teams): a division's figure
    is the sum of the rows of the units under it, the total the sum of every row."""

    def read(ctx, key):
        from iljari.org.models import OrgUnit

        rows = xlsx_rows(ctx.get(f"/finance/budget/export.xlsx?{ctx.period}"))
        header = next(r for r in rows if column in r)
        index, unit_index = header.index(column), header.index("부서")
        paths = dict(OrgUnit.objects.values_list("name", "path"))
        under = "" if key == "total" else OrgUnit.objects.get(code=key).path
        body = [r for r in rows[rows.index(header) + 1 :] if r[index] is not None]
        return sum((Decimal(r[index]) for r in body if paths[r[unit_index]].startswith(under)), Decimal(0))

    return read


def _budget_figure(name, label, api_field, export_column, report_column, position):
    return Figure(
        name,
        label,
        _budget_keys,
        (
            page("finance:budget", lambda ctx, key: f"/finance/budget/?{ctx.period}", name, unit=1_000_000),
            page("finance:budget_record", lambda ctx, key: f"/finance/budget/record/?{ctx.period}", name, 1_000_000),
            page("finance:budget_import", lambda ctx, key: f"/finance/budget/import/?{ctx.period}", name, 1_000_000),
            page("reports:dashboard", lambda ctx, key: f"/office/?{ctx.period}", name, unit=1_000_000),
            Surface("api /api/finance/budget", _api_budget(api_field)),
            Surface("xlsx finance:budget_export", _budget_export(export_column)),
            *report_surfaces("예산 집행 현황", "예산 집행 현황", report_column, position, _unit_name),
        ),
    )


def _staffing_keys(ctx):
    return ["total", *[row["unit"] for row in ctx.json("/api/finance/staffing")["rows"] if row["unit"]]]


def _api_staffing(field_name):
    def read(ctx, key):
        rows = ctx.json("/api/finance/staffing")["rows"]
        return number([r for r in rows if (r["unit"] or "total") == key][0][field_name])

    return read


def _staffing_figure(name, label, api_field, report_column, position):
    return Figure(
        name,
        label,
        _staffing_keys,
        (
            page("finance:staffing", lambda ctx, key: "/finance/staffing/", name),
            Surface("api /api/finance/staffing", _api_staffing(api_field)),
            *report_surfaces("인력 현황", "인력 현황", report_column, position, _unit_name),
        ),
    )


JOB_LABELS = {"total": "총 계", "direct": "직접일자리", "indirect": "간접일자리"}


def _api_jobs(field_name):
    def read(ctx, key):
        answer = ctx.json(f"/api/performance/jobs?{ctx.period}")
        if key == "total":
            return number(answer[f"total_{field_name}"])
        return number([k for k in answer["kinds"] if k["key"] == key][0][field_name])

    return read


def _job_export(column):
    def read(ctx, key):
        rows = xlsx_rows(ctx.get(f"/performance/jobs/export.xlsx?{ctx.period}"))
        header = next(r for r in rows if "구분코드" in r)
        index, code = header.index(column), header.index("구분코드")
        body = [r for r in rows[rows.index(header) + 1 :] if r[code]]
        if key == "total":  # the total is the direct and indirect kinds', as the report adds it
            body = [r for r in body if r[code] in ("direct", "indirect")]
        else:
            body = [r for r in body if r[code] == key]
        return sum((Decimal(r[index] or 0) for r in body), Decimal(0))

    return read


def _jobs_figure(name, label, api_field, export_column, report_column, position):
    return Figure(
        name,
        label,
        lambda ctx: ["total", "direct", "indirect"],
        (
            page("performance:jobs", lambda ctx, key: f"/performance/jobs/?{ctx.period}", name),
            page("performance:job_record", lambda ctx, key: f"/performance/jobs/record/?{ctx.period}", name),
            page("performance:job_import", lambda ctx, key: f"/performance/jobs/import/?{ctx.period}", name),
            page("reports:dashboard", lambda ctx, key: f"/office/?{ctx.period}", name),
            Surface("api /api/performance/jobs", _api_jobs(api_field)),
            Surface("xlsx performance:job_export", _job_export(export_column)),
            Surface("report md", lambda ctx, key: _md_row(ctx, "일자리 창출 목표**", JOB_LABELS[key], report_column)),
            Surface(
                "report xlsx",
                lambda ctx, key: _report_sheet_row(ctx, "일자리 창출 목표", JOB_LABELS[key], report_column),
            ),
        ),
    )


def _indicator_keys(ctx):
    return [
        f"{row['code']}:{value['year']}"
        for row in ctx.json(f"/api/performance/indicators?{ctx.period}")
        for value in row["years"]
        if value["year"] == ctx.year
    ]


def _api_indicator(kind):
    def read(ctx, key):
        code, year = key.split(":")
        row = [r for r in ctx.json(f"/api/performance/indicators?{ctx.period}") if r["code"] == code][0]
        return number([v for v in row["years"] if v["year"] == int(year)][0][kind])

    return read


def _indicator_figure(kind, label):
    name = f"indicator.{kind}"
    return Figure(
        name,
        label,
        _indicator_keys,
        (
            page("performance:indicators", lambda ctx, key: f"/performance/indicators/?{ctx.period}", name),
            page(
                "performance:indicator_record", lambda ctx, key: f"/performance/indicators/record/?{ctx.period}", name
            ),
            page(
                "performance:indicator_import", lambda ctx, key: f"/performance/indicators/import/?{ctx.period}", name
            ),
            page(
                "performance:indicator_definition_import",
                lambda ctx, key: f"/performance/indicators/targets/import/?{ctx.period}",
                name,
            ),
            page(
                "performance:indicator_detail",
                lambda ctx, key: f"/performance/indicators/{key.split(':')[0]}/",
                name,
                absent_is_none=True,
            ),
            Surface(f"api /api/performance/indicators ({kind})", _api_indicator(kind)),
            *(_indicator_report_surfaces() if kind == "target" else ()),
        ),
    )


def _indicator_name(ctx, key):
    code = key.split(":")[0]
    return [r for r in ctx.json(f"/api/performance/indicators?{ctx.period}") if r["code"] == code][0]["name"]


def _indicator_report_surfaces() -> tuple[Surface, ...]:
    """The report's 주요 정책지표 table: up to the year before the report's, actuals; from its year on, targets
    (the report says so under the table): the year's own column is the target."""
    return (
        Surface(
            "report md",
            lambda ctx, key: _md_row(ctx, "주요 정책지표**", _indicator_name(ctx, key), key.split(":")[1], 1),
        ),
        Surface(
            "report xlsx",
            lambda ctx, key: _report_sheet_row(ctx, "주요 정책지표", _indicator_name(ctx, key), key.split(":")[1], 1),
        ),
    )


def _call_keys(ctx):
    return [row["code"] for row in ctx.json("/api/intake/calls")]


def _programme_keys(ctx):
    return [row["code"] for row in ctx.json(f"/api/plan/years/{ctx.year}/programmes")]


def _worksite_keys(ctx):
    from iljari.participation.models import Worksite

    return list(Worksite.objects.order_by("code").values_list("code", flat=True)[:20])


def _course_keys(ctx):
    from iljari.participation.models import TrainingCourse as Course

    return list(Course.objects.order_by("code").values_list("code", flat=True)[:20])


def _loan_keys(ctx):
    from iljari.fund.models import Loan

    return list(Loan.objects.filter(disbursed_on__isnull=False).order_by("number").values_list("number", flat=True))


def _worksite_list_path(ctx, key):
    from iljari.participation.models import Worksite

    year = Worksite.objects.select_related("programme__objective__vision").get(code=key).programme.objective.vision.year
    return f"/participation/?q={key}&year={year}"


def _institute_path(ctx, key):
    from iljari.participation.models import TrainingCourse as Course

    return f"/participation/training/{Course.objects.get(code=key).institute.code}/?year={ctx.year}"


def _loans_outstanding(ctx, key):
    return sum(
        (number(ctx.json(f"/api/fund/loans/{n}?as_of={ctx.as_of}")["outstanding"]) for n in _loan_keys(ctx)),
        Decimal(0),
    )


def _payroll_keys(ctx):
    from iljari.participation.models import Payment

    pairs = (
        Payment.objects.values_list("placement__worksite__code", "month")
        .distinct()
        .order_by("placement__worksite__code", "month")[:6]
    )
    return [f"{code}:{month:%Y-%m}" for code, month in pairs]


def _payroll_sheet(ctx, key) -> list[list]:
    code, month = key.split(":")
    path = f"/participation/worksites/{code}/payroll.xlsx?month={month}"
    if path not in ctx._answers:  # a personal download: the purpose and the reason, posted as its user does
        response = ctx.client.post(path, {"purpose": "payment", "reason": "급여 지급 결재 확인"})
        assert response.status_code == 200, f"{path}: {response.status_code}"
        ctx._answers[path] = response.content
    return xlsx_rows(ctx._answers[path])


def _payroll_sheet_total(ctx, key):
    rows = _payroll_sheet(ctx, key)
    header = next(r for r in rows if "지급 총액" in r)
    return number([r for r in rows if "합계" in r][0][header.index("지급 총액")])


def _payroll_sheet_rows_summed(ctx, key):
    rows = _payroll_sheet(ctx, key)
    header = next(r for r in rows if "지급 총액" in r)
    people = [r for r in rows[rows.index(header) + 1 :] if isinstance(r[0], int)]
    return sum((Decimal(r[header.index("지급 총액")]) for r in people), Decimal(0))


FIGURES: tuple[Figure, ...] = (
    Figure(
        "call.places",
        "모집공고 인원",
        _call_keys,
        (
            page("intake:call_list", lambda ctx, key: "/intake/", "call.places"),
            page("intake:call_detail", lambda ctx, key: f"/intake/calls/{key}/", "call.places"),
            Surface(
                "api /api/intake/calls",
                lambda ctx, key: number({r["code"]: r["places"] for r in ctx.json("/api/intake/calls")}[key]),
            ),
            Surface(
                "api /api/intake/calls/{code}", lambda ctx, key: number(ctx.json(f"/api/intake/calls/{key}")["places"])
            ),
        ),
    ),
    Figure(
        "call.applicants",
        "모집공고 신청자",
        _call_keys,
        (
            page("intake:call_detail", lambda ctx, key: f"/intake/calls/{key}/", "call.applicants"),
            Surface(
                "api /api/intake/calls/{code}",
                lambda ctx, key: number(ctx.json(f"/api/intake/calls/{key}")["applicants"]),
            ),
        ),
    ),
    Figure(
        "worksite.places",
        "사업장 정원",
        _worksite_keys,
        (
            page("participation:worksite_list", _worksite_list_path, "worksite.places"),
            page(
                "participation:worksite_detail", lambda ctx, key: f"/participation/worksites/{key}/", "worksite.places"
            ),
        ),
    ),
    Figure(
        "worksite.placed",
        "사업장 배치 인원(참여 중)",
        _worksite_keys,
        (
            page("participation:worksite_list", _worksite_list_path, "worksite.placed"),
            page(
                "participation:worksite_detail", lambda ctx, key: f"/participation/worksites/{key}/", "worksite.placed"
            ),
        ),
    ),
    Figure(
        "programme.budget",
        "주요업무 소요예산",
        _programme_keys,
        (
            page("plan:overview", lambda ctx, key: f"/plan/?year={ctx.year}", "programme.budget", unit=1_000_000),
            page(
                "plan:programme_detail",
                lambda ctx, key: f"/plan/programmes/{key}/",
                "programme.budget",
                unit=1_000_000,
                absent_is_none=True,
            ),
            Surface(
                "api /api/plan/programmes/{code}",
                lambda ctx, key: number(ctx.json(f"/api/plan/programmes/{key}")["budget"]),
            ),
            page(
                "plan:programme_import",  # the upload page is the list with the upload form
                lambda ctx, key: f"/plan/programmes/import/?year={ctx.year}",
                "programme.budget",
                unit=1_000_000,
            ),
            Surface("xlsx plan:programme_export", _programme_export),
        ),
    ),
    _budget_figure("budget.current_budget", "예산현액", "current_budget", "예산현액(원)", "예산현액 (A)", 0),
    _budget_figure("budget.spent", "지출액", "spent", "지출액(원)", "지출액 (B)", 2),
    _staffing_figure("staffing.authorized", "정원", "authorized", "정 원", 0),
    _staffing_figure("staffing.current", "현원", "current", "현 원", 1),
    _jobs_figure("jobs.target", "일자리 목표", "target", "목표(개)", "목 표(개)", 0),
    _jobs_figure("jobs.achieved", "일자리 실적", "achieved", "실적(개)", "실 적(개)", 1),
    _indicator_figure("target", "정책지표 목표"),
    _indicator_figure("actual", "정책지표 실적"),
    Figure(
        "payroll.total",
        "사업장 월 급여 지급 총액",
        _payroll_keys,
        (
            page(
                "participation:worksite_detail",
                lambda ctx, key: "/participation/worksites/{}/?month={}".format(*key.split(":")),
                "payroll.total",
            ),
            Surface("xlsx participation:payroll_sheet (합계)", _payroll_sheet_total),
            Surface("xlsx participation:payroll_sheet (rows summed)", _payroll_sheet_rows_summed),
        ),
        datasets=("demo2018",),  # the generator writes work records, not pay
    ),
    Figure(
        "course.capacity",
        "훈련과정 정원",
        _course_keys,
        (
            page("participation:training_institute", _institute_path, "course.capacity"),
            page(
                "participation:training_course",
                lambda ctx, key: f"/participation/training/courses/{key}/",
                "course.capacity",
            ),
        ),
        datasets=("demo2018",),
    ),
    Figure(
        "loan.outstanding",
        "융자 채권잔액",
        _loan_keys,
        (
            page("fund:loan_detail", lambda ctx, key: f"/fund/loans/{key}/?as_of={ctx.as_of}", "loan.outstanding"),
            Surface(
                "api /api/fund/loans/{number}",
                lambda ctx, key: number(ctx.json(f"/api/fund/loans/{key}?as_of={ctx.as_of}")["outstanding"]),
            ),
        ),
    ),
    Figure(
        "loan.principal",
        "융자 원금",
        _loan_keys,
        (
            page("fund:loan_list", lambda ctx, key: f"/fund/?q={key}", "loan.principal"),
            Surface(
                "api /api/fund/loans/{number}",
                lambda ctx, key: number(ctx.json(f"/api/fund/loans/{key}?as_of={ctx.as_of}")["principal"]),
            ),
        ),
    ),
    Figure(
        "fund.outstanding",
        "사회투자기금 채권잔액(계)",
        lambda ctx: ["total"],
        (
            page(
                "fund:portfolio", lambda ctx, key: f"/fund/portfolio/?as_of={ctx.as_of}", "fund.outstanding", 1_000_000
            ),
            Surface(
                "api /api/fund/portfolio",
                lambda ctx, key: number(ctx.json(f"/api/fund/portfolio?as_of={ctx.as_of}")["outstanding"]),
            ),
            Surface("api /api/fund/loans/{number} summed", _loans_outstanding),
        ),
    ),
)

FIGURES_BY_NAME = {figure.name: figure for figure in FIGURES}


def registered_pages() -> dict[str, set[str]]:
    """figure -> the URL names of the pages registered as showing it."""
    return {f.name: {s.url_name for s in f.surfaces if s.url_name} for f in FIGURES}
