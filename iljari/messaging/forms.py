"""The citizen's 수신 동의 form: one box per channel."""

from __future__ import annotations

from django import forms

from iljari.messaging.models import Channel


class ConsentForm(forms.Form):
    sms = forms.BooleanField(label="문자(SMS)로 받기", required=False)
    email = forms.BooleanField(label="전자우편으로 받기", required=False)
    alimtalk = forms.BooleanField(label="카카오 알림톡으로 받기", required=False)

    def choices(self) -> dict[str, bool]:
        return {Channel(name): bool(self.cleaned_data.get(name)) for name in ("sms", "email", "alimtalk")}
