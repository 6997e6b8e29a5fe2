"""What the desks' pages share: the day a page is asked for, and the row a form's choice names."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from iljari.frontline.forms import DayForm


def day_asked(request) -> date:
    """The day of `?day=` (YYYY-MM-DD), or today when none or not a date."""
    form = DayForm(request.GET)
    if form.is_valid() and form.cleaned_data["day"]:
        return form.cleaned_data["day"]
    return timezone.localdate()


def pick(rows, code: str):
    """The row of `rows` (already scoped to the user) whose code the form's choice names, or None (the form's choices
    are those rows, so a valid form always names one)."""
    return next((row for row in rows if row.code == code), None)
