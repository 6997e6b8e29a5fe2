"""Request middleware: change-history context, idle session timeout, Content-Security-Policy."""

from __future__ import annotations

import time

from auditlog.context import set_extra_data
from django.conf import settings
from django.contrib.auth import SESSION_KEY as AUTH_SESSION_KEY
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from iljari.core.services import account_session_expire


def client_address(request) -> str | None:
    """The client's address. Behind a trusted proxy (TRUSTED_PROXY_HOPS) the address it appended."""
    hops = getattr(settings, "ILJARI_TRUSTED_PROXY_HOPS", 0)
    if hops:
        forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",") if part]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR")


class ChangeHistoryMiddleware:
    """Tie every change a request makes to its user and address (replaces auditlog's own middleware,
    which trusts a client-sent X-Forwarded-For)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        context = {
            "actor": user if user is not None and user.is_authenticated else None,
            "remote_addr": client_address(request),
            "remote_port": None,
        }
        with set_extra_data(context_data=context):
            return self.get_response(request)


class IdleSessionTimeoutMiddleware:
    """Log out a session idle longer than ILJARI_SESSION_IDLE_MINUTES and say so on the login page.

    The last activity is written to the session at most once every ILJARI_SESSION_TOUCH_SECONDS (60): a session is
    saved only when it changed (SESSION_SAVE_EVERY_REQUEST is off), so a page read inside that minute writes
    nothing — the idle limit is kept to within that minute, and the session's own expiry (SESSION_COOKIE_AGE, the
    idle limit) moves with each save."""

    SESSION_KEY = "iljari_last_activity"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            last = request.session.get(self.SESSION_KEY)
            limit = settings.ILJARI_SESSION_IDLE_MINUTES * 60
            if last is not None and now - last > limit:
                account_session_expire(user=user, remote_addr=client_address(request))
                logout(request)
                if request.path.startswith("/api/"):
                    return self.get_response(request)
                return redirect(f"{reverse('core:login')}?expired=1&next={request.path}")
            if last is None or now - last >= settings.ILJARI_SESSION_TOUCH_SECONDS:
                request.session[self.SESSION_KEY] = now
            return self.get_response(request)
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if (
            session is not None
            and session.modified  # saved anyway at the end of this request
            and AUTH_SESSION_KEY in session  # a login through the session (a token request has none, and gets none)
            and self.SESSION_KEY not in session
        ):
            # logged in by this request: its first activity is now, so the next request has nothing to write
            session[self.SESSION_KEY] = time.time()
        return response


CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    """Scripts only from our own static files: no inline script, no external address.
    Inline styles stay allowed (htmx and the API docs set style attributes)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
