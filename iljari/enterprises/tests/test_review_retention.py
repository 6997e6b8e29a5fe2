"""Retention of platform reviews (enterprises.platform_review): three years after it was written a review loses
its author, text, moderation note and reports' reasons; its rating, relation, status and report count stay (the
organisation's review figures do not change) and the destruction register lists it. A newer review is kept."""

from datetime import timedelta

from django.db.models import Avg, Count
from django.utils import timezone

from iljari.core.models import DestructionRecord
from iljari.core.retention import retention_run
from iljari.core.roles import Role
from iljari.enterprises import selectors, services
from iljari.enterprises.models import PlatformReview, ReviewReport
from iljari.enterprises.tests.factories import make_strong_sme


def _figures(company):
    reviews = PlatformReview.objects.filter(organisation=company)
    return (
        reviews.aggregate(n=Count("pk"), rating=Avg("rating")),
        list(reviews.order_by("pk").values_list("rating", "relation", "status", "report_count")),
    )


def test_an_expired_review_loses_its_author_and_text_and_keeps_its_rating(client_as, personas):
    company = make_strong_sme()
    old = services.review_submit(
        actor=personas[Role.CITIZEN],
        organisation=company,
        relation="employee",
        rating=2,
        body="팀장 김철수가 폭언을 합니다.",
    )
    old = services.review_moderate(actor=None, review=old, publish=True, note="실명 언급 확인")
    services.review_report(actor=personas[Role.ORGANISATION], review=old, reason="직원 실명이 있습니다")
    new = services.review_submit(
        actor=personas[Role.CITIZEN],
        organisation=company,
        relation="visitor",
        rating=5,
        body="친절하게 안내받았습니다.",
    )
    now = timezone.now()
    PlatformReview.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=3 * 365 + 2))
    before = _figures(company)

    records = [r for r in retention_run(now=now) if r.rule_code == "enterprises.platform_review"]

    assert [(r.records, r.record_ids) for r in records] == [(1, str(old.pk))]
    old.refresh_from_db()
    assert (old.author_id, old.moderation_note, old.personal_data_destroyed_at) == (None, "", now)
    assert "김철수" not in old.body and old.body == "(보유기간이 지나 파기된 후기입니다.)"
    assert (old.rating, old.relation, old.status, old.report_count) == (2, "employee", "published", 1)
    assert not ReviewReport.objects.filter(review=old).exists()
    assert PlatformReview.objects.get(pk=new.pk).body == "친절하게 안내받았습니다."
    assert _figures(company) == before
    assert [r.public_author for r in selectors.platform_reviews(organisation=company)] == ["(파기)"]
    page = client_as(Role.DIVISION_STAFF).get("/enterprises/reviews/?status=published")
    assert page.status_code == 200 and "(파기)" in page.content.decode()
    assert DestructionRecord.objects.filter(rule_code="enterprises.platform_review").count() == 1
