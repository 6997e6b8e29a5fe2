"""core pages: the accounts the system administrator keeps (list, export, create, account page, unlock, password
reset, stop and re-activate, second-factor reset)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core import selectors, services
from iljari.core.access import (
    access_accounts_manage,
    require,
)
from iljari.core.audit_lists import ACCOUNTS
from iljari.core.downloads import download_named
from iljari.core.errors import ValidationFailed
from iljari.core.forms import (
    UserFilterForm,
    UserForm,
)
from iljari.core.http import XLSX, error_text, paginate, service_step
from iljari.core.korean import with_object
from iljari.core.lists import list_read, list_sheet
from iljari.core.middleware import client_address
from iljari.core.second_factor import (
    second_factor_role_labels,
)

# --- accounts (system admin) ---------------------------------------------------------------------------


@login_required
def _accounts(request):
    """The accounts as the list asks: the filter form's search and role, sorted (core/audit_lists.py)."""
    listing = list_read(request, ACCOUNTS)
    form = UserFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    if filters.get("state") == "locked":
        filters["locked"] = services.usernames_locked()
    return form, listing, listing.order(selectors.user_list(user=request.user, **filters))


@login_required
def user_list(request):
    form, listing, users = _accounts(request)
    context = {
        "form": form,
        "listing": listing,
        "page": paginate(request, users),
        "second_factor_roles": second_factor_role_labels(),
    }
    return render(request, "core/user_list.html", context)


@login_required
def user_export(request):
    """The accounts as the list shows them (the same search, role and sort), every row, as xlsx."""
    _form, listing, users = _accounts(request)
    response = HttpResponse(list_sheet(listing, users.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "계정 목록.xlsx", fallback="accounts.xlsx")
    return response


def _user_fields(data: dict) -> dict:
    keys = ("role", "position", "display_name", "email", "phone", "org_unit", "district", "partner")
    return {key: data[key] for key in keys}


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
                "position": account.position,
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
            {
                "form": form,
                "editing": account,
                "locks": services.login_locks(username=account.username),
                "security": selectors.user_security(user=request.user, account=account),
            },
            status=status,
        ),
    )


@login_required
@require_POST
def user_unlock(request, pk: int):
    account = selectors.user_get(user=request.user, pk=pk)
    back = reverse("core:user_detail", kwargs={"pk": account.pk})

    def unlock():
        services.user_unlock(actor=request.user, user=account, remote_addr=client_address(request))
        return f"{account.username} 계정의 잠금을 해제했습니다.", back

    return service_step(request, unlock, back=back)


@login_required
@require_POST
def user_password_reset(request, pk: int):
    """비밀번호 초기화: the temporary password is shown on this answer only (not a redirect, never stored)."""
    account = selectors.user_get(user=request.user, pk=pk)
    try:
        account, password = services.user_password_reset_temporary(
            actor=request.user, user=account, remote_addr=client_address(request)
        )
    except ValidationFailed as error:
        messages.error(request, error_text(error))
        return redirect("core:user_detail", pk=account.pk)
    response = render(request, "core/user_password_reset.html", {"account": account, "password": password})
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def user_active(request, pk: int):
    account = selectors.user_get(user=request.user, pk=pk)
    back = reverse("core:user_detail", kwargs={"pk": account.pk})
    is_active = request.POST.get("is_active") == "1"

    def set_active():
        services.user_active_set(
            actor=request.user, user=account, is_active=is_active, remote_addr=client_address(request)
        )
        done = "다시 사용할 수 있게 했습니다" if is_active else "사용 중지했습니다"
        return f"{account.username} 계정을 {done}.", back

    return service_step(request, set_active, back=back)


@login_required
@require_POST
def user_second_factor_reset(request, pk: int):
    account = selectors.user_get(user=request.user, pk=pk)
    back = reverse("core:user_detail", kwargs={"pk": account.pk})

    def reset():
        services.second_factor_reset(actor=request.user, user=account, remote_addr=client_address(request))
        return f"{account.username} 계정의 2단계 인증을 초기화했습니다.", back

    return service_step(request, reset, back=back)
