"""Accessible to every official and every citizen: axe-core (vendored under web/tests/vendor/axe, test-only) runs
over every page of the permission matrix (core/tests/test_access_matrix.py: its GET pages; downloads and the API left
out), and over every public and citizen page (a visitor not logged in, then the citizen with a booking, a
registration and an open call), at a desktop width (1366×900) and a phone's (390×844), and any violation fails the
test, named with its rule, its impact and where it is. Each matrix page is opened by one role allowed to see it (the
roles signed in once each, by a session cookie), so the walk stays within a few minutes."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from iljari.core.roles import Role
from iljari.core.tests.test_access_matrix import (
    FIGURE_PAGES,
    FRONTLINE_PAGES,
    OPEN_PAGES,
    PAGES,
    PUBLIC_PAGES,
    TRAINING_PAGES,
)
from iljari.testing import BROWSER_MARKS

pytestmark = BROWSER_MARKS

AXE = Path(__file__).parent / "vendor" / "axe" / "axe.min.js"
VIEWPORTS = [(1366, 900), (390, 844)]
# which allowed role opens a page: the office manager sees the most of it, then the others
ROLE_ORDER = [
    Role.OFFICE_MANAGER,
    Role.DIVISION_STAFF,
    Role.SYSTEM_ADMIN,
    Role.AUDITOR,
    Role.DISTRICT_OFFICER,
    Role.PARTNER_AGENCY,
    Role.CITIZEN,
    Role.ORGANISATION,
]
NOT_HTML = (".xlsx", ".csv", "format=md", "/api/")
RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  }));
}"""


def pages_by_role(enrolment: int) -> dict[str, list[str]]:
    """Every GET page of the matrix once, each under the first role (ROLE_ORDER) allowed to open it."""
    chosen: dict[str, list[str]] = {}
    rows = PAGES + FIGURE_PAGES + TRAINING_PAGES + FRONTLINE_PAGES
    for _name, path, roles in rows:
        path = path.format(enrolment=enrolment)
        if any(marker in path for marker in NOT_HTML) or not roles:
            continue
        role = next(role for role in ROLE_ORDER if role in roles)
        chosen.setdefault(role, []).append(path)
    chosen.setdefault(Role.CITIZEN, []).extend(path for _name, path in OPEN_PAGES)
    return chosen


@pytest.fixture
def whole_office(personas, dataset_2018):
    """The objects the matrix's pages read: the 2018 report, the training institutes and the frontline points."""
    from iljari.frontline.tests.factories import make_frontline
    from iljari.participation.tests.factories import make_trainee, make_training

    made = make_training()
    make_frontline()
    return make_trainee(made["short"]).pk


def axe_walk(browser, live_server, paths: list[str], *, user=None, label: str = "") -> tuple[list[str], int]:
    """Opens each path at both widths (signed in as `user` by a session cookie; anonymous without one) and runs axe
    on it: (the violations, each named with its page, width, rule, impact and where; the pages walked). No request
    may leave the server."""
    found: list[str] = []
    walked = 0
    context = browser.new_context(base_url=live_server.url, locale="ko-KR")
    context.add_init_script(path=str(AXE))  # into every page, past its Content-Security-Policy
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    outside: list[str] = []
    page = context.new_page()
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
            else None
        ),
    )
    for path in paths:
        for width, height in VIEWPORTS:
            page.set_viewport_size({"width": width, "height": height})
            response = page.goto(path)
            assert response is not None and response.status == 200, f"{label} {path}: {response and response.status}"
            walked += 1
            for violation in page.evaluate(RUN):
                found.append(
                    f"{path} ({label}, {width}px): {violation['id']} [{violation['impact']}] {violation['help']}"
                    f" — {', '.join(violation['nodes'])}"
                )
    context.close()
    assert outside == [], f"requests left the server: {outside}"
    return found, walked


def test_every_page_of_the_matrix_passes_axe_at_desktop_and_phone_widths(
    transactional_db, personas, whole_office, browser, live_server
):
    found: list[str] = []
    walked = 0
    for role, paths in pages_by_role(whole_office).items():
        role_found, role_walked = axe_walk(browser, live_server, paths, user=personas[role], label=role)
        found += role_found
        walked += role_walked
    assert walked >= 2 * 90  # every page of the matrix, at both widths
    assert found == [], "\n".join(found)


