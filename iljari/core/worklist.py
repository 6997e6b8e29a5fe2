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

The registry lives in core so that the apps above plug in without core importing them (as core.period does).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

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
