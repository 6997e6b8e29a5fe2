"""The intake API: calls and figures for the office, selection runs, and a citizen's applications — the same rules
as the pages, answered in the one error format."""

import json
from datetime import date

import pytest
from django.test import Client

from iljari.core.roles import Role
from iljari.demo.report2018_loader import load_report2018
from iljari.intake import services
from iljari.intake.models import Application
from iljari.intake.tests.support import BOTH, make_call, make_person
from iljari.org.models import District


@pytest.fixture
def office(personas):
    load_report2018()
    return personas


def _post(client: Client, path: str, body: dict):
    return client.post(path, json.dumps(body), content_type="application/json")


def test_the_office_reads_a_call_with_its_quotas_and_competition_ratio(office, client_as):
    call = make_call(
        documents="", quotas=[("CITY", "서울시", 2), ("D", "강동구", 1, District.objects.get(code="11740"))]
    )
    for _ in range(5):
        services.application_submit(actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY"))
    staff = client_as(Role.DIVISION_STAFF)
    listed = staff.get("/api/intake/calls").json()
    assert [row["code"] for row in listed] == [call.code] and listed[0]["places"] == 3
    detail = staff.get(f"/api/intake/calls/{call.code}").json()
    assert (detail["applicants"], detail["competition_ratio"]) == (5, "1.7:1")
    assert [(q["code"], q["applicants"], q["competition_ratio"], q["district"]) for q in detail["quotas"]] == [
        ("CITY", 5, "2.5:1", None),
        ("D", 0, "0:1", "11740"),
    ]
    assert detail["eligibility"] == ["만 18세 이상 39세 이하(2018-01-01 기준)", "서울 거주"]
    assert client_as(Role.CITIZEN).get(f"/api/intake/calls/{call.code}").status_code == 403
    assert staff.get("/api/intake/calls/NOPE").json()["code"] == "not_found"


def test_a_selection_run_through_the_api_is_recorded_and_replayable(office, client_as):
    call = make_call(documents="")
    for _ in range(4):
        services.application_submit(actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY"))
    staff = client_as(Role.DIVISION_STAFF)
    response = _post(staff, f"/api/intake/calls/{call.code}/selection-runs", {"seed": 77})
    assert response.status_code == 201
    run = response.json()
    assert (run["seed"], run["selected"], run["waitlisted"], run["run_by"]) == (77, 2, 2, "t_staff")
    replay = services.selection_compute(call=call, seed=77)
    selected = {r.application_id for r in replay if r.outcome == "selected"}
    assert selected == set(Application.objects.filter(call=call, status="selected").values_list("pk", flat=True))
    assert staff.get(f"/api/intake/calls/{call.code}/selection-runs").json()[0]["seed"] == 77
    bad = _post(staff, f"/api/intake/calls/{call.code}/selection-runs", {"seed": -1})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "seed"
    auditor = _post(client_as(Role.AUDITOR), f"/api/intake/calls/{call.code}/selection-runs", {"seed": 1})
    assert auditor.status_code == 403


def test_a_citizen_applies_once_through_the_api_with_both_consents(office, client_as):
    call = make_call(documents="")
    citizen = client_as(Role.CITIZEN)
    path = f"/api/portal/calls/{call.code}/applications"
    assert (
        _post(citizen, path, {"quota": "CITY", "consents": BOTH}).json()["message"]
        == "먼저 내 인적사항을 등록하십시오."
    )
    make_person(user=office[Role.CITIZEN], birth=date(1995, 3, 2))
    refused = _post(citizen, path, {"quota": "CITY", "consents": ["personal_data"]})
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "consents"
    first = _post(citizen, path, {"quota": "CITY", "consents": BOTH})
    again = _post(citizen, path, {"quota": "CITY", "consents": BOTH})  # a retry
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"] and Application.objects.filter(call=call).count() == 1
    assert first.json()["status_label"] == "접수"
    mine = citizen.get("/api/portal/applications").json()
    assert [row["call"] for row in mine] == [call.code]
    withdrawn = citizen.post(f"/api/portal/applications/{first.json()['id']}/withdraw")
    assert withdrawn.json()["status"] == "withdrawn"
    assert _post(client_as(Role.DIVISION_STAFF), path, {"quota": "CITY", "consents": BOTH}).status_code == 403


def test_an_ineligible_citizen_gets_each_failed_rule_in_korean(office, client_as):
    call = make_call(documents="")
    make_person(user=office[Role.CITIZEN], birth=date(1960, 1, 1))
    response = _post(
        client_as(Role.CITIZEN), f"/api/portal/calls/{call.code}/applications", {"quota": "CITY", "consents": BOTH}
    )
    body = response.json()
    assert response.status_code == 400 and body["message"] == "신청 자격을 갖추지 못했습니다."
    assert body["errors"] == [
        {"field": "eligibility", "message": "만 18세 이상 39세 이하만 신청할 수 있습니다(2018. 1. 1. 기준 만 58세)."}
    ]
