"""Template filters for the Korean formats of iljari.core.formats: `{{ won|amount:"억원" }}`, `{{ r|rate }}`.

Dates on every screen go through `when` (the screen style), a builtin of every template (settings.TEMPLATES):
`{{ day|when }}` → 2018.7.11., `{{ moment|when }}` → 2018.7.11. 10:37 (Asia/Seoul), `{{ moment|when:"seconds" }}`,
`{{ moment|when:"day" }}`, `{{ day|when:"weekday" }}` → 2018.7.11.(수), `{{ month|when:"month" }}` → 2018년 7월,
`{{ closes_at|when:"deadline" }}` → 2018.7.10. 24:00 for a deadline at midnight (not 2018.7.11. 00:00),
`{{ closes_at|when:"weekday_deadline" }}` → 2018.7.10.(화) 24:00, `{{ opens_at|when:"opening" }}` → 2026.12.1.(화)
09:00.
`kdate`/`kmonth` print the report style ('18.7.11.): documents only (core/tests/test_screen_dates.py)."""

from datetime import date

from django import template

from iljari.core import formats
from iljari.core.roles import Role

register = template.Library()


@register.filter
def num(value, decimals=0):
    return formats.format_number(value, decimals=int(decimals))


@register.filter
def figure(value):
    """A figure with the decimals it holds: `{{ cell.actual|figure }}` (3,847.2; 1,694)."""
    return formats.format_figure(value)


@register.filter
def amount(value, unit="백만원"):
    return formats.format_amount(value, unit)


@register.filter
def rate(value, decimals=1):
    return formats.format_rate(value, decimals=int(decimals))


@register.filter
def kdate(value):
    return formats.format_date(value)


@register.filter
def kmonth(value):
    return formats.format_month(value)


@register.filter
def when(value, style=""):
    """The screen style of a date or a moment (see the module's docstring); anything else as it is."""
    if value is None or value == "":
        return formats.EMPTY
    if not isinstance(value, date):
        return value
    if style == "month":
        return formats.screen_month(value)
    if style == "deadline":
        return formats.screen_deadline(value)
    if style == "weekday_deadline":
        return formats.screen_deadline(value, weekday=True)
    if style == "opening":
        return formats.screen_opening(value)
    if style in ("day", "weekday"):
        return formats.screen_date(value, weekday=style == "weekday")
    return formats.screen_datetime(value, seconds=style == "seconds")


@register.filter
def role_name(value):
    """A role's Korean name (`district_officer` → 자치구); an empty value as `-`."""
    if not value:
        return formats.EMPTY
    try:
        return Role(value).label
    except ValueError:
        return value
