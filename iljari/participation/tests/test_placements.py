"""Placements: the longest period, one direct job at a time across programmes, placing a call's selected people,
dropouts and outcomes, the employment rate, and the job-target achievement that placements feed."""

import threading
from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.intake import services as intake
from iljari.intake.tests.factories import close_call
from iljari.participation import selectors, services
from iljari.participation.models import Placement, WorkRecord
from iljari.participation.tests.factories import make_site
from iljari.people.tests.factories import make_person
from iljari.performance.selectors import job_target_table
from iljari.plan.models import Programme


def _place(site, person=None, worksite="gangdong", start=date(2018, 3, 2), end=date(2018, 12, 31), **extra):
    return services.placement_create(
        actor=None, person=person or make_person(), worksite=site[worksite], start_date=start, end_date=end, **extra
    )


def test_new_deal_allows_up_to_twenty_three_months(site):
    person = make_person()
    with pytest.raises(ValidationFailed) as error:
        _place(site, person, start=date(2018, 3, 2), end=date(2020, 2, 2))
    assert "최대 23개월" in error.value.field_errors["end_date"][0]
    placement = _place(site, person, start=date(2018, 3, 2), end=date(2020, 2, 1))
    assert placement.hourly_wage == 9_220 and placement.target_group == "youth"


def test_one_person_cannot_hold_two_direct_jobs_in_overlapping_periods(site):
    person = make_person()
    _place(site, person, start=date(2018, 3, 2), end=date(2018, 6, 30))
    with pytest.raises(ValidationFailed) as error:  # public works, another programme, overlapping by one day
        _place(site, person, worksite="works", start=date(2018, 6, 30), end=date(2018, 12, 20))
    assert "이미 다른 직접일자리" in error.value.message
    assert Placement.objects.filter(person=person).count() == 1
    _place(site, person, worksite="works", start=date(2018, 7, 1), end=date(2018, 12, 20))  # the next day is free


def test_after_a_dropout_the_person_is_free_from_the_next_day(site):
    person = make_person()
    first = _place(site, person)
    services.placement_end(actor=None, placement=first, ended_on=date(2018, 4, 15), reason="personal")
    first.refresh_from_db()
    assert first.status == "dropped" and first.get_dropout_reason_display() == "개인 사정"
    with pytest.raises(ValidationFailed):
        _place(site, person, worksite="works", start=date(2018, 4, 15), end=date(2018, 6, 30))
    _place(site, person, worksite="works", start=date(2018, 4, 16), end=date(2018, 6, 30))


def test_ending_early_needs_a_reason_and_refuses_months_after_the_end(site):
    placement = _place(site)
    with pytest.raises(ValidationFailed) as error:
        services.placement_end(actor=None, placement=placement, ended_on=date(2018, 5, 31))
    assert "사유" in error.value.field_errors["reason"][0]
    services.work_record_set(
        actor=None, placement=placement, month=date(2018, 6, 1), days_worked=1, hours_worked=8, full_weeks=0
    )
    with pytest.raises(ValidationFailed) as error:
        services.placement_end(actor=None, placement=placement, ended_on=date(2018, 5, 31), reason="health")
    assert "근무상황" in error.value.field_errors["ended_on"][0]
    WorkRecord.objects.filter(placement=placement).delete()
    services.placement_end(actor=None, placement=placement, ended_on=date(2018, 5, 31), reason="health")
    with pytest.raises(ValidationFailed):  # June is after the end now
        services.work_record_set(
            actor=None, placement=placement, month=date(2018, 6, 1), days_worked=1, hours_worked=8, full_weeks=0
        )


def test_employment_rate_is_outcomes_over_placements_that_ended(site, personas):
    placements = [_place(site, start=date(2017, 3, 2), end=date(2017, 12, 29)) for _ in range(4)]
    for placement in placements:
        services.placement_end(actor=None, placement=placement, ended_on=date(2017, 12, 29))
    for placement in placements[:3]:
        services.outcome_record(
            actor=None, placement=placement, employed_on=date(2018, 2, 1), employer="(주)테스트", kind="regular"
        )
    _place(site)  # 2018, still running: not in 2017's rate
    rows = selectors.employment_rates(user=personas[Role.OFFICE_MANAGER], year=2017)
    assert [(r.ended, r.employed, r.rate) for r in rows] == [(4, 3, pytest.approx(0.75))]


