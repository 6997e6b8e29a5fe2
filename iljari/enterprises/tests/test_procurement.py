"""Public procurement: purchases entered or uploaded by buyers, refused uploads that change nothing, the year's
progress against the target by buyer, enterprise type and category, and the 공공구매 indicator derived from them."""

from datetime import date
from decimal import Decimal

import pytest

from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.enterprises import services
from iljari.enterprises.models import Purchase
from iljari.enterprises.tests.factories import make_organisation, xlsx
from iljari.performance.models import IndicatorValue


@pytest.fixture
def parties(org):
    return {
        "seoul": make_organisation("서울특별시", kind="agency", district=None),
        "gangdong": make_organisation("강동구청", kind="district", district="11740"),
        "jongno": make_organisation("종로구청", kind="district", district="11110"),
        "social": make_organisation("행복사회적기업", cert="social_enterprise", since=date(2015, 3, 1)),
        "coop": make_organisation("나눔협동조합", kind="cooperative", cert="cooperative", since=date(2014, 1, 1)),
        "plain": make_organisation("보통회사"),
    }


def test_an_upload_writes_every_row_and_the_progress_page_shows_the_figure_against_the_target(client_as, parties):
    services.procurement_target_set(actor=None, year=2018, amount=130_000_000_000)  # ₩130bn, 1,300억원
    p = parties
    sheet = xlsx(
        [
            (
                p["seoul"].business_number_text,
                p["social"].business_number,
                "용역",
                "돌봄 서비스",
                20_000_000_000,
                date(2018, 3, 10),
            ),
            (
                p["seoul"].business_number,
                p["coop"].business_number_text,
                "물품",
                "사무용품",
                9_900_000_000,
                date(2018, 4, 2),
            ),
            (
                p["gangdong"].business_number,
                p["coop"].business_number,
                "물품",
                "도시락",
                5_000_000_000,
                date(2018, 5, 31),
            ),
        ]
    )
    client = client_as(Role.DIVISION_STAFF)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post("/enterprises/procurement/upload/", {"file": SimpleUploadedFile("5월.xlsx", sheet)})
    assert response.status_code == 302
    assert Purchase.objects.count() == 3
    page = client.get("/enterprises/procurement/?year=2018").content.decode()
    # 200 + 99 + 50 = 349억원 of 1,300억원: 26.8%
    assert ">1,300<" in page and ">349<" in page and "26.8%" in page
    assert "서울특별시" in page and "강동구청" in page
    assert "사회적기업" in page and "협동조합" in page and "용역" in page and "물품" in page
    # by enterprise type: 협동조합 99 + 50 = 149억원 = 14,900백만원; 사회적기업 20,000백만원
    assert ">14,900<" in page and ">20,000<" in page
    # as of '18.4.30.: 200 + 99 = 299억원, 23.0% of 1,300억원
    april = client.get("/enterprises/procurement/?year=2018&as_of=2018-04-30").content.decode()
    assert ">299<" in april and "23.0%" in april and "18.4.30. 기준" in april


def test_purchases_count_toward_the_procurement_indicator_through_performance(client_as, parties, dataset_2018):
    p = parties
    services.purchase_record(
        actor=None,
        buyer=p["seoul"],
        supplier=p["social"],
        category="service",
        item="청소",
        amount=34_900_000_000,
        purchased_on=date(2018, 5, 20),
    )
    value = IndicatorValue.objects.get(indicator__code="IND-08", year=2018, kind="actual")
    assert (value.value, value.as_of) == (Decimal("349.0"), date(2018, 5, 31))  # 349억원 at the end of May
    services.purchase_record(
        actor=None,
        buyer=p["seoul"],
        supplier=p["coop"],
        category="goods",
        item="간식",
        amount=100_000_000,
        purchased_on=date(2018, 6, 3),
    )
    latest = (
        IndicatorValue.objects.filter(indicator__code="IND-08", year=2018, kind="actual").order_by("-as_of").first()
    )
    assert (latest.value, latest.as_of) == (Decimal("350.0"), date(2018, 6, 30))


