"""A call's selection runs and is confirmed only after its 접수 has closed: the service refuses before, saying from
when; the call's page shows that in place of the buttons; the API answers 400 with it, and its selection endpoint
takes only a JSON object with the seed written out."""

import html
import json
from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from iljari.approvals.services import approval_draft
from iljari.approvals.tests.factories import approve_through, make_official
from iljari.core.errors import ValidationFailed
from iljari.core.roles import Position, Role
from iljari.intake import services
from iljari.intake.models import Call, SelectionRun
from iljari.intake.tests.factories import close_call, make_call
from iljari.people.tests.factories import make_person

WAIT = "접수가 끝난 뒤(2029.12.1. 18:00 이후)에 선발할 수 있습니다."


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _receiving_call():
    """Receiving applications until 2029-12-01 18:00 (Seoul), with three applicants for two city places."""
    opens = timezone.make_aware(datetime(2029, 11, 1, 18, 0))
    call = make_call(documents="", opens=opens, days=30)
    for _ in range(3):
        services.application_submit(
            actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY"), now=opens
        )
    return call


def test_the_service_refuses_a_selection_while_the_call_receives_applications(office):
    call = _receiving_call()
    with pytest.raises(ValidationFailed) as error:
        services.selection_run(actor=office[Role.DIVISION_STAFF], call=call, seed=1)
    assert error.value.message == WAIT
    assert not SelectionRun.objects.filter(call=call).exists()
    run = services.selection_run(actor=office[Role.DIVISION_STAFF], call=close_call(call), seed=1)
    assert (run.selected, run.waitlisted) == (2, 1)


def test_the_service_refuses_to_confirm_while_the_call_receives_applications(office):
    call = close_call(_receiving_call())
    services.selection_run(actor=None, call=call, seed=1)
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() + timedelta(days=3))  # the deadline extended
    call.refresh_from_db()
    with pytest.raises(ValidationFailed) as error:
        services.selection_confirm(actor=office[Role.DIVISION_STAFF], call=call)
    assert error.value.message.startswith("접수가 끝난 뒤(") and "선발 결과를 확정할 수 있습니다" in error.value.message
    call.refresh_from_db()
    assert not call.selection_confirmed
    chief = make_official("t_chief", position=Position.DIRECTOR)  # the division's head approves the confirmation
    request = approval_draft(actor=office[Role.DIVISION_STAFF], act=services.SELECTION_CONFIRM, target=close_call(call),
                             approver=chief)  # fmt: skip
    call.refresh_from_db()
    assert not call.selection_confirmed  # nothing before the final approval
    approve_through(request)
    call.refresh_from_db()
    assert call.selection_confirmed


@given(offset=st.integers(min_value=-(10**6), max_value=10**6))
def test_the_wait_ends_exactly_when_the_call_closes(offset):
    closes = timezone.make_aware(datetime(2029, 12, 1, 18, 0))
    call = Call(opens_at=closes - timedelta(days=30), closes_at=closes)
    message = services.selection_wait_message(call=call, now=closes + timedelta(seconds=offset))
    assert (message is None) is (offset >= 0)
    if message is not None:
        assert message == WAIT


def test_the_page_shows_when_selection_can_run_and_refuses_a_posted_selection(office, client_as):
    call = _receiving_call()
    staff = client_as(Role.DIVISION_STAFF)
    page = html.unescape(staff.get(call.get_absolute_url()).content.decode())
    assert WAIT in page
    assert "선발 실행</button>" not in page and f"/intake/calls/{call.code}/select/" not in page
    response = staff.post(f"/intake/calls/{call.code}/select/", {"seed": "1"}, follow=True)
    assert WAIT in html.unescape(response.content.decode())
    assert not SelectionRun.objects.filter(call=call).exists()
    close_call(call)
    page = staff.get(call.get_absolute_url()).content.decode()
    assert "선발 실행</button>" in page and WAIT not in page
    staff.post(f"/intake/calls/{call.code}/select/", {"seed": "1"})
    assert SelectionRun.objects.filter(call=call).count() == 1


def test_confirming_by_page_while_receiving_is_refused(office, client_as):
    call = close_call(_receiving_call())
    services.selection_run(actor=None, call=call, seed=1)
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() + timedelta(days=3))
    staff = client_as(Role.DIVISION_STAFF)
    assert "선발 확정</button>" not in staff.get(call.get_absolute_url()).content.decode()
    response = staff.post(f"/intake/calls/{call.code}/confirm/", follow=True)
    assert "선발 결과를 확정할 수 있습니다" in response.content.decode()
    call.refresh_from_db()
    assert not call.selection_confirmed


def _api(client, call, body: str):
    return client.post(f"/api/intake/calls/{call.code}/selection-runs", body, content_type="application/json")


def test_the_api_answers_400_with_when_the_selection_can_run(office, client_as):
    call = _receiving_call()
    staff = client_as(Role.DIVISION_STAFF)
    response = _api(staff, call, json.dumps({"seed": 1}))
    assert response.status_code == 400
    assert response.json()["message"] == WAIT
    close_call(call)
    response = _api(staff, call, json.dumps({"seed": None}))  # null: a new draw
    assert response.status_code == 201 and response.json()["selected"] == 2


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ("", "", "필수 항목입니다."),
        ("{}", "seed", "필수 항목입니다."),
        ("[]", "", "객체(JSON object)여야 합니다."),
        ("42", "", "객체(JSON object)여야 합니다."),
        ("null", "", "객체(JSON object)여야 합니다."),
        ('"seed"', "", "객체(JSON object)여야 합니다."),
        ('{"seed": 1, "quota": "CITY"}', "quota", "알 수 없는 항목입니다."),
    ],
)
def test_the_api_selection_takes_only_an_object_with_the_seed(office, client_as, body, field, message):
    call = close_call(_receiving_call())
    response = _api(client_as(Role.DIVISION_STAFF), call, body)
    assert response.status_code == 422
    assert response.json()["message"] == "입력한 내용을 확인해 주십시오."
    assert {"field": field, "message": message} in response.json()["errors"]
    assert not SelectionRun.objects.filter(call=call).exists()
