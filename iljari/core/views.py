"""core pages: login and logout, one's own account, the change history, login records, accounts.

Each view parses input, calls one selector or service, and renders; permission is decided in core.access.
"""

from __future__ import annotations

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
    access_accounts_manage,
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
    UserFilterForm,
    UserForm,
)
from iljari.core.history import entry_change_rows, entry_model_label, entry_object_text
from iljari.core.http import error_text, paginate, safe_next, service_step
from iljari.core.jobs import job_get, job_list
from iljari.core.korean import with_object
from iljari.core.middleware import client_address
from iljari.core.retention import destruction_register_list, retention_rule_set, retention_rules


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
        login(request, result.user, backend="django.contrib.auth.backends.ModelBackend")
        if result.previous_login is not None:
            at = screen_datetime(result.previous_login.at)
            note = f"지난 접속: {at} ({result.previous_login.remote_addr or '주소 없음'})"
            if result.failures_since_previous:
                note += f" · 그 뒤 로그인 실패 {result.failures_since_previous}회"
        else:
            note = "처음 접속하셨습니다."
        messages.info(request, note)  # information, not a success message
        return None, safe_next(request, reverse("web:home"))

    return service_step(
        request,
        sign_in,
        form=LoginForm(request.POST or None),
        render_page=lambda form, status: render(
            request, "core/login.html", {"form": form, "next": request.GET.get("next", "")}, status=status
        ),
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
    def change(data):
        user = services.user_password_change(
            user=request.user, old_password=data["old_password"], new_password=data["new_password"]
        )
        update_session_auth_hash(request, user)
        return "비밀번호를 바꾸었습니다.", reverse("core:profile")

    return service_step(
        request,
        change,
        form=PasswordChangeForm(request.POST or None),
        render_page=lambda form, status: render(request, "core/password_change.html", {"form": form}, status=status),
    )


# --- change history and login records (auditor, system admin) -----------------------------------------


@login_required
def history_list(request):
    model_choices = selectors.tracked_model_choices()
    form = HistoryFilterForm(request.GET or None, model_choices=model_choices)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = selectors.change_history_list(
        user=request.user,
        actor_id=filters["actor"].pk if filters.get("actor") else None,
        model=filters.get("model", ""),
        object_pk=filters.get("object_pk", ""),
        action=filters.get("action"),
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    page = paginate(request, entries)
    rows = [{"entry": entry, "kind": entry_model_label(entry), "object": entry_object_text(entry)} for entry in page]
    return render(request, "core/history_list.html", {"form": form, "page": page, "rows": rows})


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
def change_batch_list(request):
    form = ChangeBatchFilterForm(request.GET or None, kind_choices=selectors.change_batch_kind_choices())
    filters = form.cleaned_data if form.is_valid() else {}
    batches = selectors.change_batch_list(
        user=request.user,
        kind=filters.get("kind", ""),
        actor_id=filters["actor"].pk if filters.get("actor") else None,
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    return render(request, "core/change_batch_list.html", {"form": form, "page": paginate(request, batches)})


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
def login_event_list(request):
    form = LoginEventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = selectors.login_event_list(user=request.user, **filters)
    return render(request, "core/login_event_list.html", {"form": form, "page": paginate(request, events)})


# --- accounts (system admin) ---------------------------------------------------------------------------


@login_required
def user_list(request):
    form = UserFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    users = selectors.user_list(user=request.user, **filters)
    return render(request, "core/user_list.html", {"form": form, "page": paginate(request, users)})


def _user_fields(data: dict) -> dict:
    return {key: data[key] for key in ("role", "display_name", "email", "phone", "org_unit", "district", "partner")}


@login_required
def user_create(request):
    require(access_accounts_manage(request.user))

    def create(data):
        created = services.user_create(
            actor=request.user, username=data["username"], password=data["password"], **_user_fields(data)
        )
        return f"계정 {with_object(created.username)} 만들었습니다.", reverse(
            "core:user_detail", kwargs={"pk": created.pk}
        )

    return service_step(
        request,
        create,
        form=UserForm(request.POST or None),
        render_page=lambda form, status: render(
            request, "core/user_form.html", {"form": form, "editing": None}, status=status
        ),
    )


@login_required
def user_detail(request, pk: int):
    account = selectors.user_get(user=request.user, pk=pk)
    if request.method == "POST":
        form = UserForm(request.POST, editing=True, initial={"username": account.username})
    else:
        form = UserForm(
            editing=True,
            initial={
                "username": account.username,
                "display_name": account.display_name,
                "email": account.email,
                "phone": account.phone,
                "role": account.role,
                "org_unit": account.org_unit,
                "district": account.district,
                "partner": account.partner,
                "is_active": account.is_active,
            },
        )

    def save(data):
        services.user_update(actor=request.user, user=account, is_active=data["is_active"], **_user_fields(data))
        return "계정 정보를 저장했습니다.", reverse("core:user_detail", kwargs={"pk": account.pk})

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda form, status: render(
            request,
            "core/user_form.html",
            {"form": form, "editing": account, "locks": services.login_locks(username=account.username)},
            status=status,
        ),
    )


@login_required
@require_POST
def user_unlock(request, pk: int):
    account = selectors.user_get(user=request.user, pk=pk)
    back = reverse("core:user_detail", kwargs={"pk": account.pk})

    def unlock():
        services.user_unlock(actor=request.user, user=account)
        return f"{account.username} 계정의 잠금을 해제했습니다.", back

    return service_step(request, unlock, back=back)


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
            action = locks.month_lock if request.POST.get("action") == "lock" else locks.month_unlock
            lock = action(actor=request.user, year=year, month=month)
            done = "마감" if lock.is_locked else "마감 해제"
            return f"{lock.year}년 {lock.month}월을 {done}했습니다.", reverse("core:month_locks")

        return service_step(request, lock_or_unlock, back=reverse("core:month_locks"))
    return render(request, "core/month_locks.html", {"locks": locks.month_lock_list(), "can_lock": can_lock})


@login_required
def access_log(request):
    form = AccessLogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = access_log_list(user=request.user, **filters)
    page = paginate(request, entries)
    rows = zip(page, access_log_subjects(page, user=request.user), strict=True)
    context = {"form": form, "page": page, "rows": rows, "technical": access_technical_notes(request.user)}
    return render(request, "core/access_log.html", context)


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