def axe_violations(page, path: str, label: str) -> list[str]:
    """axe-core's violations on the page now open (the script added to its context by `add_init_script`)."""
    return [
        f"{path} ({label}): {violation['id']} [{violation['impact']}] {violation['help']}"
        f" — {', '.join(violation['nodes'])}"
        for violation in page.evaluate(RUN)
    ]


def test_the_pages_open_without_login_pass_axe_at_desktop_and_phone_widths(transactional_db, org, browser, live_server):
    """The login page and the first page of the sign-up and of each account recovery (아이디 찾기, 비밀번호 재설정,
    잠긴 계정 풀기), as a visitor not logged in sees them; the later steps need the earlier ones and are checked by
    axe along the browser walk (people/tests/test_signup_browser.py)."""
    paths = ["/accounts/login/", *(path for _name, path, status in PUBLIC_PAGES if status == 200)]
    context = browser.new_context(base_url=live_server.url, locale="ko-KR")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    found: list[str] = []
    for path in paths:
        for width, height in VIEWPORTS:
            page.set_viewport_size({"width": width, "height": height})
            response = page.goto(path)
            assert response is not None and response.status == 200, path
            found += axe_violations(page, path, f"visitor, {width}px")
    context.close()
    assert len(paths) >= 5
    assert found == [], "\n".join(found)


def public_and_citizen_pages() -> tuple[list[str], list[str]]:
    """(the pages a visitor opens without logging in, the pages of a citizen's account): the matrix's open and
    public pages with the login page; every HTML page the matrix allows the citizen, and the open ones again."""
    anonymous = ["/accounts/login/", *(path for _name, path in OPEN_PAGES)]
    anonymous += [path for _name, path, answer in PUBLIC_PAGES if answer == 200]
    rows = PAGES + FIGURE_PAGES + TRAINING_PAGES + FRONTLINE_PAGES
    citizen = [
        path
        for _name, path, roles in rows
        if Role.CITIZEN in roles and "{" not in path and not any(marker in path for marker in NOT_HTML)
    ]
    citizen += [path for _name, path in OPEN_PAGES]
    return list(dict.fromkeys(anonymous)), list(dict.fromkeys(citizen))


def test_every_public_and_citizen_page_passes_axe_at_desktop_and_phone_widths(
    transactional_db, personas, dataset_2018, browser, live_server
):
    """The citizen's pages with something in them: a booking of two hours (one row, one 취소), a programme
    registration, an open call (its page too)."""
    from iljari.frontline import services as frontline
    from iljari.frontline.tests.factories import make_frontline, next_weekday
    from iljari.intake.tests.factories import make_call

    made = make_frontline()
    citizen = personas[Role.CITIZEN]
    monday = next_weekday(0)
    frontline.booking_create(actor=citizen, room=made["study"], day=monday, hour=10, hours=2)
    frontline.registration_create(actor=citizen, session=made["session"])
    call = make_call("AXE")
    anonymous, pages = public_and_citizen_pages()
    pages += [f"/portal/calls/{call.code}/", f"/portal/rooms/YJC-S01/?day={monday:%Y-%m-%d}"]
    assert "/portal/bookings/" in pages and "/portal/calls/" in pages and "/platform/" in anonymous

    found, walked = axe_walk(browser, live_server, anonymous, label="로그인 전")
    citizen_found, citizen_walked = axe_walk(browser, live_server, pages, user=citizen, label=Role.CITIZEN)
    assert walked + citizen_walked == 2 * (len(anonymous) + len(pages))
    assert found + citizen_found == [], "\n".join(found + citizen_found)


