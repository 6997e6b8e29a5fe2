"""The lists of the auditor's pages (core.lists): the change history and the login events."""

from __future__ import annotations

from iljari.core.history import entry_model_label, entry_object_text
from iljari.core.lists import Column, ListSpec, Sort


def _actor(entry) -> str:
    return f"{entry.actor.name} ({entry.actor.username})" if entry.actor_id else "시스템"


HISTORY = ListSpec(
    title="변경이력 목록",
    search="변경한 사람·자료 찾기",
    filters=("actor", "model", "object_pk", "action", "date_from", "date_to"),  # HistoryFilterForm's
    sorts=(
        Sort("when", "일시", ("timestamp",)),
        Sort("actor", "변경한 사람", ("actor__username",)),
        Sort("action", "구분", ("action",)),
    ),
    default="-when",
    columns=(
        Column("일시", lambda e: e.timestamp, "datetime"),
        Column("변경한 사람", _actor),
        Column("접속 주소", lambda e: e.remote_addr or ""),
        Column("자료 종류", entry_model_label),
        Column("자료", entry_object_text),
        Column("구분", lambda e: e.get_action_display()),
    ),
)

LOGIN_EVENTS = ListSpec(
    title="로그인 기록",
    filters=("username", "outcome", "date_from", "date_to"),  # LoginEventFilterForm's (the id is the search)
    sorts=(
        Sort("when", "일시", ("at",)),
        Sort("username", "아이디", ("username",)),
        Sort("outcome", "결과", ("outcome",)),
        Sort("channel", "경로", ("channel",)),
    ),
    default="-when",
    columns=(
        Column("일시", lambda e: e.at, "datetime"),
        Column("아이디", lambda e: e.username),
        Column("결과", lambda e: e.get_outcome_display()),
        Column("처리자", lambda e: e.actor.name if e.actor_id else ""),
        Column("경로", lambda e: e.get_channel_display()),
        Column("접속 주소", lambda e: e.remote_addr or ""),
    ),
)
