"""The frontline API: a citizen books through /api/portal/bookings (a taken slot answers 409 in Korean), reads a
room's day; the centre's staff record a consultation through /api/frontline/consultations; the figures."""

from django.utils import timezone

from iljari.core.roles import Role
from iljari.frontline.models import Booking, Consultation
from iljari.frontline.tests.factories import next_weekday
from iljari.testing import Persona, make_persona


def test_a_citizen_books_through_the_api_and_a_taken_slot_answers_409(frontline, client_as):
    monday = next_weekday(0)
    body = {"room": "YJC-S01", "day": f"{monday:%Y-%m-%d}", "hour": 10, "hours": 2, "headcount": 2}
    response = client_as(Role.CITIZEN).post("/api/portal/bookings", body, content_type="application/json")
    assert response.status_code == 201
    assert [row["hour"] for row in response.json()] == [10, 11]
    from django.test import Client

    other = Client()
    other.force_login(make_persona(Persona(Role.CITIZEN, "t_citizen2")))
    response = other.post("/api/portal/bookings", {**body, "hours": 1}, content_type="application/json")
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert "이미 예약이 있습니다" in response.json()["message"]
    slots = other.get(f"/api/portal/rooms/YJC-S01/slots?day={monday:%Y-%m-%d}").json()
    assert [slot["hour"] for slot in slots if not slot["free"]] == [10, 11]
    assert not any(slot["past"] for slot in slots)  # next Monday: no hour begun yet
    assert Booking.objects.count() == 2


def test_a_booking_on_a_sunday_answers_400_with_the_field(frontline, client_as):
    body = {"room": "YJC-S01", "day": f"{next_weekday(6):%Y-%m-%d}", "hour": 10}
    response = client_as(Role.CITIZEN).post("/api/portal/bookings", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "day"
    assert "문을 열지 않습니다" in response.json()["errors"][0]["message"]


def test_the_centres_staff_record_a_consultation_through_the_api(frontline, client_as):
    body = {
        "service_point": "YJC",
        "held_on": f"{timezone.localdate():%Y-%m-%d}",
        "channel": "phone",
        "topic": "JOB-SEARCH",
        "client_label": "익명-3",
        "outcome": "employed",
        "employer": "(주)서울",
        "employed_on": f"{timezone.localdate():%Y-%m-%d}",
    }
    response = client_as(Role.DIVISION_STAFF).post(
        "/api/frontline/consultations", body, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["outcome"] == "employed"
    listed = client_as(Role.OFFICE_MANAGER).get("/api/frontline/consultations").json()
    assert listed["count"] == 1 and "notes" not in listed["items"][0]
    refused = client_as(Role.PARTNER_AGENCY).post("/api/frontline/consultations", body, content_type="application/json")
    assert refused.status_code == 404  # the partner's scope holds only the café
    year = timezone.localdate().year
    figures = client_as(Role.DIVISION_STAFF).get(
        f"/api/frontline/figures?year={year}&as_of={timezone.localdate():%Y-%m-%d}"
    )
    assert (figures.json()["counselled"], figures.json()["employed"]) == (1, 1)
    assert Consultation.objects.count() == 1