def _selected_call(count: int):
    opens = timezone.now() - timedelta(days=1)
    call = intake.call_set(
        actor=None,
        code="ND-TEST",
        programme=Programme.objects.get(code="P1-03"),
        title="뉴딜일자리 시험 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=10),
        announce_on=date(2030, 1, 1),
        quotas=[("CITY", "서울시", count)],
        eligibility=[],
    )
    quota = call.quotas.get()
    people = [make_person() for _ in range(count)]
    for person in people:
        intake.application_submit(actor=None, call=call, person=person, quota=quota)
    close_call(call)
    intake.selection_run(actor=None, call=call, seed=7)
    intake.selection_confirm(actor=None, call=call)  # 선발 확정 before placing
    return call, people


def test_placing_a_call_spreads_the_selected_over_worksites_and_counts_the_jobs(site, personas):
    call, people = _selected_call(5)
    count = services.placements_from_selection(
        actor=personas[Role.DIVISION_STAFF],
        call=call,
        worksites=[site["gangdong"], site["city"]],
        start_date=date(2018, 3, 2),
        end_date=date(2018, 12, 31),
    )
    assert count == 5
    assert Placement.objects.filter(worksite=site["gangdong"]).count() == 3
    assert Placement.objects.filter(worksite=site["city"]).count() == 2
    assert services.placements_from_selection(
        actor=None, call=call, worksites=[site["city"]], start_date=date(2018, 3, 2), end_date=date(2018, 12, 31)
    ) == 0  # fmt: skip
    table = job_target_table(user=personas[Role.OFFICE_MANAGER], year=2018, as_of=date(2018, 12, 31))
    youth = next(row for row in table.groups if row.target.target_group == "youth")
    assert [(part.target.programme.code, part.achieved) for part in youth.parts] == [("P1-03", 5)]


def test_placing_a_call_is_all_or_nothing_when_someone_is_busy(site):
    call, people = _selected_call(3)
    _place(site, people[1], worksite="works", start=date(2018, 1, 10), end=date(2018, 6, 30))
    with pytest.raises(ValidationFailed) as error:
        services.placements_from_selection(
            actor=None, call=call, worksites=[site["city"]], start_date=date(2018, 3, 2), end_date=date(2018, 12, 31)
        )
    assert "1명" in error.value.message
    assert Placement.objects.filter(application__call=call).count() == 0


def test_a_placement_shows_in_its_target_groups_achievement_when_the_group_has_no_figure(site, personas):
    _place(site, start=date(2019, 1, 2), end=date(2019, 6, 30))
    _place(site, worksite="works", start=date(2019, 1, 2), end=date(2019, 6, 30))
    table = job_target_table(user=personas[Role.AUDITOR], year=2019, as_of=date(2019, 12, 31))
    groups = {row.target.target_group: row for row in table.groups}
    assert groups["youth"].achieved == 1 and groups["youth"].from_parts and groups["youth"].unset
    assert groups["low_income"].achieved == 1


def test_only_placements_started_by_the_as_of_date_count(site, personas):
    _place(site, start=date(2018, 3, 2))
    _place(site, start=date(2018, 9, 3))
    services.placement_achievements_sync(programme=site["city"].programme, year=2018, as_of=date(2018, 6, 30))
    table = job_target_table(user=personas[Role.AUDITOR], year=2018, as_of=date(2018, 6, 30))
    youth = next(row for row in table.groups if row.target.target_group == "youth")
    assert youth.parts[0].achieved == 1
    assert youth.achieved != 1  # the group keeps its own entered 2018 figure; the part is shown beneath it


def test_a_selected_application_is_placed_once_and_only_for_its_person(site):
    call, people = _selected_call(1)
    application = call.applications.get()
    with pytest.raises(ValidationFailed):
        _place(site, make_person(), application=application)
    _place(site, people[0], application=application)
    with pytest.raises(ValidationFailed) as error:
        _place(site, people[0], start=date(2019, 3, 4), end=date(2019, 6, 28), application=application)
    assert "이미 배치" in error.value.message


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent connections need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_staff_placing_the_same_person_at_once_make_one_placement(personas, dataset_2018):
    site = make_site()
    person = make_person()
    errors, made = [], []

    def place(worksite):
        try:
            made.append(_place(site, person, worksite=worksite))
        except ValidationFailed as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=place, args=(w,)) for w in ("gangdong", "city", "jongno", "partner")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1 and len(errors) == 3
    assert Placement.objects.filter(person=person).count() == 1
