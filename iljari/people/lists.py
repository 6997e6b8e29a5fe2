"""The lists of people's pages (core.lists): the persons the office holds."""

from __future__ import annotations

from iljari.core.lists import Column, ListSpec, Sort

PEOPLE = ListSpec(
    title="사람 목록",
    search="이름",
    search_param="name",
    sorts=(
        Sort("name", "이름", ("name",)),
        Sort("birth", "생년월일", ("birth_date",)),
        Sort("district", "거주 자치구", ("district__name",)),
        Sort("registered", "등록일", ("created_at",)),
    ),
    default="name",
    export="people",
    columns=(
        Column("이름", lambda p: p.name),
        Column("주민등록번호", lambda p: p.rrn_masked),
        Column("생년월일", lambda p: p.birth_date, "date"),
        Column("거주 자치구", lambda p: p.district.name if p.district_id else ""),
        Column("연락처", lambda p: p.phone),
        Column("등록일", lambda p: p.created_at, "datetime"),
    ),
)
