"""What else must hold before a worksite's month of pay is confirmed (급여 확정), filled in by the apps above
participation (payroll registers "the deductions are current" in its AppConfig.ready; participation imports none
of them). pay_confirm_check runs every registered check, at the draft and again on the final approval.

- pay_confirm_check_register(check): check(*, worksite, month) -> None, raises a core.errors.IljariError (Korean)
- pay_confirm_checks_run(*, worksite, month) -> None   runs each registered check in the order registered
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

_CHECKS: list[Callable[..., None]] = []


def pay_confirm_check_register(check: Callable[..., None]) -> None:
    if check not in _CHECKS:
        _CHECKS.append(check)


def pay_confirm_checks_run(*, worksite, month: date) -> None:
    for check in _CHECKS:
        check(worksite=worksite, month=month)
