"""결재 services: draft a request along a line, approve, reject, recall; the 전결 rules.

Contract:
- approval_rule (re-exported from selectors: the rule an act and amount take)
- approval_draft(*, actor, act, target, reviewers=(), approver=None, note="") -> ApprovalRequest
      `act` an Act or its code. Checks the drafter's gate and the act's own gate on the target, the act's check, and
      the line: reviewers (in order) and the approver must be active officials whom the act's gate lets act on the
      target, nobody twice and not the drafter; the approver's position must be at least the rule's. With no
      reviewers and no approver (or the drafter named as approver), a drafter whose own position satisfies the rule
      approves at once as 전결 (recorded as a step of their own): the act runs now. One open request per act and
      target. The next person on the line is told (`_tell_next_approver`), and so is every listener registered
      through `approval_listener_register(listener)` (messaging's message; approvals never imports it).
- approval_approve(*, actor, request, comment="") -> ApprovalRequest
      the current step's person only. A review passes the request on; the final approval runs the act's function in
      the same transaction (if it raises, nothing of the approval is written) and ends the request as 승인.
      The amount is read again: when it changed since the draft the approval is refused (recall and draft again).
- approval_reject(*, actor, request, reason) -> ApprovalRequest     the current step's person; a reason is required
- approval_recall(*, actor, request, reason="") -> ApprovalRequest  the drafter, only before anyone on the line acted
- delegation_rule_set(*, actor, act, amount_from, amount_below, position, note="", rule=None) -> DelegationRule
- delegation_rule_delete(*, actor, rule) -> None
Every write is in a transaction and in the change history (the models are tracked). Nothing of the act happens
before the final approval.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from iljari.approvals.acts import Act, act_get
from iljari.approvals.models import ApprovalRequest, ApprovalStep, DelegationRule
from iljari.approvals.selectors import RuleApplied, approval_rule, rule_text  # noqa: F401 - part of the contract
from iljari.core.access import (
    access_approval_draft_any,
    access_approval_recall,
    access_approval_step,
    access_delegation_rules_change,
    require,
)
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.formats import format_won
from iljari.core.korean import with_object, with_subject, with_topic
from iljari.core.locks import row_lock, unique_or
from iljari.core.roles import POSITION_RANK, Position, position_at_least

log = logging.getLogger(__name__)

NOTE_MAX = 2000
REASON_MAX = 1000
MAX_REVIEWERS = 5


def _may_act(act: Act, user, target) -> bool:
    return bool(user is not None and user.is_active and access_approval_draft_any(user) and act.gate(user, target))


def _line_errors(act: Act, target, *, actor, reviewers, approver, rule: RuleApplied) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if len(reviewers) > MAX_REVIEWERS:
        errors.setdefault("reviewers", []).append(f"검토자는 {MAX_REVIEWERS}명까지 둘 수 있습니다.")
    seen = set()
    for reviewer in reviewers:
        if reviewer.pk == actor.pk:
            errors.setdefault("reviewers", []).append("기안자는 자신의 기안을 검토할 수 없습니다.")
        elif reviewer.pk in seen:
            errors.setdefault("reviewers", []).append(f"{with_subject(reviewer.name)} 결재선에 두 번 있습니다.")
        elif not _may_act(act, reviewer, target):
            errors.setdefault("reviewers", []).append(f"{with_topic(reviewer.name)} 이 일을 검토할 수 없습니다.")
        seen.add(reviewer.pk)
    if approver is None:
        errors.setdefault("approver", []).append(
            f"결재권자를 고르십시오. 이 결재는 {rule.position_label} 이상이 결재합니다."
        )
        return errors
    if approver.pk in seen:
        errors.setdefault("approver", []).append("검토자를 결재권자로 또 둘 수 없습니다.")
    elif approver.pk == actor.pk and reviewers:
        errors.setdefault("approver", []).append("검토자를 두면 기안자가 결재할 수 없습니다.")
    elif not _may_act(act, approver, target):
        errors.setdefault("approver", []).append(f"{with_topic(approver.name)} 이 일을 결재할 수 없습니다.")
    elif not position_at_least(approver.position, rule.position):
        errors.setdefault("approver", []).append(f"이 결재는 {rule.position_label} 이상이 결재합니다({rule.text}).")
    return errors


LISTENERS: list = []


def approval_listener_register(listener) -> None:
    """An app above (messaging) asks to be told, after the commit, whose turn it is: `listener(request)`."""
    if listener not in LISTENERS:
        LISTENERS.append(listener)


def _tell_next_approver(request: ApprovalRequest) -> None:
    """Tell the person whose turn it is (or the drafter, when the request ended): they see it on their home page's
    work list and in 결재함 (approvals' worklist provider), and each registered listener (messaging's message) is
    told. A listener's failure is logged, never raised: the decision is already committed."""
    log.info("approval %s: next %s", request.pk, request.current_approver_id or request.drafter_id)
    for listener in LISTENERS:
        try:
            listener(request)
        except Exception:
            log.exception("approval %s: listener %s failed", request.pk, listener)


