"""board selectors — 공지사항 and 자주 묻는 질문.

Contract:
Open to all (no login):
- notice_public_list(*, query="", category="", now=None) -> QuerySet[Notice]
      the notices shown now (not retired, posting period begun and not over); `query` a part of the title or body;
      unordered (the page orders it by its list spec, board/lists.py PUBLIC_NOTICES; pinned ones are drawn on top)
- notice_pinned_list(*, now=None) -> QuerySet[Notice]      the pinned ones shown now, newest first
- notice_latest(*, count=5, now=None) -> list[Notice]      the newest shown now, pinned first (the visitor's home)
- notice_public_get(*, pk, now=None) -> Notice             one shown now; anything else 404
- faq_public_list(*, query="", category="") -> QuerySet[FaqEntry]   not retired, in category and the office's order
The staff pages (core.access.access_board_view; 403 otherwise):
- notice_list(*, user, query="", category="", state="") -> QuerySet[Notice]   every notice; state: shown, scheduled,
  ended, retired
- notice_get(*, user, pk) -> Notice
- faq_list(*, user, query="", category="", state="") -> QuerySet[FaqEntry]    state: shown, retired
- faq_get(*, user, pk) -> FaqEntry
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from iljari.board.models import FaqEntry, Notice
from iljari.core.access import access_board_view, require
from iljari.core.errors import NotFound

NOTICE_STATES = {"shown": "게시 중", "scheduled": "게시 예정", "ended": "게시 끝", "retired": "내림"}
FAQ_STATES = {"shown": "게시 중", "retired": "내림"}


def _shown(now) -> Q:
    return (
        Q(retired_at__isnull=True) & Q(posted_from__lte=now) & (Q(posted_until__isnull=True) | Q(posted_until__gt=now))
    )


def _notice_search(notices: QuerySet[Notice], query: str, category: str) -> QuerySet[Notice]:
    if query:
        notices = notices.filter(Q(title__icontains=query) | Q(body__icontains=query))
    if category:
        notices = notices.filter(category=category)
    return notices


def notice_public_list(*, query: str = "", category: str = "", now=None) -> QuerySet[Notice]:
    now = now or timezone.now()
    return _notice_search(Notice.objects.filter(_shown(now)), query, category)


def notice_pinned_list(*, now=None) -> QuerySet[Notice]:
    now = now or timezone.now()
    return Notice.objects.filter(_shown(now), pinned=True).order_by("-posted_from", "-pk")


def notice_latest(*, count: int = 5, now=None) -> list[Notice]:
    now = now or timezone.now()
    return list(Notice.objects.filter(_shown(now)).order_by("-pinned", "-posted_from", "-pk")[:count])


def notice_public_get(*, pk: int, now=None) -> Notice:
    now = now or timezone.now()
    notice = Notice.objects.filter(_shown(now), pk=pk).first()
    if notice is None:
        raise NotFound("공지사항을 찾을 수 없습니다. 게시 기간이 끝났거나 내린 글입니다.")
    return notice


def faq_public_list(*, query: str = "", category: str = "") -> QuerySet[FaqEntry]:
    entries = FaqEntry.objects.filter(retired_at__isnull=True)
    if query:
        entries = entries.filter(Q(question__icontains=query) | Q(answer__icontains=query))
    if category:
        entries = entries.filter(category=category)
    return entries.order_by("category", "order", "pk")


def notice_list(*, user, query: str = "", category: str = "", state: str = "") -> QuerySet[Notice]:
    require(access_board_view(user))
    notices = _notice_search(Notice.objects.select_related("written_by"), query, category)
    now = timezone.now()
    if state == "shown":
        notices = notices.filter(_shown(now))
    elif state == "scheduled":
        notices = notices.filter(retired_at__isnull=True, posted_from__gt=now)
    elif state == "ended":
        notices = notices.filter(retired_at__isnull=True, posted_until__lte=now)
    elif state == "retired":
        notices = notices.filter(retired_at__isnull=False)
    return notices


def notice_get(*, user, pk: int) -> Notice:
    require(access_board_view(user))
    notice = Notice.objects.filter(pk=pk).first()
    if notice is None:
        raise NotFound("공지사항을 찾을 수 없습니다.")
    return notice


def faq_list(*, user, query: str = "", category: str = "", state: str = "") -> QuerySet[FaqEntry]:
    require(access_board_view(user))
    entries = FaqEntry.objects.all()
    if query:
        entries = entries.filter(Q(question__icontains=query) | Q(answer__icontains=query))
    if category:
        entries = entries.filter(category=category)
    if state == "shown":
        entries = entries.filter(retired_at__isnull=True)
    elif state == "retired":
        entries = entries.filter(retired_at__isnull=False)
    return entries


def faq_get(*, user, pk: int) -> FaqEntry:
    require(access_board_view(user))
    entry = FaqEntry.objects.filter(pk=pk).first()
    if entry is None:
        raise NotFound("질문을 찾을 수 없습니다.")
    return entry
