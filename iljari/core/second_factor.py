"""Second factor (2단계 인증): a TOTP authenticator app and ten recovery codes, kept by django-otp.

django-otp (its otp_totp and otp_static plugins) stores the devices, checks a code against the time window
(RFC 6238, one step of drift either way) and refuses a code used once already (replay); its own back-off is off
(OTP_*_THROTTLE_FACTOR = 0): wrong codes count in the login limits (core.services). This module only reads and
prepares; the writes that an audit follows (enrolment, code at login, reset) are in core.services.

Contract:
- second_factor_required(user) -> bool    the account's role is in ILJARI_SECOND_FACTOR_ROLES (and it is no
      exempted demo persona while ILJARI_SECOND_FACTOR_EXEMPTIONS is on)
- second_factor_role_labels() -> list[str]   the Korean names of the roles that must use it (the account list says)
- second_factor_enrolled(user) -> bool    it has a confirmed authenticator
- second_factor_device_pending(user) -> TOTPDevice   the authenticator being enrolled (made on first call, with a new
      secret; kept unconfirmed until a code confirms it)
- second_factor_qr_svg(device, user) -> str   the otpauth:// address as an inline SVG QR code (segno, on the server)
- second_factor_secret_text(device) -> str   the secret in base32, in groups of four, for typing into the app
- second_factor_check(user, code) -> "totp" | "recovery" | None   a recovery code is used up by the check
- recovery_codes_make() -> list[str]    ten codes such as `k7mq-2xwd`
- recovery_code_digest(code) -> str   what is stored of a recovery code (an HMAC, never the code)
- recovery_codes_left(user) -> int

The secret and the codes never go into a log line, a message or a URL.
"""

from __future__ import annotations

import re
import secrets
from base64 import b32encode
from urllib.parse import quote

import segno
from django.conf import settings
from django.utils.crypto import salted_hmac
from django.utils.safestring import mark_safe
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from iljari.core.roles import Role

AUTHENTICATOR_NAME = "인증 앱"
RECOVERY_NAME = "복구 코드"
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read off paper and typed again


def second_factor_required(user) -> bool:
    if user.role not in settings.ILJARI_SECOND_FACTOR_ROLES:
        return False
    return not (user.second_factor_exempt and settings.ILJARI_SECOND_FACTOR_EXEMPTIONS)


def second_factor_role_labels() -> list[str]:
    """The Korean names of the roles that must use a second factor (ILJARI_SECOND_FACTOR_ROLES), in role order."""
    return [role.label for role in Role if role in settings.ILJARI_SECOND_FACTOR_ROLES]


def second_factor_enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def second_factor_device_pending(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def _config_url(device: TOTPDevice, user) -> str:
    issuer = settings.OTP_TOTP_ISSUER
    label = quote(f"{issuer}:{user.username}")
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return (
        f"otpauth://totp/{label}?secret={secret}&algorithm=SHA1&digits={device.digits}&period={device.step}"
        f"&issuer={quote(issuer)}"
    )


def second_factor_qr_svg(device: TOTPDevice, user) -> str:
    """An inline SVG made here from the device's own address (no user text but the user name, which segno
    encodes into the modules, not into markup)."""
    svg = segno.make(_config_url(device, user), error="m").svg_inline(scale=5, dark="#000", light="#fff")
    svg = svg.replace("<svg ", '<svg role="img" aria-label="인증 앱에 등록할 QR 코드" ', 1)
    # our own SVG from segno; its only input is the otpauth address
    return mark_safe(svg)  # noqa: S308 # nosec B308 B703


def second_factor_secret_text(device: TOTPDevice) -> str:
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def second_factor_check(user, code: str) -> str | None:
    """Which factor the code proves: a current authenticator code ("totp") or an unused recovery code ("recovery",
    used up now, inside the caller's transaction); None when neither."""
    text = _normalise(code)
    if re.fullmatch(r"\d{6}", text):
        for device in TOTPDevice.objects.filter(user=user, confirmed=True):
            if device.verify_token(text):
                return "totp"
        return None
    if re.fullmatch(rf"[{RECOVERY_ALPHABET}]{{8}}", text):
        for device in StaticDevice.objects.filter(user=user, confirmed=True):
            if device.verify_token(recovery_code_digest(text)):  # deletes the token it matched
                return "recovery"
    return None


def recovery_codes_make() -> list[str]:
    count = settings.ILJARI_RECOVERY_CODES
    codes = ["".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(8)) for _ in range(count)]
    return [f"{code[:4]}-{code[4:]}" for code in codes]


def recovery_code_digest(code: str) -> str:
    """What is stored of a recovery code (django-otp's StaticToken holds 16 characters): 64 bits of an HMAC under
    SECRET_KEY, so a copy of the database does not give the codes."""
    return salted_hmac("iljari.core.second_factor.recovery", _normalise(code), algorithm="sha256").hexdigest()[:16]


def recovery_codes_left(user) -> int:
    return sum(device.token_set.count() for device in StaticDevice.objects.filter(user=user, confirmed=True))
