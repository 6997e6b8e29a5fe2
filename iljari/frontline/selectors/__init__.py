"""frontline selectors — reads, scoped to the user; one module per desk: consultations (topics, consultations,
cases, visits), rooms (service points, set-up records, closures, rooms and bookings, programmes, sessions,
registrations, certificates), shelters, public_sector; figures holds the report's counts across the desks.

Contract:
- events: the events and campaigns' contract is its own module's (`frontline.selectors.events`, docs/events.md)
- service_point_list(*, user) -> QuerySet[ServicePoint]               scope_rows(partner="partner")
- service_point_get(*, user, code) -> ServicePoint                    404 outside the scope
- topic_list() -> QuerySet[ConsultationTopic]                          the active topics
- consultation_list(*, user, query="", service_point="") -> QuerySet  newest first; client, topic, point
- person_consultation_list(*, user, person_id) / account_booking_list(*, user, account_id)   one person's
      consultations and one citizen account's bookings in scope (the participant's one page in web)
- consultation_get(*, user, pk) -> Consultation                        `.notes_visible`: the user's own point only;
      otherwise `notes` and the follow-ups' notes are blanked on the returned object
- case_list(*, user, query="") / case_get(*, user, pk)              an advocate's cases (`query`: a part of the
                                                                     claimant's or the respondent's name),
                                                                     `.can_work` on the one
- visit_list(*, user, query="") / visit_get(*, user, pk)              workplace visits and the visits that check them
- room_list_public() -> list[Room];  room_get_public(*, code) -> Room
- room_day(*, room, day, user=None, now=None) -> list[SlotRow]        each opening hour: free / taken / mine, and
      past (begun today); empty on a closed day or a public holiday (core.holidays)
- room_hours(*, room) -> (start hours, lengths)                        what the booking form offers for the room
- room_week(*, room, day, now_day, now_hour) -> RoomWeek               (open to all) the week holding `day`: each
      day's hours free, booked, past or closed (closures and public holidays: core.holidays)
- room_list(*, user) / room_bookings(*, user, room, day)               staff view of a day's bookings
- room_usage(*, user, year)                                           each room's people, uses and no-shows
- my_bookings(*, user) / my_registrations(*, user)                     the citizen's own
- my_booking_blocks(*, user) -> list[BookingBlock]                     the citizen's bookings, a run of next-to-each-
      other hours (one room, day, status) as one (the row with one 취소, which cancels the run)
- session_list_public() -> QuerySet[ProgrammeSession]                  open, future sessions of public programmes
- programme_list(*, user) / programme_get(*, user, code)
- certificate_get(*, user, registration_pk) -> Certificate             a citizen's completion certificate
- shelter_list(*, user) / shelter_get(*, user, code)
- shelter_averages(*, user, year, as_of=None) -> list[ShelterAverage]  average daily users per shelter in a year
- public_sector_summary(*, user, as_of) -> PublicSectorSummary
- point_counts(*, year, as_of) -> dict (selectors/points.py)          the social-economy centres' and the
      emotional-labour centre's counts (the system's read, also in Figures.points and the record-figures registry)
- suits: rental_points, rental_work_points, suit_item_list/_get, suit_rental_list/_get, suit_rentals_overdue,
      suit_counts (selectors/suits.py states each)
- frontline_figures(*, user, year, as_of) -> Figures                   every count the 2018 report prints
- indicator_actuals(*, year, as_of) -> dict[str, int]                   figures that feed an office indicator
- manage_divisions(*, user) -> QuerySet[OrgUnit]                       the divisions whose set-up the user keeps
- manage_points(*, user) -> QuerySet[ServicePoint]                     the points of those divisions
- closure_list(*, user, since) -> QuerySet[Closure]                    closed days from `since`, every point's
- manage_rooms(*, user);  manage_room_get / manage_programme_get / manage_shelter_get (*, user, code),
      manage_session_get / manage_closure_get (*, user, pk): a record to edit, 404 outside the user's divisions
"""

from iljari.frontline.selectors.consultations import (
    case_get,
    case_list,
    consultation_get,
    consultation_list,
    person_consultation_list,
    topic_list,
    visit_get,
    visit_list,
)
from iljari.frontline.selectors.figures import INDICATORS, Figures, frontline_figures, indicator_actuals
from iljari.frontline.selectors.points import POINT_FIGURES, point_counts
from iljari.frontline.selectors.public import room_week
from iljari.frontline.selectors.public_sector import PublicSectorSummary, public_sector_summary, screening_get
from iljari.frontline.selectors.rooms import (
    Certificate,
    SlotRow,
    account_booking_list,
    booking_get,
    certificate_get,
    closure_list,
    day_closed,
    manage_closure_get,
    manage_divisions,
    manage_points,
    manage_programme_get,
    manage_room_get,
    manage_rooms,
    manage_session_get,
    my_booking_blocks,
    my_booking_get,
    my_bookings,
    my_registration_get,
    my_registrations,
    programme_get,
    programme_list,
    programme_sessions,
    registration_get,
    room_bookings,
    room_day,
    room_get,
    room_get_public,
    room_hours,
    room_list,
    room_list_public,
    room_usage,
    service_point_get,
    service_point_list,
    session_get,
    session_get_public,
    session_list_public,
    session_registrations,
)
from iljari.frontline.selectors.shelters import (
    ShelterAverage,
    manage_shelter_get,
    shelter_averages,
    shelter_counts,
    shelter_get,
    shelter_list,
    shelter_year_average,
)
from iljari.frontline.selectors.suits import (
    RENTAL_KINDS,
    my_suit_rental_get,
    my_suit_rentals,
    rental_points,
    rental_work_points,
    suit_counts,
    suit_item_get,
    suit_item_list,
    suit_items_public,
    suit_points_public,
    suit_rental_get,
    suit_rental_list,
    suit_rentals_overdue,
)

__all__ = [
    "Certificate",
    "Figures",
    "INDICATORS",
    "POINT_FIGURES",
    "RENTAL_KINDS",
    "PublicSectorSummary",
    "ShelterAverage",
    "SlotRow",
    "booking_get",
    "case_get",
    "case_list",
    "certificate_get",
    "closure_list",
    "consultation_get",
    "consultation_list",
    "person_consultation_list",
    "day_closed",
    "frontline_figures",
    "indicator_actuals",
    "manage_closure_get",
    "manage_divisions",
    "manage_points",
    "manage_programme_get",
    "manage_room_get",
    "manage_rooms",
    "manage_session_get",
    "manage_shelter_get",
    "my_booking_get",
    "my_booking_blocks",
    "my_bookings",
    "account_booking_list",
    "my_registration_get",
    "my_registrations",
    "programme_get",
    "programme_list",
    "programme_sessions",
    "public_sector_summary",
    "registration_get",
    "room_bookings",
    "room_day",
    "room_hours",
    "room_get",
    "room_get_public",
    "room_list",
    "room_list_public",
    "room_usage",
    "room_week",
    "screening_get",
    "service_point_get",
    "service_point_list",
    "session_get",
    "session_get_public",
    "session_list_public",
    "session_registrations",
    "shelter_averages",
    "shelter_counts",
    "shelter_get",
    "shelter_list",
    "shelter_year_average",
    "my_suit_rental_get",
    "my_suit_rentals",
    "point_counts",
    "rental_points",
    "rental_work_points",
    "suit_counts",
    "suit_item_get",
    "suit_item_list",
    "suit_items_public",
    "suit_points_public",
    "suit_rental_get",
    "suit_rental_list",
    "suit_rentals_overdue",
    "topic_list",
    "visit_get",
    "visit_list",
]
