"""Turn service errors raised inside HTML views into the Korean error pages, and keep Django's debug pages from
anyone but a developer who asked for them.

API endpoints never reach the first: django-ninja turns their errors into its JSON format first."""

import logging

from django.conf import settings
from django.template.response import TemplateResponse

from iljari.core.errors import IljariError
from iljari.web import views

logger = logging.getLogger(__name__)

TEMPLATE_BY_STATUS = {
    400: "400.html",
    401: "403.html",
    403: "403.html",
    404: "404.html",
    409: "400.html",
    500: "503.html",  # a known failure (a renderer's): its own message, not the anonymous 500 page
    503: "503.html",  # something the server lacks (a system library): not the user's mistake
}


class IljariErrorPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, IljariError):
            return None
        template = TEMPLATE_BY_STATUS.get(exception.status, "400.html")
        details = sum(exception.field_errors.values(), [])
        response = TemplateResponse(
            request,
            template,
            {"error_message": exception.message, "error_details": details, "error_status": exception.status},
            status=exception.status,
        )
        return response.render()


DEBUG_PAGE_MARK = b"DEBUG = True"  # in each of Django's technical 404 and 500 pages (HTML and text)


class DebugErrorPagesMiddleware:
    """With DEBUG on (the development and demo profiles), Django answers a missing page or a failure with its own
    English pages: every URL pattern, the traceback, the settings. Anyone using the demo would read them. This
    middleware, outermost, puts the Korean page of the same status in their place; Django has already logged the
    failure and sent its signals. DEBUG_ERROR_PAGES=1 (settings.ILJARI_DEBUG_ERROR_PAGES) gives a developer
    Django's pages back. Without DEBUG, Django uses the Korean handlers itself (iljari/urls.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not settings.DEBUG
            or settings.ILJARI_DEBUG_ERROR_PAGES
            or response.status_code < 400
            or response.streaming
            or DEBUG_PAGE_MARK not in response.content
        ):
            return response
        return self._korean_page(request, response.status_code)

    @staticmethod
    def _korean_page(request, status: int):
        if status >= 500:
            return views.server_error(request)
        try:  # the page in the layout, which reads the user: a failure before the session was read has none
            if status == 404:
                return views.page_not_found(request)
            return views.bad_request(request)
        except Exception:
            logger.exception("the Korean %s page could not be drawn", status)
            return views.server_error(request)
