"""One error hierarchy for the whole package.

Services raise these with a Korean message for the user; the HTTP layer (web views and the API) turns them
into one format: a code, the message, and field errors where a field was wrong.
"""

from __future__ import annotations


def error_body(code: str, message: str, errors: list[dict] | None = None) -> dict:
    """The API's one error format: {"code", "message", "errors": [{"field", "message"}]}."""
    return {"code": code, "message": message, "errors": errors or []}


class IljariError(Exception):
    """A failure the user can understand and act on."""

    code = "error"
    status = 400
    default_message = "요청을 처리할 수 없습니다."
    retry_after: int | None = None  # seconds; the HTTP layers send it as Retry-After

    def __init__(self, message: str | None = None, *, field_errors: dict[str, list[str]] | None = None):
        self.message = message or self.default_message
        self.field_errors = field_errors or {}
        super().__init__(self.message)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "message": self.message,
            "errors": [
                {"field": field, "message": msg} for field, messages in self.field_errors.items() for msg in messages
            ],
        }


class ValidationFailed(IljariError):
    code = "validation_error"
    status = 400
    default_message = "입력한 내용을 확인해 주십시오."


def field_error(field: str, message: str) -> ValidationFailed:
    """The error of one field: `raise field_error("amount", "금액은 0보다 커야 합니다.")`."""
    return ValidationFailed(message, field_errors={field: [message]})


class NotAllowed(IljariError):
    code = "forbidden"
    status = 403
    default_message = "이 작업을 할 권한이 없습니다."


class NotFound(IljariError):
    code = "not_found"
    status = 404
    default_message = "요청한 자료를 찾을 수 없습니다."


class Conflict(IljariError):
    code = "conflict"
    status = 409
    default_message = "다른 자료와 충돌하여 처리할 수 없습니다."


class AuthenticationFailed(IljariError):
    code = "authentication_failed"
    status = 401
    default_message = "아이디 또는 비밀번호가 올바르지 않습니다."


class AccountLocked(AuthenticationFailed):
    code = "account_locked"
    status = 403
    default_message = "로그인 실패가 반복되어 계정이 잠겼습니다. 잠시 후 다시 시도하십시오."


class LoginThrottled(AuthenticationFailed):
    """Too many failed logins from one address, whatever the user names: wait."""

    code = "too_many_attempts"
    status = 429
    default_message = "로그인 시도가 너무 많습니다. 잠시 후 다시 시도하세요."


class Unavailable(IljariError):
    """The server lacks something a feature needs (a system library, a service): not the user's fault, and it
    lasts until an administrator installs it."""

    code = "unavailable"
    status = 503
    default_message = "이 기능을 지금 사용할 수 없습니다. 관리자에게 문의하십시오."


class PasswordChangeRequired(NotAllowed):
    """The account must set its own password first (a new account, or one the system admin reset)."""

    code = "password_change_required"
    default_message = (
        "비밀번호를 바꾸어야 계속할 수 있습니다. 웹 화면에서 로그인하여 비밀번호를 바꾼 뒤 다시 시도하십시오."
    )


class SecondFactorRequired(NotAllowed):
    """The account's role requires a second factor it has not enrolled yet."""

    code = "second_factor_required"
    default_message = (
        "이 계정은 2단계 인증을 써야 합니다. 웹 화면에서 로그인하여 2단계 인증을 등록한 뒤 다시 시도하십시오."
    )
