from django import template

register = template.Library()


@register.filter
def problems(results):
    """The validation results that need attention: failed or not checkable."""
    return [result for result in results or [] if result.outcome != "passed"]