def _finish(request: ApprovalRequest, act: Act, *, approved_by, now) -> None:
    """The final approval: read the target again, check its amount, run the act, end the request."""
    target = act.get(request.target_key)
    amount = act.amount_of(target)
    if amount != request.amount:
        raise ValidationFailed(
            f"기안한 뒤 금액이 바뀌었습니다(기안 {format_won(request.amount or 0)}, 지금 {format_won(amount or 0)}). "
            "기안자가 회수하고 다시 올려야 합니다."
        )
    act.run(target, approved_by=approved_by, request=request)
    request.state = ApprovalRequest.State.APPROVED
    request.current_approver = None
    request.decided_at = now


def _act(act) -> Act:
    return act if isinstance(act, Act) else act_get(act)


def approval_draft(*, actor, act, target, reviewers=(), approver=None, note: str = "") -> ApprovalRequest:
    act = _act(act)
    require(access_approval_draft_any(actor), "결재를 올릴 권한이 없습니다.")
    require(act.gate(actor, target), f"이 {with_object(act.label)} 기안할 권한이 없습니다.")
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise field_error("note", f"기안 의견은 {NOTE_MAX:,}자까지 쓸 수 있습니다.")
    reviewers = list(reviewers or [])
    with transaction.atomic():
        if act.check is not None:
            act.check(target)
        amount = act.amount_of(target)
        rule = approval_rule(act=act, amount=amount)
        at_once = not reviewers and (approver is None or approver.pk == actor.pk)
        if at_once and position_at_least(actor.position, rule.position):
            approver = actor
        errors = _line_errors(act, target, actor=actor, reviewers=reviewers, approver=approver, rule=rule)
        if errors:
            raise ValidationFailed("결재선을 고치십시오.", field_errors=errors)
        division, district = act.scope_of(target)
        now = timezone.now()
        request = ApprovalRequest(
            act=act.code,
            target_key=act.key(target),
            title=act.describe(target)[:300],
            summary=act.summary_of(target),
            amount=amount,
            division_path=division or "",
            district_id=district,
            drafter=actor,
            drafter_position=actor.position,
            note=note,
            required_position=rule.position,
            rule_text=rule.text[:300],
            drafted_at=now,
        )
        line = [(ApprovalStep.Kind.REVIEW, user) for user in reviewers] + [(ApprovalStep.Kind.APPROVE, approver)]
        request.current_approver = line[0][1]
        busy = ValidationFailed(f"이 일은 이미 결재 중입니다. 진행 중인 {act.label} 결재가 끝난 뒤 올리십시오.")
        with unique_or(busy):
            request.save()
        steps = [
            ApprovalStep.objects.create(request=request, order=order, kind=kind, approver=user, position=user.position)
            for order, (kind, user) in enumerate(line, 1)
        ]
        if approver.pk == actor.pk:  # 전결 by the drafter: approved at once, the act runs now
            step = steps[-1]
            step.state = ApprovalStep.State.APPROVED
            step.acted_at = now
            step.delegated = True
            step.comment = "기안자 전결"
            step.save()
            _finish(request, act, approved_by=actor, now=now)
            request.save()
    transaction.on_commit(lambda: _tell_next_approver(request))
    return request


def _current_step(request: ApprovalRequest) -> ApprovalStep:
    step = request.steps.filter(state=ApprovalStep.State.WAITING).order_by("order").first()
    if step is None:  # pragma: no cover - an open request always has a waiting step
        raise ValidationFailed("결재할 차례가 남아 있지 않습니다.")
    return step


def _open_request(request: ApprovalRequest) -> ApprovalRequest:
    request = row_lock(ApprovalRequest, request.pk)
    if request is None or not request.is_open:
        raise ValidationFailed("이미 끝난 결재입니다.")
    return request


