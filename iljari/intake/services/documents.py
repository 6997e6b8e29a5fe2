"""What an uploaded document must be and how it is kept: PDF, JPEG or PNG by the file's own first bytes (never its
name or the browser's word), at most ILJARI_UPLOAD_MAX_BYTES, under a random stored name. Every file is checked
before anything is written (documents_check); documents_put stores them in the caller's transaction and a
replaced file goes once it commits. The application steps that take files are in applications.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction

from iljari.core.errors import ValidationFailed
from iljari.core.files import file_store
from iljari.core.korean import topic_particle
from iljari.intake.models import Application, ApplicationDocument, Call

# The first bytes of each accepted type: the file's own content decides, never its name or the browser.
DOCUMENT_SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]


def document_content_type(head: bytes) -> str | None:
    """The accepted type whose signature `head` starts with, or None."""
    for signature, content_type in DOCUMENT_SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def size_text(size: int) -> str:
    """10485760 → "10MB", 1024 → "1KB" (the upload limit as the pages and messages give it)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + "MB"
    return f"{size / 1024:.1f}".removesuffix(".0") + "KB"


@dataclass(frozen=True)
class CheckedDocument:
    label: str
    upload: object  # a Django UploadedFile
    name: str
    size: int
    content_type: str


def documents_check(call: Call, documents: dict) -> list[CheckedDocument]:
    """Every file checked before anything is written; all refusals at once."""
    limit = settings.ILJARI_UPLOAD_MAX_BYTES
    lines = call.document_lines
    errors: list[str] = []
    checked: list[CheckedDocument] = []
    for label, upload in documents.items():
        if label not in lines:
            errors.append(f"'{label}'{topic_particle(str(label))} 이 공고의 제출 서류가 아닙니다.")
            continue
        if not upload.size:
            errors.append(f"'{label}': 빈 파일입니다.")
            continue
        if upload.size > limit:
            errors.append(
                f"'{label}': 파일이 {size_text(limit)}보다 큽니다. {size_text(limit)} 이하의 파일을 올리십시오."
            )
            continue
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        content_type = document_content_type(head)
        if content_type is None:
            errors.append(f"'{label}': PDF, JPG, PNG 파일만 올릴 수 있습니다. 파일 내용이 이 형식이 아닙니다.")
            continue
        name = re.sub(r"[\x00-\x1f\x7f/\\]", "_", (upload.name or "").rsplit("/", 1)[-1])[:255] or "file"
        checked.append(CheckedDocument(label, upload, name, upload.size, content_type))
    if errors:
        raise ValidationFailed(
            "제출 서류를 올리지 못했습니다(아무것도 저장하지 않았습니다).",
            field_errors={"documents": errors},
        )
    return checked


def documents_put(application: Application, checked: list[CheckedDocument], now) -> list[str]:
    """Store the checked files (inside the caller's transaction); the names written, for clean-up on failure.
    A replaced file is deleted once the transaction commits."""
    existing = {document.label: document for document in application.documents.all()}
    written: list[str] = []
    replaced: list[str] = []
    try:
        for item in checked:
            document = existing.get(item.label) or ApplicationDocument(application=application, label=item.label)
            if document.pk is not None:
                replaced.append(document.file.name)
            document.original_name = item.name
            document.size = item.size
            document.content_type = item.content_type
            document.uploaded_at = now
            # a random name (models.document_upload_path); a storage fault is a 503 in Korean (core.files)
            written.append(file_store(document.file, item.name, item.upload))
            document.save()
    except BaseException:
        files_delete(written)
        raise
    if replaced:
        transaction.on_commit(lambda: files_delete(replaced))
    return written


def files_delete(names: list[str]) -> None:
    for name in names:
        if name:
            default_storage.delete(name)
