"""What every page's shell needs: the office name, the user's role and the navigation for it."""

from django.conf import settings

from iljari.core.access import access_office_view
from iljari.core.accesslog import print_token_make
from iljari.web.nav import nav_for


def _print_token(user, printable) -> str:
    """The signed list of the people this page showed, for its 인쇄 button (core.accesslog.access_log_print)."""
    return print_token_make(
        user=user, subject_type="people.person", subject_ids=printable["ids"], detail=" · ".join(printable["details"])
    )


def shell(request) -> dict:
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    current = match.view_name if match else ""
    printable = getattr(request, "ilj_printable", None)
    return {
        "print_token": _print_token(user, printable) if printable and user.is_authenticated else "",
        "office_name": "일자리노동정책관",
        "system_name": "일자리 관리정보시스템",
        "nav_items": nav_for(user, current) if user is not None else [],  # a visitor's: the public pages
        "show_search": bool(user is not None and access_office_view(user)),
        "session_idle_minutes": settings.ILJARI_SESSION_IDLE_MINUTES,
    }
