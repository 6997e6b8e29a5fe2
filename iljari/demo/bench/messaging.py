"""Messages at city scale: the selection result of a call of APPLICANTS applicants queued as messages (goal < 10 s),
against a raw reference measured in the same run — one INSERT … SELECT writing the same number of outbox rows with
a fixed text, no templates, no consents, no task queue.

The timed step is intake's `selection_result_notify` (what confirming a selection runs): one query for the
applications, one for the people, one for their consents, each message rendered from its Korean template, one
INSERT run (core.bulk.rows_insert), and the delivery tasks queued (one per messaging.services.MESSAGE_BATCH
messages: the on-commit step is run inside the timing). Each run is rolled back. The workers' sending is not timed
here: it depends on the SMS gateway and SMTP server (docs/messaging.md).

APPLICANTS is a module constant: the tests set it small."""

from __future__ import annotations

import time
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from iljari.core.bulk import rows_insert
from iljari.demo.bench.base import Context, Result, scenario, time_calls
from iljari.demo.bench.data import bench_programme, rolled_back, synthetic_people, time_rolled_back
from iljari.demo.bench.programmes import _call
from iljari.intake import services as intake
from iljari.intake.models import Application
from iljari.intake.services.messages import selection_result_notify
from iljari.messaging.models import Message
from iljari.people.models import Person

APPLICANTS = 10_000
QUOTAS = 10


def _notify_and_queue(call) -> int:
    """The notify step and its on-commit work (queuing the delivery tasks), run here inside the savepoint."""
    before = len(connection.run_on_commit)
    count = selection_result_notify(actor=None, call=call)
    callbacks = connection.run_on_commit[before:]
    del connection.run_on_commit[before:]
    for _savepoints, callback, _robust in callbacks:
        callback()
    return count


def _insert_in_sql(call_id: int) -> int:
    """The reference: the same number of outbox rows in one INSERT … SELECT with a fixed text."""
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO messaging_message (created_at, updated_at, person_id, recipient_name, address, channel,"
            " template, subject, body, sensitive, required, status, attempts, last_error, send_after, batch)"
            " SELECT %s, %s, p.id, p.name, p.phone, 'sms', 'selection_selected', '선발 결과', '본문', %s, %s,"
            " 'queued', 0, '', %s, '' FROM intake_application a JOIN people_person p ON p.id = a.person_id"
            " WHERE a.call_id = %s AND a.status IN ('selected', 'waitlisted', 'not_selected')",
            [now, now, False, True, now, call_id],
        )
        return cursor.rowcount


@scenario(45)
def selection_result_messages(ctx: Context) -> Result:
    programme = bench_programme()
    with rolled_back():
        start = time.perf_counter()
        people = synthetic_people(APPLICANTS, seed=25)
        for first in range(0, len(people), 5000):
            Person.objects.filter(pk__in=people[first : first + 5000]).update(phone="010-0000-0000")
        call = _call(programme, "BENCH-MESSAGES", APPLICANTS, QUOTAS)
        quota_ids = list(call.quotas.order_by("order", "code").values_list("pk", flat=True))
        rows_insert(
            Application,
            ("call", "person", "quota", "submitted_at", "status", "channel"),
            (
                (call.pk, person_id, quota_ids[i % len(quota_ids)], call.opens_at + timedelta(seconds=i), "submitted",
                 "online")
                for i, person_id in enumerate(people)
            ),
        )  # fmt: skip
        intake.selection_run(actor=None, call=call, seed=2018)
        ctx.say(f"합성 신청 {len(people):,}건과 선발: {time.perf_counter() - start:.1f}s")
        timings, count = time_rolled_back(lambda: _notify_and_queue(call), ctx.heavy_repeat)
        reference: list[float] = []
        for _ in range(ctx.heavy_repeat):
            with rolled_back():
                reference += time_calls(lambda: _insert_in_sql(call.pk), 1)
        left = Message.objects.filter(template__startswith="selection_").count()
    return Result(
        name=f"selection result, {APPLICANTS:,} applicants queued as messages",
        goal="< 10 s",
        timings_s=timings,
        met=max(timings) < 10,
        reference="the same rows in one INSERT … SELECT with a fixed text",
        reference_timings_s=reference,
        note=f"{count:,} messages rendered and queued per run; {left} left after the rollback",
    )
