"""The programme page's 추진완료 button: a milestone marked done, and the refusals shown as a message."""

import re

import pytest
from django.contrib.messages import get_messages

from iljari.core.roles import Role
from iljari.demo.report2018_loader import load_report2018
from iljari.plan.models import Milestone


@pytest.fixture
def office(personas):
    load_report2018()
    return personas


def _planned(programme: str) -> Milestone:
    milestone = Milestone.objects.filter(programme__code=programme, state="planned").order_by("pk").first()
    assert milestone is not None
    return milestone


def _messages(response) -> list[tuple[str, str]]:
    return [(message.level_tag, message.message) for message in get_messages(response.wsgi_request)]


def test_division_staff_mark_a_milestone_done_and_go_back_to_the_programme(office, client_as):
    milestone = _planned("P1-01")

    response = client_as(Role.DIVISION_STAFF).post(f"/plan/milestones/{milestone.pk}/done/", {"done_on": "2018-07-18"})

    assert response.status_code == 302
    assert response["Location"] == "/plan/programmes/P1-01/"
    ((level, text),) = _messages(response)
    assert level == "success" and re.fullmatch(rf"'{re.escape(milestone.title)}'[을를] 추진완료로 바꾸었습니다\.", text)
    milestone.refresh_from_db()
    assert milestone.state == "done"


def test_a_date_that_is_not_a_date_is_refused_with_a_message(office, client_as):
    milestone = _planned("P1-01")

    response = client_as(Role.DIVISION_STAFF).post(f"/plan/milestones/{milestone.pk}/done/", {"done_on": "soon"})

    assert response.status_code == 302
    assert response["Location"] == "/plan/programmes/P1-01/"
    assert _messages(response) == [("error", "완료일을 날짜로 입력하십시오.")]
    milestone.refresh_from_db()
    assert milestone.state == "planned"


def test_a_date_in_another_year_is_refused_with_the_services_message(office, client_as):
    milestone = _planned("P1-01")

    response = client_as(Role.DIVISION_STAFF).post(f"/plan/milestones/{milestone.pk}/done/", {"done_on": "2019-01-10"})

    assert response.status_code == 302
    [(level, text)] = _messages(response)
    assert level == "error" and "완료일은 2018년 안의 날짜여야 합니다." in text
    milestone.refresh_from_db()
    assert milestone.state == "planned"
