"""The demo's frontline records give back the 2018 report's figures as of '18.6.30. Only the report's printed
numbers are written here; every count is read from the records."""

from datetime import date

import pytest

from iljari.core.roles import Role
from iljari.demo import frontline_loader
from iljari.frontline import selectors
from iljari.frontline.models import Booking, Consultation, Registration, WorkingHours, WorkplaceVisit
from iljari.performance.models import IndicatorValue

AS_OF = date(2018, 6, 30)


@pytest.fixture
def demo_frontline(personas, dataset_2018):
    frontline_loader.load_frontline()
    return personas


def test_the_demo_frontline_figures_are_the_2018_reports(demo_frontline, client_as):
    figures = selectors.frontline_figures(user=demo_frontline[Role.OFFICE_MANAGER], year=2018, as_of=AS_OF)
    assert (figures.counselled, figures.employed) == (13_869, 1_785)
    assert (figures.programme_sessions, figures.programme_attendees) == (205, 2_000)
    assert (figures.room_users, figures.study_room_users, figures.other_room_users) == (22_253, 14_310, 7_943)
    assert (figures.ombudsman_consultations, figures.ombudsman_consultings) == (1_694, 120)
    assert (figures.village_attorneys, figures.advocates) == (50, 50)
    assert figures.academy_completed == 84
    assert figures.officials_academy_sessions == 3  # "노동실무 교육 시행 (3회)"
    assert figures.forum_capacity == 1_000
    averages = {row.shelter.name: row.average for row in figures.shelters}
    assert averages == {"서초쉼터": 70, "북창쉼터": 57, "합정쉼터": 48, "상암쉼터": None}
    assert figures.shelter_daily_users == 175
    assert selectors.shelter_year_average(year=2017) == 127
    assert (figures.conversions_done, figures.conversions_remaining, figures.fixed_term_converted) == (
        1_285,
        1_067,
        146,
    )
    hours = dict(WorkingHours.objects.filter(institution__code="SEOUL-CREDIT").values_list("year", "hours"))
    assert hours == {2015: 2_275, 2017: 2_124}
    page = client_as(Role.OFFICE_MANAGER).get("/frontline/?year=2018&as_of=2018-06-30").content.decode()
    assert 'id="fig-counselled">13,869명' in page
    assert 'id="fig-room-users">22,253명' in page
    assert 'id="fig-shelters">175명' in page


def test_the_ombudsmens_consultations_feed_their_indicator(demo_frontline):
    actual = IndicatorValue.objects.get(indicator__code="IND-06", year=2018, kind="actual", as_of=AS_OF)
    assert actual.value == 1_694


def test_the_demo_has_no_double_booking_and_counts_no_shows_for_nothing(demo_frontline):
    active = Booking.objects.filter(status__in=Booking.ACTIVE)
    assert active.values("room", "day", "hour").distinct().count() == active.count()
    assert Booking.objects.filter(status="no_show").exists()
    assert not Booking.objects.filter(day__in=[date(2018, 3, 1), date(2018, 6, 13)]).exists()  # holidays


def test_the_second_half_visits_check_the_first_halfs_findings(demo_frontline):
    follow_ups = WorkplaceVisit.objects.filter(checks__isnull=False)
    assert follow_ups.exists()
    assert all(v.visited_on > v.checks.visited_on for v in follow_ups.select_related("checks"))
    assert not follow_ups.filter(visited_on__lte=AS_OF).exists()


def test_the_demo_loads_twice_without_change(demo_frontline):
    counts = (Consultation.objects.count(), Booking.objects.count(), Registration.objects.count())
    frontline_loader.load_frontline()
    assert (Consultation.objects.count(), Booking.objects.count(), Registration.objects.count()) == counts


@pytest.mark.parametrize(
    "path",
    [
        "/frontline/?year=2018&as_of=2018-06-30",
        "/frontline/consultations/?q=상담자",
        "/frontline/visits/",
        "/frontline/cases/",
        "/frontline/rooms/",
        "/frontline/rooms/YJC-STUDY-01/?day=2018-03-05",
        "/frontline/programmes/",
        "/frontline/programmes/YJC-MOCK/",
        "/frontline/shelters/?year=2018",
        "/frontline/public-sector/?year=2018&as_of=2018-06-30",
    ],
)
def test_the_demo_pages_answer_in_a_bounded_number_of_queries(
    demo_frontline, client_as, path, django_assert_max_num_queries
):
    client = client_as(Role.OFFICE_MANAGER)
    # the figures page counts every desk (the social economy's centres and 취업날개 too: a query or two each)
    with django_assert_max_num_queries(27 if path.startswith("/frontline/?") else 25):
        assert client.get(path).status_code == 200
