"""Attacks tried and refused (행정안전부 SW 개발보안 가이드; docs/security.md maps each weakness group here).

- IDOR: every object URL that reaches personal data, asked for by someone outside its scope, answers 404 (or
  403 for a role that may not use the page at all), writes nothing and shows nothing of the person. A new
  `<int:pk>` URL in people, intake or participation, any URL with a parameter in enterprises, frontline or fund,
  and any object URL of a module not listed (grants) fails `test_every_object_url_is_tried` until it is added.
- SQL injection in search parameters, stored and reflected XSS (names and notes with markup), CSRF on writes,
  open redirects on the login's `next`, upload path traversal, oversized and malformed uploads, brute-force login.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.test import Client
from django.urls import get_resolver

from iljari.core import services as core_services
from iljari.core.models import AccessLogEntry, BackgroundJob
from iljari.core.roles import Role
from iljari.fund.tests.conftest import agreement, borrower, fund_manager, intermediary, make_loan  # noqa: F401
from iljari.intake import services as intake
from iljari.intake.models import Application, ApplicationDocument
from iljari.intake.tests.factories import make_call, upload
from iljari.org.models import Partner
from iljari.participation import services as participation
from iljari.participation.models import Placement
from iljari.participation.tests.factories import make_site, make_trainee, make_training
from iljari.people.models import PayAccount, Person
from iljari.people.tests.factories import make_person
from iljari.testing import PASSWORD

MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def victims(personas, media_root, dataset_2018):
    """Objects outside the scope of the attackers: a 종로구 resident who applied (a document uploaded) and works
    at the 종로구 worksite, a trainee of 중부기술교육원, and the office manager's background job."""
    site = make_site()
    person = make_person(district="11110")
    Person.objects.filter(pk=person.pk).update(name="피해자")
    call = make_call("VICTIM")
    quota = call.quotas.get(code="CITY")
    draft = intake.application_draft_save(actor=None, call=call, person=person, quota=quota)
    document = intake.application_document_upload(actor=None, application=draft, label="주민등록등본", upload=upload())
    intake.application_document_upload(actor=None, application=draft, label="구직등록 확인서", upload=upload())
    application = intake.application_submit(actor=None, call=call, person=person, quota=quota)
    placement = participation.placement_create(
        actor=None, person=person, worksite=site["jongno"], start_date=date(2018, 3, 2), end_date=date(2018, 12, 31)
    )
    training = make_training()
    enrolment = make_trainee(training["other"])  # 중부기술교육원 (TTI-CENTRAL)
    job = BackgroundJob.objects.create(kind="report", title="보고서", requested_by=personas[Role.OFFICE_MANAGER])
    return {
        "person": person.pk,
        "application": application.pk,
        "document": document.pk,
        "placement": placement.pk,
        "enrolment": enrolment.pk,
        "job": job.pk,
    }


# (url name, method, path, attackers): each attacker is outside the object's scope.
DISTRICT, PARTNER, CITIZEN, STAFF = Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY, Role.CITIZEN, Role.DIVISION_STAFF
AUDITOR = Role.AUDITOR
OBJECT_URLS = [
    ("people:person_detail", "get", "/people/{person}/", [DISTRICT, PARTNER, CITIZEN]),
    ("people:person_detail", "post", "/people/{person}/", [DISTRICT, CITIZEN]),
    ("people:pay_account", "get", "/people/{person}/account/", [DISTRICT, PARTNER, CITIZEN]),
    ("people:pay_account", "post", "/people/{person}/account/", [DISTRICT, PARTNER, CITIZEN]),
    ("people:pay_account_reveal", "post", "/people/{person}/account/reveal/", [DISTRICT, PARTNER, CITIZEN]),
    ("intake:application_score", "post", "/intake/applications/{application}/score/", [DISTRICT, PARTNER, CITIZEN]),
    ("intake:application_decline", "post", "/intake/applications/{application}/decline/", [PARTNER, CITIZEN]),
    ("intake:document_download", "get", "/intake/documents/{document}/", [DISTRICT, PARTNER, CITIZEN]),
    ("intake:portal_withdraw", "post", "/portal/applications/{application}/withdraw/", [CITIZEN]),
    ("intake:portal_decline", "post", "/portal/applications/{application}/decline/", [CITIZEN]),
    ("intake:portal_application", "get", "/portal/applications/{application}/", [CITIZEN]),
    ("intake:portal_draft_delete", "post", "/portal/applications/{application}/delete/", [CITIZEN]),
    ("web:application_receipt", "get", "/portal/applications/{application}/receipt.pdf", [CITIZEN]),
    ("participation:placement_detail", "get", "/participation/placements/{placement}/", [DISTRICT, PARTNER, CITIZEN]),
    ("participation:placement_record", "post", "/participation/placements/{placement}/record/", [DISTRICT, PARTNER]),
    ("participation:placement_end", "post", "/participation/placements/{placement}/end/", [DISTRICT, PARTNER]),
    ("participation:placement_outcome", "post", "/participation/placements/{placement}/outcome/", [DISTRICT]),
    ("participation:training_enrolment", "get", "/participation/training/enrolments/{enrolment}/", [PARTNER, CITIZEN]),
    (
        "participation:training_deposit_pay",
        "post",
        "/participation/training/enrolments/{enrolment}/deposit/",
        [PARTNER],
    ),
    ("participation:training_complete", "post", "/participation/training/enrolments/{enrolment}/complete/", [PARTNER]),
    ("participation:training_drop", "post", "/participation/training/enrolments/{enrolment}/drop/", [PARTNER]),
    ("core:job_detail", "get", "/jobs/{job}/", [STAFF, CITIZEN]),
    ("core:job_progress", "get", "/jobs/{job}/progress/", [STAFF, CITIZEN]),
    ("core:job_download", "get", "/jobs/{job}/download/", [STAFF, CITIZEN]),
    ("api:withdraw", "post", "/api/portal/applications/{application}/withdraw", [CITIZEN]),
]
# object URLs whose whole page is for one role only (covered by the role matrix, test_access_matrix.py)
ROLE_ONLY = {
    "core:user_detail",
    "core:user_unlock",
    # the account page's actions: system admin only (core/tests/test_account_reset.py, every other role 403)
    "core:user_password_reset",
    "core:user_active",
    "core:user_second_factor_reset",
    "core:history_detail",
    "core:change_batch_detail",  # the auditor's and system administrator's; core/tests/test_change_batches.py
    "plan:milestone_done",
    # the year's structure page (office manager only) and a programme's text blocks (the office's own text, kept by
    # the programme's division): another division's staff get 403 on edit, move and delete in
    # plan/tests/test_programme_blocks.py::test_division_staff_of_another_division_cannot_touch_its_blocks
    "plan:year_edit",
    "plan:block_edit",
    "plan:block_move",
    "plan:block_delete",
}
# an organisation's application to a call for organisations (no person's data): the reviewers' sheet and the
# conflict declaration, refused to anyone but the call's staff in enterprises/tests/test_strong_sme_call.py
ORGANISATION_OBJECTS = {"intake:application_review", "intake:application_conflict"}
# an organisation's own application page, its withdrawal, draft deletion and 접수증: another organisation's account
# gets 404 in intake/tests/test_application_page.py::test_another_organisations_application_answers_404
ORGANISATION_OBJECTS |= {
    "intake:org_portal_application",
    "intake:org_portal_withdraw",
    "intake:org_portal_draft_delete",
    "web:org_application_receipt",
}


