"""The lists of the enterprises' pages (core.lists): the organisations, the public purchases of a year."""

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


PURCHASES = ListSpec(
    title="공공구매 내역",
    search="구매기관·공급기업·품목",
    filters=("year", "as_of"),  # the page's year and 기준일
    sorts=(
        Sort("date", "구매일", ("purchased_on",)),
        Sort("buyer", "구매기관", ("buyer__name",)),
        Sort("supplier", "공급기업", ("supplier__name",)),
        Sort("amount", "금액", ("amount",), numeric=True),
    ),
    default="-date",
    columns=(
        Column("구매일", lambda p: p.purchased_on, "date"),
        Column("구매기관", lambda p: p.buyer.name),
        Column("공급기업", lambda p: p.supplier.name),
        Column("공급기업 사업자등록번호", lambda p: p.supplier.business_number_text),
        Column("유형", lambda p: p.get_supplier_kind_display()),
        Column("구분", lambda p: p.get_category_display()),
        Column("품목", lambda p: p.item),
        Column("금액(원)", lambda p: p.amount, "int"),
    ),
)
