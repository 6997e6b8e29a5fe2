"""The demo's events give back the 2018 report's figures from records. The expected numbers are typed here from the
report (Ⅲ 1-② "특성화고 직업 멘토스쿨 운영 : 3회 450명", Ⅲ 1-⑧ "시민 등 1,000명", Ⅲ 3-① "15,000여명 시민참여");
every count is read from the records."""

from datetime import date
from decimal import Decimal

import pytest

from iljari.core.roles import Role
from iljari.demo import events_loader, frontline_loader
from iljari.frontline import selectors as frontline_selectors
from iljari.frontline.models import Event, EventEntry, EventTally, ProgrammeSession, Registration
from iljari.frontline.selectors import events as selectors
from iljari.performance.record_figures import record_figure_rows, record_figures_registered

AS_OF = date(2018, 6, 30)


@pytest.fixture
def demo_events(personas, dataset_2018):
    frontline_loader.load_frontline()
    events_loader.load_events()
    return personas


def test_the_events_figures_from_records_are_the_printed_ones(demo_events):
    rows = {row.figure.key: row for row in record_figure_rows(year=2018, as_of=AS_OF)}
    assert rows["p1-02.mentor.sessions"].value == Decimal(3)
    assert rows["p1-02.mentor.students"].value == Decimal(450)
    assert rows["p1-08.participants"].value == Decimal(1_000)
    assert rows["p3-01.week.participants"].value == Decimal(15_000)
    for key in ("p1-02.mentor.sessions", "p1-02.mentor.students", "p1-08.participants", "p3-01.week.participants"):
        assert rows[key].agrees is True, key
        assert rows[key].url == "/frontline/events/"

    # The 사회적경제 주간 ran 7.5.~7.7.: its tallies as of 6.30. count nothing; the registered figure counts them as
    # of the week's end (docs/events.md).
    assert selectors.event_tally_total(kind=Event.Kind.WEEK, year=2018, as_of=AS_OF) == 0
    assert selectors.event_tally_total(kind=Event.Kind.WEEK, year=2018, as_of=date(2018, 7, 6)) == 10_000
    assert selectors.event_tally_total(kind=Event.Kind.WEEK, year=2018, as_of=date(2018, 7, 7)) == 15_000

    # the mentor school counts only what was held by the date
    assert selectors.event_sessions_held(kind=Event.Kind.MENTOR_SCHOOL, year=2018, as_of=date(2018, 5, 31)) == 2
    assert selectors.event_attendees(kind=Event.Kind.MENTOR_SCHOOL, year=2018, as_of=date(2018, 5, 31)) == 300
    # the centre's own programme figures are not changed by the mentor school (no service point)
    figures = frontline_selectors.frontline_figures(user=demo_events[Role.OFFICE_MANAGER], year=2018, as_of=AS_OF)
    assert (figures.programme_sessions, figures.programme_attendees) == (205, 2_000)


def test_the_forum_links_the_frontline_sessions_and_a_second_load_adds_nothing(demo_events):
    forum = Event.objects.get(code="FORUM-2018")
    assert forum.sessions.code == "FORUM-2018"
    assert ProgrammeSession.objects.filter(programme__kind="forum").count() == 5
    assert [c.name for c in forum.committees.order_by("formed_on")] == [
        "좋은 일자리도시 국제포럼 기획자문단",
        "좋은 일자리도시 국제포럼 조직위원회",
    ]
    assert forum.guests.count() == 3

    counts = (
        Event.objects.count(),
        EventTally.objects.count(),
        Registration.objects.count(),
        EventEntry.objects.count(),
    )
    events_loader.load_events()
    assert (
        Event.objects.count(),
        EventTally.objects.count(),
        Registration.objects.count(),
        EventEntry.objects.count(),
    ) == counts


def test_every_events_figure_is_registered_once():
    keys = [f.key for f in record_figures_registered() if f.page == "frontline:event_list"]
    assert sorted(keys) == [
        "p1-02.mentor.sessions",
        "p1-02.mentor.students",
        "p1-08.participants",
        "p3-01.week.participants",
        "p3-04.crowd.amount",
        "p3-04.crowd.participants",
        "p3-04.proposals",
        "p3-04.proposals.awarded",
        "p3-04.proposals.funded",
        "p3-04.proposals.selected",
    ]