def approval_approve(*, actor, request: ApprovalRequest, comment: str = "") -> ApprovalRequest:
    comment = (comment or "").strip()
    if len(comment) > REASON_MAX:
        raise field_error("comment", f"의견은 {REASON_MAX:,}자까지 쓸 수 있습니다.")
    act = act_get(request.act)
    with transaction.atomic():
        request = _open_request(request)
        step = _current_step(request)
        require(access_approval_step(actor, step.approver_id), "지금 이 결재를 처리할 차례가 아닙니다.")
        target = act.get(request.target_key)
        require(act.gate(actor, target), f"이 {with_object(act.label)} 결재할 권한이 없습니다.")
        now = timezone.now()
        step.state = ApprovalStep.State.APPROVED
        step.acted_at = now
        step.comment = comment
        if step.kind == ApprovalStep.Kind.APPROVE:
            # 전결: the final approval given below the office's head (정책관)
            step.delegated = POSITION_RANK.get(actor.position, 0) < POSITION_RANK[Position.HEAD]
            step.save()
            _finish(request, act, approved_by=actor, now=now)
        else:
            step.save()
            request.state = ApprovalRequest.State.IN_PROGRESS
            request.current_approver_id = _current_step(request).approver_id
        request.save()
    transaction.on_commit(lambda: _tell_next_approver(request))
    return request


def approval_reject(*, actor, request: ApprovalRequest, reason: str) -> ApprovalRequest:
    reason = (reason or "").strip()
    if not reason:
        raise field_error("reason", "반려 사유를 쓰십시오.")
    if len(reason) > REASON_MAX:
        raise field_error("reason", f"반려 사유는 {REASON_MAX:,}자까지 쓸 수 있습니다.")
    with transaction.atomic():
        request = _open_request(request)
        step = _current_step(request)
        require(access_approval_step(actor, step.approver_id), "지금 이 결재를 처리할 차례가 아닙니다.")
        now = timezone.now()
        step.state = ApprovalStep.State.REJECTED
        step.acted_at = now
        step.comment = reason
        step.save()
        request.state = ApprovalRequest.State.REJECTED
        request.current_approver = None
        request.decided_at = now
        request.save()
    transaction.on_commit(lambda: _tell_next_approver(request))
    return request


def approval_recall(*, actor, request: ApprovalRequest, reason: str = "") -> ApprovalRequest:
    reason = (reason or "").strip()
    if len(reason) > 500:
        raise field_error("reason", "회수 사유는 500자까지 쓸 수 있습니다.")
    with transaction.atomic():
        request = _open_request(request)
        require(access_approval_recall(actor, request.drafter_id), "기안자만 회수할 수 있습니다.")
        if request.steps.exclude(state=ApprovalStep.State.WAITING).exists():
            raise ValidationFailed("결재선의 다음 사람이 이미 처리해 회수할 수 없습니다.")
        request.state = ApprovalRequest.State.RECALLED
        request.current_approver = None
        request.decided_at = timezone.now()
        request.recall_reason = reason
        request.save()
    return request


def _rule_errors(act: str, amount_from, amount_below, position: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        act_get(act)
    except Exception:
        errors["act"] = ["알 수 없는 결재 종류입니다."]
    if position not in Position.values:
        errors["position"] = ["결재권자 직위를 고르십시오."]
    for field, value in (("amount_from", amount_from), ("amount_below", amount_below)):
        if value is not None and value < 0:
            errors[field] = ["금액은 0원 이상이어야 합니다."]
    if amount_from is not None and amount_below is not None and amount_below <= amount_from and not errors:
        errors["amount_below"] = ["'미만' 금액은 '이상' 금액보다 커야 합니다."]
    return errors


def delegation_rule_set(
    *, actor, act: str, amount_from, amount_below, position: str, note: str = "", rule: DelegationRule | None = None
) -> DelegationRule:
    if actor is not None:
        require(access_delegation_rules_change(actor), "전결 규정을 정할 권한이 없습니다.")
    errors = _rule_errors(act, amount_from, amount_below, position)
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        rule = rule or DelegationRule()
        rule.act = act
        rule.amount_from = amount_from
        rule.amount_below = amount_below
        rule.position = position
        rule.note = (note or "").strip()[:200]
        rule.save()
    return rule


def delegation_rule_delete(*, actor, rule: DelegationRule) -> None:
    require(access_delegation_rules_change(actor), "전결 규정을 정할 권한이 없습니다.")
    with transaction.atomic():
        rule.delete()
