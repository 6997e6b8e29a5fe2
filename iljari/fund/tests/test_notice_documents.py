"""The fund's notices as documents: one notice, or a batch of one kind and period, one notice per page, in every
format, built in the background from the notice's page by whoever may see the loan."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from iljari.core.models import BackgroundJob
from iljari.core.roles import Role
from iljari.fund import services
from iljari.fund.models import Notice
from iljari.fund.tests.test_portfolio_notices import book  # noqa: F401 - the fixture, shared

pytestmark = pytest.mark.django_db
MAY = "?year=2018&as_of=2018-05-31"


@pytest.fixture
def overdue(book):  # noqa: F811
    """Two loans behind at the end of May: A-2 (nothing paid) and a second loan made like it."""
    services.notices_generate(kind="overdue", period_start=date(2018, 5, 1), period_end=date(2018, 5, 31))
    return Notice.objects.get(loan__number="A-2")


def _build(client, subject, fmt, capture):
    with capture(execute=True):
        response = client.post(f"/office/reports/build/{MAY}", {"kind": "notice", "subject": subject, "format": fmt})
    job = BackgroundJob.objects.latest("pk")
    assert response["Location"] == f"/jobs/{job.pk}/"
    job.refresh_from_db()
    return job


def test_the_notice_page_builds_its_overdue_notice_as_pdf(overdue, fund_manager, django_capture_on_commit_callbacks):
    from django.test import Client

    client = Client()
    client.force_login(fund_manager)
    page = client.get(f"/fund/notices/{overdue.pk}/").content.decode()
    assert "이 고지서 만들기" in page and f'name="subject" value="{overdue.pk}"' in page
    assert 'name="subject" value="overdue-2018-05-01"' in page  # the batch of the same kind and period
    job = _build(client, str(overdue.pk), "pdf", django_capture_on_commit_callbacks)
    assert job.status == "succeeded", job.error
    text = PdfReader(io.BytesIO(job.result.open("rb").read())).pages[0].extract_text().replace(" ", "")
    # the four instalments due and unpaid at the end of 5.31. (see test_portfolio_notices), and 92 days behind
    assert f"{1_020_000 + 1_018_333 + 1_016_666 + 1_015_000:,}" in text and "92일" in text
    assert "미납·연체고지" in text and overdue.loan.borrower.name.replace(" ", "") in text


def test_a_batch_prints_every_notice_of_its_period_one_per_page(book, fund_manager, django_capture_on_commit_callbacks):  # noqa: F811
    from django.test import Client

    count = services.notices_generate(kind="repayment", period_start=date(2018, 5, 16), period_end=date(2018, 5, 31))
    assert count >= 2
    client = Client()
    client.force_login(fund_manager)
    job = _build(client, "repayment-2018-05-16", "pdf", django_capture_on_commit_callbacks)
    reader = PdfReader(io.BytesIO(job.result.open("rb").read()))
    assert len(reader.pages) == count
    numbers = sorted(Notice.objects.filter(period_start=date(2018, 5, 16)).values_list("loan__number", flat=True))
    assert [n for n in numbers if any(n in page.extract_text() for page in reader.pages)] == numbers


def test_an_unknown_notice_or_batch_fails_in_korean_and_others_cannot_build(
    overdue, client_as, django_capture_on_commit_callbacks
):
    manager = client_as(Role.OFFICE_MANAGER)
    job = _build(manager, "overdue-2019-01-01", "md", django_capture_on_commit_callbacks)
    assert job.status == "failed" and "2019.1.1.에 시작하는 고지가 없습니다" in job.error and not job.result
    refused = client_as(Role.CITIZEN).post(
        f"/office/reports/build/{MAY}", {"kind": "notice", "subject": "1", "format": "md"}
    )
    assert refused.status_code == 403
