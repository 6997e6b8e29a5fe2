"""Calls, eligibility, applications and selection under quotas."""

import threading
from datetime import date, timedelta
from functools import partial

import pytest
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.utils import timezone

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.intake import selectors, services
from iljari.intake.models import Application, SelectionResult
from iljari.intake.tests.factories import close_call
from iljari.people.models import Person
from iljari.people.tests.factories import make_person
from iljari.plan.models import Programme

BOTH = ["personal_data", "unique_identifier"]


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _call(code="CALL", places=(("CITY", "서울시", 2), ("DISTRICT", "자치구", 1)), opens=None, days=30):
    opens = opens or timezone.now() - timedelta(days=1)
    return services.call_set(
        actor=None,
        code=code,
        programme=Programme.objects.get(code="P1-03"),
        title="뉴딜일자리 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=days),
        announce_on=date(2030, 1, 1),
        quotas=list(places),
        eligibility=[
            {"kind": "age_between", "min_value": 18, "max_value": 39, "on_date": date(2018, 1, 1)},
            {"kind": "resides_in_seoul"},
        ],
        priorities=[("basic_livelihood_recipient", 5)],
    )


_person = partial(make_person, district="11440")  # these applicants live in 마포구


def test_eligibility_names_every_rule_that_fails(office):
    call = _call()
    too_old_outside = _person(birth=date(1970, 1, 1), district=None)
    failures = services.eligibility_failures(call=call, person=too_old_outside)
    assert failures == [
        "만 18세 이상 39세 이하만 신청할 수 있습니다(2018.1.1. 기준 만 48세).",
        "서울시에 주소를 둔 사람만 신청할 수 있습니다.",
    ]
    assert services.eligibility_failures(call=call, person=_person()) == []


def test_the_boundary_ages_are_inclusive(office):
    call = _call()  # 18–39 on 2018-01-01
    assert services.eligibility_failures(call=call, person=_person(birth=date(1978, 1, 2))) == []  # still 39
    assert services.eligibility_failures(call=call, person=_person(birth=date(1978, 1, 1))) != []  # turns 40
    assert services.eligibility_failures(call=call, person=_person(birth=date(2000, 1, 1))) == []  # turns 18
    assert services.eligibility_failures(call=call, person=_person(birth=date(2000, 1, 2))) != []  # still 17


def test_submission_is_once_per_call_even_when_repeated(office):
    call = _call()
    person = _person()
    quota = call.quotas.get(code="CITY")
    first = services.application_submit(actor=None, call=call, person=person, quota=quota)
    again = services.application_submit(actor=None, call=call, person=person, quota=quota)
    assert first.pk == again.pk and Application.objects.filter(call=call).count() == 1


def test_ineligible_late_and_foreign_quota_submissions_are_refused(office):
    call = _call()
    with pytest.raises(ValidationFailed) as caught:
        services.application_submit(actor=None, call=call, person=_person(district=None), quota=call.quotas.first())
    assert caught.value.field_errors["eligibility"] == ["서울시에 주소를 둔 사람만 신청할 수 있습니다."]
    closed = _call(code="CLOSED", opens=timezone.now() - timedelta(days=10), days=5)
    with pytest.raises(ValidationFailed, match="접수 기간이 아닙니다"):
        services.application_submit(actor=None, call=closed, person=_person(), quota=closed.quotas.first())
    with pytest.raises(ValidationFailed):
        services.application_submit(actor=None, call=call, person=_person(), quota=closed.quotas.first())
    assert Application.objects.count() == 0


def test_withdrawal_before_the_deadline_and_resubmission(office):
    call = _call()
    person = _person()
    application = services.application_submit(actor=None, call=call, person=person, quota=call.quotas.first())
    services.application_withdraw(actor=None, application=application)
    assert Application.objects.get(pk=application.pk).status == "withdrawn"
    with pytest.raises(ValidationFailed, match="접수 마감 뒤에는"):
        services.application_withdraw(actor=None, application=application, now=call.closes_at)
    again = services.application_submit(actor=None, call=call, person=person, quota=call.quotas.first())
    assert again.pk == application.pk and again.status == "submitted"


