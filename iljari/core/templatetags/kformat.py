"""Template filters for the Korean formats of iljari.core.formats: `{{ won|amount:"억원" }}`, `{{ r|rate }}`."""

from django import template

from iljari.core import formats

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
