"""A selection run and a waitlist promotion are each one bulk change: every application whose status they move is
recorded with its status before and after, by the person who ran it."""

from datetime import timedelta

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from iljari.core.models import ChangeBatch
from iljari.core.roles import Role
from iljari.intake import services
from iljari.intake.models import Application
from iljari.intake.tests.factories import close_call
from iljari.intake.tests.test_intake import _apply_many, _call


def _status_changes(batch) -> dict[int, list]:
    kind = ContentType.objects.get_for_model(Application)
    return {
        int(e.object_pk): e.changes_dict["status"]
        for e in LogEntry.objects.filter(cid=batch.cid, content_type=kind, action=LogEntry.Action.UPDATE)
    }


def test_a_selection_run_records_each_applications_status_before_and_after(personas, dataset_2018):
    call = _call(places=(("CITY", "서울시", 2),))
    applications = _apply_many(call, 3, "CITY")
    manager = personas[Role.OFFICE_MANAGER]
    services.eligibility_run(actor=manager, call=call)
    close_call(call)
    before = dict(Application.objects.filter(call=call).values_list("pk", "status"))
    services.selection_run(actor=manager, call=call, seed=7)
    batch = ChangeBatch.objects.get(kind="intake.selection")
    after = dict(Application.objects.filter(call=call).values_list("pk", "status"))
    assert batch.actor == manager and (batch.changed, batch.created, batch.deleted) == (3, 0, 0)
    assert _status_changes(batch) == {a.pk: [before[a.pk], after[a.pk]] for a in applications}
    assert sorted(after.values()) == ["selected", "selected", "waitlisted"]


def test_a_promotion_records_only_the_promoted_application(personas, dataset_2018):
    call = _call(places=(("CITY", "서울시", 1),), opens=None, days=30)
    _apply_many(call, 3, "CITY")
    manager = personas[Role.OFFICE_MANAGER]
    services.eligibility_run(actor=manager, call=call)
    close_call(call)
    services.selection_run(actor=manager, call=call, seed=7)
    chosen = Application.objects.get(call=call, status="selected")
    services.application_decline(actor=None, application=chosen, now=chosen.submitted_at + timedelta(days=1))
    services.waitlist_promote(actor=manager, call=call)
    batch = ChangeBatch.objects.get(kind="intake.waitlist")
    promoted = Application.objects.exclude(pk=chosen.pk).get(call=call, status="selected")
    assert _status_changes(batch) == {promoted.pk: ["waitlisted", "selected"]}
    assert batch.changed == 1


def test_an_eligibility_run_again_records_only_the_application_that_changed(personas, dataset_2018):
    from iljari.org.models import District
    from iljari.people.models import Person

    call = _call(places=(("CITY", "서울시", 2),))
    first, second = _apply_many(call, 2, "CITY")
    manager = personas[Role.OFFICE_MANAGER]
    services.eligibility_run(actor=manager, call=call)
    Person.objects.filter(pk=second.person_id).update(district=None)  # moved out of Seoul
    assert District.objects.exists()
    services.eligibility_run(actor=manager, call=call)
    batch = ChangeBatch.objects.filter(kind="intake.eligibility").order_by("-pk").first()
    assert batch.actor == manager and batch.changed == 1
    assert _status_changes(batch) == {second.pk: ["submitted", "ineligible"]}
