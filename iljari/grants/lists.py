"""The lists of the grants' pages (core.lists): the agreements and the district projects. Their downloads are their
own sheets (selectors.agreement_sheet; district_views.district_project_export), in the order the page sorts them."""

from __future__ import annotations

from iljari.core.lists import ListSpec, Sort

AGREEMENTS = ListSpec(
    title="보조금 협약 목록",
    filters=("q", "programme", "status", "year"),  # AgreementFilterForm's
    sorts=(
        Sort("code", "협약번호", ("code",)),
        Sort("grantee", "수행기관", ("grantee__name",)),
        Sort("city_amount", "시비(원)", ("city_amount",), numeric=True),
        Sort("matched_amount", "매칭(원)", ("matched_amount",), numeric=True),
        Sort("disbursed", "교부액(원)", ("disbursed",), numeric=True),
    ),
    default="code",
)


DISTRICT_PROJECTS = ListSpec(
    title="시-구 협력 일자리사업 목록",
    filters=("q", "year", "district", "status", "monitoring_missing"),  # DistrictProjectFilterForm's
    sorts=(
        Sort("code", "사업코드", ("code",)),
        Sort("district", "자치구", ("district__sort_order", "district__code")),
        Sort("title", "사업명", ("title",)),
        Sort("jobs_planned", "계획 일자리", ("jobs_planned",), numeric=True),
        Sort("budget_total", "총사업비", ("budget_total",), numeric=True),
        Sort("status", "상태", ("status",)),
    ),
    default="district",
)
