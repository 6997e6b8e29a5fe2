"""Background tasks of frontline (django-tasks): the daily reminder of tomorrow's room bookings."""

from __future__ import annotations

from django_tasks import task

from iljari.frontline.services import booking_reminders_send


@task()
def booking_reminders_task() -> int:
    return booking_reminders_send()
