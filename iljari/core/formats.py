"""Korean number, money, rate and date formats as the office's reports print them, and parsing back.

- numbers: thousands separators, negatives as `△9`;
- money: integer 원 shown in 원/천원/백만원/억원, rounded half up;
- rates: a ratio (Decimal) shown to 0.1% (`52.2%`);
- dates in documents (the report style): `'18.7.11.` and months `'18.6월`;
- dates on screens (the screen style, one for every page): `2018.7.11.`, with the time `2018.7.11. 10:37` (always in
  the office's time zone, settings.TIME_ZONE: Asia/Seoul), months `2018년 7월`, a deadline at midnight as the end
  of the day before `2018.7.10. 24:00` — `screen_date`, `screen_datetime`, `screen_deadline`, `screen_month`, and
  the template filter `when` (core/templatetags/kformat.py) that every template uses (`|when:"deadline"`).

A figure read back that is unusable (not finite, a `core.figures.Flagged` marker, or past any figure's bound)
is shown as `⚠ 범위 밖 값` (`core.figures.FLAG_TEXT`), never raised on; so is a date outside 1900–2100.

Every parser accepts what the formatter writes (and the spacing variants the 2018 report uses) and raises
ValueError with a Korean message for anything else.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import timezone

from iljari.core.figures import FLAG_TEXT, flagged

UNITS: dict[str, int] = {"원": 1, "천원": 1_000, "백만원": 1_000_000, "억원": 100_000_000}
NEGATIVE_SIGN = "△"
EMPTY = "-"

DATE_SHOWN = (1900, 2100)  # years a date of the office's records can have; others are shown flagged

_APOSTROPHES = "'’′‘`"


def _quantize(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_number(value: int | Decimal | float | None, *, decimals: int = 0) -> str:
    """`1234567` → `1,234,567`; `-9` → `△9`; None → `-`."""
    if value is None:
        return EMPTY
    if flagged(value):
        return FLAG_TEXT
    number = _quantize(Decimal(str(value)), decimals)
    text = f"{abs(number):,.{decimals}f}"
    return f"{NEGATIVE_SIGN}{text}" if number < 0 else text


def figure_decimals(value: int | Decimal | float | None, *, most: int = 2) -> int:
    """How many decimal places a figure holds as stored (trailing zeros dropped), at most `most`: 3847.20 → 1."""
    if value is None or isinstance(value, int):
        return 0
    exponent = Decimal(str(value)).normalize().as_tuple().exponent
    return min(max(-exponent, 0), most) if isinstance(exponent, int) else 0


def format_figure(value: int | Decimal | float | None, *, most: int = 2) -> str:
    """A figure with the decimals it holds (an indicator's 3,847.2 stays 3,847.2; 1,694.00 is 1,694)."""
    return format_number(value, decimals=figure_decimals(value, most=most))


def format_amount(won: int | None, unit: str = "백만원", *, decimals: int = 0) -> str:
    """An amount in integer 원 shown in `unit`: `237_715_000_000` → `237,715` (백만원)."""
    if won is None:
        return EMPTY
    if unit not in UNITS:
        raise ValueError(f"알 수 없는 금액 단위입니다: {unit}")
    if flagged(won):
        return FLAG_TEXT
    return format_number(Decimal(won) / UNITS[unit], decimals=decimals)


def format_won(won: int | None) -> str:
    """An amount in 원 as a message writes it: `1,234,000원` (`-` when missing)."""
    if won is None:
        return EMPTY
    return FLAG_TEXT if flagged(won) else f"{int(won):,}원"


def ratio(numerator: int | Decimal | None, denominator: int | Decimal | None) -> Decimal | None:
    """numerator / denominator as a Decimal, or None where it is undefined (no denominator)."""
    if numerator is None or not denominator:
        return None
    return Decimal(numerator) / Decimal(denominator)


def format_rate(value: Decimal | float | None, *, decimals: int = 1) -> str:
    """A ratio shown as a percentage: `Decimal('0.52224')` → `52.2%`; negative → `△1.5%`."""
    if value is None:
        return EMPTY
    if flagged(value) or flagged(Decimal(str(value)) * 100):
        return FLAG_TEXT
    return f"{format_number(Decimal(str(value)) * 100, decimals=decimals)}%"


def format_date(value: date | None) -> str:
    """`date(2018, 7, 11)` → `'18.7.11.`"""
    if value is None:
        return EMPTY
    if not DATE_SHOWN[0] <= value.year <= DATE_SHOWN[1]:
        return FLAG_TEXT
    return f"'{value.year % 100:02d}.{value.month}.{value.day}."


def format_month(value: date | None) -> str:
    """`date(2018, 6, 1)` → `'18.6월`"""
    if value is None:
        return EMPTY
    return f"'{value.year % 100:02d}.{value.month}월"


WEEKDAYS = "월화수목금토일"


def screen_date(value: date | datetime | None, *, weekday: bool = False) -> str:
    """A day as every screen shows it: `date(2018, 7, 11)` → `2018.7.11.` (`2018.7.11.(수)` with the weekday; a
    moment: its day in Asia/Seoul)."""
    if value is None:
        return EMPTY
    if isinstance(value, datetime):
        value = local_moment(value)
    if not DATE_SHOWN[0] <= value.year <= DATE_SHOWN[1]:
        return FLAG_TEXT
    day = f"{value.year}.{value.month}.{value.day}."
    return f"{day}({WEEKDAYS[value.weekday()]})" if weekday else day


def screen_datetime(value: datetime | date | None, *, seconds: bool = False) -> str:
    """A moment as every screen shows it, in the office's time zone: `2018.7.11. 10:37` (`10:37:05` with seconds).
    A day without a time shows as `screen_date`."""
    if value is None:
        return EMPTY
    if not isinstance(value, datetime):
        return screen_date(value)
    moment = local_moment(value)
    clock = f"{moment:%H:%M:%S}" if seconds else f"{moment:%H:%M}"
    return f"{screen_date(moment)} {clock}"


def screen_deadline(value: datetime | date | None, *, weekday: bool = False) -> str:
    """A deadline as every screen shows it: a moment at midnight is the end of the day before (`2027.1.28. 24:00`,
    not `2027.1.29. 00:00`, which a reader takes for the 29th); any other moment as `screen_datetime`. With the
    weekday, as the public call pages write it: `2027.1.28.(목) 24:00`, `2027.1.29.(금) 18:00`."""
    if value is None:
        return EMPTY
    if not isinstance(value, datetime):
        return screen_date(value, weekday=weekday)
    moment = local_moment(value)
    if (moment.hour, moment.minute) == (0, 0):  # shown to the minute: 00:00:30 reads as midnight too
        return f"{screen_date(moment - timedelta(days=1), weekday=weekday)} 24:00"
    return f"{screen_date(moment, weekday=weekday)} {moment:%H:%M}"


def screen_opening(value: datetime | None) -> str:
    """A moment something opens, with its weekday: `2026.12.1.(화) 00:00`."""
    if value is None:
        return EMPTY
    moment = local_moment(value)
    return f"{screen_date(moment.date(), weekday=True)} {moment:%H:%M}"


def deadline_day(value: datetime) -> date:
    """The last day a deadline leaves (its day; the day before when it falls at 00:00), in the office's time zone."""
    moment = local_moment(value)
    return moment.date() - timedelta(days=1) if (moment.hour, moment.minute) == (0, 0) else moment.date()


def d_day_text(deadline: datetime, today: date) -> str:
    """`D-3` three days before the deadline's last day, `D-day` on it, "" once past."""
    days = (deadline_day(deadline) - today).days
    if days < 0:
        return ""
    return "D-day" if days == 0 else f"D-{days}"


def screen_month(value: date | None) -> str:
    """A month as every screen shows it: `date(2018, 6, 1)` → `2018년 6월`."""
    if value is None:
        return EMPTY
    if isinstance(value, datetime):
        value = local_moment(value)
    return f"{value.year}년 {value.month}월"


def local_moment(value: datetime) -> datetime:
    """A moment in the office's time zone (settings.TIME_ZONE, Asia/Seoul): what every screen, API answer and file
    prints. A naive value is taken as already local."""
    return timezone.localtime(value) if timezone.is_aware(value) else value


# --- parsing ---------------------------------------------------------------------------------------------


def parse_number(text: str) -> Decimal:
    """`1,234` → 1234, `△9` → -9, `52.2` → 52.2. Raises ValueError for anything else."""
    cleaned = (text or "").strip().replace(",", "").replace(" ", "")
    negative = cleaned.startswith((NEGATIVE_SIGN, "-", "▲"))
    if negative:
        cleaned = cleaned[1:]
    if not re.fullmatch(r"\d+(\.\d+)?", cleaned):
        raise ValueError(f"숫자로 읽을 수 없습니다: {text!r}")
    try:
        number = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the pattern above admits only valid decimals
        raise ValueError(f"숫자로 읽을 수 없습니다: {text!r}") from exc
    return -number if negative else number


def parse_amount(text: str, unit: str = "백만원") -> int:
    """`237,715` in 백만원 → 237_715_000_000 원. Fractions of a 원 are refused."""
    if unit not in UNITS:
        raise ValueError(f"알 수 없는 금액 단위입니다: {unit}")
    won = parse_number(text) * UNITS[unit]
    if won != won.to_integral_value():
        raise ValueError(f"원 단위 아래의 금액은 쓸 수 없습니다: {text!r}")
    return int(won)


def parse_rate(text: str) -> Decimal:
    """`52.2%` → Decimal('0.522'); `△1.5%` → Decimal('-0.015')."""
    cleaned = (text or "").strip()
    if not cleaned.endswith("%"):
        raise ValueError(f"비율은 %로 끝나야 합니다: {text!r}")
    return parse_number(cleaned[:-1]) / 100


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) == 2 else year


