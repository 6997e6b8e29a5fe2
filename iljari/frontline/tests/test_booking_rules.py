"""The rooms' defects of issue 25, each proven through the service and the citizen's pages: an hour already begun
today and a public holiday are closed for booking as the page says; a citizen is in one of two sessions at the same
time; a booking of several hours is one row with one 취소 that cancels all its hours; the form offers only the
room's opening hours and lengths up to its daily limit; the messages read as Korean (조사, no "이미 0시간"), and
the person's own slot asked again is said to be booked already. Hypothesis over booking requests."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.core.errors import Conflict, IljariError, ValidationFailed
from iljari.core.roles import Role
from iljari.frontline import selectors, services
from iljari.frontline.models import Booking, ProgrammeSession, Registration
from iljari.frontline.services import rooms as room_services
from iljari.frontline.tests.factories import next_weekday
from iljari.participation.models import PublicHoliday
from iljari.testing import Persona, make_persona


@pytest.fixture
def citizen(personas):
    return personas[Role.CITIZEN]


@pytest.fixture
def other_citizen(personas):
    return make_persona(Persona(Role.CITIZEN, "t_citizen2"))


def at(day, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@pytest.fixture
def monday_afternoon(monkeypatch):
    """The office's clock stopped at 14:30 of the next Monday (the centre is open 09:00~21:00)."""
    monday = next_weekday(0)
    monkeypatch.setattr(room_services, "today", lambda: monday)
    monkeypatch.setattr(room_services, "now", lambda: at(monday, 14, 30))
    return monday


# --- an hour already begun today -------------------------------------------------------------------------------


def test_an_hour_already_begun_today_is_refused_and_the_next_one_is_booked(frontline, citizen, monday_afternoon):
    study = frontline["study"]
    for hour in (9, 13, 14):
        with pytest.raises(ValidationFailed) as error:
            services.booking_create(actor=citizen, room=study, day=monday_afternoon, hour=hour)
        assert error.value.field_errors["hour"] == [
            "이미 시작한 시간은 예약할 수 없습니다. 오늘은 15:00부터 예약할 수 있습니다."
        ]
    assert Booking.objects.count() == 0
    (row,) = services.booking_create(actor=citizen, room=study, day=monday_afternoon, hour=15)
    assert row.hour == 15


def test_the_page_marks_todays_begun_hours_past(frontline, citizen):
    monday = next_weekday(0)
    slots = selectors.room_day(room=frontline["study"], day=monday, now=at(monday, 14, 30))
    assert [slot.hour for slot in slots if slot.past] == [9, 10, 11, 12, 13, 14]
    assert not any(slot.past for slot in selectors.room_day(room=frontline["study"], day=monday, now=at(monday, 8)))


# --- public holidays (participation's table, read through core.holidays) ---------------------------------------


def test_a_public_holiday_is_closed_for_booking_and_on_the_page(frontline, citizen, client_as):
    monday = next_weekday(0)
    PublicHoliday.objects.create(day=monday, name="대체공휴일")
    with pytest.raises(ValidationFailed) as error:
        services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10)
    assert error.value.field_errors["day"] == [
        f"{monday.year}.{monday.month}.{monday.day}.은 공휴일(대체공휴일)이라 문을 열지 않습니다."
    ]
    with pytest.raises(ValidationFailed):
        services.booking_wait(actor=citizen, room=frontline["study"], day=monday, hour=10)
    assert Booking.objects.count() == 0
    assert selectors.room_day(room=frontline["study"], day=monday) == []
    page = client_as(Role.CITIZEN).get(f"/portal/rooms/YJC-S01/?day={monday:%Y-%m-%d}").content.decode()
    assert "이 날은 문을 열지 않습니다." in page
    posted = client_as(Role.CITIZEN).post(
        "/portal/rooms/YJC-S01/", {"day": f"{monday:%Y-%m-%d}", "hour": "10", "hours": "1", "headcount": "1"}
    )
    assert posted.status_code == 400
    assert "공휴일(대체공휴일)이라 문을 열지 않습니다." in posted.content.decode()
    assert Booking.objects.count() == 0


def test_a_session_cannot_be_set_on_a_public_holiday(frontline, personas):
    wednesday = next_weekday(2)
    PublicHoliday.objects.create(day=wednesday, name="개천절")
    with pytest.raises(ValidationFailed) as error:
        services.session_set(
            actor=personas[Role.DIVISION_STAFF],
            programme=frontline["programme"],
            title="2회차",
            day=wednesday,
            starts=10,
            capacity=5,
            new=True,
        )
    assert "문을 열지 않습니다" in error.value.field_errors["day"][0]


