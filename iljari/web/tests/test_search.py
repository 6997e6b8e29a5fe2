"""The header's search, through HTTP: menu items and records the user may see, grouped by kind, paginated; people
only in the viewer's scope and written to the access log; any text at all answers a page, never a server error."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.people.tests.factories import make_person


def found(client, query, **params) -> dict[str, int]:
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return {
        kind: int(n) for kind, n in re.findall(r'data-kind="([^"]+)" data-total="(\d+)"', response.content.decode())
    }


def test_menu_items_are_found_by_their_name_or_group(client_as):
    client = client_as(Role.OFFICE_MANAGER)
    assert found(client, "기금") == {"menu": 1}  # 사회투자기금
    html = client.get("/search/", {"q": "재정"}).content.decode()
    assert "예산 집행" in html and "보조금" in html and "사회투자기금" in html  # the items of the 재정 group


def test_a_role_finds_only_the_menu_items_it_has(client_as):
    assert found(client_as(Role.DISTRICT_OFFICER), "기금") == {}  # no fund pages for a district


@pytest.fixture
def residents(dataset_2018):
    return {
        "gangdong": make_person(name="홍길동", birth=date(1990, 1, 1), district="11740"),
        "jongno": make_person(name="홍길순", birth=date(1991, 2, 2), district="11110"),
    }


def test_a_district_officer_does_not_find_another_districts_people(residents, client_as):
    assert found(client_as(Role.DISTRICT_OFFICER), "홍길")["people"] == 1
    assert found(client_as(Role.OFFICE_MANAGER), "홍길")["people"] == 2
    html = client_as(Role.DISTRICT_OFFICER).get("/search/", {"q": "홍길"}).content.decode()
    assert "홍길동" in html and "홍길순" not in html
    assert f'href="/participants/{residents["gangdong"].pk}/"' in html


def test_people_found_are_written_to_the_access_log(residents, client_as, personas):
    client_as(Role.DIVISION_STAFF).get("/search/", {"q": "홍길"})
    entry = AccessLogEntry.objects.filter(subject_type="people.person", detail="통합 검색").latest("pk")
    assert entry.username == personas[Role.DIVISION_STAFF].username
    assert sorted(entry.subject_ids.split(",")) == sorted([str(residents["gangdong"].pk), str(residents["jongno"].pk)])


@pytest.mark.parametrize("role", [Role.PARTNER_AGENCY, Role.SYSTEM_ADMIN])
def test_roles_without_the_people_pages_find_no_people(residents, client_as, role):
    assert "people" not in found(client_as(role), "홍길")


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.ORGANISATION])
def test_the_public_has_no_office_search(client_as, role):
    assert client_as(role).get("/search/", {"q": "홍길"}).status_code == 403


def test_records_of_each_kind_are_grouped(dataset_2018, client_as):
    from iljari.enterprises.tests.factories import make_organisation
    from iljari.intake.tests.factories import make_call

    make_organisation("(주)뉴딜상사", district="11740")
    make_call("NEWDEAL-Q")  # 뉴딜일자리 모집 NEWDEAL-Q
    kinds = found(client_as(Role.OFFICE_MANAGER), "뉴딜")
    assert kinds["organisations"] == 1 and kinds["calls"] == 1
    assert kinds["programmes"] >= 1  # the 2018 plan's 서울형 뉴딜일자리


def test_one_kind_is_paginated(dataset_2018, client_as):
    for n in range(25):
        make_person(name=f"박쪽수{n:02d}", district="11740")
    client = client_as(Role.OFFICE_MANAGER)
    first = client.get("/search/", {"q": "박쪽수"}).content.decode()
    assert first.count('href="/participants/') == 5 and "사람 25건 모두 보기" in first
    second = client.get("/search/", {"q": "박쪽수", "kind": "people", "page": 2}).content.decode()
    assert second.count('href="/participants/') == 5  # 20 a page: 25 - 20
    assert "2/2쪽" in second


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(st.characters(exclude_categories=("Cs",)), max_size=1200))
@example(query="")
@example(query="x" * 1000)
@example(query="' OR 1=1 --")
@example(query="%_\\")
@example(query="😀 강동")
@example(query="\x00null")
def test_any_text_answers_a_page(residents, client_as, query):
    """A control character is refused for every page before the view (core.middleware.InputLimitsMiddleware: 400 in
    Korean); every other text is searched."""
    refused = any(unicodedata.category(ch) == "Cc" and ch not in "\t\r\n" for ch in query)
    response = client_as(Role.OFFICE_MANAGER).get("/search/", {"q": query})
    assert response.status_code == (400 if refused else 200)
