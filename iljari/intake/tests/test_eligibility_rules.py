"""Rule kinds beyond the first four: an age with one bound, and "no other direct job in the period", which reads
participation's placements through intake.checks — the same answer on the form, in the batch and in the upload."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from iljari.core.errors import ValidationFailed
from iljari.core.roles import Role
from iljari.core.xlsx import xlsx_table
from iljari.intake import services
from iljari.intake.models import Application
from iljari.intake.selectors import APPLICANT_COLUMNS
from iljari.participation import services as participation
from iljari.participation.tests.factories import make_site
from iljari.people.tests.factories import make_person
from iljari.plan.models import Programme

PERIOD = (date(2018, 7, 1), date(2018, 12, 20))  # the second half of public works in 2018


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _call(code="PW-H2", eligibility=None):
    opens = timezone.now() - timedelta(days=1)
    return services.call_set(
        actor=None,
        code=code,
        programme=Programme.objects.get(code="P1-06"),
        title="공공근로 하반기 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=20),
        announce_on=date(2030, 1, 1),
        quotas=[("CITY", "서울시", 5)],
        eligibility=eligibility
        or [
            {"kind": "age_between", "min_value": 18, "on_date": PERIOD[0]},
            {"kind": "no_direct_job_overlap", "on_date": PERIOD[0], "until_date": PERIOD[1]},
        ],
    )


def _working(site, start=date(2018, 3, 2), end=date(2018, 12, 31)):
    """A person on a New Deal placement (a direct job) for the period given."""
    person = make_person()
    participation.placement_create(actor=None, person=person, worksite=site["city"], start_date=start, end_date=end)
    return person


def test_an_age_rule_with_a_minimum_only(office):
    call = _call(eligibility=[{"kind": "age_between", "min_value": 15, "on_date": date(2018, 3, 2)}])
    assert str(call.eligibility_rules.get()) == "만 15세 이상(2018.3.2. 기준)"
    assert services.eligibility_failures(call=call, person=make_person(birth=date(1950, 1, 1))) == []
    assert services.eligibility_failures(call=call, person=make_person(birth=date(2003, 3, 3))) == [
        "만 15세 이상만 신청할 수 있습니다(2018.3.2. 기준 만 14세)."
    ]


def test_someone_in_a_direct_job_in_the_period_is_told_so_and_cannot_submit(office):
    site = make_site()
    call = _call()
    busy = _working(site)
    free = _working(site, end=date(2018, 6, 29))  # ends before the period
    message = "2018.7.1.~2018.12.20.에 다른 직접일자리에 참여하고 있어 신청할 수 없습니다."
    assert services.eligibility_failures(call=call, person=busy) == [message]
    assert services.eligibility_failures(call=call, person=free) == []
    with pytest.raises(ValidationFailed) as caught:
        services.application_submit(actor=None, call=call, person=busy, quota=call.quotas.get())
    assert caught.value.field_errors["eligibility"] == [message]
    assert not Application.objects.filter(call=call).exists()


def test_a_dropout_before_the_period_frees_the_person(office):
    site = make_site()
    call = _call()
    person = _working(site)
    placement = person.placements.get()
    participation.placement_end(actor=None, placement=placement, ended_on=date(2018, 5, 31), reason="personal")
    assert services.eligibility_failures(call=call, person=person) == []


def test_the_batch_gives_the_same_answer_in_one_query_for_the_rule(office):
    site = make_site()
    call = _call()
    quota = call.quotas.get()
    applicants = [make_person() for _ in range(6)]
    for person in applicants:
        services.application_submit(actor=None, call=call, person=person, quota=quota)
    for person in applicants[:2]:  # they take a New Deal job after applying
        participation.placement_create(
            actor=None, person=person, worksite=site["city"], start_date=date(2018, 8, 1), end_date=date(2018, 12, 31)
        )
    with CaptureQueriesContext(connection) as queries:
        eligible, ineligible = services.eligibility_run(actor=None, call=call)
    assert (eligible, ineligible) == (4, 2)
    placement_reads = [q for q in queries.captured_queries if "participation_placement" in q["sql"]]
    assert len(placement_reads) == 1  # one query for all the applicants, not one per person
    reasons = set(call.applications.filter(status="ineligible").values_list("ineligible_reasons", flat=True))
    assert reasons == {services.eligibility_failures(call=call, person=applicants[0])[0]}


def test_the_portal_names_the_rule_a_citizen_in_a_direct_job_fails(office):
    site = make_site()
    call = _call()
    citizen = office[Role.CITIZEN]
    person = make_person(user=citizen)
    participation.placement_create(
        actor=None, person=person, worksite=site["city"], start_date=date(2018, 3, 2), end_date=date(2018, 12, 31)
    )
    client = Client()
    client.force_login(citizen)
    page = client.get(f"/portal/calls/{call.code}/").content.decode()
    assert "다른 직접일자리에 참여하고 있어 신청할 수 없습니다" in page
    response = client.post(
        f"/portal/calls/{call.code}/",
        {"quota": call.quotas.get().pk, "consent_personal_data": "on", "consent_unique_identifier": "on"},
        follow=True,
    )
    assert "다른 직접일자리에 참여하고 있어" in response.content.decode()
    assert not Application.objects.filter(call=call).exclude(status="draft").exists()  # at most a draft kept


def test_the_rules_of_a_call_are_checked_when_it_is_set(office):
    with pytest.raises(ValidationFailed) as caught:
        _call(
            eligibility=[
                {"kind": "age_between", "on_date": PERIOD[0]},  # no bound
                {"kind": "no_direct_job_overlap", "on_date": PERIOD[1], "until_date": PERIOD[0]},  # backwards
            ]
        )
    assert caught.value.field_errors["eligibility"] == [
        "나이 조건에는 기준일과 최소 또는 최대 나이가 필요합니다(최소 ≤ 최대).",
        "직접일자리 중복 조건에는 참여 기간(시작일 ≤ 끝일)이 필요합니다.",
    ]


def test_a_bulk_upload_refuses_the_row_of_someone_in_a_direct_job(office):
    site = make_site()
    call = _call()
    busy = _working(site)
    data = xlsx_table(title="신청자 일괄 등록", columns=APPLICANT_COLUMNS, rows=[_row(busy), _row(make_person())])
    with pytest.raises(ValidationFailed) as caught:
        services.application_bulk_import(actor=None, call=call, data=data, consented=True)
    assert caught.value.field_errors["file"] == [
        "4행: 신청 자격을 갖추지 못했습니다. "
        "2018.7.1.~2018.12.20.에 다른 직접일자리에 참여하고 있어 신청할 수 없습니다."
    ]
    assert not Application.objects.filter(call=call).exists()


def _row(person) -> dict:
    return {
        "name": person.name,
        "birth_date": person.birth_date.isoformat(),
        "sex": "남",
        "rrn": person.rrn,
        "district": person.district.name,
        "quota": "CITY",
        "regular_income": "아니오",
    }
