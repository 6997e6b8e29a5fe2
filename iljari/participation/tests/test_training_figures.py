"""The training figures per institute and track as of a day, read in a fixed number of queries."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from iljari.core.roles import Role
from iljari.org.models import Partner
from iljari.participation import training_selectors as selectors
from iljari.participation import training_services as services
from iljari.participation.tests.factories import make_trainee


def _year(training):
    short = [make_trainee(training["short"]) for _ in range(3)]
    for trainee in short:
        services.deposit_pay(actor=None, enrolment=trainee, paid_on=date(2018, 5, 2))
    first, second, third = short
    services.attendance_set(actor=None, enrolment=first, month=date(2018, 5, 1), attended_days=20)
    services.enrolment_complete(actor=None, enrolment=first, ended_on=date(2018, 5, 31))
    services.enrolment_drop(actor=None, enrolment=second, ended_on=date(2018, 5, 31), reason="personal")
    services.enrolment_drop(actor=None, enrolment=third, ended_on=date(2018, 6, 15), reason="employed")
    make_trainee(training["day"])
    services.enrolment_drop(
        actor=None, enrolment=make_trainee(training["day"]), ended_on=date(2018, 4, 30), reason="health"
    )
    make_trainee(training["other"])


def _east_city(figures):
    east = next(item for item in figures.institutes if item.institute.code == "EAST")
    return east.tracks["city"]


def test_figures_count_each_institute_and_track_as_of_the_day(training, personas):
    _year(training)
    figures = selectors.training_figures(user=personas[Role.OFFICE_MANAGER], year=2018, as_of=date(2018, 6, 30))
    city = _east_city(figures)
    assert (city.departments, city.capacity, city.enrolled, city.in_training) == (2, 6, 5, 1)
    assert (city.completed, city.dropped, f"{city.completion_rate:.2f}") == (1, 3, "0.25")
    assert (city.held, city.refunded, city.refunded_won, city.forfeited, city.forfeited_won) == (
        0,
        2,
        400_000,
        1,
        200_000,
    )
    assert city.enrolled == city.in_training + city.unclosed + city.completed + city.dropped
    after = selectors.training_figures(user=personas[Role.OFFICE_MANAGER], year=2018, as_of=date(2018, 9, 1))
    assert after.tracks["national"].unclosed == 1  # 중부 용접과 ended on 8.31. and nobody closed it
    national = figures.tracks["national"]
    assert (national.departments, national.capacity, national.enrolled, national.in_training) == (1, 3, 1, 1)
    assert figures.total.enrolled == 6 and figures.total.in_training == 2


def test_figures_of_an_earlier_day_show_what_was_true_then(training, personas):
    _year(training)
    figures = selectors.training_figures(user=personas[Role.AUDITOR], year=2018, as_of=date(2018, 6, 10))
    city = _east_city(figures)
    assert (city.in_training, city.completed, city.dropped) == (2, 1, 2)  # the job came on 6.15.
    assert (city.held, city.held_won, city.refunded) == (1, 200_000, 1)
    before = selectors.training_figures(user=personas[Role.AUDITOR], year=2018, as_of=date(2018, 3, 31))
    assert _east_city(before).enrolled == 2  # the short course began on 5.2.
    assert (
        selectors.training_figures(user=personas[Role.AUDITOR], year=2019, as_of=date(2019, 6, 30)).total.departments
        == 0
    )


def test_a_partner_agency_sees_only_its_own_institutes_figures(training, personas):
    _year(training)
    figures = selectors.training_figures(user=personas[Role.PARTNER_AGENCY], year=2018, as_of=date(2018, 6, 30))
    assert [item.institute.code for item in figures.institutes] == ["EAST"]
    assert figures.total.enrolled == 5 and figures.tracks["national"].enrolled == 0


def test_the_figures_take_the_same_queries_for_two_institutes_or_four(training, personas):
    _year(training)
    manager = personas[Role.OFFICE_MANAGER]
    with CaptureQueriesContext(connection) as two:
        selectors.training_figures(user=manager, year=2018, as_of=date(2018, 6, 30))
    for code, partner in (("NORTH", "TTI-NORTH"), ("SOUTH", "TTI-SOUTH")):
        institute = services.institute_set(
            actor=None, code=code, programme=training["east"].programme, name=f"{code} 교육원",
            partner=Partner.objects.get(code=partner),
        )  # fmt: skip
        course = services.course_set(
            actor=None, code=f"{code}-S", institute=institute, name="단기", track="city", course_type="short",
            start_date=date(2018, 3, 2), end_date=date(2018, 5, 31), capacity=5, deposit=100_000,
        )  # fmt: skip
        for _ in range(3):
            services.deposit_pay(actor=None, enrolment=make_trainee(course), paid_on=date(2018, 3, 2))
    with CaptureQueriesContext(connection) as four:
        figures = selectors.training_figures(user=manager, year=2018, as_of=date(2018, 6, 30))
    assert len(figures.institutes) == 4 and figures.total.held == 6
    assert len(four) == len(two) == 4
