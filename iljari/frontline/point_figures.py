"""The counts of the social economy's centres the 2018 report prints (Ⅲ 3-①), registered in performance's
record-figures registry (`performance.record_figures`): each computed from the centres' records as of a date by
`selectors.point_counts`, beside the printed number of the same key (demo/dataset/report2018_figures.py).

Not registered: the emotional-labour centre's counts (it opens in '18.8월; the report prints none) and the
취업날개 rentals (only a satisfaction survey in '18.11월 is printed); the youth job centre's counts are registered
apart (another change)."""

from __future__ import annotations

from iljari.frontline.selectors.points import POINT_FIGURES, point_counts
from iljari.performance.record_figures import RecordFigure, record_figure_register

# record-figure key → (the point_counts key, the point's code: its page keeps the records)
FIGURES = {
    "p3-01.coop.consultations": ("coop_consultations", "COOP-CENTRE"),
    "p3-01.coop.daily": ("coop_daily", "COOP-CENTRE"),
    "p3-01.coop.courses": ("coop_courses", "COOP-CENTRE"),
    "p3-01.coop.trainees": ("coop_trainees", "COOP-CENTRE"),
    "p3-01.coop.coaching": ("coop_coaching", "COOP-CENTRE"),
    "p3-01.coop.growth": ("coop_growth", "COOP-CENTRE"),
    "p3-01.centre.management": ("centre_management", "SE-CENTRE"),
    "p3-01.centre.academy": ("centre_academy", "SE-CENTRE"),
    "p3-01.centre.programmes": ("centre_programmes", "SE-CENTRE"),
}


def _counter(name: str):
    def count(*, year, as_of):
        return point_counts(year=year, as_of=as_of)[name]

    return count


# built once (the registry refuses a key registered again with another figure)
RECORD_FIGURES = [
    RecordFigure(
        key=key,
        programme="P3-01",
        label=POINT_FIGURES[name][0],
        unit=POINT_FIGURES[name][1],
        page="frontline:point_detail",
        page_kwargs={"code": point},
        count=_counter(name),
    )
    for key, (name, point) in FIGURES.items()
]


def register() -> None:
    for figure in RECORD_FIGURES:
        record_figure_register(figure)
