"""The set-up pages (기본 자료) of every desk: a point's opening hours, rooms, programmes and their sessions,
shelters and closed days, each record kept by its division (access_frontline_manage)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import access_frontline_closure_change, access_frontline_manage_any, require
from iljari.core.errors import NotFound
from iljari.core.formats import screen_date
from iljari.core.http import service_step
from iljari.core.korean import with_object
from iljari.frontline import selectors, services
from iljari.frontline.forms import ClosureForm, PointHoursForm, ProgrammeForm, RoomForm, SessionForm, ShelterForm
from iljari.frontline.views.common import pick


def _setup_form(request, form, save, *, title: str, back: str):
    """The one set-up form page: `save(cleaned_data) -> (message, url)` through service_step."""
    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(
            request, "frontline/setup_form.html", {"form": f, "title": title, "back": back}, status=status
        ),
    )


def _setup_set(request, form, write, *, record, noun: str, name, done=None):
    """The set-up form of one record kept by its code (a room, a programme, a shelter): `write(data, code=, new=)`
    saves it through its service and returns it; the message names it, and the page goes back to the set-up (or to
    `done(saved)`)."""

    def save(data):
        saved = write(data, code=data.pop("code").strip(), new=record is None)
        return f"{noun} {with_object(name(saved))} 저장했습니다.", done(saved) if done else reverse("frontline:setup")

    title = f"{noun} 수정 · {name(record)}" if record else f"{noun} 등록"
    return _setup_form(request, form, save, title=title, back=reverse("frontline:setup"))


@login_required
def setup(request):
    require(access_frontline_manage_any(request.user), "현장 서비스의 기본 자료를 바꿀 권한이 없습니다.")
    divisions = selectors.manage_divisions(user=request.user)
    points = list(selectors.manage_points(user=request.user))
    context = {
        "points": points,
        "rooms": selectors.manage_rooms(user=request.user),
        "programmes": selectors.programme_list(user=request.user).filter(division__in=divisions),
        "shelters": selectors.shelter_list(user=request.user).filter(division__in=divisions),
    }
    return render(request, "frontline/setup.html", context)


@login_required
def point_hours(request, code: str):
    point = selectors.manage_points(user=request.user).filter(code=code).first()
    if point is None:
        raise NotFound()
    initial = {
        "weekday_opens": point.weekday_opens,
        "weekday_closes": point.weekday_closes,
        "saturday_opens": point.saturday_opens,
        "saturday_closes": point.saturday_closes,
    }
    form = PointHoursForm(request.POST or None, initial=initial)

    def save(data):
        services.service_point_hours_set(actor=request.user, service_point=point, **data)
        return f"{point.name}의 운영시간을 저장했습니다.", reverse("frontline:setup")

    return _setup_form(request, form, save, title=f"{point.name} 운영시간", back=reverse("frontline:setup"))


@login_required
def room_edit(request, code: str | None = None):
    points = list(selectors.manage_points(user=request.user))
    room = selectors.manage_room_get(user=request.user, code=code) if code else None
    initial = {"max_hours_per_day": 3, "is_active": True}
    if room is not None:
        initial = {
            "code": room.code,
            "service_point": room.service_point.code,
            "name": room.name,
            "kind": room.kind,
            "capacity": room.capacity,
            "max_hours_per_day": room.max_hours_per_day,
            "is_active": room.is_active,
        }
    form = RoomForm(request.POST or None, points=points, editing=room is not None, initial=initial)

    def write(data, **key):
        return services.room_set(
            actor=request.user, service_point=pick(points, data.pop("service_point")), **key, **data
        )

    return _setup_set(request, form, write, record=room, noun="공간", name=lambda r: r.name)


@login_required
def programme_edit(request, code: str | None = None):
    divisions = list(selectors.manage_divisions(user=request.user))
    points = list(selectors.manage_points(user=request.user))
    programme = selectors.manage_programme_get(user=request.user, code=code) if code else None
    initial = {"public": True, "sessions_to_complete": 1}
    if programme is not None:
        initial = {
            "code": programme.code,
            "title": programme.title,
            "kind": programme.kind,
            "division": programme.division.code,
            "service_point": programme.service_point.code if programme.service_point else "",
            "public": programme.public,
            "sessions_to_complete": programme.sessions_to_complete,
        }
    form = ProgrammeForm(
        request.POST or None, divisions=divisions, points=points, editing=programme is not None, initial=initial
    )

    def write(data, **key):
        division = pick(divisions, data.pop("division"))
        data["service_point"] = pick(points, data.pop("service_point"))
        return services.programme_set(actor=request.user, division=division, **key, **data)

    return _setup_set(
        request,
        form,
        write,
        record=programme,
        noun="프로그램",
        name=lambda p: p.title,
        done=lambda saved: reverse("frontline:programme_detail", args=[saved.code]),
    )


@login_required
def session_edit(request, code: str | None = None, pk: int | None = None):
    if pk is not None:
        session = selectors.manage_session_get(user=request.user, pk=pk)
        programme = session.programme
        initial = {"title": session.title, "day": session.day, "starts": session.starts, "capacity": session.capacity}
    else:
        session, programme = None, selectors.manage_programme_get(user=request.user, code=code)
        initial = {"starts": 14, "title": f"{programme.sessions.count() + 1}회차"}
    form = SessionForm(request.POST or None, initial=initial)

    def save(data):
        services.session_set(actor=request.user, programme=programme, session=session, new=session is None, **data)
        return f"{with_object(data['title'])} 저장했습니다.", reverse(
            "frontline:programme_detail", args=[programme.code]
        )

    title = f"{programme.title} · " + (f"{session.title} 수정" if session else "회차 추가")
    return _setup_form(
        request, form, save, title=title, back=reverse("frontline:programme_detail", args=[programme.code])
    )


@login_required
def shelter_edit(request, code: str | None = None):
    divisions = list(selectors.manage_divisions(user=request.user))
    shelter = selectors.manage_shelter_get(user=request.user, code=code) if code else None
    initial = {}
    if shelter is not None:
        initial = {name: getattr(shelter, name) for name in ShelterForm.base_fields if name != "division"}
        initial["division"] = shelter.division.code
    form = ShelterForm(request.POST or None, divisions=divisions, editing=shelter is not None, initial=initial)

    def write(data, **key):
        return services.shelter_set(actor=request.user, division=pick(divisions, data.pop("division")), **key, **data)

    return _setup_set(request, form, write, record=shelter, noun="쉼터", name=lambda r: r.name)


@login_required
def closure_list(request):
    require(access_frontline_manage_any(request.user), "휴관일을 바꿀 권한이 없습니다.")
    points = list(selectors.manage_points(user=request.user))
    all_points = access_frontline_closure_change(request.user, None)
    form = ClosureForm(request.POST or None, points=points, all_points=all_points)

    def save(data):
        data["service_point"] = pick(points, data.pop("service_point"))
        services.closure_set(actor=request.user, **data)
        return f"{screen_date(data['day'])} 휴관일을 저장했습니다.", reverse("frontline:closure_list")

    since = timezone.localdate().replace(month=1, day=1)

    def render_page(f, status):
        closures = selectors.closure_list(user=request.user, since=since)
        context = {"form": f, "closures": closures, "since": since, "all_points": all_points}
        return render(request, "frontline/closure_list.html", context, status=status)

    return service_step(request, save, form=form, render_page=render_page)


@login_required
@require_POST
def closure_delete(request, pk: int):
    closure = selectors.manage_closure_get(user=request.user, pk=pk)
    url = reverse("frontline:closure_list")

    def delete():
        services.closure_delete(actor=request.user, closure=closure)
        return f"{screen_date(closure.day)} 휴관일을 지웠습니다.", url

    return service_step(request, delete, back=url)
