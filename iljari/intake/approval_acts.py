"""intake's acts that need an approval line (결재), registered with approvals in IntakeConfig.ready: publishing a call
(모집공고 게시) and confirming its selection (선발 확정). A division's head (담당관) approves both unless the office's
전결 rules say otherwise."""

from __future__ import annotations

from django.db.models import Count, Sum
from django.utils import timezone

from iljari.approvals.acts import Act, register
from iljari.core.access import access_calls_manage
from iljari.core.errors import NotFound
from iljari.core.roles import Position
from iljari.intake import services
from iljari.intake.models import Application, Call


def _call(code: str) -> Call:
    call = Call.objects.select_related("programme", "programme__division").filter(code=code).first()
    if call is None:
        raise NotFound("모집공고를 찾을 수 없습니다.")
    return call


def _gate(user, call: Call) -> bool:
    return access_calls_manage(user, call.programme.division.path)


def _scope(call: Call) -> tuple[str, None]:
    return call.programme.division.path, None


def _places(call: Call) -> int:
    return call.quotas.aggregate(total=Sum("places"))["total"] or 0


def _call_summary(call: Call) -> str:
    opens, closes = timezone.localtime(call.opens_at), timezone.localtime(call.closes_at)
    return (
        f"{call.programme} · 인원 {_places(call):,}명 · 접수 {opens:%Y.%m.%d.} ~ {closes:%Y.%m.%d.} · "
        f"발표 {call.announce_on:%Y.%m.%d.}"
    )


def _selection_summary(call: Call) -> str:
    counts = dict(
        call.applications.filter(status__in=[Application.Status.SELECTED, Application.Status.WAITLISTED])
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return (
        f"{call.programme} · 인원 {_places(call):,}명 · 선발 {counts.get(Application.Status.SELECTED, 0):,}명 · "
        f"예비 {counts.get(Application.Status.WAITLISTED, 0):,}명"
    )


def _publish(call: Call, *, approved_by, request) -> None:
    services.call_publish(actor=approved_by, call=call, approval=request)


def _confirm(call: Call, *, approved_by, request) -> None:
    services.selection_confirm(actor=approved_by, call=call, approval=request)


CALL_PUBLISH = Act(
    code=services.CALL_PUBLISH,
    label="모집공고 게시",
    get=_call,
    key=lambda call: call.code,
    describe=lambda call: f"{call.title} 게시",
    url=lambda call: call.get_absolute_url(),
    gate=_gate,
    run=_publish,
    effect="공고가 게시됩니다",
    done="공고를 게시했습니다",
    check=lambda call: services.call_publish_check(call=call),
    scope=_scope,
    summary=_call_summary,
    default_position=Position.DIRECTOR,
)

SELECTION_CONFIRM = Act(
    code=services.SELECTION_CONFIRM,
    label="선발 확정",
    get=_call,
    key=lambda call: call.code,
    describe=lambda call: f"{call.title} 선발 확정",
    url=lambda call: call.get_absolute_url(),
    gate=_gate,
    run=_confirm,
    effect="선발 결과가 확정됩니다",
    done="선발 결과를 확정했습니다",
    check=lambda call: services.selection_confirm_check(call=call),
    scope=_scope,
    summary=_selection_summary,
    default_position=Position.DIRECTOR,
)


def register_acts() -> None:
    register(CALL_PUBLISH)
    register(SELECTION_CONFIRM)
