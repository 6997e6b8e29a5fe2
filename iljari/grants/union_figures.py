"""The 2018 report's figures of 서울지역 노동단체 지원 (P2-04), counted from the union agreements' sub-projects and
tranches (union_selectors.union_federation_figure) and registered with performance's record figures. The page where
an official keeps them is the unions' list (/grants/unions/)."""

from __future__ import annotations

from iljari.performance.record_figures import RecordFigure, record_figure_register

PAGE = "grants:union_list"

# (key, federation, what, label, unit)
UNION_FIGURES = (
    ("p2-04.fktu.budget", "fktu", "budget", "한국노총 지원 사업비(협약 시비)", "백만원"),
    ("p2-04.fktu.disbursed", "fktu", "disbursed", "한국노총 보조금 교부액(1월 1일부터 기준일까지)", "백만원"),
    ("p2-04.fktu.projects", "fktu", "projects", "한국노총 지원 세부사업 수(중단 제외)", "개"),
    ("p2-04.fktu.projects-running", "fktu", "projects_running", "한국노총 추진 중인 세부사업 수", "개"),
    ("p2-04.kctu.budget", "kctu", "budget", "민주노총 지원 사업비(협약 시비)", "백만원"),
    ("p2-04.kctu.projects", "kctu", "projects", "민주노총 지원 세부사업 수(중단 제외)", "개"),
)


def _counter(federation: str, what: str):
    def count(*, year, as_of):
        from iljari.grants.union_selectors import union_federation_figure

        return union_federation_figure(federation=federation, what=what, year=year, as_of=as_of)

    return count


FIGURES = tuple(
    RecordFigure(key=key, programme="P2-04", label=label, unit=unit, page=PAGE, count=_counter(federation, what))
    for key, federation, what, label, unit in UNION_FIGURES
)  # built once, so that registering again (a second ready()) registers the same figures


def union_figures_register() -> None:
    for figure in FIGURES:
        record_figure_register(figure)
