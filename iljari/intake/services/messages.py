"""The messages intake sends (messaging): 접수, 자격 미충족, the selection result, promotion from the waiting list.

Each is sent after the fact is saved, inside the same transaction (messaging queues the send once it commits, so a
rolled-back step sends nothing). The system's own loads (actor None: the demo, the generator) send nothing; a
person's act does — an applicant's submission, the official's eligibility run, the approved confirmation.

Contract:
- application_submitted_notify(*, actor, application) -> None
- applications_ineligible_notify(*, actor, application_ids) -> int
- selection_result_notify(*, actor, call) -> int           every applicant of a confirmed call: 선발, 예비 (with the
      place on the waiting list), 미선발; an organisation's applications reach its contacts (their accounts)
- waitlist_promoted_notify(*, actor, call, application_ids) -> int
"""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone

from iljari.core.models import User
from iljari.intake.models import Application, Call
from iljari.messaging.services import message_send, messages_send_many
from iljari.people.models import Person

CONTACT_FIELDS = ("pk", "name", "phone", "email", "user_id")
RESULT_TEMPLATES = {
    Application.Status.SELECTED: "selection_selected",
    Application.Status.WAITLISTED: "selection_waitlisted",
    Application.Status.NOT_SELECTED: "selection_not_selected",
}


def _at(moment) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


def application_submitted_notify(*, actor, application: Application) -> None:
    if actor is None or application.person_id is None:
        return
    message_send(
        to=application.person,
        template="application_submitted",
        context={"call": application.call.title, "at": _at(application.submitted_at), "number": application.pk},
        actor=actor,
        related=application,
    )


def _recipients(applications: list[Application]) -> dict[int, list]:
    """Each application's recipients: its person, or its organisation's active contacts."""
    persons = Person.objects.filter(pk__in={a.person_id for a in applications if a.person_id}).only(*CONTACT_FIELDS)
    by_person = {p.pk: p for p in persons}
    by_organisation = defaultdict(list)
    organisation_ids = {a.organisation_id for a in applications if a.organisation_id}
    if organisation_ids:
        for user in User.objects.filter(organisation_id__in=organisation_ids, is_active=True).order_by("pk"):
            by_organisation[user.organisation_id].append(user)
    return {
        a.pk: [by_person[a.person_id]] if a.person_id else by_organisation.get(a.organisation_id, [])
        for a in applications
    }


def _send(template: str, applications: list[Application], context_of, *, actor) -> int:
    recipients = _recipients(applications)
    items = [(to, context_of(a), a) for a in applications for to in recipients[a.pk]]
    return messages_send_many(template=template, items=items, actor=actor)


def applications_ineligible_notify(*, actor, application_ids) -> int:
    if actor is None:
        return 0
    applications = list(
        Application.objects.filter(pk__in=list(application_ids))
        .select_related("call")
        .only("pk", "person_id", "organisation_id", "ineligible_reasons", "call__title")
    )
    return _send(
        "application_ineligible",
        applications,
        lambda a: {"call": a.call.title, "reasons": " · ".join(a.ineligible_reasons.splitlines())},
        actor=actor,
    )


def selection_result_notify(*, actor, call: Call) -> int:
    applications = list(
        Application.objects.filter(call=call, status__in=list(RESULT_TEMPLATES)).only(
            "pk", "person_id", "organisation_id", "status", "quota_id"
        )
    )
    waiting = {}
    run = call.selection_runs.order_by("-run_at", "-pk").first()
    if run is not None:
        places = defaultdict(int)
        for application_id, quota_id in (
            run.results.filter(application__status=Application.Status.WAITLISTED)
            .order_by("quota_id", "rank")
            .values_list("application_id", "quota_id")
        ):
            places[quota_id] += 1
            waiting[application_id] = places[quota_id]
    by_status = defaultdict(list)
    for application in applications:
        by_status[application.status].append(application)
    sent = 0
    for status, group in by_status.items():
        sent += _send(
            RESULT_TEMPLATES[status],
            group,
            lambda a: {"call": call.title, "rank": waiting.get(a.pk, "")},
            actor=actor,
        )
    return sent


def waitlist_promoted_notify(*, actor, call: Call, application_ids) -> int:
    if actor is None:
        return 0
    applications = list(
        Application.objects.filter(pk__in=list(application_ids)).only("pk", "person_id", "organisation_id")
    )
    return _send("waitlist_promoted", applications, lambda a: {"call": call.title}, actor=actor)
