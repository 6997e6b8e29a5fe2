"""A report as a file: checked request (kind, year, as-of date, format), built and rendered with progress. The one
place the pages, the background task and the `iljari report` command make report files, so all three refuse the
same mistakes with the same Korean messages. Reads selectors only; writes nothing (the caller stores the bytes).

Contract:
- REPORT_KINDS: {kind: Korean name}
- report_access_check(*, user, kind) -> None    PermissionDenied unless the user may ask for this kind
- report_request_check(*, kind, year, as_of, fmt, subject="", purpose="", programme_new_page=False, today=None)
      -> None; ValidationFailed with every mistake (kind, format, an as-of date in the future or outside the year,
      programme_new_page for a kind other than the business report);
      NotFound for a year with no plan
- personal_request_check(*, user, kind, purpose, reason, now=None) -> PersonalRequest
      for a kind that names people (PERSONAL): the purpose (one its export allows) and the reason (5 to 200
      characters), every mistake in Korean (field_errors "purpose", "reason"), and the watermark the file carries;
      for any other kind an empty PersonalRequest. The one rule for the page and the `iljari report` command.
- personal_access_log(*, user, remote_addr, kind, subject, as_of, fmt, request, channel="") -> None
      the access-log entry of a report that names people: who, from where, which people, why (nothing for others)
- report_file(*, user, kind, year, as_of, fmt, subject="", purpose="", watermark="", programme_new_page=False,
      progress=None) -> ReportFile
      (name, content_type, data); a kind that names people (PERSONAL) needs the purpose and carries the watermark
      `subject` names what a kind is about (the programme's code for "programme")
      `programme_new_page` (business only): each programme of Ⅲ starts on a new page (pdf, hwpx; html when printed)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from iljari.core.access import access_fund_view, access_office_figures_view, access_participation_view, require
from iljari.core.accesslog import access_log_record
from iljari.core.downloads import file_name_safe
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.exports import EXPORTS, ExportRequestForm, Purpose, watermark_text
from iljari.core.formats import screen_date, screen_month
from iljari.plan.selectors import plan_years
from iljari.reports.builders.business import build_business_report
from iljari.reports.builders.jobs import build_job_disclosure
from iljari.reports.builders.notice import build_fund_notice
from iljari.reports.builders.payroll import build_payroll_sheet, payroll_person_ids
from iljari.reports.builders.programme import build_programme_sheet
from iljari.reports.renderers import CONTENT_TYPES, EXTENSIONS, RENDERERS, render

REPORT_KINDS = {
    "business": "주요업무보고",
    "jobs": "일자리 목표 공시(월별 추진실적)",
    "programme": "사업 요약(한 장)",
    "payroll": "급여대장",
    "notice": "사회투자기금 고지서",
}
BUILDERS = {
    "business": build_business_report,
    "jobs": build_job_disclosure,
    "programme": build_programme_sheet,
    "payroll": build_payroll_sheet,
    "notice": build_fund_notice,
}
NEEDS_SUBJECT = {
    "programme": "주요업무 코드(예: P1-03)",
    "payroll": "사업장 코드",
    "notice": "고지 번호 또는 고지 묶음(예: repayment-2018-06-01)",
}
# who may ask for a kind at all; the builders' selectors then scope what it holds (a district's worksites)
KIND_ACCESS = {"payroll": access_participation_view, "notice": access_fund_view}
WITHOUT_PLAN = {"payroll", "notice"}
# kinds that build for any year with whatever data it has (a section with nothing yet says so)
ANY_YEAR = {"business", "jobs"}
# kinds that name people: built only for a purpose the user gave (core.exports), and watermarked
PERSONAL = {
    "payroll": "payroll"
}  # kind -> core.exports spec  # a payroll is of any month that has placements, planned in the system or not
SUBJECT = re.compile(r"[A-Za-z0-9_-]{1,40}")
# options a kind takes besides its subject: option -> the kinds that have it
KIND_OPTIONS = {"programme_new_page": {"business"}}
FORMAT_NAMES = {"html": "HTML", "md": "Markdown", "xlsx": "엑셀(XLSX)", "pdf": "PDF", "hwpx": "한글(HWPX)"}


@dataclass(frozen=True)
class ReportFile:
    name: str  # in Korean: `2018 주요업무보고(2018.6.30. 기준).pdf`
    content_type: str
    data: bytes
    ascii_name: str = ""  # for a client that cannot read the Korean name: business-report-2018-2018-06-30.pdf


@dataclass(frozen=True)
class PersonalRequest:
    purpose: str = ""
    reason: str = ""
    watermark: str = ""


def personal_request_check(*, user, kind: str, purpose: str, reason: str, now=None) -> PersonalRequest:
    if kind not in PERSONAL:
        return PersonalRequest()
    form = ExportRequestForm({"purpose": purpose, "reason": reason}, spec=EXPORTS[PERSONAL[kind]])
    if not form.is_valid():
        raise ValidationFailed(
            "개인정보가 담긴 자료는 이용 목적과 사유를 밝혀야 만들 수 있습니다.",
            field_errors={name: list(errors) for name, errors in form.errors.items()},
        )
    purpose = form.cleaned_data["purpose"]
    watermark = watermark_text(user=user, purpose=purpose, now=now or timezone.now())
    return PersonalRequest(purpose=purpose, reason=form.cleaned_data["reason"], watermark=watermark)


def personal_access_log(
    *, user, remote_addr, kind: str, subject: str, as_of: date, fmt: str, request: PersonalRequest, channel: str = ""
) -> None:
    if kind not in PERSONAL:
        return
    about = f" ({channel})" if channel else ""
    access_log_record(
        user=user,
        remote_addr=remote_addr,
        action="download",
        subject_type="people.person",
        subject_ids=payroll_person_ids(user=user, subject=subject, as_of=as_of),
        detail=(
            f"사업장 {subject} {screen_month(as_of)} 급여대장 {FORMAT_NAMES.get(fmt, fmt)}{about}"
            f" · 목적: {Purpose(request.purpose).label}"
        ),
        reason=request.reason,
    )


def report_access_check(*, user, kind: str) -> None:
    """Refuses (PermissionDenied) who may not ask for this kind of report: the office's reports need the office's
    figures; a payroll, the participation pages (its worksite is then looked up within the user's scope)."""
    require(KIND_ACCESS.get(kind, access_office_figures_view)(user))


def report_request_check(
    *,
    kind: str,
    year: int,
    as_of: date,
    fmt: str,
    subject: str = "",
    purpose: str = "",
    programme_new_page: bool = False,
    today: date | None = None,
) -> None:
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if programme_new_page and kind not in KIND_OPTIONS["programme_new_page"]:
        errors["programme_new_page"] = ["사업마다 새 쪽에서 시작하는 선택은 주요업무보고에만 있습니다."]
    if kind in PERSONAL and purpose not in dict(EXPORTS[PERSONAL[kind]].purposes):
        errors["purpose"] = ["개인정보가 담긴 자료입니다: 이용 목적을 고르십시오."]
    if kind not in REPORT_KINDS:
        errors["kind"] = [f"알 수 없는 보고서입니다: {kind} (가능한 보고서: {', '.join(REPORT_KINDS)})"]
    elif kind in NEEDS_SUBJECT and not SUBJECT.fullmatch(subject or ""):
        errors["subject"] = [f"{REPORT_KINDS[kind]}에는 {NEEDS_SUBJECT[kind]}가 필요합니다."]
    if fmt not in RENDERERS:
        errors["format"] = [f"지원하지 않는 형식입니다: {fmt} (가능한 형식: {', '.join(RENDERERS)})"]
    if not 2000 <= year <= 2100:
        errors["year"] = ["연도를 확인하십시오(2000~2100)."]
    elif not errors and kind not in WITHOUT_PLAN | ANY_YEAR and year not in plan_years():
        raise NotFound(
            f"{year}년 비전과 주요업무가 없습니다. 자료가 있는 연도: {', '.join(map(str, plan_years())) or '없음'}"
        )
    if as_of > today:
        errors["as_of"] = [
            f"기준일({screen_date(as_of)})이 오늘({screen_date(today)})보다 뒤입니다. 지난 날짜를 고르십시오."
        ]
    elif as_of.year != year:
        errors["as_of"] = [f"기준일({screen_date(as_of)})이 {year}년 안이어야 합니다."]
    if errors:
        raise ValidationFailed("보고서를 만들 수 없습니다.", field_errors=errors)


def report_file(
    *,
    user,
    kind: str,
    year: int,
    as_of: date,
    fmt: str,
    subject: str = "",
    purpose: str = "",
    watermark: str = "",
    programme_new_page: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> ReportFile:
    report_request_check(
        kind=kind,
        year=year,
        as_of=as_of,
        fmt=fmt,
        subject=subject,
        purpose=purpose,
        programme_new_page=programme_new_page,
    )
    step = progress or (lambda done, total, text="": None)
    step(0, 3, "자료를 읽는 중")
    build = BUILDERS[kind]
    extra = {"subject": subject} if kind in NEEDS_SUBJECT else {}
    if kind in PERSONAL:
        extra |= {"purpose": purpose, "watermark": watermark}
    if programme_new_page:
        extra["programme_new_page"] = True
    document = build(user=user, year=year, as_of=as_of, **extra)
    step(1, 3, f"{FORMAT_NAMES[fmt]}로 그리는 중")
    data = render(document, fmt)
    step(2, 3, "파일을 저장하는 중")
    about = f"-{subject}" if kind in NEEDS_SUBJECT else ""
    ascii_name = f"{kind}-report{about}-{year}-{as_of.isoformat()}{EXTENSIONS[fmt]}"
    name = report_file_name(kind=kind, year=year, as_of=as_of, fmt=fmt, subject=subject)
    return ReportFile(name=name, content_type=CONTENT_TYPES[fmt], data=data, ascii_name=ascii_name)


FILE_TITLES = {
    "business": "주요업무보고",
    "jobs": "일자리 목표 공시",
    "programme": "사업 요약",
    "payroll": "급여대장",
    "notice": "사회투자기금 고지서",
}
NOTICE_BATCHES = {"repayment": "원리금 상환고지서", "overdue": "미납·연체고지서"}


def report_file_name(*, kind: str, year: int, as_of: date, fmt: str, subject: str = "") -> str:
    """A report file's Korean name, with the as-of day in the screen style: `2018 주요업무보고(2018.6.30. 기준).pdf`,
    `급여대장 GN-01(2018.6.30. 기준).xlsx`, `사회투자기금 원리금 상환고지서 묶음(2018.6.30. 기준).pdf`."""
    title = FILE_TITLES.get(kind, REPORT_KINDS.get(kind, kind))
    if kind == "notice":
        batch = subject.split("-", 1)[0]
        about = f" {NOTICE_BATCHES[batch]} 묶음" if batch in NOTICE_BATCHES else f" {subject}"
        name = f"사회투자기금{about}" if batch in NOTICE_BATCHES else f"{title}{about}"
    elif kind in NEEDS_SUBJECT:
        name = f"{title} {subject}"
    else:
        name = f"{year} {title}"
    return file_name_safe(f"{name}({screen_date(as_of)} 기준){EXTENSIONS[fmt]}")