def _state(victims) -> tuple:
    person = Person.objects.get(pk=victims["person"])
    return (
        person.name,
        person.phone,
        Application.objects.get(pk=victims["application"]).status,
        ApplicationDocument.objects.count(),
        Placement.objects.get(pk=victims["placement"]).status,
        AccessLogEntry.objects.filter(subject_ids=str(victims["person"])).count(),
        PayAccount.objects.count(),
    )


@pytest.mark.parametrize(
    ("name", "method", "path", "role"),
    [pytest.param(n, m, p, r, id=f"{n}-{m}-{r}") for n, m, p, roles in OBJECT_URLS for r in roles],
)
def test_an_object_outside_ones_scope_answers_404_and_leaks_nothing(victims, client_as, name, method, path, role):
    before = _state(victims)
    client = client_as(role)
    url = path.format(**victims)
    data = {"phone": "010-6666-6666", "reason": "personal", "month": "2018-05", "days_worked": "1", "score": "99"}
    if name.startswith("api:"):
        response = client.post(url, content_type="application/json")
    else:
        response = getattr(client, method)(url, data) if method == "post" else client.get(url)
    assert response.status_code in (403, 404), response.status_code
    assert "피해자" not in response.content.decode(errors="replace")
    assert _state(victims) == before


# the namespaces whose object URLs are tried here; a namespace with object URLs that is not listed fails
# test_every_object_url_is_tried (a new module must add its URLs to MODULE_OBJECT_URLS)
INT_KEYED = {"core", "people", "intake", "participation", "plan", "board"}  # their `<int:…>` URLs, in OBJECT_URLS
ALL_KEYED = {
    "approvals",
    "entrusted",
    "committees",
    "messaging",
    "enterprises",
    "frontline",
    "fund",
    "grants",
    "payroll",
    "transfers",
    "economy",
}  # every URL with a parameter (`<int:`, `<str:`): MODULE_OBJECT_URLS
# namespaces whose URLs with a parameter name codes of the office's own public structure (units, districts,
# programmes, indicators, rules), not anyone's private object; the role matrix covers them. `api`: the API's object
# endpoints read through the same scoped selectors as the pages (test_access_matrix.py, the apps' test_*api*.py).
STRUCTURE_ONLY = {"org", "performance", "finance", "reports", "web", "signup", "api"}


def test_every_object_url_is_tried():
    tried = {name for name, *_ in OBJECT_URLS} | ROLE_ONLY | ORGANISATION_OBJECTS | set(MODULE_OPEN_OBJECTS)
    tried |= {f"{namespace}:{name}" for namespace, urls in MODULE_OBJECT_URLS.items() for name, *_ in urls}
    found, unknown = set(), set()

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, pattern.namespace or namespace)
                continue
            route = str(pattern.pattern)
            if namespace in INT_KEYED and "<int:" in route or namespace in ALL_KEYED and "<" in route:
                found.add(f"{namespace}:{pattern.name}")
            elif "<" in route and namespace not in INT_KEYED | ALL_KEYED | STRUCTURE_ONLY:
                unknown.add(f"{namespace}:{pattern.name} ({route})")

    walk(get_resolver().url_patterns)
    assert unknown == set(), "object URLs of a module no IDOR test covers: add them to MODULE_OBJECT_URLS"
    assert found - tried == set()


# --- injection and markup ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload", ["' OR '1'='1", "%' OR 1=1 --", "'; DROP TABLE people_person; --", "\\' UNION SELECT rrn FROM x --"]
)
def test_sql_in_search_parameters_finds_nothing_and_breaks_nothing(victims, client_as, payload):
    manager, auditor = client_as(Role.OFFICE_MANAGER), client_as(Role.AUDITOR)
    found = manager.get(f"/people/?name={payload}")
    assert found.status_code == 200 and "피해자" not in found.content.decode()  # no name matches: nobody listed
    searched = auditor.get(f"/history/access/?username={payload}")
    assert searched.status_code == 200 and "조건에 맞는 기록이 없습니다." in searched.content.decode()
    assert auditor.get(f"/history/access/?subject_id={payload}").status_code == 200  # refused by the form, ignored
    for url in (f"/intake/calls/VICTIM/?status={payload}", f"/participation/?q={payload}&month={payload}"):
        assert manager.get(url).status_code in (200, 400), url  # an unknown filter is ignored, never a 500
    assert Person.objects.filter(pk=victims["person"]).exists()


def test_a_name_with_markup_is_stored_as_text_and_shown_escaped_everywhere(victims, client_as):
    Person.objects.filter(pk=victims["person"]).update(name=MARKUP, address=MARKUP)
    Placement.objects.filter(pk=victims["placement"]).update(dropout_note=MARKUP)
    manager = client_as(Role.OFFICE_MANAGER)
    for url in (
        f"/people/{victims['person']}/",
        "/people/",
        f"/participation/placements/{victims['placement']}/",
        "/participation/worksites/ND-JN/?month=2018-03",
        "/intake/calls/VICTIM/",
    ):
        html = manager.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, url
    assert "&lt;script&gt;alert" in manager.get(f"/people/{victims['person']}/").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/people/?name=" + MARKUP,
        "/history/access/?username=" + MARKUP,
        "/accounts/login/?next=" + MARKUP,
        "/history/access/review/?month=" + MARKUP,
        "/nowhere/" + MARKUP,
    ],
)
def test_markup_in_the_address_is_never_reflected_as_markup(personas, client_as, url):
    client = client_as(Role.AUDITOR) if "history" in url else client_as(Role.OFFICE_MANAGER)
    if url.startswith("/accounts/login"):
        client = Client()
    response = client.get(url)
    assert response.status_code in (200, 400, 403, 404)
    assert "<script>alert" not in response.content.decode()


# --- CSRF, redirects, uploads, brute force -----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/people/{person}/",
        "/participation/placements/{placement}/end/",
        "/history/access/review/",
        "/history/retention/",
        "/participation/worksites/ND-JN/payroll.xlsx?month=2018-05",
    ],
)
def test_writes_without_the_csrf_token_are_refused(victims, personas, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas[Role.OFFICE_MANAGER])
    before = _state(victims)
    response = client.post(url.format(**victims), {"phone": "010-6666-6666", "years": "9", "purpose": "payment"})
    assert response.status_code == 403
    assert _state(victims) == before


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "https:evil.example", "javascript:alert(1)"],
)
def test_the_login_never_redirects_to_another_site(personas, target):
    client = Client()
    response = client.post(f"/accounts/login/?next={target}", {"username": "t_staff", "password": PASSWORD})
    location = response.get("Location", "")
    assert "evil.example" not in location and not location.startswith("javascript")


