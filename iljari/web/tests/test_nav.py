"""The menu grouped by the office's work, through HTTP: each role sees exactly the items its gates allow, in its
groups; the current page's item and group are marked; a page another app adds joins its group behind its gate."""

from __future__ import annotations

import re

import pytest

from iljari.core import access
from iljari.core.roles import Role
from iljari.web import nav

GROUP = re.compile(r'<details class="ilj-nav__group" open data-nav-group="([^"]+)"[^>]*>(.*?)</details>', re.S)
LINK = re.compile(r"<a href=\"[^\"]+\"[^>]*>([^<]+)</a>")
MENU = re.compile(r'<nav class="ilj-nav".*?</nav>', re.S)


def menu(client, path="/") -> dict[str, list[str]]:
    html = MENU.search(client.get(path).content.decode()).group(0)
    groups = {name: LINK.findall(body) for name, body in GROUP.findall(html)}
    loose = LINK.findall(GROUP.sub("", html))
    groups[""] = loose
    return groups


# Written from the office's work and the roles' reach (docs/architecture.md, core/access): the district officer runs
# its district's share of calls, worksites and district projects; the partner agency its worksites, trainees, desks
# and loans; citizens the portal.
EXPECTED = {
    Role.DISTRICT_OFFICER: {
        "": ["홈", "결재함", "내 정보"],
        "사업 운영": ["모집·선발", "시-구 협력사업", "자치구 생태계"],
        "참여자": ["사람", "참여 관리"],
        "기업·단체": ["기업·단체", "공공구매"],
        "재정": ["보조금", "노동단체 지원"],
        "관리": ["조직", "자치구", "협력기관", "API 문서"],
    },
    Role.PARTNER_AGENCY: {
        "": ["홈", "내 정보"],
        "사업 운영": ["민간위탁"],
        "참여자": ["참여 관리", "기술교육원", "현장 서비스"],
        "재정": ["사회투자기금", "보조금", "노동단체 지원"],
        "관리": ["조직", "협력기관", "API 문서"],
    },
    Role.CITIZEN: {
        "": ["홈", "내 정보"],
        "열린 서비스": ["공지사항", "자주 묻는 질문"],
        "시민 서비스": [
            "모집공고",
            "내 신청",
            "내 일자리",
            "공간 예약",
            "프로그램 신청",
            "정장 대여",
            "내 예약·신청",
            "내 메시지",
        ],
    },
    # the persona is not tied to an organisation yet
    Role.ORGANISATION: {"": ["홈", "내 정보"], "열린 서비스": ["공지사항", "자주 묻는 질문"]},
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_a_role_sees_its_items_in_the_office_groups(client_as, role):
    assert menu(client_as(role)) == EXPECTED[role]


@pytest.mark.parametrize("role", list(Role))
def test_a_role_sees_exactly_the_items_its_gates_allow(personas, client_as, role):
    user = personas[role]
    allowed = sorted(item.label for item in nav.NAV_ITEMS if item.gate(user))
    shown = sorted(label for items in menu(client_as(role)).values() for label in items)
    assert shown == allowed


def test_the_current_page_and_its_group_are_marked(client_as):
    html = client_as(Role.OFFICE_MANAGER).get("/fund/").content.decode()
    current = re.findall(r'data-nav-group="([^"]+)" data-current', html)
    assert current == ["재정"]
    assert re.findall(r'aria-current="page" class="is-current">([^<]+)<', html) == ["사회투자기금"]


def test_the_groups_come_in_the_office_order(client_as):
    groups = [name for name in menu(client_as(Role.OFFICE_MANAGER)) if name]
    assert groups == ["사업 운영", "참여자", "기업·단체", "재정", "보고", "관리"]


def test_a_page_another_app_registers_joins_its_group_behind_its_gate(client_as):
    gate = access.access_figures_enter_any
    item = nav.NavItem("결재함(시험)", "core:profile", gate, "core:nothing", group="사업 운영")
    nav.nav_register(item)
    try:
        assert "결재함(시험)" in menu(client_as(Role.DIVISION_STAFF))["사업 운영"]
        assert "결재함(시험)" not in sum(menu(client_as(Role.AUDITOR)).values(), [])
    finally:
        nav._EXTRA.remove(item)
    with pytest.raises(ValueError):
        nav.nav_register(nav.NavItem("x", "core:profile", access.access_own_account, "x", group="없는 묶음"))


def test_the_header_search_box_is_for_office_roles_only(client_as):
    assert 'action="/search/"' in client_as(Role.DIVISION_STAFF).get("/").content.decode()
    assert 'action="/search/"' not in client_as(Role.CITIZEN).get("/").content.decode()


def test_a_visitor_sees_the_pages_open_to_all_and_login(org):
    from django.test import Client

    assert menu(Client()) == {
        "": ["홈", "로그인", "회원가입"],
        "열린 서비스": [
            "모집공고",
            "기업 공모",
            "공간 예약",
            "프로그램 신청",
            "강소기업 플랫폼",
            "공지사항",
            "자주 묻는 질문",
        ],
    }
