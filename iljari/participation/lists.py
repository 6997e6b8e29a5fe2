"""The lists of participation's pages (core.lists): the worksites."""

from __future__ import annotations

from iljari.core.lists import Column, ListSpec, Sort


def _operator(worksite) -> str:
    parts = [worksite.get_operator_display()]
    parts += [x.name for x in (worksite.district, worksite.partner) if x is not None]
    return " · ".join(parts)


WORKSITES = ListSpec(
    title="사업장 목록",
    search="사업장·사업명",
    filters=("year", "programme"),
    sorts=(
        Sort("programme", "사업", ("programme__code", "code")),
        Sort("name", "사업장", ("name",)),
        Sort("places", "정원 / 배치", ("places", "placed"), numeric=True),
        Sort("total", "누적", ("total",), numeric=True),
    ),
    default="programme",
    columns=(
        Column("사업", lambda w: w.programme.title),
        Column("사업장 코드", lambda w: w.code),
        Column("사업장", lambda w: w.name),
        Column("운영 주체", _operator),
        Column("정원", lambda w: w.places, "int"),
        Column("배치", lambda w: w.placed, "int"),
        Column("누적", lambda w: w.total, "int"),
    ),
)