# --- two sessions at one time --------------------------------------------------------------------------------


def test_a_citizen_is_not_registered_in_two_sessions_at_the_same_time(frontline, citizen, client_as):
    first = frontline["session"]  # 모의면접 1회차, Wednesday 14:00
    lecture = ProgrammeSession.objects.create(
        programme=frontline["cafe_programme"], title="특강 1회", day=first.day, starts=first.starts, capacity=20
    )
    later = ProgrammeSession.objects.create(
        programme=frontline["cafe_programme"], title="특강 2회", day=first.day, starts=first.starts + 2, capacity=20
    )
    services.registration_create(actor=citizen, session=first)
    with pytest.raises(ValidationFailed) as error:
        services.registration_create(actor=citizen, session=lecture)
    assert error.value.message == (
        f"같은 시간({first.day.year}.{first.day.month}.{first.day.day}. 14:00)에 신청한 모의면접 1회차가 있어 "
        "신청할 수 없습니다. 그 신청을 취소한 뒤 신청하십시오."
    )
    lecture.refresh_from_db()
    assert lecture.registered == 0
    assert Registration.objects.filter(session=lecture).count() == 0
    services.registration_create(actor=citizen, session=later)  # two hours later: another time
    response = client_as(Role.CITIZEN).post(f"/portal/programmes/sessions/{lecture.pk}/register/", follow=True)
    assert "같은 시간" in response.content.decode()
    assert Registration.objects.filter(session=lecture).count() == 0


def test_after_cancelling_the_other_session_the_citizen_registers(frontline, citizen):
    first = frontline["session"]
    lecture = ProgrammeSession.objects.create(
        programme=frontline["cafe_programme"], title="특강 1회", day=first.day, starts=first.starts, capacity=20
    )
    registration = services.registration_create(actor=citizen, session=first)
    services.registration_cancel(actor=citizen, registration=registration)
    assert services.registration_create(actor=citizen, session=lecture).session == lecture


# --- one booking, one row, one 취소 ----------------------------------------------------------------------------


def test_a_two_hour_booking_is_one_row_with_one_cancel_that_cancels_both_hours(frontline, citizen, client_as):
    monday = next_weekday(0)
    first, second = services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10, hours=2)
    services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=15)  # another booking
    client = client_as(Role.CITIZEN)
    page = client.get("/portal/bookings/").content.decode()
    rows = re.findall(r'<tr><th scope="row">.*?</tr>', page, flags=re.S)
    assert len(rows) == 2
    assert "10:00~12:00 (2시간)" in rows[0] and "15:00~16:00" in rows[1]
    assert page.count(">취소</button>") == 2
    client.post(f"/portal/bookings/{second.pk}/cancel/")  # the cancel of either hour cancels the booking
    assert sorted(Booking.objects.filter(status="cancelled").values_list("hour", flat=True)) == [10, 11]
    assert Booking.objects.get(hour=15).status == "booked"
    page = client.get("/portal/bookings/").content.decode()
    assert "10:00~12:00 (2시간)" in page and page.count(">취소</button>") == 1


def test_cancelling_a_two_hour_booking_promotes_each_hours_first_waiting_person(frontline, citizen, other_citizen):
    monday = next_weekday(0)
    other = other_citizen
    third = make_persona(Persona(Role.CITIZEN, "t_citizen3"))
    rows = services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10, hours=2)
    waiting_10 = services.booking_wait(actor=other, room=frontline["study"], day=monday, hour=10)
    waiting_11 = services.booking_wait(actor=third, room=frontline["study"], day=monday, hour=11)
    services.booking_cancel(actor=citizen, booking=rows[0])
    waiting_10.refresh_from_db()
    waiting_11.refresh_from_db()
    assert (waiting_10.status, waiting_11.status) == ("booked", "booked")


# --- the form's choices --------------------------------------------------------------------------------------


