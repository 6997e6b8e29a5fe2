"""결재 reads, scoped to the user (core.access.scope_approval_requests).

Contract:
- approval_box(*, user, box, q="", state="") -> QuerySet[ApprovalRequest]
      box "mine" (올릴 것: my drafts still open), "inbox" (받은 것: waiting for me), "done" (끝난 것: approved,
      rejected or recalled, in my scope); q searches the title, the drafter's name and the number; state narrows
      끝난 것 to one state.
- approval_get(*, user, pk) -> ApprovalRequest (NotFound outside the scope)
- approval_line(request) -> list[Box]   the 도장 boxes: 기안, each 검토, 결재 (name, position, state, date)
- approval_open_for(*, act, key) -> ApprovalRequest | None    the open request of an act on a record ("결재 중")
- approval_open_under(*, act, key_prefix) -> ApprovalRequest | None   (a key naming a record and a day)
- approvals_open(*, act) -> QuerySet[ApprovalRequest]   an act's open requests, oldest first (unscoped: the caller's
      page is scoped; a request's own page checks its reader)
- approval_waiting_count(*, user) / approval_rejected_mine_count(*, user) -> int   (the work list)
- approval_candidates(*, act, target, exclude=None) -> list[User]   who may stand on the line of the act on the
      target (active officials the act's gate lets act on it), highest position first
- approval_rule(*, act, amount) -> RuleApplied(position, text)
      the position that gives the final approval of the act for the amount: the highest of the matching 전결 rules,
      or the act's default_position where none matches
- approval_draft_choices(*, user, act, target) -> DraftChoices   the draft form's rule, reviewers and approvers
- approval_draft_problem(*, act, target) -> str | None   why it cannot be drafted now (the act's check, one open)
- approval_at_once(*, user, act, target) -> bool   the user's own position gives the final approval (전결 at once)
- delegation_rule_list(*, user) -> list[DelegationRule]; delegation_rule_get(*, user, pk)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet

from iljari.approvals.acts import Act, act_get
from iljari.approvals.models import ApprovalRequest, ApprovalStep, DelegationRule
from iljari.core.access import (
    OFFICE_STAFF_AND_DISTRICTS,
    access_approvals_view,
    access_delegation_rules_view,
    require,
    scope_approval_requests,
)
from iljari.core.errors import IljariError, NotFound
from iljari.core.formats import format_won
from iljari.core.http import error_text
from iljari.core.models import User
from iljari.core.roles import POSITION_RANK, Position, position_at_least


@dataclass(frozen=True)
class RuleApplied:
    position: str
    text: str

    @property
    def position_label(self) -> str:
        return str(Position(self.position).label)


def _range_text(rule: DelegationRule) -> str:
    if rule.amount_from is None and rule.amount_below is None:
        return "금액과 관계없이"
    if rule.amount_from is None:
        return f"{format_won(rule.amount_below)} 미만"
    if rule.amount_below is None:
        return f"{format_won(rule.amount_from)} 이상"
    return f"{format_won(rule.amount_from)} 이상 {format_won(rule.amount_below)} 미만"


def rule_text(rule: DelegationRule) -> str:
    return f"{_range_text(rule)} {Position(rule.position).label} 전결"


def approval_rule(*, act, amount: int | None) -> RuleApplied:
    act = act if isinstance(act, Act) else act_get(act)
    matching = []
    for rule in DelegationRule.objects.filter(act=act.code):
        if amount is None and (rule.amount_from is not None or rule.amount_below is not None):
            continue  # a rule by amount does not speak of an act without one
        if amount is not None and rule.amount_from is not None and amount < rule.amount_from:
            continue
        if amount is not None and rule.amount_below is not None and amount >= rule.amount_below:
            continue
        matching.append(rule)
    if not matching:
        position = Position(act.default_position)
        return RuleApplied(position.value, f"{act.label}: 전결 규정이 없어 기본 결재권자({position.label})")
    rule = max(matching, key=lambda r: POSITION_RANK[r.position])
    return RuleApplied(rule.position, f"{act.label}: {rule_text(rule)}")


BOXES = {"inbox": "받은 것", "mine": "올릴 것", "done": "끝난 것"}


def _requests(user) -> QuerySet[ApprovalRequest]:
    require(access_approvals_view(user))
    return scope_approval_requests(user, ApprovalRequest.objects.all())


def approval_box(*, user, box: str, q: str = "", state: str = "") -> QuerySet[ApprovalRequest]:
    rows = _requests(user).select_related("drafter", "current_approver")
    if box == "inbox":
        rows = rows.filter(current_approver=user.pk, state__in=ApprovalRequest.OPEN_STATES)
    elif box == "mine":
        rows = rows.filter(drafter=user.pk, state__in=ApprovalRequest.OPEN_STATES)
    else:
        rows = rows.filter(state__in=ApprovalRequest.DONE_STATES)
        if state in ApprovalRequest.DONE_STATES:
            rows = rows.filter(state=state)
    q = (q or "").strip()[:100]
    if q:
        match = Q(title__icontains=q) | Q(drafter__display_name__icontains=q) | Q(drafter__username__icontains=q)
        number = q.lstrip("#")
        if number.isdecimal() and len(number) < 10:
            match |= Q(pk=int(number))
        rows = rows.filter(match)
    return rows.order_by("-drafted_at", "-pk")


def approval_get(*, user, pk: int) -> ApprovalRequest:
    request = _requests(user).select_related("drafter", "current_approver", "district").filter(pk=pk).first()
    if request is None:
        raise NotFound("결재 문서를 찾을 수 없습니다.")
    return request


@dataclass(frozen=True)
class Box:
    kind: str  # 기안 / 검토 / 결재
    name: str
    position: str
    state: str
    at: datetime | None
    comment: str = ""
    delegated: bool = False
    current: bool = False


def _position_label(position: str) -> str:
    return str(Position(position).label) if position else ""


def approval_line(request: ApprovalRequest) -> list[Box]:
    boxes = [Box("기안", request.drafter.name, _position_label(request.drafter_position), "기안", request.drafted_at)]
    for step in request.steps.select_related("approver").order_by("order"):
        current = request.is_open and step.approver_id == request.current_approver_id and step.state == "waiting"
        boxes.append(
            Box(
                str(step.get_kind_display()),
                step.approver.name,
                _position_label(step.position),
                str(step.get_state_display()),
                step.acted_at,
                step.comment,
                step.delegated,
                current,
            )
        )
    return boxes


def approval_open_for(*, act: str, key: str) -> ApprovalRequest | None:
    return ApprovalRequest.objects.filter(act=act, target_key=key, state__in=ApprovalRequest.OPEN_STATES).first()


def approval_open_under(*, act: str, key_prefix: str) -> ApprovalRequest | None:
    """The open request of an act whose key starts with the prefix (an act whose key names a record and a day)."""
    return ApprovalRequest.objects.filter(
        act=act, target_key__startswith=key_prefix, state__in=ApprovalRequest.OPEN_STATES
    ).first()


def approvals_open(*, act: str) -> QuerySet[ApprovalRequest]:
    """The open requests of an act, oldest first (an act with several targets open at once)."""
    return ApprovalRequest.objects.filter(act=act, state__in=ApprovalRequest.OPEN_STATES).order_by("pk")


def approval_waiting_count(*, user) -> int:
    if not access_approvals_view(user):
        return 0
    return ApprovalRequest.objects.filter(current_approver=user.pk, state__in=ApprovalRequest.OPEN_STATES).count()


def _rejected_mine(user) -> QuerySet[ApprovalRequest]:
    """My rejected drafts whose record has not been drafted again since."""
    later = ApprovalRequest.objects.filter(
        act=OuterRef("act"), target_key=OuterRef("target_key"), drafted_at__gt=OuterRef("drafted_at")
    )
    return ApprovalRequest.objects.filter(drafter=user.pk, state=ApprovalRequest.State.REJECTED).exclude(Exists(later))


def approval_rejected_mine_count(*, user) -> int:
    if not access_approvals_view(user):
        return 0
    return _rejected_mine(user).count()


def approval_candidates(*, act: Act, target, exclude=None) -> list[User]:
    users = User.objects.filter(is_active=True, role__in=OFFICE_STAFF_AND_DISTRICTS).select_related(
        "org_unit", "district"
    )
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    chosen = [user for user in users if act.gate(user, target)]
    return sorted(chosen, key=lambda u: (-POSITION_RANK.get(u.position, 0), u.name))


def delegation_rule_list(*, user) -> list[DelegationRule]:
    require(access_delegation_rules_view(user))
    return list(DelegationRule.objects.order_by("act", "amount_from", "pk"))


def delegation_rule_get(*, user, pk: int) -> DelegationRule:
    require(access_delegation_rules_view(user))
    rule = DelegationRule.objects.filter(pk=pk).first()
    if rule is None:
        raise NotFound("전결 규정을 찾을 수 없습니다.")
    return rule


def step_kinds() -> dict[str, str]:
    return dict(ApprovalStep.Kind.choices)


@dataclass(frozen=True)
class DraftChoices:
    rule: RuleApplied
    amount: int | None
    reviewers: list
    approvers: list
    self_approval: bool  # the drafter's own position gives the final approval (전결 at once)


def approval_draft_choices(*, user, act: Act, target) -> DraftChoices:
    """What the draft form offers: the rule for the target's amount, the reviewers (everyone the act's gate lets act
    on the target) and the approvers among them whose position the rule accepts."""
    require(access_approvals_view(user) and act.gate(user, target), "이 일의 결재를 올릴 권한이 없습니다.")
    amount = act.amount_of(target)
    rule = approval_rule(act=act, amount=amount)
    people = approval_candidates(act=act, target=target, exclude=user)
    approvers = [person for person in people if position_at_least(person.position, rule.position)]
    return DraftChoices(rule, amount, people, approvers, position_at_least(user.position, rule.position))


def approval_at_once(*, user, act, target) -> bool:
    """Would this user's draft with no one on the line be approved at once (전결 by the drafter's own position)?"""
    act = act if isinstance(act, Act) else act_get(act)
    rule = approval_rule(act=act, amount=act.amount_of(target))
    return position_at_least(getattr(user, "position", ""), rule.position)


def approval_draft_problem(*, act: Act, target) -> str | None:
    """Why the act cannot be drafted on the target now (the act's own check, or a request already open), or None."""
    if act.check is not None:
        try:
            act.check(target)
        except IljariError as error:
            return error_text(error)
    open_request = approval_open_for(act=act.code, key=act.key(target))
    if open_request is not None:
        return f"이 일은 이미 결재 중입니다(결재 #{open_request.pk})."
    return None
