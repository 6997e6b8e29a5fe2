"""결재 API (/api/approvals): the same selectors and services as the pages — 결재함 by box, a request with its line,
drafting an act on a record, approving, rejecting (reason required) and recalling; the 전결 rules."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from ninja import Field, Router, Schema, Status

from iljari.approvals import selectors, services
from iljari.approvals.acts import act_get, act_label
from iljari.core.access import access_approval_draft_any, require
from iljari.core.errors import field_error
from iljari.core.figures import NOTE_LENGTH, IdPath, SearchQuery
from iljari.core.models import User

router = Router(tags=["결재"])


class StepOut(Schema):
    kind: str
    name: str
    position: str
    state: str
    at: datetime | None
    comment: str
    delegated: bool


class ApprovalOut(Schema):
    id: int
    act: str
    act_label: str
    target: str
    title: str
    amount: int | None
    state: str
    state_label: str
    drafter: str
    drafted_at: datetime
    decided_at: datetime | None
    current_approver: str | None
    rule: str


class ApprovalDetailOut(ApprovalOut):
    summary: str
    note: str
    line: list[StepOut]


class DraftIn(Schema):
    act: str = Field(max_length=60)
    target: str = Field(max_length=120)
    reviewers: list[Annotated[str, Field(max_length=150)]] = Field(
        default_factory=list, max_length=5, description="검토자 아이디, 순서대로"
    )
    approver: str | None = Field(default=None, max_length=150, description="결재권자 아이디(비우면 기안자 전결)")
    note: str = Field(default="", max_length=NOTE_LENGTH)


class CommentIn(Schema):
    comment: str = Field(default="", max_length=1000)


class ReasonIn(Schema):
    reason: str = Field(default="", max_length=1000)


class DelegationRuleOut(Schema):
    id: int
    act: str
    act_label: str
    amount_from: int | None
    amount_below: int | None
    position: str
    text: str
    note: str


def _out(approval) -> dict:
    return {
        "id": approval.pk,
        "act": approval.act,
        "act_label": act_label(approval.act),
        "target": approval.target_key,
        "title": approval.title,
        "amount": approval.amount,
        "state": approval.state,
        "state_label": str(approval.get_state_display()),
        "drafter": approval.drafter.name,
        "drafted_at": approval.drafted_at,
        "decided_at": approval.decided_at,
        "current_approver": approval.current_approver.name if approval.current_approver_id else None,
        "rule": approval.rule_text,
    }


def _detail(approval) -> dict:
    line = [
        {
            "kind": box.kind,
            "name": box.name,
            "position": box.position,
            "state": box.state,
            "at": box.at,
            "comment": box.comment,
            "delegated": box.delegated,
        }
        for box in selectors.approval_line(approval)
    ]
    return {**_out(approval), "summary": approval.summary, "note": approval.note, "line": line}


@router.get("", response=list[ApprovalOut], summary="결재함(box: inbox 받은 것, mine 올릴 것, done 끝난 것)")
def approval_list(request, box: Literal["inbox", "mine", "done"] = "inbox", q: SearchQuery = ""):
    return [_out(a) for a in selectors.approval_box(user=request.auth, box=box, q=q)[:200]]


@router.get("/rules", response=list[DelegationRuleOut], summary="전결 규정")
def rule_list(request):
    return [
        {
            "id": rule.pk,
            "act": rule.act,
            "act_label": act_label(rule.act),
            "amount_from": rule.amount_from,
            "amount_below": rule.amount_below,
            "position": rule.position,
            "text": selectors.rule_text(rule),
            "note": rule.note,
        }
        for rule in selectors.delegation_rule_list(user=request.auth)
    ]


@router.get("/{pk}", response=ApprovalDetailOut, summary="결재 문서와 결재선")
def approval_detail(request, pk: IdPath):
    return _detail(selectors.approval_get(user=request.auth, pk=pk))


def _people(names: list[str], field: str) -> list[User]:
    found = {user.username: user for user in User.objects.filter(username__in=names, is_active=True)}
    missing = [name for name in names if name not in found]
    if missing:
        raise field_error(field, f"찾을 수 없는 아이디입니다: {', '.join(missing)}")
    return [found[name] for name in names]


@router.post("", response={201: ApprovalDetailOut}, summary="결재 올리기(기안): 최종 결재가 끝나야 효력이 생깁니다")
def approval_draft(request, payload: DraftIn):
    require(access_approval_draft_any(request.auth), "결재를 올릴 권한이 없습니다.")
    act = act_get(payload.act)
    target = act.get(payload.target)
    reviewers = _people(payload.reviewers, "reviewers")
    approver = _people([payload.approver], "approver")[0] if payload.approver else None
    approval = services.approval_draft(
        actor=request.auth, act=act, target=target, reviewers=reviewers, approver=approver, note=payload.note
    )
    return Status(201, _detail(approval))


@router.post("/{pk}/approve", response=ApprovalDetailOut, summary="승인(검토 또는 최종 결재)")
def approval_approve(request, pk: IdPath, payload: CommentIn):
    approval = selectors.approval_get(user=request.auth, pk=pk)
    return _detail(services.approval_approve(actor=request.auth, request=approval, comment=payload.comment))


@router.post("/{pk}/reject", response=ApprovalDetailOut, summary="반려(사유 필수)")
def approval_reject(request, pk: IdPath, payload: ReasonIn):
    approval = selectors.approval_get(user=request.auth, pk=pk)
    return _detail(services.approval_reject(actor=request.auth, request=approval, reason=payload.reason))


@router.post("/{pk}/recall", response=ApprovalDetailOut, summary="회수(다음 사람이 처리하기 전, 기안자만)")
def approval_recall(request, pk: IdPath, payload: ReasonIn):
    approval = selectors.approval_get(user=request.auth, pk=pk)
    return _detail(services.approval_recall(actor=request.auth, request=approval, reason=payload.reason))
