"""The public strong-SME platform: staff's tour articles, reviews by citizens and organisations, their moderation,
and reports that hide a review until a moderator decides again."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from iljari.core.access import access_platform_review_write, require
from iljari.core.errors import ValidationFailed
from iljari.enterprises.models import Organisation, PlatformArticle, PlatformReview, ReviewReport
from iljari.enterprises.services.organisations import require_manager


def article_publish(
    *, actor, organisation: Organisation, title: str, body: str, author_name: str, author_kind: str, published_on
) -> PlatformArticle:
    require_manager(actor, "탐방기사를 게재할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if not (title or "").strip():
        errors["title"] = ["제목을 입력하십시오."]
    if not (body or "").strip():
        errors["body"] = ["본문을 입력하십시오."]
    if not (author_name or "").strip():
        errors["author_name"] = ["글쓴이를 입력하십시오."]
    if author_kind not in PlatformArticle.AuthorKind.values:
        errors["author_kind"] = ["글쓴이 구분을 고르십시오."]
    if published_on is None:
        errors["published_on"] = ["게재일을 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return PlatformArticle.objects.create(
            organisation=organisation,
            title=title.strip(),
            body=body.strip(),
            author_name=author_name.strip(),
            author_kind=author_kind,
            published_on=published_on,
            entered_by=actor,
        )


def review_submit(*, actor, organisation: Organisation, relation: str, rating, body: str) -> PlatformReview:
    require(access_platform_review_write(actor), "후기는 로그인한 시민이나 기업·단체만 쓸 수 있습니다.")
    errors: dict[str, list[str]] = {}
    if relation not in PlatformReview.Relation.values:
        errors["relation"] = ["재직자인지 방문자인지 고르십시오."]
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        errors["rating"] = ["평점은 1점부터 5점까지입니다."]
    body = (body or "").strip()
    if len(body) < 10:
        errors["body"] = ["후기를 10자 이상 적으십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    if actor.organisation_id == organisation.pk:
        raise ValidationFailed("자기 기업·단체의 후기는 쓸 수 없습니다.")
    with transaction.atomic():
        return PlatformReview.objects.create(
            organisation=organisation, author=actor, relation=relation, rating=rating, body=body
        )


def review_moderate(*, actor, review: PlatformReview, publish: bool, note: str = "") -> PlatformReview:
    require_manager(actor, "후기를 검토할 권한이 없습니다.")
    if not publish and not (note or "").strip():
        raise ValidationFailed(field_errors={"note": ["게시하지 않는 까닭을 적으십시오."]})
    with transaction.atomic():
        review = PlatformReview.objects.select_for_update().get(pk=review.pk)
        review.status = PlatformReview.Status.PUBLISHED if publish else PlatformReview.Status.REJECTED
        review.moderated_by = actor
        review.moderated_at = timezone.now()
        review.moderation_note = (note or "").strip()
        review.save(update_fields=["status", "moderated_by", "moderated_at", "moderation_note", "updated_at"])
    return review


def review_report(*, actor, review: PlatformReview, reason: str) -> PlatformReview:
    require(access_platform_review_write(actor), "로그인한 뒤에 신고할 수 있습니다.")
    if review.status != PlatformReview.Status.PUBLISHED:
        raise ValidationFailed("게시된 후기만 신고할 수 있습니다.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(field_errors={"reason": ["신고 사유를 적으십시오."]})
    with transaction.atomic():
        review = PlatformReview.objects.select_for_update().get(pk=review.pk)
        if review.status != PlatformReview.Status.PUBLISHED:
            raise ValidationFailed("게시된 후기만 신고할 수 있습니다.")
        if ReviewReport.objects.filter(review=review, reporter=actor).exists():
            raise ValidationFailed("이미 신고한 후기입니다.")
        ReviewReport.objects.create(review=review, reporter=actor, reason=reason[:200])
        review.report_count += 1
        fields = ["report_count", "updated_at"]
        # the reports since the moderator's last decision, each by a different person (review_report_once)
        since = ReviewReport.objects.filter(review=review)
        if review.moderated_at is not None:
            since = since.filter(created_at__gt=review.moderated_at)
        if since.count() >= settings.ILJARI_REVIEW_HIDE_REPORTS:
            review.status = PlatformReview.Status.HIDDEN
            fields.append("status")
        review.save(update_fields=fields)
    return review
