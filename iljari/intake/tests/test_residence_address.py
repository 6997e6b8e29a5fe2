"""The residence rule reads the district of the address the citizen sets (at sign-up, or on 내 인적사항), and its
refusal on the portal's call page links to where the address is set (issue 25: a new citizen's first application was
refused with no way forward)."""

from datetime import date, timedelta

from django.test import Client
from django.utils import timezone

from iljari.core.roles import Role
from iljari.intake import services
from iljari.org.models import District
from iljari.people import services as people_services
from iljari.people.tests.factories import make_person
from iljari.plan.models import Programme


def _call():
    opens = timezone.now() - timedelta(days=1)
    return services.call_set(
        actor=None,
        code="RESIDE",
        programme=Programme.objects.get(code="P1-03"),
        title="서울 거주자 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=30),
        announce_on=date(2030, 1, 1),
        quotas=[("CITY", "서울시", 2)],
        eligibility=[{"kind": "resides_in_seoul"}],
        priorities=[],
    )


def test_a_citizen_without_a_district_is_refused_with_a_link_to_set_the_address(personas, dataset_2018):
    call = _call()
    citizen = personas[Role.CITIZEN]
    make_person(user=citizen, district=None)
    client = Client()
    client.force_login(citizen)
    page = client.get(f"/portal/calls/{call.code}/").content.decode()
    assert services.RESIDENCE_FAILURE in page
    assert 'href="/people/me/#edit-title">내 인적사항</a>에서 등록하거나 고칠 수 있습니다' in page


def test_setting_the_address_on_my_record_lets_the_citizen_apply(personas, dataset_2018):
    call = _call()
    citizen = personas[Role.CITIZEN]
    person = make_person(user=citizen, district=None)
    people_services.person_update(
        actor=citizen,
        person=person,
        address="서울특별시 마포구 월드컵북로 212",
        district=District.objects.get(code="11440"),
    )
    person.refresh_from_db()
    assert services.eligibility_failures(call=call, person=person) == []
    client = Client()
    client.force_login(citizen)
    page = client.get(f"/portal/calls/{call.code}/").content.decode()
    assert services.RESIDENCE_FAILURE not in page and "#edit-title" not in page


def test_other_refusals_carry_no_address_link(personas, dataset_2018):
    opens = timezone.now() - timedelta(days=1)
    call = services.call_set(
        actor=None,
        code="YOUNG",
        programme=Programme.objects.get(code="P1-03"),
        title="청년 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=30),
        announce_on=date(2030, 1, 1),
        quotas=[("CITY", "서울시", 2)],
        eligibility=[{"kind": "age_between", "min_value": 18, "max_value": 20, "on_date": date(2018, 1, 1)}],
        priorities=[],
    )
    citizen = personas[Role.CITIZEN]
    make_person(user=citizen, birth=date(1970, 1, 1))
    client = Client()
    client.force_login(citizen)
    page = client.get(f"/portal/calls/{call.code}/").content.decode()
    assert "신청 자격을 갖추지 못했습니다" in page and "#edit-title" not in page
