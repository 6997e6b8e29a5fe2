"""core API: tokens, the current user, the change history. Authentication classes for the whole API."""

from datetime import datetime

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import HttpBearer, SessionAuth

from iljari.core import selectors, services
from iljari.core.figures import CODE_LENGTH, OFFICE_DATE, ROW_ID, IdPath
from iljari.core.history import entry_change_rows, entry_model_label, entry_object_text, history_set_actor
from iljari.core.middleware import client_address


class SessionAuthCsrf(SessionAuth):
    """The browser's session, with the CSRF check on every unsafe method."""

    csrf = True

    def _get_key(self, request):
        # Without a session cookie this scheme does not apply: a token client carries no ambient authority a forged
        # request could ride on, so its writes need no CSRF token (the check would refuse every token write).
        if self.param_name not in request.COOKIES:
            return None
        return super()._get_key(request)

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


class TokenAuth(HttpBearer):
    """`Authorization: Bearer ilj_…` — tokens issued by POST /api/auth/token."""

    def authenticate(self, request, token):
        found = services.api_token_authenticate(raw=token)
        if found is None:
            return None
        user, _ = found
        request.user = user
        history_set_actor(user)
        return user


class Pages(PageNumberPagination):
    """ninja's page-number paging with the page number bounded: a page past any list is empty, never an OFFSET the
    database cannot hold (every paged endpoint uses this)."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=100_000)
        page_size: int | None = Field(None, ge=1, le=500)


router = Router(tags=["계정"])


class TokenRequest(Schema):
    username: str = Field(..., max_length=150, description="아이디")
    password: str = Field(..., max_length=128, description="비밀번호")
    name: str = Field("", max_length=100, description="토큰 이름(용도)")
    code: str = Field("", max_length=20, description="2단계 인증을 쓰는 계정: 인증 앱의 6자리 코드(또는 복구 코드)")


class TokenIssued(Schema):
    id: int
    token: str = Field(..., description="이 응답에서만 보이는 토큰. 안전한 곳에 보관하십시오.")
    expires_at: datetime


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class MeOut(Schema):
    username: str
    name: str
    role: str
    role_label: str
    org_unit: str | None
    district: str | None
    partner: str | None


class BatchChange(Schema):
    field: str
    label: str
    before: str
    after: str
    before_url: str | None = None
    after_url: str | None = None


class ChangeOut(Schema):
    """One change: `changes` as stored (field name → [before, after]); `rows` as the page shows them (Korean
    names, formatted values, a person's values masked)."""

    id: int
    timestamp: datetime
    actor: str | None
    remote_addr: str | None
    model: str
    model_label: str
    object_pk: str
    object_repr: str
    action: str
    changes: dict
    rows: list[BatchChange]


class BatchOut(Schema):
    id: int
    at: datetime
    actor: str | None
    remote_addr: str | None
    kind: str
    kind_label: str
    subject: str
    created: int
    changed: int
    deleted: int
    unchanged: int

    @staticmethod
    def resolve_actor(batch) -> str | None:
        return batch.actor.username if batch.actor else None


class BatchEntryOut(Schema):
    """One row the batch changed: money formatted and a person's values masked, as on the page."""

    id: int
    model: str
    object_pk: str
    object_repr: str
    action: str
    changes: list[BatchChange]

    @staticmethod
    def resolve_model(entry) -> str:
        return f"{entry.content_type.app_label}.{entry.content_type.model}"

    @staticmethod
    def resolve_object_repr(entry) -> str:
        return entry_object_text(entry)

    @staticmethod
    def resolve_action(entry) -> str:
        return entry.get_action_display()

    @staticmethod
    def resolve_changes(entry) -> list[dict]:
        return entry_change_rows(entry)


class BatchFilter(Schema):
    kind: str = Field("", max_length=100, description="변경 종류 코드, 예: participation.work_records")
    actor_id: ROW_ID.schema() | None = None
    date_from: OFFICE_DATE.schema() | None = None
    date_to: OFFICE_DATE.schema() | None = None


class HistoryFilter(Schema):
    actor_id: ROW_ID.schema() | None = None
    model: str = Field("", max_length=100, description="app_label.model, 예: org.partner")
    object_pk: str = Field("", max_length=CODE_LENGTH)
    action: int | None = Field(None, ge=0, le=3, description="0 등록, 1 수정, 2 삭제")
    date_from: OFFICE_DATE.schema() | None = None
    date_to: OFFICE_DATE.schema() | None = None


@router.post("/auth/token", auth=None, response={201: TokenIssued}, summary="API 토큰 발급")
def token_issue(request, payload: TokenRequest):
    token, raw = services.api_token_sign_in(
        username=payload.username,
        password=payload.password,
        code=payload.code,
        name=payload.name,
        remote_addr=client_address(request),
        user_agent=request.headers.get("User-Agent", ""),
    )
    return Status(201, {"id": token.pk, "token": raw, "expires_at": token.expires_at})


@router.get("/auth/tokens", response=list[TokenOut], summary="내 API 토큰 목록")
def token_list(request):
    return list(request.auth.api_tokens.all())


@router.api_operation(["DELETE"], "/auth/tokens/{token_id}", response=TokenOut, summary="API 토큰 폐기")
def token_revoke(request, token_id: IdPath):
    return services.api_token_revoke(user=request.auth, token_id=token_id)


@router.get("/me", response=MeOut, summary="현재 사용자")
def me(request):
    user = request.auth
    return {
        "username": user.username,
        "name": user.name,
        "role": user.role,
        "role_label": user.get_role_display(),
        "org_unit": user.org_unit.code if user.org_unit else None,
        "district": user.district.code if user.district else None,
        "partner": user.partner.code if user.partner else None,
    }


def _change(entry) -> dict:
    return {
        "id": entry.pk,
        "timestamp": entry.timestamp,
        "actor": entry.actor.username if entry.actor else None,
        "remote_addr": entry.remote_addr,
        "model": f"{entry.content_type.app_label}.{entry.content_type.model}",
        "model_label": entry_model_label(entry),
        "object_pk": entry.object_pk,
        "object_repr": entry_object_text(entry),
        "action": entry.get_action_display(),
        "changes": entry.changes_dict or {},
        "rows": entry_change_rows(entry),
    }


@router.get("/history", response=list[ChangeOut], summary="변경이력")
@paginate(Pages, page_size=50)
def history_list(request, filters: Query[HistoryFilter]):
    entries = selectors.change_history_list(user=request.auth, **filters.dict())
    return [_change(e) for e in entries]


@router.get("/history/batches", response=list[BatchOut], summary="일괄 변경 목록")
@paginate(Pages, page_size=50)
def change_batch_list(request, filters: Query[BatchFilter]):
    return selectors.change_batch_list(user=request.auth, **filters.dict())


@router.get("/history/batches/{batch_id}", response=BatchOut, summary="일괄 변경 한 건")
def change_batch_get(request, batch_id: IdPath):
    return selectors.change_batch_get(user=request.auth, pk=batch_id)


@router.get("/history/batches/{batch_id}/entries", response=list[BatchEntryOut], summary="일괄 변경이 바꾼 행")
@paginate(Pages, page_size=100)
def change_batch_entries(request, batch_id: IdPath):
    batch = selectors.change_batch_get(user=request.auth, pk=batch_id)
    return selectors.change_batch_entries(user=request.auth, batch=batch)


@router.get("/history/{entry_id}", response=ChangeOut, summary="변경이력 한 건")
def history_get(request, entry_id: IdPath):
    return _change(selectors.change_history_get(user=request.auth, pk=entry_id))