def test_an_upload_named_to_climb_out_of_the_media_folder_is_stored_under_a_random_name(victims, media_root):
    call = make_call("CLIMB")
    person = Person.objects.get(pk=victims["person"])
    application = intake.application_draft_save(actor=None, call=call, person=person, quota=call.quotas.first())
    document = intake.application_document_upload(
        actor=None, application=application, label="주민등록등본", upload=upload(name="../../../../etc/passwd.pdf")
    )
    stored = (media_root / document.file.name).resolve()
    assert stored.is_relative_to(media_root.resolve())
    assert "passwd" not in document.file.name and ".." not in document.file.name


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"this is not a spreadsheet", "work.xlsx", "엑셀"),
        (b"PK\x03\x04" + b"\x00" * 64, "work.xlsx", "엑셀"),
        (b"x" * 10, "../../evil.sh", "엑셀(.xlsx) 파일만 올릴 수 있습니다."),
    ],
)
def test_a_malformed_spreadsheet_is_refused_in_korean_and_writes_nothing(victims, client_as, content, name, message):
    from iljari.participation.models import WorkRecord

    upload_file = io.BytesIO(content)
    upload_file.name = name
    response = client_as(Role.OFFICE_MANAGER).post(
        "/participation/worksites/ND-JN/records/upload/?month=2018-05", {"file": upload_file}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not WorkRecord.objects.exists()


def test_an_oversized_spreadsheet_is_refused(victims, client_as, monkeypatch):
    monkeypatch.setattr("iljari.core.forms.MAX_UPLOAD_BYTES", 1024)
    upload_file = io.BytesIO(b"PK" + b"\x00" * 2048)
    upload_file.name = "work.xlsx"
    response = client_as(Role.OFFICE_MANAGER).post(
        "/participation/worksites/ND-JN/records/upload/?month=2018-05", {"file": upload_file}
    )
    assert response.status_code == 400 and "파일이 5MB보다 큽니다." in response.content.decode()


def test_guessing_a_password_locks_the_account(personas, settings):
    client = Client()
    for attempt in range(settings.ILJARI_LOGIN_MAX_FAILURES):
        client.post("/accounts/login/", {"username": "t_staff", "password": f"guess-{attempt}"})
    assert core_services.login_locks(username="t_staff")
    response = client.post("/accounts/login/", {"username": "t_staff", "password": "anything"})
    assert response.status_code in (401, 403, 423) and "잠" in response.content.decode()


def test_a_printed_office_page_names_who_printed_it_and_a_citizens_page_does_not(client_as, personas):
    staff_page = client_as(Role.DIVISION_STAFF).get("/").content.decode()
    assert (
        'class="ilj-print-mark"' in staff_page
        and f"출력한 사람 {personas[Role.DIVISION_STAFF].name}(t_staff)" in staff_page
    )
    assert 'class="ilj-print-mark"' not in client_as(Role.CITIZEN).get("/").content.decode()


# --- enterprises, frontline, fund: every object URL, each tried by everyone outside its scope -------------------
#
# One set of objects per module (built once per test), then every URL × attacker in a loop; the failures are listed
# together. DISTRICT is 강동구's officer (the organisation is in 종로구); PARTNER is TTI-EAST, which runs only the job
# café (the objects belong to the youth job centre and the ombudsman desk) and is not the loan's intermediary;
# ORGANISATION is a company that is not the object's; CITIZEN is t_citizen, the objects' citizen is another one.

ORGANISATION = Role.ORGANISATION
VICTIM_NAME = "피해자"
OUTSIDERS = [DISTRICT, PARTNER, CITIZEN]
ANY_OUTSIDER = [DISTRICT, PARTNER, CITIZEN, ORGANISATION]
MODULE_OBJECT_URLS = {
    # a committee supervised by 노동정책담당관 (not the staff persona's division): outsiders read nothing, the staff
    # persona and the auditor read it but change nothing; its meeting decides a victim-named pre-screening request
    "committees": [
        ("committee_detail", "get", "/committees/{committee}/", ANY_OUTSIDER),
        ("committee_edit", "post", "/committees/{committee}/edit/", [*ANY_OUTSIDER, STAFF, AUDITOR]),
        ("member_create", "post", "/committees/{committee}/members/new/", [*ANY_OUTSIDER, STAFF, AUDITOR]),
        ("meeting_create", "post", "/committees/{committee}/meetings/new/", [*ANY_OUTSIDER, STAFF, AUDITOR]),
        ("member_end", "post", "/committees/members/{member}/end/", [*ANY_OUTSIDER, STAFF, AUDITOR]),
        ("meeting_detail", "get", "/committees/meetings/{meeting}/", ANY_OUTSIDER),
        ("meeting_state", "post", "/committees/meetings/{meeting}/state/", [*ANY_OUTSIDER, STAFF, AUDITOR]),
        ("agenda_item_create", "post", "/committees/meetings/{meeting}/items/", [*ANY_OUTSIDER, STAFF, AUDITOR]),
        ("decision_create", "post", "/committees/meetings/{meeting}/decisions/", [*ANY_OUTSIDER, STAFF, AUDITOR]),
        ("attendance_record", "post", "/committees/meetings/{meeting}/attendance/", [*ANY_OUTSIDER, STAFF, AUDITOR]),
        ("minutes_upload", "post", "/committees/meetings/{meeting}/minutes/", [*ANY_OUTSIDER, STAFF, AUDITOR]),
        ("minutes_download", "get", "/committees/meetings/{meeting}/minutes/file/", ANY_OUTSIDER),
    ],
    "messaging": [
        ("message_detail", "get", "/messages/{message}/", ANY_OUTSIDER),
        ("message_retry", "post", "/messages/{message}/retry/", ANY_OUTSIDER),
        ("message_cancel", "post", "/messages/{message}/cancel/", ANY_OUTSIDER),
    ],
    "approvals": [
        ("request_detail", "get", "/approvals/{request}/", ANY_OUTSIDER),
        ("request_approve", "post", "/approvals/{request}/approve/", ANY_OUTSIDER),
        ("request_reject", "post", "/approvals/{request}/reject/", ANY_OUTSIDER),
        ("request_recall", "post", "/approvals/{request}/recall/", ANY_OUTSIDER),
        ("draft", "get", "/approvals/new/intake.call_publish/{call}/", ANY_OUTSIDER),
        ("draft", "post", "/approvals/new/intake.call_publish/{call}/", ANY_OUTSIDER),
        ("rule_delete", "post", "/approvals/rules/{rule}/delete/", ANY_OUTSIDER),
    ],
    "enterprises": [
        ("organisation_detail", "get", "/enterprises/{organisation}/", ANY_OUTSIDER),
        ("organisation_edit", "get", "/enterprises/{organisation}/edit/", ANY_OUTSIDER),
        ("organisation_edit", "post", "/enterprises/{organisation}/edit/", ANY_OUTSIDER),
        (
            "certification_add",
            "post",
            "/enterprises/{organisation}/certifications/",
            ANY_OUTSIDER,
        ),
        ("contact_add", "post", "/enterprises/{organisation}/contacts/", ANY_OUTSIDER),
        ("support_add", "post", "/enterprises/{organisation}/support/", ANY_OUTSIDER),
        ("article_add", "post", "/enterprises/{organisation}/articles/", ANY_OUTSIDER),
        (
            "review_moderate",
            "post",
            "/enterprises/reviews/{review}/moderate/",
            ANY_OUTSIDER,
        ),
        ("platform_detail", "get", "/platform/{organisation}/", [CITIZEN, ORGANISATION]),  # not a strong SME
        ("platform_review", "post", "/platform/{organisation}/reviews/", [CITIZEN]),
        ("platform_report", "post", "/platform/reviews/{review}/report/", [CITIZEN, ORGANISATION]),  # not published
    ],
    "frontline": [
        ("consultation_detail", "get", "/frontline/consultations/{consultation}/", OUTSIDERS),
        (
            "consultation_outcome",
            "post",
            "/frontline/consultations/{consultation}/outcome/",
            OUTSIDERS,
        ),
        ("follow_up_add", "post", "/frontline/consultations/{consultation}/follow-ups/", OUTSIDERS),
        (
            "follow_up_done",
            "post",
            "/frontline/consultations/{consultation}/follow-ups/{follow_up}/done/",
            OUTSIDERS,
        ),
        ("case_detail", "get", "/frontline/cases/{case}/", OUTSIDERS),
        ("case_step", "post", "/frontline/cases/{case}/steps/", OUTSIDERS),
        ("case_close", "post", "/frontline/cases/{case}/close/", OUTSIDERS),
        ("room_detail", "get", "/frontline/rooms/{room}/", OUTSIDERS),
        ("booking_attendance", "post", "/frontline/bookings/{booking}/attendance/", OUTSIDERS),
        ("programme_detail", "get", "/frontline/programmes/{programme}/", OUTSIDERS),
        ("session_detail", "get", "/frontline/sessions/{session}/", OUTSIDERS),
        (
            "registration_attendance",
            "post",
            "/frontline/registrations/{registration}/attendance/",
            OUTSIDERS,
        ),
        ("shelter_detail", "get", "/frontline/shelters/{shelter}/", [DISTRICT, CITIZEN]),
        (
            "screening_decide",
            "post",
            "/frontline/public-sector/screenings/{screening}/decide/",
            [STAFF, DISTRICT, PARTNER, CITIZEN],
        ),
        ("point_hours", "post", "/frontline/setup/points/{point}/hours/", OUTSIDERS),
        ("room_edit", "post", "/frontline/setup/rooms/{room}/", OUTSIDERS),
        ("programme_edit", "post", "/frontline/setup/programmes/{programme}/", OUTSIDERS),
        (
            "session_create",
            "post",
            "/frontline/setup/programmes/{programme}/sessions/new/",
            OUTSIDERS,
        ),
        ("session_edit", "post", "/frontline/setup/sessions/{session}/", OUTSIDERS),
        ("shelter_edit", "post", "/frontline/setup/shelters/{shelter}/", [STAFF, DISTRICT, CITIZEN]),
        ("closure_delete", "post", "/frontline/setup/closures/{closure}/delete/", OUTSIDERS),
        ("point_detail", "get", "/frontline/points/{point}/", OUTSIDERS),
        ("suit_settings", "post", "/frontline/setup/points/{wings}/rentals/", OUTSIDERS),
        ("suit_rental_detail", "get", "/frontline/suits/{rental}/", OUTSIDERS),
        ("suit_rental_pickup", "post", "/frontline/suits/{rental}/pickup/", OUTSIDERS),
        ("suit_rental_return", "post", "/frontline/suits/{rental}/return/", OUTSIDERS),
        ("suit_rental_cancel", "post", "/frontline/suits/{rental}/cancel/", OUTSIDERS),
        ("suit_item_detail", "get", "/frontline/suits/items/{suit_item}/", OUTSIDERS),
        ("suit_item_detail", "post", "/frontline/suits/items/{suit_item}/", OUTSIDERS),
        ("suit_item_state", "post", "/frontline/suits/items/{suit_item}/state/", OUTSIDERS),
        ("portal_suit_cancel", "post", "/portal/suits/{rental}/cancel/", [CITIZEN]),
        ("portal_booking_cancel", "post", "/portal/bookings/{booking}/cancel/", [CITIZEN]),
        ("portal_registration_cancel", "post", "/portal/registrations/{registration}/cancel/", [CITIZEN]),
        ("portal_satisfaction", "post", "/portal/registrations/{registration}/satisfaction/", [CITIZEN]),
        # an event of 사회적경제담당관: the division-staff persona (일자리정책담당관) reads it but keeps nothing of it
        ("event_detail", "get", "/frontline/events/{event}/", OUTSIDERS),
        ("event_edit", "get", "/frontline/events/{event}/edit/", [STAFF, *OUTSIDERS]),
        ("event_edit", "post", "/frontline/events/{event}/edit/", [STAFF, *OUTSIDERS]),
        ("event_tally_add", "post", "/frontline/events/{event}/tallies/", [STAFF, *OUTSIDERS]),
        ("event_committee_add", "post", "/frontline/events/{event}/committees/", [STAFF, *OUTSIDERS]),
        ("event_guest_add", "post", "/frontline/events/{event}/guests/", [STAFF, *OUTSIDERS]),
        ("event_visit_add", "post", "/frontline/events/{event}/visits/", [STAFF, *OUTSIDERS]),
        ("event_document_add", "post", "/frontline/events/{event}/documents/", [STAFF, *OUTSIDERS]),
        ("event_document", "get", "/frontline/events/documents/{event_document}/", OUTSIDERS),
        ("event_entry_add", "post", "/frontline/events/{contest}/entries/", [STAFF, *OUTSIDERS]),
        (
            "event_entry_advance",
            "post",
            "/frontline/events/{contest}/entries/{event_entry}/advance/",
            [STAFF, *OUTSIDERS],
        ),
    ],
    # a facility of 사회적경제담당관 whose trustee is not the partner persona's: the partner agency gets 404 (it holds
    # no contract for it), the staff persona (일자리정책담당관) reads it but keeps nothing of it (403)
    "entrusted": [
        ("facility_detail", "get", "/entrusted/{facility}/", ANY_OUTSIDER),
        ("facility_edit", "post", "/entrusted/{facility}/edit/", [STAFF, *ANY_OUTSIDER]),
        ("contract_create", "post", "/entrusted/{facility}/contracts/new/", [STAFF, *ANY_OUTSIDER]),
        ("step_create", "post", "/entrusted/{facility}/steps/new/", [STAFF, *ANY_OUTSIDER]),
        ("contract_edit", "post", "/entrusted/contracts/{contract}/", [STAFF, *ANY_OUTSIDER]),
        ("budget_create", "post", "/entrusted/contracts/{contract}/budgets/new/", [STAFF, *ANY_OUTSIDER]),
        ("evaluation_create", "post", "/entrusted/contracts/{contract}/evaluations/new/", [STAFF, *ANY_OUTSIDER]),
        ("settlement_record", "post", "/entrusted/budgets/{budget}/settle/", [STAFF, *ANY_OUTSIDER]),
        ("step_edit", "post", "/entrusted/steps/{step}/", [STAFF, *ANY_OUTSIDER]),
        ("step_done", "post", "/entrusted/steps/{step}/done/", [STAFF, *ANY_OUTSIDER]),
    ],
    "fund": [
        ("loan_detail", "get", "/fund/loans/{loan}/", ANY_OUTSIDER),
        ("loan_disburse", "post", "/fund/loans/{loan}/disburse/", ANY_OUTSIDER),
        ("repayment_post", "post", "/fund/loans/{loan}/repayments/", ANY_OUTSIDER),
        ("deferment_request", "post", "/fund/loans/{loan}/deferments/", ANY_OUTSIDER),
        ("schedule_export", "get", "/fund/loans/{loan}/schedule.xlsx", ANY_OUTSIDER),
        (
            "deferment_decide",
            "post",
            "/fund/deferments/{deferment}/decide/",
            ANY_OUTSIDER,
        ),
        ("notice_detail", "get", "/fund/notices/{notice}/", ANY_OUTSIDER),
    ],
    "grants": [
        ("programme_detail", "get", "/grants/programmes/{programme}/", [CITIZEN, ORGANISATION]),
        ("agreement_create", "post", "/grants/programmes/{programme}/agreements/new/", ANY_OUTSIDER),
        ("agreement_detail", "get", "/grants/agreements/{agreement}/", ANY_OUTSIDER),
        ("agreement_sign", "post", "/grants/agreements/{agreement}/sign/", ANY_OUTSIDER),
        ("disbursement_record", "post", "/grants/agreements/{agreement}/disbursements/", ANY_OUTSIDER),
        ("spending_report", "post", "/grants/agreements/{agreement}/reports/", ANY_OUTSIDER),
        ("settlement_record", "post", "/grants/agreements/{agreement}/settlement/", ANY_OUTSIDER),
        ("evaluation_record", "post", "/grants/agreements/{agreement}/evaluation/", ANY_OUTSIDER),
        ("payroll_detail", "get", "/grants/payrolls/{payroll}/", ANY_OUTSIDER),
        ("payroll_detail", "post", "/grants/payrolls/{payroll}/", ANY_OUTSIDER),
        ("my_agreement", "get", "/grants/mine/{agreement}/", [ORGANISATION]),  # another organisation's grant
        ("my_agreement", "post", "/grants/mine/{agreement}/", [ORGANISATION]),
        ("district_project_detail", "get", "/grants/districts/{project}/", ANY_OUTSIDER),
        ("district_monitoring_record", "post", "/grants/districts/{project}/monitoring/", ANY_OUTSIDER),
        ("district_review_record", "post", "/grants/districts/{project}/review/", ANY_OUTSIDER),
        ("district_decision_record", "post", "/grants/districts/{project}/decision/", ANY_OUTSIDER),
        ("ecosystem_detail", "get", "/grants/ecosystem/{support}/", ANY_OUTSIDER),
        ("ecosystem_fund", "post", "/grants/ecosystem/{support}/tranches/", ANY_OUTSIDER),
        ("ecosystem_evaluate", "post", "/grants/ecosystem/{support}/evaluate/", ANY_OUTSIDER),
        ("sib_detail", "get", "/grants/sib/{contract}/", ANY_OUTSIDER),
        ("sib_evaluate", "post", "/grants/sib/{contract}/evaluate/", ANY_OUTSIDER),
        ("union_detail", "get", "/grants/unions/{union}/", ANY_OUTSIDER),
        ("sub_project_add", "post", "/grants/unions/{union}/sub-projects/", ANY_OUTSIDER),
        ("sub_project_edit", "get", "/grants/unions/{union}/sub-projects/{sub_project}/", ANY_OUTSIDER),
        ("sub_project_edit", "post", "/grants/unions/{union}/sub-projects/{sub_project}/", ANY_OUTSIDER),
        ("tranche_assign", "post", "/grants/unions/{union}/tranches/{tranche}/", ANY_OUTSIDER),
        ("scholarship_create", "post", "/grants/unions/{union}/scholarships/", ANY_OUTSIDER),
        ("scholarship_detail", "get", "/grants/unions/scholarships/{round}/", [*ANY_OUTSIDER, Role.SYSTEM_ADMIN]),
        ("recipient_add", "post", "/grants/unions/scholarships/{round}/students/", ANY_OUTSIDER),
        ("foundation_upload", "post", "/grants/unions/scholarships/{round}/foundation/", ANY_OUTSIDER),
        (
            "scholarship_export",
            "get",
            "/grants/unions/scholarships/{round}/export.xlsx",
            [*ANY_OUTSIDER, Role.SYSTEM_ADMIN],
        ),
        ("recipient_detail", "get", "/grants/unions/students/{student}/", [*ANY_OUTSIDER, Role.SYSTEM_ADMIN]),
        ("recipient_decide", "post", "/grants/unions/students/{student}/decision/", ANY_OUTSIDER),
        ("recipient_pay", "post", "/grants/unions/students/{student}/payment/", ANY_OUTSIDER),
    ],
    "transfers": [  # a 종로구 worksite's confirmed month and its transfer (the officer persona is 강동구's)
        ("month", "get", "/payroll/transfers/ND-JN/2018-5/", ANY_OUTSIDER),
        ("make", "post", "/payroll/transfers/ND-JN/2018-5/make/", ANY_OUTSIDER),
        ("file", "get", "/payroll/transfers/batches/{batch}/file/", ANY_OUTSIDER),
        ("sheet", "get", "/payroll/transfers/batches/{batch}/sheet/", ANY_OUTSIDER),
        ("result", "post", "/payroll/transfers/batches/{batch}/result/", ANY_OUTSIDER),
        ("reissue", "post", "/payroll/transfers/batches/{batch}/reissue/", ANY_OUTSIDER),
    ],
    "payroll": [
        ("worksite_month", "get", "/payroll/worksites/{worksite}/{month}/", ANY_OUTSIDER),
        ("worksite_month_compute", "post", "/payroll/worksites/{worksite}/{month}/compute/", ANY_OUTSIDER),
        ("insurance_changes", "get", "/payroll/filings/insurance/{month}/", ANY_OUTSIDER),
        ("insurance_changes", "post", "/payroll/filings/insurance/{month}/", ANY_OUTSIDER),
        ("withholding", "get", "/payroll/filings/withholding/{year}/", ANY_OUTSIDER),
        ("withholding", "post", "/payroll/filings/withholding/{year}/", ANY_OUTSIDER),
    ],
}
# object URLs of these modules that are nobody's private object, each with its reason
MODULE_OPEN_OBJECTS = {
    "frontline:portal_room": "a public room's timetable for every citizen (no booker is shown)",
    "frontline:portal_register": "any citizen may register for a public session (capacity-checked)",
    "frontline:portal_certificate": "looked up among the signed-in citizen's own registrations only",
    "frontline:portal_room_week": "a public room's week of free and booked hours, open to all (no booker is shown)",
    # the board's notices and FAQ are the office's own, posted to all: no one's private record. A notice outside its
    # posting period or retired answers 404 to a visitor; the staff pages are gated by role (board/tests/test_board.py)
    "board:notice_detail": "a posted notice, open to all",
    "board:notice_attachment": "a posted notice's attachment, open to all",
    "board:staff_notice_edit": "the office's notices, every one to the office's staff",
    "board:staff_notice_retire": "the office's notices, every one to the office's staff",
    "board:staff_faq_edit": "the office's FAQ, every entry to the office's staff",
    "board:staff_faq_retire": "the office's FAQ, every entry to the office's staff",
    # the social economy's networks and markets are the office's own records (GSEF members, spaces, the fair-trade
    # evidence): no one's private record, every one to the office-wide roles and refused by role to anyone else
    # (economy/tests/test_economy.py)
    "economy:member_detail": "a GSEF member, the office's own network record",
    "economy:member_edit": "a GSEF member, kept by 사회적경제담당관",
    "economy:evidence_document": "the fair-trade certification's evidence, the office's own document",
    "economy:space_detail": "a social-economy space, the office's own record",
    "economy:space_edit": "a social-economy space, kept by 사회적경제담당관",
    "economy:space_use": "a space's monthly use, kept by 사회적경제담당관",
    "economy:space_tenancy": "a space's tenants, kept by 사회적경제담당관",
    "economy:space_tenancy_end": "a space's tenant leaving, kept by 사회적경제담당관 (404 for another space's)",
    "economy:space_programme": "a space's programmes, kept by 사회적경제담당관",
}
MODULE_DATA = {
    "phone": "010-6666-6666",
    "name": "바뀐이름",
    "reason": "personal reason",
    "note": "x",
    "outcome": "closed",
    "title": "x",
    "result": "won",
    "closed_on": "2018-06-01",
    "attended": "1",
    "score": "5",
    "decision": "approved",
    "decided_on": "2018-06-01",
    "amount": "1000",
    "received_on": "2018-02-28",
    "on": "2018-02-01",
    "kind": "deferment",
    "months": "3",
    "requested_on": "2018-02-01",
    "publish": "1",
    "rating": "1",
    "body": "x" * 30,
    "relation": "visitor",
    "due_on": "2018-07-01",
    "done_on": "2018-07-01",
    "signed_on": "2018-08-01",
    "paid_on": "2018-08-10",
    "month": "2018-07",
    "sales": "1000",
    "users": "10",
    "satisfaction": "90",
    "code": "X-IDOR-1",
    "city_amount": "1000",
}


def _second_citizen():
    from iljari.core import services as core_services

    return core_services.user_create(
        actor=None, username="t_citizen2", password=PASSWORD, role=Role.CITIZEN, display_name=VICTIM_NAME
    )


@pytest.fixture
def enterprise_objects(personas):
    from iljari.enterprises import services as enterprises
    from iljari.enterprises.tests.factories import make_organisation

    organisation = make_organisation(VICTIM_NAME + " 기업", district="11110")  # 종로구, not a strong SME
    review = enterprises.review_submit(
        actor=_second_citizen(),
        organisation=organisation,
        relation="employee",
        rating=1,
        body=VICTIM_NAME + "가 쓴 이 기업의 후기입니다",
    )
    return {"organisation": organisation.pk, "review": review.pk}


@pytest.fixture
def frontline_objects(personas, dataset_2018, media_root):
    from iljari.frontline.models import (
        Booking,
        Closure,
        Consultation,
        FixedTermScreening,
        FollowUp,
        LabourCase,
        Registration,
        ServicePoint,
    )
    from iljari.frontline.tests.factories import make_frontline

    office = make_frontline()
    victim = _second_citizen()
    person = make_person(district="11110")
    Person.objects.filter(pk=person.pk).update(name=VICTIM_NAME)
    consultation = Consultation.objects.create(
        service_point=office["centre"], held_on=date(2018, 5, 2), channel="visit", person=person, topic=office["topic"],
        notes=VICTIM_NAME + " 상담",
    )  # fmt: skip
    follow_up = FollowUp.objects.create(consultation=consultation, due_on=date(2018, 6, 1), note=VICTIM_NAME)
    case = LabourCase.objects.create(
        service_point=office["ombudsman"], claimant=VICTIM_NAME, respondent="사업주", claim="임금 체불",
        opened_on=date(2018, 5, 3),
    )  # fmt: skip
    booking = Booking.objects.create(room=office["study"], day=office["session"].day, hour=10, booked_by=victim)
    registration = Registration.objects.create(session=office["session"], user=victim, participant=VICTIM_NAME)
    screening = FixedTermScreening.objects.create(
        institution=Partner.objects.get(code="TTI-CENTRAL"), reason="사유", headcount=1, months=6, budget=1,
        requested_on=date(2018, 5, 1),
    )  # fmt: skip
    closure = Closure.objects.create(service_point=office["centre"], day=office["session"].day, reason="점검")
    event, event_document = _frontline_event()
    # a 취업날개 café run by 일자리정책담당관 itself (not TTI-EAST's) and the victim's rental there
    from iljari.frontline import services as frontline

    wings = ServicePoint.objects.create(
        code="WINGS", name="일자리카페 취업날개", kind=ServicePoint.Kind.JOB_CAFE, division=office["centre"].division,
        weekday_opens=10, weekday_closes=18,
    )  # fmt: skip
    suit = frontline.suit_item_set(actor=None, service_point=wings, code="J-100", kind="jacket", size="100")
    rental = frontline.suit_rental_book(
        actor=None, service_point=wings, visit_on=date(2018, 6, 4), items=[suit], person=person, purpose=VICTIM_NAME
    )
    contest, event_entry = _frontline_contest()
    return {
        "event": event, "event_document": event_document, "contest": contest, "event_entry": event_entry,
        "consultation": consultation.pk, "follow_up": follow_up.pk, "case": case.pk, "room": office["study"].code,
        "booking": booking.pk, "programme": office["programme"].code, "session": office["session"].pk,
        "registration": registration.pk, "shelter": office["shelter"].code, "screening": screening.pk,
        "point": office["centre"].code, "closure": closure.pk, "rental": rental.pk, "suit_item": suit.code,
        "wings": wings.code,
    }  # fmt: skip


def _frontline_event() -> tuple[str, int]:
    """An event of 사회적경제담당관 with a tally and a document (frontline/models/events.py)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from iljari.frontline.services import events as events_services
    from iljari.org.models import OrgUnit
    from iljari.plan.models import Programme as PlanProgramme

    event = events_services.event_set(
        actor=None, code="SE-WEEK-T", kind="week", title=VICTIM_NAME + " 주간", counting="tally",
        programme=PlanProgramme.objects.get(code="P3-01"), division=OrgUnit.objects.get(code="SOCIAL-ECONOMY"),
        starts_on=date(2018, 7, 5), ends_on=date(2018, 7, 7),
    )  # fmt: skip
    events_services.event_tally_record(
        actor=None, event=event, day=date(2018, 7, 5), place="서울시청", count=100, method="estimate"
    )
    document = events_services.event_document_upload(
        actor=None, event=event, kind="white_paper", title=VICTIM_NAME + " 백서", issued_on=date(2018, 12, 28),
        upload=SimpleUploadedFile("백서.pdf", b"%PDF-1.4 " + VICTIM_NAME.encode()),
    )  # fmt: skip
    return event.code, document.pk


def _frontline_contest() -> tuple[str, int]:
    """A contest of 사회적경제담당관 with one proposal (frontline EventEntry)."""
    from iljari.frontline.services import events as events_services
    from iljari.org.models import OrgUnit
    from iljari.plan.models import Programme as PlanProgramme

    contest = events_services.event_set(
        actor=None, code="SIB-CROWD-T", kind="contest", title=VICTIM_NAME + " 펀딩대회",
        programme=PlanProgramme.objects.get(code="P3-04"), division=OrgUnit.objects.get(code="SOCIAL-ECONOMY"),
        starts_on=date(2017, 12, 1), ends_on=date(2018, 4, 30),
    )  # fmt: skip
    entry = events_services.event_entry_set(
        actor=None, event=contest, title=VICTIM_NAME + " 제안", proposed_on=date(2017, 12, 1)
    )
    return contest.code, entry.pk


@pytest.fixture
def fund_objects(make_loan, fund_manager, intermediary):  # noqa: F811  (the fund's fixtures, imported)
    from iljari.fund import services as fund
    from iljari.fund.models import Notice

    loan = make_loan()
    deferment = fund.deferment_request(
        actor=fund_manager, loan=loan, kind="deferment", months=3, requested_on=date(2018, 2, 1), reason="사정"
    )
    fund.notices_generate(kind="repayment", period_start=date(2018, 2, 16), period_end=date(2018, 2, 28))
    return {"loan": loan.number, "deferment": deferment.pk, "notice": Notice.objects.get().pk}


def _snapshot() -> str:
    """Everything an attempt could have changed, in the modules under attack (rows and their contents)."""
    from django.apps import apps

    rows = []
    for label in (
        "committees",
        "enterprises",
        "entrusted",
        "frontline",
        "fund",
        "people",
        "grants",
        "finance",
        "approvals",
        "intake",
        "messaging",
        "payroll",
    ):
        for model in apps.get_app_config(label).get_models():
            rows.append((model._meta.label, list(model._base_manager.order_by("pk").values_list())))
    return repr(rows)


def _attack(namespace, objects, client_as) -> list[str]:
    manager = client_as(Role.OFFICE_MANAGER)
    # the objects exist: the office's side sees them (the public platform and the grantee's own pages aside)
    for name, method, path, _ in MODULE_OBJECT_URLS[namespace]:
        if method == "get" and not path.startswith(("/platform/", "/grants/mine/")):
            assert manager.get(path.format(**objects)).status_code == 200, name
    before = _snapshot()
    leaks = []
    for name, method, path, roles in MODULE_OBJECT_URLS[namespace]:
        url = path.format(**objects)
        for role in roles:
            client = client_as(role)
            response = client.post(url, MODULE_DATA) if method == "post" else client.get(url)
            body = response.content.decode(errors="replace") if not response.streaming else ""
            if response.status_code not in (403, 404) or VICTIM_NAME in body:
                leaks.append(f"{namespace}:{name} {method.upper()} {url} as {role}: {response.status_code}")
    if _snapshot() != before:
        leaks.append(f"{namespace}: an attempt changed the data")
    return leaks


@pytest.fixture
def grant_objects(personas, dataset_2018):
    """A 종로구 grant agreement (signed, a payroll submitted) of a grantee that is not the ORGANISATION persona's
    organisation and no partner's; a 종로구 district project, a 종로구 ecosystem zone and a SIB contract (kept by
    사회적경제담당관, read by office-wide roles only)."""
    from decimal import Decimal

    from iljari.demo.enterprises_loader import business_number
    from iljari.enterprises.services import organisation_register
    from iljari.finance.models import BudgetLine
    from iljari.grants import district_services, sib_services
    from iljari.grants import services as grants
    from iljari.grants.tests.district_fixtures import contract_values, make_project
    from iljari.org.models import District
    from iljari.plan.models import Programme

    jongno = District.objects.get(code="11110")
    programme = grants.grant_programme_set(
        actor=None, code="2018-SE-WAGE", year=2018, name="사회적기업 인건비 지원", kind="employment",
        programme=Programme.objects.get(code="P3-01"), budget_line=BudgetLine.objects.get(code="SOCIAL-ECONOMY-2018"),
        wage_share=Decimal("70"), wage_cap=1_300_000, insurance_share=Decimal("100"), job_count="employees",
        target_group="low_income", job_kind="indirect",
    )  # fmt: skip
    grantee = organisation_register(
        actor=None, name=VICTIM_NAME + " 협동조합", kind="cooperative", business_number=business_number(777_300_001),
        district=jongno,
    )  # fmt: skip
    grant = grants.agreement_create(
        actor=None, programme=programme, grantee=grantee, code="2018-IDOR-1", title=VICTIM_NAME + " 일자리",
        starts_on=date(2018, 8, 1), ends_on=date(2019, 1, 31), city_amount=50_000_000, district=jongno,
    )  # fmt: skip
    grant = grants.agreement_sign(actor=None, agreement=grant, signed_on=date(2018, 8, 1))
    payroll = grants.payroll_submit(actor=None, agreement=grant, title="8월분", rows=[
        {"employee_number": "E1", "employee_name": VICTIM_NAME, "month": "2018-08", "wage": 1_700_000,
         "insurance": 150_000},
    ])  # fmt: skip
    project = make_project(code="T-11110-01", district="11110", title=VICTIM_NAME + " 일자리사업")
    support = district_services.ecosystem_support_register(
        actor=None, code="ZONE-IDOR", district=jongno, programme=Programme.objects.get(code="P3-02"),
        title="종로구 사회적경제특구",
    )  # fmt: skip
    provider = organisation_register(
        actor=None, name="성과보상 수행기관", kind="ngo", business_number=business_number(777_300_002)
    )
    contract = sib_services.sib_contract_create(**contract_values(provider))
    union = _union_objects(business_number)
    return {
        "programme": programme.code, "agreement": grant.code, "payroll": payroll.pk, "project": project.code,
        "support": support.code, "contract": contract.code, **union,
    }  # fmt: skip


def _union_objects(business_number) -> dict:
    """A labour union's agreement (no district, no partner: office-wide roles only) with a sub-project, a tranche,
    a scholarship round and a student named like the victim."""
    from iljari.enterprises.services import organisation_register
    from iljari.finance.models import BudgetLine
    from iljari.grants import services as grants
    from iljari.grants.services import unions
    from iljari.plan.models import Programme

    programme = grants.grant_programme_set(
        actor=None, code="2018-LABOUR-ORG", year=2018, name="서울지역 노동단체 지원",
        programme=Programme.objects.get(code="P2-04"), budget_line=BudgetLine.objects.get(code="LABOUR-POLICY-2018"),
    )  # fmt: skip
    union = organisation_register(
        actor=None, name="노동단체(시험)", kind="labour_organisation", business_number=business_number(777_300_003)
    )
    draft = grants.agreement_create(
        actor=None, programme=programme, grantee=union, code="2018-IDOR-U", title="노동단체 지원",
        starts_on=date(2018, 1, 1), ends_on=date(2018, 12, 31), city_amount=50_000_000,
    )  # fmt: skip
    signed = grants.agreement_sign(actor=None, agreement=draft, signed_on=date(2018, 1, 22))
    tranche = grants.disbursement_record(actor=None, agreement=signed, paid_on=date(2018, 2, 1), amount=1_000_000)
    sub_project = unions.sub_project_add(actor=None, agreement=signed, title="근로자 자녀 장학금 지급")
    round_ = unions.scholarship_create(
        actor=None, sub_project=sub_project, year=2018, title="장학금", amount_per_student=1_000_000, budget=9_000_000
    )
    student = unions.scholarship_recipient_add(
        actor=None, scholarship=round_, name=VICTIM_NAME, birth_date=date(2003, 4, 5), school="서울고등학교",
        parent_name=VICTIM_NAME,
    )  # fmt: skip
    return {
        "union": signed.code, "sub_project": sub_project.pk, "tranche": tranche.pk, "round": round_.pk,
        "student": student.pk,
    }  # fmt: skip


@pytest.fixture
def approval_objects(personas, dataset_2018):
    """A request of 일자리정책담당관 (the staff persona drafts the publishing of a call, the office manager's turn),
    another of its calls not yet put up, and a 전결 rule."""
    from iljari.approvals import services as approvals
    from iljari.intake.models import Call
    from iljari.intake.tests.factories import make_call

    drafted, waiting = make_call("IDOR-A", documents=""), make_call("IDOR-B", documents="")
    Call.objects.filter(pk__in=[drafted.pk, waiting.pk]).update(published_at=None, title=VICTIM_NAME + " 모집")
    drafted.refresh_from_db()
    request = approvals.approval_draft(
        actor=personas[Role.DIVISION_STAFF], act="intake.call_publish", target=drafted,
        approver=personas[Role.OFFICE_MANAGER], note=VICTIM_NAME,
    )  # fmt: skip
    rule = approvals.delegation_rule_set(
        actor=None, act="participation.pay_confirm", amount_from=None, amount_below=None, position="team_lead"
    )
    return {"request": request.pk, "call": waiting.code, "rule": rule.pk}


@pytest.fixture
def message_objects(personas, org):
    """A failed message to a person named like the victim (its page names them; the retry would send it)."""
    from iljari.messaging.models import Message
    from iljari.messaging.services import message_send
    from iljari.people.tests.factories import make_person

    person = make_person(name=VICTIM_NAME, phone="010-7777-7777")
    message = message_send(to=person, template="selection_selected", context={"call": VICTIM_NAME + " 모집"})
    Message.objects.filter(pk=message.pk).update(status=Message.Status.FAILED, attempts=5, last_error="x")
    return {"message": message.pk}


@pytest.fixture
def committee_objects(personas, org, settings, tmp_path):
    """The 사전심사위원회 (노동정책담당관's) with a member, a held meeting with minutes and a decision on a
    pre-screening request named like the victim."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from iljari.committees import services as committees
    from iljari.frontline import services as frontline
    from iljari.frontline.committee import screening_committee

    settings.MEDIA_ROOT = tmp_path
    screening = frontline.screening_request(
        actor=None, institution=Partner.objects.get(code="TTI-CENTRAL"), unit=None, reason=VICTIM_NAME, headcount=1,
        months=6, budget=1, requested_on=date(2018, 5, 1),
    )  # fmt: skip
    frontline.screening_decide(actor=None, screening=screening, decision="approved", decided_on=date(2018, 5, 10))
    committee = screening_committee()
    member = committees.member_add(actor=None, committee=committee, name=VICTIM_NAME, kind="appointed",
                                   term_start=date(2018, 1, 1))  # fmt: skip
    meeting = committee.meetings.get()
    committees.minutes_upload(actor=None, meeting=meeting, upload=SimpleUploadedFile("m.pdf", b"%PDF-1.4"))
    return {"committee": committee.code, "meeting": meeting.pk, "member": member.pk}


def test_committee_objects_outside_ones_scope_answer_403_or_404(committee_objects, client_as):
    assert _attack("committees", committee_objects, client_as) == []


def test_message_objects_outside_ones_scope_answer_403_or_404(message_objects, client_as):
    assert _attack("messaging", message_objects, client_as) == []


def test_approval_objects_outside_ones_scope_answer_403_or_404(approval_objects, client_as):
    assert _attack("approvals", approval_objects, client_as) == []


def test_enterprise_objects_outside_ones_scope_answer_403_or_404(enterprise_objects, client_as):
    assert _attack("enterprises", enterprise_objects, client_as) == []


def test_frontline_objects_outside_ones_scope_answer_403_or_404(frontline_objects, client_as):
    assert _attack("frontline", frontline_objects, client_as) == []


@pytest.fixture
def payroll_objects(victims):
    """The victim's May 2018 at the 종로구 worksite: work record, pay and deductions."""
    from iljari.payroll.services import deductions_compute

    placement = Placement.objects.get(pk=victims["placement"])
    participation.work_record_set(
        actor=None, placement=placement, month=date(2018, 5, 1), days_worked=21, hours_worked=168, full_weeks=4
    )
    participation.pay_compute(actor=None, month=date(2018, 5, 1), worksite=placement.worksite)
    deductions_compute(actor=None, month=date(2018, 5, 1), worksite=placement.worksite)
    return {"worksite": placement.worksite.code, "month": "2018-05", "year": 2018}


def test_payroll_objects_outside_ones_scope_answer_403_or_404(payroll_objects, client_as):
    assert _attack("payroll", payroll_objects, client_as) == []


@pytest.fixture
def entrusted_objects(personas):
    from iljari.entrusted import services as entrusted
    from iljari.entrusted.tests.factories import make_contract, make_facility

    facility = make_facility("VICTIM-CENTRE", VICTIM_NAME + " 지원센터", kind="social_economy_centre",
                             division="SOCIAL-ECONOMY", address=VICTIM_NAME + " 주소")  # fmt: skip
    contract = make_contract(facility, "SE-NETWORK", date(2017, 1, 1), date(2019, 12, 31), note=VICTIM_NAME)
    budget = entrusted.budget_set(actor=None, contract=contract, year=2018, budget=1_000_000)
    step = entrusted.renewal_step_set(actor=None, facility=facility, kind=1, due_on=date(2019, 6, 30))
    return {"facility": facility.code, "contract": contract.pk, "budget": budget.pk, "step": step.pk}


def test_entrusted_objects_outside_ones_scope_answer_403_or_404(entrusted_objects, client_as):
    assert _attack("entrusted", entrusted_objects, client_as) == []


def test_fund_objects_outside_ones_scope_answer_403_or_404(fund_objects, client_as):
    assert _attack("fund", fund_objects, client_as) == []


@pytest.fixture
def transfer_objects(personas, dataset_2018):
    """A 종로구 worksite's May 2018 pay, confirmed and made into its transfer (one victim, with an account)."""
    from iljari.payroll import services as payroll
    from iljari.payroll import transfers
    from iljari.people import services as people

    site = make_site()
    person = make_person(district="11110")
    Person.objects.filter(pk=person.pk).update(name=VICTIM_NAME)
    person.refresh_from_db()
    people.pay_account_set(actor=None, person=person, bank_code="004", number="123456789012", holder=VICTIM_NAME)
    placement = participation.placement_create(
        actor=None, person=person, worksite=site["jongno"], start_date=date(2018, 3, 2), end_date=date(2018, 8, 31)
    )
    may = date(2018, 5, 1)
    participation.work_record_set(
        actor=None, placement=placement, month=may, days_worked=21, hours_worked=168, full_weeks=4
    )
    participation.pay_compute(actor=None, month=may, worksite=site["jongno"])
    payroll.deductions_compute(actor=None, month=may, worksite=site["jongno"])
    participation.pay_confirm(actor=None, worksite=site["jongno"], month=may)
    [batch] = transfers.transfer_batches_make(actor=None, worksite=site["jongno"], month=may)
    return {"batch": batch.pk}


def test_transfer_objects_outside_ones_scope_answer_403_or_404(transfer_objects, client_as):
    assert _attack("transfers", transfer_objects, client_as) == []


def test_grant_objects_outside_ones_scope_answer_403_or_404(grant_objects, client_as):
    assert _attack("grants", grant_objects, client_as) == []
