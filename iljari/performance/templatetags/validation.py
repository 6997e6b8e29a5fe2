"""`{% validation_results "budget" year as results %}`: the validation results of one area for the page's user,
worded in Korean (performance/wording.py).

Pages of apps below performance (finance's staffing and budget) show the results of the rules over their figures
through this tag, so that they never import performance.
"""

from django import template

from iljari.performance.selectors import validation_result_rows

register = template.Library()


@register.simple_tag(takes_context=True)
def validation_results(context, area: str, year: int):
    return validation_result_rows(user=context["request"].user, year=year, area=area)