def test_a_rejected_upload_changes_nothing_and_lists_each_row_in_korean(parties):
    p = parties
    sheet = xlsx(
        [
            (p["seoul"].business_number, p["social"].business_number, "용역", "돌봄", 1_000_000, date(2018, 3, 1)),
            (p["seoul"].business_number, p["plain"].business_number, "물품", "종이", 2_000_000, date(2018, 3, 2)),
            (p["social"].business_number, p["coop"].business_number, "물품", "종이", 2_000_000, date(2018, 3, 2)),
            ("999-99-99999", p["coop"].business_number, "자문", "", -5, date(2018, 3, 3)),
            (p["seoul"].business_number, p["coop"].business_number, "물품", "종이", "많이", "어제"),
        ]
    )
    with pytest.raises(ValidationFailed) as caught:
        services.purchase_import(actor=None, data=sheet)
    assert Purchase.objects.count() == 0
    errors = caught.value.field_errors["file"]
    assert "8행 '금액(원)': 숫자가 아닙니다." in errors and "8행 '구매일': 날짜가 아닙니다(예: 2018-06-30)." in errors
    fixed = xlsx(
        [
            (p["seoul"].business_number, p["social"].business_number, "용역", "돌봄", 1_000_000, date(2018, 3, 1)),
            (p["seoul"].business_number, p["plain"].business_number, "물품", "종이", 2_000_000, date(2018, 3, 2)),
            (p["social"].business_number, p["coop"].business_number, "물품", "종이", 2_000_000, date(2018, 3, 2)),
            ("999-99-99999", p["coop"].business_number, "자문", "", -5, date(2018, 3, 3)),
        ]
    )
    with pytest.raises(ValidationFailed) as second:
        services.purchase_import(actor=None, data=fixed)
    errors = second.value.field_errors["file"]
    assert errors == [
        "5행 '공급기업 사업자등록번호': 보통회사는 구매일에 사회적경제기업이 아닙니다.",
        "6행 '구매기관 사업자등록번호': 행복사회적기업은 공공기관(자치구·공공기관)이 아니어서 "
        "구매기관이 될 수 없습니다.",
        "7행 '구매기관 사업자등록번호': 사업자등록번호 999-99-99999인 기관이 등록되어 있지 않습니다.",
        "7행 '구분(물품·용역·공사)': 구분은 물품, 용역, 공사 가운데 하나입니다.",
        "7행 '품목': 품목을 입력하십시오.",
        "7행 '금액(원)': 금액은 1원 이상의 정수입니다.",
    ]
    assert Purchase.objects.count() == 0


def test_a_district_officer_enters_only_their_districts_purchases(client_as, parties):
    p = parties
    client = client_as(Role.DISTRICT_OFFICER)  # 강동구
    form = {
        "buyer": p["jongno"].business_number,
        "supplier": p["coop"].business_number,
        "category": "goods",
        "item": "도시락",
        "amount": "1000000",
        "purchased_on": "2018-05-02",
    }
    refused = client.post("/enterprises/procurement/new/", form)
    assert refused.status_code == 403
    assert Purchase.objects.count() == 0
    ok = client.post("/enterprises/procurement/new/", {**form, "buyer": p["gangdong"].business_number})
    assert ok.status_code == 302
    services.purchase_record(
        actor=None,
        buyer=p["jongno"],
        supplier=p["coop"],
        category="goods",
        item="떡",
        amount=7_000_000,
        purchased_on=date(2018, 5, 3),
    )
    page = client.get("/enterprises/procurement/?year=2018").content.decode()
    assert "도시락" in page and "떡</td>" not in page  # the list is their district's; the total is the city's


def test_bad_entry_on_the_form_answers_400_in_korean(client_as, parties):
    client = client_as(Role.DIVISION_STAFF)
    response = client.post(
        "/enterprises/procurement/new/",
        {
            "buyer": parties["seoul"].business_number,
            "supplier": parties["plain"].business_number,
            "category": "goods",
            "item": "종이",
            "amount": "1000",
            "purchased_on": "2018-05-02",
        },
    )
    assert response.status_code == 400
    assert "보통회사는 구매일에 사회적경제기업이 아닙니다." in response.content.decode()
    assert Purchase.objects.count() == 0


def test_the_purchase_list_searches_sorts_and_exports_the_same_rows(client_as, parties):
    import io

    from openpyxl import load_workbook

    p = parties
    for buyer, supplier, item, amount, day in (
        (p["seoul"], p["social"], "돌봄 서비스", 3_000_000, date(2018, 3, 10)),
        (p["gangdong"], p["coop"], "도시락", 1_000_000, date(2018, 5, 31)),
        (p["jongno"], p["coop"], "사무용품", 2_000_000, date(2018, 4, 2)),
        (p["seoul"], p["coop"], "행사 도시락", 500_000, date(2019, 1, 5)),  # another year
    ):
        services.purchase_record(actor=None, buyer=buyer, supplier=supplier, item=item, amount=amount,
                                 purchased_on=day, category="goods")  # fmt: skip
    client = client_as(Role.DIVISION_STAFF)
    page = client.get("/enterprises/procurement/?year=2018&q=도시락").content.decode()
    table = page[page.index('id="purchase-table"') :]
    assert "강동구청" in table and "종로구청" not in table and "행사 도시락" not in table  # the year's, searched
    by_amount = client.get("/enterprises/procurement/?year=2018&sort=amount&dir=desc").content.decode()
    rows = by_amount[by_amount.index('id="purchase-table"') :]
    assert rows.index("3,000,000") < rows.index("2,000,000") < rows.index("1,000,000")
    export = client.get("/enterprises/procurement/export.xlsx?year=2018&sort=amount&dir=desc")
    assert (
        export.status_code == 200 and "%EA%B3%B5%EA%B3%B5%EA%B5%AC%EB%A7%A4" in export["Content-Disposition"]
    )  # 공공구매
    sheet = load_workbook(io.BytesIO(export.content)).active
    values = [row for row in sheet.iter_rows(values_only=True) if row and isinstance(row[-1], int)]
    assert [row[-1] for row in values] == [3_000_000, 2_000_000, 1_000_000]
    assert [row[1] for row in values] == ["서울특별시", "종로구청", "강동구청"]
