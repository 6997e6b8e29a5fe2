"""Portal sign-up pages (시민 회원가입), in the lawful order: consents → contact → one-time code → identity
verification (the name and the resident number; the birth date and sex are read from the number) → the address
with its district, and the account.

Each step parses its form, calls one service and moves on; the rules live in core.otp and people.services.

The steps' state lives in the session under SESSION_KEY, and holds only what the next step needs:
- after step 1: the consents given and when (nothing personal is asked before them);
- after step 2: the normalised contact (e-mail address or mobile number) and the id of the code sent to it;
- after step 3: that the code was verified (the code itself is never kept anywhere, only its HMAC in the
  database);
- after step 4: the verified name, birth date, sex, the verifier's code and reference, and the resident number
  *sealed* (people.rrn.rrn_seal: Fernet, key derived from SECRET_KEY, time-stamped).
Why seal the number rather than ask for it again on the last step: asking twice gives a second, unverified copy
that would have to be checked against the first (which then has to be kept anyway, as a digest), and makes a
person type the number twice. The session row sits in the database (or Redis at city scale) like the person
table, so it gets the same protection as `Person.rrn`: never in clear, and unreadable after ILJARI_SIGNUP_MINUTES
(the token's own time limit, besides the session's). The state is dropped when the account is made.
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core import services as core_services
from iljari.core.access import access_signup
from iljari.core.errors import IljariError
from iljari.core.http import service_step
from iljari.core.korean import with_direction
from iljari.core.middleware import client_address
from iljari.core.otp import PURPOSE_SIGNUP, Destination, OtpError, otp_destination, otp_issue, otp_verify
from iljari.people import services
from iljari.people.forms import (
    SignupAccountForm,
    SignupCodeForm,
    SignupConsentForm,
    SignupIdentityForm,
    SignupStartForm,
)
from iljari.people.identity import VerifiedIdentity
from iljari.people.rrn import RrnError, rrn_seal, rrn_unseal

SESSION_KEY = "iljari_signup"
STEPS = ("약관 동의", "연락처 입력", "인증번호 확인", "본인확인", "주소·계정 만들기")


def _state(request) -> dict:
    return request.session.get(SESSION_KEY) or {}


def _save(request, state: dict) -> None:
    request.session[SESSION_KEY] = state


def _destination(state: dict) -> Destination:
    return Destination(state["channel"], state["destination"])


def _forget(request, message: str) -> str:
    """Drop the sign-up's state and say why; the sign-up starts again at the returned step."""
    request.session.pop(SESSION_KEY, None)
    messages.error(request, message)
    return "signup:start"


def _restart(request, message: str):
    return redirect(_forget(request, message))


def _page(request, template: str, step: int, context: dict, status: int = 200):
    context = {"steps": STEPS, "step": step, **context}
    return render(request, template, context, status=status)


def _signed_in(request):
    messages.info(request, "이미 로그인되어 있습니다. 새 계정을 만들려면 먼저 로그아웃하십시오.")
    return redirect("web:home")


def _consented(state: dict) -> dict:
    """Only the consents survive a restart of the contact step."""
    return {key: state[key] for key in ("consents", "consented_at") if key in state}


def start(request):
    """Step 1: the consents to collect personal data and to process the resident number, before either is asked."""
    if not access_signup(request.user):
        return _signed_in(request)
    form = SignupConsentForm(request.POST or None)

    def consent(data):
        services.signup_consents_check(consents=form.consents())
        _save(request, {"consents": form.consents(), "consented_at": timezone.now().isoformat()})
        return None, "signup:contact"

    return service_step(
        request,
        consent,
        form=form,
        render_page=lambda form, status: _page(request, "people/signup_start.html", 1, {"form": form}, status),
    )


def contact(request):
    """Step 2: the e-mail address or mobile number a one-time code is sent to."""
    if not access_signup(request.user):
        return _signed_in(request)
    state = _state(request)
    if not state.get("consents"):
        return redirect("signup:start")

    def send_code(data):
        destination = otp_destination(data["destination"])
        otp = otp_issue(purpose=PURPOSE_SIGNUP, destination=destination, remote_addr=client_address(request))
        _save(
            request,
            {**_consented(state), "channel": destination.channel, "destination": destination.value, "otp_id": otp.pk},
        )
        return None, "signup:code"

    return service_step(
        request,
        send_code,
        form=SignupStartForm(request.POST or None),
        render_page=lambda form, status: _page(request, "people/signup_contact.html", 2, {"form": form}, status),
    )


