"""Confirming a selection, declining a place, filling it from the waiting list, and the review score's mean."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from iljari.approvals.tests.factories import make_official, open_request
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Position, Role
from iljari.intake import services
from iljari.intake.models import Application, Call, SelectionResult
from iljari.intake.tests.factories import close_call, make_call
from iljari.people.tests.factories import make_person
from iljari.testing import Persona, make_persona


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _applied(call, count, quota="CITY"):
    quota = call.quotas.get(code=quota)
    return [services.application_submit(actor=None, call=call, person=make_person(), quota=quota) for _ in range(count)]


def _ranked(run, quota_code):
    return list(
        SelectionResult.objects.filter(run=run, quota__code=quota_code)
        .order_by("rank")
        .values_list("application_id", flat=True)
    )


def test_a_confirmed_selection_cannot_be_run_again(office):
    call = make_call(documents="")
    _applied(call, 4)
    manager = office[Role.OFFICE_MANAGER]
    close_call(call)
    with pytest.raises(ValidationFailed, match="선발을 먼저 실행하십시오"):
        services.selection_confirm(actor=manager, call=call)
    services.selection_run(actor=manager, call=call, seed=5)
    confirmed = services.selection_confirm(actor=manager, call=call)
    assert confirmed.selection_confirmed_at is not None and confirmed.selection_confirmed_by == manager
    with pytest.raises(ValidationFailed, match="선발 결과가 확정되어"):
        services.selection_run(actor=manager, call=call, seed=6)
    assert call.selection_runs.count() == 1
    with pytest.raises(ValidationFailed, match="선발이 확정된 공고는 바꿀 수 없습니다"):
        make_call(documents="")  # the same code: call_set on the confirmed call


def test_only_the_calls_staff_confirm(office):
    call = make_call(documents="")
    _applied(call, 2)
    close_call(call)
    services.selection_run(actor=None, call=call, seed=1)
    labour = make_persona(Persona(Role.DIVISION_STAFF, "t_labour", org_unit="LABOUR-POLICY"))
    for actor in (labour, office[Role.AUDITOR], office[Role.DISTRICT_OFFICER]):
        with pytest.raises(NotAllowed):
            services.selection_confirm(actor=actor, call=call)


def test_the_selected_are_placed_only_after_the_selection_is_confirmed_and_cannot_decline_after(office, client_as):
    from iljari.participation import services as participation
    from iljari.participation.models import Placement
    from iljari.participation.tests.factories import make_site

    site = make_site()
    call = make_call(documents="")
    _applied(call, 3)
    close_call(call)
    services.selection_run(actor=None, call=call, seed=3)
    placing = {"worksites": [site["city"]], "start_date": date(2018, 3, 2), "end_date": date(2018, 12, 31)}
    with pytest.raises(ValidationFailed, match="선발 결과가 아직 확정되지 않아 배치"):  # placing never confirms it
        participation.placements_from_selection(actor=None, call=call, **placing)
    call.refresh_from_db()
    assert not call.selection_confirmed and not Placement.objects.exists()
    assert not Application.objects.filter(call=call, placed_at__isnull=False).exists()
    waiting = client_as(Role.DIVISION_STAFF).get("/participation/").content.decode()
    assert "선발 확정 결재가 끝나면 배치합니다" in waiting and f"/participation/calls/{call.code}/place/" not in waiting
    services.selection_confirm(actor=None, call=call)
    waiting = client_as(Role.DIVISION_STAFF).get("/participation/").content.decode()
    assert f"/participation/calls/{call.code}/place/" in waiting
    placed = participation.placements_from_selection(actor=None, call=call, **placing)
    assert placed == 2
    with pytest.raises(ValidationFailed, match="선발 결과가 확정되어"):
        services.selection_run(actor=None, call=call, seed=4)
    selected = Application.objects.filter(call=call, status="selected").first()
    assert selected.placed_at is not None
    with pytest.raises(ValidationFailed, match="이미 배치"):
        services.application_decline(actor=None, application=selected)


def test_a_declined_place_goes_to_the_next_on_the_waiting_list_in_rank_order(office):
    call = make_call(documents="", quotas=[("CITY", "서울시", 2), ("DISTRICT", "자치구", 1)])
    _applied(call, 6, "CITY")
    _applied(call, 2, "DISTRICT")
    manager = office[Role.OFFICE_MANAGER]
    close_call(call)
    run = services.selection_run(actor=manager, call=call, seed=11)
    services.selection_confirm(actor=manager, call=call)
    city = _ranked(run, "CITY")
    assert services.waitlist_promote(actor=manager, call=call) == 0  # nothing to fill yet
    for pk in city[:2]:  # both selected people of the city quota give up their place
        services.application_decline(actor=manager, application=Application.objects.get(pk=pk))
    assert services.waitlist_promote(actor=manager, call=call) == 2
    status = dict(Application.objects.filter(call=call).values_list("pk", "status"))
    assert [status[pk] for pk in city] == ["declined", "declined", "selected", "selected", "waitlisted", "waitlisted"]
    assert sorted(status[pk] for pk in _ranked(run, "DISTRICT")) == ["selected", "waitlisted"]  # untouched
    assert services.waitlist_promote(actor=manager, call=call) == 0  # idempotent: the quota is full again


def test_only_a_selected_application_can_be_declined(office):
    call = make_call(documents="")
    application = _applied(call, 1)[0]
    with pytest.raises(ValidationFailed, match="선발된 신청만"):
        services.application_decline(actor=None, application=application)


def test_the_citizen_declines_on_the_portal_after_the_announcement(office):
    citizen = office[Role.CITIZEN]
    person = make_person(user=citizen)
    call = make_call(documents="")
    own = services.application_submit(actor=None, call=call, person=person, quota=call.quotas.get(code="CITY"))
    close_call(call)
    services.selection_run(actor=None, call=call, seed=1)
    client = Client()
    client.force_login(citizen)
    page = client.get("/portal/applications/").content.decode()
    assert "심사 중 (발표" in page and "선발 포기" not in page  # announced in 2030
    call.announce_on = timezone.localdate() - timedelta(days=1)
    call.save(update_fields=["announce_on"])
    page = client.get("/portal/applications/").content.decode()
    assert "선발 포기" in page
    response = client.post(f"/portal/applications/{own.pk}/decline/", follow=True)
    assert "선발을 포기했습니다" in response.content.decode()
    assert Application.objects.get(pk=own.pk).status == "declined"
    other_call = make_call("OTHER", documents="")
    theirs = services.application_submit(
        actor=None, call=other_call, person=make_person(), quota=other_call.quotas.first()
    )
    assert client.post(f"/portal/applications/{theirs.pk}/decline/").status_code == 404


def test_staff_confirm_decline_and_promote_on_the_call_page(office, client_as):
    call = make_call(documents="", quotas=[("CITY", "서울시", 1)])
    applications = _applied(call, 3)
    staff = client_as(Role.DIVISION_STAFF)
    assert "선발 확정" not in staff.get(f"/intake/calls/{call.code}/").content.decode()  # no run yet
    close_call(call)
    staff.post(f"/intake/calls/{call.code}/select/", {"seed": "9"})
    assert "선발 확정" in staff.get(f"/intake/calls/{call.code}/").content.decode()
    response = staff.post(f"/intake/calls/{call.code}/confirm/")  # a clerk: to the draft form of the approval
    assert response["Location"] == f"/approvals/new/intake.selection_confirm/{call.code}/"
    chief = make_official("t_chief", position=Position.DIRECTOR)
    response = staff.post(response["Location"], {"approver": chief.pk}, follow=True)
    assert "결재를 올렸습니다 — 결재가 끝나면 선발 결과가 확정됩니다." in response.content.decode()
    assert "선발 확정 <a" in response.content.decode() and not Call.objects.get(pk=call.pk).selection_confirmed
    head = Client()
    head.force_login(chief)
    request = open_request(services.SELECTION_CONFIRM, call.code)
    response = head.post(f"/approvals/{request.pk}/approve/", follow=True)
    assert "결재했습니다. 선발 결과를 확정했습니다." in response.content.decode()
    page = staff.get(f"/intake/calls/{call.code}/").content.decode()
    assert "선발 결과를 확정했습니다(" in page and "선발 실행</button>" not in page
    selected = Application.objects.get(call=call, status="selected")
    staff.post(f"/intake/applications/{selected.pk}/decline/")
    response = staff.post(f"/intake/calls/{call.code}/promote/", follow=True)
    assert "예비 1명을 선발로 올렸습니다" in response.content.decode()
    assert Application.objects.filter(call=call, status="selected").count() == 1
    assert len(applications) == Application.objects.filter(call=call).count()
    assert client_as(Role.AUDITOR).post(f"/intake/calls/{call.code}/promote/").status_code == 403


def test_an_applications_score_is_the_mean_of_its_reviewers_per_stage_summed_over_stages(office):
    """Three lenient reviewers must not outscore two strict ones by their number: the mean per stage counts."""
    call = make_call(documents="", quotas=[("CITY", "서울시", 1)])
    many, few = _applied(call, 2)
    reviewers = [make_persona(Persona(Role.DIVISION_STAFF, f"t_reviewer{n}", org_unit="JOBS-POLICY")) for n in range(3)]
    for reviewer in reviewers:  # mean 60 at the document review
        services.review_score_record(actor=reviewer, application=many, stage="document_review", score=60)
    for reviewer, score in zip(reviewers[:2], (70, 80), strict=True):  # mean 75
        services.review_score_record(actor=reviewer, application=few, stage="document_review", score=score)
    services.review_score_record(actor=reviewers[0], application=few, stage="interview", score=10)  # 75 + 10
    ranking = {r.application_id: r for r in services.selection_compute(call=call, seed=1)}
    assert (ranking[many.pk].score, ranking[few.pk].score) == (60, 85)
    assert ranking[few.pk].outcome == "selected" and ranking[many.pk].outcome == "waitlisted"
