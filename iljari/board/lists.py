"""The lists of the board's pages (core.lists): the staff's notices and FAQ entries, the public notices."""

from __future__ import annotations

from iljari.core.lists import ListSpec, Sort

NOTICES = ListSpec(
    title="공지사항 관리",
    search="제목 또는 내용",
    filters=("category", "state"),
    sorts=(
        Sort("posted", "게시 시작", ("posted_from",)),
        Sort("title", "제목", ("title",)),
        Sort("updated", "고친 일시", ("updated_at",)),
    ),
    default="-posted",
)

PUBLIC_NOTICES = ListSpec(
    title="공지사항",
    search="제목 또는 내용",
    filters=("category",),
    sorts=(Sort("posted", "게시일", ("posted_from",)), Sort("title", "제목", ("title",))),
    default="-posted",
)

FAQ = ListSpec(
    title="자주 묻는 질문 관리",
    search="질문 또는 답변",
    filters=("category", "state"),
    sorts=(
        Sort("order", "분류·순서", ("category", "order")),
        Sort("question", "질문", ("question",)),
        Sort("updated", "고친 일시", ("updated_at",)),
    ),
    default="order",
)
