"""Turn service errors raised inside HTML views into the Korean error pages.

API endpoints never reach this: django-ninja turns their errors into its JSON format first."""

from django.template.response import TemplateResponse

from iljari.core.errors import IljariError

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
