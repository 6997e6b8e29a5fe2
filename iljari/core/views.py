"""core pages: login and logout, one's own account, the change history, login records, accounts.

Each view parses input, calls one selector or service, and renders; permission is decided in core.access.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core import locks, selectors, services
from iljari.core.access import (
    access_access_log_review_sign,
    access_month_lock,
    access_office_figures_view,
    access_retention_rules_change,
    access_technical_notes,
    require,
)
from iljari.core.accesslog import (
    access_log_list,
    access_log_month_review,
    access_log_print,
    access_log_review_sign,
    access_log_subjects,
)
from iljari.core.audit_lists import ACCESS_LOG, CHANGE_BATCHES, HISTORY, LOGIN_EVENTS
from iljari.core.downloads import download_named
from iljari.core.errors import IljariError, NotFound, ValidationFailed
from iljari.core.formats import screen_datetime
from iljari.core.forms import (
    AccessLogFilterForm,
    ChangeBatchFilterForm,
    HistoryFilterForm,
    LoginEventFilterForm,
    LoginForm,
    PasswordChangeForm,
    SecondFactorCodeForm,
)
from iljari.core.history import entry_change_rows, entry_model_label, entry_object_text
from iljari.core.http import XLSX, error_text, form_apply_error, paginate, personal_export, safe_next, service_step
from iljari.core.jobs import job_get, job_list
from iljari.core.lists import list_note, list_read, list_sheet
from iljari.core.middleware import client_address
from iljari.core.period import period_newest_year
from iljari.core.retention import destruction_register_list, retention_rule_set, retention_rules
from iljari.core.second_factor import (
    recovery_codes_left,
    second_factor_device_pending,
    second_factor_enrolled,
    second_factor_qr_svg,
    second_factor_required,
    second_factor_secret_text,
)
from iljari.core.worklist import worklist_day

PENDING_LOGIN = "iljari_pending_login"  # the session of a login whose password was right, awaiting its code


def _signed_in(request, result) -> None:
    """Log the account in and greet it with its previous login (and, after a recovery code, the codes left)."""
    login(request, result.user, backend="django.contrib.auth.backends.ModelBackend")
    if result.previous_login is not None:
        at = screen_datetime(result.previous_login.at)
        note = f"지난 접속: {at} ({result.previous_login.remote_addr or '주소 없음'})"
        if result.failures_since_previous:
            note += f" · 그 뒤 로그인 실패 {result.failures_since_previous}회"
    else:
        note = "처음 접속하셨습니다."
    messages.info(request, note)  # information, not a success message
    if result.recovery_codes_left is not None:
        messages.warning(
            request,
            f"복구 코드로 로그인했습니다. 남은 복구 코드는 {result.recovery_codes_left}개입니다. "
            "인증 앱을 다시 등록하면 새 복구 코드를 받습니다.",
        )


def login_view(request):
    if request.user.is_authenticated:
        return redirect("web:home")
    if request.GET.get("expired"):
        messages.warning(request, "오랫동안 사용하지 않아 자동으로 로그아웃되었습니다. 다시 로그인하십시오.")

    def sign_in(data):
        result = services.account_authenticate(
            username=data["username"],
            password=data["password"],
            remote_addr=client_address(request),
            user_agent=request.headers.get("User-Agent", ""),
        )
        target = safe_next(request, reverse("web:home"))
        if result.code_required:
            request.session[PENDING_LOGIN] = {"user": result.user.pk, "at": time.time(), "next": target}
            return None, reverse("core:login_code")
        _signed_in(request, result)
        return None, target

    return service_step(
        request,
        sign_in,
        form=LoginForm(request.POST or None),
        render_page=lambda form, status: render(
            request, "core/login.html", {"form": form, "next": request.GET.get("next", "")}, status=status
        ),
    )


def login_code(request):
    """The second step of a login with a second factor: the authenticator's code (or a recovery code). Only after
    the password step of this same session, for ILJARI_SECOND_FACTOR_PENDING_MINUTES."""
    if request.user.is_authenticated:
        return redirect("web:home")
    pending = request.session.get(PENDING_LOGIN) or {}
    if not pending or time.time() - pending.get("at", 0) > settings.ILJARI_SECOND_FACTOR_PENDING_MINUTES * 60:
        request.session.pop(PENDING_LOGIN, None)
        messages.warning(request, "인증 코드 입력 시간이 지났거나 로그인을 시작하지 않았습니다. 다시 로그인하십시오.")
        return redirect("core:login")

    def verify(data):
        result = services.account_second_factor_verify(
            user_id=pending["user"],
            code=data["code"],
            remote_addr=client_address(request),
            user_agent=request.headers.get("User-Agent", ""),
        )
        request.session.pop(PENDING_LOGIN, None)
        _signed_in(request, result)
        return None, pending.get("next") or reverse("web:home")

    return service_step(
        request,
        verify,
        form=SecondFactorCodeForm(request.POST or None),
        render_page=lambda form, status: render(request, "core/login_code.html", {"form": form}, status=status),
    )


@require_POST
def logout_view(request):
    if request.user.is_authenticated:
        services.account_logout_record(user=request.user, remote_addr=client_address(request))
    logout(request)
    messages.info(request, "로그아웃했습니다.")
    return redirect("core:login")


@login_required
def profile(request):
    events = selectors.own_login_event_list(user=request.user)
    return render(request, "core/profile.html", {"events": events})


@login_required
def password_change(request):
    """One's own password; also the forced change (a new account's first login, after a reset), which every other
    page leads to until it is done (core.middleware.AccountGateMiddleware)."""
    forced = request.user.must_change_password

    def change(data):
        user = services.user_password_change(
            user=request.user,
            old_password=data["old_password"],
            new_password=data["new_password"],
            remote_addr=client_address(request),
        )
        update_session_auth_hash(request, user)
        return "비밀번호를 바꾸었습니다.", reverse("web:home") if forced else reverse("core:profile")

    return service_step(
        request,
        change,
        form=PasswordChangeForm(request.POST or None),
        render_page=lambda form, status: render(
            request, "core/password_change.html", {"form": form, "forced": forced}, status=status
        ),
    )


@login_required
def second_factor(request):
    """One's own second factor: enrol an authenticator app (the QR code drawn on the server, the secret to type in,
    a code to confirm), then the ten recovery codes shown once. An account whose role requires it is led here until
    it is done (core.middleware.AccountGateMiddleware)."""
    user = request.user
    required = second_factor_required(user)
    enrolled = second_factor_enrolled(user)
    renewing = request.GET.get("renew") == "1" or request.POST.get("renew") == "1"
    context = {"required": required, "enrolled": enrolled, "renewing": renewing}
    if enrolled and not renewing:
        return render(request, "core/second_factor.html", {**context, "codes_left": recovery_codes_left(user)})
    device = second_factor_device_pending(user)
    context |= {"qr_svg": second_factor_qr_svg(device, user), "secret": second_factor_secret_text(device)}
    form = SecondFactorCodeForm(request.POST or None)
    form.fields["code"].help_text = "인증 앱에 보이는 6자리 숫자"
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.second_factor_enrol_confirm(
                user=user, code=form.cleaned_data["code"], remote_addr=client_address(request)
            )
        except IljariError as error:
            form_apply_error(form, error)
        else:
            response = render(request, "core/second_factor_codes.html", {"codes": codes})
            response["Cache-Control"] = "private, no-store"
            return response
    status = 400 if form.errors else 200
    response = render(request, "core/second_factor.html", {**context, "form": form}, status=status)
    response["Cache-Control"] = "private, no-store"  # the secret is on the page
    return response


# --- change history and login records (auditor, system admin) -----------------------------------------


@login_required
def _history(request):
    """The change history as the list asks: the filter form's filters, the search box, sorted (core/audit_lists.py)."""
    listing = list_read(request, HISTORY)
    form = HistoryFilterForm(request.GET or None, model_choices=selectors.tracked_model_choices())
    filters = form.cleaned_data if form.is_valid() else {}
    entries = selectors.change_history_list(
        user=request.user,
        actor_id=filters["actor"].pk if filters.get("actor") else None,
        model=filters.get("model", ""),
        object_pk=filters.get("object_pk", ""),
        action=filters.get("action"),
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
        q=listing.q,
    )
    return form, listing, listing.order(entries)


