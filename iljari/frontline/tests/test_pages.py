"""The frontline pages through the HTTP layer: recording a consultation and its outcome, private notes, the
portal's booking and registration, shelter counts, the public-sector checks; bad input answers in Korean and
writes nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from iljari.core import services as core_services
from iljari.core.roles import Role
from iljari.frontline.models import Booking, Consultation, LabourCheck, Registration, ShelterDailyCount
from iljari.frontline.tests.factories import next_weekday
from iljari.org.models import OrgUnit, Partner
from iljari.testing import Persona, make_persona

TODAY = timezone.localdate


def _figure(client, element_id: str) -> str:
    page = client.get(f"/frontline/?year={TODAY().year}&as_of={TODAY():%Y-%m-%d}").content.decode()
    start = page.index(f'id="{element_id}">') + len(f'id="{element_id}">')
    return page[start : page.index("<", start)]


def test_the_advisor_records_a_session_and_employed_moves_the_centres_employment_figure(frontline, client_as):
    client = client_as(Role.DIVISION_STAFF)
    assert _figure(client, "fig-employed") == "0명"
    response = client.post(
        "/frontline/consultations/new/",
        {
            "service_point": "YJC",
            "held_on": f"{TODAY():%Y-%m-%d}",
            "channel": "online",
            "topic": "JOB-SEARCH",
            "client_label": "익명-7",
            "notes": "면접 준비",
        },
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert _figure(client, "fig-counselled") == "1명"
    response = client.post(
        f"/frontline/consultations/{consultation.pk}/outcome/",
        {"outcome": "employed", "employer": "(주)서울강소", "employed_on": f"{TODAY():%Y-%m-%d}"},
    )
    assert response.status_code == 302
    assert _figure(client, "fig-employed") == "1명"


def test_a_consultation_with_bad_input_is_refused_in_korean_and_writes_nothing(frontline, client_as):
    response = client_as(Role.DIVISION_STAFF).post(
        "/frontline/consultations/new/",
        {
            "service_point": "YJC",
            "held_on": f"{TODAY() + timedelta(days=2):%Y-%m-%d}",
            "channel": "visit",
            "topic": "JOB-SEARCH",
            "outcome": "employed",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "상담일은 오늘 이후일 수 없습니다." in page
    assert "취업한 경우 취업처를 입력하십시오." in page
    assert Consultation.objects.count() == 0


def test_another_service_points_notes_are_not_shown_and_take_no_outcome(frontline, client_as, personas):
    labour = core_services.user_create(
        actor=None,
        username="t_labour",
        password="Test!persona2018",
        role=Role.DIVISION_STAFF,
        org_unit=OrgUnit.objects.get(code="LABOUR-POLICY"),
    )
    consultation = Consultation.objects.create(
        service_point=frontline["ombudsman"],
        held_on=TODAY(),
        channel="phone",
        topic=frontline["wage"],
        client_label="익명-2",
        advisor=labour,
        notes="사업주 실명과 체불 내역",
    )
    client = client_as(Role.DIVISION_STAFF)  # 일자리정책담당관: not the ombudsman desk
    page = client.get(f"/frontline/consultations/{consultation.pk}/").content.decode()
    assert "사업주 실명과 체불 내역" not in page
    assert "상담 내용은 시민명예노동옴부즈만 직원만 볼 수 있습니다." in page
    response = client.post(
        f"/frontline/consultations/{consultation.pk}/outcome/", {"outcome": "referred", "referred_to": "노동청"}
    )
    assert response.status_code == 403
    assert "시민명예노동옴부즈만의 업무를 기록할 권한이 없습니다." in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.outcome == ""
    assert client_as(Role.PARTNER_AGENCY).get(f"/frontline/consultations/{consultation.pk}/").status_code == 404


def test_a_citizen_books_a_slot_and_a_second_booking_of_it_is_refused(frontline, client_as, personas):
    monday = next_weekday(0)
    data = {"day": f"{monday:%Y-%m-%d}", "hour": "14", "hours": "2", "headcount": "3", "purpose": "스터디"}
    response = client_as(Role.CITIZEN).post("/portal/rooms/YJC-S01/", data)
    assert response.status_code == 302 and response["Location"] == "/portal/bookings/"
    other = make_persona(Persona(Role.CITIZEN, "t_citizen2"))
    from django.test import Client

    second = Client()
    second.force_login(other)
    response = second.post("/portal/rooms/YJC-S01/", {**data, "hours": "1"})
    assert response.status_code == 400
    assert "이미 예약이 있습니다" in response.content.decode()
    assert Booking.objects.filter(status="booked").count() == 2
    assert Booking.objects.filter(booked_by=other).count() == 0
    response = second.post("/portal/rooms/YJC-S01/", {**data, "hours": "1", "wait": "1"})
    assert response.status_code == 302
    assert Booking.objects.get(booked_by=other).status == "waiting"


def test_a_booking_outside_opening_hours_is_refused_in_korean(frontline, client_as):
    response = client_as(Role.CITIZEN).post(
        "/portal/rooms/YJC-S01/",
        {"day": f"{next_weekday(5):%Y-%m-%d}", "hour": "18", "hours": "1", "headcount": "1"},
    )
    assert response.status_code == 400
    assert "운영 시간(10:00~18:00) 안에서만 예약할 수 있습니다." in response.content.decode()
    assert Booking.objects.count() == 0


def test_the_room_page_shows_taken_and_free_hours(frontline, client_as, personas):
    monday = next_weekday(0)
    Booking.objects.create(room=frontline["study"], day=monday, hour=9, booked_by=personas[Role.CITIZEN])
    page = client_as(Role.CITIZEN).get(f"/portal/rooms/YJC-S01/?day={monday:%Y-%m-%d}").content.decode()
    assert page.count("예약 가능") == 11  # 09–21: 12 hours, one taken
    assert "내 예약" in page


def test_a_citizen_registers_and_the_last_place_goes_only_once(frontline, client_as):
    session = frontline["session"]  # capacity 2
    citizens = [make_persona(Persona(Role.CITIZEN, f"t_reg{n}")) for n in range(3)]
    from django.test import Client

    answers = []
    for citizen in citizens:
        client = Client()
        client.force_login(citizen)
        answers.append(client.post(f"/portal/programmes/sessions/{session.pk}/register/", follow=True))
    assert Registration.objects.filter(session=session).count() == 2
    assert "모의면접 1회차는 정원(2명)이 다 찼습니다." in answers[2].content.decode()
    session.refresh_from_db()
    assert session.registered == 2


def test_attendance_then_satisfaction_then_certificate(frontline, client_as, personas):
    session = frontline["session"]
    session.day = TODAY()
    session.save()
    client = client_as(Role.CITIZEN)
    client.post(f"/portal/programmes/sessions/{session.pk}/register/")
    registration = Registration.objects.get()
    assert client.get("/portal/certificates/YJC-MOCK/", follow=True).content.decode().count("수료하지 않아") == 1
    staff = client_as(Role.DIVISION_STAFF)
    assert staff.post(f"/frontline/registrations/{registration.pk}/attendance/", {"attended": "1"}).status_code == 302
    client.post(f"/portal/registrations/{registration.pk}/satisfaction/", {"score": "5"})
    registration.refresh_from_db()
    assert (registration.attended, registration.satisfaction) == (True, 5)
    page = client.get("/portal/certificates/YJC-MOCK/").content.decode()
    assert "위 사람은 위 과정을 수료하였음을 증명합니다." in page


def test_shelter_staff_enter_a_days_count_and_a_future_day_is_refused(frontline, client_as):
    client = client_as(Role.PARTNER_AGENCY)  # TTI-EAST runs 서초쉼터 in the test data
    assert client.post("/frontline/shelters/SEOCHO/", {"day": "2018-06-01", "users": "70"}).status_code == 302
    response = client.post(
        "/frontline/shelters/SEOCHO/", {"day": f"{TODAY() + timedelta(days=1):%Y-%m-%d}", "users": "70"}
    )
    assert response.status_code == 400
    assert "이용 날짜는 오늘 이후일 수 없습니다." in response.content.decode()
    assert ShelterDailyCount.objects.count() == 1
    assert (
        client_as(Role.DIVISION_STAFF)
        .post("/frontline/shelters/SEOCHO/", {"day": "2018-06-02", "users": "1"})
        .status_code
        == 403
    )


def test_a_52_hour_check_over_52_hours_cannot_be_compliant(frontline, client_as):
    labour = core_services.user_create(
        actor=None,
        username="t_labour",
        password="Test!persona2018",
        role=Role.DIVISION_STAFF,
        org_unit=OrgUnit.objects.get(code="LABOUR-POLICY"),
    )
    from django.test import Client

    client = Client()
    client.force_login(labour)
    data = {"institution": "SEOUL-METRO", "kind": "week_52", "checked_on": "2018-06-20", "compliant": "1"}
    response = client.post("/frontline/public-sector/", {**data, "max_weekly_hours": "56"})
    assert response.status_code == 400
    assert "최장 주당 노동시간이 52시간을 넘으면 적합으로 기록할 수 없습니다." in response.content.decode()
    assert LabourCheck.objects.count() == 0
    assert client.post("/frontline/public-sector/", {**data, "max_weekly_hours": "50"}).status_code == 302
    assert LabourCheck.objects.get().institution == Partner.objects.get(code="SEOUL-METRO")
    assert client_as(Role.DIVISION_STAFF).post("/frontline/public-sector/", data).status_code == 403


@pytest.mark.parametrize("day", ["2018-13-01", "abc"])
def test_a_bad_day_in_the_address_shows_today_not_an_error(frontline, client_as, day):
    assert client_as(Role.CITIZEN).get(f"/portal/rooms/YJC-S01/?day={day}").status_code == 200


def test_a_case_is_opened_from_a_consultation_stepped_and_closed(frontline, client_as, personas):
    consultation = Consultation.objects.create(
        service_point=frontline["centre"],
        held_on=TODAY(),
        channel="visit",
        topic=frontline["wage"],
        client_label="익명-5",
        advisor=personas[Role.DIVISION_STAFF],
    )
    client = client_as(Role.DIVISION_STAFF)
    response = client.post(
        f"/frontline/cases/new/?consultation={consultation.pk}",
        {
            "service_point": "YJC",
            "claimant": "익명-5",
            "respondent": "(주)체불",
            "claim": "임금 1,200,000원",
            "claim_amount": "1200000",
            "opened_on": f"{TODAY():%Y-%m-%d}",
            "legal_aid_granted": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()
    from iljari.frontline.models import LabourCase

    case = LabourCase.objects.get()
    assert case.consultation == consultation, response["Location"]
    consultation.refresh_from_db()
    assert consultation.outcome == "case_opened" and case.legal_aid_granted
    bad = client.post(
        f"/frontline/cases/{case.pk}/close/", {"result": "won", "closed_on": "2000-01-01", "amount_recovered": "0"}
    )
    assert bad.status_code == 400 and "종결일은 수임일 이후여야 합니다." in bad.content.decode()
    client.post(f"/frontline/cases/{case.pk}/steps/", {"title": "진정 접수", "on": f"{TODAY():%Y-%m-%d}"})
    client.post(
        f"/frontline/cases/{case.pk}/close/",
        {"result": "won", "closed_on": f"{TODAY():%Y-%m-%d}", "amount_recovered": "1200000"},
    )
    case.refresh_from_db()
    assert (case.result, case.amount_recovered, case.steps.count()) == ("won", 1_200_000, 1)
    page = client_as(Role.AUDITOR).get(f"/frontline/cases/{case.pk}/").content.decode()
    assert "승소·인용" in page and "종결 저장" not in page


def test_a_follow_up_visit_in_the_future_is_refused_and_a_done_one_checks_the_findings(frontline, client_as):
    client = client_as(Role.PARTNER_AGENCY)  # works at the café run by TTI-EAST
    first = {"service_point": "CAFE-EAST", "workplace": "(주)강동상사", "employees": "8",
             "visited_on": f"{TODAY() - timedelta(days=30):%Y-%m-%d}", "findings": "근로계약서 미교부"}  # fmt: skip
    assert client.post("/frontline/visits/new/", first).status_code == 302
    from iljari.frontline.models import WorkplaceVisit

    visit = WorkplaceVisit.objects.get()
    later = {"service_point": "CAFE-EAST", "employees": "8", "findings_resolved": "1",
             "visited_on": f"{TODAY() + timedelta(days=1):%Y-%m-%d}"}  # fmt: skip
    response = client.post(f"/frontline/visits/new/?checks={visit.pk}", later)
    assert response.status_code == 400
    assert "방문일은 오늘 이후일 수 없습니다. 다녀온 방문만 기록합니다." in response.content.decode()
    assert WorkplaceVisit.objects.count() == 1
    response = client.post(f"/frontline/visits/new/?checks={visit.pk}", {**later, "visited_on": f"{TODAY():%Y-%m-%d}"})
    assert response.status_code == 302
    assert WorkplaceVisit.objects.get(checks=visit).findings_resolved is True
    assert "개선" in client.get("/frontline/visits/").content.decode()


def test_a_follow_up_is_marked_done_by_the_points_staff_only(frontline, client_as, personas):
    from iljari.frontline import services

    staff = personas[Role.DIVISION_STAFF]
    consultation = services.consultation_record(
        actor=staff, service_point=frontline["centre"], held_on=TODAY(), channel="visit", topic=frontline["topic"],
        client_label="익명-8",
    )  # fmt: skip
    follow_up = services.follow_up_add(actor=staff, consultation=consultation, due_on=TODAY(), note="전화")
    url = f"/frontline/consultations/{consultation.pk}/follow-ups/{follow_up.pk}/done/"
    assert client_as(Role.OFFICE_MANAGER).post(url).status_code == 302  # refused with a message
    follow_up.refresh_from_db()
    assert follow_up.done_on is None
    client_as(Role.DIVISION_STAFF).post(url)
    follow_up.refresh_from_db()
    assert follow_up.done_on == TODAY()


def test_the_room_list_shows_a_years_use(frontline, client_as, personas):
    Booking.objects.create(room=frontline["study"], day=TODAY(), hour=10, headcount=4, status="checked_in")
    Booking.objects.create(room=frontline["study"], day=TODAY(), hour=11, headcount=2, status="no_show")
    page = client_as(Role.AUDITOR).get(f"/frontline/rooms/?year={TODAY().year}").content.decode()
    row = page[page.index("스터디룸 1") :]
    assert "4명" in row[: row.index("</tr>")]
