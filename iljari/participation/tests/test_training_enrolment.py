"""Enrolling trainees: a call's selection becomes enrolments in the courses its quotas recruit for (all or
nothing: places and overlapping courses), one person by staff, and the courses' own rules."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.intake import services as intake
from iljari.intake.models import Application
from iljari.intake.tests.factories import close_call
from iljari.participation import training_services as services
from iljari.participation.models import Enrolment, TrainingDeposit
from iljari.participation.tests.factories import make_trainee
from iljari.people.tests.factories import make_person


def _apply(call, quota_code: str, count: int, people=None):
    quota = call.quotas.get(code=quota_code)
    people = people or [make_person() for _ in range(count)]
    for person in people:
        intake.application_submit(actor=None, call=call, person=person, quota=quota)
    return people


def _select(call, seed: int = 7):
    intake.eligibility_run(actor=None, call=call)
    close_call(call)
    intake.selection_run(actor=None, call=call, seed=seed)
    intake.selection_confirm(actor=None, call=call)  # 선발 확정 before placing


def test_a_calls_selection_becomes_trainees_of_the_courses_its_quotas_recruit_for(training, personas):
    _apply(training["call"], "E-SHORT", 3)
    _apply(training["call"], "C-DAY", 2)
    _select(training["call"])
    count = services.enrolments_from_selection(actor=personas[Role.DIVISION_STAFF], call=training["call"])
    assert count == 5
    short = Enrolment.objects.filter(course=training["short"])
    assert short.count() == 3 and {e.enrolled_on for e in short} == {date(2018, 5, 2)}
    assert Enrolment.objects.filter(course=training["other"]).count() == 2
    deposits = TrainingDeposit.objects.all()
    assert [(d.amount, d.status) for d in deposits] == [(200_000, "due")] * 3  # the regular course has none
    assert not Application.objects.filter(call=training["call"], status="selected", enrolment__isnull=True).exists()
    assert services.enrolments_from_selection(actor=None, call=training["call"]) == 0  # nobody left to enrol


def _call_with_courses(training, code: str, places: int):
    """Another call of the programme recruiting two new short courses at 동부 (deposits due)."""
    call = training["call"]
    call = intake.call_set(
        actor=None, code=code, programme=call.programme, title=f"{code} 모집", opens_at=call.opens_at,
        closes_at=call.closes_at, announce_on=call.announce_on,
        quotas=[(f"{code}-A", "A", places), (f"{code}-B", "B", places)], eligibility=[],
    )  # fmt: skip
    for quota in call.quotas.all():
        services.course_set(
            actor=None, code=quota.code, institute=training["east"], name=f"{quota.code} 과정", track="city",
            course_type="short", start_date=date(2018, 9, 3), end_date=date(2018, 11, 30), capacity=places,
            deposit=100_000, quota=quota,
        )  # fmt: skip
    _apply(call, f"{code}-A", places)
    _apply(call, f"{code}-B", places)
    _select(call)
    return call


def test_enrolling_a_selection_takes_the_same_queries_for_two_people_or_twenty(training):
    small, large = _call_with_courses(training, "SMALL", 1), _call_with_courses(training, "LARGE", 10)
    with CaptureQueriesContext(connection) as two:
        assert services.enrolments_from_selection(actor=None, call=small) == 2
    with CaptureQueriesContext(connection) as twenty:
        assert services.enrolments_from_selection(actor=None, call=large) == 20
    assert len(twenty) == len(two)
    assert TrainingDeposit.objects.filter(enrolment__course__quota__call=large, amount=100_000).count() == 20


def test_a_course_that_would_go_over_its_places_enrols_nobody(training):
    _apply(training["call"], "E-SHORT", 3)
    _apply(training["call"], "E-DAY", 1)
    _select(training["call"])
    make_trainee(training["short"])  # a place taken by staff meanwhile
    with pytest.raises(ValidationFailed) as error:
        services.enrolments_from_selection(actor=None, call=training["call"])
    assert "정원 3명에 이미 1명이 등록되어 있어 선발자 3명을 더 등록할 수 없습니다" in error.value.message
    assert "아무도 등록하지 않았습니다" in error.value.message
    assert Enrolment.objects.count() == 1  # the staff's one only: the regular course's selected person waits too


def test_a_person_training_in_an_overlapping_course_stops_the_whole_enrolment(training):
    busy = make_person()
    make_trainee(training["other"], person=busy)  # 중부 용접과 '18.3.2.~8.31.
    _apply(training["call"], "E-SHORT", 2, people=[busy, make_person()])  # 동부 단기 '18.5.2.~7.31.
    _select(training["call"])
    with pytest.raises(ValidationFailed) as error:
        services.enrolments_from_selection(actor=None, call=training["call"])
    assert "1명이 같은 기간에 다른 훈련 과정에서 훈련 중" in error.value.message
    assert Enrolment.objects.count() == 1


def test_a_finished_course_does_not_stop_the_next_one(training):
    person = make_person()
    earlier = make_trainee(training["other"], person=person)
    services.enrolment_drop(actor=None, enrolment=earlier, ended_on=date(2018, 4, 30), reason="personal")
    make_trainee(training["short"], person=person)  # starts '18.5.2.: the dropout ended before
    assert Enrolment.objects.filter(person=person).count() == 2


def test_staff_enrol_one_person_within_the_places(training, personas):
    staff = personas[Role.DIVISION_STAFF]
    for _ in range(3):
        services.enrolment_create(actor=staff, person=make_person(), course=training["short"])
    with pytest.raises(ValidationFailed) as error:
        services.enrolment_create(actor=staff, person=make_person(), course=training["short"])
    assert "정원 3명이 모두 찼습니다" in error.value.message
    with pytest.raises(ValidationFailed) as error:
        services.enrolment_create(
            actor=staff, person=make_person(), course=training["day"], enrolled_on=date(2019, 3, 1)
        )
    assert "훈련 기간" in error.value.field_errors["enrolled_on"][0]


def test_a_partner_agency_or_an_auditor_cannot_enrol(training, personas):
    for role in (Role.PARTNER_AGENCY, Role.AUDITOR, Role.DISTRICT_OFFICER):
        with pytest.raises(NotAllowed):
            services.enrolment_create(actor=personas[role], person=make_person(), course=training["short"])
        with pytest.raises(NotAllowed):
            services.enrolments_from_selection(actor=personas[role], call=training["call"])


def test_a_course_deposit_above_two_hundred_thousand_won_is_refused_in_korean(training):
    with pytest.raises(ValidationFailed) as error:
        services.course_set(
            actor=None, code="E-SHORT", institute=training["east"], name="제과제빵 단기과정", track="city",
            course_type="short", start_date=date(2018, 5, 2), end_date=date(2018, 7, 31), capacity=3,
            deposit=200_001,
        )  # fmt: skip
    assert "200,000원 이하" in error.value.field_errors["deposit"][0]


def test_a_course_recruits_only_through_a_call_of_its_own_programme(training):
    from iljari.participation.tests.test_placements import _selected_call

    new_deal_call, _ = _selected_call(1)
    with pytest.raises(ValidationFailed) as error:
        services.course_set(
            actor=None, code="E-NEW", institute=training["east"], name="전자과", track="city",
            course_type="regular_day", start_date=date(2018, 3, 2), end_date=date(2018, 8, 31), capacity=10,
            quota=new_deal_call.quotas.get(),
        )  # fmt: skip
    assert "모집공고의 선발 구분만" in error.value.field_errors["quota"][0]
    with pytest.raises(ValidationFailed) as error:  # a quota already recruiting another course
        services.course_set(
            actor=None, code="E-NEW", institute=training["east"], name="전자과", track="city",
            course_type="regular_day", start_date=date(2018, 3, 2), end_date=date(2018, 8, 31), capacity=10,
            quota=training["call"].quotas.get(code="E-DAY"),
        )  # fmt: skip
    assert "이미 다른 과정" in error.value.field_errors["quota"][0]


def test_places_cannot_shrink_below_the_trainees_enrolled(training):
    make_trainee(training["day"])
    make_trainee(training["day"])
    with pytest.raises(ValidationFailed) as error:
        services.course_set(
            actor=None, code="E-DAY", institute=training["east"], name="전기과", track="city",
            course_type="regular_day", start_date=date(2018, 3, 2), end_date=date(2019, 2, 28), capacity=1,
            quota=training["call"].quotas.get(code="E-DAY"),
        )  # fmt: skip
    assert "이미 2명이 등록되어" in error.value.field_errors["capacity"][0]
