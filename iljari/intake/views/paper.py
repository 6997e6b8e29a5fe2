"""Paper applications registered by the office: one by one (the person by resident number, or registered on the
spot), or a district-run round from an xlsx sheet (all rows or none; a large sheet as a background job), and the
sheet's template."""

from __future__ import annotations

import re

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from iljari.core.access import require
from iljari.core.downloads import download_named
from iljari.core.http import XLSX, log_person_access, service_step, xlsx_upload
from iljari.core.jobs import job_start
from iljari.core.middleware import client_address
from iljari.intake import selectors, services, tasks
from iljari.intake.forms import PaperApplicationForm


def _call_for_paper(request, code: str):
    """The call and the quotas this user registers paper applications to (a district officer: their district's)."""
    call = selectors.call_get(user=request.user, code=code)
    quotas = selectors.registrable_quotas(user=request.user, call=call)
    require(bool(quotas), "이 공고에 서면 신청을 등록할 권한이 없습니다.")
    return call, quotas


@login_required
def call_paper(request, code: str):
    """Register one paper application: the person by resident number, or registered on the spot."""
    call, quotas = _call_for_paper(request, code)
    form = PaperApplicationForm(request.POST or None, quotas=quotas)

    def register(data):
        application = services.application_paper_register(
            actor=request.user,
            call=call,
            quota=data["quota"],
            rrn=data["rrn"],
            person_details=form.person_details(),
            consents=form.consents(),
        )
        log_person_access(request, "create", [application.person_id], f"서면 신청 등록 (신청 #{application.pk})")
        done = f"{application.person.name}님의 서면 신청을 등록했습니다. 접수번호 {application.pk}"
        return done, reverse("intake:call_paper", args=[call.code])

    return service_step(
        request,
        register,
        form=form,
        render_page=lambda f, status: render(
            request, "intake/call_paper.html", {"call": call, "form": f}, status=status
        ),
    )


@login_required
def call_import(request, code: str):
    """Paper applications of a district-run round from an xlsx sheet: all rows, or none."""
    call, quotas = _call_for_paper(request, code)

    def importer(data: bytes) -> int:
        ids = services.application_bulk_import(
            actor=request.user, call=call, data=data, consented=request.POST.get("consented") == "on"
        )
        log_person_access(request, "create", ids, f"엑셀 일괄 서면 신청 {len(ids)}건 ({call.code})")
        return len(ids)

    def queue(data: bytes):
        consented = request.POST.get("consented") == "on"
        services.bulk_import_check(actor=request.user, call=call, consented=consented)  # before queueing
        return job_start(
            actor=request.user, kind="import", title=f"{call.title} 엑셀 일괄 서면 신청", task=tasks.import_task,
            upload=("applications.xlsx", data), call_id=call.pk, consented=consented, address=client_address(request),
        )  # fmt: skip

    return xlsx_upload(
        request,
        importer=importer,
        queue=queue,
        success_url=call.get_absolute_url(),
        render_page=lambda upload, status: render(
            request,
            "intake/call_import.html",
            {"call": call, "upload": upload, "columns": selectors.APPLICANT_COLUMNS, "quotas": quotas},
            status=status,
        ),
    )


@login_required
@require_GET
def call_import_template(request, code: str):
    call, quotas = _call_for_paper(request, code)
    response = HttpResponse(selectors.applicant_template(call=call, quotas=quotas), content_type=XLSX)
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", call.code)
    download_named(response, f"서면 신청 일괄 등록 양식({call.code}).xlsx", fallback=f"applicants-{safe}.xlsx")
    return response
