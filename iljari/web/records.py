"""One page per participant and per organisation for staff: short tables composed from each app's selectors.

Composed here, in the shell that may import every app, rather than through a registry of sections filled by the
apps: the sections are a fixed set the office asked for, each needs its own columns and links, and a registry in
people (below intake, participation and frontline) would only move the same list into six AppConfig.ready hooks.
Each section is read through its app's selector, already scoped to the user, and is left out when the user's gates
do not reach that app (a district officer sees no training or frontline section); the person or organisation itself
is found through people's or enterprises' scoped selector (404 outside the scope).

Contract:
- Section(key, title, columns, rows, count)      rows: [(cells, url)] — the first cell is linked when url; count: all
- participant_sections(*, user, person) -> list[Section]
- organisation_sections(*, user, organisation) -> list[Section]
- SECTION_ROWS: the rows a section shows (the newest); the count says how many there are
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from iljari.core import access
from iljari.core.formats import format_number, screen_date, screen_datetime
from iljari.enterprises import selectors as enterprises_selectors
from iljari.frontline import selectors as frontline_selectors
from iljari.fund import selectors as fund_selectors
from iljari.grants import selectors as grants_selectors
from iljari.intake import selectors as intake_selectors
from iljari.messaging import selectors as messaging_selectors
from iljari.participation import selectors as participation_selectors
from iljari.participation import training_selectors
from iljari.payroll import transfer_selectors

SECTION_ROWS = 10


@dataclass
class Section:
    key: str
    title: str
    columns: list[str]
    rows: list[tuple[list[str], str]] = field(default_factory=list)
    count: int = 0


def _section(key, title, columns, records, row) -> Section:
    """The newest SECTION_ROWS of the records drawn as rows, and how many there are (a queryset counted in the
    database, so that an organisation with thousands of purchases is not read whole)."""
    if isinstance(records, QuerySet):
        count, first = records.count(), list(records[:SECTION_ROWS])
    else:
        count, first = len(records), list(records)[:SECTION_ROWS]
    return Section(key, title, columns, [row(record) for record in first], count)


def _day(moment) -> str:
    """A moment as the day it was in Seoul."""
    return screen_date(timezone.localdate(moment)) if moment else "-"


def _won(value) -> str:
    return "-" if value is None else f"{format_number(value)}원"


def participant_sections(*, user, person) -> list[Section]:
    sections: list[Section] = []
    if access.access_applications_view(user):
        applications = intake_selectors.person_application_list(user=user, person_id=person.pk)
        sections.append(
            _section(
                "applications",
                "신청과 자격 확인",
                ["모집공고", "선발구분", "접수일", "상태", "자격 미충족 사유", "가점"],
                applications,
                lambda a: (
                    [
                        a.call.title,
                        a.quota.name,
                        _day(a.submitted_at),
                        a.get_status_display(),
                        " · ".join(a.ineligible_reasons.splitlines()) or "-",
                        f"{a.priority_points}점",
                    ],
                    a.call.get_absolute_url(),
                ),
            )
        )
    if access.access_participation_view(user):
        placements = participation_selectors.person_placement_list(user=user, person_id=person.pk)
        sections.append(
            _section(
                "placements",
                "참여(배치)",
                ["사업장", "기간", "상태"],
                placements,
                lambda p: (
                    [
                        p.worksite.name,
                        f"{screen_date(p.start_date)} ~ {screen_date(p.last_day)}",
                        p.get_status_display(),
                    ],
                    p.get_absolute_url(),
                ),
            )
        )
        months = participation_selectors.person_work_months(user=user, person_id=person.pk)
        sections.append(
            _section(
                "work",
                "근무상황과 급여",
                ["월", "사업장", "근무일수", "근무시간", "지급 총액"],
                months,
                lambda m: (
                    [
                        f"{m[0].month.year}년 {m[0].month.month}월",
                        m[0].placement.worksite.name,
                        f"{m[0].days_worked}일",
                        f"{format_number(m[0].hours_worked, decimals=1)}시간",
                        _won(m[1].total if m[1] else None),
                    ],
                    reverse("participation:placement_detail", args=[m[0].placement_id]),
                ),
            )
        )
        transfers = transfer_selectors.person_transfer_lines(user=user, person_id=person.pk)
        sections.append(
            _section(
                "transfers",
                "급여 이체",
                ["월", "사업장", "지급 기관", "이체 금액", "계좌", "상태"],
                transfers,
                lambda t: (
                    [
                        f"{t.batch.month.year}년 {t.batch.month.month}월",
                        t.batch.confirmation.worksite.name,
                        t.batch.payer_name,
                        _won(t.amount),
                        f"{t.bank_name} {t.account_masked}" if t.bank_code else "계좌 없음",
                        transfer_selectors.payment_status_text(t),
                    ],
                    reverse(
                        "transfers:month",
                        args=[t.batch.confirmation.worksite.code, t.batch.month.year, t.batch.month.month],
                    ),
                ),
            )
        )
    if access.access_training_view(user):
        enrolments = training_selectors.person_enrolment_list(user=user, person_id=person.pk)
        sections.append(
            _section(
                "training",
                "훈련과 출결",
                ["과정", "교육원", "상태", "출석"],
                enrolments,
                lambda e: (
                    [
                        e.course.name,
                        e.course.institute.name,
                        e.get_status_display(),
                        f"{e.attended}/{e.scheduled}일" if e.scheduled else "기록 없음",
                    ],
                    reverse("participation:training_enrolment", args=[e.pk]),
                ),
            )
        )
    if access.access_frontline_view(user):
        consultations = frontline_selectors.person_consultation_list(user=user, person_id=person.pk)
        sections.append(
            _section(
                "consultations",
                "상담",
                ["상담일", "분야", "창구"],
                consultations,
                lambda c: ([screen_date(c.held_on), c.topic.name, c.service_point.name], c.get_absolute_url()),
            )
        )
        bookings = (
            frontline_selectors.account_booking_list(user=user, account_id=person.user_id) if person.user_id else []
        )
        sections.append(
            _section(
                "bookings",
                "공간 예약",
                ["날짜", "시간", "공간"],
                bookings,
                lambda b: (
                    [screen_date(b.day), f"{b.hour:02d}:00~{b.hour + 1:02d}:00", b.room.name],
                    f"{reverse('frontline:room_detail', args=[b.room.code])}?day={b.day:%Y-%m-%d}",
                ),
            )
        )
    if access.access_messages_view(user):
        messages = messaging_selectors.person_message_list(user=user, person_id=person.pk)
        sections.append(
            _section(
                "messages",
                "받은 알림",
                ["작성 일시", "제목", "수단", "상태"],
                messages,
                lambda m: (
                    [screen_datetime(m.created_at), m.subject, m.get_channel_display(), m.get_status_display()],
                    m.get_absolute_url(),
                ),
            )
        )
    return sections


def organisation_sections(*, user, organisation) -> list[Section]:
    sections: list[Section] = []
    if access.access_applications_view(user):
        applications = intake_selectors.organisation_application_list(user=user, organisation_id=organisation.pk)
        sections.append(
            _section(
                "applications",
                "공모 신청",
                ["공고", "접수일", "상태"],
                applications,
                lambda a: ([a.call.title, _day(a.submitted_at), a.get_status_display()], a.call.get_absolute_url()),
            )
        )
    certifications = list(organisation.certifications.all())
    sections.append(
        _section(
            "certifications",
            "인증·지정",
            ["유형", "인증일", "만료일"],
            certifications,
            lambda c: (
                [c.get_kind_display(), screen_date(c.valid_from), screen_date(c.valid_until)],
                "",
            ),
        )
    )
    if access.access_grants_view(user):
        agreements = grants_selectors.organisation_agreement_list(user=user, organisation_id=organisation.pk)
        sections.append(
            _section(
                "grants",
                "보조금 협약",
                ["협약", "연도", "시비", "상태"],
                agreements,
                lambda g: ([g.title, f"{g.year}년", _won(g.city_amount), g.get_status_display()], g.get_absolute_url()),
            )
        )
    if access.access_fund_view(user):
        loans = fund_selectors.organisation_loan_list(user=user, organisation_id=organisation.pk)
        sections.append(
            _section(
                "loans",
                "사회투자기금 융자",
                ["융자번호", "원금", "실행일", "상태"],
                loans,
                lambda loan: (
                    [
                        loan.number,
                        _won(loan.principal),
                        screen_date(loan.disbursed_on),
                        loan.get_status_display(),
                    ],
                    loan.get_absolute_url(),
                ),
            )
        )
    if access.access_procurement_view(user):
        purchases = enterprises_selectors.organisation_purchase_list(user=user, organisation_id=organisation.pk)
        sections.append(
            _section(
                "procurement",
                "공공구매(납품)",
                ["구매일", "구매기관", "품목", "금액"],
                purchases,
                lambda p: ([screen_date(p.purchased_on), p.buyer.name, p.item, _won(p.amount)], ""),
            )
        )
    if access.access_messages_view(user):
        messages = messaging_selectors.organisation_message_list(user=user, organisation_id=organisation.pk)
        sections.append(
            _section(
                "messages",
                "담당자에게 보낸 알림",
                ["작성 일시", "제목", "수단", "상태"],
                messages,
                lambda m: (
                    [screen_datetime(m.created_at), m.subject, m.get_channel_display(), m.get_status_display()],
                    m.get_absolute_url(),
                ),
            )
        )
    return sections
