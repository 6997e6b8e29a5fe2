"""The staff's set-up forms through their pages: a point's opening hours, rooms, programmes and their sessions,
shelters, closed days. Each bad input answers in Korean and writes nothing; a division keeps only its own records
(the division-staff persona is 일자리정책담당관, which runs the youth job centre and supervises the job café)."""

from datetime import date

import pytest
from django.test import Client

from iljari.core import services as core_services
from iljari.core.roles import Role
from iljari.frontline.models import Closure, Programme, ProgrammeSession, Room, ServicePoint, Shelter
from iljari.frontline.tests.factories import next_weekday
from iljari.org.models import OrgUnit

ROOM = {
    "code": "YJC-S02",
    "service_point": "YJC",
    "name": "스터디룸 2",
    "kind": "study",
    "capacity": "6",
    "max_hours_per_day": "3",
    "is_active": "on",
}
SHELTER = {
    "code": "HAPJEONG",
    "name": "합정쉼터",
    "division": "LABOUR-POLICY",
    "target_workers": "대리기사",
    "size_m2": "80",
    "staff": "2",
    "opens": "22:00",
    "closes": "05:00",
    "opened_on": "2018-05-01",
}


@pytest.fixture
def staff(frontline, client_as):
    return client_as(Role.DIVISION_STAFF)


@pytest.fixture
def labour(frontline):
    client = Client()
    client.force_login(
        core_services.user_create(
            actor=None,
            username="t_labour_setup",
            password="Test!persona2018",
            role=Role.DIVISION_STAFF,
            org_unit=OrgUnit.objects.get(code="LABOUR-POLICY"),
        )
    )
    return client


def _page(response) -> str:
    return response.content.decode()


def test_the_set_up_page_lists_only_the_own_divisions_points_and_records(staff, labour):
    page = _page(staff.get("/frontline/setup/"))
    assert "청년일자리센터" in page and "스터디룸 1" in page and "모의면접" in page
    assert "서초쉼터" not in page  # 노동정책담당관's shelter
    assert "서초쉼터" in _page(labour.get("/frontline/setup/"))


def test_a_new_room_is_kept_and_then_edited(staff):
    response = staff.post("/frontline/setup/rooms/new/", ROOM)
    assert response.status_code == 302
    room = Room.objects.get(code="YJC-S02")
    assert (room.service_point.code, room.capacity, room.max_hours_per_day) == ("YJC", 6, 3)
    edit = {**ROOM, "capacity": "8", "max_hours_per_day": "2", "code": "IGNORED"}
    assert staff.post("/frontline/setup/rooms/YJC-S02/", edit).status_code == 302
    room.refresh_from_db()
    assert (room.capacity, room.max_hours_per_day) == (8, 2)
    assert not Room.objects.filter(code="IGNORED").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"capacity": "0"}, "정원(명)"),
        ({"max_hours_per_day": "30"}, "1인 1일 최대 이용 시간"),
        ({"code": "YJC-S01"}, "코드 YJC-S01은 이미 쓰고 있습니다. 다른 코드를 입력하십시오."),
        ({"code": "방 1"}, "코드는 영문·숫자·하이픈(-)으로 32자까지 입력하십시오."),
    ],
)
def test_a_bad_room_answers_in_korean_and_writes_nothing(staff, change, message):
    before = list(Room.objects.values_list("code", "capacity").order_by("code"))
    response = staff.post("/frontline/setup/rooms/new/", {**ROOM, **change})
    assert response.status_code == 400
    assert message in _page(response)
    assert list(Room.objects.values_list("code", "capacity").order_by("code")) == before


def test_the_room_service_refuses_capacity_zero_in_korean(frontline, personas):
    from iljari.core.errors import ValidationFailed
    from iljari.frontline import services

    with pytest.raises(ValidationFailed) as error:
        services.room_set(
            actor=personas[Role.DIVISION_STAFF],
            code="YJC-S03",
            service_point=frontline["centre"],
            new=True,
            name="스터디룸 3",
            kind="study",
            capacity=0,
        )
    assert error.value.field_errors["capacity"] == ["정원은 1명 이상 1,000명 이하여야 합니다."]
    assert not Room.objects.filter(code="YJC-S03").exists()


