"""The lists of the frontline's pages (core.lists): the consultations, the labour cases and the workplace
visits."""

from __future__ import annotations

from iljari.core.lists import Column, ListSpec, Sort

CONSULTATIONS = ListSpec(
    title="상담 목록",
    search="상담자·주제·취업처",
    filters=("point",),
    sorts=(
        Sort("held", "상담일", ("held_on",)),
        Sort("point", "창구", ("service_point__name",)),
        Sort("channel", "방법", ("channel",)),
        Sort("topic", "주제", ("topic__name",)),
    ),
    default="-held",
    export="consultations",
    columns=(
        Column("상담일", lambda c: c.held_on, "date"),
        Column("창구", lambda c: c.service_point.name),
        Column("상담자", lambda c: c.client_name),
        Column("방법", lambda c: c.get_channel_display()),
        Column("서비스", lambda c: c.get_service_display()),
        Column("주제", lambda c: c.topic.name),
        Column("결과", lambda c: c.get_outcome_display()),
        Column("취업처", lambda c: c.employer),
    ),
)


def _check(visit) -> str:
    if visit.checks_id:
        return f"{visit.checks.visited_on:%Y-%m-%d} 방문 점검: {'개선' if visit.findings_resolved else '미개선'}"
    return ""


VISITS = ListSpec(
    title="사업장 컨설팅 목록",
    search="사업장",
    sorts=(
        Sort("visited", "방문일", ("visited_on",)),
        Sort("point", "창구", ("service_point__name",)),
        Sort("workplace", "사업장", ("workplace",)),
        Sort("employees", "근로자", ("employees",), numeric=True),
    ),
    default="-visited",
    columns=(
        Column("방문일", lambda v: v.visited_on, "date"),
        Column("창구", lambda v: v.service_point.name),
        Column("사업장", lambda v: v.workplace),
        Column("근로자", lambda v: v.employees, "int"),
        Column("지적사항", lambda v: v.findings),
        Column("점검", _check),
    ),
)


CASES = ListSpec(
    title="권리구제 사건 목록",
    search="신청인·상대방",
    sorts=(
        Sort("opened", "수임일", ("opened_on",)),
        Sort("point", "창구", ("service_point__name",)),
        Sort("result", "결과", ("result",)),
        Sort("recovered", "회수 금액", ("amount_recovered",), numeric=True),
    ),
    default="-opened",
    export="cases",
    columns=(
        Column("수임일", lambda c: c.opened_on, "date"),
        Column("창구", lambda c: c.service_point.name),
        Column("신청인", lambda c: c.claimant),
        Column("상대방", lambda c: c.respondent),
        Column("법률지원", lambda c: "지원" if c.legal_aid_granted else ""),
        Column("결과", lambda c: c.get_result_display()),
        Column("청구 금액(원)", lambda c: c.claim_amount, "int"),
        Column("회수 금액(원)", lambda c: c.amount_recovered, "int"),
    ),
)


SUIT_ITEMS = ListSpec(
    title="취업날개 대여 물품",
    search="물품 번호·치수·색상",
    filters=("point", "state"),
    sorts=(
        Sort("code", "물품 번호", ("code",)),
        Sort("kind", "종류", ("kind",)),
        Sort("size", "치수", ("size",)),
        Sort("state", "상태", ("state",)),
    ),
    default="code",
    columns=(
        Column("물품 번호", lambda i: i.code),
        Column("창구", lambda i: i.service_point.name),
        Column("종류", lambda i: i.get_kind_display()),
        Column("구분", lambda i: i.get_sex_display()),
        Column("치수", lambda i: i.size),
        Column("색상", lambda i: i.colour),
        Column("상태", lambda i: i.get_state_display()),
        Column("메모", lambda i: i.note),
    ),
)


SUIT_RENTALS = ListSpec(
    title="취업날개 대여 목록",
    search="대여자·물품 번호",
    filters=("point", "status", "overdue"),
    sorts=(
        Sort("visit", "방문·대여일", ("visit_on",)),
        Sort("due", "반납 기한", ("due_on",)),
        Sort("returned", "반납일", ("returned_on",)),
        Sort("status", "상태", ("status",)),
    ),
    default="-visit",
    export="suit_rentals",
    columns=(
        Column("방문·대여일", lambda r: r.visit_on, "date"),
        Column("창구", lambda r: r.service_point.name),
        Column("대여자", lambda r: r.borrower_name),
        Column("물품", lambda r: ", ".join(item.code for item in r.items.all())),
        Column("반납 기한", lambda r: r.due_on, "date"),
        Column("상태", lambda r: r.get_status_display()),
        Column("반납일", lambda r: r.returned_on, "date"),
        Column("연체", lambda r: "연체" if r.late else ""),
        Column("반납 상태 메모", lambda r: r.condition_note),
    ),
)
