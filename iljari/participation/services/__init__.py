"""participation services — worksites, placements, monthly work records, pay, dropouts and outcomes.

One module per sub-capability: `tables` (living wage, public holidays, programme terms), `worksites`,
`placements` (placing, ending), `work_records`, `pay`, `outcomes` (employment outcomes, job achievements). The
calendar they count with is `participation.calendar` (re-exported here for the callers that read it from here).
The training institutes' services are `participation.training_services`.

Contract:
- living_wage_set(*, actor, year, hourly, note="") -> LivingWage
- public_holiday_set(*, actor, day, name) -> PublicHoliday
- programme_terms_set(*, actor, programme, target_group, is_direct_job=True, max_months=None, weekly_hours=40,
                      paid_public_holidays=True, city_share_percent=100) -> ProgrammeTerms
      city_share_percent: of a district worksite's pay, the city's part (공공근로 시·구 7:3 → 70)
- worksite_set(*, actor, code, programme, name, operator, org_unit=None, district=None, partner=None, **details)
      -> Worksite
- placement_create(*, actor, person, worksite, start_date, end_date, weekly_hours=None, application=None,
                   sync=True) -> Placement
      refuses a period longer than the programme allows, an application that was not selected or belongs to
      someone else, and a direct job overlapping another direct job of the same person in any programme (the
      person's row is locked while checking, so two staff cannot both place them). The hourly wage is the
      start year's living wage. Placing an application confirms its call's selection.
- placements_from_selection(*, actor, call, worksites, start_date, end_date, quota=None) -> int
      places every selected, not yet placed application of a call (or of one of its quotas), spreading them over
      the worksites in turn, set-based; all or nothing. A district officer places its own district quota's
      selected people at its own district's worksites. Placing confirms the call's selection
      (intake.applications_mark_placed), so that it cannot be run again under the people placed.
- placement_end(*, actor, placement, ended_on, reason="", note="") -> Placement
      completion (no reason) or dropout (with a reason); work records after the end are refused.
- work_record_set(*, actor, placement, month, days_worked, hours_worked, paid_leave_hours=0, full_weeks)
      -> WorkRecord      (the month must be open and within the placement; figures checked against the calendar)
- work_record_import(*, actor, worksite, month, data: bytes) -> int        (the worksite's month sheet; all or none)
- pay_compute(*, actor, month, worksite=None) -> PayRun
      computes the month's pay of every placement with a work record (of a worksite, or all the actor may
      run), set-based; replaces earlier figures while the month is open and its pay is not confirmed.
- pay_confirm(*, actor, worksite, month, approval=None) -> PayConfirmation | None
      makes a worksite's month of pay final (급여 확정): an official's confirmation is drafted as the approval
      "급여 확정" (결재, approvals; the amount the 전결 rules read is the month's total) and happens on its final
      approval (the act calls back with `approval`); actor None acts at once. A confirmed month is not computed
      again.
- pay_confirm_check(*, worksite, month)    refuses a month confirmed already, without pay, or refused by a check the
      apps above registered (participation/pay_checks.py: payroll's deductions current)
- pay_month_totals(*, worksite, month) -> (count, total); PayMonth
- pay_amounts(*, record, placement, wage, holidays, terms) -> dict           (pure: the labour rules)
- outcome_record(*, actor, placement, employed_on, employer, kind) -> EmploymentOutcome
- placement_achievements_sync(*, programme, year, as_of) -> dict[str, int]
      counts the programme's placements started in the year by target group and hands them to
      performance as the programme's job achievements (no hand copying).

`actor=None` is the system (demo loader, scheduled sync).
"""

from iljari.participation.calendar import (
    MAX_DAILY_HOURS,
    MonthCalendar,
    add_months,
    daily_hours,
    holidays_between,
    month_calendar,
    month_end,
    month_start,
)
from iljari.participation.services.outcomes import outcome_record, placement_achievements_sync
from iljari.participation.services.pay import (
    PAY_CONFIRM,
    PAY_FIELDS,
    PAY_RULE,
    WEEKLY_REST_MIN_HOURS,
    PayMonth,
    PayRun,
    pay_amounts,
    pay_compute,
    pay_confirm,
    pay_confirm_check,
    pay_month_totals,
)
from iljari.participation.services.placements import placement_create, placement_end, placements_from_selection
from iljari.participation.services.tables import living_wage_set, programme_terms_set, public_holiday_set
from iljari.participation.services.work_records import work_record_import, work_record_set
from iljari.participation.services.worksites import worksite_set

__all__ = [
    "MAX_DAILY_HOURS",
    "PAY_FIELDS",
    "PAY_RULE",
    "WEEKLY_REST_MIN_HOURS",
    "MonthCalendar",
    "PayRun",
    "add_months",
    "daily_hours",
    "holidays_between",
    "living_wage_set",
    "month_calendar",
    "month_end",
    "month_start",
    "outcome_record",
    "PAY_CONFIRM",
    "PayMonth",
    "pay_amounts",
    "pay_compute",
    "pay_confirm",
    "pay_confirm_check",
    "pay_month_totals",
    "placement_achievements_sync",
    "placement_create",
    "placement_end",
    "placements_from_selection",
    "programme_terms_set",
    "public_holiday_set",
    "work_record_import",
    "work_record_set",
    "worksite_set",
]
