"""The kinds of figure the office keeps, each defined once with its bounds and its Korean error message.

Models, forms, API schemas and the sheet parser all take a figure's field from its kind, so a value that one
door refuses no other door accepts:

- `MONEY` (integer 원, 0 … 1,000조), `SIGNED_MONEY` (the same, either sign), `COUNT` (0 … 1억),
  `QUANTITY` (a policy indicator's value in its own unit: 0 … 10조, 2 decimals), `RATE` (a ratio, 0 … 100),
  `PERCENT` (0 … 1,000%), `SCORE` (0 … 100점), `YEAR` (2000 … 2100);
- dates: `OFFICE_DATE` (2000-01-01 … 2100-12-31, any working date), `year_date(year)` (the record's year ±
  `YEAR_MARGIN` years), `BIRTH_DATE` (1900-01-01 … today).

Each kind gives:
- `kind.problem(value) -> str | None`    the Korean message for a value outside the kind (None when it fits);
- `kind.validator`                       a model field validator (raises ValidationError);
- `kind.form_field(**kwargs)`            a Django form field with the bounds;
- `kind.schema(**kwargs)`                an Annotated type for ninja/pydantic schemas (ge/le; dates say
                                         `formatMinimum`/`formatMaximum` in the OpenAPI schema);
- `kind.parse_cell(value)`               a sheet cell read as the kind; raises ValueError with a Korean message
                                         (NaN, Infinity, sNaN, 1e400 and overflow included);
- `kind.check(field)`                    a Q for a CHECK constraint (holds on SQLite and PostgreSQL).
- `as_decimal(value) -> Decimal | None`  any value read as a finite Decimal (None: text, NaN, Infinity, overflow)

`flagged(value)` says whether a value read back is unusable (not finite, a `Flagged` marker from
`SafeDecimalField`, or past `DISPLAY_CEILING`); `core.formats` shows such values as `FLAG_TEXT`.
"""

from __future__ import annotations

import decimal
import math
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from ninja.params.functions import Path as NinjaPath
from ninja.params.functions import Query as NinjaQuery
from pydantic import BeforeValidator, Field, WithJsonSchema

from iljari.core.korean import topic_particle

FLAG_TEXT = "⚠ 범위 밖 값"
DISPLAY_CEILING = Decimal(10) ** 15  # no figure of any kind, nor any total of them, reaches this
YEAR_MARGIN = 1


def as_decimal(value) -> Decimal | None:
    """A value as a Decimal, or None when it is not a finite number (NaN, Infinity, text, overflow)."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        if isinstance(value, float):
            if not math.isfinite(value):
                return None
            number = Decimal(repr(value))
        else:
            number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def _not_finite(value) -> bool:
    """NaN, sNaN, Infinity (as text, float or Decimal): a number's spelling that is no number."""
    try:
        return not Decimal(str(value).strip()).is_finite()
    except (InvalidOperation, ValueError, TypeError):
        return False


def _won(value: int | Decimal) -> str:
    return f"{int(value):,}"


