"""core.worklist's own rules: the most urgent items first, the days a list reads, the month a record is due for."""

from __future__ import annotations

from datetime import date

from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from iljari.core import worklist
from iljari.core.worklist import WorkItem, month_before, worklist_day, worklist_link


def test_items_come_most_urgent_first_and_empty_ones_are_left_out(monkeypatch):
    monkeypatch.setattr(worklist, "_PROVIDERS", {})
    worklist.worklist_register("a", lambda user, today: [WorkItem("나중", 2, "/a"), WorkItem("없음", 0, "/a")])
    worklist.worklist_register("b", lambda user, today: [WorkItem("지남", 1, "/b", severity="overdue")])
    worklist.worklist_register("c", lambda user, today: [WorkItem("곧", 3, "/c", severity="due")])
    user = type("U", (), {"is_authenticated": True})()
    assert [item.label for item in worklist.worklist_items(user, today=date(2018, 7, 1))] == ["지남", "곧", "나중"]
    assert worklist.worklist_items(None) == []


def test_the_link_carries_the_day_and_leaves_out_empty_filters():
    url = worklist_link("fund:loan_list", on=date(2018, 7, 26), due="overdue", q="")
    assert url == "/fund/?due=overdue&on=2018-07-26"


def test_a_lists_day_is_the_links_or_else_today():
    factory = RequestFactory()
    assert worklist_day(factory.get("/", {"on": "2018-07-26"})) == date(2018, 7, 26)
    today = worklist_day(factory.get("/"))
    for bad in ("2018-02-30", "어제", "2018-7-1", "x" * 1000):
        assert worklist_day(factory.get("/", {"on": bad})) == today


def test_the_month_before_january_is_last_decembers():
    assert month_before(date(2019, 1, 15)) == date(2018, 12, 1)
    assert month_before(date(2018, 3, 31)) == date(2018, 2, 1)


@given(st.dates(min_value=date(2000, 2, 1), max_value=date(2100, 12, 31)))
def test_the_month_before_is_the_first_of_the_previous_month(day):
    first = month_before(day)
    assert first.day == 1 and first < day.replace(day=1)
    assert (first.year * 12 + first.month) + 1 == day.year * 12 + day.month
