"""The lists of the enterprises' pages (core.lists): the organisations."""

from __future__ import annotations

from iljari.core.lists import Column, ListSpec, Sort

ORGANISATIONS = ListSpec(
    title="기업·단체 목록",
    filters=("q", "kind", "certification", "district_code"),  # OrganisationFilterForm's
    sorts=(
        Sort("name", "기관명", ("name",)),
        Sort("kind", "구분", ("kind",)),
        Sort("district", "소재 자치구", ("district__name",)),
        Sort("employees", "상시근로자", ("employees",), numeric=True),
    ),
    default="name",
    columns=(
        Column("기관명", lambda o: o.name),
        Column("구분", lambda o: o.get_kind_display()),
        Column("사업자등록번호", lambda o: o.business_number_text),
        Column("업종", lambda o: o.get_sector_display()),
        Column("소재 자치구", lambda o: o.district.name if o.district_id else ""),
        Column("상시근로자", lambda o: o.employees, "int"),
        Column("설립일", lambda o: o.founded_on, "date"),
    ),
)
