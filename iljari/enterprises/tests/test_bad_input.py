"""Bad input on the enterprises pages answers in Korean, never with a server error, and writes nothing."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from iljari.core.roles import Role
from iljari.enterprises.models import Certification, Purchase
from iljari.enterprises.tests.factories import make_organisation, make_strong_sme


def test_odd_query_strings_give_the_page(client_as):
    staff = client_as(Role.DIVISION_STAFF)
    for path in (
        "/enterprises/?certification=bogus&kind=x&district_code=zz&page=-3",
        "/enterprises/procurement/?year=abc",
        "/enterprises/procurement/?year=99999",
        "/enterprises/reviews/?status=whatever",
    ):
        assert staff.get(path).status_code == 200, path
    assert Client().get("/platform/?conditions=bogus&sector=none&page=x").status_code == 200
    assert Client().get("/platform/999999/").status_code == 404


def test_bad_certification_and_purchase_posts_write_nothing(client_as):
    organisation = make_organisation()
    staff = client_as(Role.DIVISION_STAFF)
    response = staff.post(f"/enterprises/{organisation.pk}/certifications/", {"kind": "nonsense", "valid_from": "x"})
    assert response.status_code == 302
    assert not Certification.objects.exists()
    buyer = make_organisation("서울특별시", kind="agency", district=None)
    supplier = make_strong_sme("사회적기업아님")
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = staff.post(
        "/enterprises/procurement/new/",
        {
            "buyer": buyer.business_number,
            "supplier": supplier.business_number,
            "category": "goods",
            "item": "종이",
            "amount": "1000",
            "purchased_on": future,
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "앞으로의 날짜는 구매일이 될 수 없습니다." in text
    response = staff.post(
        "/enterprises/procurement/new/",
        {
            "buyer": "없는번호",
            "supplier": supplier.business_number,
            "category": "goods",
            "item": "종이",
            "amount": "1000",
            "purchased_on": "2018-01-02",
        },
    )
    assert response.status_code == 400 and "구매기관을 찾을 수 없습니다." in response.content.decode()
    upload = staff.post("/enterprises/procurement/upload/", {"file": _file(b"not a workbook")})
    assert upload.status_code == 400
    assert "엑셀(.xlsx) 파일을 읽을 수 없습니다" in upload.content.decode()
    assert not Purchase.objects.exists()


def test_a_review_sheet_with_nonsense_scores_answers_400(client_as, dataset_2018):
    from iljari.enterprises.tests.test_strong_sme_call import make_sme_call
    from iljari.intake import services
    from iljari.intake.models import ReviewScore

    call = make_sme_call()
    application = services.application_org_submit(actor=None, call=call, organisation=make_organisation())
    staff = client_as(Role.DIVISION_STAFF)
    for values in ({"criterion_stability": "abc"}, {"criterion_stability": "NaN"}, {"criterion_stability": "-1"}):
        response = staff.post(
            f"/intake/applications/{application.pk}/review/",
            {"stage": "document_review", "criterion_balance": "10", "criterion_wage": "10", **values},
        )
        assert response.status_code == 400
        assert "고용안정성" in response.content.decode()
    response = staff.post(f"/intake/applications/{application.pk}/review/", {"stage": "bogus"})
    assert response.status_code == 400 and "심사 단계를 고르십시오." in response.content.decode()
    assert not ReviewScore.objects.exists()


def _file(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("upload.xlsx", content)


def test_only_the_calls_staff_reach_an_organisations_review_sheet_and_conflict_form(client_as, dataset_2018):
    from iljari.enterprises.tests.test_strong_sme_call import make_sme_call
    from iljari.intake import services
    from iljari.intake.models import ConflictDeclaration, ReviewScore

    call = make_sme_call()
    application = services.application_org_submit(actor=None, call=call, organisation=make_organisation())
    for role in (Role.CITIZEN, Role.ORGANISATION, Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY):
        client = client_as(role)
        assert client.get(f"/intake/applications/{application.pk}/review/").status_code in (403, 404), role
        score = {"stage": "document_review", "criterion_stability": "30", "criterion_balance": "20"}
        assert client.post(f"/intake/applications/{application.pk}/review/", score).status_code in (403, 404)
        conflict = client.post(f"/intake/applications/{application.pk}/conflict/", {"reason": "대표가 친척입니다"})
        assert conflict.status_code in (403, 404), role
    assert not ReviewScore.objects.exists() and not ConflictDeclaration.objects.exists()
    assert client_as(Role.DIVISION_STAFF).get(f"/intake/applications/{application.pk}/review/").status_code == 200
