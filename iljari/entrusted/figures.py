"""The counts the 2018 report prints about the entrusted facilities, computed from the records as of a date and
registered with performance.record_figures (each key equals the printed figure's key in
demo/dataset/report2018_figures.py FIGURES):

- p1-07.institutes — "4개 기술교육원 현황": the 기술교육원 with a contract in force on the day (4)
- p1-07.institutes.renewal — "동·북·남부 기술교육원 민간위탁 동의안 시의회 상정": the 기술교육원 whose contract in
  force ends within a year of the day, the ones whose renewal the report plans (동·북·남부: 3; 중부's runs to '20.2.28.)
- p3-01.budget.tailored.centre — "사회적경제지원센터 4,937백만원": the year's budget of the 사회적경제지원센터's
  contracts, in 백만원
"""

from __future__ import annotations

from iljari.entrusted.selectors import entrusted_figures
from iljari.performance.record_figures import RecordFigure, record_figure_register

PAGE = "entrusted:facility_list"


def _institutes(*, year, as_of):
    return entrusted_figures(year=year, as_of=as_of).institutes


def _renewal(*, year, as_of):
    return entrusted_figures(year=year, as_of=as_of).institutes_ending


def _centre_budget(*, year, as_of):
    won = entrusted_figures(year=year, as_of=as_of).social_economy_centre_budget
    return None if won is None else won // 1_000_000


def figures_register() -> None:
    record_figure_register(
        RecordFigure(
            key="p1-07.institutes",
            programme="P1-07",
            label="위탁 운영 중인 기술교육원",
            unit="개",
            page=PAGE,
            count=_institutes,
        )  # fmt: skip
    )
    record_figure_register(
        RecordFigure(
            key="p1-07.institutes.renewal",
            programme="P1-07",
            label="1년 안에 위탁기간이 끝나는 기술교육원",
            unit="개",
            page="entrusted:ending_list",
            count=_renewal,
        )  # fmt: skip
    )
    record_figure_register(
        RecordFigure(
            key="p3-01.budget.tailored.centre",
            programme="P3-01",
            label="사회적경제지원센터 예산",
            unit="백만원",
            page=PAGE,
            count=_centre_budget,
        )  # fmt: skip
    )
