"""The person whose turn it is on a 결재 line is told by message (messaging's listener in approvals)."""

from __future__ import annotations

import pytest
from django.core import mail

from iljari.approvals import services
from iljari.approvals.tests.factories import make_official
from iljari.core.roles import Position, Role
from iljari.intake.models import Call
from iljari.intake.services import CALL_PUBLISH
from iljari.intake.tests.factories import make_call
from iljari.messaging.models import Message


def test_each_next_approver_gets_a_message_with_the_request(personas, dataset_2018, django_capture_on_commit_callbacks):
    staff = personas[Role.DIVISION_STAFF]
    lead = make_official("t_lead", position=Position.TEAM_LEAD)
    chief = make_official("t_chief", position=Position.DIRECTOR)
    for official, address in ((lead, "lead@office.example"), (chief, "chief@office.example")):
        official.email = address
        official.save(update_fields=["email"])
    call = make_call(documents="", quotas=[("CITY", "서울시", 2)])
    Call.objects.filter(pk=call.pk).update(published_at=None)
    call.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        request = services.approval_draft(actor=staff, act=CALL_PUBLISH, target=call, reviewers=[lead], approver=chief)
    first = Message.objects.get()
    assert (first.user_id, first.template, first.status) == (lead.pk, "approval_next", "sent")
    assert f"/approvals/{request.pk}/" in first.body and request.title in first.body
    assert mail.outbox[0].to == ["lead@office.example"]
    with django_capture_on_commit_callbacks(execute=True):
        services.approval_approve(actor=lead, request=request)
    assert Message.objects.filter(user=chief, template="approval_next").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.approval_approve(actor=chief, request=request)
    assert Message.objects.count() == 2  # the request ended: nobody's turn


@pytest.mark.django_db
def test_a_failing_listener_never_undoes_the_decision(personas, dataset_2018, monkeypatch):
    from iljari.approvals.services import LISTENERS

    def broken(request):
        raise RuntimeError("boom")

    monkeypatch.setattr("iljari.approvals.services.LISTENERS", [*LISTENERS, broken])
    services._tell_next_approver(type("R", (), {"pk": 1, "current_approver_id": None, "drafter_id": 1})())
