"""Each person's work list (오늘 할 일): what is waiting for them, gathered from every app.

Contract:
- WorkItem(label, count, url, *, group="", severity="normal", detail="")
      one line of the list: "결재 대기 3건" with where to go; severity "normal" | "due" | "overdue".
- worklist_register(key, provider)
      an app registers a provider in its AppConfig.ready: provider(user, today) -> Iterable[WorkItem].
      It reads through the app's own selectors, already scoped to the user, and yields nothing the user may not
      see (a role without the app's gate gets no items). Registering a key twice replaces the first.
- worklist_items(user, *, today=None) -> list[WorkItem]
      every provider's items with a count above zero, most urgent first (overdue, due, normal), then by group;
      a provider that fails is logged and left out, so one broken app never empties the list.
- worklist_link(url_name, *, on, **params) -> str
      the address of the list an item opens, filtered to exactly the records it counts: `on` (the work list's
      day) travels along as ?on=YYYY-MM-DD, so the list counts on the same day as the home page did.
- worklist_day(request) -> date
      a list's day from ?on= (a malformed or missing value: today; never an error).
- month_before(day) -> date   the first day of the month before `day`'s (the last month a record is due for)

Each app keeps its items' rules in one selector (`<records>_todo` and the like) that both its provider (the
count) and its list page (the rows, when the link's filter is present) call, so the two cannot disagree.

The registry lives in core so that the apps above plug in without core importing them (as core.period does).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

log = logging.getLogger(__name__)

SEVERITY_ORDER = {"overdue": 0, "due": 1, "normal": 2}


@dataclass(frozen=True)
class WorkItem:
    label: str
    count: int
    url: str
    group: str = ""
    severity: str = "normal"
    detail: str = ""


Provider = Callable[[object, date], Iterable[WorkItem]]

_PROVIDERS: dict[str, Provider] = {}


def worklist_register(key: str, provider: Provider) -> None:
    _PROVIDERS[key] = provider


def worklist_items(user, *, today: date | None = None) -> list[WorkItem]:
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    today = today or timezone.localdate()
    items: list[WorkItem] = []
    for key, provider in _PROVIDERS.items():
        try:
            items.extend(item for item in provider(user, today) if item.count > 0)
        except Exception:  # one app's failure must not take the home page down
            log.exception("work list provider %s failed", key)
    items.sort(key=lambda item: (SEVERITY_ORDER.get(item.severity, 9), item.group, item.label))
    return items


def worklist_link(url_name: str, *, on: date, **params) -> str:
    query = urlencode({**{key: value for key, value in params.items() if value not in (None, "")}, "on": on})
    return f"{reverse(url_name)}?{query}"


def worklist_day(request) -> date:
    raw = request.GET.get("on", "")
    try:
        return date.fromisoformat(raw) if raw and len(raw) == 10 else timezone.localdate()
    except ValueError:
        return timezone.localdate()


def month_before(day: date) -> date:
    first = day.replace(day=1)
    return first.replace(year=first.year - 1, month=12) if first.month == 1 else first.replace(month=first.month - 1)
