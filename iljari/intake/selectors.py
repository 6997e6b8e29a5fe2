"""intake selectors — calls, their figures, applications.

Contract:
- call_list(*, user) -> QuerySet[Call]                         (office: every call)
- open_call_list(*, now=None) -> QuerySet[Call]                (portal: calls for people open now)
- call_get(*, user, code) -> Call                              (office)
- portal_call_get(*, code) -> Call                             (portal: calls for people)
- call_figures(*, call) -> CallFigures                         places, applicants, competition ratio per quota
- application_list(*, user, call, status="") -> QuerySet[Application]
- my_application_list(*, user) -> QuerySet[Application]        (a citizen's own)
- competition_ratio_text(applicants, places) -> "7:1"
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from iljari.core.access import access_applications_view, require
from iljari.core.errors import NotFound
from iljari.intake.models import Application, Call

COUNTED = [s for s in Application.Status.values if s != Application.Status.WITHDRAWN]


def competition_ratio_text(applicants: int, places: int) -> str:
    """As the office prints it: 6,617 applicants for 944 places is "7:1", 541 for 100 is "5.4:1"."""
    if not places:
        return "-"
    ratio = (Decimal(applicants) / Decimal(places)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{ratio:f}".rstrip("0").rstrip(".")
    return f"{text}:1"


def call_list(*, user) -> QuerySet[Call]:
    require(access_applications_view(user))
    return Call.objects.select_related("programme", "programme__division").annotate(
        places=Sum("quotas__places", distinct=True),
    )


def open_call_list(*, now=None) -> QuerySet[Call]:
    now = now or timezone.now()
    return Call.objects.filter(audience=Call.Audience.PEOPLE, opens_at__lte=now, closes_at__gt=now).select_related(
        "programme"
    )


def call_get(*, user, code: str) -> Call:
    require(access_applications_view(user))
    call = Call.objects.select_related("programme", "programme__division").filter(code=code).first()
    if call is None:
        raise NotFound("모집공고를 찾을 수 없습니다.")
    return call


def portal_call_get(*, code: str) -> Call:
    call = Call.objects.select_related("programme").filter(code=code, audience=Call.Audience.PEOPLE).first()
    if call is None:
        raise NotFound("모집공고를 찾을 수 없습니다.")
    return call


@dataclass
class QuotaFigures:
    quota: object
    applicants: int
    selected: int
    waitlisted: int

    @property
    def ratio(self) -> str:
        return competition_ratio_text(self.applicants, self.quota.places)


@dataclass
class CallFigures:
    quotas: list[QuotaFigures]

    @property
    def places(self) -> int:
        return sum(q.quota.places for q in self.quotas)

    @property
    def applicants(self) -> int:
        return sum(q.applicants for q in self.quotas)

    @property
    def ratio(self) -> str:
        return competition_ratio_text(self.applicants, self.places)


def call_figures(*, call: Call) -> CallFigures:
    quotas = call.quotas.annotate(
        applicants=Count("applications", filter=Q(applications__status__in=COUNTED)),
        selected=Count("applications", filter=Q(applications__status=Application.Status.SELECTED)),
        waitlisted=Count("applications", filter=Q(applications__status=Application.Status.WAITLISTED)),
    )
    return CallFigures([QuotaFigures(q, q.applicants, q.selected, q.waitlisted) for q in quotas])


def application_list(*, user, call: Call, status: str = "") -> QuerySet[Application]:
    require(access_applications_view(user))
    applications = call.applications.select_related("person", "quota").annotate(total=Sum("scores__score"))
    if status:
        applications = applications.filter(status=status)
    return applications.order_by("quota__order", "-total", "pk")


def my_application_list(*, user) -> QuerySet[Application]:
    return Application.objects.filter(person__user=user).select_related("call", "quota").order_by("-submitted_at")
