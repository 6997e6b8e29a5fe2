"""알림 API (/api/messaging): the outbox for staff (the same selector and masking as the 발송함 page), one message,
the templates. Read only: a retry is a page's button (messaging.services.message_retry)."""

from datetime import datetime
from typing import Literal

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from iljari.core.access import access_messages_view, require
from iljari.core.api import Pages
from iljari.core.exports import mask_name
from iljari.core.figures import SEARCH_LENGTH, IdPath
from iljari.messaging import selectors
from iljari.messaging.templates import TEMPLATES

router = Router(tags=["알림"])

StatusCode = Literal["queued", "sent", "failed", "held", "cancelled"]
ChannelCode = Literal["sms", "email", "alimtalk"]


class OutboxMessageOut(Schema):
    id: int
    recipient: str = Field(description="받는 사람(가림)")
    address: str = Field(description="받는 곳(가림)")
    channel: str
    channel_label: str
    template: str
    template_label: str
    subject: str
    status: str
    status_label: str
    attempts: int
    last_error: str
    created_at: datetime
    send_after: datetime
    sent_at: datetime | None

    @staticmethod
    def resolve_recipient(message) -> str:
        return mask_name(message.recipient_name)

    @staticmethod
    def resolve_address(message) -> str:
        return selectors.mask_address(message.address)

    @staticmethod
    def resolve_channel_label(message) -> str:
        return message.get_channel_display()

    @staticmethod
    def resolve_template_label(message) -> str:
        template = TEMPLATES.get(message.template)
        return template.label if template else ""

    @staticmethod
    def resolve_status_label(message) -> str:
        return message.get_status_display()


class OutboxMessageDetailOut(OutboxMessageOut):
    body: str
    required: bool
    sensitive: bool


class OutboxFilter(Schema):
    q: str = Field("", max_length=SEARCH_LENGTH, description="받는 사람·제목의 일부")
    status: StatusCode | Literal[""] = ""
    channel: ChannelCode | Literal[""] = ""
    template: str = Field("", max_length=40)


class MessageTemplateOut(Schema):
    code: str
    label: str
    event: str
    required: bool


@router.get("/messages", response=list[OutboxMessageOut], summary="발송함(받는 사람은 가림)")
@paginate(Pages, page_size=50)
def message_list(request, filters: Query[OutboxFilter]):
    return selectors.message_list(user=request.auth, **filters.dict()).order_by("-created_at", "-pk")


@router.get("/messages/{pk}", response=OutboxMessageDetailOut, summary="알림 한 건")
def message_get(request, pk: IdPath):
    return selectors.message_get(user=request.auth, pk=pk)


@router.get("/templates", response=list[MessageTemplateOut], summary="알림 종류")
def template_list(request):
    require(access_messages_view(request.auth))
    return [{"code": t.code, "label": t.label, "event": t.event, "required": t.required} for t in TEMPLATES.values()]
