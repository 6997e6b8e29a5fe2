"""The 취업날개 desk's reads, scoped to the user (the office and the auditor read every point; a partner agency the
points its partner runs): suit items, rentals, the rentals past their due day (the work list), and a year's counts.

Contract:
- rental_points(*, user) -> list[ServicePoint]              the 일자리카페 points the user reads
- rental_work_points(*, user) -> list[ServicePoint]         those the user works at (records items and rentals)
- suit_item_list(*, user, query="", service_point="", state="") -> QuerySet[SuitItem]
- suit_item_get(*, user, code) -> SuitItem                   404 outside the scope; `.can_work`
- suit_rental_list(*, user, query="", service_point="", status="", overdue_on=None) -> QuerySet[SuitRental]
      `query`: a part of the borrower's name or an item's number; `overdue_on`: only rentals still out after their
      due day as of that day (the work list's "반납 기한 지난 대여")
- suit_rental_get(*, user, pk) -> SuitRental                 404 outside the scope; `.can_work`
- suit_rentals_overdue(*, user, on) -> QuerySet              the rentals the user works on that are past due
- suit_points_public() / suit_items_public(*, points) / my_suit_rentals(*, user) / my_suit_rental_get(*, user, pk)
      the portal: the cafés, the items a citizen may ask for, the citizen's own rentals (404 for another's)
- suit_counts(*, year, as_of, service_point=None) -> dict   (the system's read) rentals, returns, late returns,
      items in stock: the report prints none of them (only a satisfaction survey in '18.11월)
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from iljari.core.access import access_book, access_frontline_view, access_service_point_work, require, scope_rows
from iljari.frontline.models import ServicePoint, SuitItem, SuitRental

RENTAL_KINDS = (ServicePoint.Kind.JOB_CAFE,)


def rental_points(*, user) -> list[ServicePoint]:
    require(access_frontline_view(user))
    rows = scope_rows(
        user,
        ServicePoint.objects.filter(kind__in=RENTAL_KINDS).select_related("division", "partner"),
        partner="partner",
    )
    return list(rows.order_by("code"))


def rental_work_points(*, user) -> list[ServicePoint]:
    return [point for point in rental_points(user=user) if access_service_point_work(user, point)]


def _items(user):
    require(access_frontline_view(user))
    return scope_rows(
        user,
        SuitItem.objects.select_related("service_point__division", "service_point__partner"),
        partner="service_point__partner",
    )


def suit_item_list(*, user, query: str = "", service_point: str = "", state: str = ""):
    rows = _items(user)
    if service_point:
        rows = rows.filter(service_point__code=service_point)
    if state in SuitItem.State.values:
        rows = rows.filter(state=state)
    if query:
        rows = rows.filter(Q(code__icontains=query) | Q(size__icontains=query) | Q(colour__icontains=query))
    return rows.order_by("service_point__code", "kind", "code")


def suit_item_get(*, user, code: str) -> SuitItem:
    item = get_object_or_404(_items(user), code=code)
    item.can_work = access_service_point_work(user, item.service_point)
    return item


def _rentals(user):
    require(access_frontline_view(user))
    return scope_rows(
        user,
        SuitRental.objects.select_related(
            "service_point__division", "service_point__partner", "person", "user"
        ).prefetch_related("items"),
        partner="service_point__partner",
    )


def suit_rental_list(
    *, user, query: str = "", service_point: str = "", status: str = "", overdue_on: date | None = None
):
    rows = _rentals(user)
    if service_point:
        rows = rows.filter(service_point__code=service_point)
    if status in SuitRental.Status.values:
        rows = rows.filter(status=status)
    if overdue_on is not None:
        rows = rows.filter(status=SuitRental.Status.RENTED, due_on__lt=overdue_on)
    if query:
        matching = SuitItem.objects.filter(code__icontains=query).values("rentals")
        rows = rows.filter(
            Q(person__name__icontains=query) | Q(user__display_name__icontains=query) | Q(pk__in=matching)
        )
    return rows.order_by("-visit_on", "-id")


def suit_rental_get(*, user, pk: int) -> SuitRental:
    rental = get_object_or_404(_rentals(user), pk=pk)
    rental.can_work = access_service_point_work(user, rental.service_point)
    return rental


def suit_rentals_overdue(*, user, on: date):
    """Rentals still out after their due day, at the points the user works at (the work list and its link)."""
    points = [point.pk for point in rental_work_points(user=user)]
    return suit_rental_list(user=user, overdue_on=on).filter(service_point__in=points)


def suit_counts(*, year: int, as_of: date, service_point=None, items: bool = True) -> dict:
    """A year's rentals up to as_of: picked up (rentals), returned and returned late; the items in stock now (not
    retired; items=False leaves them out). The system's read: the figures page calls it behind its own gate."""
    start = date(year, 1, 1)
    items_wanted = items
    rentals, items = SuitRental.objects.all(), SuitItem.objects.all()
    if service_point is not None:
        rentals, items = rentals.filter(service_point=service_point), items.filter(service_point=service_point)
    counts = rentals.filter(picked_up_on__range=(start, as_of)).aggregate(
        rentals=Count("id"),
        returns=Count("id", filter=Q(returned_on__lte=as_of)),
        late=Count("id", filter=Q(returned_on__lte=as_of, late=True)),
    )
    if not items_wanted:
        return counts
    return {**counts, "items": items.exclude(state=SuitItem.State.RETIRED).count()}


# --- the citizen's own (the portal) ----------------------------------------------------------------------------


def suit_points_public() -> list[ServicePoint]:
    """The 일자리카페 points taking rentals (open to a citizen who books a fitting visit)."""
    return list(ServicePoint.objects.filter(kind__in=RENTAL_KINDS, is_active=True).order_by("code"))


def suit_items_public(*, points) -> list[SuitItem]:
    """The items a citizen may ask for: those of the points, not under repair nor retired."""
    return list(
        SuitItem.objects.filter(service_point__in=points, state__in=[SuitItem.State.AVAILABLE, SuitItem.State.RENTED])
        .select_related("service_point")
        .order_by("service_point__code", "kind", "size", "code")
    )


def my_suit_rentals(*, user):
    require(access_book(user))
    return (
        SuitRental.objects.filter(user=user)
        .select_related("service_point")
        .prefetch_related("items")
        .order_by("-visit_on", "-id")
    )


def my_suit_rental_get(*, user, pk: int) -> SuitRental:
    return get_object_or_404(my_suit_rentals(user=user), pk=pk)