def test_the_form_offers_the_rooms_opening_hours_and_lengths_up_to_its_limit(frontline, client_as):
    # the centre: weekdays 09:00~21:00, Saturdays 10:00~18:00; the study room: 3 hours a day per person
    page = client_as(Role.CITIZEN).get("/portal/rooms/YJC-S01/").content.decode()
    hour_select = re.search(r'<select name="hour".*?</select>', page, flags=re.S).group(0)
    hours_select = re.search(r'<select name="hours".*?</select>', page, flags=re.S).group(0)
    assert re.findall(r'value="(\d+)"', hour_select) == [str(h) for h in range(9, 21)]
    assert re.findall(r'value="(\d+)"', hours_select) == ["1", "2", "3"]
    # the café: weekdays 10:00~18:00, its seminar room the default 3 hours
    assert selectors.room_hours(room=frontline["cafe_room"]) == (list(range(10, 18)), [1, 2, 3])


def test_a_length_beyond_the_daily_limit_is_refused_without_already_0_hours(frontline, citizen):
    with pytest.raises(ValidationFailed) as error:
        services.booking_create(actor=citizen, room=frontline["study"], day=next_weekday(0), hour=10, hours=4)
    assert error.value.field_errors["hours"] == ["스터디룸 1의 이용 시간은 한 번에 3시간까지입니다."]
    assert "0시간" not in str(error.value.field_errors)
    assert Booking.objects.count() == 0


# --- messages ------------------------------------------------------------------------------------------------


def test_the_daily_limit_reads_with_its_particle(frontline, citizen):
    monday = next_weekday(0)
    services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10, hours=3)
    with pytest.raises(ValidationFailed) as error:
        services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=15)
    assert error.value.field_errors["hours"] == [
        "스터디룸은 한 사람이 하루 3시간까지 예약할 수 있습니다(이미 3시간 예약)."
    ]


def test_booking_ones_own_slot_again_says_it_is_booked_already(frontline, citizen, client_as):
    monday = next_weekday(0)
    services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10, hours=2)
    with pytest.raises(Conflict) as error:
        services.booking_create(actor=citizen, room=frontline["study"], day=monday, hour=10, hours=2)
    message = error.value.message
    assert message == (
        f"스터디룸 1 {monday.year}.{monday.month}.{monday.day}. 10:00~12:00에 이미 예약된 시간이 있습니다(내 예약)."
    )
    response = client_as(Role.CITIZEN).post(
        "/portal/rooms/YJC-S01/", {"day": f"{monday:%Y-%m-%d}", "hour": "11", "hours": "2", "headcount": "1"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "이미 예약된 시간이 있습니다(내 예약)" in page and "3시간까지" not in page.split("예약하기")[-1]
    assert Booking.objects.count() == 2


# --- any request: accepted under every rule, or refused with nothing written ---------------------------------------


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    requests=st.lists(
        st.tuples(
            st.integers(0, 9),  # days after the clock's Monday
            st.integers(0, 23),  # start hour
            st.integers(0, 5),  # hours
            st.integers(0, 8),  # headcount (the study room holds 6)
            st.booleans(),  # the second citizen asks
        ),
        min_size=1,
        max_size=6,
    )
)
def test_booking_requests_keep_every_rule(frontline, citizen, other_citizen, monday_afternoon, requests):
    Booking.objects.all().delete()
    PublicHoliday.objects.get_or_create(day=monday_afternoon + timedelta(days=3), defaults={"name": "공휴일"})
    other = other_citizen
    study = frontline["study"]
    for offset, hour, hours, headcount, second in requests:
        day = monday_afternoon + timedelta(days=offset)
        actor = other if second else citizen
        before = Booking.objects.count()
        try:
            rows = services.booking_create(
                actor=actor, room=study, day=day, hour=hour, hours=hours, headcount=headcount
            )
        except IljariError as error:
            assert error.message or error.field_errors
            assert Booking.objects.count() == before
            continue
        assert len(rows) == hours
        assert 1 <= hours <= 3 and 1 <= headcount <= 6
        assert day.weekday() != 6 and day != monday_afternoon + timedelta(days=3)
        opens, closes = (9, 21) if day.weekday() < 5 else (10, 18)
        assert opens <= hour and hour + hours <= closes
        assert day != monday_afternoon or hour >= 15
    active = Booking.objects.filter(status__in=Booking.ACTIVE)
    slots = list(active.values_list("day", "hour"))
    assert len(slots) == len(set(slots))  # never two bookings of one slot
    for person in (citizen, other):
        for day in set(active.filter(booked_by=person).values_list("day", flat=True)):
            assert active.filter(booked_by=person, day=day).count() <= 3