_DATE = re.compile(r"^[" + _APOSTROPHES + r"]?\s*(\d{2}|\d{4})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*\.?$")
_MONTH = re.compile(r"^[" + _APOSTROPHES + r"]?\s*(\d{2}|\d{4})\s*\.\s*(\d{1,2})\s*월\s*(말|초|중)?$")


def parse_date(text: str) -> date:
    """`'18.7.11.`, `'18. 7. 11.`, `2018.7.11` → date(2018, 7, 11)."""
    match = _DATE.match((text or "").strip())
    if not match:
        raise ValueError(f"날짜로 읽을 수 없습니다: {text!r} (예: '18.7.11.)")
    year, month, day = match.groups()
    try:
        return date(_year(year), int(month), int(day))
    except ValueError as exc:
        raise ValueError(f"없는 날짜입니다: {text!r}") from exc


def parse_month(text: str) -> date:
    """`'18.6월`, `'18. 6월말` → date(2018, 6, 1)."""
    match = _MONTH.match((text or "").strip())
    if not match:
        raise ValueError(f"연월로 읽을 수 없습니다: {text!r} (예: '18.6월)")
    year, month, _ = match.groups()
    if not 1 <= int(month) <= 12:
        raise ValueError(f"없는 달입니다: {text!r}")
    return date(_year(year), int(month), 1)


