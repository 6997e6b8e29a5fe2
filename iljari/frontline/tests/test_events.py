"""Events and campaigns: the services refuse bad input in Korean and write nothing, only the event's division keeps
it; the pages per role; the form, the tally, the export and the API."""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.frontline import services as frontline
from iljari.frontline.models import Event, EventDocument, EventGuest, EventTally, Programme
from iljari.frontline.services import events as services
from iljari.org.models import OrgUnit, Partner
from iljari.plan.models import Programme as PlanProgramme


@pytest.fixture
def events(personas, dataset_2018):
    jobs = OrgUnit.objects.get(code="JOBS-POLICY")
    social = OrgUnit.objects.get(code="SOCIAL-ECONOMY")
    sessions = frontline.programme_set(
        actor=None, code="MENTOR-T", division=jobs, title="멘토스쿨 회차", kind=Programme.Kind.MENTORING, public=False
    )
    frontline.session_set(actor=None, programme=sessions, title="1회", day=date(2018, 4, 18), starts=14, capacity=150)
    mentor = services.event_set(
        actor=None,
        code="MENTOR-T",
        kind=Event.Kind.MENTOR_SCHOOL,
        title="특성화고 직업 멘토스쿨",
        programme=PlanProgramme.objects.get(code="P1-02"),
        division=jobs,
        starts_on=date(2018, 4, 18),
        ends_on=date(2018, 6, 20),
        counting=Event.Counting.REGISTRATIONS,
        sessions=sessions,
    )
    week = services.event_set(
        actor=None,
        code="WEEK-T",
        kind=Event.Kind.WEEK,
        title="사회적경제 주간",
        programme=PlanProgramme.objects.get(code="P3-01"),
        division=social,
        starts_on=date(2018, 7, 5),
        ends_on=date(2018, 7, 7),
        place="서울시청",
        counting=Event.Counting.TALLY,
        partner=Partner.objects.get(code="TTI-EAST"),
    )
    return {"mentor": mentor, "week": week, "jobs": jobs, "social": social, "sessions": sessions}


def _event_fields(events, **changes):
    values = {
        "code": "NEW-T",
        "kind": Event.Kind.FESTIVAL,
        "title": "공정무역 페스티벌",
        "programme": PlanProgramme.objects.get(code="P1-02"),
        "division": events["jobs"],
        "starts_on": date(2018, 5, 12),
        "ends_on": date(2018, 5, 13),
        "new": True,
    }
    values.update(changes)
    return values


# --- services ----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_bad_event_is_refused_in_korean_and_nothing_is_written(events, personas):
    staff = personas[Role.DIVISION_STAFF]
    before = Event.objects.count()
    with pytest.raises(ValidationFailed) as caught:
        services.event_set(
            actor=staff,
            **_event_fields(
                events,
                code="bad code!",
                title=" ",
                kind="party",
                ends_on=date(2018, 5, 1),
                capacity=0,
                programme=PlanProgramme.objects.get(code="P3-01"),
                counting=Event.Counting.REGISTRATIONS,
            ),
        )
    errors = caught.value.field_errors
    assert set(errors) >= {"code", "title", "kind", "ends_on", "capacity", "programme", "counting"}
    assert errors["ends_on"] == ["종료일은 시작일과 같거나 그 뒤여야 합니다."]
    assert errors["title"] == ["행사명을 입력하십시오."]
    assert "의 주요업무가 아닙니다" in errors["programme"][0]
    assert Event.objects.count() == before


@pytest.mark.django_db
def test_a_taken_code_and_a_session_programme_of_another_event_are_refused(events, personas):
    staff = personas[Role.DIVISION_STAFF]
    with pytest.raises(ValidationFailed) as caught:
        services.event_set(actor=staff, **_event_fields(events, code="MENTOR-T", sessions=events["sessions"]))
    assert "이미 쓰고 있습니다" in caught.value.field_errors["code"][0]
    assert caught.value.field_errors["sessions"] == ["멘토스쿨 회차는 이미 다른 행사의 회차입니다."]


