"""The lists of the grants' pages (core.lists): the agreements, the district projects and a scholarship round's
students. Their downloads are their own sheets (selectors.agreement_sheet; district_views.district_project_export;
the students' through core.exports, minimised and access-logged), in the order the page sorts them."""

from __future__ import annotations

from iljari.core.lists import Column, ListSpec, Sort

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


SCHOLARSHIP_RECIPIENTS = ListSpec(
    title="장학금 대상 학생 목록",
    search="학생 이름·학교",
    filters=("state", "review"),  # RecipientFilterForm's
    sorts=(
        Sort("name", "학생 이름", ("name",)),
        Sort("school", "학교", ("school",)),
        Sort("amount", "장학금(원)", ("amount",), numeric=True),
        Sort("state", "상태", ("state",)),
        Sort("review", "중복 확인", ("review",)),
    ),
    default="name",
    export="scholarship_recipients",
    columns=(
        Column("학생 이름", lambda r: r.name),
        Column("생년월일", lambda r: r.birth_date, "date"),
        Column("학교", lambda r: r.school),
        Column("학년", lambda r: r.grade),
        Column("보호자 이름", lambda r: r.parent_name),
        Column("보호자 사업장", lambda r: r.parent_workplace),
        Column("장학금(원)", lambda r: r.amount, "int"),
        Column("상태", lambda r: r.get_state_display()),
        Column("지급일", lambda r: r.paid_on, "date"),
        Column("중복 확인", lambda r: r.get_review_display()),
        Column("한국장학재단 지원", lambda r: r.match.support if r.match_id else ""),
    ),
)
