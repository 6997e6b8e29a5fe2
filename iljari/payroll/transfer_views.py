"""The transfer pages of a worksite's confirmed month: the batches per paying body with their lines and statuses,
the correction list, making the month's files, the bank file and its xlsx (downloads of personal data: written to
the access log), uploading the bank's result, making the re-issue file."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.access import access_participation_view, access_worksite_records, require
from iljari.core.downloads import download_named
from iljari.core.errors import NotFound
from iljari.core.formats import screen_month
from iljari.core.forms import KrdsFormMixin
from iljari.core.http import XLSX, log_person_access, service_step
from iljari.participation.selectors import worksite_get
from iljari.payroll import transfer_selectors as selectors
from iljari.payroll import transfers

MAX_RESULT_BYTES = 10 * 1024 * 1024  # 10,000 lines are 1.2 MB


class ResultUploadForm(KrdsFormMixin, forms.Form):
    file = forms.FileField(label="은행 처리 결과 파일", help_text="은행이 돌려준 대량이체 결과 파일(고정길이, CP949)")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_RESULT_BYTES:
            raise forms.ValidationError("결과 파일이 너무 큽니다(10MB까지).")
        return upload


def _month(year: int, month: int) -> date:
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise NotFound("그런 달은 없습니다.")
    return date(year, month, 1)


def _month_url(batch_or_worksite, month: date) -> str:
    code = getattr(batch_or_worksite, "code", "")
    return reverse("transfers:month", args=[code, month.year, month.month])


def _page(request, worksite, month, *, upload_form=None, upload_batch=None, status=200):
    view = selectors.transfer_month(user=request.user, worksite=worksite, month=month)
    people = {line.person_id for lines in view.lines.values() for line in lines}
    log_person_access(request, "view", sorted(people), f"사업장 {worksite.code} {screen_month(month)} 급여 이체")
    context = {
        "view": view,
        "worksite": view.worksite,
        "month": month,
        "can_pay": access_worksite_records(request.user, view.worksite),
        "upload_form": upload_form or ResultUploadForm(),
        "upload_batch": upload_batch,
        "status_text": selectors.payment_status_text,
    }
    return render(request, "payroll/transfer_month.html", context, status=status)


@login_required
def transfer_month(request, code: str, year: int, month: int):
    require(access_participation_view(request.user))
    worksite = worksite_get(user=request.user, code=code)
    return _page(request, worksite, _month(year, month))


@login_required
@require_POST
def transfer_make(request, code: str, year: int, month: int):
    worksite = worksite_get(user=request.user, code=code)
    require(access_worksite_records(request.user, worksite), "이 사업장의 급여를 이체할 권한이 없습니다.")
    day = _month(year, month)
    url = _month_url(worksite, day)

    def run():
        made = transfers.transfer_batches_make(actor=request.user, worksite=worksite, month=day)
        counts = " · ".join(f"{batch.payer_name} {batch.count:,}건" for batch in made)
        return f"이체 파일을 만들었습니다: {counts}.", url

    return service_step(request, run, back=url)


def _batch(request, pk: int, *, change: bool):
    batch = selectors.transfer_batch_get(user=request.user, pk=pk)
    if change:
        require(
            access_worksite_records(request.user, batch.confirmation.worksite),
            "이 사업장의 급여를 이체할 권한이 없습니다.",
        )
    return batch


def _download(request, batch, data: bytes, *, content_type: str, name: str, detail: str):
    people = list(batch.lines.values_list("person_id", flat=True))
    log_person_access(request, "download", people, f"{batch.code} {detail}")
    response = HttpResponse(data, content_type=content_type)
    download_named(response, name, fallback=f"transfer-{batch.code}")
    response["Cache-Control"] = "private, no-store"
    return response


def _file_name(batch) -> str:
    worksite = batch.confirmation.worksite
    kind = " 재지급" if batch.kind == batch.Kind.REISSUE else ""
    return f"{screen_month(batch.month)} {worksite.name} 급여 이체{kind}({batch.payer_name})"


@login_required
def batch_file(request, pk: int):
    """The bank's file: only for those who pay the worksite (it carries the whole account numbers)."""
    batch = _batch(request, pk, change=True)
    data = transfers.transfer_file(batch=batch)
    name = f"{_file_name(batch)}.txt"
    return _download(request, batch, data, content_type="application/octet-stream", name=name, detail="은행 이체 파일")


@login_required
def batch_sheet(request, pk: int):
    batch = _batch(request, pk, change=True)
    data = transfers.transfer_sheet_file(batch=batch)
    return _download(request, batch, data, content_type=XLSX, name=f"{_file_name(batch)}.xlsx", detail="이체 목록")


@login_required
@require_POST
def batch_result(request, pk: int):
    batch = _batch(request, pk, change=True)
    worksite, month = batch.confirmation.worksite, batch.month
    form = ResultUploadForm(request.POST, request.FILES)

    def run(data):
        summary = transfers.transfer_result_apply(actor=request.user, batch=batch, data=data["file"].read())
        people = list(batch.lines.values_list("person_id", flat=True))
        log_person_access(request, "change", people, f"{batch.code} 은행 결과 반영")
        return f"{batch.code} 결과를 반영했습니다. {summary.message}", _month_url(worksite, month)

    return service_step(
        request,
        run,
        form=form,
        render_page=lambda form, status: _page(
            request, worksite, month, upload_form=form, upload_batch=batch.pk, status=status
        ),
    )


@login_required
@require_POST
def batch_reissue(request, pk: int):
    batch = _batch(request, pk, change=True)
    url = _month_url(batch.confirmation.worksite, batch.month)

    def run():
        reissue = transfers.transfer_reissue_make(actor=request.user, batch=batch)
        return f"재지급 파일을 만들었습니다: {reissue.code} {reissue.count:,}건.", url

    return service_step(request, run, back=url)
