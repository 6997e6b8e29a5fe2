"""결재 on a person's work list (core.worklist): the requests waiting for them, and their own rejected drafts."""

from __future__ import annotations

from django.urls import reverse

from iljari.approvals import selectors
from iljari.core.worklist import WorkItem


def approvals_work(user, today):
    waiting = selectors.approval_waiting_count(user=user)
    yield WorkItem("결재 대기", waiting, f"{reverse('approvals:box')}?box=inbox", group="결재", severity="due")
    rejected = selectors.approval_rejected_mine_count(user=user)
    yield WorkItem(
        "반려된 내 기안",
        rejected,
        f"{reverse('approvals:box')}?box=done&state=rejected",
        group="결재",
    )
