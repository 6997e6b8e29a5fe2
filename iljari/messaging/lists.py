"""The outbox (발송함) as a list (core.lists): recipients masked on the page and in the export."""

from __future__ import annotations

from iljari.core.exports import mask_name
from iljari.core.lists import Column, ListSpec, Sort
from iljari.messaging.selectors import mask_address
from iljari.messaging.templates import TEMPLATES


def _template_label(message) -> str:
    template = TEMPLATES.get(message.template)
    return template.label if template else "-"


OUTBOX = ListSpec(
    title="발송함",
    search="받는 사람·제목 찾기",
    filters=("status", "channel", "template"),
    sorts=(
        Sort("created", "작성 일시", ("created_at",)),
        Sort("recipient", "받는 사람", ("recipient_name",)),
        Sort("template", "알림 종류", ("template",)),
        Sort("channel", "발송 수단", ("channel",)),
        Sort("status", "상태", ("status",)),
        Sort("sent", "발송 일시", ("sent_at",)),
    ),
    default="-created",
    columns=(
        Column("작성 일시", lambda m: m.created_at, "datetime"),
        Column("받는 사람", lambda m: mask_name(m.recipient_name)),
        Column("받는 곳", lambda m: mask_address(m.address)),
        Column("알림 종류", _template_label),
        Column("발송 수단", lambda m: m.get_channel_display()),
        Column("제목", lambda m: m.subject),
        Column("상태", lambda m: m.get_status_display()),
        Column("발송 시도", lambda m: m.attempts, "int"),
        Column("발송 일시", lambda m: m.sent_at, "datetime"),
        Column("마지막 오류", lambda m: m.last_error),
    ),
)
