"""Frontline services: service points and their consultations, cases and workplace visits; rooms and bookings;
programmes (courses, academies, the forum) with sessions and registrations; shelters and their daily counts; and
the public sector's own labour programmes (conversions, fixed-term pre-screening, working hours, checks).

A service point is run by a partner institution (its staff are partner-agency accounts of that partner) or directly
by a division (its staff are that division's accounts): see docs/frontline.md.

One module per desk; every model is importable from here (`from iljari.frontline.models import Booking`):
- rooms: ServicePoint, Closure, Room, Booking, Programme, ProgrammeSession, Registration
- consultations: ConsultationTopic, Consultation, FollowUp, LabourCase, CaseStep, WorkplaceVisit
- shelters: Shelter, ShelterDailyCount
- public_sector: Conversion, FixedTermScreening, WorkingHours, LabourCheck
- events: Event, EventCommittee, EventTally, EventGuest, EventVisit, EventDocument, EventEntry (docs/events.md)
- suits: SuitItem, SuitRental (the 일자리카페's 취업날개 interview suits)
"""

from iljari.frontline.models.consultations import (
    CaseStep,
    Consultation,
    ConsultationTopic,
    FollowUp,
    LabourCase,
    WorkplaceVisit,
)
from iljari.frontline.models.events import (
    Event,
    EventCommittee,
    EventDocument,
    EventEntry,
    EventGuest,
    EventTally,
    EventVisit,
)
from iljari.frontline.models.public_sector import Conversion, FixedTermScreening, LabourCheck, WorkingHours
from iljari.frontline.models.rooms import (
    Booking,
    Closure,
    Programme,
    ProgrammeSession,
    Registration,
    Room,
    ServicePoint,
)
from iljari.frontline.models.shelters import Shelter, ShelterDailyCount
from iljari.frontline.models.suits import SuitItem, SuitRental

__all__ = [
    "Booking",
    "CaseStep",
    "Closure",
    "Consultation",
    "ConsultationTopic",
    "Conversion",
    "Event",
    "EventCommittee",
    "EventDocument",
    "EventEntry",
    "EventGuest",
    "EventTally",
    "EventVisit",
    "FixedTermScreening",
    "FollowUp",
    "LabourCase",
    "LabourCheck",
    "Programme",
    "ProgrammeSession",
    "Registration",
    "Room",
    "ServicePoint",
    "Shelter",
    "ShelterDailyCount",
    "SuitItem",
    "SuitRental",
    "WorkingHours",
    "WorkplaceVisit",
]
