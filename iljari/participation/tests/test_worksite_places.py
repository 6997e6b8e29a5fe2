"""A worksite's places (정원) bound its running placements: one placement or a call's selected people beyond them
is refused, unless the office manager or the programme's division records a reason; 정원 / 배치 on the worksite
list, the worksite's page and the placing page; two placements racing for the last place end with one."""

import re
import threading
from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.intake import services as intake
from iljari.org.models import District
from iljari.participation import services
from iljari.participation.models import Placement, Worksite
from iljari.participation.services.placements import _spread
from iljari.participation.tests.factories import make_site
from iljari.people.tests.factories import make_person
from iljari.plan.models import Programme

PERIOD = {"start_date": date(2018, 3, 2), "end_date": date(2018, 12, 31)}


def _place(site, worksite="partner", actor=None, **extra):
    return services.placement_create(actor=actor, person=make_person(), worksite=site[worksite], **PERIOD, **extra)


def _places(worksite, places):
    Worksite.objects.filter(pk=worksite.pk).update(places=places)
    worksite.places = places


def test_a_placement_beyond_the_places_is_refused_with_the_figures(site):
    for _ in range(5):  # 동부기술교육원 실습 보조: 5 places
        _place(site)
    with pytest.raises(ValidationFailed) as error:
        _place(site)
    message = error.value.field_errors["worksite"][0]
    assert "정원은 5명이고 이미 5명이 배치되어" in message and "사유를 적으십시오" in message
    assert Placement.objects.filter(worksite=site["partner"]).count() == 5


def test_an_ended_placement_frees_its_place(site):
    _places(site["partner"], 1)
    first = _place(site)
    with pytest.raises(ValidationFailed):
        _place(site)
    services.placement_end(actor=None, placement=first, ended_on=date(2018, 5, 31), reason="personal")
    assert _place(site).over_capacity_reason == ""


def test_the_division_places_beyond_the_places_with_a_recorded_reason(site, personas):
    _places(site["partner"], 1)
    staff = personas[Role.DIVISION_STAFF]  # 일자리정책담당관, New Deal's division
    assert _place(site, actor=staff, over_capacity_reason="결원 대체").over_capacity_reason == ""  # within: none kept
    placement = _place(site, actor=staff, over_capacity_reason="  구청 요청으로 한 명 추가  ")
    assert placement.over_capacity_reason == "구청 요청으로 한 명 추가"
    with pytest.raises(ValidationFailed):  # a blank reason is no reason
        _place(site, actor=personas[Role.OFFICE_MANAGER], over_capacity_reason="   ")


def _round():
    """A public-works call of 강동구's quota (3 selected), closed; the selection run."""
    opens = timezone.now() - timedelta(days=20)
    call = intake.call_set(
        actor=None,
        code="PW-PLACES",
        programme=Programme.objects.get(code="P1-06"),
        title="공공근로 정원 시험",
        opens_at=opens,
        closes_at=opens + timedelta(days=10),
        announce_on=timezone.localdate(),
        quotas=[("D-11740", "강동구 사업", 3, District.objects.get(code="11740"))],
        eligibility=[],
    )
    for _ in range(3):
        intake.application_submit(actor=None, call=call, person=make_person(), quota=call.quotas.get(), now=opens)
    intake.selection_run(actor=None, call=call, seed=1)
    intake.selection_confirm(actor=None, call=call)  # 선발 확정 before placing
    return call


PLACING = {"start_date": date(2018, 7, 1), "end_date": date(2018, 12, 20)}


def test_a_district_officer_may_not_exceed_its_worksites_places_even_with_a_reason(site, personas):
    call = _round()
    _places(site["works"], 2)
    officer = personas[Role.DISTRICT_OFFICER]  # 강동구, whose quota and worksite these are
    arguments = {"call": call, "worksites": [site["works"]], "quota": call.quotas.get(), **PLACING}
    with pytest.raises(ValidationFailed) as error:
        services.placements_from_selection(actor=officer, **arguments)
    assert "남은 정원은 모두 2명인데 배치할 선발자는 3명" in error.value.field_errors["worksites"][0]
    with pytest.raises(NotAllowed) as refused:
        services.placements_from_selection(actor=officer, over_capacity_reason="사업량 증가", **arguments)
    assert "정원을 넘겨 배치할 권한이 없습니다" in refused.value.message
    assert not Placement.objects.filter(application__call=call).exists()
    placed = services.placements_from_selection(
        actor=personas[Role.DIVISION_STAFF], over_capacity_reason="사업량 증가", **arguments
    )
    assert placed == 3
    reasons = sorted(Placement.objects.filter(application__call=call).values_list("over_capacity_reason", flat=True))
    assert reasons == ["", "", "사업량 증가"]  # only the one beyond the places carries it


