"""The dashboard: the office manager sees the whole office, division staff their division; a fixed number of
queries whatever the number of programmes; every chart has its figures in a table."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iljari.core.roles import Role
from iljari.org.models import OrgUnit
from iljari.plan import services as plan_services
from iljari.plan.models import Objective


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def test_manager_sees_every_division_and_the_totals(office, client_as):
    page = client_as(Role.OFFICE_MANAGER).get("/office/?year=2018&as_of=2018-06-30").content.decode()
    for text in ("일자리정책담당관", "노동정책담당관", "사회적경제담당관", "237,715", "52.2%", "353,956", "69.4%"):
        assert text in page, text
    assert 'id="dashboard-data"' in page
    assert page.count('data-chart="') == 3
    assert page.count("<table") >= 3  # a table beside every chart


def test_division_staff_see_their_division_only(office, client_as):
    page = client_as(Role.DIVISION_STAFF).get("/office/?year=2018&as_of=2018-06-30").content.decode()
    assert "187,341" in page and "53.5%" in page  # 일자리정책담당관
    assert "19,490" not in page and "30,884" not in page  # the other divisions' budgets
    assert "생활임금 적용인원" not in page  # an indicator of 노동정책담당관


def test_overdue_planned_milestones_are_listed_with_links(office, client_as):
    page = client_as(Role.OFFICE_MANAGER).get("/office/?year=2018&as_of=2018-10-15").content.decode()
    assert "기한이 지난 추진계획" in page
    assert "민간기업 맞춤형 2차 사업자 공모 및 참여자 모집" in page  # planned '18.7~9월, not marked done
    assert "/plan/programmes/P1-03/" in page


def test_district_officers_and_citizens_cannot_see_it(office, client_as):
    assert client_as(Role.DISTRICT_OFFICER).get("/office/").status_code == 403
    assert client_as(Role.CITIZEN).get("/office/").status_code == 403


def test_a_bad_period_falls_back_with_a_message(office, client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/office/?year=abc&as_of=2019-13-45")
    assert response.status_code == 200
    assert "읽을 수 없어" in response.content.decode()


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path",
    [
        "/office/?year=2018&as_of=2018-06-30",
        "/plan/?year=2018",
        "/office/business/?year=2018&as_of=2018-06-30&format=html",
    ],
)
def test_query_count_does_not_grow_with_the_number_of_programmes(office, client_as, path):
    client = client_as(Role.OFFICE_MANAGER)
    client.get(path)  # warm the session and content types
    before = _queries(client, path)
    objective = Objective.objects.get(vision__year=2018, number=3)
    division = OrgUnit.objects.get(code="SOCIAL-ECONOMY")
    for number in range(10, 40):
        plan_services.programme_set(
            actor=None,
            objective=objective,
            number=number,
            code=f"EXTRA-{number}",
            title=f"추가 사업 {number}",
            division=division,
            purposes=["목적"],
            budget=1_000_000,
            facts=[{"label": "대상", "value": "시민"}],
            milestones=[{"title": "착수", "state": "planned", "start": date(2018, 9, 1), "precision": "month"}],
        )
    assert _queries(client, path) == before


def test_bench_command_prints_a_table_of_figures(office, capsys):
    from django.core.management import call_command

    call_command("bench", "--only", "pages", "--repeat", "2")  # the page group of `iljari bench` (iljari.demo)
    out = capsys.readouterr().out
    assert "| page: dashboard, office manager |" in out and "| page: business report, xlsx |" in out


def test_programme_page_shows_periods_in_the_screens_date_style(office, client_as):
    page = client_as(Role.DIVISION_STAFF).get("/plan/programmes/P1-03/").content.decode()
    assert "민간기업 맞춤형 2차 사업자 공모 및 참여자 모집 : 2018.7~9월" in page  # the report prints '18.7~9월
    assert "(- )" not in page and "( " not in page
    assert "완료로 표시" in page  # staff of 일자리정책담당관 may mark its steps done
    other = client_as(Role.DIVISION_STAFF).get("/plan/programmes/P2-01/").content.decode()
    assert "완료로 표시" not in other  # not another division's
