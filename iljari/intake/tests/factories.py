"""Builders shared by the intake tests: a call with documents, applicants, and files
to upload."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from iljari.intake import services
from iljari.plan.models import Programme

CONSENT = {"consent_personal_data": "on", "consent_unique_identifier": "on"}  # the portal form's two boxes
DOCUMENTS = "주민등록등본\n구직등록 확인서"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64  # a Windows program


def make_call(code="DOCS", *, documents=DOCUMENTS, programme="P1-03", opens=None, days=30, quotas=None):
    opens = opens or timezone.now() - timedelta(days=1)
    return services.call_set(
        actor=None,
        code=code,
        programme=Programme.objects.get(code=programme),
        title=f"뉴딜일자리 모집 {code}",
        opens_at=opens,
        closes_at=opens + timedelta(days=days),
        announce_on=date(2030, 1, 1),
        quotas=quotas or [("CITY", "서울시", 2), ("DISTRICT", "자치구", 1)],
        eligibility=[
            {"kind": "age_between", "min_value": 18, "max_value": 39, "on_date": date(2018, 1, 1)},
            {"kind": "resides_in_seoul"},
        ],
        priorities=[("basic_livelihood_recipient", 5)],
        required_documents=documents,
    )


def upload(name="등본.pdf", content=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_files(media_root) -> list:
    return [path for path in media_root.rglob("*") if path.is_file()] if media_root.exists() else []


def close_call(call, *, now=None):
    """The call's 접수 closed a minute ago (its end moved into the past; its start too when it would fall after), so
    its selection may run and be confirmed. Returns the call with its new period."""
    from iljari.intake.models import Call

    closes = (now or timezone.now()) - timedelta(minutes=1)
    opens = min(call.opens_at, closes - timedelta(days=1))
    Call.objects.filter(pk=call.pk).update(opens_at=opens, closes_at=closes)
    call.opens_at, call.closes_at = opens, closes
    return call
