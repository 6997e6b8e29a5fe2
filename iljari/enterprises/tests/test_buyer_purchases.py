"""A public body (an Organisation of kind 자치구 or 공공기관 whose contact logs in with the organisation role) enters
and uploads its own purchases, only as itself: a row naming another buyer is refused and a refused file changes
nothing."""

from datetime import date

import pytest

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.enterprises import services
from iljari.enterprises.models import Purchase
from iljari.enterprises.tests.factories import make_organisation, xlsx
from iljari.performance.models import IndicatorValue


@pytest.fixture
def parties(org, personas):
    parties = {
        "seoul": make_organisation("서울특별시", kind="agency", district=None),
        "jongno": make_organisation("종로구청", kind="district", district="11110"),
        "social": make_organisation("행복사회적기업", cert="social_enterprise", since=date(2015, 3, 1)),
        "company": make_organisation("보통회사"),
    }
    services.organisation_contact_add(
        actor=None, organisation=parties["seoul"], username=personas[Role.ORGANISATION].username
    )
    return parties


def _row(buyer, supplier, amount=1_000_000, day=date(2018, 5, 2), item="도시락"):
    return (buyer.business_number_text, supplier.business_number, "물품", item, amount, day)


def test_a_buyer_uploads_its_own_monthly_sheet(client_as, parties):
    p = parties
    client = client_as(Role.ORGANISATION)
    page = client.get("/portal/organisation/purchases/?year=2018").content.decode()
    assert "서울특별시 공공구매 실적" in page and "구매 내역이 없습니다" in page
    assert "우리 기관 구매" in page  # the navigation
    assert client.get("/portal/organisation/purchases/template.xlsx").status_code == 200
    assert (
        "구매기관 칸에는 우리 기관의 사업자등록번호"
        in client.get("/portal/organisation/purchases/upload/").content.decode()
    )
    sheet = xlsx([_row(p["seoul"], p["social"], 2_000_000), _row(p["seoul"], p["social"], 3_000_000, item="간식")])
    response = client.post("/portal/organisation/purchases/upload/", {"file": _file(sheet)})
    assert response.status_code == 302 and response["Location"] == "/portal/organisation/purchases/"
    rows = Purchase.objects.order_by("amount")
    assert [(r.buyer.name, r.amount, r.supplier_kind) for r in rows] == [
        ("서울특별시", 2_000_000, "social_enterprise"),
        ("서울특별시", 3_000_000, "social_enterprise"),
    ]
    page = client.get("/portal/organisation/purchases/?year=2018").content.decode()
    assert "합계 5,000,000원" in page and "간식" in page


def test_a_row_naming_another_buyer_is_refused_and_the_file_changes_nothing(client_as, parties):
    p = parties
    client = client_as(Role.ORGANISATION)
    sheet = xlsx([_row(p["seoul"], p["social"]), _row(p["jongno"], p["social"])])
    response = client.post("/portal/organisation/purchases/upload/", {"file": _file(sheet)})
    page = response.content.decode()
    assert response.status_code == 400
    refusal = "종로구청은 우리 기관이 아닙니다. 자기 기관의 구매만 입력하고 올릴 수 있습니다."
    assert f"5행 &#x27;구매기관 사업자등록번호&#x27;: {refusal}" in page
    assert not Purchase.objects.exists() and not IndicatorValue.objects.exists()


def test_a_buyer_enters_a_purchase_as_itself(client_as, parties):
    p = parties
    client = client_as(Role.ORGANISATION)
    form = {
        "supplier": p["social"].business_number_text,
        "category": "service",
        "item": "청소 용역",
        "amount": "4500000",
        "purchased_on": "2018-04-30",
    }
    response = client.post("/portal/organisation/purchases/", form)
    assert response.status_code == 302 and response["Location"] == "/portal/organisation/purchases/?year=2018"
    (purchase,) = Purchase.objects.all()
    assert (purchase.buyer_id, purchase.amount, purchase.entered_by.role) == (p["seoul"].pk, 4_500_000, "organisation")
    # a supplier that is no social-economy enterprise: a Korean message on the form, nothing written
    response = client.post("/portal/organisation/purchases/", {**form, "supplier": p["company"].business_number})
    assert response.status_code == 400 and "구매일에 사회적경제기업이 아닙니다" in response.content.decode()
    assert Purchase.objects.count() == 1
    # the service itself refuses another buyer for this account
    with pytest.raises(ValidationFailed) as caught:
        services.purchase_record(
            actor=purchase.entered_by,
            buyer=p["jongno"],
            supplier=p["social"],
            category="goods",
            item="물품",
            amount=1,
            purchased_on=date(2018, 5, 1),
        )
    assert caught.value.field_errors["buyer"] == [
        "종로구청은 우리 기관이 아닙니다. 자기 기관의 구매만 입력하고 올릴 수 있습니다."
    ]


def test_only_a_public_bodys_own_account_has_these_pages(client_as, parties, personas):
    from iljari.core.models import User

    company_contact = User.objects.create_user(username="t_company_contact", password="x", role=Role.ORGANISATION)
    services.organisation_contact_add(actor=None, organisation=parties["company"], username=company_contact.username)
    from django.test import Client

    company = Client()
    company.force_login(User.objects.get(pk=company_contact.pk))
    for path in (
        "/portal/organisation/purchases/",
        "/portal/organisation/purchases/upload/",
        "/portal/organisation/purchases/template.xlsx",
    ):
        assert company.get(path).status_code == 403  # a company is no buyer
        assert client_as(Role.DIVISION_STAFF).get(path).status_code == 403  # staff use the office's pages
    with pytest.raises(NotAllowed):
        services.purchase_import(actor=User.objects.get(pk=company_contact.pk), data=xlsx([]))
    # and the buyer's account does not get the office's pages
    assert client_as(Role.ORGANISATION).get("/enterprises/procurement/new/").status_code == 403


def _file(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        "2018-05.xlsx", data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
