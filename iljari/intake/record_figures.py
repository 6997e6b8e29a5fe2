"""The 2018 report's counts that intake's calls give (performance.record_figures), registered when the app starts:
the 서울형 강소기업 call's funnel (Ⅲ 1-①: 접수 541개 → 서면심사 241개 통과, 선정계획 100개) and the New Deal's first
joint call (Ⅲ 1-③: 944명 모집, 6,617명 지원).

The call is the year's first call of the programme opened by the as-of day; the counts are `selectors.call_funnel`
and `selectors.call_figures` (its applications and quotas as they stand: a call's funnel has no date of its own).
"(면접) 100개 선정(예정)" is a plan on '18.6.30. (the interviews were 7.17.–18.): the call's quota (선정계획) is
registered, not its selection.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from iljari.intake.models import Call
from iljari.intake.selectors import call_figures, call_funnel


def first_call(programme: str, year: int, as_of: date) -> Call | None:
    return (
        Call.objects.filter(
            programme__code=programme, programme__objective__vision__year=year, opens_at__date__lte=as_of
        )
        .order_by("opens_at", "pk")
        .first()
    )


def _funnel(programme: str, name: str):
    def count(*, year: int, as_of: date) -> int | None:
        call = first_call(programme, year, as_of)
        return None if call is None else getattr(call_funnel(call=call), name)

    return count


def _figures(programme: str, name: str):
    def count(*, year: int, as_of: date) -> int | None:
        call = first_call(programme, year, as_of)
        return None if call is None else getattr(call_figures(call=call), name)

    return count


@cache  # once: a second ready() registers nothing new (a key registered twice with another count is refused)
def register() -> None:
    from iljari.performance.record_figures import RecordFigure, record_figure_register

    def figure(programme, key, label, unit, count):
        record_figure_register(
            RecordFigure(key=key, programme=programme, label=label, unit=unit, page="intake:call_list", count=count)
        )

    figure("P1-01", "p1-01.call.applied", "강소기업 공모 접수", "개", _funnel("P1-01", "applied"))
    figure(
        "P1-01", "p1-01.call.documents", "강소기업 공모 서면심사 통과", "개", _funnel("P1-01", "passed_document_review")
    )
    figure("P1-01", "p1-01.call.planned", "강소기업 선정계획", "개", _figures("P1-01", "places"))
    figure("P1-03", "p1-03.first-call.quota", "뉴딜일자리 1차 통합모집 인원", "명", _figures("P1-03", "places"))
    figure("P1-03", "p1-03.first-call.applied", "뉴딜일자리 1차 통합모집 지원자", "명", _figures("P1-03", "applicants"))
