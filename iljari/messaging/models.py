"""Messages to people (알림): the outbox, one row per message, and each person's consent per channel."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.models import TimeStampedModel


class Channel(models.TextChoices):
    SMS = "sms", _("문자")
    EMAIL = "email", _("전자우편")
    ALIMTALK = "alimtalk", _("알림톡")


class Message(TimeStampedModel):
    class Status(models.TextChoices):
        QUEUED = "queued", _("대기")
        SENT = "sent", _("발송")
        FAILED = "failed", _("실패")
        HELD = "held", _("보류(수신 거부)")
        CANCELLED = "cancelled", _("취소")

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("받는 사람"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("받는 계정"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    recipient_name = models.CharField(_("받는 사람 이름"), max_length=100)
    address = models.CharField(_("받는 곳"), max_length=254, blank=True, help_text=_("전화번호 또는 전자우편 주소"))
    channel = models.CharField(_("발송 수단"), max_length=10, choices=Channel.choices)
    template = models.CharField(_("알림 종류"), max_length=40, db_index=True)
    subject = models.CharField(_("제목"), max_length=200)
    body = models.TextField(_("내용"))
    sensitive = models.BooleanField(_("민감 내용"), default=False, help_text=_("인증번호처럼 내용을 남기지 않는 알림"))
    required = models.BooleanField(_("법정 통지"), default=False)
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("발송 시도"), default=0)
    last_error = models.CharField(_("마지막 오류"), max_length=500, blank=True)
    send_after = models.DateTimeField(_("발송 예정"), db_index=True)
    sent_at = models.DateTimeField(_("발송 일시"), null=True, blank=True)
    batch = models.CharField(_("일괄 발송 묶음"), max_length=36, blank=True, db_index=True)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("관련 자료 종류"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("관련 자료 번호"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("보낸 사람"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("알림")
        verbose_name_plural = _("알림")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "send_after"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("messaging:message_detail", args=[self.pk])


class ChannelConsent(TimeStampedModel):
    """A person's choice to receive (or not) the office's notices by one channel. No row: the default
    (messaging.services.CONSENT_DEFAULT)."""

    person = models.ForeignKey(
        "people.Person", verbose_name=_("사람"), on_delete=models.CASCADE, related_name="channel_consents"
    )
    channel = models.CharField(_("발송 수단"), max_length=10, choices=Channel.choices)
    consented = models.BooleanField(_("수신 동의"))
    changed_at = models.DateTimeField(_("바꾼 일시"))

    class Meta:
        verbose_name = _("알림 수신 동의")
        verbose_name_plural = _("알림 수신 동의")
        constraints = [models.UniqueConstraint(fields=["person", "channel"], name="channelconsent_one_per_channel")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {'동의' if self.consented else '거부'}"
