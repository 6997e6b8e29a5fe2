"""The shell's own pages: home (the work list and a few key figures; a visitor's home in public.py), the search,
the Korean error pages."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils import timezone

from iljari.core.access import access_office_figures_view, access_office_view, figures_unit_path, require
from iljari.core.http import log_person_access, paginate
from iljari.core.period import default_period
from iljari.core.worklist import worklist_day, worklist_items
from iljari.enterprises import selectors as enterprises_selectors
from iljari.finance.selectors import budget_execution
from iljari.intake.selectors import open_call_list
from iljari.people import selectors as people_selectors
from iljari.web import records
from iljari.web.portal_home import citizen_home, organisation_home
from iljari.web.public import visitor_home
from iljari.web.search import search_all, search_query


def _key_figures(user) -> dict | None:
    """The office's budget execution as of its latest day with figures (the division's for division staff) and the
    calls open today: what the office manager used to open the dashboard for."""
    if not access_office_figures_view(user):
        return None
    year, as_of = default_period()
    execution = budget_execution(user=user, year=year, as_of=as_of, unit_path=figures_unit_path(user))
    return {
        "year": year,
        "as_of": as_of,
        "budget": execution.total,
        "division": figures_unit_path(user) is not None,
        "open_calls": open_call_list().count(),
    }


def home(request):
    if not request.user.is_authenticated:
        return visitor_home(request)  # a visitor's home: the pages open to all (web/public.py)
    # the work list is of today, or of the day the official asks for (?on=2018-06-30: the demo's own day, or a look
    # back at what was due then); its links carry the same day
    today = worklist_day(request)
    official = access_office_view(request.user)
    context = {
        "today": today,
        "real_today": timezone.localdate(),
        "official": official,
        "work_items": worklist_items(request.user, today=today) if official else [],
        "figures": _key_figures(request.user),
        "portal": {}
        if official
        else citizen_home(user=request.user, today=today) or organisation_home(user=request.user, today=today),
    }
    return render(request, "web/home.html", context)


@login_required
def participant(request, pk: int):
    """One participant on one page for staff: applications, placements, work and pay, training, consultations,
    bookings (web/records.py). Scoped like the person's own page (404 outside) and written to the access log."""
    person = people_selectors.person_get(user=request.user, pk=pk)
    sections = records.participant_sections(user=request.user, person=person)
    log_person_access(request, "view", [person.pk], "참여자 한 장 보기")
    return render(request, "web/participant.html", {"person": person, "sections": sections})


@login_required
def organisation(request, pk: int):
    """One organisation on one page for staff: applications, certifications, grants, loans, procurement."""
    found = enterprises_selectors.organisation_get(user=request.user, pk=pk)
    sections = records.organisation_sections(user=request.user, organisation=found)
    return render(request, "web/organisation.html", {"organisation": found, "sections": sections})


@login_required
def search(request):
    """The header's search over menu items and the records the user may see, grouped by kind (web/search.py); one
    kind's full results paginated with ?kind=. People found are written to the access log, as the people list does."""
    require(access_office_view(request.user))
    query = search_query(request.GET.get("q", ""))
    kind = request.GET.get("kind", "")
    groups = search_all(user=request.user, query=query)
    if kind in {group.kind for group in groups}:
        groups = [group for group in groups if group.kind == kind]
        group = groups[0]
        group.page = paginate(request, group.rows)
    people = [row.pk for group in groups if group.kind == "people" for row in group.shown]
    if people:
        log_person_access(request, "search", people, "통합 검색")
    context = {"query": query, "search_query": query, "groups": groups, "kind": kind}
    return render(request, "web/search.html", context)


def favicon(request):
    return redirect(static("vendor/krds/img/favicon/favicon-32x32.png"), permanent=True)


def _error(request, template: str, status: int, message: str = ""):
    return render(request, template, {"error_message": message}, status=status)


def bad_request(request, exception=None):
    return _error(request, "400.html", 400)


def permission_denied(request, exception=None):
    message = getattr(exception, "message", "") or ""
    return _error(request, "403.html", 403, message)


def page_not_found(request, exception=None):
    return _error(request, "404.html", 404)


def server_error(request):
    # Rendered without the request context: the page must come up even when the database is down.
    return HttpResponseServerError(loader.get_template("500.html").render({}))


def csrf_failure(request, reason=""):
    message = (
        "보안 확인(CSRF)에 실패했습니다. 페이지를 새로 고친 뒤 다시 시도하십시오. "
        "오래 열어 둔 화면이라면 다시 로그인하십시오."
    )
    return _error(request, "403.html", 403, message)
