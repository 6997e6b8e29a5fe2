"""board services — the writes of 공지사항 and 자주 묻는 질문, each in one transaction with its change history (the
models are tracked by core.history).

Contract:
- notice_save(*, actor, notice=None, title, body, category, pinned=False, posted_from=None, posted_until=None,
      attachment=None, attachment_remove=False) -> Notice
      a new notice (notice=None) or changes to one; posted_from defaults to now; posted_until, when given, after
      posted_from; `attachment` an uploaded PDF, JPEG or PNG of at most ATTACHMENT_MAX_BYTES (told by its first
      bytes), replacing the one before; `attachment_remove` drops it. A retired notice is not edited.
- notice_retire(*, actor, notice) -> Notice      내림: no visitor sees it any more (the row stays)
- faq_save(*, actor, entry=None, category, question, answer, order=0) -> FaqEntry
- faq_retire(*, actor, entry) -> FaqEntry

`actor=None` is the system (the demo loader); everyone else must pass core.access.access_board_manage. A refusal is a
core.errors.ValidationFailed with Korean field messages, and nothing is written.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from iljari.board.models import ATTACHMENT_SUFFIXES, FaqEntry, Notice
from iljari.core.access import access_board_manage, require
from iljari.core.errors import ValidationFailed
from iljari.core.files import file_store
from iljari.core.korean import with_object, with_topic

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
NOT_ALLOWED = "공지사항과 자주 묻는 질문은 담당관·팀 직원이 씁니다."


def _check_actor(actor) -> None:
    if actor is not None:
        require(access_board_manage(actor), NOT_ALLOWED)


def _text(errors: dict, field: str, value, label: str, limit: int) -> str:
    value = (value or "").strip()
    if not value:
        errors[field] = [f"{with_object(label)} 적으십시오."]
    elif len(value) > limit:
        errors[field] = [f"{with_topic(label)} {limit:,}자까지 적습니다."]
    return value


def _attachment_type(upload) -> str:
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationFailed(field_errors={"attachment": ["첨부 파일은 10MB까지 올릴 수 있습니다."]})
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, content_type in ATTACHMENT_SIGNATURES:
        if head.startswith(signature):
            return content_type
    raise ValidationFailed(field_errors={"attachment": ["PDF, JPG, PNG 파일만 첨부할 수 있습니다."]})


def notice_save(
    *,
    actor,
    notice: Notice | None = None,
    title: str,
    body: str,
    category: str,
    pinned: bool = False,
    posted_from=None,
    posted_until=None,
    attachment=None,
    attachment_remove: bool = False,
) -> Notice:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    title = _text(errors, "title", title, "제목", 200)
    body = _text(errors, "body", body, "내용", 20000)
    if category not in Notice.Category.values:
        errors["category"] = ["분류를 고르십시오."]
    posted_from = posted_from or (notice.posted_from if notice is not None else timezone.now())
    if posted_until is not None and posted_until <= posted_from:
        errors["posted_until"] = ["게시 끝은 게시 시작보다 뒤여야 합니다."]
    attachment_type = _attachment_type(attachment) if attachment is not None else ""
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        if notice is None:
            notice = Notice(written_by=actor)
        else:
            notice = Notice.objects.select_for_update().get(pk=notice.pk)
            if notice.retired_at is not None:
                raise ValidationFailed("내린 공지사항은 고칠 수 없습니다. 새로 쓰십시오.")
        notice.title, notice.body, notice.category, notice.pinned = title, body, category, bool(pinned)
        notice.posted_from, notice.posted_until = posted_from, posted_until
        if attachment_remove and attachment is None:
            notice.attachment, notice.attachment_name, notice.attachment_type = "", "", ""
        if attachment is not None:
            notice.attachment_type = attachment_type
            notice.attachment_name = (attachment.name or "첨부 파일")[-200:]
            file_store(notice.attachment, notice.attachment_name, attachment)
        notice.save()
    return notice


def notice_retire(*, actor, notice: Notice) -> Notice:
    _check_actor(actor)
    with transaction.atomic():
        notice = Notice.objects.select_for_update().get(pk=notice.pk)
        if notice.retired_at is not None:
            raise ValidationFailed("이미 내린 공지사항입니다.")
        notice.retired_at = timezone.now()
        notice.save(update_fields=["retired_at", "updated_at"])
    return notice


def faq_save(
    *, actor, entry: FaqEntry | None = None, category: str, question: str, answer: str, order: int = 0
) -> FaqEntry:
    _check_actor(actor)
    errors: dict[str, list[str]] = {}
    question = _text(errors, "question", question, "질문", 300)
    answer = _text(errors, "answer", answer, "답변", 10000)
    if category not in FaqEntry.Category.values:
        errors["category"] = ["분류를 고르십시오."]
    if not isinstance(order, int) or not 0 <= order <= 999:
        errors["order"] = ["순서는 0부터 999까지의 수입니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        if entry is None:
            entry = FaqEntry()
        else:
            entry = FaqEntry.objects.select_for_update().get(pk=entry.pk)
            if entry.retired_at is not None:
                raise ValidationFailed("내린 질문은 고칠 수 없습니다. 새로 쓰십시오.")
        entry.category, entry.question, entry.answer, entry.order = category, question, answer, order
        entry.save()
    return entry


def faq_retire(*, actor, entry: FaqEntry) -> FaqEntry:
    _check_actor(actor)
    with transaction.atomic():
        entry = FaqEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.retired_at is not None:
            raise ValidationFailed("이미 내린 질문입니다.")
        entry.retired_at = timezone.now()
        entry.save(update_fields=["retired_at", "updated_at"])
    return entry


__all__ = ["ATTACHMENT_SUFFIXES", "faq_retire", "faq_save", "notice_retire", "notice_save"]
