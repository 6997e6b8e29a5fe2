"""Lists an office can work with: one declarative spec per list — its search box, the columns it sorts by, the
filters it keeps, and the columns of its xlsx export — read from the request the same way by the page and by its
export, so that the export holds the same rows in the same order as the pages.

- Sort(key, label, fields=(...), numeric=False)   a column the list sorts by: `key` is the URL value, `fields` the
  order_by expressions of an ascending sort (never taken from the URL)
- Column(header, value, kind="text"|"int"|"decimal"|"date"|"datetime")   one column of the export; `value(row)`
- ListSpec(title, sorts, default, search="", search_param="q", filters=(), columns=(), export="")
  `default` is "key" or "-key"; `search` the search box's label (the selector does the searching: a name is
  matched in part, a resident number never — it is looked up exactly through the blind index by POST);
  `filters` the GET names of the page's own filters, kept across search, sort and paging; `export` the
  core.exports code of a list that holds personal data (its download is minimised and access-logged)
- list_read(request, spec) -> Listing   the search text, the sort and its direction (an unknown sort or direction
  falls back to the default, never an error)
- Listing.order(queryset)   order_by the sort's fields, NULLs last both ways, then pk in the same direction: a
  stable order, the same on SQLite and PostgreSQL
- Listing.header(key) -> dict   a sortable header: label, the link that sorts by it (or turns the direction
  round), aria-sort; drawn by `{% sort_header listing "key" %}` (core/templatetags/lists.py)
- Listing.hidden -> [(name, value)]   what the search form carries along (filters of other forms, sort, direction)
- Listing.export_query -> str   the query of the export link (search, filters, sort; no page)
- Listing.sort_label -> str   "이름 오름차순": in the table's caption, the export link and the file's note
- list_note(listing) -> str   "검색어: 김 · 정렬: 이름 오름차순": the export's note and the access log's detail
- list_sheet(listing, rows) -> bytes   the xlsx of `rows` (an iterable: pass `queryset.iterator()`), written
  row by row (core.xlsx.xlsx_stream), title and export note on top
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.db.models import F, QuerySet

from iljari.core.xlsx import xlsx_stream

SEARCH = "q"
SORT = "sort"
DIRECTION = "dir"
ASCENDING, DESCENDING = "asc", "desc"
SEARCH_MAX = 60


@dataclass(frozen=True)
class Sort:
    key: str
    label: str
    fields: tuple[str, ...]
    numeric: bool = False


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    kind: str = "text"


@dataclass(frozen=True)
class ListSpec:
    title: str
    sorts: tuple[Sort, ...]
    default: str
    search: str = ""
    search_param: str = SEARCH
    filters: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()
    export: str = ""

    def __post_init__(self):
        keys = [s.key for s in self.sorts]
        if len(set(keys)) != len(keys) or self.default.lstrip("-") not in keys:
            raise ValueError(f"{self.title}: sort keys {keys}, default {self.default!r}")

    def sort(self, key: str) -> Sort | None:
        return next((s for s in self.sorts if s.key == key), None)


@dataclass
class Listing:
    spec: ListSpec
    q: str
    sort: Sort
    descending: bool
    params: list[tuple[str, str]] = field(default_factory=list)  # the request's GET, without page

    @property
    def direction(self) -> str:
        return DESCENDING if self.descending else ASCENDING

    def order(self, queryset: QuerySet) -> QuerySet:
        def way(name):
            expression = F(name)
            return expression.desc(nulls_last=True) if self.descending else expression.asc(nulls_last=True)

        return queryset.order_by(*(way(name) for name in self.sort.fields), "-pk" if self.descending else "pk")

    def _query(self, **changes) -> str:
        kept = [(k, v) for k, v in self.params if k not in changes and k != "page" and v]
        return urlencode(kept + [(k, v) for k, v in changes.items() if v])

    def header(self, key: str) -> dict:
        sort = self.spec.sort(key)
        if sort is None:
            raise KeyError(f"{self.spec.title}: no sort {key!r}")
        active = sort.key == self.sort.key
        descending_next = not self.descending if active else False
        return {
            "label": sort.label,
            "numeric": sort.numeric,
            "active": active,
            "aria_sort": ("descending" if self.descending else "ascending") if active else "",
            "next": "내림차순" if descending_next else "오름차순",
            "href": "?" + self._query(sort=sort.key, dir=DESCENDING if descending_next else ASCENDING),
        }

    @property
    def hidden(self) -> list[tuple[str, str]]:
        own = {self.spec.search_param, "page", *self.spec.filters}
        return [(k, v) for k, v in self.params if k not in own and v]

    @property
    def export_query(self) -> str:
        return self._query()

    @property
    def sort_label(self) -> str:
        return f"{self.sort.label} {'내림차순' if self.descending else '오름차순'}"


def list_read(request, spec: ListSpec) -> Listing:
    q = " ".join(request.GET.get(spec.search_param, "").split())[:SEARCH_MAX]
    default_desc, default_key = spec.default.startswith("-"), spec.default.lstrip("-")
    sort = spec.sort(request.GET.get(SORT, ""))
    if sort is None:
        sort, descending = spec.sort(default_key), default_desc
    else:
        direction = request.GET.get(DIRECTION, "")
        descending = direction == DESCENDING if direction in (ASCENDING, DESCENDING) else False
    params = [(k, v) for k, values in request.GET.lists() for v in values if k != "page"]
    return Listing(spec=spec, q=q, sort=sort, descending=descending, params=params)


def list_note(listing: Listing) -> str:
    parts = [f"정렬: {listing.sort_label}"]
    if listing.q:
        parts.insert(0, f"검색어: {listing.q}")
    return " · ".join(parts)


def list_sheet(listing: Listing, rows: Iterable) -> bytes:
    columns = listing.spec.columns
    return xlsx_stream(
        title=listing.spec.title,
        headers=[(c.header, c.kind) for c in columns],
        rows=([c.value(row) for c in columns] for row in rows),
        note=list_note(listing),
    )