def _apply_many(call, count, quota_code):
    quota = call.quotas.get(code=quota_code)
    return [services.application_submit(actor=None, call=call, person=_person(), quota=quota) for _ in range(count)]


def test_selection_fills_each_quota_ranks_by_score_then_priority_then_lottery(office):
    call = _call()
    manager = office[Role.OFFICE_MANAGER]
    city = _apply_many(call, 4, "CITY")
    district = _apply_many(call, 3, "DISTRICT")
    services.review_score_record(actor=manager, application=city[3], stage="document_review", score=90)
    Person.objects.filter(pk=city[2].person_id).update(basic_livelihood_recipient=True)
    services.eligibility_run(actor=manager, call=call)
    close_call(call)
    run = services.selection_run(actor=manager, call=call, seed=7)
    outcome = dict(Application.objects.filter(call=call).values_list("pk", "status"))
    assert outcome[city[3].pk] == "selected"  # the best score
    assert outcome[city[2].pk] == "selected"  # then the priority points
    assert sorted(outcome[a.pk] for a in city) == ["selected", "selected", "waitlisted", "waitlisted"]
    assert sorted(outcome[a.pk] for a in district) == ["selected", "waitlisted", "waitlisted"]
    assert (run.selected, run.waitlisted, run.seed, run.run_by) == (3, 4, 7, manager)


def test_the_same_seed_gives_the_same_result_and_another_seed_may_not(office):
    call = _call(places=(("CITY", "서울시", 5),))
    _apply_many(call, 30, "CITY")
    close_call(call)
    first = services.selection_run(actor=None, call=call, seed=123456789)
    again = services.selection_compute(call=call, seed=first.seed)
    recorded = sorted(SelectionResult.objects.filter(run=first).values_list("application_id", "rank", "outcome"))
    assert sorted((p.application_id, p.rank, p.outcome) for p in again) == recorded
    others = {
        tuple(p.application_id for p in services.selection_compute(call=call, seed=s) if p.outcome == "selected")
        for s in range(5)
    }
    assert len(others) > 1  # the lottery really depends on the seed


def test_only_the_programmes_division_or_the_manager_run_a_call(office):
    call = _call()  # P1-03 belongs to 일자리정책담당관, the staff persona's division
    close_call(call)
    services.selection_run(actor=office[Role.DIVISION_STAFF], call=call, seed=1)
    for role in (Role.AUDITOR, Role.DISTRICT_OFFICER, Role.CITIZEN):
        with pytest.raises(NotAllowed):
            services.selection_run(actor=office[role], call=call, seed=1)


@pytest.mark.parametrize(("applicants", "places", "text"), [(6617, 944, "7:1"), (541, 100, "5.4:1"), (17, 10, "1.7:1")])
def test_competition_ratio_is_printed_as_the_office_does(applicants, places, text):
    assert selectors.competition_ratio_text(applicants, places) == text


