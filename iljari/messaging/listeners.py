"""What messaging is told by the apps below it through their registries (approvals' listener)."""

from __future__ import annotations

from django.urls import reverse

from iljari.messaging.services import message_send


def approval_next_tell(request) -> None:
    """The person whose turn it is on a 결재 line gets a message (an e-mail or a text to their account)."""
    if request.current_approver_id is None:
        return
    message_send(
        to=request.current_approver,
        template="approval_next",
        context={"title": request.title, "url": reverse("approvals:request_detail", args=[request.pk])},
        related=request,
    )
