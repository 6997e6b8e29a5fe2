"""Test builders for approvals: officials with a position, and running a request's whole line."""

from __future__ import annotations

from iljari.approvals import services
from iljari.approvals.models import ApprovalRequest, ApprovalStep
from iljari.core import services as core_services
from iljari.core.roles import Role
from iljari.org.models import District, OrgUnit
from iljari.testing import PASSWORD


def make_official(username: str, *, position: str, org_unit: str | None = "JOBS-POLICY", role=Role.DIVISION_STAFF,
                  district: str | None = None):  # fmt: skip
    """An account of the office with a position (직위): by default staff of 일자리정책담당관 (the staff persona's)."""
    return core_services.user_create(
        actor=None,
        username=username,
        password=PASSWORD,
        role=role,
        display_name=f"{username} 테스트",
        org_unit=OrgUnit.objects.get(code=org_unit) if org_unit else None,
        district=District.objects.get(code=district) if district else None,
        position=position,
    )


def approve_through(request: ApprovalRequest) -> ApprovalRequest:
    """Every remaining step of the line approves, in order (each by its own person): the act runs at the end."""
    request = ApprovalRequest.objects.get(pk=request.pk)
    while request.is_open:
        step = request.steps.filter(state=ApprovalStep.State.WAITING).order_by("order").select_related("approver")[0]
        request = services.approval_approve(actor=step.approver, request=request)
    return request


def open_request(act: str, key: str) -> ApprovalRequest:
    """The open request of an act on a record (the one a page or service just drafted)."""
    return ApprovalRequest.objects.get(act=act, target_key=key, state__in=ApprovalRequest.OPEN_STATES)
