"""Helpers shared by the HTML views: paging, binding service errors to forms, safe redirects, xlsx uploads."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.http import url_has_allowed_host_and_scheme

from iljari.core.errors import IljariError, ValidationFailed

PAGE_SIZE = 20


def paginate(request, queryset, *, per_page: int = PAGE_SIZE):
    """The requested page (a bad or out-of-range number gives the nearest page, never an error)."""
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    page.querystring = urlencode([(k, v) for k, values in query.lists() for v in values if v])
    page.window = [n for n in paginator.page_range if abs(n - page.number) <= 4 or n in (1, paginator.num_pages)]
    return page


def form_apply_error(form, error: IljariError) -> None:
    """Show a service's field errors on the form's fields (or at the top when no such field)."""
    if not error.field_errors:
        form.add_error(None, error.message)
        return
    for field, messages in error.field_errors.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


def log_person_access(request, action: str, ids, detail: str = "", reason: str = "") -> None:
    """Write to the access log (core.accesslog) that this request viewed, searched, changed or downloaded the
    personal data of these people: who, from where, which person ids, what (never the resident number)."""
    from iljari.core.accesslog import access_log_record
    from iljari.core.middleware import client_address

    ids = list(ids)
    access_log_record(
        user=request.user,
        remote_addr=client_address(request),
        action=action,
        subject_type="people.person",
        subject_ids=ids,
        detail=detail,
        reason=reason,
    )
    if action in ("view", "search") and ids:
        # the page shows these people: its 인쇄 button records a print of them (web.context_processors.shell)
        shown = getattr(request, "ilj_printable", None) or {"ids": [], "details": []}
        shown["ids"] += [i for i in ids if i not in shown["ids"]]
        shown["details"].append(detail)
        request.ilj_printable = shown


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def personal_export(request, *, export: str, subject_ids, detail: str, build, filename: str, back: str):
    """A download of personal data (core.exports): GET shows the form asking the purpose and the reason; a valid
    POST builds the sheet (`build() -> xlsx bytes`), masks what the purpose does not need, watermarks it, writes
    the download with its purpose and reason to the access log and sends it. A bad form writes nothing (400)."""
    from django.http import HttpResponse
    from django.shortcuts import render

    from iljari.core.exports import EXPORTS, ExportRequestForm, Purpose, export_prepare

    spec = EXPORTS[export]
    form = ExportRequestForm(request.POST if request.method == "POST" else None, spec=spec)
    if request.method == "POST" and form.is_valid():
        purpose, reason = form.cleaned_data["purpose"], form.cleaned_data["reason"]
        data = export_prepare(build(), spec=spec, purpose=purpose, user=request.user, reason=reason)
        log_person_access(request, "download", subject_ids, f"{detail} · 목적: {Purpose(purpose).label}", reason=reason)
        response = HttpResponse(data, content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response
    context = {"form": form, "spec": spec, "detail": detail, "back": back}
    return render(request, "web/export_form.html", context, status=400 if form.errors else 200)


def error_text(error: IljariError) -> str:
    """A service error as one line for a flash message: the message and every field's messages."""
    return " ".join([error.message, *sum(error.field_errors.values(), [])])


def safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


def form_submit(request, form, *, save, render_page):
    """A form posted to one service: `save(cleaned_data) -> (message, url)` writes (raising ValidationFailed on a
    user's mistake); on success a message and a redirect, otherwise `render_page(form, status)`."""
    from django.contrib import messages
    from django.shortcuts import redirect

    if request.method == "POST" and form.is_valid():
        try:
            message, url = save(form.cleaned_data)
        except ValidationFailed as error:
            form_apply_error(form, error)
        else:
            messages.success(request, message)
            return redirect(url)
    return render_page(form, 400 if form.errors else 200)


def xlsx_upload(request, *, importer, success_url: str, render_page, queue=None):
    """The upload half of an xlsx round trip: `importer(data) -> rows written` (a service that writes all rows
    or none); on success a message and a redirect, otherwise `render_page(upload_form, status)`. With `queue`
    (data -> BackgroundJob), a file larger than settings.ILJARI_INLINE_UPLOAD_BYTES is imported in the background
    and the page goes to the job, which shows the progress and then the rows written or every row's error."""
    from django.conf import settings
    from django.contrib import messages
    from django.shortcuts import redirect

    from iljari.web.forms import UploadForm

    upload = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and upload.is_valid():
        data = upload.cleaned_data["file"].read()
        background = queue is not None and len(data) > settings.ILJARI_INLINE_UPLOAD_BYTES
        try:
            if background:
                return redirect(queue(data))
            count = importer(data)
        except ValidationFailed as error:
            form_apply_error(upload, error)
        else:
            messages.success(request, f"엑셀 파일의 {count}행을 저장했습니다.")
            return redirect(success_url)
    return render_page(upload, 400 if upload.errors else 200)
