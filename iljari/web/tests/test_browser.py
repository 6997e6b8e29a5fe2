"""In a real browser (Debian's Chromium through Playwright): each role logs in, sees its navigation, and is
refused a forbidden page. Skipped only where no Chromium is installed; CI installs it."""

from pathlib import Path

import pytest

from iljari.core.roles import Role
from iljari.testing import BROWSER_MARKS, PERSONAS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS

OFFICE = [
    "한눈에 보기",
    "비전·주요업무",
    "인력",
    "예산 집행",
    "정책지표",
    "일자리 목표",
    "검증",
    "보고서 수치와 기록",
    "월 마감",
]
NAV = {
    Role.SYSTEM_ADMIN: [
        "홈",
        *OFFICE,
        "기업·단체",
        "공공구매",
        "사회적경제 연대·판로",
        "시-구 협력사업",
        "자치구 생태계",
        "사회성과보상",
        "조직",
        "자치구",
        "협력기관",
        "변경이력",
        "로그인 기록",
        "접속기록",
        "접속기록 점검",
        "보유기간·파기",
        "계정 관리",
        "발송함",
        "공지사항 관리",
        "API 문서",
        "내 정보",
    ],
    Role.OFFICE_MANAGER: [
        "홈",
        "결재함",
        *OFFICE,
        "새 연도 준비",
        "사람",
        "모집·선발",
        "참여 관리",
        "기술교육원",
        "기업·단체",
        "후기 검토",
        "공공구매",
        "사회적경제 연대·판로",
        "현장 서비스",
        "사회투자기금",
        "보조금",
        "노동단체 지원",
        "시-구 협력사업",
        "자치구 생태계",
        "민간위탁",
        "위원회",
        "사회성과보상",
        "조직",
        "자치구",
        "협력기관",
        "보유기간·파기",
        "보험 요율·소득세 기준",
        "보험 신고·지급명세서",
        "발송함",
        "공지사항 관리",
        "API 문서",
        "내 정보",
    ],
    Role.DIVISION_STAFF: [
        "홈",
        "결재함",
        *OFFICE,
        "사람",
        "모집·선발",
        "참여 관리",
        "기술교육원",
        "기업·단체",
        "후기 검토",
        "공공구매",
        "사회적경제 연대·판로",
        "현장 서비스",
        "사회투자기금",
        "보조금",
        "노동단체 지원",
        "시-구 협력사업",
        "자치구 생태계",
        "민간위탁",
        "위원회",
        "사회성과보상",
        "조직",
        "자치구",
        "협력기관",
        "보험 요율·소득세 기준",
        "보험 신고·지급명세서",
        "발송함",
        "공지사항 관리",
        "API 문서",
        "내 정보",
    ],
    Role.DISTRICT_OFFICER: [
        "홈",
        "결재함",
        "사람",
        "모집·선발",
        "참여 관리",
        "기업·단체",
        "공공구매",
        "보조금",
        "노동단체 지원",
        "시-구 협력사업",
        "자치구 생태계",
        "조직",
        "자치구",
        "협력기관",
        "API 문서",
        "내 정보",
    ],
    Role.PARTNER_AGENCY: [
        "홈",
        "참여 관리",
        "기술교육원",
        "현장 서비스",
        "사회투자기금",
        "보조금",
        "노동단체 지원",
        "민간위탁",
        "조직",
        "협력기관",
        "API 문서",
        "내 정보",
    ],  # fmt: skip
    Role.AUDITOR: [
        "홈",
        "결재함",
        *OFFICE,
        "사람",
        "모집·선발",
        "참여 관리",
        "기술교육원",
        "기업·단체",
        "공공구매",
        "사회적경제 연대·판로",
        "현장 서비스",
        "사회투자기금",
        "보조금",
        "노동단체 지원",
        "시-구 협력사업",
        "자치구 생태계",
        "민간위탁",
        "위원회",
        "사회성과보상",
        "조직",
        "자치구",
        "협력기관",
        "변경이력",
        "로그인 기록",
        "접속기록",
        "접속기록 점검",
        "보유기간·파기",
        "발송함",
        "공지사항 관리",
        "API 문서",
        "내 정보",
    ],
    Role.CITIZEN: [
        "홈",
        "모집공고",
        "내 신청",
        "내 일자리",
        "공간 예약",
        "프로그램 신청",
        "정장 대여",
        "내 예약·신청",
        "내 메시지",
        "공지사항",
        "자주 묻는 질문",
        "내 정보",
    ],
    Role.ORGANISATION: ["홈", "공지사항", "자주 묻는 질문", "내 정보"],
}
FORBIDDEN = {
    Role.SYSTEM_ADMIN: None,
    Role.OFFICE_MANAGER: "/history/",
    Role.DIVISION_STAFF: "/accounts/users/",
    Role.DISTRICT_OFFICER: "/org/units/new/",
    Role.PARTNER_AGENCY: "/org/districts/",
    Role.AUDITOR: "/org/partners/new/",
    Role.CITIZEN: "/org/",
    Role.ORGANISATION: "/org/partners/",
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_logs_in_and_sees_its_navigation(transactional_db, personas, page, role):
    _log_in(page, PERSONAS[role].username)
    page.wait_for_url("**/")
    nav = page.get_by_role("navigation", name="주 메뉴")
    assert sorted(nav.get_by_role("link").all_inner_texts()) == sorted(NAV[role])  # grouped: web/tests/test_nav.py
    assert page.locator(f'[data-role="{role}"]').inner_text() == Role(role).label
    assert "처음 접속하셨습니다" in page.content()
    forbidden = FORBIDDEN[role]
    if forbidden:
        response = page.goto(forbidden)
        assert response.status == 403
        assert page.get_by_role("heading", name="접근 권한이 없습니다").is_visible()


def test_wrong_password_shows_a_korean_message(transactional_db, personas, page):
    _log_in(page, "t_staff", "not-the-password")
    assert page.get_by_role("alert").inner_text().startswith("아이디 또는 비밀번호가 올바르지 않습니다")


def test_skip_link_moves_to_the_main_content(transactional_db, personas, page):
    _log_in(page, "t_manager")
    page.wait_for_url("**/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "본문 바로가기"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_partner_search_updates_the_list_in_place(transactional_db, personas, page):
    _log_in(page, "t_manager")
    page.wait_for_url("**/")
    page.goto("/org/partners/")
    page.get_by_label("검색어").fill("기술교육원")
    page.get_by_role("button", name="검색").click()
    page.wait_for_url("**q=%EA%B8%B0%EC%88%A0%EA%B5%90%EC%9C%A1%EC%9B%90**")
    table = page.locator("#partner-results table")
    assert "(학)경복대학교" in table.inner_text()
    assert "서울교통공사" not in table.inner_text()


def test_logout_returns_to_the_login_page(transactional_db, personas, page):
    _log_in(page, "t_auditor")
    page.wait_for_url("**/")
    page.get_by_role("button", name="로그아웃").click()
    page.wait_for_url("**/accounts/login/")
    assert "로그아웃했습니다" in page.content()


def test_the_manager_opens_the_dashboard_and_downloads_the_report(transactional_db, personas, page, dataset_2018):
    _log_in(page, "t_manager")
    page.wait_for_url("**/")
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="한눈에 보기").click()
    page.wait_for_url("**/office/")
    page.wait_for_selector("[data-chart=budget][data-chart-ready=true] svg")
    assert page.locator("[data-chart] svg").count() == 3  # the three charts drew
    budget_table = page.get_by_role("table", name="부서별 예산현액, 지출액, 집행률 (백만원, 2018.6.30. 기준)")
    assert "52.2%" in budget_table.inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="주요업무보고 MD").click()
    report = download_info.value
    assert report.suggested_filename == "2018 주요업무보고(2018.6.30. 기준).md"
    text = Path(report.path()).read_text(encoding="utf-8")
    assert "237,715" in text and "353,956" in text and "△9" in text


