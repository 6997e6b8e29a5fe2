"""/api/entrusted: reads scoped like the pages, writes through the services, errors as {code, message, errors}."""

import pytest

from iljari.core.roles import Role
from iljari.entrusted.models import Facility
from iljari.entrusted.tests.factories import make_entrusted

VIEW = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.PARTNER_AGENCY}


@pytest.fixture
def made(personas):
    return make_entrusted()


@pytest.mark.parametrize("role", list(Role))
def test_the_facilities_are_read_in_each_roles_scope(made, client_as, role):
    response = client_as(role).get("/api/entrusted/facilities")
    assert response.status_code == (200 if role in VIEW else 403)
    if role in VIEW:
        codes = [row["code"] for row in response.json()["items"]]
        assert codes == (["EAST"] if role == Role.PARTNER_AGENCY else ["CENTRAL", "EAST", "SE-CENTRE"])


def test_a_facility_its_contracts_and_steps(made, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    east = client.get("/api/entrusted/facilities/EAST").json()
    assert east["current_trustee"] == "(학)경복대학교" and east["current_term_end"] == "2019-02-28"
    contracts = client.get("/api/entrusted/facilities/EAST/contracts").json()
    assert [(c["trustee"], c["state_label"]) for c in contracts] == [("TTI-EAST", "운영 중")]
    steps = client.get("/api/entrusted/facilities/EAST/steps").json()
    assert [(s["kind_label"], s["due_on"]) for s in steps] == [
        ("시의회 동의안", "2018-09-30"),
        ("수탁기관 공모·선정", "2018-12-31"),
    ]
    assert client_as(Role.PARTNER_AGENCY).get("/api/entrusted/facilities/CENTRAL").status_code == 404


def test_contracts_ending_and_steps_due_on_a_day(made, client_as):
    client = client_as(Role.AUDITOR)
    ending = client.get("/api/entrusted/contracts/ending?on=2018-06-30").json()
    assert [row["facility"] for row in ending] == ["EAST"]
    ending = client.get("/api/entrusted/contracts/ending?on=2018-06-30&within_days=700").json()
    assert [row["facility"] for row in ending] == ["EAST", "CENTRAL"]
    steps = client.get("/api/entrusted/steps?on=2019-01-05").json()
    assert [row["kind"] for row in steps] == [1, 2]
    assert client.get("/api/entrusted/contracts/ending?on=2018-13-01").status_code == 422


def test_writes_go_through_the_services_and_errors_are_korean(made, client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    values = {"code": "COOP-CENTRE", "name": "서울시협동조합지원센터", "kind": "cooperative_centre",
              "division": "SOCIAL-ECONOMY"}  # fmt: skip
    created = manager.post("/api/entrusted/facilities", values, content_type="application/json")
    assert created.status_code == 201 and created.json()["division_name"] == "사회적경제담당관"
    refused = manager.post("/api/entrusted/facilities/CENTRAL/contracts",
                           {"trustee": "TTI-NORTH", "term_start": "2019-01-01", "term_end": "2022-02-28"},
                           content_type="application/json")  # fmt: skip
    assert refused.status_code == 400
    body = refused.json()
    assert body["code"] and "겹칩니다" in body["errors"][0]["message"] and body["errors"][0]["field"] == "term_start"
    denied = client_as(Role.AUDITOR).post("/api/entrusted/facilities", {"code": "X", "name": "x", "kind": "other",
                                          "division": "JOBS-POLICY"}, content_type="application/json")  # fmt: skip
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    assert not Facility.objects.filter(code="X").exists()
    step = made["council"]
    done = manager.post(
        f"/api/entrusted/steps/{step.pk}/done", {"done_on": "2018-09-20"}, content_type="application/json"
    )
    assert done.status_code == 200 and done.json()["done_on"] == "2018-09-20"
