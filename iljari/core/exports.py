"""Minimised, watermarked exports of personal data (개인정보 출력·내려받기).

Every list or sheet that names people is downloaded only after the user says what it is for (the purpose, from
the export's own list) and why (the reason, kept in the access log). The purpose decides which personal columns
stay whole, which are masked (홍*동) and which are left out; every file carries a watermark naming who downloaded
it, when, and for what — on the sheet itself, in its printed header and footer, and in the file's properties.

Contract:
- Purpose: the purposes (TextChoices)
- ExportSpec(code, title, rules={purpose: {column header: "mask" | "drop"}}); EXPORTS: the registered exports
- ExportRequestForm(spec=...): purpose (the spec's own) and reason (5–200 characters)
- export_prepare(data, *, spec, purpose, user, reason, now=None) -> bytes   masks, drops and watermarks an xlsx
- mask_name(name) -> str
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime

from django import forms
from django.db import models
from django.utils import timezone
from openpyxl import load_workbook

from iljari.core.forms import KrdsFormMixin
from iljari.core.xlsx import HEADER_ROW, cell_put

MASK = "mask"
DROP = "drop"
LEFT_OUT = "(목적상 제외)"


class Purpose(models.TextChoices):
    PAYMENT = "payment", "급여 지급·정산"
    WORK_RECORD = "work_record", "근무·출석 관리"
    SELECTION = "selection", "모집·선발 업무"
    CASEWORK = "casework", "참여자 관리·상담"
    AUDIT = "audit", "감사·점검"
    STATISTICS = "statistics", "통계·보고(개인 식별 불필요)"


@dataclass(frozen=True)
class ExportSpec:
    code: str
    title: str
    rules: dict[str, dict[str, str]] = field(default_factory=dict)  # purpose -> {header: MASK | DROP}

    @property
    def purposes(self) -> list[tuple[str, str]]:
        return [(value, label) for value, label in Purpose.choices if value in self.rules]


EXPORTS = {
    spec.code: spec
    for spec in (
        ExportSpec(
            "payroll",
            "급여대장",
            {
                Purpose.PAYMENT: {},
                Purpose.AUDIT: {},
                Purpose.STATISTICS: {"성명": MASK, "주민등록번호": DROP},
            },
        ),
        ExportSpec(
            "insurance_changes",
            "4대보험 취득·상실 목록",
            {
                Purpose.PAYMENT: {},
                Purpose.AUDIT: {},
                Purpose.STATISTICS: {"성명": MASK, "주민등록번호": DROP},
            },
        ),
        ExportSpec(
            "withholding",
            "근로소득 지급명세서 자료",
            {
                Purpose.PAYMENT: {},
                Purpose.AUDIT: {},
                Purpose.STATISTICS: {"성명": MASK, "주민등록번호": DROP},
            },
        ),
        ExportSpec(
            "work_records",
            "근무상황 양식",
            {Purpose.WORK_RECORD: {}, Purpose.STATISTICS: {"성명": MASK, "참여 기간": DROP}},
        ),
        ExportSpec(
            "applications",
            "신청자 목록",
            {
                Purpose.SELECTION: {},
                Purpose.AUDIT: {},
                Purpose.STATISTICS: {"이름": MASK, "주민등록번호": DROP},
            },
        ),
        ExportSpec(
            "people",
            "사람 목록",
            {
                Purpose.CASEWORK: {},
                Purpose.AUDIT: {},
                Purpose.STATISTICS: {"이름": MASK, "주민등록번호": DROP, "연락처": DROP},
            },
        ),
        ExportSpec(
            "consultations",
            "상담 목록",
            {
                Purpose.CASEWORK: {},
                Purpose.AUDIT: {},
                Purpose.STATISTICS: {"상담자": MASK, "취업처": DROP},
            },
        ),
        ExportSpec(
            "suit_rentals",
            "취업날개 대여 목록",
            {Purpose.CASEWORK: {}, Purpose.AUDIT: {}, Purpose.STATISTICS: {"대여자": MASK}},
        ),
        ExportSpec(
            "cases",
            "권리구제 사건 목록",
            {Purpose.CASEWORK: {}, Purpose.AUDIT: {}, Purpose.STATISTICS: {"신청인": MASK}},
        ),
        ExportSpec(
            "access_log",
            "개인정보 접속기록",
            {Purpose.AUDIT: {}, Purpose.STATISTICS: {"정보주체": DROP, "아이디": MASK}},
        ),
        ExportSpec(
            "scholarship_recipients",
            "장학금 대상 학생 목록",
            {
                Purpose.PAYMENT: {"보호자 사업장": DROP},
                Purpose.AUDIT: {},
                Purpose.STATISTICS: {"학생 이름": MASK, "생년월일": DROP, "보호자 이름": MASK, "보호자 사업장": DROP},
            },
        ),
        ExportSpec(
            "attendance",
            "출석 양식",
            {Purpose.WORK_RECORD: {}, Purpose.STATISTICS: {"성명": MASK}},
        ),
    )
}


class ExportRequestForm(KrdsFormMixin, forms.Form):
    purpose = forms.ChoiceField(label="이용 목적", choices=())
    reason = forms.CharField(
        label="내려받는 사유",
        min_length=5,
        max_length=200,
        help_text="접속기록에 남습니다. 예: 5월 급여 지급 결재 첨부",
        error_messages={
            "required": "내려받는 사유를 적으십시오.",
            "min_length": "내려받는 사유를 5자 이상 적으십시오.",
            "max_length": "내려받는 사유는 200자까지 적을 수 있습니다.",
        },
    )

    def __init__(self, *args, spec: ExportSpec, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].choices = spec.purposes
        self.fields["purpose"].error_messages.update(
            {"required": "이용 목적을 고르십시오.", "invalid_choice": "이 자료에 쓸 수 없는 목적입니다."}
        )

    def clean_reason(self):
        return " ".join(self.cleaned_data["reason"].split())


def mask_name(name) -> str:
    """홍길동 → 홍*동, 홍길 → 홍*, 남궁길동 → 남**동 (the first and the last character stay)."""
    text = str(name or "")
    if len(text) <= 1:
        return text
    if len(text) == 2:
        return text[0] + "*"
    return text[0] + "*" * (len(text) - 2) + text[-1]


def watermark_text(*, user, purpose: str, now: datetime) -> str:
    when = timezone.localtime(now).strftime("%Y-%m-%d %H:%M")
    who = f"{getattr(user, 'name', '') or user.username}({user.username})"
    return f"내려받은 사람 {who} · {when} · 목적 {Purpose(purpose).label} · 외부 제공 금지"


def export_prepare(data: bytes, *, spec: ExportSpec, purpose: str, user, reason: str, now=None) -> bytes:
    """The sheet as the purpose allows it, watermarked. Cells of the total row ('합계') are never masked."""
    if purpose not in spec.rules:
        raise ValueError(f"{spec.code}: purpose {purpose!r} not allowed")
    now = now or timezone.now()
    mark = watermark_text(user=user, purpose=purpose, now=now)
    workbook = load_workbook(io.BytesIO(data))
    rules = spec.rules[purpose]
    for sheet in workbook.worksheets:
        headers = {cell.value: cell.column for cell in sheet[HEADER_ROW] if cell.value}
        for header, rule in rules.items():
            column = headers.get(header)
            if column is None:
                continue
            if rule == DROP:
                cell_put(sheet.cell(row=HEADER_ROW, column=column), f"{header}{LEFT_OUT}")
            for row in range(HEADER_ROW + 1, sheet.max_row + 1):
                cell = sheet.cell(row=row, column=column)
                if cell.value in (None, "합계"):
                    continue
                cell_put(cell, None if rule == DROP else mask_name(cell.value))
        note = sheet.cell(row=2, column=1)
        cell_put(note, f"{note.value or ''} [{mark}]".strip())
        sheet.oddHeader.center.text = mark
        sheet.oddFooter.center.text = f"{spec.title} · {mark}"
        sheet.evenHeader.center.text = mark
        sheet.evenFooter.center.text = f"{spec.title} · {mark}"
    workbook.properties.creator = user.username
    workbook.properties.description = mark
    workbook.properties.keywords = f"purpose={purpose}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
