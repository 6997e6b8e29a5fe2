"""What a worksite's month of pay shows beyond gross pay, filled in by the apps above participation (payroll
registers its deductions in its AppConfig.ready; participation imports none of them).

- pay_extra_register(provider): provider(*, user, worksite, month, payment_ids) -> PayExtra | None
- pay_extra(*, user, worksite, month, payment_ids) -> PayExtra | None   the first provider's answer
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PayExtra:
    """Each payment's (공제 계, 실지급액), the month's totals in one Korean line, and the page that shows the rest."""

    by_payment: dict[int, tuple[int, int]] = field(default_factory=dict)
    summary: str = ""
    url: str = ""


_PROVIDERS: list[Callable[..., PayExtra | None]] = []


def pay_extra_register(provider: Callable[..., PayExtra | None]) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def pay_extra(*, user, worksite, month, payment_ids) -> PayExtra | None:
    for provider in _PROVIDERS:
        extra = provider(user=user, worksite=worksite, month=month, payment_ids=payment_ids)
        if extra is not None:
            return extra
    return None
