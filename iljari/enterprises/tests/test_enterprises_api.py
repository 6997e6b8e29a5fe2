"""The enterprises API: the registry and procurement progress, with the Korean error format."""

from datetime import date

from iljari.core.roles import Role
from iljari.enterprises import services
from iljari.enterprises.models import Organisation
from iljari.enterprises.tests.factories import make_organisation


def test_staff_register_an_organisation_and_a_bad_number_gets_the_korean_error(client_as):
    client = client_as(Role.DIVISION_STAFF)
    bad = client.post(
        "/api/enterprises/organisations",
        {"name": "가짜", "kind": "company", "business_number": "124-81-00990"},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "business_number"
    assert "검증번호" in bad.json()["errors"][0]["message"]
    good = client.post(
        "/api/enterprises/organisations",
        {"name": "삼성전자", "kind": "company", "business_number": "124-81-00998", "district": "11740"},
        content_type="application/json",
    )
    assert good.status_code == 201
    assert good.json()["business_number"] == "124-81-00998"
    listed = client.get("/api/enterprises/organisations?q=삼성").json()
    assert [row["name"] for row in listed["items"]] == ["삼성전자"]
    assert client_as(Role.CITIZEN).get("/api/enterprises/organisations").status_code == 403
    assert Organisation.objects.count() == 1


def test_procurement_progress_in_the_api(client_as):
    services.procurement_target_set(actor=None, year=2018, amount=130_000_000_000)
    buyer = make_organisation("서울특별시", kind="agency", district=None)
    supplier = make_organisation("나눔협동조합", kind="cooperative", cert="cooperative", since=date(2014, 1, 1))
    services.purchase_record(
        actor=None,
        buyer=buyer,
        supplier=supplier,
        category="goods",
        item="도시락",
        amount=34_900_000_000,
        purchased_on=date(2018, 5, 31),
    )
    body = client_as(Role.AUDITOR).get("/api/enterprises/procurement?year=2018").json()
    assert (body["target"], body["total"], body["count"]) == (130_000_000_000, 34_900_000_000, 1)
    assert round(body["rate"], 3) == 0.268  # 349 / 1,300
    assert body["by_kind"] == [{"label": "협동조합", "amount": 34_900_000_000, "count": 1}]