def format_period(
    start: date | None,
    end: date | None = None,
    *,
    precision: str = "day",
    open_ended: bool = False,
    label: str = "",
    screen: bool = False,
) -> str:
    """A date or period as the report prints it: `'18.5.14.~6.1.`, `'18.7~9월`, `'18.7월~`, `~'19.3월`; with
    `screen`, as a page shows it (the year written out: `2018.5.14.~6.1.`, `2018.7~9월`).
    A step with no date (precision "none") shows its label (`하반기 중`, `지속`)."""
    if precision == "none" or (start is None and end is None):
        return label or EMPTY

    def year_text(day: date) -> str:
        return f"{day.year}." if screen else f"'{day.year % 100:02d}."

    def one(day: date, *, with_year: bool) -> str:
        year = year_text(day) if with_year else ""
        if precision == "month":
            return f"{year}{day.month}월"
        return f"{year}{day.month}.{day.day}."

    if start is None:
        return f"~{one(end, with_year=True)}"
    first = one(start, with_year=True)
    if end is None or end == start:
        return f"{first}~" if open_ended else first
    same_year = end.year == start.year
    if precision == "month" and same_year:
        if end.month == start.month:
            return first
        return f"{year_text(start)}{start.month}~{end.month}월"
    return f"{first}~{one(end, with_year=not same_year)}"
