"""What every page's shell needs: the office name, the user's role and the navigation for it."""

from django.conf import settings

from iljari.web.nav import nav_for


def shell(request) -> dict:
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    current = match.view_name if match else ""
    return {
        "office_name": "일자리노동정책관",
        "system_name": "일자리 관리정보시스템",
        "nav_items": nav_for(user, current) if user is not None and user.is_authenticated else [],
        "session_idle_minutes": settings.ILJARI_SESSION_IDLE_MINUTES,
    }
