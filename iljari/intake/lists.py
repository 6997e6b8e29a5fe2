"""The lists of intake's pages (core.lists): a call's applications (a call for people, a call for organisations)."""

from __future__ import annotations

from dataclasses import replace

from iljari.core.lists import Column, ListSpec, Sort

APPLICATIONS = ListSpec(
    title="신청자 목록",
    search="이름 또는 접수번호",
    filters=("status",),
    sorts=(
        Sort("submitted", "접수 일시", ("submitted_at",)),
        Sort("name", "이름", ("sort_name",)),
        Sort("score", "점수", ("total",), numeric=True),
        Sort("rank", "순위", ("quota__order", "rank"), numeric=True),
    ),
    default="submitted",
    export="applications",
    columns=(
        Column("접수번호", lambda a: a.pk, "int"),
        Column("이름", lambda a: a.applicant_name),
        Column("주민등록번호", lambda a: a.person.rrn_masked),
        Column("선발 구분", lambda a: a.quota.name),
        Column("접수 경로", lambda a: a.get_channel_display()),
        Column("접수 일시", lambda a: a.submitted_at, "datetime"),
        Column("상태", lambda a: a.get_status_display()),
        Column("가점", lambda a: a.priority_points, "int"),
        Column("점수", lambda a: a.total, "decimal"),
        Column("순위", lambda a: a.rank, "int"),
    ),
)

# a call for organisations: the organisation's business number, and no personal data (downloaded without the purpose)
ORGANISATION_APPLICATIONS = replace(
    APPLICATIONS,
    export="",
    columns=tuple(
        Column("사업자등록번호", lambda a: a.organisation.business_number_text) if c.header == "주민등록번호" else c
        for c in APPLICATIONS.columns
    ),
)


# the public call list (no login): search by title, four filters, sorts; no export
PUBLIC_CALLS = ListSpec(
    title="모집공고",
    search="공고명",
    filters=("programme", "target", "district", "status"),
    sorts=(
        Sort("opens", "접수 시작", ("opens_at",)),
        Sort("closes", "접수 마감", ("closes_at",)),
        Sort("title", "공고명", ("title",)),
        Sort("places", "모집 인원", ("places",), numeric=True),
    ),
    default="-opens",
)


def applications_spec(call) -> ListSpec:
    return ORGANISATION_APPLICATIONS if call.audience == "organisations" else APPLICATIONS
