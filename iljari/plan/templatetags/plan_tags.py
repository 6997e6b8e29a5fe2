from django import template

from iljari.core.formats import format_period

register = template.Library()


@register.filter
def period(milestone) -> str:
    return format_period(
        milestone.start,
        milestone.end,
        precision=milestone.precision,
        open_ended=milestone.open_ended,
        label=milestone.label,
        screen=True,  # a page's date style (the business report prints the report's)
    )
