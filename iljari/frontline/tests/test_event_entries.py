"""A contest's proposals (EventEntry: 제안 → 선정 → 시상, 모의금액): the services refuse bad input in Korean and write
nothing, only the event's division keeps them, one stage forward at a time; the event page shows them with its
forms; and the contest's counts from records (performance.record_figures) read them as of a day."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.frontline.figures_events import sib_funded, sib_pledged_eok
from iljari.frontline.models import Event, EventEntry
from iljari.frontline.selectors.events import contest_entries, contest_tallied
from iljari.frontline.services import events as services
from iljari.org.models import OrgUnit
from iljari.plan.models import Programme as PlanProgramme


@pytest.fixture
def contest(personas, dataset_2018):
    social = OrgUnit.objects.get(code="SOCIAL-ECONOMY")
    return services.event_set(
        actor=None,
        code="SIB-T",
        kind=Event.Kind.CONTEST,
        title="모의크라우드 펀딩대회",
        programme=PlanProgramme.objects.get(code="P3-04"),
        division=social,
        starts_on=date(2017, 12, 1),
        ends_on=date(2018, 4, 30),
        counting=Event.Counting.TALLY,
    )


def _entry(contest, title="제안사업 1", **changes):
    values = {"actor": None, "event": contest, "title": title, "proposed_on": date(2017, 12, 1)}
    values.update(changes)
    return services.event_entry_set(**values)


# --- services ----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_bad_entry_is_refused_in_korean_and_nothing_is_written(contest, personas):
    manager = personas[Role.OFFICE_MANAGER]
    with pytest.raises(ValidationFailed) as error:
        services.event_entry_set(
            actor=manager, event=contest, title=" ", proposed_on=date(2018, 5, 1), pledged=-1, proposer="x" * 201
        )
    assert error.value.field_errors == {
        "title": ["제안사업 이름을 입력하십시오."],
        "proposer": ["제안자는 200자까지 입력합니다."],
        "proposed_on": ["제안일은 행사가 끝나는 날(2018.4.30.)이나 그 전이어야 합니다."],
        "pledged": ["모의금액은 0원 이상으로 입력하거나 비워 두십시오."],
    }
    week = services.event_set(
        actor=None,
        code="WEEK-T",
        kind=Event.Kind.WEEK,
        title="사회적경제 주간",
        programme=PlanProgramme.objects.get(code="P3-01"),
        division=contest.division,
        starts_on=date(2018, 7, 5),
        ends_on=date(2018, 7, 7),
    )
    with pytest.raises(ValidationFailed) as error:
        _entry(week)
    assert error.value.message == "사회적경제 주간은 공모전·해커톤이 아니어서 제안사업을 기록하지 않습니다."
    assert EventEntry.objects.count() == 0


@pytest.mark.django_db
def test_an_entry_goes_one_stage_forward_at_a_time_on_days_in_order(contest, personas):
    manager = personas[Role.OFFICE_MANAGER]
    entry = _entry(contest, proposer="시민 제안자", pledged=2_637_500_000)
    with pytest.raises(ValidationFailed) as error:
        services.event_entry_advance(actor=manager, entry=entry, stage="awarded", on=date(2018, 4, 2))
    assert error.value.field_errors == {"stage": ["제안사업 1은 지금 제안 단계여서 선정 단계로만 올릴 수 있습니다."]}
    with pytest.raises(ValidationFailed) as error:
        services.event_entry_advance(actor=manager, entry=entry, stage="selected", on=date(2017, 11, 30))
    assert error.value.field_errors == {"on": ["선정일은 제안일(2017.12.1.)보다 앞설 수 없습니다."]}
    with pytest.raises(ValidationFailed) as error:
        services.event_entry_advance(actor=manager, entry=entry, stage="selected", on=date(2018, 5, 2))
    assert error.value.field_errors == {"on": ["선정일은 행사가 끝나는 날(2018.4.30.)이나 그 전이어야 합니다."]}
    entry.refresh_from_db()
    assert (entry.stage, entry.selected_on) == ("proposed", None)

    entry = services.event_entry_advance(actor=manager, entry=entry, stage="selected", on=date(2018, 1, 27))
    with pytest.raises(ValidationFailed) as error:
        services.event_entry_advance(actor=manager, entry=entry, stage="awarded", on=date(2018, 1, 26))
    assert error.value.field_errors == {"on": ["시상일은 선정일(2018.1.27.)보다 앞설 수 없습니다."]}
    entry = services.event_entry_advance(actor=manager, entry=entry, stage="awarded", on=date(2018, 4, 2))
    assert (entry.stage, entry.selected_on, entry.awarded_on) == ("awarded", date(2018, 1, 27), date(2018, 4, 2))
    with pytest.raises(ValidationFailed) as error:
        services.event_entry_advance(actor=manager, entry=entry, stage="awarded", on=date(2018, 4, 3))
    assert error.value.message == "제안사업 1은 이미 시상까지 마쳤습니다."
    # the same title again corrects the entry; its proposal day may not move past its selection
    with pytest.raises(ValidationFailed) as error:
        _entry(contest, proposed_on=date(2018, 2, 1))
    assert error.value.field_errors == {"proposed_on": ["제안일은 선정일(2018.1.27.)보다 늦을 수 없습니다."]}
    _entry(contest, pledged=100)
    assert EventEntry.objects.get().pledged == 100


@pytest.mark.django_db
def test_only_the_events_division_and_the_office_manager_keep_its_entries(contest, personas):
    with pytest.raises(NotAllowed):
        _entry(contest, actor=personas[Role.DIVISION_STAFF])  # 일자리정책담당관: not the contest's division
    with pytest.raises(NotAllowed):
        _entry(contest, actor=personas[Role.AUDITOR])
    entry = _entry(contest)
    with pytest.raises(NotAllowed):
        services.event_entry_advance(
            actor=personas[Role.DIVISION_STAFF], entry=entry, stage="selected", on=date(2018, 1, 27)
        )
    assert EventEntry.objects.get().stage == "proposed"


@pytest.mark.django_db
def test_the_contest_counts_read_the_entries_as_of_a_day(contest):
    for n in range(1, 5):
        entry = _entry(contest, title=f"제안사업 {n}", pledged=100_000_000 if n <= 3 else None)
        if n <= 3:
            entry = services.event_entry_advance(actor=None, entry=entry, stage="selected", on=date(2018, 1, 27))
        if n == 1:
            services.event_entry_advance(actor=None, entry=entry, stage="awarded", on=date(2018, 4, 2))
    services.event_tally_record(
        actor=None, event=contest, day=date(2018, 3, 9), place="펀딩", count=70, method="sign_in"
    )

    def counts(as_of):
        return (
            contest_entries(programme="P3-04", year=2018, as_of=as_of),
            contest_entries(programme="P3-04", year=2018, as_of=as_of, stage="selected"),
            sib_funded(year=2018, as_of=as_of),
            contest_entries(programme="P3-04", year=2018, as_of=as_of, stage="awarded"),
            contest_tallied(programme="P3-04", year=2018, as_of=as_of),
            sib_pledged_eok(year=2018, as_of=as_of),
        )

    assert counts(date(2018, 1, 26)) == (4, 0, 0, 0, 0, None)
    assert counts(date(2018, 3, 31)) == (4, 3, 3, 0, 70, Decimal(3))
    assert counts(date(2018, 6, 30)) == (4, 3, 3, 1, 70, Decimal(3))
    assert contest_entries(programme="P3-04", year=2019, as_of=date(2019, 6, 30)) is None  # no contest that year


# --- pages ---------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_office_manager_adds_and_advances_an_entry_and_a_mistake_keeps_the_input(contest, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    bad = {"title": "돌봄 SIB", "proposer": "사회적협동조합", "proposed_on": "2018-05-01", "pledged": "2637500000"}
    response = client.post("/frontline/events/SIB-T/entries/", bad)
    assert response.status_code == 400
    page = response.content.decode()
    assert "제안일은 행사가 끝나는 날(2018.4.30.)이나 그 전이어야 합니다." in page and 'value="돌봄 SIB"' in page
    assert client.post("/frontline/events/SIB-T/entries/", {**bad, "proposed_on": "2017-12-01"}).status_code == 302
    entry = EventEntry.objects.get()
    url = f"/frontline/events/SIB-T/entries/{entry.pk}/advance/"
    response = client.post(url, {"stage": "awarded", "on": "2018-04-02"})
    assert response.status_code == 400
    assert "지금 제안 단계여서 선정 단계로만 올릴 수 있습니다." in response.content.decode()
    assert client.post(url, {"stage": "selected", "on": "2018-01-27"}).status_code == 302
    page = client.get("/frontline/events/SIB-T/").content.decode()
    assert "제안 1개 → 선정 1개 → 시상 0개 · 모의금액 26억원" in page
    assert "2,637,500,000원" in page and "2018.1.27." in page


@pytest.mark.django_db
def test_staff_of_another_division_read_the_entries_but_keep_none(contest, client_as):
    entry = _entry(contest)
    staff = client_as(Role.DIVISION_STAFF)
    page = staff.get("/frontline/events/SIB-T/").content.decode()
    assert "제안사업 1" in page and "제안사업 기록" not in page and "다음 단계" not in page
    assert (
        staff.post("/frontline/events/SIB-T/entries/", {"title": "x", "proposed_on": "2017-12-01"}).status_code == 404
    )
    url = f"/frontline/events/SIB-T/entries/{entry.pk}/advance/"
    assert staff.post(url, {"stage": "selected", "on": "2018-01-27"}).status_code == 404
    assert client_as(Role.AUDITOR).post(url, {"stage": "selected", "on": "2018-01-27"}).status_code == 403
    assert (
        client_as(Role.OFFICE_MANAGER)
        .post(f"/frontline/events/SIB-T/entries/{entry.pk + 1}/advance/", {"stage": "selected", "on": "2018-01-27"})
        .status_code
        == 404
    )
    assert EventEntry.objects.get().stage == "proposed"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    stage=st.sampled_from(["selected", "awarded", "proposed", "", "x", "<script>"]),
    on=st.one_of(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(str), st.text(max_size=12)),
    title=st.text(max_size=220),
    pledged=st.one_of(st.integers(min_value=-5, max_value=10**14).map(str), st.text(max_size=8)),
)
@pytest.mark.django_db
def test_any_entry_form_input_answers_a_page_never_a_server_error(contest, client_as, stage, on, title, pledged):
    client = client_as(Role.OFFICE_MANAGER)
    entry = EventEntry.objects.filter(event=contest).first() or _entry(contest)
    response = client.post("/frontline/events/SIB-T/entries/", {"title": title, "proposed_on": on, "pledged": pledged})
    assert response.status_code in (302, 400)
    response = client.post(f"/frontline/events/SIB-T/entries/{entry.pk}/advance/", {"stage": stage, "on": on})
    assert response.status_code in (302, 400)


# --- API -----------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_takes_an_entry_and_its_next_stage_from_the_division_only(contest, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    entry = {"title": "돌봄 SIB 사업", "proposed_on": "2017-12-01", "pledged": 2_637_500_000}
    response = client.post("/api/frontline/events/SIB-T/entries", entry, content_type="application/json")
    assert response.status_code == 201
    pk = response.json()["id"]
    bad = client.post(
        f"/api/frontline/events/SIB-T/entries/{pk}/advance",
        {"stage": "awarded", "on": "2018-04-02"},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert bad.json()["errors"] == [
        {"field": "stage", "message": "돌봄 SIB 사업은 지금 제안 단계여서 선정 단계로만 올릴 수 있습니다."}
    ]
    response = client.post(
        f"/api/frontline/events/SIB-T/entries/{pk}/advance",
        {"stage": "selected", "on": "2018-01-27"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["selected_on"] == "2018-01-27"
    detail = client.get("/api/frontline/events/SIB-T").json()
    assert [(e["title"], e["stage"], e["pledged"]) for e in detail["entries"]] == [
        ("돌봄 SIB 사업", "selected", 2_637_500_000)
    ]
    staff = client_as(Role.DIVISION_STAFF)
    response = staff.post("/api/frontline/events/SIB-T/entries", entry, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["message"] == "이 행사를 관리할 권한이 없습니다."
    assert (
        client.post(
            "/api/frontline/events/SIB-T/entries/999999/advance",
            {"stage": "selected", "on": "2018-01-27"},
            content_type="application/json",
        ).status_code
        == 404
    )
    assert EventEntry.objects.count() == 1


@pytest.mark.django_db
def test_the_contest_page_shows_no_internal_identifier(contest, client_as, personas):
    from iljari.core.tests.test_plain_identifiers import _read, _vocabulary, findings

    entry = _entry(contest, pledged=2_637_500_000)
    entry = services.event_entry_advance(actor=None, entry=entry, stage="selected", on=date(2018, 1, 27))
    services.event_entry_advance(actor=None, entry=entry, stage="awarded", on=date(2018, 4, 2))
    _entry(contest, title="제안사업 2")
    dotted, names, values = _vocabulary()
    usernames = frozenset(user.username for user in personas.values())
    problems = []
    for role in (Role.OFFICE_MANAGER, Role.AUDITOR):
        response = client_as(role).get("/frontline/events/SIB-T/")
        assert response.status_code == 200
        text = _read(response.content.decode())
        problems += findings(text, dotted=dotted, names=names, values=values, allowed_words=usernames)
    from iljari.frontline.services import conversion_record
    from iljari.org.models import Partner

    conversion_record(actor=None, kind="non_regular", institution=Partner.objects.get(code="SH"),
                      group="임대주택관리원", planned=384, agreed_on=date(2018, 6, 29))  # fmt: skip
    response = client_as(Role.OFFICE_MANAGER).get("/frontline/public-sector/?year=2018&as_of=2018-06-30")
    assert "노사합의 (2018.6.29.)" in response.content.decode()
    problems += findings(_read(response.content.decode()), dotted=dotted, names=names, values=values,
                         allowed_words=usernames)  # fmt: skip
    assert problems == []
