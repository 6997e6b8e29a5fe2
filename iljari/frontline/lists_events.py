"""The list of events and campaigns (core.lists): searched by title, organisers or place, filtered by kind and year,
sorted, exported as xlsx in the page's order."""

from __future__ import annotations

from iljari.core.lists import Column, ListSpec, Sort


def attendees(event) -> int | None:
    """The people an event counted: its attended registrations or its tallies (None when it counts neither)."""
    if event.counting == "registrations":
        return event.registered_attendees
    if event.counting == "tally":
        return event.tallied_attendees
    return None


EVENTS = ListSpec(
    title="행사 목록",
    search="행사명·주최·장소",
    filters=("kind", "year"),
    sorts=(
        Sort("starts", "기간", ("starts_on",)),
        Sort("kind", "구분", ("kind",)),
        Sort("title", "행사명", ("title",)),
        Sort("division", "담당 부서", ("division__name",)),
        Sort("capacity", "규모", ("capacity",), numeric=True),
    ),
    default="-starts",
    columns=(
        Column("코드", lambda e: e.code),
        Column("구분", lambda e: e.get_kind_display()),
        Column("행사명", lambda e: e.title),
        Column("주요업무", lambda e: e.programme.title),
        Column("담당 부서", lambda e: e.division.name),
        Column("주최·주관", lambda e: e.organisers),
        Column("시작일", lambda e: e.starts_on, "date"),
        Column("종료일", lambda e: e.ends_on, "date"),
        Column("장소", lambda e: e.place),
        Column("규모(명)", lambda e: e.capacity, "int"),
        Column("참여 인원(명)", attendees, "int"),
        Column("상태", lambda e: e.get_state_display()),
    ),
)
