"""The navigation, grouped by the office's work (NAV_GROUPS). Each entry names the gate of iljari.core.access that
shows it and its group; an app built later adds its pages with nav_register (approvals' 결재함, the plan's new pages).

Contract:
- NavItem(label, url_name, gate, section, group="")   section: the view-name prefix that marks it current
- nav_register(item)          another page in the menu, in its group, behind its gate (a second one of the same URL
                              name replaces the first)
- nav_for(user, current) -> [{"label", "items": [{"label", "url", "current"}], "current"}]   the menu as drawn
- nav_flat(user) -> [{"label", "url", "group"}]    the user's menu items, for the search
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from iljari.core import access


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    gate: Callable[[object], bool]
    section: str  # the URL namespace (or namespace:name prefix) that marks it current
    group: str = ""  # one of NAV_GROUPS; "" stands above the groups (홈)


# The office's work, in the order the menu shows it. Another app's pages join a group by naming it on their NavItem
# (nav_register adds items after the built-in ones); a group no item of the user's gates allows is not shown.
NAV_GROUPS: tuple[str, ...] = (
    "사업 운영",
    "참여자",
    "기업·단체",
    "재정",
    "보고",
    "열린 서비스",
    "시민 서비스",
    "기업 서비스",
    "관리",
)
# Drawn after the groups: one's own account, or for a visitor 로그인 and 회원가입.
NAV_TAIL = frozenset({"core:profile", "core:login", "signup:start"})

NAV_ITEMS: tuple[NavItem, ...] = (
    NavItem("홈", "web:home", access.access_own_account, "web:home"),
    NavItem("홈", "web:home", access.access_visitor, "web:home"),
    NavItem("결재함", "approvals:box", access.access_approvals_view, "approvals:"),
    NavItem("한눈에 보기", "reports:dashboard", access.access_office_figures_view, "reports:", group="보고"),
    NavItem("비전·주요업무", "plan:overview", access.access_office_figures_view, "plan:", group="사업 운영"),
    NavItem("인력", "finance:staffing", access.access_office_figures_view, "finance:staffing", group="관리"),
    NavItem("예산 집행", "finance:budget", access.access_office_figures_view, "finance:budget", group="재정"),
    NavItem(
        "정책지표", "performance:indicators", access.access_office_figures_view, "performance:indicator", group="보고"
    ),
    NavItem("일자리 목표", "performance:jobs", access.access_office_figures_view, "performance:job", group="보고"),
    NavItem(
        "검증", "performance:validation", access.access_office_figures_view, "performance:validation", group="보고"
    ),
    NavItem(
        "보고서 수치와 기록",
        "performance:record_figures",
        access.access_office_figures_view,
        "performance:record_figure",
        group="보고",
    ),
    NavItem("월 마감", "core:month_locks", access.access_office_figures_view, "core:month_locks", group="보고"),
    NavItem("새 연도 준비", "core:year_open", access.access_year_open, "core:year_open", group="관리"),
    NavItem("사람", "people:person_list", access.access_people_view, "people:person", group="참여자"),
    NavItem("모집·선발", "intake:call_list", access.access_applications_view, "intake:call", group="사업 운영"),
    NavItem(
        "참여 관리", "participation:worksite_list", access.access_participation_view, "participation:", group="참여자"
    ),
    NavItem(
        "보험 요율·소득세 기준",
        "payroll:rates",
        access.access_participation_tables_manage,
        "payroll:rate",
        group="참여자",
    ),
    NavItem(
        "보험 신고·지급명세서",
        "payroll:filings",
        access.access_participation_tables_manage,
        "payroll:filings",
        group="참여자",
    ),
    NavItem(
        "기술교육원",
        "participation:training_figures",
        access.access_training_view,
        "participation:training_",
        group="참여자",
    ),
    NavItem(
        "기업·단체",
        "enterprises:organisation_list",
        access.access_organisations_view,
        "enterprises:organisation",
        group="기업·단체",
    ),
    NavItem(
        "후기 검토",
        "enterprises:review_queue",
        access.access_organisations_manage,
        "enterprises:review",
        group="기업·단체",
    ),
    NavItem("공공구매", "enterprises:procurement", access.access_procurement_view, "enterprises:p", group="기업·단체"),
    NavItem("사회적경제 연대·판로", "economy:home", access.access_economy_view, "economy:", group="기업·단체"),
    NavItem(
        "기업 공모", "intake:org_portal_calls", access.access_organisation_own, "intake:org_portal", group="기업 서비스"
    ),
    NavItem(
        "우리 기업",
        "enterprises:my_profile",
        access.access_organisation_own,
        "enterprises:my_profile",
        group="기업 서비스",
    ),
    NavItem(
        "우리 기관 구매",
        "enterprises:my_purchases",
        access.access_procurement_own,
        "enterprises:my_purchase",
        group="기업 서비스",
    ),
    NavItem("현장 서비스", "frontline:figures", access.access_frontline_view, "frontline:", group="참여자"),
    NavItem("사회투자기금", "fund:loan_list", access.access_fund_view, "fund:", group="재정"),
    NavItem("보조금", "grants:agreement_list", access.access_grants_view, "grants:", group="재정"),
    NavItem("노동단체 지원", "grants:union_list", access.access_unions_menu, "grants:union", group="재정"),
    NavItem(
        "우리 보조금", "grants:my_agreement_list", access.access_organisation_own, "grants:my_", group="기업 서비스"
    ),
    NavItem(
        "시-구 협력사업",
        "grants:district_project_list",
        access.access_district_projects_view,
        "grants:district",
        group="사업 운영",
    ),
    NavItem(
        "자치구 생태계",
        "grants:ecosystem_list",
        access.access_district_projects_view,
        "grants:ecosystem",
        group="사업 운영",
    ),
    NavItem("위원회", "committees:committee_list", access.access_committees_view, "committees:", group="사업 운영"),
    NavItem("사회성과보상", "grants:sib_list", access.access_sib_view, "grants:sib", group="재정"),
    NavItem("민간위탁", "entrusted:facility_list", access.access_entrusted_view, "entrusted:", group="사업 운영"),
    NavItem("모집공고", "intake:portal_calls", access.access_apply, "intake:portal_call", group="시민 서비스"),
    NavItem(
        "내 신청", "intake:portal_applications", access.access_apply, "intake:portal_applications", group="시민 서비스"
    ),
    NavItem(
        "내 일자리",
        "participation:portal_placements",
        access.access_apply,
        "participation:portal_placements",
        group="시민 서비스",
    ),
    NavItem("공간 예약", "frontline:portal_rooms", access.access_book, "frontline:portal_room", group="시민 서비스"),
    NavItem(
        "프로그램 신청",
        "frontline:portal_programmes",
        access.access_book,
        "frontline:portal_programmes",
        group="시민 서비스",
    ),
    NavItem("정장 대여", "frontline:portal_suits", access.access_book, "frontline:portal_suit", group="시민 서비스"),
    NavItem(
        "내 예약·신청",
        "frontline:portal_bookings",
        access.access_book,
        "frontline:portal_bookings",
        group="시민 서비스",
    ),
    NavItem(
        "내 메시지",
        "messaging_portal:my_messages",
        access.access_own_messages,
        "messaging_portal:",
        group="시민 서비스",
    ),
    NavItem("발송함", "messaging:message_list", access.access_messages_view, "messaging:", group="관리"),
    NavItem("조직", "org:unit_list", access.access_office_view, "org:unit", group="관리"),
    NavItem("자치구", "org:district_list", access.access_district_list, "org:district", group="관리"),
    NavItem("협력기관", "org:partner_list", access.access_partner_list, "org:partner", group="관리"),
    NavItem("변경이력", "core:history_list", access.access_change_history_view, "core:history", group="관리"),
    NavItem(
        "로그인 기록", "core:login_event_list", access.access_change_history_view, "core:login_event", group="관리"
    ),
    NavItem("접속기록", "core:access_log", access.access_change_history_view, "core:access_log", group="관리"),
    NavItem(
        "접속기록 점검",
        "core:access_log_review",
        access.access_change_history_view,
        "core:access_log_review",
        group="관리",
    ),
    NavItem("보유기간·파기", "core:retention", access.access_destruction_register_view, "core:retention", group="관리"),
    NavItem("계정 관리", "core:user_list", access.access_accounts_manage, "core:user", group="관리"),
    NavItem("API 문서", "api:openapi-view", access.access_office_view, "api:", group="관리"),
    # open to all: a visitor sees the public pages (a citizen and an organisation have them in their own groups)
    NavItem("모집공고", "intake:portal_calls", access.access_visitor, "intake:p", group="열린 서비스"),
    NavItem("기업 공모", "intake:org_portal_calls", access.access_visitor, "intake:org_portal", group="열린 서비스"),
    NavItem("공간 예약", "frontline:portal_rooms", access.access_visitor, "frontline:portal_room", group="열린 서비스"),
    NavItem(
        "프로그램 신청",
        "frontline:portal_programmes",
        access.access_visitor,
        "frontline:portal_programmes",
        group="열린 서비스",
    ),
    NavItem(
        "강소기업 플랫폼",
        "enterprises:platform_list",
        access.access_visitor,
        "enterprises:platform",
        group="열린 서비스",
    ),
    NavItem("공지사항", "board:notice_list", access.access_portal_reader, "board:notice", group="열린 서비스"),
    NavItem("자주 묻는 질문", "board:faq", access.access_portal_reader, "board:faq", group="열린 서비스"),
    NavItem("공지사항 관리", "board:staff_notice_list", access.access_board_view, "board:staff", group="관리"),
    NavItem("내 정보", "core:profile", access.access_own_account, "core:profile"),
    NavItem("로그인", "core:login", access.access_visitor, "core:login"),
    NavItem("회원가입", "signup:start", access.access_visitor, "signup:"),
)


_EXTRA: list[NavItem] = []


def nav_register(item: NavItem) -> None:
    """Add a page to the menu (an app built later, as the approvals' 결재함): shown in its group, behind its gate."""
    if item.group and item.group not in NAV_GROUPS:
        raise ValueError(f"unknown menu group: {item.group}")
    _EXTRA[:] = [existing for existing in _EXTRA if existing.url_name != item.url_name] + [item]


def nav_entries(user) -> list[NavItem]:
    """Every menu item the user's gates allow, the built-in ones first."""
    return [item for item in (*NAV_ITEMS, *_EXTRA) if item.gate(user)]


def nav_for(user, current: str) -> list[dict]:
    """The menu grouped by the office's work: [{"label": group ("" for the items above the groups), "items": [...],
    "current": bool}]. An item shows when its gate allows; the one whose section matches the current page most
    closely (the longest prefix, so that 기술교육원 and not 참여 관리 is current on a training page) is marked current,
    and so is its group (drawn open)."""
    visible = nav_entries(user)
    matching = [item for item in visible if current and current.startswith(item.section)]
    closest = max(matching, key=lambda item: len(item.section)) if matching else None
    groups: dict[str, dict] = {"": {"label": "", "items": [], "current": False}}
    for name in NAV_GROUPS:
        groups[name] = {"label": name, "items": [], "current": False}
    tail: list[dict] = []
    for item in visible:
        entry = {"label": item.label, "url": reverse(item.url_name), "current": item is closest}
        if item.group == "" and item.url_name in NAV_TAIL:
            tail.append(entry)  # 내 정보 (a visitor's 로그인, 회원가입): after the groups (홈 and 결재함 above them)
            continue
        groups[item.group]["items"].append(entry)
        groups[item.group]["current"] |= entry["current"]
    shown = [group for group in groups.values() if group["items"]]
    if tail:
        shown.append({"label": "", "items": tail, "current": any(entry["current"] for entry in tail)})
    return shown


def nav_flat(user) -> list[dict]:
    """The menu's items without groups, for the search over menu items: [{"label", "url", "group"}]."""
    return [{"label": item.label, "url": reverse(item.url_name), "group": item.group} for item in nav_entries(user)]
