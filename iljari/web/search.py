"""The header's search: over the menu items and over the records the user may see, through each app's scoped
selector, grouped by kind.

Contract:
- search_query(raw) -> str           the words as searched: stripped, NUL and control characters dropped, at most
                                      MAX_QUERY characters (a longer text is cut, never an error)
- search_all(*, user, query) -> list[SearchGroup]
      menu items (the user's own menu), programmes (주요업무, office-wide roles), calls, organisations, people by
      name (roles that see people: the caller writes the access log for the people shown) and loans, each kind only
      when the user's gate reaches it; an empty query finds nothing.
- SearchGroup(kind, title, rows, more_url): rows a list, or a queryset read as rows; `shown` the rows drawn (the
  first GROUP_ROWS, or `page`'s when one kind is paginated), `total` their count (each read once); more_url: the
  kind's own list searched for the same words. Every row has .label, .detail, .url (and .pk for people).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import quote

from django.db.models import Q
from django.urls import reverse

from iljari.core import access
from iljari.core.period import period_newest_year
from iljari.enterprises import selectors as enterprises_selectors
from iljari.fund import selectors as fund_selectors
from iljari.intake import selectors as intake_selectors
from iljari.people import selectors as people_selectors
from iljari.plan import selectors as plan_selectors
from iljari.web.nav import nav_flat

MAX_QUERY = 100
GROUP_ROWS = 5


@dataclass
class Row:
    label: str
    detail: str
    url: str
    pk: int | None = None


class _Rows:
    """A queryset read as Rows page by page (len() counts in the database; a slice reads only that slice)."""

    def __init__(self, queryset, row):
        self.queryset, self.row = queryset, row

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.row(record) for record in self.queryset[index]]
        return self.row(self.queryset[index])


@dataclass
class SearchGroup:
    kind: str
    title: str
    rows: Any
    more_url: str = ""
    page: Any = None

    @cached_property
    def shown(self) -> list[Row]:
        """The rows drawn (read once): the page asked for when one kind is paginated, else the first GROUP_ROWS."""
        if self.page is not None:
            return list(self.page.object_list)
        return list(self.rows[:GROUP_ROWS])

    @cached_property
    def total(self) -> int:
        return len(self.rows)


def search_query(raw: str) -> str:
    text = "".join(ch for ch in (raw or "") if ch.isprintable() or ch == " ")
    return " ".join(text.split())[:MAX_QUERY]


def search_all(*, user, query: str) -> list[SearchGroup]:
    if not query:
        return []
    groups: list[SearchGroup] = []
    needle = query.casefold()
    menu = [
        Row(item["label"], item["group"] or "메뉴", item["url"])
        for item in nav_flat(user)
        if needle in item["label"].casefold() or (item["group"] and needle in item["group"].casefold())
    ]
    groups.append(SearchGroup("menu", "메뉴", menu))
    if access.access_office_figures_view(user):
        programmes = [
            Row(p.title, f"{p.objective.number}-{p.number} · {p.division.name}", p.get_absolute_url())
            for p in plan_selectors.programme_list(user=user, year=period_newest_year())
            if needle in p.title.casefold()
        ]
        groups.append(SearchGroup("programmes", "주요업무", programmes))
    if access.access_applications_view(user):
        calls = intake_selectors.call_list(user=user).filter(Q(title__icontains=query) | Q(code__iexact=query))
        groups.append(
            SearchGroup(
                "calls",
                "모집공고",
                _Rows(calls, lambda c: Row(c.title, c.programme.title, c.get_absolute_url())),
            )
        )
    if access.access_organisations_view(user):
        organisations = enterprises_selectors.organisation_list(user=user, q=query)
        groups.append(
            SearchGroup(
                "organisations",
                "기업·단체",
                _Rows(
                    organisations,
                    lambda o: Row(o.name, o.get_kind_display(), reverse("web:organisation", args=[o.pk])),
                ),
                more_url=f"{reverse('enterprises:organisation_list')}?q={quote(query)}",
            )
        )
    if access.access_people_view(user):
        people = people_selectors.person_list(user=user, name=query)
        groups.append(
            SearchGroup(
                "people",
                "사람",
                _Rows(
                    people,
                    lambda p: Row(
                        p.name,
                        " · ".join(filter(None, [p.district.name if p.district_id else "", f"{p.birth_date:%Y}년생"])),
                        reverse("web:participant", args=[p.pk]),
                        pk=p.pk,
                    ),
                ),
                more_url=f"{reverse('people:person_list')}?name={quote(query)}",
            )
        )
    if access.access_fund_view(user):
        loans = fund_selectors.loan_list(user=user, q=query)
        groups.append(
            SearchGroup(
                "loans",
                "사회투자기금 융자",
                _Rows(loans, lambda loan: Row(loan.number, loan.borrower.name, loan.get_absolute_url())),
                more_url=f"{reverse('fund:loan_list')}?q={quote(query)}",
            )
        )
    return [group for group in groups if group.total]
