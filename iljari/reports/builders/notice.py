"""The fund's notices as documents to send (원리금 상환고지서, 미납·연체고지서): one notice, or every notice of a batch
— a kind and a period — one per page, as the office prints and mails them.

Subject: a notice's number ("125"), or a batch as "repayment-2018-06-01" / "overdue-2018-06-01" (the kind and the
first day of its period). Read through fund's selectors, so a partner agency prints only the notices of the loans it
is the intermediary of."""

from __future__ import annotations

import re
from datetime import date

from iljari.core.errors import NotFound
from iljari.core.formats import format_date, format_number, screen_date
from iljari.fund.selectors import loan_position, notice_batch, notice_get, notice_is_repayment
from iljari.reports.builders.cells import number_cell
from iljari.reports.document import Cell, Document, PageBreak, Paragraph, Table

BATCH = re.compile(r"(repayment|overdue)-(\d{4}-\d{2}-\d{2})")
ISSUER = "서울특별시 사회적경제담당관"


def notices_for(*, user, subject: str) -> list:
    """The fund's notices (fund.Notice, read through fund's selectors) a subject names."""
    if subject.isdecimal():
        return [notice_get(user=user, pk=int(subject))]
    match = BATCH.fullmatch(subject)
    if match is None:
        raise NotFound(f"고지를 찾을 수 없습니다: {subject} (고지 번호, 또는 repayment-YYYY-MM-DD 형식의 고지 묶음)")
    try:
        start = date.fromisoformat(match.group(2))
    except ValueError:
        raise NotFound(f"고지 기간의 날짜를 읽을 수 없습니다: {match.group(2)}") from None
    notices = notice_batch(user=user, kind=match.group(1), period_start=start)
    if not notices:
        raise NotFound(f"{screen_date(start)}에 시작하는 고지가 없습니다.")
    return notices


def _notice_blocks(notice) -> list:
    loan = notice.loan
    repayment = notice_is_repayment(notice)
    what = (
        f"{format_date(notice.period_start)}부터 {format_date(notice.period_end)}까지 납기가 돌아오는 원리금"
        if repayment
        else f"{format_date(notice.period_end)} 현재 미납 원리금"
    )
    rows = [[Cell("납부할 원리금" if repayment else "미납 원리금", header=True), number_cell(notice.amount)]]
    if not repayment:
        position = loan_position(loan, notice.period_end)
        rate = f"{loan.agreement.overdue_rate:.3f}".rstrip("0").rstrip(".")
        rows += [
            [
                Cell(f"연체이자({format_date(notice.period_end)}까지, 연 {rate}%)", header=True),
                number_cell(position.overdue_interest_owed),
            ],
            [Cell("연체 일수", header=True), Cell(f"{format_number(notice.days_past_due)}일", align="right")],
        ]
    return [
        Paragraph(f"사회투자기금 {notice.get_kind_display()}", emphasis=True),
        Paragraph(f"{loan.borrower.name} 귀하"),
        Paragraph(
            f"서울특별시 사회투자기금 융자(융자번호 {loan.number}, 수행기관 {loan.intermediary.name})의 {what}을 "
            "알려 드립니다."
        ),
        Table(
            title=f"고지 금액 {loan.number}",
            caption=f"융자 {loan.number}의 고지 금액(원)",
            header=[[Cell("구 분", header=True, align="center"), Cell("금액", header=True, align="center")]],
            body=rows,
            unit_line="(단위 : 원)",
        ),
        Paragraph(f"고지 번호 {notice.pk} · {ISSUER}"),
    ]


def build_fund_notice(*, user, year: int, as_of: date, subject: str) -> Document:
    notices = notices_for(user=user, subject=subject)
    first = notices[0]
    title = f"사회투자기금 {first.get_kind_display()}" + (f" ({len(notices):,}건)" if len(notices) > 1 else "")
    document = Document(
        title=title,
        organisation=ISSUER,
        date_text=format_date(first.period_end),
        as_of_text=f"({format_date(first.period_start)} ~ {format_date(first.period_end)})",
        cover=False,
    )
    for index, notice in enumerate(notices):
        if index:
            document.blocks.append(PageBreak())
        document.blocks += _notice_blocks(notice)
    return document
