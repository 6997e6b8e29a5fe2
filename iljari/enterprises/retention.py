"""Retention of platform reviews (enterprises' kind for core.retention).

- `enterprises.platform_review` (3 years from the review): the author, the text, the moderation note and the
  reports' reasons and reporters (the report rows) are removed; the organisation, relation, rating, status, date
  and the number of reports stay, so the review counts and ratings do not change. Its change history is deleted.
"""

from __future__ import annotations

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from iljari.core.retention import Destroyed, retention_kind_register
from iljari.enterprises.models import PlatformReview, ReviewReport

DESTROYED_BODY = "(보유기간이 지나 파기된 후기입니다.)"
CHUNK = 2000


def reviews_destroy(*, cutoff, now) -> Destroyed:
    ids = list(
        PlatformReview.objects.filter(personal_data_destroyed_at__isnull=True, created_at__lt=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    content_type = ContentType.objects.get_for_model(PlatformReview)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        ReviewReport.objects.filter(review_id__in=chunk).delete()
        PlatformReview.objects.filter(pk__in=chunk).update(
            author=None, body=DESTROYED_BODY, moderation_note="", personal_data_destroyed_at=now, updated_at=now
        )
        LogEntry.objects.filter(content_type=content_type, object_pk__in=[str(pk) for pk in chunk]).delete()
    return Destroyed(record_ids=ids)


def register() -> None:
    retention_kind_register(
        "enterprises.platform_review",
        label="기업 후기",
        default_years=3,
        basis="후기를 쓴 날부터",
        method="글쓴이·내용·검토 의견·신고 사유 삭제(평점·관계·게시 여부·신고 수는 통계용으로 남김)",
        destroy=reviews_destroy,
    )
