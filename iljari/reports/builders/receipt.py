"""The 접수증 (application receipt) an applicant prints: the 접수번호, the call, the applicant (a person masked: 홍*동;
an organisation by name), the moment of 접수 in Asia/Seoul, the quota and the documents uploaded — one page, drawn
by the same renderers as the reports.

Read through intake's selectors, scoped to the applicant: a citizen gets their own application's receipt, an
organisation's account its organisation's; anyone else's answers 404 (intake.selectors.my_application_page)."""

from __future__ import annotations

from django.utils import timezone

from iljari.core.errors import NotFound
from iljari.core.exports import mask_name
from iljari.core.formats import screen_date, screen_datetime
from iljari.intake.selectors import my_application_page, my_org_application_page
from iljari.reports.document import Cell, Document, Paragraph, Table

ISSUER = "서울특별시 일자리노동정책관"


def receipt_application(*, user, pk: int, organisation: bool = False):
    """The applicant's own submitted application (a draft has no receipt: 404)."""
    application = (my_org_application_page if organisation else my_application_page)(user=user, pk=pk)
    if application.submitted_at is None or application.status == "draft":
        raise NotFound("제출한 신청에만 접수증이 있습니다.")
    return application


def _applicant(application) -> str:
    if application.organisation_id is not None:
        return application.organisation.name
    return mask_name(application.person.name)


def build_application_receipt(*, application, now=None) -> Document:
    now = now or timezone.now()
    call = application.call
    rows = [
        ("접수번호", str(application.pk)),
        ("공고", call.title),
        ("선발 구분", application.quota.name),
        ("신청인", _applicant(application)),
        ("접수 일시", screen_datetime(application.submitted_at, seconds=True) + " (한국 표준시)"),
        ("접수 경로", application.get_channel_display()),
        ("상태", application.status_text),
        ("접수 기간", f"{screen_datetime(call.opens_at)} ~ {screen_datetime(call.closes_at)}"),
        ("발표일", screen_date(call.announce_on)),
    ]
    documents = {document.label: document for document in application.documents.all()}
    document_rows = [
        [
            Cell(label, header=True),
            Cell(documents[label].original_name if label in documents else "올리지 않음"),
            Cell(screen_datetime(documents[label].uploaded_at) if label in documents else "-"),
        ]
        for label in call.document_lines
    ]
    blocks = [
        Paragraph("접 수 증", emphasis=True),
        Table(
            title="접수 내용",
            caption=f"접수번호 {application.pk}의 접수 내용",
            header=[[Cell("항목", header=True, align="center"), Cell("내용", header=True, align="center")]],
            body=[[Cell(label, header=True), Cell(value)] for label, value in rows],
        ),
    ]
    if document_rows:
        blocks.append(
            Table(
                title="제출 서류",
                caption=f"접수번호 {application.pk}의 제출 서류",
                header=[
                    [
                        Cell("서류", header=True, align="center"),
                        Cell("올린 파일", header=True, align="center"),
                        Cell("올린 일시", header=True, align="center"),
                    ]
                ],
                body=document_rows,
            )
        )
    blocks += [
        Paragraph("위와 같이 신청을 접수하였음을 확인합니다."),
        Paragraph(f"발급 {screen_datetime(now)} · {ISSUER}"),
    ]
    return Document(
        title=f"접수증 {application.pk}",
        organisation=ISSUER,
        date_text=screen_date(now),
        blocks=blocks,
        cover=False,
    )
