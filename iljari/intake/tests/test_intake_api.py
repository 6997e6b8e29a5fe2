"""The intake API: calls and figures for the office, selection runs, and a citizen's applications — the same rules
as the pages, answered in the one error format."""

import json
from datetime import date

import pytest
from django.test import Client

from iljari.core.roles import Role
from iljari.intake import services
from iljari.intake.models import Application
from iljari.intake.tests.factories import close_call, make_call
from iljari.org.models import District
from iljari.people.tests.factories import BOTH, make_person


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _post(client: Client, path: str, body: dict):
    return client.post(path, json.dumps(body), content_type="application/json")


def test_the_office_reads_a_call_with_its_quotas_and_competition_ratio(office, client_as):
    call = make_call(
        documents="", quotas=[("CITY", "서울시", 2), ("D", "강동구", 1, District.objects.get(code="11740"))]
    )
    for _ in range(5):
        services.application_submit(actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY"))
    staff = client_as(Role.DIVISION_STAFF)
    listed = staff.get("/api/intake/calls").json()
    assert [row["code"] for row in listed] == [call.code] and listed[0]["places"] == 3
    detail = staff.get(f"/api/intake/calls/{call.code}").json()
    assert (detail["applicants"], detail["competition_ratio"]) == (5, "1.7:1")
    assert [(q["code"], q["applicants"], q["competition_ratio"], q["district"]) for q in detail["quotas"]] == [
        ("CITY", 5, "2.5:1", None),
        ("D", 0, "0:1", "11740"),
    ]
    assert detail["eligibility"] == ["만 18세 이상 39세 이하(2018.1.1. 기준)", "서울 거주"]
    assert client_as(Role.CITIZEN).get(f"/api/intake/calls/{call.code}").status_code == 403
    assert staff.get("/api/intake/calls/NOPE").json()["code"] == "not_found"


def test_a_selection_run_through_the_api_is_recorded_and_replayable(office, client_as):
    call = make_call(documents="")
    for _ in range(4):
        services.application_submit(actor=None, call=call, person=make_person(), quota=call.quotas.get(code="CITY"))
    staff = client_as(Role.DIVISION_STAFF)
    close_call(call)
    response = _post(staff, f"/api/intake/calls/{call.code}/selection-runs", {"seed": 77})
    assert response.status_code == 201
    run = response.json()
    assert (run["seed"], run["selected"], run["waitlisted"], run["run_by"]) == (77, 2, 2, "t_staff")
    replay = services.selection_compute(call=call, seed=77)
    selected = {r.application_id for r in replay if r.outcome == "selected"}
    assert selected == set(Application.objects.filter(call=call, status="selected").values_list("pk", flat=True))
    assert staff.get(f"/api/intake/calls/{call.code}/selection-runs").json()[0]["seed"] == 77
    bad = _post(staff, f"/api/intake/calls/{call.code}/selection-runs", {"seed": -1})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "seed"
    auditor = _post(client_as(Role.AUDITOR), f"/api/intake/calls/{call.code}/selection-runs", {"seed": 1})
    assert auditor.status_code == 403


def test_a_citizen_applies_once_through_the_api_with_both_consents(office, client_as):
    call = make_call(documents="")
    citizen = client_as(Role.CITIZEN)
    path = f"/api/portal/calls/{call.code}/applications"
    assert (
        _post(citizen, path, {"quota": "CITY", "consents": BOTH}).json()["message"]
        == "먼저 내 인적사항을 등록하십시오."
    )
    make_person(user=office[Role.CITIZEN], birth=date(1995, 3, 2))
    refused = _post(citizen, path, {"quota": "CITY", "consents": ["personal_data"]})
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "consents"
    first = _post(citizen, path, {"quota": "CITY", "consents": BOTH})
    again = _post(citizen, path, {"quota": "CITY", "consents": BOTH})  # a retry
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"] and Application.objects.filter(call=call).count() == 1
    assert first.json()["status_label"] == "접수"
    mine = citizen.get("/api/portal/applications").json()
    assert [row["call"] for row in mine] == [call.code]
    withdrawn = citizen.post(f"/api/portal/applications/{first.json()['id']}/withdraw")
    assert withdrawn.json()["status"] == "withdrawn"
    assert _post(client_as(Role.DIVISION_STAFF), path, {"quota": "CITY", "consents": BOTH}).status_code == 403


def test_an_ineligible_citizen_gets_each_failed_rule_in_korean(office, client_as):
    call = make_call(documents="")
    make_person(user=office[Role.CITIZEN], birth=date(1960, 1, 1))
    response = _post(
        client_as(Role.CITIZEN), f"/api/portal/calls/{call.code}/applications", {"quota": "CITY", "consents": BOTH}
    )
    body = response.json()
    assert response.status_code == 400 and body["message"] == "신청 자격을 갖추지 못했습니다."
    assert body["errors"] == [
        {"field": "eligibility", "message": "만 18세 이상 39세 이하만 신청할 수 있습니다(2018.1.1. 기준 만 58세)."}
    ]


def _citizen_with_person(personas, name: str) -> Client:
    from iljari.core.models import User

    user = User.objects.create_user(username=name, password="x", role=Role.CITIZEN, display_name="시민")
    make_person(user=user, birth=date(1995, 3, 2))
    client = Client()
    client.force_login(user)
    client.get("/api/portal/applications")  # the session's first touch (IdleSessionTimeoutMiddleware), not measured
    return client


def test_a_submission_reads_the_call_in_one_query_once_its_quotas_and_rules_were_read(
    office, client_as, django_assert_num_queries
):
    """The call's quotas, eligibility and priority rules are the same for every submission: after the first one
    (which reads them) a submission reads the session, the user, the call with its rules' version, the person,
    then writes in one transaction: the two consents in one insert, the application (its unique constraint, not a
    read first, tells a retry) and its change history; then the 접수 message: the person's channel consents read and
    the outbox row written (messaging)."""
    call = make_call(documents="")
    path = f"/api/portal/calls/{call.code}/applications"
    first = _citizen_with_person(office, "cached-1")
    assert _post(first, path, {"quota": "CITY", "consents": BOTH}).status_code == 201
    second = _citizen_with_person(office, "cached-2")
    with django_assert_num_queries(11):  # 2 framework + call + person + 5 in the transaction + 2 for the message
        answer = _post(second, path, {"quota": "CITY", "consents": BOTH})
    assert answer.status_code == 201 and answer.json()["quota"] == "CITY"
    application = Application.objects.get(pk=answer.json()["id"])
    assert (application.priority_points, application.quota.code) == (0, "CITY")
    assert application.person.consents.count() == 4  # the registration's two and the submission's two


def test_a_change_to_the_call_is_seen_by_the_next_submission(office):
    """The cache of a call's quotas and rules lives in each server process: nothing tells the others when one
    changes the call. Each submission reads the call's row with its rules' version, so a change made anywhere — its
    closing time, a quota, a rule, a priority — is what the next submission uses."""
    from datetime import timedelta

    from django.utils import timezone

    from iljari.intake.models import Call, EligibilityRule, PriorityRule, Quota
    from iljari.people.models import Person

    call = make_call(documents="")
    path = f"/api/portal/calls/{call.code}/applications"
    warm = _citizen_with_person(office, "change-0")
    assert _post(warm, path, {"quota": "CITY", "consents": BOTH}).status_code == 201  # the rules are now cached

    # a new quota (another process's call_set): the next submission may choose it
    services.call_set(
        actor=None,
        code=call.code,
        programme=call.programme,
        title=call.title,
        opens_at=call.opens_at,
        closes_at=call.closes_at,
        announce_on=call.announce_on,
        quotas=[("CITY", "서울시", 2), ("DISTRICT", "자치구", 1), ("YOUTH", "청년", 3)],
        eligibility=[{"kind": "resides_in_seoul"}],
        priorities=[("basic_livelihood_recipient", 5)],
    )
    assert (
        _post(_citizen_with_person(office, "change-1"), path, {"quota": "YOUTH", "consents": BOTH}).status_code == 201
    )

    # a quota renamed in place (its row saved, the call's row untouched)
    quota = Quota.objects.get(call=call, code="YOUTH")
    quota.code = "YOUNG"
    quota.save()
    refused = _post(_citizen_with_person(office, "change-2"), path, {"quota": "YOUTH", "consents": BOTH})
    assert refused.status_code == 404 and refused.json()["message"] == "이 공고에 그런 선발 구분이 없습니다."

    # a new eligibility rule and a changed priority, each saved on its own
    EligibilityRule.objects.create(call=call, kind=EligibilityRule.Kind.JOB_SEEKER, order=9)
    refused = _post(_citizen_with_person(office, "change-3"), path, {"quota": "YOUNG", "consents": BOTH})
    assert refused.status_code == 400 and refused.json()["errors"] == [
        {"field": "eligibility", "message": "구직등록을 한 사람만 신청할 수 있습니다."}
    ]
    EligibilityRule.objects.filter(call=call, kind=EligibilityRule.Kind.JOB_SEEKER).delete()
    PriorityRule.objects.filter(call=call).delete()
    PriorityRule.objects.create(call=call, kind=PriorityRule.Kind.BASIC_LIVELIHOOD, points=7)
    citizen = _citizen_with_person(office, "change-4")
    Person.objects.filter(user__username="change-4").update(basic_livelihood_recipient=True)
    answer = _post(citizen, path, {"quota": "YOUNG", "consents": BOTH})
    assert answer.status_code == 201 and Application.objects.get(pk=answer.json()["id"]).priority_points == 7

    # the call closed early by an update that leaves updated_at alone: the row is read on every submission
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    refused = _post(_citizen_with_person(office, "change-5"), path, {"quota": "YOUNG", "consents": BOTH})
    assert refused.status_code == 400 and refused.json()["message"].startswith("접수 기간이 아닙니다")
    assert Application.objects.filter(call=call).count() == 3  # the refused ones left nothing


def test_a_retry_or_a_draft_met_by_the_insert_leaves_no_second_consent(office):
    """A submission inserts first; when the person already has a row for the call the insert fails and everything
    of it goes (its consents neither): a retry answers the same application, a draft becomes the submission."""
    from iljari.people.models import Consent, Person

    call = make_call(documents="")
    path = f"/api/portal/calls/{call.code}/applications"
    citizen = _citizen_with_person(office, "retry-1")
    person = Person.objects.get(user__username="retry-1")
    first = _post(citizen, path, {"quota": "CITY", "consents": BOTH})
    consents = Consent.objects.filter(person=person).count()
    again = _post(citizen, path, {"quota": "DISTRICT", "consents": BOTH})
    assert first.status_code == again.status_code == 201 and first.json()["id"] == again.json()["id"]
    assert again.json()["quota"] == "CITY" and Consent.objects.filter(person=person).count() == consents
    other = make_call("OTHER", documents="")
    draft = services.application_draft_save(actor=None, call=other, person=person, quota=other.quotas.get(code="CITY"))
    submitted = _post(citizen, f"/api/portal/calls/{other.code}/applications", {"quota": "DISTRICT", "consents": BOTH})
    assert submitted.status_code == 201 and submitted.json()["id"] == draft.pk
    assert (submitted.json()["status"], submitted.json()["quota"]) == ("submitted", "DISTRICT")
    assert Consent.objects.filter(person=person).count() == consents + 2
