"""An uploaded document of an application, for its applicant or the office's staff in scope."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.views.decorators.http import require_GET

from iljari.core.downloads import download_named
from iljari.core.errors import NotFound
from iljari.core.http import log_person_access
from iljari.intake import selectors


@login_required
@require_GET
def document_download(request, pk: int):
    """One uploaded document, for the applicant or the staff in scope; every download is in the access log."""
    document = selectors.application_document_get(user=request.user, pk=pk)
    application = document.application
    if application.person_id is not None:  # an organisation's documents are no one's personal data
        detail = f"신청 #{application.pk} 제출 서류 '{document.label}'"[:200]
        log_person_access(request, "download", [application.person_id], detail)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise NotFound("제출 서류 파일을 찾을 수 없습니다.") from exc
    response = download_named(FileResponse(handle, content_type=document.content_type), document.original_name)
    response["Cache-Control"] = "private, no-store"
    return response
