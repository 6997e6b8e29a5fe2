"""A loan's position on a day, from its schedule versions and payments: pure functions, no database.

- What is due on day D comes from the schedule version in force on D (the latest with effective_on ≤ D): the
  principal and interest paid before it started, plus its instalments due on or before D.
- Regular arrears on D = due − paid (principal and interest paid up to D). The oldest unpaid instalment is the first
  of the version whose cumulative due exceeds what was paid; days past due count from its due date.
- Overdue interest (연체이자) accrues on the regular arrears at the agreement's overdue rate, actual/365 by day: an
  instalment due on day d and paid on day d+5 carries 5 days. The accrued total is cut to the 원.
- Buckets: 0 (current), 1–30, 31–90, 91+ days past due.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

BUCKETS = [("current", "정상"), ("1-30", "1~30일"), ("31-90", "31~90일"), ("91+", "91일 이상")]


def bucket_of(days_past_due: int) -> str:
    if days_past_due <= 0:
        return "current"
    if days_past_due <= 30:
        return "1-30"
    if days_past_due <= 90:
        return "31-90"
    return "91+"


@dataclass(frozen=True)
class Row:
    due_on: date
    principal: int
    interest: int


@dataclass(frozen=True)
class Version:
    effective_on: date
    principal_before: int
    interest_before: int
    rows: list[Row]
    interest_carried: int = 0  # unpaid interest a deferment moved into the first row's interest


@dataclass(frozen=True)
class Payment:
    received_on: date
    overdue_interest: int
    interest: int
    principal: int


@dataclass
class Position:
    as_of: date
    principal: int
    principal_paid: int = 0
    interest_paid: int = 0
    overdue_interest_paid: int = 0
    principal_due: int = 0
    interest_due: int = 0
    overdue_interest_accrued: int = 0
    oldest_unpaid_on: date | None = None
    carried_pending: int = 0  # interest carried into a first instalment not yet due (owed, not yet overdue)
    rows_due: list[Row] = field(default_factory=list)

    @property
    def outstanding(self) -> int:
        """The principal not yet repaid (채권잔액)."""
        return self.principal - self.principal_paid

    @property
    def principal_arrears(self) -> int:
        return max(self.principal_due - self.principal_paid, 0)

    @property
    def interest_arrears(self) -> int:
        return max(self.interest_due - self.interest_paid, 0)

    @property
    def overdue_interest_owed(self) -> int:
        return max(self.overdue_interest_accrued - self.overdue_interest_paid, 0)

    @property
    def owed_now(self) -> int:
        """Everything owed on the day: overdue interest, interest and principal due."""
        return self.overdue_interest_owed + self.interest_arrears + self.principal_arrears

    @property
    def payoff(self) -> int:
        """What repays the loan in full on the day: what is owed now, interest carried by a deferment and not yet
        due, and the principal not yet due."""
        return self.overdue_interest_owed + self.interest_arrears + self.carried_pending + self.outstanding

    @property
    def days_past_due(self) -> int:
        if self.oldest_unpaid_on is None:
            return 0
        return max((self.as_of - self.oldest_unpaid_on).days, 0)

    @property
    def bucket(self) -> str:
        return bucket_of(self.days_past_due)


def _in_force(versions: list[Version], day: date) -> Version | None:
    starts = [v.effective_on for v in versions]
    index = bisect_right(starts, day) - 1
    return versions[index] if index >= 0 else None


def _due(version: Version | None, day: date) -> tuple[int, int, list[Row]]:
    if version is None:
        return 0, 0, []
    rows = [row for row in version.rows if row.due_on <= day]
    return (
        version.principal_before + sum(r.principal for r in rows),
        version.interest_before + sum(r.interest for r in rows),
        rows,
    )


def position_on(
    *, principal: int, versions: list[Version], payments: list[Payment], overdue_rate: Decimal, as_of: date
) -> Position:
    """The loan's position at the end of `as_of` (payments received that day included)."""
    versions = sorted(versions, key=lambda v: v.effective_on)
    payments = sorted((p for p in payments if p.received_on <= as_of), key=lambda p: p.received_on)
    position = Position(as_of=as_of, principal=principal)
    position.principal_paid = sum(p.principal for p in payments)
    position.interest_paid = sum(p.interest for p in payments)
    position.overdue_interest_paid = sum(p.overdue_interest for p in payments)
    version = _in_force(versions, as_of)
    position.principal_due, position.interest_due, position.rows_due = _due(version, as_of)
    # the oldest unpaid instalment of the version in force
    if version is not None and version.interest_carried and version.rows and version.rows[0].due_on > as_of:
        paid_since = position.interest_paid - version.interest_before
        position.carried_pending = max(version.interest_carried - max(paid_since, 0), 0)
    if version is not None:
        paid = position.principal_paid + position.interest_paid
        running = version.principal_before + version.interest_before
        for row in position.rows_due:
            running += row.principal + row.interest
            if running > paid:
                position.oldest_unpaid_on = row.due_on
                break
    position.overdue_interest_accrued = overdue_interest_accrued(
        versions=versions, payments=payments, overdue_rate=overdue_rate, as_of=as_of
    )
    return position


def overdue_interest_accrued(
    *, versions: list[Version], payments: list[Payment], overdue_rate: Decimal, as_of: date
) -> int:
    """The overdue interest accrued up to the end of `as_of`: Σ arrears(end of day t) × rate × days / 365."""
    rate = Decimal(overdue_rate)
    if rate == 0:
        return 0
    days = sorted(
        {v.effective_on for v in versions if v.effective_on <= as_of}
        | {row.due_on for v in versions for row in v.rows if row.due_on <= as_of}
        | {p.received_on for p in payments if p.received_on <= as_of}
    )
    total = Decimal(0)
    for index, day in enumerate(days):
        following = days[index + 1] if index + 1 < len(days) else as_of
        span = (following - day).days
        if span <= 0:
            continue
        principal_due, interest_due, _rows = _due(_in_force(versions, day), day)
        paid = sum(p.principal + p.interest for p in payments if p.received_on <= day)
        arrears = principal_due + interest_due - paid
        if arrears > 0:
            total += Decimal(arrears) * rate / 100 * span / 365
    return int(total)
