"""The 접수증 (application receipt) as a PDF, for the applicant: a citizen's own application, an organisation
account's organisation's. Built by reports (builders/receipt.py) and drawn by its PDF renderer; intake, below
reports, links here from the application's page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from iljari.core.access import access_apply, access_organisation_own, require
from iljari.core.downloads import download_named
from iljari.reports.builders.receipt import build_application_receipt, receipt_application
from iljari.reports.renderers.pdf import render_pdf


def _receipt(application) -> HttpResponse:
    response = HttpResponse(render_pdf(build_application_receipt(application=application)), "application/pdf")
    return download_named(
        response, f"접수증 {application.pk} {application.call.title}.pdf", fallback=f"receipt-{application.pk}.pdf"
    )


@login_required
def application_receipt(request, pk: int):
    require(access_apply(request.user), "시민 계정으로 볼 수 있습니다.")
    return _receipt(receipt_application(user=request.user, pk=pk))


@login_required
def org_application_receipt(request, pk: int):
    require(access_organisation_own(request.user), "기업·단체 담당자 계정으로 볼 수 있습니다.")
    return _receipt(receipt_application(user=request.user, pk=pk, organisation=True))
