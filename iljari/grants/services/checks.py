"""What the grant services share: the permission checks (the programme's division; the grantee or the division),
the checks of an amount in 원 (within MONEY), of a date and of a percentage, and locking an agreement with what is
disbursed on it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db.models import Sum

from iljari.core.access import access_grant_submit, access_grants_manage, require
from iljari.core.errors import field_error
from iljari.core.figures import MONEY, OFFICE_DATE, DateKind, year_date
from iljari.core.formats import format_won
from iljari.core.korean import with_object, with_topic
from iljari.grants.models import GrantAgreement, GrantProgramme

MANAGE_MESSAGE = "이 보조금 사업을 관리할 권한이 없습니다."
HUNDRED = Decimal(100)


def require_manage(actor, programme: GrantProgramme) -> None:
    """Refuse (403) an actor who does not keep this grant programme; `None` is the system."""
    if actor is not None:
        require(access_grants_manage(actor, programme.programme.division.path), MANAGE_MESSAGE)


def require_submit(actor, agreement: GrantAgreement) -> None:
    """Refuse (403) an actor who is neither the grantee nor the programme's staff; `None` is the system."""
    if actor is not None:
        require(access_grant_submit(actor, agreement), MANAGE_MESSAGE)


def amount_check(value, field: str, label: str, *, positive: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise field_error(field, f"{with_topic(label)} 원 단위 정수로 적으십시오.")
    if value < 0 or (positive and value == 0):
        raise field_error(field, f"{with_topic(label)} {'1원' if positive else '0원'} 이상이어야 합니다.")
    if not MONEY.fits(value):
        raise field_error(field, f"{with_topic(label)} {format_won(int(MONEY.high))} 이하여야 합니다.")
    return value


def date_check(value, field: str, label: str, *, year: int | None = None, after: int = 1) -> date:
    """A date of the office's records (OFFICE_DATE), or, when the record has a year, from the year before it to
    `after` years after it."""
    if year:
        kind = year_date(year, before=1, after=after, label=label)
    else:
        kind = DateKind("", label, OFFICE_DATE.low, OFFICE_DATE.high)
    if value is not None and not kind.fits(value):
        raise field_error(field, kind.message)
    return value


def percent_check(value, field: str, label: str, *, below_hundred: bool = False) -> Decimal:
    try:
        rate = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        raise field_error(field, f"{with_object(label)} 숫자로 적으십시오.") from None
    if not rate.is_finite() or rate < 0 or rate > 100 or (below_hundred and rate == 100):
        raise field_error(
            field, f"{with_topic(label)} 0% 이상 {'100% 미만' if below_hundred else '100% 이하'}여야 합니다."
        )
    if rate != rate.quantize(Decimal("0.01")):
        raise field_error(field, f"{with_topic(label)} 소수점 둘째 자리까지 적습니다.")
    return rate


def agreement_lock(agreement: GrantAgreement) -> GrantAgreement:
    """The agreement again, locked for the rest of the transaction."""
    return (
        GrantAgreement.objects.select_for_update()
        .select_related("programme", "programme__programme", "budget_line")
        .get(pk=agreement.pk)
    )


def disbursed_total(agreement: GrantAgreement) -> int:
    return agreement.disbursements.aggregate(s=Sum("amount"))["s"] or 0
