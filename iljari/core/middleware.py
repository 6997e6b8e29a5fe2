"""Request middleware: change-history context, idle session timeout, Content-Security-Policy; the API's JSON
errors wherever they arise, a read retried once when its database connection failed before any query of it, and
the limits of a request's input (too big: 413; control characters: 400), each answered in Korean."""

from __future__ import annotations

import json
import logging
import sys
import time
from contextlib import ExitStack, suppress

from auditlog.context import set_extra_data
from django.conf import settings
from django.contrib.auth import SESSION_KEY as AUTH_SESSION_KEY
from django.contrib.auth import logout
from django.core.exceptions import RequestDataTooBig
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections
from django.dispatch import receiver
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from iljari.core.errors import PasswordChangeRequired, SecondFactorRequired, error_body
from iljari.core.second_factor import second_factor_enrolled, second_factor_required
from iljari.core.services import account_session_expire
from iljari.core.validators import CONTROL_CHARACTERS, has_control_characters

logger = logging.getLogger(__name__)


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


class AccountGateMiddleware:
    """Before anything else a signed-in account must set its own password (a new account made by the system admin,
    or after a reset: `User.must_change_password`), and then enrol the second factor its role requires. Every other
    page redirects there; the API answers 403 in Korean (`password_change_required`, `second_factor_required`).
    A token-authenticated API call is refused by the token check itself (core.services.api_token_authenticate).

    Only an account whose role requires the second factor costs a query (one EXISTS) per request: read afresh each
    time, so that the system admin's reset of it sends the holder to enrol at once."""

    OPEN = ("core:logout",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        step = self._step(request, user)
        if step is None:
            return self.get_response(request)
        url_name, error = step
        allowed = {reverse(name) for name in (url_name, *self.OPEN)}
        if request.path in allowed or request.path.startswith(settings.STATIC_URL):
            return self.get_response(request)
        if request.path.startswith(API_PREFIX):
            return JsonResponse(error().as_dict(), status=403, json_dumps_params={"ensure_ascii": False})
        return redirect(url_name)

    def _step(self, request, user):
        if user.must_change_password:
            return "core:password_change", PasswordChangeRequired
        if not second_factor_required(user) or second_factor_enrolled(user):
            return None
        return "core:second_factor", SecondFactorRequired


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


# --- the API answers JSON, and reads survive a database restart ---------------------------------------------

API_PREFIX = "/api/"
API_DOCS = ("/api/docs", "/api/openapi.json")  # a page for people (and its schema): left as it is
API_ERRORS = {
    400: ("bad_request", "요청 형식이 올바르지 않습니다."),
    401: ("not_authenticated", "로그인하거나 유효한 API 토큰을 보내십시오. 세션이 만료되었을 수 있습니다."),
    403: ("forbidden", "이 작업을 할 권한이 없습니다."),
    404: ("not_found", "요청한 자료를 찾을 수 없습니다."),
    405: ("bad_request", "허용되지 않는 요청 방식입니다."),
    413: ("too_large", "요청이 너무 큽니다. 보내는 내용을 줄이거나 파일로 나누어 올리십시오."),
}
SERVER_ERROR = ("server_error", "시스템 오류가 발생했습니다. 잠시 후 다시 시도하십시오.")
KEPT_HEADERS_EXCLUDED = {"content-type", "content-length"}


class ApiJsonErrorsMiddleware:
    """The API answers in its JSON error format even where django-ninja never ran: an error raised in a middleware
    (the session read while the database restarts), an address under /api/ that does not exist, a refused host.
    Django's HTML error page for such a request is replaced by `{"code", "message", "errors"}` with its status
    (and its other headers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path.startswith(API_PREFIX)
            or request.path.startswith(API_DOCS)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        code, message = API_ERRORS.get(response.status_code, SERVER_ERROR)
        if response.status_code < 500 and response.status_code not in API_ERRORS:
            code, message = API_ERRORS[400][0], "요청을 처리할 수 없습니다."
        answer = JsonResponse(
            error_body(code, message), status=response.status_code, json_dumps_params={"ensure_ascii": False}
        )
        for header, value in response.items():
            if header.lower() not in KEPT_HEADERS_EXCLUDED:
                answer[header] = value
        return answer


DATABASE_FAILED = "_iljari_database_failed"


def note_database_failure(request, error: BaseException | None) -> None:
    """Mark the request as having lost its database connection (ReadRetryMiddleware reads the mark)."""
    if request is not None and isinstance(error, (OperationalError, InterfaceError)):
        setattr(request, DATABASE_FAILED, True)


@receiver(got_request_exception)
def _on_request_exception(sender, request=None, **kwargs):
    note_database_failure(request, sys.exc_info()[1])


class _QueryCount:
    """An execute wrapper counting the queries that went through (a failed one is not counted)."""

    def __init__(self):
        self.done = 0

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        self.done += 1
        return result


class ReadRetryMiddleware:
    """A read (GET, HEAD) that failed because its database connection broke before any of its queries went through
    is answered once more, on a fresh connection: the database restarted or failed over while the request was on
    its way (CONN_HEALTH_CHECKS replaces a connection that died while idle; this covers the moment after). A request
    that writes, or whose queries had reached the database, is never repeated."""

    PAUSE_SECONDS = 0.5  # a failover's new primary takes a moment to accept connections

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        count = _QueryCount()
        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(count))
            response = self.get_response(request)
        if response.status_code < 500 or not getattr(request, DATABASE_FAILED, False) or count.done:
            return response
        logger.warning("database connection lost before %s %s reached it; answering it once more", request.method,
                       request.path)  # fmt: skip
        delattr(request, DATABASE_FAILED)
        for connection in connections.all(initialized_only=True):
            if not connection.in_atomic_block:
                connection.close()
        time.sleep(self.PAUSE_SECONDS)
        return self.get_response(request)


# --- the limits of a request's input ----------------------------------------------------------------------------


def _json_texts(value, name: str = ""):
    """(field name, text) of every key and string in a JSON document."""
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield name, str(key)
            yield from _json_texts(item, str(key))
    elif isinstance(value, list):
        for item in value:
            yield from _json_texts(item, name)


class InputLimitsMiddleware:
    """Every request's text input is checked before any view or other middleware reads it:

    - a body over DATA_UPLOAD_MAX_MEMORY_SIZE (files aside) answers 413 with a Korean message (Django raises
      RequestDataTooBig where the body is first read; the API let it through as a 500);
    - a control character (NUL and the rest of Unicode's Cc, but tab, CR and LF) in the query string, a form
      field (name or value) or a JSON body (keys and strings) answers 400 with a Korean message naming no value —
      PostgreSQL refuses NUL in text, so it was a 500 there.

    Under /api/ both answer the API's JSON error format; elsewhere the Korean error page. A body that is not valid
    JSON is left to the API's own validation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            field = self._control_character_field(request)
        except RequestDataTooBig:
            return self._refuse(request, 413, *API_ERRORS[413])
        if field is not None:
            errors = [{"field": field, "message": CONTROL_CHARACTERS}] if field else []
            return self._refuse(request, 400, "bad_request", CONTROL_CHARACTERS, errors)
        return self.get_response(request)

    @staticmethod
    def _control_character_field(request) -> str | None:
        """The name of the first field holding a control character ("" when unnamed), or None."""
        texts = [(key, key) for key in request.GET] + [(key, value) for key, value in request.GET.lists()]
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            content_type = request.content_type or ""
            if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
                texts += [(key, key) for key in request.POST] + list(request.POST.lists())
            elif content_type == "application/json" or content_type.endswith("+json"):
                with suppress(ValueError):  # not JSON, or not UTF-8: the API's validation answers it
                    texts += list(_json_texts(json.loads(request.body or b"null")))
        for name, value in texts:
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str) and has_control_characters(text):
                    return name
        return None

    @staticmethod
    def _refuse(request, status: int, code: str, message: str, errors: list[dict] | None = None):
        if request.path.startswith(API_PREFIX):
            return JsonResponse(
                error_body(code, message, errors), status=status, json_dumps_params={"ensure_ascii": False}
            )
        context = {"error_message": message, "error_status": status}
        return render(request, "400.html", context, status=status)
