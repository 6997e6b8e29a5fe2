"""결재 pages: 결재함 (받은 것 · 올릴 것 · 끝난 것), a request with its line, the draft form of an act on a record, and
the 전결 rules. Each view parses, calls one service or selector, and renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.approvals import selectors, services
from iljari.approvals.acts import act_get, act_label, act_list
from iljari.approvals.forms import BoxForm, DraftForm, RejectForm, RuleForm
from iljari.approvals.models import ApprovalRequest
from iljari.core.access import (
    access_approval_draft_any,
    access_approval_recall,
    access_approval_step,
    access_approvals_view,
    access_delegation_rules_change,
    access_delegation_rules_view,
    require,
)
from iljari.core.errors import NotFound
from iljari.core.figures import NOTE_LENGTH
from iljari.core.http import paginate, service_step
from iljari.core.roles import Position


@login_required
def box(request):
    require(access_approvals_view(request.user))
    which = request.GET.get("box", "inbox")
    if which not in selectors.BOXES:
        which = "inbox"
    form = BoxForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    state = request.GET.get("state", "")
    rows = selectors.approval_box(user=request.user, box=which, q=q, state=state)
    page = paginate(request, rows)
    for item in page.object_list:
        item.act_label = act_label(item.act)
    context = {
        "page": page,
        "box": which,
        "boxes": selectors.BOXES,
        "form": form,
        "state": state if state in ApprovalRequest.DONE_STATES else "",
        "done_states": [
            (value, label) for value, label in ApprovalRequest.State.choices if value in ApprovalRequest.DONE_STATES
        ],
    }
    return render(request, "approvals/box.html", context)


def _target_link(approval: ApprovalRequest) -> str | None:
    try:
        act = act_get(approval.act)
        return act.url(act.get(approval.target_key))
    except NotFound:
        return None


@login_required
def request_detail(request, pk: int):
    approval = selectors.approval_get(user=request.user, pk=pk)
    context = {
        "approval": approval,
        "act_label": act_label(approval.act),
        "line": selectors.approval_line(approval),
        "target_url": _target_link(approval),
        "can_act": approval.is_open and access_approval_step(request.user, approval.current_approver_id),
        "can_recall": approval.state == ApprovalRequest.State.DRAFTED
        and access_approval_recall(request.user, approval.drafter_id),
        "required_position": Position(approval.required_position).label,
    }
    return render(request, "approvals/request_detail.html", context)


@login_required
@require_POST
def request_approve(request, pk: int):
    approval = selectors.approval_get(user=request.user, pk=pk)
    require(access_approval_step(request.user, approval.current_approver_id), "지금 이 결재를 처리할 차례가 아닙니다.")
    back = approval.get_absolute_url()

    def approve():
        done = services.approval_approve(actor=request.user, request=approval, comment=request.POST.get("comment", ""))
        if done.state == ApprovalRequest.State.APPROVED:
            return f"결재했습니다. {act_get(done.act).done}.", back
        return "검토했습니다. 다음 결재자에게 넘어갔습니다.", back

    return service_step(request, approve, back=back)


@login_required
@require_POST
def request_reject(request, pk: int):
    approval = selectors.approval_get(user=request.user, pk=pk)
    require(access_approval_step(request.user, approval.current_approver_id), "지금 이 결재를 처리할 차례가 아닙니다.")
    back = approval.get_absolute_url()
    form = RejectForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""

    def reject():
        services.approval_reject(actor=request.user, request=approval, reason=reason)
        return "반려했습니다. 기안자에게 돌아갑니다.", back

    return service_step(request, reject, back=back)


@login_required
@require_POST
def request_recall(request, pk: int):
    approval = selectors.approval_get(user=request.user, pk=pk)
    require(access_approval_recall(request.user, approval.drafter_id), "기안자만 회수할 수 있습니다.")
    back = approval.get_absolute_url()

    def recall():
        services.approval_recall(actor=request.user, request=approval, reason=request.POST.get("reason", ""))
        return "회수했습니다.", back

    return service_step(request, recall, back=back)


@login_required
def draft(request, act: str, key: str):
    require(access_approval_draft_any(request.user), "결재를 올릴 권한이 없습니다.")
    the_act = act_get(act)
    target = the_act.get(key)
    choices = selectors.approval_draft_choices(user=request.user, act=the_act, target=target)
    if request.method != "POST":
        problem = selectors.approval_draft_problem(act=the_act, target=target)
        if problem is not None:  # nothing to draft now (already done, still receiving, already being approved)
            messages.error(request, problem)
            return redirect(the_act.url(target))
    form = DraftForm(
        request.POST if request.method == "POST" else None,
        reviewers=choices.reviewers,
        approvers=choices.approvers,
        self_approval=choices.self_approval,
        initial={"note": request.GET.get("note", "")[:NOTE_LENGTH]},  # the page that sent here may bring a note
    )

    def submit(values):
        reviewers, approver = form.line()
        done = services.approval_draft(
            actor=request.user,
            act=the_act,
            target=target,
            reviewers=reviewers,
            approver=approver,
            note=values["note"],
        )
        if done.state == ApprovalRequest.State.APPROVED:
            return f"전결로 결재했습니다. {the_act.done}.", the_act.url(target)
        return f"결재를 올렸습니다 — 결재가 끝나면 {the_act.effect}.", the_act.url(target)

    def page(form, status):
        context = {
            "act": the_act,
            "target": target,
            "title": the_act.describe(target),
            "summary": the_act.summary_of(target),
            "target_url": the_act.url(target),
            "choices": choices,
            "form": form,
        }
        return render(request, "approvals/draft.html", context, status=status)

    return service_step(request, submit, form=form, render_page=page)


@login_required
def rules(request):
    require(access_delegation_rules_view(request.user))
    can_change = access_delegation_rules_change(request.user)
    if request.method == "POST":
        require(can_change, "전결 규정은 총괄이 정합니다.")
    form = RuleForm(request.POST if request.method == "POST" else None)

    def save(values):
        services.delegation_rule_set(actor=request.user, **values)
        return "전결 규정을 저장했습니다.", reverse("approvals:rules")

    def page(form, status):
        rows = selectors.delegation_rule_list(user=request.user)
        for rule in rows:
            rule.act_label = act_label(rule.act)
            rule.text = selectors.rule_text(rule)
        acts = [(act.label, Position(act.default_position).label) for act in act_list()]
        context = {"rules": rows, "acts": acts, "form": form, "can_change": can_change}
        return render(request, "approvals/rules.html", context, status=status)

    return service_step(request, save, form=form, render_page=page)


@login_required
@require_POST
def rule_delete(request, pk: int):
    rule = selectors.delegation_rule_get(user=request.user, pk=pk)
    require(access_delegation_rules_change(request.user), "전결 규정은 총괄이 정합니다.")

    def delete():
        services.delegation_rule_delete(actor=request.user, rule=rule)
        return "전결 규정을 지웠습니다.", reverse("approvals:rules")

    return service_step(request, delete, back=reverse("approvals:rules"))
