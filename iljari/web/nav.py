"""The navigation by module. Each entry names the gate of iljari.core.access that shows it."""

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


NAV_ITEMS: tuple[NavItem, ...] = (
    NavItem("홈", "web:home", access.access_own_account, "web:home"),
    NavItem("결재함", "approvals:box", access.access_approvals_view, "approvals:"),
    NavItem("한눈에 보기", "reports:dashboard", access.access_office_figures_view, "reports:"),
    NavItem("비전·주요업무", "plan:overview", access.access_office_figures_view, "plan:"),
    NavItem("인력", "finance:staffing", access.access_office_figures_view, "finance:staffing"),
    NavItem("예산 집행", "finance:budget", access.access_office_figures_view, "finance:budget"),
    NavItem("정책지표", "performance:indicators", access.access_office_figures_view, "performance:indicator"),
    NavItem("일자리 목표", "performance:jobs", access.access_office_figures_view, "performance:job"),
    NavItem("검증", "performance:validation", access.access_office_figures_view, "performance:validation"),
    NavItem("월 마감", "core:month_locks", access.access_office_figures_view, "core:month_locks"),
    NavItem("사람", "people:person_list", access.access_people_view, "people:person"),
    NavItem("모집·선발", "intake:call_list", access.access_applications_view, "intake:call"),
    NavItem("참여 관리", "participation:worksite_list", access.access_participation_view, "participation:"),
    NavItem("기술교육원", "participation:training_figures", access.access_training_view, "participation:training_"),
    NavItem("기업·단체", "enterprises:organisation_list", access.access_organisations_view, "enterprises:organisation"),
    NavItem("후기 검토", "enterprises:review_queue", access.access_organisations_manage, "enterprises:review"),
    NavItem("공공구매", "enterprises:procurement", access.access_procurement_view, "enterprises:p"),
    NavItem("기업 공모", "intake:org_portal_calls", access.access_organisation_own, "intake:org_portal"),
    NavItem("우리 기업", "enterprises:my_profile", access.access_organisation_own, "enterprises:my_profile"),
    NavItem("우리 기관 구매", "enterprises:my_purchases", access.access_procurement_own, "enterprises:my_purchase"),
    NavItem("현장 서비스", "frontline:figures", access.access_frontline_view, "frontline:"),
    NavItem("사회투자기금", "fund:loan_list", access.access_fund_view, "fund:"),
    NavItem("보조금", "grants:agreement_list", access.access_grants_view, "grants:"),
    NavItem("우리 보조금", "grants:my_agreement_list", access.access_organisation_own, "grants:my_"),
    NavItem("시-구 협력사업", "grants:district_project_list", access.access_district_projects_view, "grants:district"),
    NavItem("자치구 생태계", "grants:ecosystem_list", access.access_district_projects_view, "grants:ecosystem"),
    NavItem("사회성과보상", "grants:sib_list", access.access_sib_view, "grants:sib"),
    NavItem("모집공고", "intake:portal_calls", access.access_apply, "intake:portal_call"),
    NavItem("내 신청", "intake:portal_applications", access.access_apply, "intake:portal_applications"),
    NavItem("내 일자리", "participation:portal_placements", access.access_apply, "participation:portal_placements"),
    NavItem("공간 예약", "frontline:portal_rooms", access.access_book, "frontline:portal_room"),
    NavItem("프로그램 신청", "frontline:portal_programmes", access.access_book, "frontline:portal_programmes"),
    NavItem("내 예약·신청", "frontline:portal_bookings", access.access_book, "frontline:portal_bookings"),
    NavItem("조직", "org:unit_list", access.access_office_view, "org:unit"),
    NavItem("자치구", "org:district_list", access.access_district_list, "org:district"),
    NavItem("협력기관", "org:partner_list", access.access_partner_list, "org:partner"),
    NavItem("변경이력", "core:history_list", access.access_change_history_view, "core:history"),
    NavItem("로그인 기록", "core:login_event_list", access.access_change_history_view, "core:login_event"),
    NavItem("접속기록", "core:access_log", access.access_change_history_view, "core:access_log"),
    NavItem("접속기록 점검", "core:access_log_review", access.access_change_history_view, "core:access_log_review"),
    NavItem("보유기간·파기", "core:retention", access.access_destruction_register_view, "core:retention"),
    NavItem("계정 관리", "core:user_list", access.access_accounts_manage, "core:user"),
    NavItem("API 문서", "api:openapi-view", access.access_office_view, "api:"),
    NavItem("내 정보", "core:profile", access.access_own_account, "core:profile"),
)


def nav_for(user, current: str) -> list[dict]:
    """The entries the user's gates allow; the one whose section matches the current page most closely (the
    longest prefix, so that 기술교육원 and not 참여 관리 is current on a training page) is marked current."""
    visible = [item for item in NAV_ITEMS if item.gate(user)]
    matching = [item for item in visible if current and current.startswith(item.section)]
    closest = max(matching, key=lambda item: len(item.section)) if matching else None
    return [{"label": item.label, "url": reverse(item.url_name), "current": item is closest} for item in visible]
