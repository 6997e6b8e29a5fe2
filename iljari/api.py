"""The API at /api/: OpenAPI schema at /api/openapi.json, interactive docs at /api/docs.

Session (with CSRF) and bearer-token authentication; permissions come from iljari.core.access through the
same selectors and services as the pages. Every failure answers in one format:
    {"code": "...", "message": "한국어 설명", "errors": [{"field": "...", "message": "..."}]}
"""

import logging
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder

from iljari.approvals.api import router as approvals_router
from iljari.board.api import router as board_router
from iljari.committees.api import router as committees_router
from iljari.core.api import SessionAuthCsrf, TokenAuth
from iljari.core.api import router as core_router
from iljari.core.decorators import office_page
from iljari.core.errors import IljariError, error_body
from iljari.core.middleware import SERVER_ERROR, note_database_failure
from iljari.core.years_api import router as years_router
from iljari.economy.api import router as economy_router
from iljari.enterprises.api import router as enterprises_router
from iljari.entrusted.api import router as entrusted_router
from iljari.finance.api import router as finance_router
from iljari.frontline.api import portal as frontline_portal_router
from iljari.frontline.api import router as frontline_router
from iljari.frontline.api_events import router as frontline_events_router
from iljari.fund.api import router as fund_router
from iljari.grants.api import router as grants_router
from iljari.grants.district_api import router as grants_district_router
from iljari.grants.union_api import router as grants_union_router
from iljari.intake.api import portal as portal_router
from iljari.intake.api import router as intake_router
from iljari.messaging.api import router as messaging_router
from iljari.org.api import router as org_router
from iljari.performance.api import router as performance_router
from iljari.plan.api import router as plan_router

logger = logging.getLogger(__name__)


class LocalTimeEncoder(NinjaJSONEncoder):
    """Moments in the office's time zone (Asia/Seoul, `+09:00`), as the pages show them, not in UTC."""

    def default(self, o):
        if isinstance(o, datetime) and timezone.is_aware(o):
            o = timezone.localtime(o)
        return super().default(o)


class KoreanJSONRenderer(JSONRenderer):
    """UTF-8 JSON: Korean messages readable as they are, not as \\u escapes; moments in Asia/Seoul."""

    encoder_class = LocalTimeEncoder
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="일자리 관리정보시스템 API",
    version="1",
    description="Iljari API. 세션(브라우저, CSRF 필요) 또는 `Authorization: Bearer <토큰>`으로 인증합니다.",
    auth=[SessionAuthCsrf(), TokenAuth()],
    urls_namespace="api",
    docs_decorator=office_page,
    renderer=KoreanJSONRenderer(),
)
api.add_router("/", core_router)
api.add_router("/org", org_router)
api.add_router("/plan", plan_router)
api.add_router("/finance", finance_router)
api.add_router("/years", years_router)
api.add_router("/performance", performance_router)
api.add_router("/intake", intake_router)
api.add_router("/portal", portal_router)
api.add_router("/enterprises", enterprises_router)
api.add_router("/entrusted", entrusted_router)
api.add_router("/frontline", frontline_router)
api.add_router("/frontline/events", frontline_events_router)
api.add_router("/portal", frontline_portal_router)
api.add_router("/fund", fund_router)
api.add_router("/grants", grants_router)
api.add_router("/board", board_router)
api.add_router("/committees", committees_router)
api.add_router("/grants", grants_district_router)
api.add_router("/grants", grants_union_router)
api.add_router("/approvals", approvals_router)
api.add_router("/messaging", messaging_router)
api.add_router("/economy", economy_router)

PYDANTIC_MESSAGES = {
    "missing": "필수 항목입니다.",
    "json_invalid": "JSON 형식이 올바르지 않습니다.",
    "string_type": "문자열이어야 합니다.",
    "string_too_long": "너무 깁니다.",
    "string_too_short": "너무 짧습니다.",
    "int_parsing": "정수여야 합니다.",
    "int_type": "정수여야 합니다.",
    "bool_parsing": "참(true) 또는 거짓(false)이어야 합니다.",
    "bool_type": "참(true) 또는 거짓(false)이어야 합니다.",
    "date_from_datetime_parsing": "날짜는 YYYY-MM-DD 형식이어야 합니다.",
    "date_parsing": "날짜는 YYYY-MM-DD 형식이어야 합니다.",
    "date_type": "날짜는 YYYY-MM-DD 형식이어야 합니다.",
    "enum": "허용되지 않는 값입니다.",
    "literal_error": "허용되지 않는 값입니다.",
    "greater_than_equal": "값이 너무 작습니다.",
    "int_parsing_size": "값이 너무 큽니다.",
    "int_from_float": "정수여야 합니다.",
    "decimal_parsing": "숫자여야 합니다.",
    "decimal_type": "숫자여야 합니다.",
    "finite_number": "NaN·무한대는 숫자로 쓸 수 없습니다.",
    "decimal_max_places": "소수점 아래 자리가 너무 많습니다.",
    "decimal_max_digits": "자릿수가 너무 많습니다.",
    "less_than_equal": "값이 너무 큽니다.",
    "model_attributes_type": "객체(JSON object)여야 합니다.",
    "dict_type": "객체(JSON object)여야 합니다.",
    "extra_forbidden": "알 수 없는 항목입니다.",
}


@api.exception_handler(IljariError)
def on_iljari_error(request, exc: IljariError):
    response = api.create_response(request, exc.as_dict(), status=exc.status)
    if exc.retry_after:
        response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(NinjaValidationError)
def on_validation_error(request, exc: NinjaValidationError):
    errors = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "payload", "query", "filters")]
        message = PYDANTIC_MESSAGES.get(error.get("type", ""), "값이 올바르지 않습니다.")
        bound = (error.get("ctx") or {}).get("ge", (error.get("ctx") or {}).get("le"))
        if error.get("type") in ("greater_than_equal", "less_than_equal") and bound is not None:
            limit = "최소" if error["type"] == "greater_than_equal" else "최대"
            message = (
                f"{message[:-1]}({limit} {bound:,})." if isinstance(bound, int) else f"{message[:-1]}({limit} {bound})."
            )
        errors.append({"field": ".".join(location), "message": message})
    return api.create_response(
        request, error_body("validation_error", "입력한 내용을 확인해 주십시오.", errors), status=422
    )


@api.exception_handler(AuthenticationError)
def on_authentication_error(request, exc):
    return api.create_response(
        request,
        error_body("not_authenticated", "로그인하거나 유효한 API 토큰을 보내십시오. 세션이 만료되었을 수 있습니다."),
        status=401,
    )


@api.exception_handler(PermissionDenied)
def on_permission_denied(request, exc):
    return api.create_response(request, error_body("forbidden", "이 작업을 할 권한이 없습니다."), status=403)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(request, error_body("not_found", "요청한 자료를 찾을 수 없습니다."), status=404)


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    messages = {400: "요청 형식이 올바르지 않습니다.", 405: "허용되지 않는 요청 방식입니다."}
    message = messages.get(exc.status_code, "요청을 처리할 수 없습니다.")
    return api.create_response(request, error_body("bad_request", message), status=exc.status_code)


@api.exception_handler(Exception)
def on_unexpected(request, exc):
    logger.exception("unexpected API error on %s", request.path)
    note_database_failure(request, exc)  # a read whose connection broke is answered once more (ReadRetryMiddleware)
    return api.create_response(request, error_body(*SERVER_ERROR), status=500)
