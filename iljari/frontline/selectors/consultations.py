"""The consultations and cases desk's reads: consultation topics, consultations (the notes only for the point's own
staff), cases and workplace visits, scoped to the user."""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404

from iljari.core.access import access_frontline_view, access_service_point_work, require, scope_rows
from iljari.frontline.models import Consultation, ConsultationTopic, FollowUp, LabourCase, WorkplaceVisit


def topic_list():
    return ConsultationTopic.objects.filter(is_active=True)


def consultation_list(*, user, query: str = "", service_point: str = ""):
    require(access_frontline_view(user))
    rows = scope_rows(
        user,
        Consultation.objects.select_related("service_point", "topic", "person", "advisor"),
        partner="service_point__partner",
    ).defer("notes")
    if service_point:
        rows = rows.filter(service_point__code=service_point)
    if query:
        rows = rows.filter(
            Q(person__name__icontains=query)
            | Q(client_label__icontains=query)
            | Q(topic__name__icontains=query)
            | Q(employer__icontains=query)
        )
    return rows.order_by("-held_on", "-id")


def person_consultation_list(*, user, person_id: int):
    """One person's consultations in scope, newest first (the participant's one page in web); notes never read."""
    return consultation_list(user=user).filter(person_id=person_id)


def consultation_get(*, user, pk: int) -> Consultation:
    require(access_frontline_view(user))
    rows = scope_rows(
        user,
        Consultation.objects.select_related("service_point__division", "service_point__partner", "topic", "person"),
        partner="service_point__partner",
    ).prefetch_related(Prefetch("follow_ups", queryset=FollowUp.objects.order_by("due_on", "id")))
    consultation = get_object_or_404(rows, pk=pk)
    consultation.notes_visible = access_service_point_work(user, consultation.service_point)
    if not consultation.notes_visible:
        consultation.notes = ""
        for follow_up in consultation.follow_ups.all():
            follow_up.note = ""
    consultation.case_row = LabourCase.objects.filter(consultation=consultation).first()
    return consultation


def case_list(*, user, query: str = ""):
    require(access_frontline_view(user))
    rows = scope_rows(
        user, LabourCase.objects.select_related("service_point", "advocate"), partner="service_point__partner"
    )
    if query:
        rows = rows.filter(Q(claimant__icontains=query) | Q(respondent__icontains=query))
    return rows.order_by("-opened_on", "-id")


def case_get(*, user, pk: int) -> LabourCase:
    rows = case_list(user=user).select_related("service_point__division", "consultation")
    case = get_object_or_404(rows.prefetch_related("steps"), pk=pk)
    case.can_work = access_service_point_work(user, case.service_point)
    return case


def visit_list(*, user, query: str = ""):
    require(access_frontline_view(user))
    rows = scope_rows(
        user, WorkplaceVisit.objects.select_related("service_point", "checks"), partner="service_point__partner"
    )
    if query:
        rows = rows.filter(workplace__icontains=query)
    return rows.order_by("-visited_on", "-id")


def visit_get(*, user, pk: int) -> WorkplaceVisit:
    rows = visit_list(user=user).select_related("service_point__division").prefetch_related("follow_up_visits")
    return get_object_or_404(rows, pk=pk)
