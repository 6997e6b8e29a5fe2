"""The list of the committees' page (core.lists): every committee with its kind, division, seats and meetings."""

from __future__ import annotations

from iljari.core.lists import Column, ListSpec, Sort

COMMITTEES = ListSpec(
    title="위원회 목록",
    search="위원회명 또는 코드",
    filters=("kind",),
    sorts=(
        Sort("code", "코드", ("code",)),
        Sort("name", "위원회명", ("name",)),
        Sort("division", "소관 부서", ("supervising_division__name",)),
        Sort("meetings", "회의 수", ("meeting_count",), numeric=True),
    ),
    default="code",
    columns=(
        Column("코드", lambda c: c.code),
        Column("위원회명", lambda c: c.name),
        Column("구분", lambda c: c.get_kind_display()),
        Column("근거", lambda c: c.legal_basis),
        Column("소관 부서", lambda c: c.supervising_division.name if c.supervising_division_id else ""),
        Column("관련 사업", lambda c: c.programme.title if c.programme_id else ""),
        Column("위촉직 정수", lambda c: c.appointed_seats, "int"),
        Column("당연직 정수", lambda c: c.ex_officio_seats, "int"),
        Column("임기(개월)", lambda c: c.term_months, "int"),
        Column("개최 주기", lambda c: c.cadence),
        Column("회의 수", lambda c: c.meeting_count, "int"),
    ),
)