def test_another_divisions_room_is_not_found_and_its_point_not_offered(labour, frontline):
    assert labour.get("/frontline/setup/rooms/YJC-S01/").status_code == 404
    response = labour.post("/frontline/setup/rooms/new/", ROOM)  # YJC is not among its points
    assert response.status_code == 400
    assert not Room.objects.filter(code="YJC-S02").exists()


def test_opening_hours_closing_before_opening_are_refused(staff, frontline):
    url = "/frontline/setup/points/YJC/hours/"
    data = {"weekday_opens": "9", "weekday_closes": "21", "saturday_opens": "18", "saturday_closes": "10"}
    response = staff.post(url, data)
    assert response.status_code == 400
    assert "토요일 닫는 시각은 여는 시각보다 늦어야 합니다(0~24시)." in _page(response)
    response = staff.post(url, {**data, "saturday_opens": "10", "saturday_closes": ""})
    assert "토요일 여는 시각과 닫는 시각을 함께 입력하거나 함께 비우십시오." in _page(response)
    frontline["centre"].refresh_from_db()
    assert (frontline["centre"].saturday_opens, frontline["centre"].saturday_closes) == (10, 18)
    assert staff.post(url, {**data, "saturday_opens": "", "saturday_closes": ""}).status_code == 302
    centre = ServicePoint.objects.get(code="YJC")
    assert (centre.weekday_opens, centre.weekday_closes, centre.saturday_opens) == (9, 21, None)


def test_a_programme_and_its_sessions_are_set_up_within_the_points_hours(staff):
    data = {"code": "YJC-CV", "title": "자소서 클리닉", "kind": "cv_clinic", "division": "JOBS-POLICY",
            "service_point": "YJC", "public": "on", "sessions_to_complete": "1"}  # fmt: skip
    assert staff.post("/frontline/setup/programmes/new/", data).status_code == 302
    programme = Programme.objects.get(code="YJC-CV")
    assert programme.service_point.code == "YJC"
    response = staff.post("/frontline/setup/programmes/new/", {**data, "title": "다른 것"})
    assert "코드 YJC-CV은(는) 이미 쓰고 있습니다. 다른 코드를 입력하십시오." in _page(response)
    assert Programme.objects.get(code="YJC-CV").title == "자소서 클리닉"

    monday, sunday = next_weekday(0), next_weekday(6)
    url = "/frontline/setup/programmes/YJC-CV/sessions/new/"
    session = {"title": "1회차", "day": f"{monday:%Y-%m-%d}", "starts": "14", "capacity": "20"}
    # the centre is open 9–21 on weekdays, closed on Sundays
    response = staff.post(url, {**session, "starts": "22"})
    assert response.status_code == 400
    assert "시작 시각이 청년일자리센터의 운영시간(9~21시) 밖입니다." in _page(response)
    response = staff.post(url, {**session, "day": f"{sunday:%Y-%m-%d}"})
    assert f"청년일자리센터는 {sunday.year}.{sunday.month}.{sunday.day}.에 문을 열지 않습니다." in _page(response)
    response = staff.post(url, {**session, "capacity": "0"})
    assert response.status_code == 400
    assert ProgrammeSession.objects.filter(programme=programme).count() == 0

    assert staff.post(url, session).status_code == 302
    response = staff.post(url, session)
    assert "1회차는 이미 있는 회차입니다. 다른 이름을 입력하십시오." in _page(response)
    created = ProgrammeSession.objects.get(programme=programme)
    assert (created.day, created.starts, created.capacity) == (monday, 14, 20)

    edit = {**session, "title": "1회차(변경)", "starts": "19", "capacity": "15"}
    assert staff.post(f"/frontline/setup/sessions/{created.pk}/", edit).status_code == 302
    created.refresh_from_db()
    assert (created.title, created.starts, created.capacity) == ("1회차(변경)", 19, 15)


def test_a_session_on_a_closed_day_is_refused(staff, frontline):
    monday = next_weekday(0)
    Closure.objects.create(day=monday, reason="임시 휴관")
    url = "/frontline/setup/programmes/YJC-MOCK/sessions/new/"
    response = staff.post(url, {"title": "2회차", "day": f"{monday:%Y-%m-%d}", "starts": "14", "capacity": "5"})
    assert f"청년일자리센터는 {monday.year}.{monday.month}.{monday.day}.에 문을 열지 않습니다." in _page(response)
    assert frontline["programme"].sessions.count() == 1