def test_a_citizen_applies_to_an_open_call_and_sees_the_status(transactional_db, personas, page, dataset_2018):
    from datetime import date, timedelta

    from django.utils import timezone

    from iljari.intake import services as intake
    from iljari.people.tests.factories import make_person
    from iljari.plan.models import Programme

    opens = timezone.now() - timedelta(days=1)
    call = intake.call_set(
        actor=None,
        code="BROWSER",
        programme=Programme.objects.get(code="P1-03"),
        title="뉴딜일자리 브라우저 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=10),
        announce_on=date(2030, 1, 1),
        quotas=[("CITY", "서울시 추진사업", 3)],
        eligibility=[{"kind": "resides_in_seoul"}],
    )
    make_person(date(1995, 3, 2), "11440", name="한시민", sex="F", rrn="950302-2000001", user=personas[Role.CITIZEN])
    _log_in(page, "t_citizen")
    page.wait_for_url("**/")
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="모집공고").click()
    page.get_by_role("link", name=call.title).click()  # the call's public page
    page.get_by_role("link", name="신청하기").click()  # its form (a citizen logged in goes straight to it)
    page.get_by_role("combobox", name="선발 구분").select_option(label="서울시 추진사업 (3명)")
    for consent in ("개인정보 수집·이용에 동의합니다", "고유식별정보(주민등록번호) 처리에 동의합니다"):
        page.get_by_text(consent, exact=True).click()  # the KRDS check box is drawn by its label
    page.get_by_role("button", name="신청").click()
    page.wait_for_url("**/portal/applications/*/")  # the application's own page
    page.goto("/portal/applications/")
    table = page.get_by_role("table", name="내 신청: 공고, 구분, 접수 일시, 진행 단계, 상태, 철회·포기")
    assert call.title in table.inner_text() and "접수" in table.inner_text()
