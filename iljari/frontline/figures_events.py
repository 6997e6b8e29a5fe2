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
"""

from __future__ import annotations

from datetime import date


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