def test_a_sessions_capacity_cannot_go_below_its_registrations(staff, frontline):
    session = frontline["session"]
    ProgrammeSession.objects.filter(pk=session.pk).update(registered=2)
    data = {"title": "1회차", "day": f"{session.day:%Y-%m-%d}", "starts": "14", "capacity": "1"}
    response = staff.post(f"/frontline/setup/sessions/{session.pk}/", data)
    assert response.status_code == 400
    assert "이미 2명이 신청하여 정원을 그보다 줄일 수 없습니다." in _page(response)
    session.refresh_from_db()
    assert session.capacity == 2


def test_a_new_overnight_shelter_is_kept_and_bad_hours_are_refused(labour):
    assert labour.post("/frontline/setup/shelters/new/", SHELTER).status_code == 302
    shelter = Shelter.objects.get(code="HAPJEONG")
    assert (shelter.opens, shelter.closes, shelter.size_m2) == ("22:00", "05:00", 80)
    for change, message in (
        ({"code": "X-1", "closes": "22:00"}, "닫는 시각은 여는 시각과 달라야 합니다."),
        ({"code": "X-2", "opens": "25:00"}, "시각은 18:00처럼 시:분으로 입력하십시오."),
        ({"code": "HAPJEONG"}, "코드 HAPJEONG은(는) 이미 쓰고 있습니다. 다른 코드를 입력하십시오."),
    ):
        response = labour.post("/frontline/setup/shelters/new/", {**SHELTER, **change})
        assert response.status_code == 400
        assert message in _page(response)
    assert Shelter.objects.count() == 2  # 서초쉼터 and 합정쉼터
    edit = {**SHELTER, "staff": "3"}
    assert labour.post("/frontline/setup/shelters/HAPJEONG/", edit).status_code == 302
    assert Shelter.objects.get(code="HAPJEONG").staff == 3


def test_a_division_closes_its_own_point_and_only_the_office_manager_closes_every_point(staff, client_as, frontline):
    url = "/frontline/setup/closures/"
    response = staff.post(url, {"day": "2026-09-25", "service_point": "YJC", "reason": "추석"})
    assert response.status_code == 302
    assert Closure.objects.get().service_point.code == "YJC"
    response = staff.post(url, {"day": "2026-09-26", "service_point": "", "reason": "추석"})
    assert response.status_code == 400
    assert Closure.objects.count() == 1
    response = staff.post(url, {"day": "2026-09-27", "service_point": "YJC", "reason": " "})
    assert response.status_code == 400
    assert "필수 항목입니다" in _page(response)
    assert Closure.objects.count() == 1

    manager = client_as(Role.OFFICE_MANAGER)
    assert manager.post(url, {"day": "2026-10-03", "service_point": "", "reason": "개천절"}).status_code == 302
    every = Closure.objects.get(service_point__isnull=True)
    assert every.day == date(2026, 10, 3)
    assert staff.post(f"/frontline/setup/closures/{every.pk}/delete/").status_code == 403
    own = Closure.objects.get(service_point__code="YJC")
    assert staff.post(f"/frontline/setup/closures/{own.pk}/delete/").status_code == 302
    assert list(Closure.objects.values_list("reason", flat=True)) == ["개천절"]


def test_auditors_and_partners_may_not_post_set_up_forms(frontline, client_as):
    for role in (Role.AUDITOR, Role.PARTNER_AGENCY):
        response = client_as(role).post("/frontline/setup/rooms/new/", ROOM)
        assert response.status_code == 403
        assert "현장 서비스의 기본 자료를 바꿀 권한이 없습니다." in _page(response)
    assert not Room.objects.filter(code="YJC-S02").exists()


def test_another_divisions_session_and_shelter_are_not_found(staff, labour, frontline):
    assert labour.get(f"/frontline/setup/sessions/{frontline['session'].pk}/").status_code == 404
    assert staff.get("/frontline/setup/shelters/SEOCHO/").status_code == 404
    assert labour.get("/frontline/setup/shelters/SEOCHO/").status_code == 200
    assert staff.get(f"/frontline/setup/sessions/{frontline['session'].pk}/").status_code == 200
