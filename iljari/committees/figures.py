"""The 2018 report's counts that committees' records give (performance.record_figures): the members of the 기술교육원
통합운영위원회 serving on the as-of date, by kind ("총 20명(위촉직 14명, 당연직 6)", Ⅲ 1-⑦ 추진현황), and the local
governments among the members of the SIB 지방정부협의회 ("18개 지자체 및 행정안전부", Ⅲ 3-④): members whose
affiliation is 지방자치단체."""

from __future__ import annotations

from functools import cache

from iljari.committees.models import Member
from iljari.committees.selectors import members_serving_count

TRAINING_BOARD = "TRAINING-BOARD"  # 기술교육원 통합운영위원회
SIB_COUNCIL = "SIB-LOCAL-COUNCIL"  # 사회성과보상사업 지방정부협의회
LOCAL_GOVERNMENT = "지방자치단체"  # the affiliation of a member government that is local


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
    record_figure_register(
        RecordFigure(
            key="p3-04.council.local-governments",
            programme="P3-04",
            label="사회성과보상사업 지방정부협의회 회원 지자체",
            unit="개",
            page="committees:committee_detail",
            page_kwargs={"code": SIB_COUNCIL},
            count=lambda *, year, as_of: members_serving_count(
                code=SIB_COUNCIL, as_of=as_of, affiliation=LOCAL_GOVERNMENT
            ),
        )
    )
