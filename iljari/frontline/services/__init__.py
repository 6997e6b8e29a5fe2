"""frontline services — every write of the frontline app, one module per desk: consultations (consultations,
follow-ups, cases, workplace visits, topics), rooms (bookings, registrations, the set-up of points, closures, rooms,
programmes and sessions), shelters, public_sector; common holds what they share.

Contract (`actor=None` is the system: the demo loader):
- events: the events and campaigns' contract is its own module's (`frontline.services.events`, docs/events.md)
- consultation_record(*, actor, service_point, held_on, channel, topic, person=None, client_label="",
      client_birth_year=None, notes="", outcome="", employer="", employed_on=None, referred_to="") -> Consultation
      by the point's own staff (access_service_point_work); a registered person or an anonymous label.
- indicators_sync(*, year, as_of=None) -> dict[str, int]
      the office indicators the records feed (IND-06, ombudsmen's consultations), through performance's service;
      run after every consultation recorded (performance is the one module above org/people/plan frontline uses)
- consultation_outcome_set(*, actor, consultation, outcome, employer="", employed_on=None, referred_to="")
- follow_up_add(*, actor, consultation, due_on, note="") -> FollowUp;  follow_up_done(*, actor, follow_up, done_on)
- case_open(*, actor, service_point, claimant, respondent, claim, opened_on, claim_amount=0,
      legal_aid_granted=False, consultation=None) -> LabourCase
- case_step_add(*, actor, case, title, on=None, deadline=None) -> CaseStep
- case_close(*, actor, case, result, closed_on, amount_recovered=0) -> LabourCase
- visit_record(*, actor, service_point, workplace, visited_on, employees=0, findings="", checks=None,
      findings_resolved=None) -> WorkplaceVisit        a done visit is never in the future
- booking_create(*, actor, room, day, hour, hours=1, headcount=1, purpose="") -> list[Booking]
      a citizen's booking of consecutive one-hour slots, inside the point's opening hours, not on a closed day,
      not on a public holiday (core.holidays), not an hour already begun today, within the room's capacity and
      the per-person daily limit; a taken slot is refused, the person's own slot asked again said as such (the
      database's booking_one_per_slot constraint decides between concurrent requests).
- booking_wait(*, actor, room, day, hour) -> Booking     the waiting list of a taken slot
- booking_cancel(*, actor, booking) -> Booking           with the person's hours next to it (one booking of several
      hours is cancelled whole); the first waiting booking of each freed slot takes it
- booking_attendance(*, actor, booking, attended: bool)  check-in or no-show, by the point's staff
- registration_create(*, actor, session, participant="") -> Registration
      a citizen on the portal (or the programme's staff for a named participant); a citizen is never in two
      sessions starting at the same hour of the same day; never over capacity (one
      conditional UPDATE of the session's counter, with a CheckConstraint behind it).
- registration_cancel(*, actor, registration);  attendance_record(*, actor, registration, attended)
- booking_reminders_send(*, day=None) -> int     the reminder the day before (messaging), once per person and room
  (booking confirmed and cancelled, a waiting booking given the slot and a registration are told by their services)
- satisfaction_record(*, actor, registration, score)     the citizen, after attending
- shelter_count_record(*, actor, shelter, day, users) -> ShelterDailyCount
- conversion_record(*, actor, kind, group, planned, done=0, done_on=None, institution=None, institution_label="")
- screening_request(*, actor, institution, unit, reason, headcount, months, budget, requested_on)
- screening_decide(*, actor, screening, decision, decided_on, approved_headcount=None, committee_note="")
      the outcome on the request; the 사전심사위원회's meeting of `decided_on` (found or opened) records the decision
      (committees, linked "frontline.prescreening"; `committee_note` is its text)
- working_hours_record(*, actor, institution, year, hours) -> WorkingHours
- labour_check_record(*, actor, institution, kind, checked_on, compliant, max_weekly_hours=None, findings="")
- service_point_set / topic_set / closure_set / room_set / programme_set / session_set / shelter_set
      (*, actor, code-or-key, **fields): keep the set-up records (the office manager or the division's staff;
      the demo loader as the system). room_set / programme_set / shelter_set take new=True for a new code (a
      taken code is refused); each checks its fields (capacity at least 1, per-person limit 1–24 hours, HH:MM
      shelter hours) and writes nothing on a mistake. session_set(..., session=None) edits one session when
      given; a session of a point's programme starts inside the point's opening hours on a day it is open.
      A closure of one point is its division's; a closure of every point the office manager's.
- service_point_hours_set(*, actor, service_point, weekday_opens, weekday_closes, saturday_opens, saturday_closes)
      opening before closing, both or neither; closure_delete(*, actor, closure)
- consultation_record(..., service=...) at the social-economy centres: 상담 and, by kind of point, 경영지원 · 창업코칭
      · 성장 지원 · 아카데미 교육 지원 (common.POINT_SERVICES); nothing before the point's opening day (opened_on)
- suit_item_set / suit_item_state_set / suit_rental_book / suit_rental_pickup / suit_rental_return /
      suit_rental_cancel / suit_settings_set: the 일자리카페's 취업날개 suit rental (services/suits.py states each rule)
"""

from iljari.frontline.services.consultations import (
    case_close,
    case_open,
    case_step_add,
    consultation_outcome_set,
    consultation_record,
    follow_up_add,
    follow_up_done,
    indicators_sync,
    topic_set,
    visit_record,
)
from iljari.frontline.services.messages import booking_reminders_send
from iljari.frontline.services.public_sector import (
    conversion_record,
    labour_check_record,
    screening_decide,
    screening_request,
    working_hours_record,
)
from iljari.frontline.services.rooms import (
    attendance_record,
    booking_attendance,
    booking_cancel,
    booking_create,
    booking_wait,
    closure_delete,
    closure_set,
    programme_set,
    registration_cancel,
    registration_create,
    room_set,
    satisfaction_record,
    service_point_hours_set,
    service_point_set,
    session_set,
)
from iljari.frontline.services.shelters import shelter_count_record, shelter_set
from iljari.frontline.services.suits import (
    suit_item_set,
    suit_item_state_set,
    suit_rental_book,
    suit_rental_cancel,
    suit_rental_due,
    suit_rental_pickup,
    suit_rental_return,
    suit_settings_set,
)

__all__ = [
    "attendance_record",
    "booking_attendance",
    "booking_cancel",
    "booking_reminders_send",
    "booking_create",
    "booking_wait",
    "case_close",
    "case_open",
    "case_step_add",
    "closure_delete",
    "closure_set",
    "consultation_outcome_set",
    "consultation_record",
    "conversion_record",
    "follow_up_add",
    "follow_up_done",
    "indicators_sync",
    "labour_check_record",
    "programme_set",
    "registration_cancel",
    "registration_create",
    "room_set",
    "satisfaction_record",
    "screening_decide",
    "screening_request",
    "service_point_hours_set",
    "service_point_set",
    "session_set",
    "shelter_count_record",
    "shelter_set",
    "suit_item_set",
    "suit_item_state_set",
    "suit_rental_book",
    "suit_rental_cancel",
    "suit_rental_due",
    "suit_rental_pickup",
    "suit_rental_return",
    "suit_settings_set",
    "topic_set",
    "visit_record",
    "working_hours_record",
]
