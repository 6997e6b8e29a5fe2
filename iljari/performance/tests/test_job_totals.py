"""The dashboard's job totals (job_target_totals, read as values) are job_target_table's group and kind rows: the
same targets, achievements and sums of the programmes' rows, in two queries whatever the number of programmes."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iljari.core.roles import Role
from iljari.performance.models import JobAchievement, JobTarget
from iljari.performance.selectors import job_target_table, job_target_totals
from iljari.plan.models import Programme


def _rows(table):
    return [
        (r.label, r.target.target, r.achieved, r.achieved_as_of, r.from_parts, r.unset, r.achievement_rate)
        for r in [*table.groups, *table.kinds]
    ] + [(table.total_target, table.total_achieved, table.total_rate)]


@pytest.mark.parametrize("as_of", [date(2018, 3, 31), date(2018, 6, 30), date(2018, 12, 31)])
def test_the_totals_are_the_tables_group_and_kind_rows(personas, as_of, dataset_2018):
    manager = personas[Role.OFFICE_MANAGER]
    programmes = list(Programme.objects.filter(objective__vision__year=2018).order_by("code")[:3])
    for number, programme in enumerate(programmes):
        group = ("youth", "elderly", "disabled")[number]
        if not JobTarget.objects.filter(year=2018, target_group=group, programme__isnull=True).exists():
            group = "youth"
        part = JobTarget.objects.create(year=2018, target_group=group, programme=programme, order=900 + number)
        JobAchievement.objects.create(job_target=part, as_of=date(2018, 2, 28), achieved=10 + number)
        JobAchievement.objects.create(job_target=part, as_of=date(2018, 5, 31), achieved=20 + number)
    with CaptureQueriesContext(connection) as read:
        totals = job_target_totals(user=manager, year=2018, as_of=as_of)
    assert len(read) == 1
    assert _rows(totals) == _rows(job_target_table(user=manager, year=2018, as_of=as_of))
    assert all(not row.parts for row in totals.groups)
