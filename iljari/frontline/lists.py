"""The lists of the frontline's pages (core.lists): the consultations."""

from __future__ import annotations

from iljari.core.lists import Column, ListSpec, Sort

CONSULTATIONS = ListSpec(
    title="상담 목록",
    search="상담자·주제·취업처",
    filters=("point",),
    sorts=(
        Sort("held", "상담일", ("held_on",)),
        Sort("point", "창구", ("service_point__name",)),
        Sort("channel", "방법", ("channel",)),
        Sort("topic", "주제", ("topic__name",)),
    ),
    default="-held",
    export="consultations",
    columns=(
        Column("상담일", lambda c: c.held_on, "date"),
        Column("창구", lambda c: c.service_point.name),
        Column("상담자", lambda c: c.client_name),
        Column("방법", lambda c: c.get_channel_display()),
        Column("주제", lambda c: c.topic.name),
        Column("결과", lambda c: c.get_outcome_display()),
        Column("취업처", lambda c: c.employer),
    ),
)
