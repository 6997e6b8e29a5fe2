# ruff: noqa: F811  (the fixtures imported from district_fixtures are redefined as test arguments)
"""SIB pages over HTTP: staff of 사회적경제담당관 register a contract (investors not adding up are refused) and record
its evaluation; the page shows the formula, the payment and the investors' shares; the auditor reads, district
officers see nothing."""

from __future__ import annotations

from django.test import Client

from iljari.core.roles import Role
from iljari.grants.models import OutcomeContract, OutcomeEvaluation
from iljari.grants.tests.district_fixtures import contract, provider, social_economy_staff  # noqa: F401


def _staff(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_staff_register_a_contract_and_investors_must_add_up(provider, social_economy_staff):
    staff = _staff(social_economy_staff)
    data = {
        "code": "SIB-W1", "title": "경계선지능 아동 교육", "provider_number": provider.business_number, "operator": "",
        "target_population": "경계선지능 아동", "starts_on": "2016-10-01", "ends_on": "2019-09-30",
        "principal": "1100000000", "threshold_rate": "50", "cap_rate": "130",
        "investors": "가 투자, 700000000\n나 투자, 300000000",
        "metrics": "학습능력 향상, %, 0, 50, 60\n사회성 향상, %, 10, 40, 40",
    }  # fmt: skip
    bad = staff.post("/grants/sib/new/", data)
    assert bad.status_code == 400 and "투자 원금(1,100,000,000원)과 다릅니다" in bad.content.decode()
    assert not OutcomeContract.objects.exists()
    shape = staff.post("/grants/sib/new/", {**data, "investors": "가 투자 700000000"})
    assert shape.status_code == 400 and "쉼표로 나눈 2개 항목" in shape.content.decode()
    good = staff.post("/grants/sib/new/", {**data, "investors": "가 투자, 700,000,000\n나 투자, 400000000"})
    assert good.status_code == 302
    assert OutcomeContract.objects.get().investors.count() == 2


def test_evaluation_shows_the_payment_and_shares(contract, social_economy_staff, client_as):
    staff = _staff(social_economy_staff)
    learning, social = contract.metrics.order_by("order")
    early = staff.post(
        f"/grants/sib/{contract.code}/evaluate/",
        {
            "evaluator": "서울연구원",
            "evaluated_on": "2016-01-01",
            f"metric_{learning.pk}": "45",
            f"metric_{social.pk}": "37.5",
        },
    )
    assert early.status_code == 400 and "사업 시작일(2016.10.1.)보다 앞섭니다" in early.content.decode()
    assert not OutcomeEvaluation.objects.exists()
    response = staff.post(
        f"/grants/sib/{contract.code}/evaluate/",
        {
            "evaluator": "서울연구원",
            "evaluated_on": "2019-10-15",
            f"metric_{learning.pk}": "45",
            f"metric_{social.pk}": "37.5",
        },
    )
    assert response.status_code == 302
    page = client_as(Role.AUDITOR).get(f"/grants/sib/{contract.code}/").content.decode()
    assert "997,260,000원" in page and "634,620,000" in page and "362,640,000" in page
    assert "원금 × min(A, 130.0%)" in page
    assert "997,260,000" in client_as(Role.AUDITOR).get("/grants/sib/").content.decode()
    assert client_as(Role.AUDITOR).get("/api/grants/sib").json()[0]["payment"] == 997_260_000


def test_who_sees_and_keeps_the_sib(contract, client_as):
    assert client_as(Role.DISTRICT_OFFICER).get(f"/grants/sib/{contract.code}/").status_code == 403
    assert client_as(Role.DIVISION_STAFF).get(f"/grants/sib/{contract.code}/").status_code == 200
    assert client_as(Role.DIVISION_STAFF).post(f"/grants/sib/{contract.code}/evaluate/", {}).status_code == 403
    assert client_as(Role.AUDITOR).get("/grants/sib/new/").status_code == 403
    assert client_as(Role.AUDITOR).get("/grants/sib/NOPE/").status_code == 404
