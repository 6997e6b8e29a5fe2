"""Demo events and campaigns (iljari/demo/dataset/events.py holds what the 2018 report prints and what the demo
adds where it prints only a total).

The events, committees, guests and tallies go in through the frontline services (actor=None: the system), so the
change history records them; the 멘토스쿨's three sessions and its 450 attending students are bulk-inserted with
core.bulk.rows_insert (no signals, no change history), as the frontline loader does for the centre's programmes. The
forum's sessions are frontline's programme FORUM-2018 (loaded by the frontline loader before this one), linked to the
forum event. A second run changes nothing.
"""

from __future__ import annotations

from iljari.core.bulk import rows_insert
from iljari.demo.dataset import events as d
from iljari.frontline import services as frontline
from iljari.frontline.models import Event, EventEntry, EventTally, Programme, ProgrammeSession, Registration
from iljari.frontline.services import events as event_services
from iljari.org.models import OrgUnit
from iljari.plan.models import Programme as PlanProgramme


def _mentor_sessions(division: OrgUnit) -> Programme:
    programme = frontline.programme_set(
        actor=None,
        code="MENTOR-SCHOOL-2018",
        division=division,
        title="특성화고 직업 멘토스쿨",
        kind=Programme.Kind.MENTORING,
        service_point=None,
        public=False,
    )
    if not programme.sessions.exists():
        assert sum(n for _, _, n in d.MENTOR_SESSIONS) == d.MENTOR_STUDENTS
        rows_insert(
            ProgrammeSession,
            ["programme", "title", "day", "starts", "capacity", "registered"],
            [(programme.pk, title, day, 14, n, n) for title, day, n in d.MENTOR_SESSIONS],
        )
        registrations = []
        number = 0
        for session_id, registered in programme.sessions.order_by("day").values_list("id", "registered"):
            for _ in range(registered):
                number += 1
                registrations.append((session_id, f"학생-{number:03d}", True))
        rows_insert(Registration, ["session", "participant", "attended"], registrations)
    return programme


def _sib_contest(contest: Event) -> None:
    """The SIB's 모의크라우드 펀딩대회: its 14 entries, the 8 selected and 5 awarded, the amounts pledged (211억원
    split equally over the eight) and the 1,973 participants as one tally."""
    share, rest = divmod(d.SIB_PLEDGED, d.SIB_SELECTED)
    assert rest == 0
    for n in range(1, d.SIB_PROPOSALS + 1):
        entry = event_services.event_entry_set(
            actor=None,
            event=contest,
            title=f"제안사업 {n}",
            proposed_on=d.SIB_PROPOSED_ON,
            pledged=share if n <= d.SIB_SELECTED else None,
        )
        if n <= d.SIB_SELECTED and entry.selected_on is None:
            entry = event_services.event_entry_advance(
                actor=None, entry=entry, stage=EventEntry.Stage.SELECTED, on=d.SIB_SELECTED_ON
            )
        if n <= d.SIB_AWARDED and entry.awarded_on is None:
            event_services.event_entry_advance(
                actor=None, entry=entry, stage=EventEntry.Stage.AWARDED, on=d.SIB_AWARDED_ON
            )
    day, place, count = d.SIB_TALLY
    event_services.event_tally_record(
        actor=None,
        event=contest,
        day=day,
        place=place,
        count=count,
        method=EventTally.Method.SIGN_IN,
        note="펀딩 참여자 등록",
    )


def load_events() -> None:
    divisions = {u.code: u for u in OrgUnit.objects.filter(code__in={row[4] for row in d.EVENTS})}
    programmes = {p.code: p for p in PlanProgramme.objects.filter(code__in={row[3] for row in d.EVENTS})}
    sessions = {
        "MENTOR-SCHOOL-2018": _mentor_sessions(divisions["JOBS-POLICY"]),
        "FORUM-2018": Programme.objects.filter(code="FORUM-2018").first(),
    }
    events = {}
    for (
        code,
        kind,
        title,
        programme,
        division,
        organisers,
        starts,
        ends,
        place,
        capacity,
        state,
        counting,
        note,
    ) in d.EVENTS:
        linked = sessions.get(code)
        events[code] = event_services.event_set(
            actor=None,
            code=code,
            kind=kind,
            title=title,
            programme=programmes[programme],
            division=divisions[division],
            organisers=organisers,
            starts_on=starts,
            ends_on=ends,
            place=place,
            capacity=capacity,
            state=state,
            counting=counting if linked is not None or counting != Event.Counting.REGISTRATIONS else "none",
            sessions=linked,
            note=note,
        )
    forum = events["FORUM-2018"]
    for name, formed_on, note in d.FORUM_COMMITTEES:
        event_services.event_committee_add(actor=None, event=forum, name=name, formed_on=formed_on, note=note)
    for name, kind, affiliation in d.FORUM_GUESTS:
        event_services.event_guest_set(actor=None, event=forum, name=name, kind=kind, affiliation=affiliation)
    _sib_contest(events["SIB-CROWD-2018"])
    week = events["SE-WEEK-2018"]
    assert sum(n for _, _, n in d.WEEK_TALLIES) == d.WEEK_PARTICIPANTS
    for day, place, count in d.WEEK_TALLIES:
        event_services.event_tally_record(
            actor=None, event=week, day=day, place=place, count=count, method=EventTally.Method.ESTIMATE
        )
