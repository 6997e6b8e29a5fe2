"""A notice batch tells the borrowing organisation's contacts by message (messaging), once per notice."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from iljari.core.models import User
from iljari.core.roles import Role
from iljari.fund import services
from iljari.fund.tests.test_portfolio_notices import book  # noqa: F401 - the fixture, shared
from iljari.messaging.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(borrower):
    return User.objects.create(
        username="t_coop",
        role=Role.ORGANISATION,
        organisation=borrower,
        display_name="김조합",
        email="coop@example.com",
    )


def test_an_overdue_batch_issued_by_staff_reaches_the_borrowers_contact(
    book,  # noqa: F811
    contact,
    fund_manager,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        count = services.notices_generate(
            kind="overdue", period_start=date(2018, 5, 1), period_end=date(2018, 5, 31), actor=fund_manager
        )
    assert count >= 1
    messages = Message.objects.filter(template="fund_repayment_overdue")
    assert messages.count() == count  # the one contact, once per notice
    a2 = next(m for m in messages if "A-2" in m.body)
    assert (a2.user_id, a2.channel, a2.status, a2.required) == (contact.pk, "email", "sent", True)
    # A-2's four instalments due and unpaid at the end of 5.31. (test_portfolio_notices)
    assert f"{1_020_000 + 1_018_333 + 1_016_666 + 1_015_000:,}원" in a2.body
    assert "다라사회적협동조합(예시) 김조합님" in a2.body
    assert any("A-2" in sent.body and sent.to == ["coop@example.com"] for sent in mail.outbox)


def test_the_systems_own_batch_sends_nothing(book, contact):  # noqa: F811
    services.notices_generate(kind="repayment", period_start=date(2018, 5, 16), period_end=date(2018, 5, 31))
    assert not Message.objects.exists()


def test_the_organisations_page_lists_the_messages_to_its_contacts(
    book,  # noqa: F811
    contact,
    fund_manager,
    personas,
):
    from django.test import Client

    services.notices_generate(kind="overdue", period_start=date(2018, 5, 1), period_end=date(2018, 5, 31),
                              actor=fund_manager)  # fmt: skip
    client = Client()
    client.force_login(personas[Role.OFFICE_MANAGER])
    html = client.get(f"/organisations/{contact.organisation_id}/").content.decode()
    assert "담당자에게 보낸 알림" in html and "[사회투자기금] 연체 안내" in html
