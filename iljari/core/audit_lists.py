"""The lists of the auditor's and the system administrator's pages (core.lists): the change history, the login
events, the access log (its rows are (entry, SubjectsShown) pairs: the data subjects by masked name, as the page
shows them), the change batches and the accounts."""

from __future__ import annotations

from iljari.core.history import entry_model_label, entry_object_text
from iljari.core.lists import Column, ListSpec, Sort
from iljari.core.roles import Role


def _role(code: str) -> str:
    try:
        return str(Role(code).label)
    except ValueError:
        return code


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

CHANGE_BATCHES = ListSpec(
    title="일괄 변경 목록",
    search="대상 찾기",
    filters=("kind", "actor", "date_from", "date_to"),  # ChangeBatchFilterForm's
    sorts=(
        Sort("when", "일시", ("at",)),
        Sort("actor", "변경한 사람", ("actor__username",)),
        Sort("kind", "변경 종류", ("kind_label",)),
        Sort("created", "등록", ("created",), numeric=True),
        Sort("changed", "수정", ("changed",), numeric=True),
        Sort("deleted", "삭제", ("deleted",), numeric=True),
    ),
    default="-when",
    columns=(
        Column("일시", lambda b: b.at, "datetime"),
        Column("변경한 사람", _actor),
        Column("변경 종류", lambda b: b.kind_label),
        Column("대상", lambda b: b.subject),
        Column("등록", lambda b: b.created, "int"),
        Column("수정", lambda b: b.changed, "int"),
        Column("삭제", lambda b: b.deleted, "int"),
        Column("변경 없음", lambda b: b.unchanged, "int"),
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

ACCESS_LOG = ListSpec(
    title="개인정보 접속기록",
    search="내용·사유 찾기",
    filters=("username", "action", "subject_type", "subject_id", "date_from", "date_to"),  # AccessLogFilterForm's
    sorts=(
        Sort("when", "일시", ("at",)),
        Sort("username", "아이디", ("username",)),
        Sort("action", "행위", ("action",)),
    ),
    default="-when",
    export="access_log",
    columns=(
        Column("일시", lambda r: r[0].at, "datetime"),
        Column("아이디", lambda r: r[0].username),
        Column("역할", lambda r: _role(r[0].role)),
        Column("접속 주소", lambda r: r[0].remote_addr or ""),
        Column("행위", lambda r: r[0].get_action_display()),
        Column("정보주체", lambda r: r[1].text),
        Column("내용", lambda r: r[0].detail),
        Column("사유", lambda r: r[0].reason),
    ),
)


def _affiliation(account) -> str:
    return " ".join(str(unit) for unit in (account.org_unit, account.district, account.partner) if unit)


def _state(account) -> str:
    parts = ["사용" if account.is_active else "중지"]
    if account.must_change_password:
        parts.append("비밀번호 변경 전")
    return " · ".join(parts)


ACCOUNTS = ListSpec(
    title="계정 목록",
    filters=("q", "role", "state"),  # UserFilterForm's (its 검색어 is the search)
    sorts=(
        Sort("username", "아이디", ("username",)),
        Sort("name", "이름", ("display_name",)),
        Sort("role", "역할", ("role",)),
        Sort("last_login", "마지막 로그인", ("last_login",)),
    ),
    default="username",
    columns=(
        Column("아이디", lambda a: a.username),
        Column("이름", lambda a: a.name),
        Column("역할", lambda a: a.get_role_display()),
        Column("소속", _affiliation),
        Column("상태", _state),
        Column("2단계 인증", lambda a: "등록" if a.second_factor_on else "없음"),
        Column("마지막 로그인", lambda a: a.last_login, "datetime"),
    ),
)