@pytest.mark.django_db
def test_only_the_events_division_and_the_office_manager_keep_it(events, personas):
    week = events["week"]
    for role in (Role.DIVISION_STAFF, Role.AUDITOR, Role.PARTNER_AGENCY, Role.CITIZEN):
        with pytest.raises(NotAllowed):
            services.event_tally_record(
                actor=personas[role], event=week, day=date(2018, 7, 5), place="서울시청", count=10, method="gate"
            )
    tally = services.event_tally_record(
        actor=personas[Role.OFFICE_MANAGER], event=week, day=date(2018, 7, 5), place="서울시청", count=10, method="gate"
    )
    assert tally.count == 10


@pytest.mark.django_db
def test_a_tally_outside_the_period_or_of_a_registration_event_is_refused(events, personas):
    manager = personas[Role.OFFICE_MANAGER]
    with pytest.raises(ValidationFailed) as caught:
        services.event_tally_record(
            actor=manager, event=events["week"], day=date(2018, 7, 8), place="", count=0, method="guess"
        )
    assert set(caught.value.field_errors) == {"day", "place", "count", "method"}
    assert caught.value.field_errors["day"] == ["행사 기간(2018.7.5. ~ 2018.7.7.) 안의 날짜를 입력하십시오."]
    with pytest.raises(ValidationFailed) as caught:
        services.event_tally_record(
            actor=manager, event=events["mentor"], day=date(2018, 4, 18), place="강당", count=5, method="gate"
        )
    assert "현장 인원 집계로 세는 행사가 아닙니다" in caught.value.message
    assert EventTally.objects.count() == 0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(counts=st.lists(st.integers(min_value=1, max_value=100_000), min_size=1, max_size=3))
@pytest.mark.django_db
def test_the_week_total_is_the_sum_of_its_tallies_and_a_tally_again_corrects_it(events, counts):
    from iljari.frontline.selectors.events import event_tally_total

    EventTally.objects.all().delete()  # each example starts from no tallies (the fixture's events are kept)
    week = events["week"]
    for day, count in zip((5, 6, 7), counts, strict=False):
        services.event_tally_record(
            actor=None, event=week, day=date(2018, 7, day), place="서울시청", count=count, method="estimate"
        )
    assert event_tally_total(kind=Event.Kind.WEEK, year=2018, as_of=date(2018, 7, 7)) == sum(counts)
    services.event_tally_record(
        actor=None, event=week, day=date(2018, 7, 5), place="서울시청", count=1, method="estimate"
    )
    assert event_tally_total(kind=Event.Kind.WEEK, year=2018, as_of=date(2018, 7, 7)) == sum(counts[1:]) + 1


@pytest.mark.django_db
def test_a_document_must_be_a_pdf_or_picture(events, personas, media_root):
    from django.core.files.uploadedfile import SimpleUploadedFile

    manager = personas[Role.OFFICE_MANAGER]
    with pytest.raises(ValidationFailed) as caught:
        services.event_document_upload(
            actor=manager,
            event=events["week"],
            kind="white_paper",
            title="백서",
            issued_on=date(2018, 12, 28),
            upload=SimpleUploadedFile("a.pdf", b"MZ not a pdf"),
        )
    assert caught.value.field_errors["upload"] == ["PDF, JPG, PNG 파일만 올릴 수 있습니다."]
    document = services.event_document_upload(
        actor=manager,
        event=events["week"],
        kind="white_paper",
        title="백서",
        issued_on=date(2018, 12, 28),
        upload=SimpleUploadedFile("백서.pdf", b"%PDF-1.4 test"),
    )
    assert document.file_type == "application/pdf"
    assert EventDocument.objects.count() == 1


