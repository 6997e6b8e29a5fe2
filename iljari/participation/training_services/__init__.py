"""participation training services — the technical training institutes (기술교육원): institutes, courses, trainees
enrolled from a call's selection, monthly attendance, the training-fee deposit (교육훈련비 예치환불제), completion
and dropout.

One module per sub-capability: `courses` (institutes and courses), `enrolments`, `deposits`, `attendance`,
`completion` (completion and dropout); `common` holds the gate checks they share. The training calendar (scheduled
days, the attendance percent) is `participation.calendar`, re-exported here.

Contract:
- institute_set(*, actor, code, programme, name, partner=None, district=None, address="", is_active=True)
      -> TrainingInstitute
- course_set(*, actor, code, institute, name, track, course_type, start_date, end_date, capacity, weekly_hours=35,
             deposit=0, completion_percent=80, quota=None) -> TrainingCourse
      refuses an end before the start, no places (or fewer than the trainees already enrolled), a deposit outside
      0~200,000원, and a quota that is not of a call of the institute's programme or already recruits another course.
- enrolments_from_selection(*, actor, call) -> int
      every selected application of the call whose quota is a course's quota and that is not enrolled yet becomes
      an enrolment in that course from the course's start, with a deposit due (course.deposit) when the course has
      one; set-based; all or nothing: refused when a course would go over its places, or when one of the people
      already trains in another course whose period overlaps. Enrolling confirms the call's selection
      (intake.applications_mark_placed).
- enrolment_create(*, actor, person, course, enrolled_on=None, application=None, note="") -> Enrolment
      one person, registered by staff; the same places, overlap and deposit rules.
- deposit_pay(*, actor, enrolment, paid_on) -> TrainingDeposit                                   (due → held)
- attendance_set(*, actor, enrolment, month, attended_days) -> AttendanceMonth
      the month must be open (월 마감) and inside the course and the enrolment; the scheduled days come from the
      calendar (weekdays that are not public holidays); attended ≤ scheduled.
- attendance_month_set(*, actor, course, month, attended: dict[int, int | None]) -> int
      a course month for all its trainees in one form (enrolment id → days; None leaves a row alone): every row
      checked, errors by row (field "attended_<id>"), nothing saved unless every row passes.
- attendance_import(*, actor, course, month, data: bytes) -> int     (the month's xlsx sheet; all rows or none)
- enrolment_complete(*, actor, enrolment, ended_on=None) -> Enrolment
      only when attended ÷ scheduled over the recorded months reaches the course's completion percent (otherwise a
      message giving both percentages); a deposit held is refunded, one still due is cancelled.
- course_complete(*, actor, course) -> tuple[int, int]
      on the course's last day, completes at once every trainee still enrolled who reaches the percent
      (set-based); (completed, left as they were) — those below it stay enrolled for staff to decide.
- enrolment_drop(*, actor, enrolment, ended_on, reason, note="") -> Enrolment
      a deposit held is forfeited (귀속), except when the trainee left for a job (조기취업: a success), which is
      refunded; one still due is cancelled.
- scheduled_training_days(*, enrolment, month, holidays) -> int | None       (pure: None when outside the period)
- attendance_percent_text(attended, scheduled) -> str                        ("79.9%", rounded down)


Every write runs in a transaction; `actor=None` is the system (demo loader).
"""

from iljari.participation.calendar import attendance_percent_text, scheduled_training_days
from iljari.participation.training_services.attendance import attendance_import, attendance_month_set, attendance_set
from iljari.participation.training_services.completion import course_complete, enrolment_complete, enrolment_drop
from iljari.participation.training_services.courses import DEPOSIT_MESSAGE, course_set, institute_set
from iljari.participation.training_services.deposits import deposit_pay
from iljari.participation.training_services.enrolments import enrolment_create, enrolments_from_selection

__all__ = [
    "DEPOSIT_MESSAGE",
    "attendance_import",
    "attendance_month_set",
    "attendance_percent_text",
    "attendance_set",
    "course_complete",
    "course_set",
    "deposit_pay",
    "enrolment_complete",
    "enrolment_create",
    "enrolment_drop",
    "enrolments_from_selection",
    "institute_set",
    "scheduled_training_days",
]
