"""The registry pages: search and paging, district scope, certifications with validity, contacts who log in as
the organisation, and the profile the organisation keeps itself."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from iljari.core.errors import ValidationFailed
from iljari.core.models import User
from iljari.core.roles import Role
from iljari.enterprises import selectors, services
from iljari.enterprises.models import Certification, Organisation
from iljari.enterprises.tests.factories import make_organisation


def test_staff_search_by_name_or_business_number_and_page_through(client_as):
    for n in range(23):
        make_organisation(f"협동조합{n:02d}", kind="cooperative")
    target = make_organisation("(주)찾는기업")
    client = client_as(Role.DIVISION_STAFF)
    by_name = client.get("/enterprises/?q=찾는").content.decode()
    assert "(주)찾는기업" in by_name and "협동조합00" not in by_name
    by_number = client.get(f"/enterprises/?q={target.business_number_text}").content.decode()
    assert "(주)찾는기업" in by_number and "협동조합00" not in by_number
    first = client.get("/enterprises/?kind=cooperative").content.decode()
    assert "모두 23곳" in first and "협동조합19" in first and "협동조합20" not in first  # 20 a page
    second = client.get("/enterprises/?kind=cooperative&page=2").content.decode()
    assert "협동조합22" in second
    assert client.get("/enterprises/?page=abc").status_code == 200


def test_district_officer_sees_only_organisations_of_their_district(client_as):
    own = make_organisation("강동 기업", district="11740")
    other = make_organisation("종로 기업", district="11110")
    client = client_as(Role.DISTRICT_OFFICER)  # 강동구
    page = client.get("/enterprises/").content.decode()
    assert "강동 기업" in page and "종로 기업" not in page
    assert client.get(f"/enterprises/{own.pk}/").status_code == 200
    assert client.get(f"/enterprises/{other.pk}/").status_code == 404


def test_certification_status_reads_certified_preliminary_and_expired(org):
    today = timezone.localdate()
    organisation = make_organisation("사회적기업 갑")
    certified = services.certification_add(
        actor=None, organisation=organisation, kind="social_enterprise", valid_from=today - timedelta(days=10)
    )
    preliminary = services.certification_add(
        actor=None,
        organisation=organisation,
        kind="preliminary_social_enterprise",
        valid_from=today - timedelta(days=900),
        valid_until=today - timedelta(days=11),
    )
    assert certified.status_on(today) == "유효"
    assert preliminary.status_on(today) == "만료"
    assert preliminary.status_on(today - timedelta(days=100)) == "유효"
    counts = selectors.social_economy_counts(on=today)
    assert counts["social_enterprise"] == 1 and counts["preliminary_social_enterprise"] == 0
    past = selectors.social_economy_counts(on=today - timedelta(days=100))
    assert past["social_enterprise"] == 0 and past["preliminary_social_enterprise"] == 1
    with pytest.raises(ValidationFailed) as caught:
        services.certification_add(
            actor=None,
            organisation=organisation,
            kind="cooperative",
            valid_from=today,
            valid_until=today - timedelta(1),
        )
    assert caught.value.field_errors["valid_until"] == ["유효 종료일은 시작일보다 빠를 수 없습니다."]


def test_staff_add_a_certification_on_the_page_and_see_it_expired(client_as):
    organisation = make_organisation()
    client = client_as(Role.DIVISION_STAFF)
    response = client.post(
        f"/enterprises/{organisation.pk}/certifications/",
        {"kind": "social_enterprise", "valid_from": "2012-01-01", "valid_until": "2017-12-31", "number": "2012-001"},
    )
    assert response.status_code == 302
    page = client.get(f"/enterprises/{organisation.pk}/").content.decode()
    assert "사회적기업" in page and "만료" in page and "2012-001" in page


def test_an_organisation_account_becomes_the_contact_and_keeps_its_profile(client_as, personas):
    organisation = make_organisation("(주)프로필", employees=10)
    staff = client_as(Role.DIVISION_STAFF)
    refused = staff.post(f"/enterprises/{organisation.pk}/contacts/", {"username": personas[Role.CITIZEN].username})
    assert refused.status_code == 302
    assert User.objects.get(pk=personas[Role.CITIZEN].pk).organisation_id is None
    staff.post(f"/enterprises/{organisation.pk}/contacts/", {"username": personas[Role.ORGANISATION].username})
    assert User.objects.get(pk=personas[Role.ORGANISATION].pk).organisation_id == organisation.pk
    assert personas[Role.ORGANISATION].username in staff.get(f"/enterprises/{organisation.pk}/").content.decode()

    company = client_as(Role.ORGANISATION)
    assert company.get("/portal/organisation/").status_code == 200
    saved = company.post(
        "/portal/organisation/",
        {
            "employees": "42",
            "starting_salary": "32000000",
            "weekly_hours": "40",
            "flexible_work": "on",
            "introduction": "청년이 일하기 좋은 회사",
        },
    )
    assert saved.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.employees, organisation.starting_salary, organisation.flexible_work) == (42, 32_000_000, True)
    too_long = company.post("/portal/organisation/", {"employees": "42", "weekly_hours": "60"})
    assert too_long.status_code == 400
    assert "주 소정근로시간은 52시간을 넘을 수 없습니다." in too_long.content.decode()
    organisation.refresh_from_db()
    assert organisation.weekly_hours == 40


def test_an_organisation_account_without_an_organisation_cannot_open_the_profile(client_as):
    assert client_as(Role.ORGANISATION).get("/portal/organisation/").status_code == 403


def test_an_organisation_cannot_change_another_organisations_profile(personas):
    mine, theirs = make_organisation("내 기업"), make_organisation("남의 기업")
    services.organisation_contact_add(actor=None, organisation=mine, username=personas[Role.ORGANISATION].username)
    account = User.objects.get(pk=personas[Role.ORGANISATION].pk)
    with pytest.raises(Exception, match="권한이 없습니다"):
        services.organisation_profile_update(actor=account, organisation=theirs, employees=1)


def test_the_organisation_placement_is_only_for_organisation_accounts(personas):
    from django.db import IntegrityError, transaction

    organisation = make_organisation()
    with pytest.raises(ValidationFailed):
        services.organisation_contact_add(
            actor=None, organisation=organisation, username=personas[Role.CITIZEN].username
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=personas[Role.CITIZEN].pk).update(organisation=organisation)


def test_staff_edit_an_organisation_but_not_its_business_number(client_as):
    organisation = make_organisation("옛 이름")
    client = client_as(Role.DIVISION_STAFF)
    response = client.post(
        f"/enterprises/{organisation.pk}/edit/",
        {
            "name": "새 이름",
            "kind": "company",
            "business_number": "1248100998",
            "size": "medium",
            "sector": "ict",
            "employees": "5",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "새 이름" and organisation.sector == "ict"
    assert organisation.business_number != "1248100998"
    assert Organisation.objects.count() == 1
    assert Certification.objects.count() == 0
    assert date.today()