# --- pages -------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.OFFICE_MANAGER, 200),
        (Role.DIVISION_STAFF, 200),
        (Role.AUDITOR, 200),
        (Role.PARTNER_AGENCY, 200),
        (Role.DISTRICT_OFFICER, 403),
        (Role.CITIZEN, 403),
        (Role.ORGANISATION, 403),
    ],
)
def test_the_event_list_by_role(events, client_as, role, status):
    response = client_as(role).get("/frontline/events/")
    assert response.status_code == status


@pytest.mark.django_db
def test_a_partner_agency_reads_only_the_events_its_partner_co_hosts(events, client_as):
    client = client_as(Role.PARTNER_AGENCY)
    page = client.get("/frontline/events/").content.decode()
    assert "사회적경제 주간" in page and "특성화고 직업 멘토스쿨" not in page
    assert client.get("/frontline/events/MENTOR-T/").status_code == 404
    assert client.get("/frontline/events/WEEK-T/").status_code == 200


@pytest.mark.django_db
def test_the_list_searches_filters_and_exports_in_its_order(events, client_as):
    client = client_as(Role.AUDITOR)
    page = client.get("/frontline/events/?kind=week").content.decode()
    assert "사회적경제 주간" in page and "특성화고 직업 멘토스쿨" not in page
    page = client.get("/frontline/events/?q=멘토&year=2018&kind=nonsense").content.decode()
    assert "특성화고 직업 멘토스쿨" in page and "사회적경제 주간" not in page
    assert client.get("/frontline/events/?year=abc&sort=zzz").status_code == 200
    response = client.get("/frontline/events/export.xlsx?sort=title")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))
    rows = list(sheet.active.iter_rows(values_only=True))
    titles = [row[2] for row in rows if row[0] in {"MENTOR-T", "WEEK-T"}]
    assert titles == sorted(titles)


@pytest.mark.django_db
def test_staff_of_another_division_see_the_event_but_not_its_forms(events, client_as):
    page = client_as(Role.DIVISION_STAFF).get("/frontline/events/WEEK-T/").content.decode()
    assert "사회적경제 주간" in page and "인원 집계 기록" not in page
    response = client_as(Role.DIVISION_STAFF).post(
        "/frontline/events/WEEK-T/tallies/", {"day": "2018-07-05", "place": "x", "count": 5, "method": "gate"}
    )
    assert response.status_code == 404
    assert client_as(Role.AUDITOR).post("/frontline/events/WEEK-T/tallies/", {}).status_code == 403
    assert EventTally.objects.count() == 0


