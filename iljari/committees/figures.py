"""The 2018 report's counts that committees' records give (performance.record_figures): the members of the 기술교육원
통합운영위원회 serving on the as-of date, by kind ("총 20명(위촉직 14명, 당연직 6)", Ⅲ 1-⑦ 추진현황)."""

from __future__ import annotations

from functools import cache

from iljari.committees.models import Member
from iljari.committees.selectors import members_serving_count

TRAINING_BOARD = "TRAINING-BOARD"  # 기술교육원 통합운영위원회


@cache  # once: a second ready() registers nothing new (a key registered twice with another count is refused)
def register() -> None:
    from iljari.performance.record_figures import RecordFigure, record_figure_register

    def serving(kind=None):
        return lambda *, year, as_of: members_serving_count(code=TRAINING_BOARD, as_of=as_of, kind=kind)

    for key, label, kind in (
        ("p1-07.committee", "통합운영위원회 위원 수", None),
        ("p1-07.committee.appointed", "통합운영위원회 위촉직", Member.Kind.APPOINTED),
        ("p1-07.committee.ex-officio", "통합운영위원회 당연직", Member.Kind.EX_OFFICIO),
    ):
        record_figure_register(
            RecordFigure(
                key=key,
                programme="P1-07",
                label=label,
                unit="명",
                page="committees:committee_detail",
                page_kwargs={"code": TRAINING_BOARD},
                count=serving(kind),
            )
        )
