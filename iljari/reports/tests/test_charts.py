"""Charts in documents: the business report carries the dashboard's charts (budget execution by division, job targets
and achievements by target group) with the same figures as its tables; they are drawn as SVG for html and pdf and
as a PNG image (with the vendored Korean font) for hwpx. Expected figures are typed from the 2018 report."""

import io
from datetime import date

import pytest
from PIL import Image

from iljari.core.roles import Role
from iljari.reports.builders.business import build_business_report
from iljari.reports.charts import FONTS, chart_png, chart_svg
from iljari.reports.document import Chart, Series
from iljari.reports.renderers import render


@pytest.fixture
def report(personas, dataset_2018):
    return build_business_report(user=personas[Role.OFFICE_MANAGER], year=2018, as_of=date(2018, 6, 30))


def test_the_report_has_the_budget_and_jobs_charts_with_the_reports_figures(report):
    budget, jobs = report.charts()
    assert budget.categories == ["일자리정책담당관", "노동정책담당관", "사회적경제담당관"]
    assert [str(v) for v in budget.series[0].values] == ["53.5", "28.5", "59.6"]  # 집행률 (B/A)
    assert budget.unit == "%"
    targets = dict(zip(jobs.categories, jobs.series[0].values, strict=True))
    achieved = dict(zip(jobs.categories, jobs.series[1].values, strict=True))
    assert (targets["청년"], achieved["청년"]) == (76_692, 48_697)
    assert (targets["여성"], achieved["여성"]) == (70_924, 50_825)
    assert (targets["일반시민"], achieved["일반시민"]) == (27_618, 18_051)
    assert targets["중장년"] is None and achieved["중장년"] == 42_962  # the lost target cell stays missing
    assert "청년 76,692/48,697" in jobs.caption


def test_every_chart_sits_after_the_table_of_its_figures(report):
    blocks = report.blocks
    for chart in report.charts():
        before = blocks[: blocks.index(chart)]
        assert any(type(block).__name__ == "Table" for block in before[-2:])


def test_the_svg_names_every_category_and_value_and_escapes_text():
    chart = Chart(
        title="<집행률>",
        caption='집행률 "비교"',
        categories=["A&B", "C"],
        series=[Series("집행률", [52.2, None])],
        unit="%",
    )
    svg = chart_svg(chart)
    assert "&lt;집행률&gt;" in svg and "A&amp;B" in svg and "52.2%" in svg
    assert 'aria-label="집행률 &quot;비교&quot;"' in svg and 'role="img"' in svg
    assert "xmlns" not in svg and "http" not in svg  # embedded in html, loading nothing
    assert chart_svg(chart, standalone=True).startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert svg.count("<rect") == 1  # the missing figure draws no bar


def test_negative_figures_are_labelled_with_a_triangle():
    svg = chart_svg(Chart(title="증감", caption="증감", categories=["가"], series=[Series("증감", [-9])]))
    assert "△9" in svg


def test_the_png_is_drawn_with_the_vendored_font(report):
    assert (FONTS / "NotoSansKR-Regular.ttf").stat().st_size > 1_000_000
    assert (FONTS / "OFL.txt").read_text(encoding="utf-8").startswith("Copyright")
    data = chart_png(report.charts()[0])
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.size == (1280, 600)
    colours = {colour for _, colour in image.getcolors(maxcolors=1_000_000)}
    assert (0x25, 0x6E, 0xF4) in colours  # the bars are drawn


def test_html_draws_the_charts_and_text_formats_name_them(report):
    html = render(report, "html").decode()
    assert html.count('<figure class="chart"><svg') == 2 and "담당관별 예산 집행률" in html
    md = render(report, "md").decode()
    assert "*그림: 담당관별 예산 집행률* — 담당관별 예산 집행률(%): 일자리정책담당관 53.5%" in md
