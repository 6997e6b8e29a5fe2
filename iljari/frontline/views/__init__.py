"""frontline pages, one module per desk: consultations (consultations with outcome and follow-ups, cases, workplace
visits), rooms (rooms and a day's bookings with check-in and no-show, programmes and sessions with attendance),
shelters (daily counts, averages), public_sector (the public sector's labour programmes), setup (기본 자료 of every
desk), figures (the report's counts), points (a service point's page with its counts), suits (the 일자리카페's
취업날개 rentals and suit items), and portal (the citizen's rooms and booking, programmes and registration, own
bookings and registrations, completion certificate), public (open to all: the rooms, each room's week, the
programmes); common holds what they share.

Contract: every view the URL conf names (frontline/urls.py uses `views.<name>`).
"""

from iljari.frontline.views.consultations import (
    case_close,
    case_create,
    case_detail,
    case_export,
    case_list,
    case_step,
    consultation_create,
    consultation_detail,
    consultation_export,
    consultation_list,
    consultation_outcome,
    follow_up_add,
    follow_up_done,
    visit_create,
    visit_export,
    visit_list,
)
from iljari.frontline.views.figures import figures
from iljari.frontline.views.points import point_detail
from iljari.frontline.views.portal import (
    portal_booking_cancel,
    portal_bookings,
    portal_certificate,
    portal_register,
    portal_registration_cancel,
    portal_registrations,
    portal_room,
    portal_satisfaction,
)
from iljari.frontline.views.public import portal_programmes, portal_room_week, portal_rooms
from iljari.frontline.views.public_sector import (
    conversion_record,
    public_sector,
    screening_decide,
    screening_request,
    working_hours_record,
)
from iljari.frontline.views.rooms import (
    booking_attendance,
    programme_detail,
    programme_list,
    registration_attendance,
    room_detail,
    room_list,
    session_detail,
)
from iljari.frontline.views.setup import (
    closure_delete,
    closure_list,
    point_hours,
    programme_edit,
    room_edit,
    session_edit,
    setup,
    shelter_edit,
)
from iljari.frontline.views.shelters import shelter_detail, shelter_list
from iljari.frontline.views.suits import (
    suit_item_create,
    suit_item_detail,
    suit_item_export,
    suit_item_list,
    suit_item_state,
    suit_rental_cancel,
    suit_rental_create,
    suit_rental_detail,
    suit_rental_export,
    suit_rental_list,
    suit_rental_pickup,
    suit_rental_return,
    suit_settings,
)
from iljari.frontline.views.suits_portal import portal_suit_cancel, portal_suits

__all__ = [
    "booking_attendance",
    "case_close",
    "case_create",
    "case_detail",
    "case_list",
    "case_export",
    "case_step",
    "closure_delete",
    "closure_list",
    "consultation_create",
    "consultation_detail",
    "consultation_list",
    "consultation_export",
    "consultation_outcome",
    "conversion_record",
    "figures",
    "follow_up_add",
    "follow_up_done",
    "point_hours",
    "point_detail",
    "portal_booking_cancel",
    "portal_bookings",
    "portal_certificate",
    "portal_programmes",
    "portal_register",
    "portal_registration_cancel",
    "portal_registrations",
    "portal_room",
    "portal_room_week",
    "portal_rooms",
    "portal_satisfaction",
    "portal_suit_cancel",
    "portal_suits",
    "programme_detail",
    "programme_edit",
    "programme_list",
    "public_sector",
    "registration_attendance",
    "room_detail",
    "room_edit",
    "room_list",
    "screening_decide",
    "screening_request",
    "session_detail",
    "session_edit",
    "setup",
    "shelter_detail",
    "shelter_edit",
    "shelter_list",
    "suit_item_create",
    "suit_item_detail",
    "suit_item_export",
    "suit_item_list",
    "suit_item_state",
    "suit_rental_cancel",
    "suit_rental_create",
    "suit_rental_detail",
    "suit_rental_export",
    "suit_rental_list",
    "suit_rental_pickup",
    "suit_rental_return",
    "suit_settings",
    "visit_create",
    "visit_list",
    "visit_export",
    "working_hours_record",
]
