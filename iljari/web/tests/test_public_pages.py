"""The pages open to all, without login (issue 25): a visitor's home, the public call list and each call's page,
the rooms' week and the programmes. A visitor reads everything; acting (applying, booking, registering) asks for
login first and writes nothing; a call not yet published is never shown."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from iljari.core.formats import d_day_text, deadline_day, screen_deadline
from iljari.core.roles import Role
from iljari.frontline.models import Booking, Registration
from iljari.frontline.services import closure_set
from iljari.frontline.tests.factories import make_frontline, next_weekday
from iljari.intake import services as intake
from iljari.intake.models import Application, Call
from iljari.org.models import District
from iljari.participation.services import public_holiday_set
from iljari.plan.models import Programme

SEOUL = ZoneInfo("Asia/Seoul")
LOGIN = "/accounts/login/?next="


def _at(day: date, hour: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=SEOUL)


def _call(code, title, *, opens, closes, programme="P1-03", target="youth", quotas=None, audience=None, **extra):
    return intake.call_set(
        actor=None,
        code=code,
        programme=Programme.objects.get(code=programme),
        title=title,
        opens_at=opens,
        closes_at=closes,
        announce_on=(closes + timedelta(days=10)).date(),
        quotas=quotas or [("CITY", "서울시 추진사업", 20), ("DISTRICT", "자치구 사업", 10)],
        eligibility=[
            {"kind": "age_between", "min_value": 18, "max_value": 39, "on_date": date(2026, 1, 1)},
            {"kind": "resides_in_seoul"},
        ]
        if audience is None
        else [],
        required_documents="주민등록등본\n구직등록 확인서",
        target_group=target,
        audience=audience,
        **extra,
    )


@pytest.fixture
def calls(dataset_2018):
    """An open call (closing in 10 days at 00:00, i.e. at 24:00 of the 9th day), one opening next week, one
    closed, one unpublished, and an open call for organisations."""
    today = timezone.localdate()
    gangdong = District.objects.get(code="11740")
    made = {
        "open": _call(
            "PUB-OPEN",
            "청년 뉴딜일자리 참여자 모집",
            opens=_at(today - timedelta(days=3)),
            closes=_at(today + timedelta(days=10)),
            quotas=[("CITY", "서울시 추진사업", 20), ("GD", "강동구 사업", 7, gangdong)],
            contact="일자리정책과 뉴딜일자리팀 02-2133-5000",
        ),
        "upcoming": _call(
            "PUB-NEXT",
            "기술교육원 야간과정 훈련생 모집",
            programme="P1-07",
            target="general",
            opens=_at(today + timedelta(days=7), 9),
            closes=_at(today + timedelta(days=20), 18),
        ),
        "closed": _call(
            "PUB-PAST",
            "공공근로 상반기 참여자 모집",
            programme="P1-06",
            target="low_income",
            opens=_at(today - timedelta(days=60), 9),
            closes=_at(today - timedelta(days=30), 18),
            quotas=[("CITY", "서울시", 100)],
        ),
        "draft": _call(
            "PUB-DRAFT",
            "아직 결재 중인 비밀 공고",
            opens=_at(today - timedelta(days=1)),
            closes=_at(today + timedelta(days=5)),
        ),
        "organisations": _call(
            "PUB-SME",
            "강소기업 공모 시험",
            programme="P1-01",
            target="",
            audience="organisations",
            opens=_at(today - timedelta(days=1)),
            closes=_at(today + timedelta(days=4), 18),
            quotas=[("ALL", "선정", 5)],
            criteria=[("JOBS", "일자리 질", 100)],
        ),
    }
    Call.objects.filter(pk=made["draft"].pk).update(published_at=None)  # waiting for its publishing approval
    return made


def _text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _codes(response) -> list[str]:
    return re.findall(r'data-call="([^"]+)"', response.content.decode())


# --- the visitor's home ----------------------------------------------------------------------------------------


def test_a_visitor_finds_the_calls_open_now_with_their_d_day_on_the_home_page(calls):
    response = Client().get("/")
    assert response.status_code == 200
    text = _text(response)
    assert "D-9 청년 뉴딜일자리 참여자 모집" in text  # closes at 00:00 ten days on: its last day is the ninth
    assert "D-4 강소기업 공모 시험" in text
    assert set(_codes(response)) == {"PUB-OPEN", "PUB-SME"}  # not the upcoming, the closed nor the unpublished
    assert "아직 결재 중인 비밀 공고" not in text
    html = response.content.decode()
    assert 'href="/portal/calls/PUB-OPEN/info/"' in html
    for link in ("/accounts/login/", "/portal/signup/", "/platform/", "/faq/", "/notices/", "/portal/rooms/"):
        assert f'href="{link}"' in html


def test_a_logged_in_user_keeps_their_own_home(calls, client_as):
    text = _text(client_as(Role.CITIZEN).get("/"))
    assert "시민 권한으로 접속했습니다" in text and "지금 접수 중인 모집공고" not in text


# --- the public call list --------------------------------------------------------------------------------------


def test_the_public_call_list_shows_open_and_past_calls_but_never_an_unpublished_one(calls):
    response = Client().get("/portal/calls/")
    assert response.status_code == 200
    assert _codes(response) == ["PUB-NEXT", "PUB-OPEN", "PUB-PAST"]  # newest opening first; people's calls only
    text = _text(response)
    assert "접수 중 D-9 청년 뉴딜일자리 참여자 모집" in text
    assert "접수 예정 기술교육원 야간과정 훈련생 모집" in text and "마감 공공근로 상반기 참여자 모집" in text
    assert "27명" in text  # 20 + 7 places
    assert _codes(Client().get("/portal/org/calls/")) == ["PUB-SME"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=open", ["PUB-OPEN"]),
        ("status=upcoming", ["PUB-NEXT"]),
        ("status=closed", ["PUB-PAST"]),
        ("target=low_income", ["PUB-PAST"]),
        ("district=11740", ["PUB-OPEN"]),
        ("programme=P1-07", ["PUB-NEXT"]),
        ("q=뉴딜", ["PUB-OPEN"]),
        ("q=비밀", []),
        ("status=open&q=비밀", []),
        ("sort=places&dir=desc", ["PUB-PAST", "PUB-NEXT", "PUB-OPEN"]),
        ("sort=closes&dir=asc", ["PUB-PAST", "PUB-OPEN", "PUB-NEXT"]),
        ("status=nonsense&sort=nonsense", ["PUB-NEXT", "PUB-OPEN", "PUB-PAST"]),  # unknown values are ignored
    ],
)
def test_the_public_call_list_searches_filters_and_sorts(calls, query, expected):
    response = Client().get(f"/portal/calls/?{query}")
    assert response.status_code == 200
    assert _codes(response) == expected


def test_the_list_pages_and_keeps_its_filters_across_pages(dataset_2018):
    today = timezone.localdate()
    for n in range(23):
        _call(
            f"MANY-{n:02d}",
            f"많은 공고 {n:02d}",
            opens=_at(today - timedelta(days=n + 1)),
            closes=_at(today + timedelta(days=5)),
        )
    first = Client().get("/portal/calls/?status=open")
    assert len(_codes(first)) == 20
    html = first.content.decode()
    assert "status=open&amp;page=2" in html
    assert len(_codes(Client().get("/portal/calls/?status=open&page=2"))) == 3


# --- one call's public page ------------------------------------------------------------------------------------


def test_a_calls_public_page_tells_its_rules_documents_quotas_schedule_and_contact(calls):
    response = Client().get("/portal/calls/PUB-OPEN/info/")
    assert response.status_code == 200
    text = _text(response)
    opens = calls["open"].opens_at.astimezone(SEOUL).date()
    last = timezone.localdate() + timedelta(days=9)
    weekday = "월화수목금토일"
    assert (
        f"{opens.year}.{opens.month}.{opens.day}.({weekday[opens.weekday()]}) 00:00부터 "
        f"{last.year}.{last.month}.{last.day}.({weekday[last.weekday()]}) 24:00까지" in text
    )
    assert "만 18세 이상 39세 이하(2026.1.1. 기준)" in text and "서울 거주" in text
    assert "주민등록등본" in text and "구직등록 확인서" in text
    assert "강동구 사업 강동구 7" in text and "합계 27" in text
    assert "일자리정책과 뉴딜일자리팀 02-2133-5000" in text
    assert "모집 대상 청년" in text
    assert 'href="/portal/calls/PUB-OPEN/"' in response.content.decode()  # 신청하기


def test_a_deadline_at_18_reads_as_18(calls):
    text = _text(Client().get("/portal/calls/PUB-NEXT/info/"))
    assert "18:00까지" in text and "24:00" not in text
    assert "신청하기" not in text and "부터 신청할 수 있습니다" in text  # not open yet


def test_a_call_for_organisations_sends_to_the_organisations_form(calls):
    html = Client().get("/portal/calls/PUB-SME/info/").content.decode()
    assert 'href="/portal/org/calls/PUB-SME/"' in html


def test_an_unpublished_call_is_not_found_and_a_closed_one_cannot_be_applied_to(calls):
    assert Client().get("/portal/calls/PUB-DRAFT/info/").status_code == 404
    assert Client().get("/portal/calls/NO-SUCH/info/").status_code == 404
    closed = _text(Client().get("/portal/calls/PUB-PAST/info/"))
    assert "접수가 끝난 공고입니다" in closed and "신청하기" not in closed


def test_pressing_apply_asks_a_visitor_to_log_in_and_comes_back(calls):
    visitor = Client()
    response = visitor.get("/portal/calls/PUB-OPEN/")
    assert response.status_code == 302 and response["Location"] == f"{LOGIN}/portal/calls/PUB-OPEN/"
    assert visitor.post("/portal/calls/PUB-OPEN/", {"action": "submit"})["Location"].startswith(LOGIN)
    assert visitor.get("/portal/org/calls/PUB-SME/")["Location"] == f"{LOGIN}/portal/org/calls/PUB-SME/"
    assert not Application.objects.filter(call__code__startswith="PUB-").exists()


# --- rooms and programmes --------------------------------------------------------------------------------------


@pytest.fixture
def rooms(personas):
    made = make_frontline()
    monday = next_weekday(0)
    closure_set(actor=None, day=monday + timedelta(days=2), reason="시설 점검", service_point=made["centre"])
    public_holiday_set(actor=None, day=monday + timedelta(days=3), name="시험공휴일")
    Booking.objects.create(room=made["study"], day=monday, hour=10, booked_by=personas[Role.CITIZEN])
    Booking.objects.create(room=made["study"], day=monday, hour=11, status="cancelled")
    return {**made, "monday": monday}


def _cells(response) -> list[list[str]]:
    html = response.content.decode()
    body = html[html.index('id="room-week"') :]
    body = body[: body.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [
        [
            re.sub(r"<[^>]+>", " ", cell).split()[0] if cell.strip() else ""
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in rows
    ]


def test_a_rooms_week_shows_free_booked_and_closed_hours_to_a_visitor(rooms):
    monday = rooms["monday"]
    response = Client().get(f"/portal/rooms/YJC-S01/week/?day={(monday + timedelta(days=4)).isoformat()}")
    assert response.status_code == 200
    text = _text(response)
    assert "공휴일(시험공휴일)" in text
    table = {row[0]: row[1:] for row in _cells(response)[1:]}
    # Monday to Sunday at 10:00: booked; open; closed (the point's closure); closed (the public holiday); open;
    # open (Saturday 10–18); closed (Sunday)
    assert [cell.split()[0] for cell in table["10:00~11:00"]] == [
        "예약됨",
        "예약",
        "휴관",
        "휴관",
        "예약",
        "예약",
        "휴관",
    ]
    assert table["11:00~12:00"][0] == "예약"  # a cancelled booking frees its hour
    assert table["09:00~10:00"][5] == "휴관"  # Saturday opens at 10
    assert table["20:00~21:00"][5] == "휴관" and table["20:00~21:00"][0] == "예약"
    assert 'href="/portal/rooms/YJC-S01/"' in response.content.decode()  # 예약하기, behind login


def test_the_rooms_list_and_programmes_are_open_but_booking_and_registering_ask_for_login(rooms):
    visitor = Client()
    rooms_page = _text(visitor.get("/portal/rooms/"))
    assert "스터디룸 1" in rooms_page and "주간 현황" in rooms_page
    programmes = visitor.get("/portal/programmes/")
    assert programmes.status_code == 200
    text = _text(programmes)
    assert "모의면접" in text and "로그인하고 신청" in text
    assert visitor.get("/portal/rooms/YJC-S01/")["Location"] == f"{LOGIN}/portal/rooms/YJC-S01/"
    booked = Booking.objects.count()
    day = rooms["monday"] + timedelta(days=7)
    response = visitor.post("/portal/rooms/YJC-S01/", {"day": day.isoformat(), "hour": 10, "hours": 1, "headcount": 1})
    assert response["Location"].startswith(LOGIN) and Booking.objects.count() == booked
    response = visitor.post(f"/portal/programmes/sessions/{rooms['session'].pk}/register/")
    assert response["Location"].startswith(LOGIN) and not Registration.objects.exists()


# --- the menu and the login page -------------------------------------------------------------------------------


def test_a_visitors_menu_and_the_login_page_lead_to_the_public_pages(org):
    html = Client().get("/accounts/login/").content.decode()
    menu = html[html.index('aria-label="주 메뉴"') : html.index("</nav>", html.index('aria-label="주 메뉴"'))]
    for label, link in (
        ("모집공고", "/portal/calls/"),
        ("공간 예약", "/portal/rooms/"),
        ("강소기업 플랫폼", "/platform/"),
        ("공지사항", "/notices/"),
        ("자주 묻는 질문", "/faq/"),
        ("로그인", "/accounts/login/"),
        ("회원가입", "/portal/signup/"),
    ):
        assert f'href="{link}"' in menu and label in menu
    content = html[html.index('id="main"') :]
    for link in ("/platform/", "/portal/calls/", "/portal/rooms/", "/portal/signup/"):
        assert f'href="{link}"' in content


def test_a_citizens_menu_has_no_visitor_links(client_as):
    html = client_as(Role.CITIZEN).get("/accounts/me/").content.decode()
    menu = html[html.index('aria-label="주 메뉴"') :]
    assert 'href="/notices/"' in menu and 'href="/accounts/login/"' not in menu and 'href="/portal/signup/"' not in menu


# --- the deadline's wording ------------------------------------------------------------------------------------


def test_a_deadline_at_midnight_is_the_end_of_the_day_before():
    assert screen_deadline(_at(date(2027, 1, 30)), weekday=True) == "2027.1.29.(금) 24:00"
    assert screen_deadline(_at(date(2027, 1, 29), 18), weekday=True) == "2027.1.29.(금) 18:00"
    assert screen_deadline(_at(date(2027, 1, 30))) == "2027.1.29. 24:00"
    assert d_day_text(_at(date(2027, 1, 30)), date(2027, 1, 29)) == "D-day"
    assert d_day_text(_at(date(2027, 1, 30)), date(2027, 1, 26)) == "D-3"
    assert d_day_text(_at(date(2027, 1, 30)), date(2027, 1, 30)) == ""


@given(st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2099, 12, 30), timezones=st.just(SEOUL)))
def test_a_deadline_never_reads_00_00_and_its_last_day_is_the_one_it_names(moment):
    text = screen_deadline(moment)
    assert not text.endswith(" 00:00")
    last = deadline_day(moment)
    assert text.startswith(f"{last.year}.{last.month}.{last.day}.")
    assert last == moment.date() or (last == moment.date() - timedelta(days=1) and text.endswith("24:00"))