def test_a_citizen_applies_follows_and_withdraws_on_the_portal(office):
    call = _call()
    citizen_user = office[Role.CITIZEN]
    _person(user=citizen_user)
    citizen = Client()
    citizen.force_login(citizen_user)
    assert call.title in citizen.get("/portal/calls/").content.decode()
    page = citizen.get(f"/portal/calls/{call.code}/").content.decode()
    assert "신청하기" in page and "0:1" in page
    quota = call.quotas.get(code="CITY").pk
    refused = citizen.post(f"/portal/calls/{call.code}/", {"quota": quota}, follow=True).content.decode()
    assert "고유식별정보(주민등록번호) 처리에 모두 동의해야 합니다" in refused
    assert not Application.objects.filter(person__user=citizen_user).exclude(status="draft").exists()
    response = citizen.post(
        f"/portal/calls/{call.code}/",
        {"quota": quota, "consent_personal_data": "on", "consent_unique_identifier": "on"},
    )
    assert response.status_code == 302
    consents = Person.objects.get(user=citizen_user).consents.filter(context__contains=call.title)
    assert sorted(consents.values_list("purpose", flat=True)) == BOTH  # recorded with the application
    mine = citizen.get("/portal/applications/").content.decode()
    assert call.title in mine and "접수" in mine
    application = Application.objects.get(person__user=citizen_user)
    citizen.post(f"/portal/applications/{application.pk}/withdraw/")
    assert Application.objects.get(pk=application.pk).status == "withdrawn"
    visitor = Client()  # the calls are open to all; applying asks for login first
    assert call.title in visitor.get("/portal/calls/").content.decode()
    assert visitor.get(f"/portal/calls/{call.code}/")["Location"] == f"/accounts/login/?next=/portal/calls/{call.code}/"


def test_an_ineligible_citizen_sees_which_rule_failed(office):
    call = _call()
    _person(user=office[Role.CITIZEN], birth=date(1960, 2, 2))
    citizen = Client()
    citizen.force_login(office[Role.CITIZEN])
    page = citizen.get(f"/portal/calls/{call.code}/").content.decode()
    assert (
        "만 18세 이상 39세 이하만 신청할 수 있습니다" in page
        and 'type="submit" class="krds-btn primary medium">신청' not in page
    )


def test_office_pages_show_figures_and_runs(office, client_as):
    call = _call()
    _apply_many(call, 4, "CITY")
    staff = client_as(Role.DIVISION_STAFF)
    assert staff.post(f"/intake/calls/{call.code}/eligibility/").status_code == 302
    close_call(call)
    assert staff.post(f"/intake/calls/{call.code}/select/", {"seed": "42"}).status_code == 302
    page = staff.get(f"/intake/calls/{call.code}/").content.decode()
    assert "추첨 기준값 42" in page and "2:1" in page and "******" in page
    assert client_as(Role.CITIZEN).get(f"/intake/calls/{call.code}/").status_code == 403


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent connections need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_many_submissions_in_the_same_moment_lose_nothing_and_duplicate_nothing(personas, dataset_2018):
    """200 applicants submit in the same second (40 connections released together, each submitting for five
    people and clicking twice); then two staff run the selection at once."""
    call = _call(places=(("CITY", "서울시", 30), ("DISTRICT", "자치구", 20)))
    people = [_person() for _ in range(200)]
    quotas = list(call.quotas.all())
    workers = 40
    start = threading.Barrier(workers)
    errors = []

    def submit(batch):
        try:
            start.wait(timeout=30)
            for index, person in batch:
                for _ in range(2):  # a double click
                    services.application_submit(actor=None, call=call, person=person, quota=quotas[index % 2])
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    numbered = list(enumerate(people))
    threads = [threading.Thread(target=submit, args=(numbered[i::workers],)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Application.objects.filter(call=call).count() == 200
    assert Application.objects.filter(call=call).values("person").distinct().count() == 200
    close_call(call)
    runs = []

    def select(seed):
        try:
            runs.append(services.selection_run(actor=None, call=call, seed=seed))
        finally:
            connection.close()

    threads = [threading.Thread(target=select, args=(seed,)) for seed in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(runs) == 2
    selected = dict(
        Application.objects.filter(call=call, status="selected")
        .values_list("quota__code")
        .annotate(n=Count("pk"))
        .values_list("quota__code", "n")
    )
    assert selected == {"CITY": 30, "DISTRICT": 20}  # never over-filled
    last = max(runs, key=lambda run: run.pk)
    assert set(
        SelectionResult.objects.filter(run=last, outcome="selected").values_list("application_id", flat=True)
    ) == set(
        Application.objects.filter(call=call, status="selected").values_list("pk", flat=True)
    )  # the applications carry the later run's result, not a mix of both
