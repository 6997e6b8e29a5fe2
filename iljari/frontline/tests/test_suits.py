"""취업날개 suit rental: items, bookings, pickup, returns; the rules refuse in Korean and write nothing; access by
role; the work list's overdue rentals. The café here is run by 일자리정책담당관 itself: the division-staff persona works
there (a partner agency reads no person registry, so a partner-run café cannot book for a registered person yet)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.core.errors import Conflict, NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.core.worklist import worklist_items
from iljari.frontline import selectors, services
from iljari.frontline.models import Closure, ServicePoint, SuitItem, SuitRental
from iljari.frontline.tests.factories import next_weekday
from iljari.org.models import OrgUnit
from iljari.people.tests.factories import make_person


@pytest.fixture
def desk(frontline, personas):
    cafe = ServicePoint.objects.create(
        code="WINGS",
        name="일자리카페 취업날개",
        kind=ServicePoint.Kind.JOB_CAFE,
        division=OrgUnit.objects.get(code="JOBS-POLICY"),
        weekday_opens=10,
        weekday_closes=18,
    )
    items = {
        code: services.suit_item_set(actor=None, service_point=cafe, code=code, kind=kind, size=size, sex=sex)
        for code, kind, size, sex in (
            ("J-100", "jacket", "100", "male"),
            ("P-32", "trousers", "32", "male"),
            ("S-66", "skirt", "66", "female"),
        )
    }
    return {"cafe": cafe, "items": items, "staff": personas[Role.DIVISION_STAFF], "person": make_person()}


def _book(desk, day, codes=("J-100",), person=None, actor="staff"):
    return services.suit_rental_book(
        actor=desk[actor] if actor else None,
        service_point=desk["cafe"],
        visit_on=day,
        items=[desk["items"][code] for code in codes],
        person=person or desk["person"],
    )


def test_a_rental_is_due_after_the_points_rental_days_and_returns_late_after_it(desk):
    monday = next_weekday(0)
    rental = _book(desk, monday)
    assert rental.due_on == monday + timedelta(days=3)  # 3박4일: Monday → Thursday
    assert rental.status == "booked" and rental.recorded_by == desk["staff"]
    services.suit_rental_pickup(actor=None, rental=rental, on=monday)
    assert SuitItem.objects.get(code="J-100").state == "rented"
    services.suit_rental_return(actor=None, rental=rental, returned_on=monday + timedelta(days=4))
    rental.refresh_from_db()
    assert (rental.status, rental.late) == ("returned", True)
    assert SuitItem.objects.get(code="J-100").state == "available"


def test_a_due_day_on_a_closed_day_moves_to_the_next_open_day(desk):
    thursday = next_weekday(3)  # + 3 days = Sunday: the café is closed (no Saturday hours either)
    rental = _book(desk, thursday)
    assert rental.due_on == thursday + timedelta(days=4)  # Monday


def test_an_item_is_never_in_two_rentals_over_overlapping_days(desk):
    monday = next_weekday(0)
    _book(desk, monday, ("J-100", "P-32"))
    other = make_person()
    with pytest.raises(Conflict) as error:
        _book(desk, monday + timedelta(days=2), ("S-66", "P-32"), person=other)
    assert "P-32" in error.value.message and "이미 대여(예약)된 물품" in error.value.message
    assert SuitRental.objects.count() == 1  # nothing written, not even the free item's booking
    # the day after the first one's due day is free again
    later = _book(desk, monday + timedelta(days=7), ("P-32",), person=other)
    assert later.pk


def test_a_cancelled_booking_frees_its_items(desk):
    monday = next_weekday(0)
    first = _book(desk, monday)
    services.suit_rental_cancel(actor=desk["staff"], rental=first)
    assert _book(desk, monday, person=make_person()).pk
    with pytest.raises(Conflict, match="이미 취소한 예약"):
        services.suit_rental_cancel(actor=desk["staff"], rental=first)


@given(start=st.integers(min_value=0, max_value=12), other=st.integers(min_value=0, max_value=12))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_two_bookings_of_one_item_conflict_exactly_when_their_days_overlap(desk, start, other):
    SuitRental.objects.all().delete()
    base = next_weekday(0)
    days = [base + timedelta(days=n) for n in range(14)]
    open_days = [day for day in days if day.weekday() < 5]
    first_day, second_day = open_days[start % len(open_days)], open_days[other % len(open_days)]
    first = _book(desk, first_day, actor=None)
    try:
        second = _book(desk, second_day, person=make_person(), actor=None)
    except Conflict:
        second = None
    due = services.suit_rental_due(desk["cafe"], second_day)
    overlap = first.visit_on <= due and second_day <= first.due_on
    assert (second is None) == overlap


def test_bad_input_is_refused_in_korean_and_writes_nothing(desk, frontline):
    monday = next_weekday(0)
    cases = [
        (dict(visit_on=timezone.localdate() - timedelta(days=1)), "지난 날짜"),
        (dict(visit_on=next_weekday(6)), "문을 열지 않습니다"),  # a Sunday
        (dict(items=[]), "하나 이상"),
        (dict(person=None), "대여자"),
    ]
    for change, words in cases:
        kwargs = (
            dict(
                actor=desk["staff"],
                service_point=desk["cafe"],
                visit_on=monday,
                items=[desk["items"]["J-100"]],
                person=desk["person"],
            )
            | change
        )
        with pytest.raises(ValidationFailed) as error:
            services.suit_rental_book(**kwargs)
        assert words in str(error.value.as_dict()), (change, error.value.as_dict())
    Closure.objects.create(day=monday, service_point=desk["cafe"], reason="정기 휴무")
    with pytest.raises(ValidationFailed, match="휴관일"):
        _book(desk, monday)
    services.suit_item_state_set(actor=desk["staff"], item=desk["items"]["S-66"], state="repair")
    with pytest.raises(ValidationFailed, match="수선 중"):
        _book(desk, monday + timedelta(days=1), ("S-66",))
    with pytest.raises(ValidationFailed, match="취업날개 정장을 대여하는 창구가 아닙니다"):
        services.suit_item_set(actor=None, service_point=frontline["centre"], code="X-1", kind="tie", size="F")
    with pytest.raises(ValidationFailed) as error:
        services.suit_item_set(actor=None, service_point=desk["cafe"], code="J-100", kind="jacket", size="1", new=True)
    assert "이미 쓰고 있습니다" in error.value.message or "이미 쓰고 있습니다" in str(error.value.field_errors)
    assert SuitRental.objects.count() == 0


def test_a_person_rents_at_most_the_points_yearly_limit(desk):
    cafe = desk["cafe"]
    cafe.rentals_per_year = 2
    cafe.save(update_fields=["rentals_per_year"])
    monday = next_weekday(0)
    _book(desk, monday, ("J-100",))
    _book(desk, monday, ("P-32",))
    with pytest.raises(ValidationFailed) as error:
        _book(desk, monday, ("S-66",))
    assert "한 해에 대여할 수 있는 횟수(2회)" in error.value.message
    assert SuitRental.objects.count() == 2
    assert _book(desk, monday, ("S-66",), person=make_person()).pk  # another person may


def test_only_the_points_staff_records(desk, personas):
    monday = next_weekday(0)
    for role in (Role.OFFICE_MANAGER, Role.PARTNER_AGENCY, Role.AUDITOR, Role.DISTRICT_OFFICER):
        with pytest.raises(NotAllowed):
            _book(desk | {"someone": personas[role]}, monday, actor="someone")
    rental = _book(desk, monday)
    with pytest.raises(NotAllowed):
        services.suit_rental_pickup(actor=personas[Role.OFFICE_MANAGER], rental=rental, on=monday)
    # a citizen books for themself only
    with pytest.raises(NotAllowed):
        services.suit_rental_book(
            actor=personas[Role.CITIZEN],
            service_point=desk["cafe"],
            visit_on=monday,
            items=[desk["items"]["S-66"]],
            person=desk["person"],
        )


def test_pickup_and_return_follow_their_order(desk):
    monday = next_weekday(0)
    rental = _book(desk, monday)
    with pytest.raises(Conflict, match="반납을 기록할 수 없습니다"):
        services.suit_rental_return(actor=None, rental=rental, returned_on=monday)
    services.suit_rental_pickup(actor=None, rental=rental, on=monday)
    with pytest.raises(Conflict):
        services.suit_rental_cancel(actor=desk["staff"], rental=rental)
    with pytest.raises(Conflict, match="대여 중"):
        services.suit_item_state_set(actor=desk["staff"], item=desk["items"]["J-100"], state="retired")
    services.suit_rental_return(
        actor=None, rental=rental, returned_on=monday + timedelta(days=1), repair_items=[desk["items"]["J-100"]]
    )
    assert SuitItem.objects.get(code="J-100").state == "repair"


def test_an_overdue_rental_is_on_the_points_staffs_work_list_and_its_link_lists_it(desk, client_as, personas):
    start = date(2018, 6, 4)
    rental = _book(desk, start, actor=None)
    services.suit_rental_pickup(actor=None, rental=rental, on=start)
    items = {item.label: item for item in worklist_items(desk["staff"])}
    assert items["반납 기한 지난 대여"].count == 1
    page = client_as(Role.DIVISION_STAFF).get(items["반납 기한 지난 대여"].url).content.decode()
    assert "반납 기한 지난 대여" in page and desk["person"].name in page
    for role in (Role.AUDITOR, Role.PARTNER_AGENCY, Role.OFFICE_MANAGER):
        assert "반납 기한 지난 대여" not in {item.label for item in worklist_items(personas[role])}


def test_the_pages_by_role(desk, client_as):
    monday = next_weekday(0)
    rental = _book(desk, monday)
    staff = client_as(Role.DIVISION_STAFF)
    assert staff.get("/frontline/suits/").status_code == 200
    assert staff.get(f"/frontline/suits/{rental.pk}/").status_code == 200
    assert "수령 기록" in staff.get(f"/frontline/suits/{rental.pk}/").content.decode()
    assert staff.get("/frontline/suits/items/?q=J-&sort=-size").status_code == 200
    assert staff.get("/frontline/suits/items/J-100/").status_code == 200
    manager = client_as(Role.OFFICE_MANAGER)
    detail = manager.get(f"/frontline/suits/{rental.pk}/").content.decode()
    assert "수령 기록" not in detail  # reads, does not record
    assert manager.post(f"/frontline/suits/{rental.pk}/pickup/", {"on": monday}).status_code == 403
    for role in (Role.CITIZEN, Role.ORGANISATION, Role.DISTRICT_OFFICER):
        assert client_as(role).get("/frontline/suits/").status_code == 403
    # a bad form keeps its input and answers 400 in Korean
    response = staff.post(
        "/frontline/suits/new/",
        {"service_point": desk["cafe"].code, "visit_on": "2000-01-03", "person": desk["person"].pk, "items": ["P-32"]},
    )
    assert response.status_code == 400 and "지난 날짜" in response.content.decode()
    assert 'value="2000-01-03"' in response.content.decode()
    response = staff.post(
        "/frontline/suits/new/",
        {"service_point": desk["cafe"].code, "visit_on": monday, "person": desk["person"].pk, "items": ["J-100"]},
    )
    assert response.status_code == 409 and "J-100" in response.content.decode()
    assert staff.get("/frontline/suits/export.xlsx").status_code == 200  # the purpose form first


def test_the_api_books_and_returns(desk, client_as):
    monday = next_weekday(0)
    staff = client_as(Role.DIVISION_STAFF)
    body = {"service_point": desk["cafe"].code, "visit_on": str(monday), "person": desk["person"].pk}
    created = staff.post("/api/frontline/suit-rentals", {**body, "items": ["J-100"]}, content_type="application/json")
    assert created.status_code == 201, created.content
    again = staff.post("/api/frontline/suit-rentals", {**body, "items": ["J-100"]}, content_type="application/json")
    assert again.status_code == 409 and again.json()["code"] == "conflict"
    rental = created.json()["id"]
    refused = client_as(Role.AUDITOR).post(
        f"/api/frontline/suit-rentals/{rental}/pickup", {"on": str(monday)}, content_type="application/json"
    )
    assert refused.status_code == 403
    listed = client_as(Role.AUDITOR).get("/api/frontline/suit-rentals").json()
    assert listed["count"] == 1 and listed["items"][0]["items"] == ["J-100"]
    assert client_as(Role.CITIZEN).get("/api/frontline/suit-items").status_code == 403


def test_a_citizen_books_a_fitting_visit_on_the_portal_and_cancels_it(desk, client_as, personas):
    citizen = client_as(Role.CITIZEN)
    monday = next_weekday(0)
    page = citizen.get("/portal/suits/")
    assert page.status_code == 200 and "일자리카페 취업날개" in page.content.decode()
    answer = citizen.post("/portal/suits/", {"service_point": "WINGS", "visit_on": monday, "items": ["S-66"]})
    assert answer.status_code == 302
    rental = SuitRental.objects.get()
    assert rental.user == personas[Role.CITIZEN] and rental.person is None
    assert "반납 기한" in citizen.get("/portal/suits/").content.decode()
    # a taken item is refused in Korean and the form keeps its input (another citizen's rental: test_attacks)
    refused = citizen.post("/portal/suits/", {"service_point": "WINGS", "visit_on": monday, "items": ["S-66"]})
    assert refused.status_code == 409 and "S-66" in refused.content.decode()
    assert f'value="{monday:%Y-%m-%d}"' in refused.content.decode()
    assert client_as(Role.DIVISION_STAFF).get("/portal/suits/").status_code == 403
    assert citizen.post(f"/portal/suits/{rental.pk}/cancel/").status_code == 302
    rental.refresh_from_db()
    assert rental.status == "cancelled"


def test_the_cafes_rental_settings_are_kept_by_its_division(desk, client_as, personas):
    staff = client_as(Role.DIVISION_STAFF)
    assert staff.get("/frontline/setup/points/WINGS/rentals/").status_code == 200
    bad = staff.post("/frontline/setup/points/WINGS/rentals/", {"rental_days": 0, "rentals_per_year": 10})
    assert bad.status_code == 400
    with pytest.raises(ValidationFailed) as error:
        services.suit_settings_set(actor=None, service_point=desk["cafe"], rental_days=31, rentals_per_year=0)
    assert set(error.value.field_errors) == {"rental_days", "rentals_per_year"}
    assert (
        staff.post("/frontline/setup/points/WINGS/rentals/", {"rental_days": 2, "rentals_per_year": 5}).status_code
        == 302
    )
    desk["cafe"].refresh_from_db()
    assert (desk["cafe"].rental_days, desk["cafe"].rentals_per_year) == (2, 5)
    monday = next_weekday(0)
    assert _book(desk, monday).due_on == monday + timedelta(days=1)  # 1박2일 now
    with pytest.raises(NotAllowed):
        services.suit_settings_set(
            actor=personas[Role.PARTNER_AGENCY], service_point=desk["cafe"], rental_days=4, rentals_per_year=10
        )
    assert client_as(Role.AUDITOR).get("/frontline/setup/points/WINGS/rentals/").status_code == 403


def test_a_year_after_its_visit_a_finished_rentals_personal_data_is_destroyed_and_its_counts_stay(desk):
    from datetime import datetime

    from iljari.core.retention import retention_run

    start = date(2018, 6, 4)
    done = _book(desk, start, ("J-100",), actor=None)
    services.suit_rental_pickup(actor=None, rental=done, on=start)
    services.suit_rental_return(actor=None, rental=done, returned_on=date(2018, 6, 9), condition_note="얼룩")
    out = _book(desk, date(2018, 6, 11), ("P-32",), person=make_person(), actor=None)
    services.suit_rental_pickup(actor=None, rental=out, on=date(2018, 6, 11))
    before = selectors.suit_counts(year=2018, as_of=date(2018, 6, 30))
    records = {r.rule_code: r for r in retention_run(now=timezone.make_aware(datetime(2019, 7, 1, 3, 0)))}
    assert records["frontline.suit_rental"].records == 1  # the one still out is kept
    done.refresh_from_db()
    assert (done.condition_note, done.personal_data_destroyed_at is not None, done.late) == ("", True, True)
    assert selectors.suit_counts(year=2018, as_of=date(2018, 6, 30)) == before
