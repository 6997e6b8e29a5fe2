"""The 취업날개 desk's pages: the rentals (list with search, sort, the overdue filter of the work list and the
minimised xlsx export; book; a rental with pickup, return and cancel) and the suit items (list and export; add;
an item with its edit, its state and its rentals). Reading: every frontline reader in scope; writing: the point's
own staff (access_service_point_work, checked again by the services)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import access_frontline_view, access_service_point_work, require
from iljari.core.downloads import download_named
from iljari.core.errors import IljariError, NotFound, field_error
from iljari.core.formats import screen_date
from iljari.core.http import XLSX, log_person_access, paginate, personal_export, service_step
from iljari.core.korean import with_object
from iljari.core.lists import list_note, list_read, list_sheet
from iljari.core.worklist import worklist_day
from iljari.frontline import selectors, services
from iljari.frontline.lists import SUIT_ITEMS, SUIT_RENTALS
from iljari.frontline.models import SuitItem, SuitRental
from iljari.frontline.suit_forms import (
    SuitItemForm,
    SuitItemStateForm,
    SuitPickupForm,
    SuitRentalForm,
    SuitReturnForm,
    SuitSettingsForm,
)
from iljari.frontline.views.common import pick
from iljari.people import selectors as people_selectors


def _require_work(user, point) -> None:
    require(access_service_point_work(user, point), f"{point.name}의 업무를 기록할 권한이 없습니다.")


# --- rentals --------------------------------------------------------------------------------------------------


def _rentals(request):
    listing = list_read(request, SUIT_RENTALS)
    point = request.GET.get("point", "").strip()[:32]
    status = request.GET.get("status", "").strip()[:12]
    overdue = request.GET.get("overdue") == "1"
    if overdue:  # the work list's link: the same selector as its count
        rows = selectors.suit_rentals_overdue(user=request.user, on=worklist_day(request))
        if point:
            rows = rows.filter(service_point__code=point)
        if listing.q:
            rows = rows & selectors.suit_rental_list(user=request.user, query=listing.q)
    else:
        rows = selectors.suit_rental_list(user=request.user, query=listing.q, service_point=point, status=status)
    return listing, {"point": point, "status": status, "overdue": overdue}, listing.order(rows)


@login_required
def suit_rental_list(request):
    require(access_frontline_view(request.user))
    listing, kept, rows = _rentals(request)
    page = paginate(request, rows)
    person_ids = [row.person_id for row in page if row.person_id]
    log_person_access(request, "search" if listing.q else "view", person_ids, "취업날개 대여 목록")
    return render(
        request,
        "frontline/suits/rental_list.html",
        {
            "page": page,
            "listing": listing,
            **kept,
            "points": selectors.rental_points(user=request.user),
            "statuses": SuitRental.Status.choices,
            "can_record": bool(selectors.rental_work_points(user=request.user)),
            "today": timezone.localdate(),
        },
    )


@login_required
def suit_rental_export(request):
    """The rentals as the list shows them, every row, as xlsx: minimised for the purpose and written to the access
    log (core.http.personal_export)."""
    require(access_frontline_view(request.user))
    listing, _kept, rows = _rentals(request)
    return personal_export(
        request,
        export=SUIT_RENTALS.export,
        subject_ids=rows.exclude(person=None).values_list("person_id", flat=True),
        detail=f"취업날개 대여 목록 · {list_note(listing)}",
        build=lambda: list_sheet(listing, rows.iterator(chunk_size=2000)),
        filename="취업날개 대여 목록.xlsx",
        back=reverse("frontline:suit_rental_list"),
        fallback="suit-rentals.xlsx",
    )


@login_required
def suit_rental_create(request):
    require(access_frontline_view(request.user))
    points = selectors.rental_work_points(user=request.user)
    require(bool(points), "취업날개 대여를 기록할 수 있는 창구가 없습니다.")
    items = [
        item
        for item in selectors.suit_item_list(user=request.user).filter(service_point__in=points)
        if item.state in {SuitItem.State.AVAILABLE, SuitItem.State.RENTED}
    ]
    initial = {"visit_on": timezone.localdate(), "service_point": points[0].code}
    form = SuitRentalForm(request.POST or None, points=points, items=items, initial=initial)

    def save(data):
        point = pick(points, data["service_point"])
        try:
            person = people_selectors.person_get(user=request.user, pk=data["person"])
        except IljariError:
            raise field_error("person", "그 번호의 등록된 사람을 찾을 수 없습니다.") from None
        chosen = [item for item in items if item.code in set(data["items"])]
        rental = services.suit_rental_book(
            actor=request.user,
            service_point=point,
            visit_on=data["visit_on"],
            items=chosen,
            person=person,
            purpose=data["purpose"],
        )
        log_person_access(request, "create", [person.pk], f"취업날개 대여 {rental.pk}")
        return f"대여를 예약했습니다. 반납 기한은 {screen_date(rental.due_on)}입니다.", rental.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(request, "frontline/suits/rental_form.html", {"form": f}, status=status),
    )


def _rental_page(request, rental, *, pickup_form=None, return_form=None, status=200):
    if rental.person_id:
        log_person_access(request, "view", [rental.person_id], f"취업날개 대여 {rental.pk}")
    today = timezone.localdate()
    return render(
        request,
        "frontline/suits/rental_detail.html",
        {
            "rental": rental,
            "items": list(rental.items.all()),
            "overdue": rental.status == SuitRental.Status.RENTED and rental.due_on < today,
            "pickup_form": pickup_form
            or SuitPickupForm(initial={"on": max(min(today, rental.due_on), rental.visit_on)}),
            "return_form": return_form or SuitReturnForm(rental=rental, initial={"returned_on": today}),
        },
        status=status,
    )


@login_required
def suit_rental_detail(request, pk: int):
    return _rental_page(request, selectors.suit_rental_get(user=request.user, pk=pk))


@login_required
@require_POST
def suit_rental_pickup(request, pk: int):
    rental = selectors.suit_rental_get(user=request.user, pk=pk)
    _require_work(request.user, rental.service_point)

    def save(data):
        services.suit_rental_pickup(actor=request.user, rental=rental, on=data["on"])
        return "수령을 기록했습니다.", rental.get_absolute_url()

    return service_step(
        request,
        save,
        form=SuitPickupForm(request.POST),
        render_page=lambda f, status: _rental_page(request, rental, pickup_form=f, status=status),
    )


@login_required
@require_POST
def suit_rental_return(request, pk: int):
    rental = selectors.suit_rental_get(user=request.user, pk=pk)
    _require_work(request.user, rental.service_point)

    def save(data):
        repair = [item for item in rental.items.all() if item.code in set(data["repair_items"])]
        done = services.suit_rental_return(
            actor=request.user,
            rental=rental,
            returned_on=data["returned_on"],
            condition_note=data["condition_note"],
            repair_items=repair,
        )
        return ("반납을 기록했습니다(연체 반납)." if done.late else "반납을 기록했습니다."), rental.get_absolute_url()

    return service_step(
        request,
        save,
        form=SuitReturnForm(request.POST, rental=rental),
        render_page=lambda f, status: _rental_page(request, rental, return_form=f, status=status),
    )


@login_required
@require_POST
def suit_rental_cancel(request, pk: int):
    rental = selectors.suit_rental_get(user=request.user, pk=pk)
    _require_work(request.user, rental.service_point)

    def run():
        services.suit_rental_cancel(actor=request.user, rental=rental)
        return "예약을 취소했습니다.", rental.get_absolute_url()

    return service_step(request, run, back=rental.get_absolute_url())


# --- items ----------------------------------------------------------------------------------------------------


def _items(request):
    listing = list_read(request, SUIT_ITEMS)
    point = request.GET.get("point", "").strip()[:32]
    state = request.GET.get("state", "").strip()[:12]
    rows = selectors.suit_item_list(user=request.user, query=listing.q, service_point=point, state=state)
    return listing, point, state, listing.order(rows)


@login_required
def suit_item_list(request):
    require(access_frontline_view(request.user))
    listing, point, state, rows = _items(request)
    return render(
        request,
        "frontline/suits/item_list.html",
        {
            "page": paginate(request, rows),
            "listing": listing,
            "point": point,
            "state": state,
            "points": selectors.rental_points(user=request.user),
            "states": SuitItem.State.choices,
            "can_record": bool(selectors.rental_work_points(user=request.user)),
        },
    )


@login_required
def suit_item_export(request):
    require(access_frontline_view(request.user))
    listing, _point, _state, rows = _items(request)
    response = HttpResponse(list_sheet(listing, rows.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "취업날개 대여 물품.xlsx", fallback="suit-items.xlsx")
    return response


@login_required
def suit_item_create(request):
    require(access_frontline_view(request.user))
    points = selectors.rental_work_points(user=request.user)
    require(bool(points), "취업날개 물품을 등록할 수 있는 창구가 없습니다.")
    form = SuitItemForm(request.POST or None, points=points, initial={"service_point": points[0].code})

    def save(data):
        item = services.suit_item_set(
            actor=request.user,
            service_point=pick(points, data["service_point"]),
            code=data["code"],
            kind=data["kind"],
            size=data["size"],
            sex=data["sex"],
            colour=data["colour"],
            note=data["note"],
            new=True,
        )
        return f"물품 {with_object(item.code)} 등록했습니다.", item.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(
            request, "frontline/suits/item_form.html", {"form": f, "item": None}, status=status
        ),
    )


def _item_page(request, item, *, edit_form=None, state_form=None, status=200):
    rentals = list(
        item.rentals.select_related("person", "user").order_by("-visit_on", "-id")[:20]
    )  # the item's newest rentals
    log_person_access(request, "view", [r.person_id for r in rentals if r.person_id], f"취업날개 물품 {item.code}")
    return render(
        request,
        "frontline/suits/item_detail.html",
        {
            "item": item,
            "rentals": rentals,
            "edit_form": edit_form
            or SuitItemForm(
                points=[item.service_point],
                editing=True,
                initial={
                    "service_point": item.service_point.code,
                    "code": item.code,
                    "kind": item.kind,
                    "sex": item.sex,
                    "size": item.size,
                    "colour": item.colour,
                    "note": item.note,
                },
            ),
            "state_form": state_form or SuitItemStateForm(initial={"state": item.state}),
        },
        status=status,
    )


@login_required
def suit_item_detail(request, code: str):
    item = selectors.suit_item_get(user=request.user, code=code)
    if request.method != "POST":
        return _item_page(request, item)
    _require_work(request.user, item.service_point)
    form = SuitItemForm(
        request.POST,
        points=[item.service_point],
        editing=True,
        initial={"service_point": item.service_point.code, "code": item.code},
    )

    def save(data):
        services.suit_item_set(
            actor=request.user,
            service_point=item.service_point,
            code=item.code,
            kind=data["kind"],
            size=data["size"],
            sex=data["sex"],
            colour=data["colour"],
            note=data["note"],
        )
        return "물품을 저장했습니다.", item.get_absolute_url()

    return service_step(
        request, save, form=form, render_page=lambda f, status: _item_page(request, item, edit_form=f, status=status)
    )


@login_required
@require_POST
def suit_item_state(request, code: str):
    item = selectors.suit_item_get(user=request.user, code=code)
    _require_work(request.user, item.service_point)

    def save(data):
        services.suit_item_state_set(actor=request.user, item=item, state=data["state"], note=data["note"])
        return "물품 상태를 바꿨습니다.", item.get_absolute_url()

    return service_step(
        request,
        save,
        form=SuitItemStateForm(request.POST),
        render_page=lambda f, status: _item_page(request, item, state_form=f, status=status),
    )


@login_required
def suit_settings(request, code: str):
    """A café's 취업날개 settings (기본 자료): its division's staff or the office manager."""
    point = selectors.manage_points(user=request.user).filter(code=code, kind__in=selectors.RENTAL_KINDS).first()
    if point is None:
        raise NotFound()
    initial = {"rental_days": point.rental_days, "rentals_per_year": point.rentals_per_year}
    form = SuitSettingsForm(request.POST or None, initial=initial)

    def save(data):
        services.suit_settings_set(actor=request.user, service_point=point, **data)
        return f"{point.name}의 대여 설정을 저장했습니다.", reverse("frontline:setup")

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(
            request,
            "frontline/setup_form.html",
            {"form": f, "title": f"{point.name} 취업날개 대여 설정", "back": reverse("frontline:setup")},
            status=status,
        ),
    )
