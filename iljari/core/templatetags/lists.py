"""The list mechanism's template side (core.lists): `{% sort_header listing "key" %}` draws a sortable column header
(a link that sorts by it, or turns the direction round, and aria-sort on the sorted column)."""

from django import template

register = template.Library()


@register.inclusion_tag("core/_sort_header.html")
def sort_header(listing, key):
    return {"header": listing.header(key)}