@pytest.mark.django_db
def test_the_office_manager_records_a_tally_and_a_mistake_keeps_the_input(events, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    bad = {"day": "2018-07-09", "place": "덕수궁돌담길", "count": "120", "method": "gate"}
    response = client.post("/frontline/events/WEEK-T/tallies/", bad)
    assert response.status_code == 400
    page = response.content.decode()
    assert "행사 기간(2018.7.5. ~ 2018.7.7.) 안의 날짜를 입력하십시오." in page and 'value="덕수궁돌담길"' in page
    response = client.post("/frontline/events/WEEK-T/tallies/", {**bad, "day": "2018-07-06"})
    assert response.status_code == 302
    assert EventTally.objects.get().count == 120
    assert "120명" in client.get("/frontline/events/WEEK-T/").content.decode()


@pytest.mark.django_db
def test_staff_create_an_event_through_the_form(events, client_as):
    client = client_as(Role.DIVISION_STAFF)
    assert client.get("/frontline/events/new/").status_code == 200
    form = {
        "code": "HACK-2018",
        "kind": "contest",
        "title": "일자리해커톤",
        "division": "JOBS-POLICY",
        "programme": "P1-04",
        "starts_on": "2018-11-30",
        "ends_on": "2018-11-01",
        "state": "planned",
        "counting": "none",
    }
    response = client.post("/frontline/events/new/", form)
    assert response.status_code == 400
    assert "종료일은 시작일과 같거나 그 뒤여야 합니다." in response.content.decode()
    response = client.post("/frontline/events/new/", {**form, "starts_on": "2018-11-01", "ends_on": "2018-11-30"})
    assert response.status_code == 302 and response["Location"] == "/frontline/events/HACK-2018/"
    event = Event.objects.get(code="HACK-2018")
    assert event.programme.code == "P1-04"
    response = client.post("/frontline/events/HACK-2018/edit/", {**form, "title": "해커톤", "ends_on": "2018-11-30"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.code, event.title) == ("HACK-2018", "해커톤")
    assert client_as(Role.AUDITOR).get("/frontline/events/new/").status_code == 403


@pytest.mark.django_db
def test_a_document_is_downloaded_by_readers_in_scope(events, client_as, personas, media_root):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = services.event_document_upload(
        actor=None,
        event=events["mentor"],
        kind="result_report",
        title="결과보고서",
        issued_on=date(2018, 6, 30),
        upload=SimpleUploadedFile("결과보고서.pdf", b"%PDF-1.4 test"),
    )
    response = client_as(Role.AUDITOR).get(f"/frontline/events/documents/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client_as(Role.PARTNER_AGENCY).get(f"/frontline/events/documents/{document.pk}/").status_code == 404


# --- API ---------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_lists_reads_and_takes_a_tally_from_the_division_only(events, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    body = client.get("/api/frontline/events?kind=week").json()
    assert body["count"] == 1 and body["items"][0]["code"] == "WEEK-T"
    tally = {"day": "2018-07-05", "place": "서울시청", "count": 5000, "method": "estimate"}
    response = client.post("/api/frontline/events/WEEK-T/tallies", tally, content_type="application/json")
    assert response.status_code == 201
    detail = client.get("/api/frontline/events/WEEK-T").json()
    assert detail["attendees"] == 5000 and detail["tallies"][0]["count"] == 5000
    response = client.post(
        "/api/frontline/events/WEEK-T/tallies", {**tally, "count": 0}, content_type="application/json"
    )
    assert response.status_code == 400
    staff = client_as(Role.DIVISION_STAFF)
    response = staff.post("/api/frontline/events/WEEK-T/tallies", tally, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["message"] == "이 행사를 관리할 권한이 없습니다."
    guest = {"name": "국제노동기구(ILO)", "kind": "international"}
    assert (
        staff.post("/api/frontline/events/MENTOR-T/guests", guest, content_type="application/json").status_code == 201
    )
    assert EventGuest.objects.get().event.code == "MENTOR-T"
    assert client_as(Role.CITIZEN).get("/api/frontline/events").status_code == 403
    assert client_as(Role.PARTNER_AGENCY).get("/api/frontline/events/MENTOR-T").status_code == 404
    summary = client.get("/api/frontline/events/summary?year=2018&as_of=2018-07-31").json()
    week = next(row for row in summary if row["kind"] == "week")
    assert (week["events"], week["tallied"]) == (1, 5000)


@pytest.mark.django_db
def test_a_company_tour_records_a_visit_with_the_organisations_own_article(events, client_as, personas):
    from iljari.enterprises.models import PlatformArticle
    from iljari.enterprises.tests.factories import make_organisation

    company = make_organisation("(주)강소일터")
    other = make_organisation("(주)다른기업")
    article = PlatformArticle.objects.create(
        organisation=company,
        title="강소일터 탐방기",
        body="인터뷰",
        author_name="청년기자",
        author_kind="youth_reporter",
        published_on=date(2018, 6, 20),
    )
    tour = services.event_set(
        actor=None,
        code="TOUR-T",
        kind=Event.Kind.COMPANY_TOUR,
        title="청년 참여 기업탐방 시범운영",
        programme=PlanProgramme.objects.get(code="P1-01"),
        division=events["jobs"],
        starts_on=date(2018, 6, 1),
        ends_on=date(2018, 6, 30),
    )
    with pytest.raises(ValidationFailed) as caught:
        services.event_visit_record(
            actor=personas[Role.DIVISION_STAFF], event=tour, organisation=other, visited_on=date(2018, 6, 15),
            article=article,
        )  # fmt: skip
    assert caught.value.field_errors["article"] == ["강소일터 탐방기는 (주)다른기업의 탐방기사가 아닙니다."]
    with pytest.raises(ValidationFailed):
        services.event_visit_record(actor=None, event=events["week"], organisation=company, visited_on=date(2018, 7, 5))
    client = client_as(Role.DIVISION_STAFF)
    form = {"organisation": company.pk, "visited_on": "2018-06-15", "participants": 12, "article": article.pk}
    response = client.post("/frontline/events/TOUR-T/visits/", form)
    assert response.status_code == 302
    page = client.get("/frontline/events/TOUR-T/").content.decode()
    assert "(주)강소일터" in page and "강소일터 탐방기" in page and "12명" in page
    response = client.post("/frontline/events/TOUR-T/visits/", {**form, "article": article.pk + 1000})
    assert response.status_code == 400


@pytest.mark.django_db
def test_the_event_pages_show_no_internal_identifier(events, client_as, personas):
    from iljari.core.tests.test_plain_identifiers import _read, _vocabulary, findings

    services.event_tally_record(
        actor=None, event=events["week"], day=date(2018, 7, 5), place="서울시청", count=5000, method="estimate"
    )
    services.event_guest_set(actor=None, event=events["mentor"], name="국제노동기구(ILO)", kind="international")
    dotted, names, values = _vocabulary()
    usernames = frozenset(user.username for user in personas.values())
    client = client_as(Role.OFFICE_MANAGER)
    problems = []
    for path in (
        "/frontline/events/",
        "/frontline/events/WEEK-T/",
        "/frontline/events/MENTOR-T/",
        "/frontline/events/new/",
        "/frontline/events/WEEK-T/edit/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        text = _read(response.content.decode())
        problems += [f"{path}: {found}" for found in findings(text, dotted=dotted, names=names, values=values,
                                                              allowed_words=usernames)]  # fmt: skip
    assert problems == []


@pytest.mark.django_db
def test_a_contest_takes_its_entries_judging_and_selection_from_an_intake_call(events, client_as):
    from iljari.intake.tests.factories import make_call

    make_call("IDEA-2018", programme="P1-04")
    client = client_as(Role.DIVISION_STAFF)
    form = {
        "code": "HACK-T", "kind": "contest", "title": "일자리해커톤", "division": "JOBS-POLICY", "programme": "P1-04",
        "starts_on": "2018-11-01", "ends_on": "2018-11-30", "state": "planned", "counting": "none",
        "call": "NO-SUCH-CALL",
    }  # fmt: skip
    response = client.post("/frontline/events/new/", form)
    assert response.status_code == 400
    assert "그 코드의 공모를 찾을 수 없습니다." in response.content.decode()
    assert not Event.objects.filter(code="HACK-T").exists()
    assert client.post("/frontline/events/new/", {**form, "call": "IDEA-2018"}).status_code == 302
    page = client.get("/frontline/events/HACK-T/").content.decode()
    assert "접수 0건 → 서면심사 통과 0건 → 선정 0건" in page


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    day=st.one_of(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(str), st.text(max_size=12)),
    place=st.text(max_size=150),
    count=st.one_of(st.integers(min_value=-5, max_value=20_000_000).map(str), st.text(max_size=8)),
    method=st.sampled_from(["gate", "sign_in", "estimate", "", "x", "<script>"]),
)
@pytest.mark.django_db
def test_any_tally_form_input_answers_a_page_never_a_server_error(events, client_as, day, place, count, method):
    client = client_as(Role.OFFICE_MANAGER)
    before = EventTally.objects.count()
    response = client.post("/frontline/events/WEEK-T/tallies/", {"day": day, "place": place, "count": count,
                                                                   "method": method})  # fmt: skip
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert EventTally.objects.count() == before
