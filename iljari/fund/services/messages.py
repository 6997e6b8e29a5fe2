"""The fund's messages (messaging): each repayment or overdue notice recorded is told to the borrowing
organisation's contacts (their accounts: core.User.organisation), when a person issued the batch (actor None — the
demo and the generator — sends nothing).

Contract:
- notices_notify(*, actor, notices) -> int     one message per notice and active contact of the borrower
"""

from __future__ import annotations

from collections import defaultdict

from iljari.core.formats import format_won, screen_date
from iljari.core.models import User
from iljari.fund.models import Notice
from iljari.messaging.services import messages_send_many

TEMPLATES = {Notice.Kind.REPAYMENT: "fund_repayment_due", Notice.Kind.OVERDUE: "fund_repayment_overdue"}


def notices_notify(*, actor, notices) -> int:
    if actor is None:
        return 0
    notices = list(notices)
    contacts = defaultdict(list)
    borrowers = {n.loan.borrower_id for n in notices}
    for user in User.objects.filter(organisation_id__in=borrowers, is_active=True).order_by("pk"):
        contacts[user.organisation_id].append(user)
    sent = 0
    for kind, template in TEMPLATES.items():
        items = [
            (
                contact,
                {
                    "organisation": notice.loan.borrower.name,
                    "loan": notice.loan.number,
                    "amount": format_won(notice.amount),
                    "due": screen_date(notice.period_end),
                    "number": f"{notice.loan.number}-{notice.period_start:%Y%m}",
                },
                notice,
            )
            for notice in notices
            if notice.kind == kind
            for contact in contacts[notice.loan.borrower_id]
        ]
        sent += messages_send_many(template=template, items=items, actor=actor)
    return sent
