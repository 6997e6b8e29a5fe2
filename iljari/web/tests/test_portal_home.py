"""The home page of a citizen and of an organisation's contact (issue 25): what is open to them with D-day, what is
pending with its step, the drafts, what is due (documents missing, bookings coming); no "services are coming"."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from iljari.core.roles import Role
from iljari.enterprises import services as enterprise_services
from iljari.enterprises.tests.factories import make_organisation
from iljari.enterprises.tests.test_strong_sme_call import make_sme_call
from iljari.intake import services
from iljari.intake.tests.factories import make_call, upload
from iljari.people.tests.factories import make_person
from iljari.web.portal_home import d_day


@pytest.fixture
def office(personas, media_root, dataset_2018):
    return personas


@given(days=st.integers(min_value=0, max_value=400), minutes=st.integers(min_value=0, max_value=24 * 60 - 1))
def test_d_day_counts_the_days_left_by_the_calendar_in_seoul(days, minutes):
    """A deadline any minute of the day `days` days ahead in Seoul is D-<days> (D-day on the day itself), also when
    that minute is still the day before in UTC (00:00–08:59 in Seoul); a deadline at 00:00 is the end of the day
    before (24:00), so it counts one day fewer."""
    today = date(2026, 12, 7)
    seoul = ZoneInfo("Asia/Seoul")
    deadline = datetime(2026, 12, 7, tzinfo=seoul) + timedelta(days=days, minutes=minutes)
    left = days - 1 if minutes == 0 else days
    expected = "" if left < 0 else ("D-day" if left == 0 else f"D-{left}")
    assert d_day(deadline.astimezone(UTC), today) == expected


def test_a_citizens_home_shows_what_is_open_pending_and_due(office):
    open_call = make_call("OPEN", days=10)  # closes 9 days from now (it opened yesterday)
    applied = make_call("APPLIED", documents="")
    drafted = make_call("DRAFTED")
    person = make_person(user=office[Role.CITIZEN])
    submitted = services.application_submit(
        actor=None, call=applied, person=person, quota=applied.quotas.get(code="CITY")
    )
    draft = services.application_save(
        actor=None, call=drafted, person=person, quota=drafted.quotas.get(code="CITY"),
        documents={"주민등록등본": upload()},
    )  # fmt: skip
    client = Client()
    client.force_login(office[Role.CITIZEN])
    page = client.get("/").content.decode()
    assert "이용하게 됩니다" not in page  # no "services are coming"
    assert "접수 중인 모집공고" in page and open_call.title in page and "D-9" in page
    assert f'href="/portal/applications/{submitted.pk}/"' in page and "진행 중인 신청 <span" in page
    assert "임시저장한 신청" in page and f'href="/portal/applications/{draft.pk}/"' in page
    assert f"{drafted.title}: 제출 서류 1건 미제출" in page and "구직등록 확인서" in page
    assert 'href="/portal/messages/">받은 알림 보기</a>' in page


def test_an_organisations_home_shows_its_calls_and_applications(office):
    call = make_sme_call()
    company = make_organisation("(주)홈화면")
    enterprise_services.organisation_contact_add(
        actor=None, organisation=company, username=office[Role.ORGANISATION].username
    )
    application = services.application_submit(actor=None, call=call, organisation=company)
    client = Client()
    client.force_login(office[Role.ORGANISATION])
    page = client.get("/").content.decode()
    assert "접수 중인 공모" in page and call.title in page and "D-19" in page
    assert f'href="/portal/org/applications/{application.pk}/"' in page and "우리 기업의 신청 모두 보기" in page