def code(request):
    if not access_signup(request.user):
        return _signed_in(request)
    state = _state(request)
    if "otp_id" not in state:
        return redirect("signup:contact" if state.get("consents") else "signup:start")

    def verify(data):
        otp = otp_verify(purpose=PURPOSE_SIGNUP, destination=_destination(state), code=data["code"])
        # The newest code of the address is the one checked (a code asked for in another window replaces ours).
        state["otp_id"] = otp.pk
        state["code_verified"] = True
        _save(request, state)
        return None, "signup:identity"

    def page(form, status):
        context = {
            "form": form,
            "destination": _destination(state),
            "minutes": settings.ILJARI_OTP_MINUTES,
            "resend_seconds": settings.ILJARI_OTP_RESEND_SECONDS,
        }
        return _page(request, "people/signup_code.html", 3, context, status)

    return service_step(request, verify, form=SignupCodeForm(request.POST or None), render_page=page)


@require_POST
def resend(request):
    if not access_signup(request.user):
        return _signed_in(request)
    state = _state(request)
    if "otp_id" not in state:
        return redirect("signup:contact" if state.get("consents") else "signup:start")

    def send_again():
        otp = otp_issue(purpose=PURPOSE_SIGNUP, destination=_destination(state), remote_addr=client_address(request))
        kept = {"channel": state["channel"], "destination": state["destination"], "otp_id": otp.pk}
        _save(request, {**_consented(state), **kept})
        return f"인증번호를 {with_direction(_destination(state).masked)} 다시 보냈습니다.", "signup:code"

    return service_step(request, send_again, back="signup:code")


def identity(request):
    if not access_signup(request.user):
        return _signed_in(request)
    state = _state(request)
    if not state.get("code_verified"):
        return redirect("signup:code" if "otp_id" in state else "signup:start")

    def verify(data):
        verified = services.signup_identity_verify(name=data["name"], rrn=data["rrn"], contact=state["destination"])
        state["identity"] = {
            "name": verified.name,
            "birth_date": verified.birth_date.isoformat(),
            "sex": verified.sex,
            "rrn": rrn_seal(verified.rrn),
            "provider": verified.provider,
            "reference": verified.reference,
            "verified_at": verified.verified_at.isoformat(),
        }
        _save(request, state)
        return None, "signup:account"

    return service_step(
        request,
        verify,
        form=SignupIdentityForm(request.POST or None),
        render_page=lambda form, status: _page(request, "people/signup_identity.html", 4, {"form": form}, status),
    )


def _verified_identity(state: dict) -> VerifiedIdentity:
    kept = state["identity"]
    return VerifiedIdentity(
        name=kept["name"],
        birth_date=date.fromisoformat(kept["birth_date"]),
        sex=kept["sex"],
        rrn=rrn_unseal(kept["rrn"], max_age_seconds=settings.ILJARI_SIGNUP_MINUTES * 60),
        contact=state["destination"],
        provider=kept["provider"],
        reference=kept["reference"],
        verified_at=datetime.fromisoformat(kept["verified_at"]),
    )


def account(request):
    if not access_signup(request.user):
        return _signed_in(request)
    state = _state(request)
    if "identity" not in state:
        return redirect("signup:identity" if state.get("code_verified") else "signup:start")
    try:
        verified = _verified_identity(state)
    except RrnError as error:
        return _restart(request, str(error))
    form = SignupAccountForm(request.POST or None)

    def create(data):
        try:
            user = services.citizen_signup(
                identity=verified,
                otp_id=state["otp_id"],
                username=data["username"],
                password=data["password"],
                consents=state.get("consents", []),
                remote_addr=client_address(request),
                **form.address_values(),
            )
        except OtpError as error:  # the code is spent or too old: the sign-up starts again
            return None, _forget(request, error.message)
        request.session.pop(SESSION_KEY, None)
        return _log_in(request, user, data["password"])

    def page(form, status):
        context = {"form": form, "identity": verified, "destination": _destination(state)}
        return _page(request, "people/signup_account.html", 5, context, status)

    return service_step(request, create, form=form, render_page=page)


def _log_in(request, user, password: str) -> tuple[str, str]:
    """Through the ordinary login service, so that the first login is recorded like every other: (the message, where
    to go next)."""
    try:
        result = core_services.account_authenticate(
            username=user.username,
            password=password,
            remote_addr=client_address(request),
            user_agent=request.headers.get("User-Agent", ""),
        )
    except IljariError:
        return "가입을 마쳤습니다. 만든 아이디와 비밀번호로 로그인하십시오.", "core:login"
    login(request, result.user, backend="django.contrib.auth.backends.ModelBackend")
    return f"가입을 마쳤습니다. 환영합니다, {result.user.name}님.", "intake:portal_calls"
