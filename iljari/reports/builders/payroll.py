"""A worksite's payroll for a month (급여대장) as a document to print and file: everyone placed there in the month,
their days and hours, pay by component and the total, each deduction (payroll's lines: 국민연금, 건강보험, 장기요양,
고용보험, 소득세, 지방소득세), 공제 계, 실지급액 and the employer's contributions, the city's and the district's shares.
Resident numbers are masked as on screen (`900101-1******`); the page that starts the build writes the access log.

Subject: the worksite's code; the month is the as-of date's. Read through participation's selectors, so a district
officer or partner agency builds only their own worksites' payrolls (another's is "not found").

Personal data, as core.exports minimises every download: the purpose the user gave decides what stays (for
statistics the names are masked, 홍*동, and the resident numbers left out), and the watermark (who, when, for what)
heads the document and closes it."""

from __future__ import annotations

from datetime import date

from iljari.core.exports import DROP, EXPORTS, LEFT_OUT, MASK, mask_name
from iljari.core.formats import format_date, format_month
from iljari.participation.selectors import payroll, worksite_get
from iljari.payroll.selectors import deduction_lines
from iljari.reports.builders.cells import number_cell
from iljari.reports.document import Cell, Document, Paragraph, Table

COLUMNS = (
    "번호",
    "성명",
    "주민등록번호",
    "근무일수",
    "근무시간",
    "시급",
    "기본급",
    "주휴수당",
    "공휴일 수당",
    "유급휴가 수당",
    "지급 총액",
    "국민연금",
    "건강보험",
    "장기요양",
    "고용보험",
    "소득세",
    "지방소득세",
    "공제 계",
    "실지급액",
    "사업주 부담",
)
PAY_FIELDS = ("hourly_wage", "work_pay", "weekly_rest_pay", "holiday_pay", "leave_pay", "total")
DEDUCTION_FIELDS = (
    "pension",
    "health",
    "care",
    "employment",
    "income_tax",
    "local_tax",
    "deductions",
    "net",
    "employer_total",
)
EMPLOYER_FIELDS = (
    ("employer_pension", "국민연금"),
    ("employer_health", "건강보험"),
    ("employer_care", "장기요양"),
    ("employer_employment", "고용보험"),
    ("employer_accident", "산재보험"),
)


def payroll_person_ids(*, user, subject: str, as_of: date) -> list[int]:
    """The people the payroll names (for the access log of the page that builds it)."""
    worksite = worksite_get(user=user, code=subject)
    return [row.placement.person_id for row in payroll(user=user, worksite=worksite, month=as_of).rows]


def _hours_cell(value) -> Cell:
    if value is None:
        return Cell("-", align="right")
    return Cell(f"{value:,.2f}".rstrip("0").rstrip("."), value=float(value), number_format="#,##0.##", align="right")


def build_payroll_sheet(
    *, user, year: int, as_of: date, subject: str, purpose: str = "", watermark: str = ""
) -> Document:
    worksite = worksite_get(user=user, code=subject)
    sheet = payroll(user=user, worksite=worksite, month=as_of)
    month = sheet.month
    rules = EXPORTS["payroll"].rules.get(purpose, {})
    name_rule, rrn_rule = rules.get("성명"), rules.get("주민등록번호")

    def shown(value: str, rule) -> str:
        return "" if rule == DROP else mask_name(value) if rule == MASK else value

    lines = deduction_lines(payment_ids=[row.payment.pk for row in sheet.rows if row.payment])
    deduction_totals = {name: 0 for name in (*DEDUCTION_FIELDS, *(field for field, _ in EMPLOYER_FIELDS))}
    for line in lines.values():
        for name in deduction_totals:
            deduction_totals[name] += getattr(line, name)
    body = []
    for number, row in enumerate(sheet.rows, start=1):
        record, payment = row.record, row.payment
        person = row.placement.person
        cells = [
            number_cell(number),
            Cell(shown(person.name, name_rule), align="center"),  # centred cells keep to one line in print
            Cell(shown(person.rrn_masked, rrn_rule), align="center"),
            number_cell(record.days_worked) if record else Cell("미입력", align="center"),
            _hours_cell(record.hours_worked) if record else Cell("-", align="right"),
        ]
        if payment:
            cells += [number_cell(getattr(payment, name)) for name in PAY_FIELDS]
        else:
            cells += [Cell("미계산", align="center")] + [Cell("-", align="right")] * (len(PAY_FIELDS) - 1)
        line = lines.get(row.payment.pk) if row.payment else None
        if line:
            cells += [number_cell(getattr(line, name)) for name in DEDUCTION_FIELDS]
        else:
            cells += [Cell("미계산", align="center")] + [Cell("-", align="right")] * (len(DEDUCTION_FIELDS) - 1)
        body.append(cells)
    totals = sheet.totals
    body.append(
        [Cell("합계", header=True, colspan=5, align="center"), Cell("", align="right")]
        + [number_cell(totals[name], header=True) for name in PAY_FIELDS[1:]]
        + [number_cell(deduction_totals[name], header=True) for name in DEDUCTION_FIELDS]
    )
    notes = [
        f"참여자 {len(sheet.rows):,}명 · 근무상황 미입력 {sheet.missing_records:,}명 · 급여 미계산 {sheet.unpaid:,}명"
    ]
    if sheet.city_share_percent < 100:
        notes.append(
            f"시비 {sheet.city_pay:,}원 · 구비 {sheet.district_pay:,}원 "
            f"(시·구 분담 {sheet.city_share_percent}:{sheet.district_share_percent})"
        )
    notes.append(
        "사업주 부담: "
        + " · ".join(f"{label} {deduction_totals[name]:,}원" for name, label in EMPLOYER_FIELDS)
        + f" · 공제 미계산 {sum(1 for row in sheet.rows if row.payment and row.payment.pk not in lines):,}명"
    )
    notes.append(
        "주민등록번호는 이용 목적상 뺐습니다." if rrn_rule == DROP else "주민등록번호는 뒤 6자리를 가려서 적었습니다."
    )
    place = " ".join(
        part
        for part in (
            worksite.district.name if worksite.district else "",
            worksite.partner.name if worksite.partner else "",
        )
        if part
    )
    document = Document(
        title=f"{month.year}년 {month.month}월 급여대장",
        organisation=f"{worksite.name} ({worksite.code}) · {worksite.programme.title}"
        + (f" · {place}" if place else ""),
        date_text=f"{month.year}. {month.month}.",
        as_of_text=f"({format_date(as_of)} 기준)",
        cover=False,
    )
    document.blocks.append(
        Table(
            title=f"급여대장 {format_month(month)}",
            caption=f"{worksite.name} {month.year}년 {month.month}월 참여자별 근무와 급여(원)",
            header=[
                [
                    Cell(f"{text}{LEFT_OUT}" if rules.get(text) == DROP else text, header=True, align="center")
                    for text in COLUMNS
                ]
            ],
            body=body,
            unit_line="(단위 : 원)",
            notes=notes,
        )
    )
    if watermark:
        document.blocks.insert(0, Paragraph(watermark))
        document.blocks.append(Paragraph(watermark))
    return document