@dataclass(frozen=True)
class NumberKind:
    key: str  # the kind's name in KINDS (what a model validator and a migration refer to)
    label: str  # what the message calls it: 금액, 인원·건수, 점수 …
    low: Decimal
    high: Decimal
    places: int = 0  # 0: an integer
    unit: str = ""

    @property
    def integer(self) -> bool:
        return self.places == 0

    @property
    def message(self) -> str:
        kind = "정수" if self.integer else f"수(소수점 {self.places}자리까지)"
        if self.key == "year":  # a year is written without a thousands separator
            low, high = f"{int(self.low)}", f"{int(self.high)}"
        elif self.integer:
            low, high = _won(self.low), _won(self.high)
        else:
            low, high = f"{self.low:,}", f"{self.high:,}"
        subject = f"{self.label}{topic_particle(self.label)}"
        return f"{subject} {low}{self.unit} 이상의 {kind}여야 합니다(최대 {high}{self.unit})."

    def problem(self, value) -> str | None:
        number = as_decimal(value)
        if number is None:
            return f"{self.label}{topic_particle(self.label)} 숫자여야 합니다."
        if not self.low <= number <= self.high:
            return self.message
        if number != number.quantize(Decimal(1).scaleb(-self.places), rounding=decimal.ROUND_DOWN):
            return self.message
        return None

    @property
    def validator(self) -> FigureValidator:
        return FigureValidator(self.key)

    def form_field(self, **kwargs) -> forms.Field:
        message = self.message.replace("%", "%%")  # Django fills these messages in with %-formatting
        kwargs["error_messages"] = {
            "min_value": message,
            "max_value": message,
            "max_digits": message,
            "max_decimal_places": message,
            "max_whole_digits": message,
            "invalid": f"{self.label}{topic_particle(self.label)} 숫자여야 합니다.",
            **kwargs.get("error_messages", {}),
        }
        if self.integer:
            return forms.IntegerField(min_value=int(self.low), max_value=int(self.high), **kwargs)
        digits = len(str(int(self.high))) + self.places
        return forms.DecimalField(
            min_value=self.low, max_value=self.high, max_digits=digits, decimal_places=self.places, **kwargs
        )

    def schema(self, **kwargs) -> Any:
        if self.integer:
            return Annotated[int, Field(ge=int(self.low), le=int(self.high), **kwargs)]
        documented = {"type": "number", "minimum": float(self.low), "maximum": float(self.high)}
        return Annotated[
            Decimal,
            Field(ge=self.low, le=self.high, decimal_places=self.places, allow_inf_nan=False, **kwargs),
            WithJsonSchema(documented),
        ]

    def parse_cell(self, value):
        """A sheet cell read as this kind; None for a blank cell. ValueError (Korean) for anything else."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str):
            text = value.strip().replace(",", "")
            if text.startswith("△"):
                text = "-" + text[1:]
            value = text
        number = as_decimal(value)
        if number is None:
            if _not_finite(value):
                raise ValueError("NaN·무한대는 숫자로 쓸 수 없습니다")
            raise ValueError("숫자가 아닙니다")
        message = self.problem(number)
        if message:
            raise ValueError(message.rstrip("."))
        return int(number) if self.integer else number

    def check(self, field: str, *, nullable: bool = False) -> Q:
        within = Q(**{f"{field}__gte": self.low, f"{field}__lte": self.high})
        return within | Q(**{f"{field}__isnull": True}) if nullable else within

    def fits(self, value) -> bool:
        return self.problem(value) is None

    def integral(self) -> NumberKind:
        """The same kind in whole units (a score given in whole points)."""
        return replace(self, key="", places=0)


@dataclass(frozen=True)
class DateKind:
    key: str
    label: str
    low: date
    high: date | None  # None: today

    def bounds(self) -> tuple[date, date]:
        return self.low, self.high or timezone.localdate()

    @property
    def message(self) -> str:
        low, high = self.bounds()
        return (
            f"{self.label}{topic_particle(self.label)} {low.isoformat()}부터 {high.isoformat()}까지의 날짜여야 합니다."
        )

    def problem(self, value) -> str | None:
        if isinstance(value, datetime):
            value = value.date()
        if not isinstance(value, date):
            return f"{self.label}{topic_particle(self.label)} 날짜여야 합니다."
        low, high = self.bounds()
        return None if low <= value <= high else self.message

    @property
    def validator(self) -> FigureValidator:
        return FigureValidator(self.key)

    def form_field(self, **kwargs) -> forms.DateField:
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        field = forms.DateField(**kwargs)
        field.validators.append(self.validator if self.key in KINDS else self._check)
        return field

    def _check(self, value) -> None:
        message = self.problem(value)
        if message:
            raise ValidationError(message, code="figure_out_of_range")

    def schema(self, **kwargs) -> Any:
        low, high = self.bounds()
        extra = {"formatMinimum": low.isoformat(), "formatMaximum": high.isoformat()}
        return Annotated[date, Field(ge=low, le=high, json_schema_extra=extra, **kwargs)]

    def parse_cell(self, value):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime):
            value = value.date()
        elif not isinstance(value, date):
            try:
                value = date.fromisoformat(str(value).strip())
            except ValueError as exc:
                raise ValueError("날짜가 아닙니다(예: 2018-06-30)") from exc
        message = self.problem(value)
        if message:
            raise ValueError(message.rstrip("."))
        return value

    def check(self, field: str, *, nullable: bool = False) -> Q:
        low, high = self.bounds()
        within = Q(**{f"{field}__gte": low, f"{field}__lte": high})
        return within | Q(**{f"{field}__isnull": True}) if nullable else within

    def fits(self, value) -> bool:
        return self.problem(value) is None


@deconstructible(path="iljari.core.figures.FigureValidator")
class FigureValidator:
    """A model or form field validator of one figure kind (by its key in KINDS, so migrations can name it)."""

    def __init__(self, kind: str):
        self.kind = kind

    def __call__(self, value) -> None:
        message = KINDS[self.kind].problem(value)
        if message:
            raise ValidationError(message, code="figure_out_of_range")

    def __eq__(self, other) -> bool:
        return isinstance(other, FigureValidator) and other.kind == self.kind

    def __hash__(self) -> int:
        return hash(self.kind)


MONEY = NumberKind("money", "금액", Decimal(0), Decimal(10) ** 15 - 1, unit="원")
SIGNED_MONEY = NumberKind("signed_money", "금액", -(Decimal(10) ** 15 - 1), Decimal(10) ** 15 - 1, unit="원")
COUNT = NumberKind("count", "인원·건수", Decimal(0), Decimal(100_000_000))
QUANTITY = NumberKind("quantity", "값", Decimal(0), Decimal(10) ** 13, places=2)
RATE = NumberKind("rate", "비율", Decimal(0), Decimal(100), places=6)
PERCENT = NumberKind("percent", "백분율", Decimal(0), Decimal(1000), places=2, unit="%")
SCORE = NumberKind("score", "점수", Decimal(0), Decimal(100), places=2, unit="점")
YEAR = NumberKind("year", "연도", Decimal(2000), Decimal(2100))
YEAR_FIRST, YEAR_LAST = 2000, 2100
OFFICE_DATE = DateKind("office_date", "날짜", date(YEAR_FIRST, 1, 1), date(YEAR_LAST, 12, 31))
BIRTH_DATE = DateKind("birth_date", "생년월일", date(1900, 1, 1), None)
HISTORY_DATE = DateKind("history_date", "날짜", date(1900, 1, 1), date(YEAR_LAST, 12, 31))  # 설립일 and the like

ROW_ID = NumberKind("row_id", "번호", Decimal(1), Decimal(2**63 - 1))  # a row's id in a URL or a filter
ANY_DECIMAL = NumberKind("any_decimal", "숫자", -(Decimal(10) ** 15 - 1), Decimal(10) ** 15 - 1, places=6)
NUMBER_KINDS = {
    kind.key: kind for kind in (MONEY, SIGNED_MONEY, COUNT, QUANTITY, RATE, PERCENT, SCORE, YEAR, ANY_DECIMAL, ROW_ID)
}
KINDS: dict[str, NumberKind | DateKind] = {
    **NUMBER_KINDS,
    **{kind.key: kind for kind in (OFFICE_DATE, BIRTH_DATE, HISTORY_DATE)},
}


CODE_LENGTH = 64  # a code in a URL or a filter (협약번호, 사업코드, 자치구 코드 …)
SEARCH_LENGTH = 100  # a search text
NOTE_LENGTH = 2000  # a free note


def year_date(year: int, *, before: int = YEAR_MARGIN, after: int = YEAR_MARGIN, label: str = "기준일") -> DateKind:
    """Dates of a record of `year`: from 1 January of year − before to 31 December of year + after (a target
    set years ahead takes `before=TARGET_LEAD`)."""
    year = min(max(int(year), YEAR_FIRST), YEAR_LAST)
    low = max(date(year - before, 1, 1), OFFICE_DATE.low)
    return DateKind("", f"{label}({year}년 자료)", low, date(year + after, 12, 31))


TARGET_LEAD = 10  # a target may be set up to ten years before its year


# --- reading back ------------------------------------------------------------------------------------------


class Flagged(Decimal):
    """A figure read back that is unusable: outside its kind, or not a number the database could give back.
    Arithmetic keeps working (an unreadable value stands in as `STAND_IN`, past every bound, so every total
    made from it is flagged too); `core.formats` shows it as FLAG_TEXT. `raw` is what the database held."""

    raw: str = ""

    def __new__(cls, value, raw: str = ""):
        number = as_decimal(value)
        self = super().__new__(cls, number if number is not None else STAND_IN)
        self.raw = raw or str(value)
        return self


STAND_IN = Decimal(10) ** 30


class FlaggedInt(int):
    """An integer figure read back outside its kind (or no integer at all): the `Flagged` of integer fields."""

    raw: str = ""

    def __new__(cls, value, raw: str = ""):
        number = as_decimal(value)
        self = super().__new__(cls, int(number) if number is not None else int(STAND_IN))
        self.raw = raw or str(value)
        return self


def flagged(value) -> bool:
    """Whether a value about to be shown is unusable (see the module's docstring)."""
    if value is None:
        return False
    if isinstance(value, Flagged | FlaggedInt):
        return True
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        number = Decimal(value)
        return not number.is_finite() or abs(number) >= DISPLAY_CEILING
    if isinstance(value, float):
        return not math.isfinite(value) or abs(value) >= DISPLAY_CEILING
    return False


class SafeDecimalField(models.DecimalField):
    """A DecimalField whose reading never raises. What the database holds past the field's digits, or
    something that is no number at all (NaN, Infinity, text written around the application), comes back as a
    `Flagged` marker instead of `decimal.InvalidOperation`; so does a value outside the field's figure kind
    (`figure="quantity"`, a key of NUMBER_KINDS). Writing is checked as before (and by the kind's validator)."""

    def __init__(self, *args, figure: str = "", **kwargs):
        self.figure = figure
        if figure:
            kwargs.setdefault("validators", [])
            kwargs["validators"] = [*kwargs["validators"], NUMBER_KINDS[figure].validator]
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        if self.figure:
            kwargs["figure"] = self.figure
        return name, path, args, kwargs

    @property
    def context(self):
        # SQLite's reader quantizes with this context: wide enough for any stored magnitude, and signalling
        # nothing, so a value past the digits stays a number and an infinite one becomes NaN (flagged below).
        return decimal.Context(prec=max(self.max_digits or 0, 60), Emax=999_999, Emin=-999_999, traps=[])

    def select_format(self, compiler, sql, params):
        if compiler.connection.vendor == "sqlite":
            # text in a numeric column (written around the application) is read as infinity, so it is flagged
            return f"(CASE WHEN typeof({sql}) = 'text' THEN 9e999 ELSE {sql} END)", [*params, *params]
        return sql, params

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        if not isinstance(value, Decimal):
            number = as_decimal(value)
            if number is None:
                return Flagged(STAND_IN, raw=str(value))
            value = number
        if not value.is_finite() or (self.figure and not NUMBER_KINDS[self.figure].fits(value)):
            return Flagged(value, raw=str(value))
        if flagged(value):
            return Flagged(value)
        return value


def form_field_bound(name: str, field: forms.Field) -> None:
    """The bounds a form's number or date field gets when it declares none of its own (KrdsFormMixin calls this
    for every field): an integer within SIGNED_MONEY (so no OverflowError reaches the database), a decimal
    within ANY_DECIMAL, a date within OFFICE_DATE (a birth date within BIRTH_DATE, a founding date within
    HISTORY_DATE)."""
    if isinstance(field, forms.IntegerField) and not isinstance(field, forms.DecimalField | forms.FloatField):
        if field.max_value is None or field.min_value is None:
            field.validators.append(SIGNED_MONEY.validator)
    elif isinstance(field, forms.DecimalField):
        if field.max_value is None or field.min_value is None:
            field.validators.append(FigureValidator("any_decimal"))
    elif (
        isinstance(field, forms.DateField)
        and not isinstance(field, forms.DateTimeField)
        and not any(isinstance(v, FigureValidator) for v in field.validators)
    ):
        kind = BIRTH_DATE if "birth" in name else HISTORY_DATE if "founded" in name else OFFICE_DATE
        field.validators.append(kind.validator)


class SafePositiveIntegerField(models.PositiveIntegerField):
    """A PositiveIntegerField of a figure kind (`figure="count"`) whose reading never raises: a value outside the
    kind, or one the database holds as no integer (SQLite keeps 1e20 as a real), comes back as a `FlaggedInt`."""

    def __init__(self, *args, figure: str = "count", **kwargs):
        self.figure = figure
        kwargs["validators"] = [*kwargs.get("validators", []), NUMBER_KINDS[figure].validator]
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        kwargs["figure"] = self.figure
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        if isinstance(value, int) and NUMBER_KINDS[self.figure].fits(value):
            return value
        return FlaggedInt(value, raw=str(value))


def _shown(value):
    return FLAG_TEXT if flagged(value) else value


def shown(kind: type) -> Any:
    """An API output type for a figure read back: the figure, or FLAG_TEXT where it is unusable (see `flagged`),
    so a list answers even when one stored figure lies outside every bound."""
    return Annotated[kind | str, BeforeValidator(_shown)]


ShownInt = shown(int)
ShownDecimal = shown(Decimal)


# --- API path and query parameters -----------------------------------------------------------------------------------

_DATE_EXTRA = {"formatMinimum": OFFICE_DATE.low.isoformat(), "formatMaximum": OFFICE_DATE.high.isoformat()}
CodePath = Annotated[str, NinjaPath(..., max_length=CODE_LENGTH)]
_DATE_SCHEMA = {"type": "string", "format": "date", **_DATE_EXTRA}
DateQuery = Annotated[
    Annotated[date, WithJsonSchema(_DATE_SCHEMA)], NinjaQuery(..., ge=OFFICE_DATE.low, le=OFFICE_DATE.high)
]
OptionalDateQuery = Annotated[
    Annotated[date, WithJsonSchema(_DATE_SCHEMA)] | None,
    NinjaQuery(None, ge=OFFICE_DATE.low, le=OFFICE_DATE.high),
]
OptionalYearQuery = Annotated[int | None, NinjaQuery(None, ge=YEAR_FIRST, le=YEAR_LAST)]
SearchQuery = Annotated[str, NinjaQuery("", max_length=SEARCH_LENGTH)]
CodeQuery = Annotated[str, NinjaQuery("", max_length=CODE_LENGTH)]
IdPath = Annotated[int, NinjaPath(..., ge=1, le=int(ROW_ID.high))]
YearPath = Annotated[int, NinjaPath(..., ge=YEAR_FIRST, le=YEAR_LAST)]