def _axe_walk(browser, live_server, user, paths) -> list[str]:
    """Each path opened as `user` at both widths; the violations axe finds, named."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, locale="ko-KR")
    context.add_init_script(path=str(AXE))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    page = context.new_page()
    found = []
    for path in paths:
        for width, height in VIEWPORTS:
            page.set_viewport_size({"width": width, "height": height})
            response = page.goto(path)
            assert response is not None and response.status == 200, f"{path}: {response and response.status}"
            for violation in page.evaluate(RUN):
                found.append(
                    f"{path} ({width}px): {violation['id']} [{violation['impact']}] {violation['help']}"
                    f" — {', '.join(violation['nodes'])}"
                )
    context.close()
    return found


def test_the_application_pages_and_homes_of_citizens_and_organisations_pass_axe(
    transactional_db, personas, dataset_2018, media_root, browser, live_server
):
    """The pages of issue 25 that need an applicant's own objects (not in the matrix): the citizen's and the
    organisation's home, application list, application page (submitted and draft) and the form changing it."""
    from iljari.enterprises import services as enterprise_services
    from iljari.enterprises.tests.factories import make_organisation
    from iljari.enterprises.tests.test_strong_sme_call import make_sme_call
    from iljari.intake import services
    from iljari.intake.tests.factories import make_call, upload
    from iljari.people.tests.factories import make_person

    call, drafted = make_call("AXE", documents=""), make_call("AXE-DRAFT")
    person = make_person(user=personas[Role.CITIZEN])
    submitted = services.application_submit(actor=None, call=call, person=person, quota=call.quotas.get(code="CITY"))
    draft = services.application_save(
        actor=None, call=drafted, person=person, quota=drafted.quotas.get(code="CITY"),
        documents={"주민등록등본": upload()},
    )  # fmt: skip
    company = make_organisation("(주)접근성")
    enterprise_services.organisation_contact_add(
        actor=None, organisation=company, username=personas[Role.ORGANISATION].username
    )
    sme = make_sme_call()
    theirs = services.application_submit(actor=None, call=sme, organisation=company)
    found = _axe_walk(
        browser,
        live_server,
        personas[Role.CITIZEN],
        [
            "/",
            "/portal/applications/",
            f"/portal/applications/{submitted.pk}/",
            f"/portal/applications/{draft.pk}/",
            f"/portal/calls/{call.code}/",
            f"/portal/calls/{drafted.code}/",
        ],
    )
    found += _axe_walk(
        browser,
        live_server,
        personas[Role.ORGANISATION],
        ["/", "/portal/org/applications/", f"/portal/org/applications/{theirs.pk}/", f"/portal/org/calls/{sme.code}/"],
    )
    assert found == [], "\n".join(found)


@pytest.fixture
def public_records(personas, dataset_2018):
    """The public pages of one record and the lists filtered (the lists themselves are the matrix's OPEN_PAGES,
    walked above): an open call's page, a room's week, a notice; with a FAQ entry."""
    from datetime import date, timedelta

    from django.utils import timezone

    from iljari.board import services as board
    from iljari.frontline.tests.factories import make_frontline
    from iljari.intake import services as intake
    from iljari.plan.models import Programme

    make_frontline()
    opens = timezone.now() - timedelta(days=1)
    call = intake.call_set(
        actor=None,
        code="A11Y-1",
        programme=Programme.objects.get(code="P1-03"),
        title="청년 뉴딜일자리 참여자 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=10),
        announce_on=date(2030, 1, 1),
        quotas=[("CITY", "서울시 추진사업", 10)],
        eligibility=[{"kind": "resides_in_seoul"}],
        required_documents="주민등록등본",
        target_group="youth",
    )
    notice = board.notice_save(actor=None, title="모집 안내", body="본문", category="call", pinned=True)
    board.faq_save(actor=None, category="calls", question="마감은 언제인가요?", answer="공고마다 다릅니다.")
    return [
        "/",
        "/portal/calls/?status=open&target=youth",
        f"/portal/calls/{call.code}/info/",
        "/portal/rooms/YJC-S01/week/",
        "/portal/programmes/",
        "/notices/",
        f"/notices/{notice.pk}/",
        "/faq/",
    ]


def test_the_public_records_pass_axe_for_a_visitor_at_desktop_and_phone_widths(
    transactional_db, public_records, browser, live_server
):
    found, walked = axe_walk(browser, live_server, public_records, label="로그인 전")
    assert walked == 2 * len(public_records)
    assert found == [], "\n".join(found)
