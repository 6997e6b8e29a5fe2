"""The public strong-SME platform: the list with search by district, sector and conditions, the profile with tour
articles, and reviews that are published only after moderation, can be reported, and are never anonymous to staff."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from iljari.core.roles import Role
from iljari.enterprises import services
from iljari.enterprises.models import PlatformReview, ReviewReport
from iljari.enterprises.tests.factories import make_organisation, make_strong_sme


def test_anyone_sees_only_designated_strong_smes_and_searches_them(org):
    make_strong_sme("(주)강동유연", district="11740", sector="ict", flexible_work=True)
    make_strong_sme("(주)종로제조", district="11110", sector="manufacturing", parental_leave=True)
    make_organisation("(주)일반기업")
    expired = make_organisation("(주)지난강소")
    services.certification_add(
        actor=None,
        organisation=expired,
        kind="strong_sme",
        valid_from=timezone.localdate() - timedelta(days=800),
        valid_until=timezone.localdate() - timedelta(days=1),
    )
    client = Client()
    everything = client.get("/platform/").content.decode()
    assert "(주)강동유연" in everything and "(주)종로제조" in everything
    assert "(주)일반기업" not in everything and "(주)지난강소" not in everything
    by_district = client.get("/platform/?district_code=11740").content.decode()
    assert "(주)강동유연" in by_district and "(주)종로제조" not in by_district
    by_sector = client.get("/platform/?sector=manufacturing").content.decode()
    assert "(주)종로제조" in by_sector and "(주)강동유연" not in by_sector
    by_condition = client.get("/platform/?conditions=flexible_work").content.decode()
    assert "(주)강동유연" in by_condition and "(주)종로제조" not in by_condition
    assert client.get("/platform/?district_code=nonsense").status_code == 200


def test_a_profile_shows_working_conditions_and_tour_articles(org):
    company = make_strong_sme(
        "(주)탐방", starting_salary=31_000_000, weekly_hours=40, flexible_work=True, introduction="소개글"
    )
    services.article_publish(
        actor=None,
        organisation=company,
        title="청년이 찾은 좋은 일터",
        body="탐방 기사 본문",
        author_name="김청년",
        author_kind="youth_reporter",
        published_on=timezone.localdate(),
    )
    page = Client().get(f"/platform/{company.pk}/").content.decode()
    assert "청년이 찾은 좋은 일터" in page and "청년기자 김청년" in page
    assert "3,100" in page and "유연근무제" in page and "40시간" in page
    plain = make_organisation("(주)비강소")
    assert Client().get(f"/platform/{plain.pk}/").status_code == 404


def test_an_employee_review_is_held_for_moderation_then_published_with_a_masked_name(client_as, personas):
    company = make_strong_sme("(주)후기")
    citizen = client_as(Role.CITIZEN)
    body = "육아휴직을 쓰고 잘 복귀했습니다. 분위기가 좋아요."
    sent = citizen.post(f"/platform/{company.pk}/reviews/", {"relation": "employee", "rating": "5", "body": body})
    assert sent.status_code == 302
    review = PlatformReview.objects.get()
    assert (review.status, review.author_id) == ("pending", personas[Role.CITIZEN].pk)
    assert body not in Client().get(f"/platform/{company.pk}/").content.decode()

    staff = client_as(Role.DIVISION_STAFF)
    queue = staff.get("/enterprises/reviews/").content.decode()
    assert body in queue and personas[Role.CITIZEN].username in queue  # never anonymous to staff
    refused = staff.post(f"/enterprises/reviews/{review.pk}/moderate/", {"decision": "reject", "note": ""})
    assert refused.status_code == 302
    review.refresh_from_db()
    assert review.status == "pending"
    staff.post(f"/enterprises/reviews/{review.pk}/moderate/", {"decision": "publish"})
    review.refresh_from_db()
    assert (review.status, review.moderated_by_id) == ("published", personas[Role.DIVISION_STAFF].pk)
    public = Client().get(f"/platform/{company.pk}/").content.decode()
    name = personas[Role.CITIZEN].name
    assert body in public and "재직자" in public and "5.0점" in public
    assert name not in public and (name[0] + "*" * (len(name) - 1)) in public


def test_bad_review_input_is_refused_in_korean_and_nothing_is_written(client_as):
    company = make_strong_sme()
    citizen = client_as(Role.CITIZEN)
    citizen.post(f"/platform/{company.pk}/reviews/", {"relation": "employee", "rating": "9", "body": "짧음"})
    assert not PlatformReview.objects.exists()
    with pytest.raises(Exception, match="로그인한 시민이나 기업"):
        services.review_submit(actor=None, organisation=company, relation="visitor", rating=3, body="x" * 20)
    anonymous = Client().post(
        f"/platform/{company.pk}/reviews/", {"relation": "visitor", "rating": "3", "body": "x" * 20}
    )
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert not PlatformReview.objects.exists()


def test_a_published_review_is_reported_once_per_person_and_shows_in_the_reported_queue(client_as, personas):
    company = make_strong_sme()
    review = services.review_submit(
        actor=personas[Role.CITIZEN],
        organisation=company,
        relation="visitor",
        rating=2,
        body="방문했는데 불친절했습니다.",
    )
    services.review_moderate(actor=None, review=review, publish=True)
    company_client = client_as(Role.ORGANISATION)
    company_client.post(f"/platform/reviews/{review.pk}/report/", {"reason": "사실과 다릅니다"})
    company_client.post(f"/platform/reviews/{review.pk}/report/", {"reason": "또 신고"})
    review.refresh_from_db()
    assert review.report_count == 1 and ReviewReport.objects.count() == 1
    queue = client_as(Role.DIVISION_STAFF).get("/enterprises/reviews/?status=reported").content.decode()
    assert "방문했는데 불친절했습니다." in queue
    assert client_as(Role.CITIZEN).get("/enterprises/reviews/").status_code == 403


_reporter_serial = iter(range(1, 10_000))


def _reporters(n: int):
    from iljari.core import services as core_services
    from iljari.testing import PASSWORD

    return [
        core_services.user_create(
            actor=None, username=f"t_reporter{next(_reporter_serial)}", password=PASSWORD, role=Role.CITIZEN
        )
        for _ in range(n)
    ]


def test_a_review_reported_by_enough_different_people_is_hidden_until_a_moderator_decides(
    client_as, personas, settings
):
    settings.ILJARI_REVIEW_HIDE_REPORTS = 3
    company = make_strong_sme("(주)신고기업")
    review = services.review_submit(
        actor=personas[Role.CITIZEN], organisation=company, relation="employee", rating=1, body="야근이 너무 많습니다."
    )
    services.review_moderate(actor=None, review=review, publish=True)
    public = Client()
    assert "야근이 너무 많습니다." in public.get(f"/platform/{company.pk}/").content.decode()
    first, second, third = _reporters(3)
    for reporter, reason in ((first, "사실과 다릅니다"), (second, "욕설")):
        client = Client()
        client.force_login(reporter)
        client.post(f"/platform/reviews/{review.pk}/report/", {"reason": reason})
    # the same person twice counts once
    client.post(f"/platform/reviews/{review.pk}/report/", {"reason": "또"})
    review.refresh_from_db()
    assert (review.status, review.report_count) == ("published", 2)
    assert "야근이 너무 많습니다." in public.get(f"/platform/{company.pk}/").content.decode()
    client = Client()
    client.force_login(third)
    response = client.post(f"/platform/reviews/{review.pk}/report/", {"reason": "광고"}, follow=True)
    assert "담당자가 검토할 때까지 이 후기를 숨깁니다" in response.content.decode()
    review.refresh_from_db()
    assert (review.status, review.report_count) == ("hidden", 3)
    page = public.get(f"/platform/{company.pk}/").content.decode()
    assert "야근이 너무 많습니다." not in page
    listing = public.get("/platform/").content.decode()
    assert "(주)신고기업" in listing  # the company stays; only the review is hidden (and left out of its rating)

    # the moderator sees the hidden review with every report, and the author by name
    staff = client_as(Role.DIVISION_STAFF)
    queue = staff.get("/enterprises/reviews/?status=reported").content.decode()
    assert "야근이 너무 많습니다." in queue and "신고로 숨김(검토 대기)" in queue
    assert all(f"({user.username})" in queue for user in (first, second, third))
    assert "사실과 다릅니다" in queue and "욕설" in queue and "광고" in queue
    assert f"({personas[Role.CITIZEN].username})" in queue
    assert "신고로 숨김" in staff.get("/enterprises/reviews/?status=hidden").content.decode()

    # published again: the old reports no longer count, new ones do
    assert staff.post(f"/enterprises/reviews/{review.pk}/moderate/", {"decision": "publish"}).status_code == 302
    review.refresh_from_db()
    assert review.status == "published"
    assert "야근이 너무 많습니다." in public.get(f"/platform/{company.pk}/").content.decode()
    (fourth,) = _reporters(1)
    services.review_report(actor=fourth, review=review, reason="다시")
    review.refresh_from_db()
    assert (review.status, review.report_count) == ("published", 4)


def test_the_number_of_reports_that_hides_a_review_is_a_setting(personas, settings):
    settings.ILJARI_REVIEW_HIDE_REPORTS = 1
    company = make_strong_sme()
    review = services.review_submit(
        actor=personas[Role.CITIZEN],
        organisation=company,
        relation="visitor",
        rating=3,
        body="보통이었습니다. 그럭저럭.",
    )
    review = services.review_moderate(actor=None, review=review, publish=True)
    services.review_report(actor=personas[Role.ORGANISATION], review=review, reason="광고")
    review.refresh_from_db()
    assert review.status == PlatformReview.Status.HIDDEN
    from iljari.core.errors import ValidationFailed

    with pytest.raises(ValidationFailed, match="게시된 후기만"):
        services.review_report(actor=_reporters(1)[0], review=review, reason="또")