@login_required
def history_list(request):
    form, listing, entries = _history(request)
    page = paginate(request, entries)
    rows = [{"entry": entry, "kind": entry_model_label(entry), "object": entry_object_text(entry)} for entry in page]
    return render(request, "core/history_list.html", {"form": form, "listing": listing, "page": page, "rows": rows})


@login_required
def history_export(request):
    """The change history as the list shows it (the same search, filters and sort), every row, as xlsx."""
    _form, listing, entries = _history(request)
    response = HttpResponse(list_sheet(listing, entries.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "변경이력 목록.xlsx", fallback="change-history.xlsx")
    return response


@login_required
def history_detail(request, pk: int):
    entry = selectors.change_history_get(user=request.user, pk=pk)
    context = {
        "entry": entry,
        "kind": entry_model_label(entry),
        "object": entry_object_text(entry),
        "changes": entry_change_rows(entry),
    }
    return render(request, "core/history_detail.html", context)


@login_required
def _change_batches(request):
    """The change batches as the list asks: the filter form's filters, the search box, sorted (core/audit_lists.py)."""
    listing = list_read(request, CHANGE_BATCHES)
    form = ChangeBatchFilterForm(request.GET or None, kind_choices=selectors.change_batch_kind_choices())
    filters = form.cleaned_data if form.is_valid() else {}
    batches = selectors.change_batch_list(
        user=request.user,
        kind=filters.get("kind", ""),
        actor_id=filters["actor"].pk if filters.get("actor") else None,
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
        q=listing.q,
    )
    return form, listing, listing.order(batches)


@login_required
def change_batch_list(request):
    form, listing, batches = _change_batches(request)
    context = {"form": form, "listing": listing, "page": paginate(request, batches)}
    return render(request, "core/change_batch_list.html", context)


@login_required
def change_batch_export(request):
    """The change batches as the list shows them (the same search, filters and sort), every row, as xlsx."""
    _form, listing, batches = _change_batches(request)
    response = HttpResponse(list_sheet(listing, batches.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "일괄 변경 목록.xlsx", fallback="change-batches.xlsx")
    return response


@login_required
def change_batch_detail(request, pk: int):
    batch = selectors.change_batch_get(user=request.user, pk=pk)
    page = paginate(request, selectors.change_batch_entries(user=request.user, batch=batch))
    entries = [
        {
            "entry": entry,
            "kind": entry_model_label(entry),
            "object": entry_object_text(entry),
            "changes": entry_change_rows(entry),
        }
        for entry in page
    ]
    return render(request, "core/change_batch_detail.html", {"batch": batch, "page": page, "entries": entries})


@login_required
def _login_events(request):
    """The login events as the list asks: the filter form's id search and filters, sorted (core/audit_lists.py)."""
    listing = list_read(request, LOGIN_EVENTS)
    form = LoginEventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, listing, listing.order(selectors.login_event_list(user=request.user, **filters))


@login_required
def login_event_list(request):
    form, listing, events = _login_events(request)
    context = {"form": form, "listing": listing, "page": paginate(request, events)}
    return render(request, "core/login_event_list.html", context)


@login_required
def login_event_export(request):
    """The login events as the list shows them (the same filters and sort), every row, as xlsx."""
    _form, listing, events = _login_events(request)
    response = HttpResponse(list_sheet(listing, events.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "로그인 기록.xlsx", fallback="login-events.xlsx")
    return response


# --- month locks (office manager signs off a month) -----------------------------------------------------


@login_required
def month_locks(request):
    require(access_office_figures_view(request.user))
    can_lock = access_month_lock(request.user)
    if request.method == "POST":
        require(can_lock, "월 마감은 총괄만 할 수 있습니다.")

        def lock_or_unlock():
            try:
                year, month = int(request.POST.get("year", "")), int(request.POST.get("month", ""))
            except ValueError:
                raise ValidationFailed("연도와 월을 숫자로 입력하십시오.") from None
            if request.POST.get("action") == "lock":  # closing goes through its approval (결재) where registered
                return locks.month_close(actor=request.user, year=year, month=month), reverse("core:month_locks")
            lock = locks.month_unlock(actor=request.user, year=year, month=month)
            return f"{lock.year}년 {lock.month}월을 마감 해제했습니다.", reverse("core:month_locks")

        return service_step(request, lock_or_unlock, back=reverse("core:month_locks"))
    raw_year = request.GET.get("year", "")
    year = int(raw_year) if raw_year.isdecimal() and 2000 <= int(raw_year) <= 2100 else period_newest_year()
    context = {
        "locks": locks.month_lock_list(),
        "can_lock": can_lock,
        "to_close": locks.months_to_close(year=year, today=worklist_day(request)),
        "year": year,
    }
    return render(request, "core/month_locks.html", context)


@login_required
def _access_log(request):
    """The access log as the list asks: the filter form's filters, the search box, sorted (core/audit_lists.py)."""
    listing = list_read(request, ACCESS_LOG)
    form = AccessLogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, listing, listing.order(access_log_list(user=request.user, q=listing.q, **filters))


def _with_subjects(entries, *, user, chunk: int = 1000):
    """(entry, its subjects by masked name) for every entry, the names looked up a chunk at a time."""
    batch = []
    for entry in entries.iterator(chunk_size=chunk):
        batch.append(entry)
        if len(batch) == chunk:
            yield from zip(batch, access_log_subjects(batch, user=user), strict=True)
            batch = []
    yield from zip(batch, access_log_subjects(batch, user=user), strict=True)


@login_required
def access_log(request):
    form, listing, entries = _access_log(request)
    page = paginate(request, entries)
    rows = zip(page, access_log_subjects(page, user=request.user), strict=True)
    context = {
        "form": form,
        "listing": listing,
        "page": page,
        "rows": rows,
        "technical": access_technical_notes(request.user),
    }
    return render(request, "core/access_log.html", context)


@login_required
def access_log_export(request):
    """The access log as the list shows it, every row, as xlsx: a download of personal data (the subjects by
    masked name), asked its purpose, minimised and itself written to the access log with the people it names."""
    _form, listing, entries = _access_log(request)
    people = entries.filter(subject_type="people.person").values_list("subject_ids", flat=True)
    return personal_export(
        request,
        export=ACCESS_LOG.export,
        subject_ids=sorted({int(i) for ids in people.iterator() for i in ids.split(",") if i.isdecimal()}),
        detail=f"개인정보 접속기록 · {list_note(listing)}",
        build=lambda: list_sheet(listing, _with_subjects(entries, user=request.user)),
        filename="개인정보 접속기록.xlsx",
        fallback="access-log.xlsx",
        back=reverse("core:access_log"),
    )


# --- background jobs ---------------------------------------------------------------------------------------


@login_required
def job_detail(request, pk: int):
    """A background job: its progress (polled by htmx while it runs), then its result or the reason it failed."""
    job = job_get(user=request.user, pk=pk)
    context = {"job": job, "jobs": job_list(user=request.user), "technical": access_technical_notes(request.user)}
    return render(request, "core/job_detail.html", context)


@login_required
def job_progress(request, pk: int):
    """The progress fragment the job page polls; it stops polling once the job has finished."""
    context = {"job": job_get(user=request.user, pk=pk), "technical": access_technical_notes(request.user)}
    return render(request, "core/_job_progress.html", context)


@login_required
def job_download(request, pk: int):
    job = job_get(user=request.user, pk=pk)
    if job.status != job.Status.SUCCEEDED or not job.result:
        raise NotFound("내려받을 결과가 없습니다.")
    try:
        handle = job.result.open("rb")
    except FileNotFoundError as exc:
        raise NotFound("결과 파일을 찾을 수 없습니다(보관 기간이 지났을 수 있습니다).") from exc
    response = FileResponse(handle, content_type=job.result_type)
    download_named(response, job.result_name)
    response["Cache-Control"] = "private, no-store"
    return response


# --- personal data protection: the monthly access-log review, retention periods, the destruction register ---


def _review_month(request) -> tuple[int, int]:
    """The month asked for (?month=2026-11), or last month; a bad value gives last month."""
    today = timezone.localdate()
    last = (today.replace(day=1) - timezone.timedelta(days=1)).replace(day=1)
    text = (request.POST.get("month") or request.GET.get("month") or "").strip()
    try:
        year, month = (int(part) for part in text.split("-"))
        if 2000 <= year <= 2100 and 1 <= month <= 12:
            return year, month
    except ValueError:
        pass
    return last.year, last.month


@login_required
def access_log_review(request):
    """The monthly review of the access log for the auditor: volumes per account, unusual days, off-hours access,
    bulk downloads, and the sign-off (POST, the auditor)."""
    year, month = _review_month(request)
    if request.method == "POST":
        require(access_access_log_review_sign(request.user), "접속기록 점검 확인은 감사 담당자가 합니다.")
        back = f"{reverse('core:access_log_review')}?month={year}-{month:02d}"

        def sign():
            access_log_review_sign(user=request.user, year=year, month=month, note=request.POST.get("note", ""))
            return f"{year}년 {month}월 접속기록 점검을 확인했습니다.", back

        return service_step(request, sign, back=back)
    report = access_log_month_review(user=request.user, year=year, month=month)
    context = {
        "report": report,
        "month_value": f"{year}-{month:02d}",
        "can_sign": access_access_log_review_sign(request.user),
    }
    return render(request, "core/access_log_review.html", context)


@login_required
def retention(request):
    """The retention periods (보유기간) and the destruction register (파기 대장); the office sets a period (POST)."""
    register = destruction_register_list(user=request.user)
    if request.method == "POST":
        require(access_retention_rules_change(request.user), "보유기간을 정할 권한이 없습니다.")

        def set_rule():
            rule = retention_rule_set(
                user=request.user,
                code=request.POST.get("code", ""),
                years=request.POST.get("years"),
                note=request.POST.get("note", ""),
            )
            return f"보유기간을 {rule.years}년으로 정했습니다.", reverse("core:retention")

        return service_step(request, set_rule, back=reverse("core:retention"))
    context = {
        "rules": retention_rules(),
        "page": paginate(request, register),
        "can_change": access_retention_rules_change(request.user),
    }
    return render(request, "core/retention.html", context)


@login_required
@require_POST
def print_record(request):
    """The 인쇄 button of a page with personal data: one `print` entry in the access log naming the page's people.
    The script posts it as a beacon when the browser prints (answered 204); without the script the button posts
    the form and comes back to the page with a message. A bad token: 400, nothing written."""
    back = safe_next(request, reverse("web:home"))
    try:
        access_log_print(user=request.user, remote_addr=client_address(request), token=request.POST.get("token", ""))
    except IljariError as error:
        if request.POST.get("beacon"):
            return HttpResponse(status=400)
        return render(request, "400.html", {"error_message": error_text(error)}, status=400)
    if request.POST.get("beacon"):
        return HttpResponse(status=204)
    messages.info(request, "인쇄 기록을 남겼습니다. 브라우저의 인쇄 기능(Ctrl+P)으로 인쇄하십시오.")
    return redirect(back)
