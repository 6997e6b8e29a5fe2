"""Account recovery pages (core.recovery): 아이디 찾기, 비밀번호 재설정, 잠긴 계정 풀기 — each a request page (the
contact, and the user name for the last two) and a code page. Only for someone not logged in; a logged-in user is
sent home. The state between the two pages lives in the session under SESSION_KEY: the purpose, the normalised
contact, the user name and the id of the code row (never the code). Every request page answers the same whether
or not an account matches (core.recovery)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from iljari.core import recovery
from iljari.core.access import access_account_recovery
from iljari.core.forms import RecoveryAccountForm, RecoveryCodeForm, RecoveryContactForm, RecoveryPasswordForm
from iljari.core.http import service_step
from iljari.core.korean import with_direction
from iljari.core.middleware import client_address
from iljari.core.otp import PURPOSE_FIND_USERNAME, PURPOSE_PASSWORD_RESET, PURPOSE_UNLOCK, Destination

SESSION_KEY = "iljari_recovery"


@dataclass(frozen=True)
class Flow:
    purpose: str
    title: str
    request_url: str
    code_url: str
    lead: str


FLOWS = {
    PURPOSE_FIND_USERNAME: Flow(
        PURPOSE_FIND_USERNAME,
        "아이디 찾기",
        "core:find_username",
        "core:find_username_code",
        "가입할 때 등록한 전자우편 주소나 휴대전화 번호로 인증번호를 받아 아이디를 확인합니다.",
    ),
    PURPOSE_PASSWORD_RESET: Flow(
        PURPOSE_PASSWORD_RESET,
        "비밀번호 재설정",
        "core:password_reset_request",
        "core:password_reset_code",
        "아이디와 가입할 때 등록한 전자우편 주소나 휴대전화 번호를 입력하면 그곳으로 인증번호를 보냅니다. "
        "인증번호를 확인하면 새 비밀번호를 정할 수 있고, 잠긴 계정도 함께 풀립니다.",
    ),
    PURPOSE_UNLOCK: Flow(
        PURPOSE_UNLOCK,
        "잠긴 계정 풀기",
        "core:unlock_request",
        "core:unlock_code",
        "로그인에 여러 번 실패하여 잠긴 계정을 직접 풉니다. 아이디와 가입할 때 등록한 전자우편 주소나 휴대전화 "
        "번호를 입력하면 그곳으로 인증번호를 보냅니다.",
    ),
}
STAFF_NOTE = "직원 계정은 시스템관리자에게 잠금 해제나 비밀번호 초기화를 요청하십시오."


def _signed_in(request):
    messages.info(request, "이미 로그인되어 있습니다. 비밀번호는 내 정보에서 바꿀 수 있습니다.")
    return redirect("web:home")


def _page(request, flow: Flow, template: str, context: dict, status: int = 200):
    context = {"flow": flow, "staff_note": STAFF_NOTE, **context}
    return render(request, template, context, status=status)


def _request(request, purpose: str):
    if not access_account_recovery(request.user):
        return _signed_in(request)
    flow = FLOWS[purpose]
    form_class = RecoveryContactForm if purpose == PURPOSE_FIND_USERNAME else RecoveryAccountForm
    form = form_class(request.POST or None)

    def send(data):
        username = data.get("username", "")
        destination = recovery.recovery_code_send(
            purpose=purpose, destination=data["destination"], username=username, remote_addr=client_address(request)
        )
        request.session[SESSION_KEY] = {
            "purpose": purpose,
            "channel": destination.channel,
            "destination": destination.value,
            "username": username.strip(),
        }
        return None, flow.code_url

    return service_step(
        request,
        send,
        form=form,
        render_page=lambda form, status: _page(request, flow, "core/recovery_request.html", {"form": form}, status),
    )


def _code(request, purpose: str):
    if not access_account_recovery(request.user):
        return _signed_in(request)
    flow = FLOWS[purpose]
    state = request.session.get(SESSION_KEY) or {}
    if state.get("purpose") != purpose:
        return redirect(flow.request_url)
    destination = Destination(state["channel"], state["destination"])
    form_class = RecoveryPasswordForm if purpose == PURPOSE_PASSWORD_RESET else RecoveryCodeForm
    form = form_class(request.POST or None)
    remote_addr = client_address(request)

    def verify(data):
        otp = recovery.recovery_code_verify(purpose=purpose, destination=destination, code=data["code"])
        if purpose == PURPOSE_FIND_USERNAME:
            names = recovery.recovery_usernames(otp_id=otp.pk, destination=destination)
            message = f"이 연락처로 가입한 아이디: {', '.join(names)}"
        elif purpose == PURPOSE_PASSWORD_RESET:
            recovery.recovery_password_reset(
                otp_id=otp.pk,
                destination=destination,
                username=state["username"],
                new_password=data["new_password"],
                remote_addr=remote_addr,
            )
            message = "비밀번호를 새로 정했습니다. 새 비밀번호로 로그인하십시오."
        else:
            recovery.recovery_unlock(
                otp_id=otp.pk, destination=destination, username=state["username"], remote_addr=remote_addr
            )
            message = "계정 잠금을 풀었습니다. 다시 로그인하십시오."
        request.session.pop(SESSION_KEY, None)
        return message, reverse("core:login")

    def page(form, status):
        context = {
            "form": form,
            "sent_to": with_direction(destination.masked),
            "minutes": settings.ILJARI_OTP_MINUTES,
        }
        return _page(request, flow, "core/recovery_code.html", context, status)

    return service_step(request, verify, form=form, render_page=page)


def find_username(request):
    return _request(request, PURPOSE_FIND_USERNAME)


def find_username_code(request):
    return _code(request, PURPOSE_FIND_USERNAME)


def password_reset_request(request):
    return _request(request, PURPOSE_PASSWORD_RESET)


def password_reset_code(request):
    return _code(request, PURPOSE_PASSWORD_RESET)


def unlock_request(request):
    return _request(request, PURPOSE_UNLOCK)


def unlock_code(request):
    return _code(request, PURPOSE_UNLOCK)
