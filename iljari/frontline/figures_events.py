"""What the events part registers when the app starts (FrontlineConfig.ready): its models in the change history,
and the counts the 2018 report prints for its events as figures from records (performance.record_figures).

- p1-02.mentor.sessions / p1-02.mentor.students — 특성화고 직업 멘토스쿨 "3회 450명" (Ⅲ 1-②): sessions of the
  멘토스쿨 events held from 1 January to the as-of date, and their attended registrations.
- p1-08.participants — 좋은 일자리도시 국제포럼 "시민 등 1,000명" (Ⅲ 1-⑧ 행사개요): the places the year's forum
  plans (the report prints the plan of a December event).
- p3-01.week.participants — 사회적경제 주간 "15,000여명 시민참여" (Ⅲ 3-①): the people its tallies counted. The week
  ran '18.7.5.~7.7., after the report's '18.6.30.: counted as of 6.30. the records hold nothing, yet the report
  printed the number. So this figure is counted as of the week's end (the later of the as-of date and the end of
  the year's 사회적경제 주간), and its label says so (docs/events.md).
- p3-04.proposals / .selected / .funded / .awarded, p3-04.crowd.participants, p3-04.crowd.amount — the SIB's
  모의크라우드 펀딩대회 (Ⅲ 3-④, '17.12월~'18.4월): "14개 제안사업 중 8개 선정(1.27.)", "1,973명 참여. 총 211억원
  모의금액 모집", "8개 제안사업 중 5개 사업 시상(4.2.)" — from the entries of P3-04's contests running in the year
  (proposed, selected, selected with a pledged amount, awarded, by the as-of date), their tallies and the amounts
  pledged for the selected entries (억원: divided exactly, a rounding shows as 불일치).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

EOK = Decimal(100_000_000)
SIB = "P3-04"


def sib_funded(*, year: int, as_of: date) -> int | None:
    """The SIB contest's entries selected by as_of that went into the crowdfunding round (a pledged amount)."""
    from iljari.frontline.models import EventEntry
    from iljari.frontline.selectors.events import _contests

    contests = _contests(SIB, year, as_of)
    if not contests.exists():
        return None
    return EventEntry.objects.filter(event__in=contests, selected_on__lte=as_of, pledged__isnull=False).count()


def sib_pledged_eok(*, year: int, as_of: date) -> Decimal | None:
    from iljari.frontline.selectors.events import contest_pledged

    won = contest_pledged(programme=SIB, year=year, as_of=as_of)
    return None if won is None else Decimal(won) / EOK


def _week_end(year: int) -> date | None:
    from iljari.frontline.models import Event

    return (
        Event.objects.filter(kind=Event.Kind.WEEK, starts_on__year=year)
        .exclude(state=Event.State.CANCELLED)
        .order_by("-ends_on")
        .values_list("ends_on", flat=True)
        .first()
    )


def week_participants(*, year: int, as_of: date) -> int | None:
    """The 사회적경제 주간's people, counted as of the week's end when the as-of date comes before it."""
    from iljari.frontline.models import Event
    from iljari.frontline.selectors.events import event_tally_total

    end = _week_end(year)
    if end is None:
        return None
    return event_tally_total(kind=Event.Kind.WEEK, year=year, as_of=max(as_of, end))


@cache  # once: a second ready() registers nothing new (a key registered twice with another count is refused)
def events_register() -> None:
    from iljari.core.history import track
    from iljari.frontline import models
    from iljari.frontline.models import Event
    from iljari.frontline.selectors.events import event_attendees, event_capacity_planned, event_sessions_held
    from iljari.performance.record_figures import RecordFigure, record_figure_register

    for model in (
        models.Event,
        models.EventCommittee,
        models.EventTally,
        models.EventGuest,
        models.EventVisit,
        models.EventDocument,
        models.EventEntry,
    ):
        track(model)

    mentor = Event.Kind.MENTOR_SCHOOL
    record_figure_register(
        RecordFigure(
            key="p1-02.mentor.sessions",
            programme="P1-02",
            label="특성화고 직업 멘토스쿨 운영 회차",
            unit="회",
            page="frontline:event_list",
            count=lambda *, year, as_of: event_sessions_held(kind=mentor, year=year, as_of=as_of),
        )
    )
    record_figure_register(
        RecordFigure(
            key="p1-02.mentor.students",
            programme="P1-02",
            label="특성화고 직업 멘토스쿨 참여 학생",
            unit="명",
            page="frontline:event_list",
            count=lambda *, year, as_of: event_attendees(kind=mentor, year=year, as_of=as_of),
        )
    )
    record_figure_register(
        RecordFigure(
            key="p1-08.participants",
            programme="P1-08",
            label="좋은 일자리도시 국제포럼 참석 규모(계획)",
            unit="명",
            page="frontline:event_list",
            count=lambda *, year, as_of: event_capacity_planned(kind=Event.Kind.FORUM, year=year, as_of=as_of),
        )
    )
    record_figure_register(
        RecordFigure(
            key="p3-01.week.participants",
            programme="P3-01",
            label="사회적경제 주간 시민참여 인원(주간 종료일 기준)",
            unit="명",
            page="frontline:event_list",
            count=week_participants,
        )
    )
    from iljari.frontline.selectors.events import contest_entries, contest_tallied

    sib = "P3-04"
    for key, label, stage in (
        ("p3-04.proposals", "모의크라우드 펀딩대회 제안사업", None),
        ("p3-04.proposals.selected", "모의크라우드 펀딩 선정 제안사업", "selected"),
        ("p3-04.proposals.awarded", "모의크라우드 펀딩 시상 제안사업", "awarded"),
    ):
        record_figure_register(
            RecordFigure(
                key=key,
                programme=sib,
                label=label,
                unit="개",
                page="frontline:event_list",
                count=lambda *, year, as_of, stage=stage: contest_entries(
                    programme=sib, year=year, as_of=as_of, stage=stage
                ),
            )
        )
    record_figure_register(
        RecordFigure(
            key="p3-04.proposals.funded",
            programme=sib,
            label="모의크라우드 펀딩 진행 제안사업",
            unit="개",
            page="frontline:event_list",
            count=sib_funded,
        )
    )
    record_figure_register(
        RecordFigure(
            key="p3-04.crowd.participants",
            programme=sib,
            label="모의크라우드 펀딩 참여 인원",
            unit="명",
            page="frontline:event_list",
            count=lambda *, year, as_of: contest_tallied(programme=sib, year=year, as_of=as_of),
        )
    )
    record_figure_register(
        RecordFigure(
            key="p3-04.crowd.amount",
            programme=sib,
            label="모의크라우드 펀딩 모의금액",
            unit="억원",
            page="frontline:event_list",
            count=sib_pledged_eok,
        )
    )