def test_a_call_fills_the_worksites_with_room_before_any_is_full(site):
    call = _round()
    other = services.worksite_set(
        actor=None, code="PW-GD2", programme=site["works"].programme, name="강동구 교통안전지킴이",
        operator="district", district=site["works"].district, places=1,
    )  # fmt: skip
    _places(site["works"], 2)
    services.placements_from_selection(
        actor=None, call=call, worksites=[other, site["works"]], quota=call.quotas.get(), **PLACING
    )
    counts = {w.code: w.placements.count() for w in (other, site["works"])}
    assert counts == {"PW-GD2": 1, "PW-GD": 2}


@given(
    rooms=st.lists(st.integers(min_value=0, max_value=6), min_size=1, max_size=6),
    count=st.integers(min_value=0, max_value=30),
    twice=st.booleans(),
)
def test_spreading_keeps_each_worksite_within_its_room_until_every_room_is_taken(rooms, count, twice):
    worksites = [Worksite(pk=index + 1) for index in range(len(rooms))]
    room = {w.pk: r for w, r in zip(worksites, rooms, strict=True)}
    if twice:  # a worksite chosen twice has its room once
        worksites.append(worksites[0])
    spread = _spread(worksites, room, count)
    assert len(spread) == count
    within = [pk for pk, beyond in spread if not beyond]
    assert len(within) == min(count, sum(rooms))
    assert all(within.count(pk) <= room[pk] for pk in room)
    assert all(beyond for _, beyond in spread[len(within) :])


def _capacity_cell(page: str, name: str) -> str:
    """The 정원 / 배치 shown after `name`, as its two marked figures read ("10 / 3")."""
    row = page[page.index(name) :]
    cell = row[row.index("data-capacity>") :]
    places = re.search(r'data-figure="worksite.places"[^>]*>([^<]*)<', cell).group(1)
    placed = re.search(r'data-figure="worksite.placed"[^>]*>([^<]*)<', cell).group(1)
    return f"{places} / {placed}"


def test_the_list_the_worksite_page_and_the_placing_page_show_the_same_places_and_placed(site, client_as, personas):
    for _ in range(3):
        _place(site, worksite="gangdong")
    done = _place(site, worksite="gangdong")
    services.placement_end(actor=None, placement=done, ended_on=date(2018, 6, 30), reason="personal")
    client = client_as(Role.DIVISION_STAFF)
    listing = client.get("/participation/?q=골목상권").content.decode()
    page = client.get(site["gangdong"].get_absolute_url()).content.decode()
    assert listing.count("강동구 골목상권 활성화") == 1  # one row, however many placements
    assert _capacity_cell(listing, "강동구 골목상권 활성화") == "10 / 3"
    assert _capacity_cell(page, "정원 / 배치") == "10 / 3"
    assert '<td class="ilj-num">4</td>' in listing  # 누적: the ended one too
    _places(site["gangdong"], 2)
    assert _capacity_cell(client.get(site["gangdong"].get_absolute_url()).content.decode(), "정원 / 배치") == "2 / 3"
    listing = client.get("/participation/?q=골목상권").content.decode()
    assert _capacity_cell(listing, "강동구 골목상권 활성화") == "2 / 3"
    assert "</span> <strong>(정원 초과)</strong>" in listing


def test_placing_a_call_beyond_the_places_by_page_shows_the_error_on_the_form(site, client_as):
    call = _round()
    _places(site["works"], 2)
    client = client_as(Role.DISTRICT_OFFICER)
    path = f"/participation/calls/{call.code}/place/"
    assert "강동구 하천변 정비 (정원 / 배치 2 / 0)" in client.get(path).content.decode()
    form = {"quota": str(call.quotas.get().pk), "worksites": ["PW-GD"], "start_date": "2018-07-01"}
    form["end_date"] = "2018-12-20"
    response = client.post(path, form)
    assert response.status_code == 400
    assert "남은 정원은 모두 2명인데 배치할 선발자는 3명" in response.content.decode()
    response = client.post(path, {**form, "over_capacity_reason": "사업량 증가"})
    assert response.status_code == 403 and "정원을 넘겨 배치할 권한이 없습니다" in response.content.decode()
    assert not Placement.objects.filter(application__call=call).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent connections need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_placements_racing_for_the_last_place_end_with_one_refused(personas, dataset_2018):
    site = make_site()
    _places(site["partner"], 1)
    people = [make_person(), make_person()]
    start = threading.Barrier(2)
    made, refused = [], []

    def place(person):
        try:
            start.wait()
            made.append(services.placement_create(actor=None, person=person, worksite=site["partner"], **PERIOD))
        except ValidationFailed as exc:
            refused.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=place, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1 and len(refused) == 1
    assert "정원은 1명이고 이미 1명이 배치되어" in refused[0].field_errors["worksite"][0]
    assert Placement.objects.filter(worksite=site["partner"]).count() == 1
