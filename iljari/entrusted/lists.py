"""The lists of the entrusted pages (core.lists): the facilities (search, sort, filters, xlsx export in the page's
order) and the contracts ending within a year."""

from __future__ import annotations

from iljari.core.lists import Column, ListSpec, Sort

STATE_LABELS = {"planned": "예정", "running": "운영 중", "ended": "종료"}


def _state(facility) -> str:
    return STATE_LABELS.get(facility.current_state or "", "계약 없음")


FACILITIES = ListSpec(
    title="위탁 시설 목록",
    search="시설 코드·이름·소재지·수탁기관",
    filters=("kind", "division", "state"),  # FacilityFilterForm's
    sorts=(
        Sort("code", "시설 코드", ("code",)),
        Sort("name", "시설명", ("name",)),
        Sort("kind", "시설 구분", ("kind",)),
        Sort("division", "담당 부서", ("division__sort_order", "division__code")),
        Sort("trustee", "수탁기관", ("current_trustee",)),
        Sort("term_end", "위탁 종료일", ("current_term_end",)),
    ),
    default="code",
    columns=(
        Column("시설 코드", lambda f: f.code),
        Column("시설명", lambda f: f.name),
        Column("시설 구분", lambda f: f.get_kind_display()),
        Column("담당 부서", lambda f: f.division.name),
        Column("소재지", lambda f: f.address),
        Column("위탁사무", lambda f: f.entrusted_task),
        Column("수탁기관", lambda f: f.current_trustee or ""),
        Column("위탁 시작일", lambda f: f.current_term_start, "date"),
        Column("위탁 종료일", lambda f: f.current_term_end, "date"),
        Column("계약 상태", _state),
    ),
)
