"""A call's 인원 is the sum of its quotas' places, the same on the call list, the call's page and the API's list and
detail — also when two quotas have the same number of places (the list once summed the distinct sizes only: the
2018 public works showed 4,758 on the list and 4,951 on their page)."""

import pytest

from iljari.core.roles import Role
from iljari.core.tests.figure_readers import html_figure
from iljari.intake import services
from iljari.intake.tests.factories import make_call
from iljari.org.models import District
from iljari.people.tests.factories import make_person


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def test_a_calls_places_count_every_quota_even_two_of_the_same_size(office, client_as):
    gangdong = District.objects.get(code="11740")
    call = make_call(
        "TWINS",
        documents="",
        quotas=[("A", "서울시 A", 5), ("B", "서울시 B", 5), ("D", "강동구", 5, gangdong), ("E", "청년", 2)],
    )
    for quota in ("A", "A", "D"):  # applications must not multiply the places either
        services.application_submit(actor=None, call=call, person=make_person(), quota=call.quotas.get(code=quota))
    for role in (Role.DIVISION_STAFF, Role.DISTRICT_OFFICER):
        client = client_as(role)
        listed = html_figure(client.get("/intake/").content, "call.places", "TWINS")
        page = html_figure(client.get("/intake/calls/TWINS/").content, "call.places", "TWINS")
        api_list = {row["code"]: row["places"] for row in client.get("/api/intake/calls").json()}["TWINS"]
        api_detail = client.get("/api/intake/calls/TWINS").json()["places"]
        assert (listed, page, api_list, api_detail) == (17, 17, 17, 17), role


def test_a_call_without_quotas_shows_no_places_the_same_everywhere(office, client_as):
    call = make_call("EMPTY", documents="")
    call.quotas.all().delete()
    staff = client_as(Role.DIVISION_STAFF)
    listed = html_figure(staff.get("/intake/").content, "call.places", "EMPTY")
    page = html_figure(staff.get("/intake/calls/EMPTY/").content, "call.places", "EMPTY")
    api_list = {row["code"]: row["places"] for row in staff.get("/api/intake/calls").json()}["EMPTY"]
    assert (listed, page, api_list) == (0, 0, 0)
