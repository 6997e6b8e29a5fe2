"""The office's board: 공지사항 (notices with a posting period, pinned on top, an optional attachment) and 자주 묻는
질문 (FAQ entries by category, in the office's order). Both are kept by staff and read by everyone; a retired one
(내림) stays for the change history but is shown to no visitor."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iljari.core.models import TimeStampedModel

# The types a notice may carry as its attachment, told apart by their first bytes (never by name).
ATTACHMENT_SUFFIXES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


def attachment_upload_path(instance, filename: str) -> str:
    """A random name under board/: nothing of the original file name."""
    token = secrets.token_hex(16)
    return f"board/{token[:2]}/{token}{ATTACHMENT_SUFFIXES.get(instance.attachment_type, '')}"


class Notice(TimeStampedModel):
    class Category(models.TextChoices):
        GENERAL = "general", _("안내")
        CALL = "call", _("모집")
        RESULT = "result", _("결과 발표")
        EVENT = "event", _("행사·교육")
        SYSTEM = "system", _("시스템")

    title = models.CharField(_("제목"), max_length=200)
    category = models.CharField(_("분류"), max_length=16, choices=Category.choices, default=Category.GENERAL)
    body = models.TextField(_("내용"))
    pinned = models.BooleanField(_("고정"), default=False, help_text=_("목록 맨 위에 늘 보입니다."))
    posted_from = models.DateTimeField(_("게시 시작"))
    posted_until = models.DateTimeField(_("게시 끝"), null=True, blank=True, help_text=_("비우면 내릴 때까지"))
    attachment = models.FileField(_("첨부 파일"), upload_to=attachment_upload_path, blank=True)
    attachment_name = models.CharField(_("첨부 파일 이름"), max_length=200, blank=True)
    attachment_type = models.CharField(_("첨부 파일 형식"), max_length=40, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("작성자"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    retired_at = models.DateTimeField(_("내린 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("공지사항")
        verbose_name_plural = _("공지사항")
        ordering = ["-pinned", "-posted_from", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="board_notice_period",
                condition=Q(posted_until__isnull=True) | Q(posted_until__gt=models.F("posted_from")),
            ),
        ]
        indexes = [models.Index(fields=["retired_at", "posted_from"], name="board_notice_shown")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("board:notice_detail", args=[self.pk])

    def is_shown(self, now=None) -> bool:
        """Seen by visitors now: not retired, its posting period begun and not over."""
        now = now or timezone.now()
        if self.retired_at is not None or self.posted_from > now:
            return False
        return self.posted_until is None or now < self.posted_until

    @property
    def state_text(self) -> str:
        """게시 중, 게시 예정, 게시 끝 or 내림, as the staff list shows it."""
        if self.retired_at is not None:
            return "내림"
        now = timezone.now()
        if self.posted_from > now:
            return "게시 예정"
        return "게시 중" if self.is_shown(now) else "게시 끝"


class FaqEntry(TimeStampedModel):
    class Category(models.TextChoices):
        CALLS = "calls", _("모집·신청")
        ACCOUNT = "account", _("회원가입·로그인")
        ROOMS = "rooms", _("공간·프로그램")
        ENTERPRISES = "enterprises", _("기업 지원")
        OTHER = "other", _("기타")

    category = models.CharField(_("분류"), max_length=16, choices=Category.choices)
    question = models.CharField(_("질문"), max_length=300)
    answer = models.TextField(_("답변"))
    order = models.PositiveSmallIntegerField(_("순서"), default=0, help_text=_("같은 분류 안에서 작은 수가 먼저"))
    retired_at = models.DateTimeField(_("내린 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("자주 묻는 질문")
        verbose_name_plural = _("자주 묻는 질문")
        ordering = ["category", "order", "pk"]

    def __str__(self) -> str:
        return self.question

    @property
    def state_text(self) -> str:
        return "내림" if self.retired_at is not None else "게시 중"
