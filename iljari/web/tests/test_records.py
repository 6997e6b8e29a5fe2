"""One page per participant and per organisation for staff, through HTTP: every part of a person's history in its
short table with a link to the record, each part read in the viewer's scope, 404 outside it, and the view in the
access log."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.frontline import services as frontline_services
from iljari.frontline.models import Booking
from iljari.frontline.tests.factories import make_frontline
from iljari.intake import services as intake_services
from iljari.intake.tests.factories import make_call
from iljari.participation import services as participation_services
from iljari.participation import training_services
from iljari.participation.tests.factories import make_site, make_trainee, make_training
from iljari.people.tests.factories import make_person


def sections(html: str) -> dict[str, int]:
    import re

    return {key: int(n) for key, n in re.findall(r'data-section="([^"]+)" data-count="(\d+)"', html)}


@pytest.fixture
def participant(dataset_2018, personas):
    """A 강동구 resident who applied to a call, works at 강동구's New Deal worksite (May recorded), trains at
    동부기술교육원 (15 days attended in May), was counselled at 청년일자리센터 and booked 일자리카페 강동's room with
    their citizen account."""
    person = make_person(name="김참여", birth=date(1992, 3, 3), user=personas[Role.CITIZEN])
    call = make_call("ONEPAGE", documents="")
    intake_services.application_submit(actor=None, call=call, person=person, quota=call.quotas.get(code="CITY"))
    sites = make_site()
    placement = participation_services.placement_create(
        actor=None, person=person, worksite=sites["gangdong"], start_date=date(2018, 5, 1), end_date=date(2018, 12, 31)
    )
    participation_services.work_record_set(actor=None, placement=placement, month=date(2018, 5, 1), days_worked=20,
                                           hours_worked=Decimal("160"), full_weeks=4)  # fmt: skip
    training = make_training()
    enrolment = make_trainee(training["short"], person=person)
    training_services.attendance_set(actor=None, enrolment=enrolment, month=date(2018, 5, 1), attended_days=15)
    frontline = make_frontline()
    staff = personas[Role.DIVISION_STAFF]  # 일자리정책담당관 runs 청년일자리센터
    frontline_services.consultation_record(actor=staff, service_point=frontline["centre"], held_on=date(2018, 5, 2),
                                           channel="visit", topic=frontline["topic"], person=person)  # fmt: skip
    Booking.objects.create(room=frontline["cafe_room"], day=date(2018, 5, 3), hour=14, booked_by=personas[Role.CITIZEN])
    return person


def test_staff_see_every_part_of_a_participants_history_with_links(participant, client_as):
    response = client_as(Role.OFFICE_MANAGER).get(f"/participants/{participant.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert sections(html) == {
        "applications": 1,
        "placements": 1,
        "work": 1,
        "transfers": 0,  # pay computed, not confirmed: nothing transferred yet (payroll/tests/test_transfer_pages.py)
        "training": 1,
        "consultations": 1,
        "bookings": 1,
        "messages": 0,  # the fixture's records are the system's own loads, which send nothing
    }
    assert "뉴딜일자리 모집 ONEPAGE" in html and 'href="/intake/calls/ONEPAGE/"' in html
    assert "강동구 골목상권 활성화" in html and "2018년 5월" in html and "160.0시간" in html
    assert "카페 세미나실" in html and "취업 상담" in html
    assert 'href="/frontline/rooms/CAFE-R1/?day=2018-05-03"' in html  # the booking on its room's day
    assert "2018.5.3." in html and "14:00~15:00" in html and "'18.5.3." not in html  # the screen's date style
    # May 2018 from the course's first day (2 May): 22 weekdays less 7 May (대체공휴일) and 22 May (부처님오신날)
    assert "15/20일" in html


def test_a_district_officer_sees_the_parts_its_district_reaches(participant, client_as):
    html = client_as(Role.DISTRICT_OFFICER).get(f"/participants/{participant.pk}/").content.decode()
    # the call's quotas are the city's (no district): no application; 강동구's own worksite; no training or frontline
    # pages for a district officer
    assert sections(html) == {"applications": 0, "placements": 1, "work": 1, "transfers": 0}


def test_a_partner_agency_has_no_participant_page(participant, client_as):
    assert client_as(Role.PARTNER_AGENCY).get(f"/participants/{participant.pk}/").status_code == 403


def test_a_person_of_another_district_is_not_found(dataset_2018, client_as):
    jongno = make_person(district="11110")
    assert client_as(Role.DISTRICT_OFFICER).get(f"/participants/{jongno.pk}/").status_code == 404
    assert client_as(Role.OFFICE_MANAGER).get(f"/participants/{jongno.pk}/").status_code == 200


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.ORGANISATION, Role.SYSTEM_ADMIN])
def test_roles_without_the_people_pages_are_refused(participant, client_as, role):
    assert client_as(role).get(f"/participants/{participant.pk}/").status_code == 403


def test_viewing_a_participant_is_written_to_the_access_log(participant, client_as, personas):
    client_as(Role.AUDITOR).get(f"/participants/{participant.pk}/")
    entry = AccessLogEntry.objects.filter(subject_type="people.person", subject_ids=str(participant.pk)).latest("pk")
    assert entry.username == personas[Role.AUDITOR].username
    assert entry.action == "view"


def test_the_person_page_and_list_link_to_the_one_page(participant, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    assert f'href="/participants/{participant.pk}/"' in client.get(f"/people/{participant.pk}/").content.decode()
    assert f'href="/participants/{participant.pk}/"' in client.get("/people/?name=김참여").content.decode()


# --- organisations ------------------------------------------------------------------------------------------------


@pytest.fixture
def organisations(dataset_2018):
    from iljari.enterprises.tests.factories import make_organisation

    return {
        "gangdong": make_organisation("(주)강동일터", district="11740", cert="social_enterprise"),
        "jongno": make_organisation("(주)종로일터", district="11110"),
    }


def test_staff_see_an_organisations_certifications_grants_loans_and_purchases(organisations, client_as):
    organisation = organisations["gangdong"]
    response = client_as(Role.OFFICE_MANAGER).get(f"/organisations/{organisation.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert sections(html) == {
        "applications": 0,
        "certifications": 1,
        "grants": 0,
        "loans": 0,
        "procurement": 0,
        "messages": 0,
    }
    assert "사회적기업" in html


def test_an_organisation_of_another_district_is_not_found(organisations, client_as):
    client = client_as(Role.DISTRICT_OFFICER)
    assert client.get(f"/organisations/{organisations['jongno'].pk}/").status_code == 404
    html = client.get(f"/organisations/{organisations['gangdong'].pk}/").content.decode()
    assert set(sections(html)) == {"applications", "certifications", "grants", "procurement"}  # no fund for districts


@pytest.mark.parametrize("role", [Role.PARTNER_AGENCY, Role.CITIZEN, Role.ORGANISATION])
def test_roles_without_the_organisation_registry_are_refused(organisations, client_as, role):
    assert client_as(role).get(f"/organisations/{organisations['gangdong'].pk}/").status_code == 403
