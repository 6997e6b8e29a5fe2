"""Helpers shared by the HTML views of every app: paging, the service step, binding service errors to forms, safe
redirects, xlsx uploads and personal-data downloads. Core's own, so that no app imports the web shell.

Contract:
- paginate(request, queryset, *, per_page=20) -> Page
- service_step(request, run, *, form=None, render_page=None, back=None) -> HttpResponse   (every view's writes)
- form_apply_error(form, error); error_text(error) -> str; safe_next(request, fallback) -> str
- xlsx_upload(request, *, importer, success_url, render_page, queue=None); personal_export(request, ...)
- log_person_access(request, action, ids, detail="", reason=""); XLSX (the xlsx content type)
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme

from iljari.core.accesslog import access_log_record
from iljari.core.errors import IljariError, NotAllowed, NotFound, Unavailable
from iljari.core.exports import EXPORTS, ExportRequestForm, Purpose, export_prepare
from iljari.core.forms import UploadForm
from iljari.core.middleware import client_address

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
    for field, field_messages in error.field_errors.items():
        for message in field_messages:
            form.add_error(field if field in form.fields else None, message)


def log_person_access(request, action: str, ids, detail: str = "", reason: str = "") -> None:
    """Write to the access log (core.accesslog) that this request viewed, searched, changed or downloaded the
    personal data of these people: who, from where, which person ids, what (never the resident number)."""
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
    spec = EXPORTS[export]
    form = ExportRequestForm(request.POST if request.method == "POST" else None, spec=spec)
    if request.method == "POST" and form.is_valid():
        purpose, reason = form.cleaned_data["purpose"], form.cleaned_data["reason"]
        data = export_prepare(build(), spec=spec, purpose=purpose, user=request.user, reason=reason)
        log_person_access(request, "download", subject_ids, f"{detail} · 목적: {Purpose(purpose).label}", reason=reason)
        response = HttpResponse(data, content_type=XLSX)
        response["Content-Disposition"] = content_disposition_header(True, filename)  # a Korean name too
        response["Cache-Control"] = "private, no-store"
        return response
    context = {"form": form, "spec": spec, "detail": detail, "back": back}
    return render(request, "web/export_form.html", context, status=400 if form.errors else 200)


def error_text(error: IljariError) -> str:
    """A service error as one line for a flash message: the message and every field's messages (a field message
    that only repeats the message, as `field_error` and the one-time-code errors make, is said once)."""
    details = [message for messages_ in error.field_errors.values() for message in messages_]
    return " ".join([error.message, *(message for message in details if message != error.message)])


def safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


def service_step(request, run, *, form=None, render_page=None, back: str | None = None):
    """The one way a view runs a service step: `run(...) -> (message, url)` writes and says where to go next.

    - With a form: a valid POST calls `run(form.cleaned_data)`; a service error (any IljariError) goes onto the
      form's fields and the page is drawn again by `render_page(form, status)` with the error's status (400 for a
      user's mistake; a login refused for a while also sends Retry-After); a GET or an invalid form is drawn by
      `render_page` too.
    - Without a form: `run()` is called at once; a service error becomes an error message and a redirect to
      `back`.
    On success the message (if any) is shown and the browser goes to `url`. With a form, a refusal or a missing
    record (NotAllowed, NotFound) is no mistake in the form: it goes on to the error page (403, 404); a view whose
    button-only step must answer 403 checks its gate before the step. Without a form, a fault of the server
    (Unavailable: the file storage refused a file) is no mistake of the user either: the Korean error page says so
    with 503.
    """
    if form is None:
        try:
            message, url = run()
        except Unavailable:
            raise
        except IljariError as error:
            messages.error(request, error_text(error))
            return redirect(back)
        if message:
            messages.success(request, message)
        return redirect(url)
    status, retry_after = 200, None
    if request.method == "POST" and form.is_valid():
        try:
            message, url = run(form.cleaned_data)
        except (NotAllowed, NotFound):
            raise
        except IljariError as error:
            form_apply_error(form, error)
            status = error.status
            retry_after = error.retry_after
        else:
            if message:
                messages.success(request, message)
            return redirect(url)
    if form.errors and status == 200:
        status = 400
    response = render_page(form, status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def xlsx_upload(request, *, importer, success_url: str, render_page, queue=None):
    """The upload half of an xlsx round trip: `importer(data) -> rows written` (a service that writes all rows
    or none); on success a message and a redirect, otherwise `render_page(upload_form, status)`. With `queue`
    (data -> BackgroundJob), a file larger than settings.ILJARI_INLINE_UPLOAD_BYTES is imported in the background
    and the page goes to the job, which shows the progress and then the rows written or every row's error."""
    upload = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and upload.is_valid():
        data = upload.cleaned_data["file"].read()
        background = queue is not None and len(data) > settings.ILJARI_INLINE_UPLOAD_BYTES
        try:
            if background:
                return redirect(queue(data))
            count = importer(data)
        except IljariError as error:
            form_apply_error(upload, error)
            return render_page(upload, error.status)  # 400, or 503 when the file could not be stored
        else:
            messages.success(request, f"엑셀 파일의 {count}행을 저장했습니다.")
            return redirect(success_url)
    return render_page(upload, 400 if upload.errors else 200)
