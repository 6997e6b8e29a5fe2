"""One selection run's time is the same on every surface that shows it: the call's page, the change history (its
record's name, on the page and in the API) and the API — 10:37 in Seoul for a run at 01:37 UTC, never 01:37.
The selection method is named in Korean, and its lottery seed is called 추첨 기준값."""

from datetime import UTC, datetime
from unittest import mock

import pytest
from auditlog.models import LogEntry

from iljari.core.roles import Role
from iljari.intake import services
from iljari.intake.models import SelectionRun
from iljari.intake.tests.factories import close_call, make_call

RUN_AT_UTC = datetime(2026, 3, 2, 1, 37, tzinfo=UTC)  # 2026-03-02 10:37 in Seoul (UTC+9, no summer time)


@pytest.fixture
def run(personas, dataset_2018):
    call = close_call(make_call("TIMES", documents=""), now=datetime(2026, 3, 1, tzinfo=UTC))
    with mock.patch("django.utils.timezone.now", return_value=RUN_AT_UTC):
        return services.selection_run(actor=personas[Role.DIVISION_STAFF], call=call, seed=42)


def test_the_run_shows_the_same_seoul_time_on_its_page_its_history_and_the_api(run, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    page = staff.get(f"/intake/calls/{run.call.code}/").content.decode()
    assert "2026.3.2. 10:37" in page and "01:37" not in page
    assert "추첨 기준값 42" in page and "심사 점수·가점·추첨 순 선발(제1판)" in page
    assert "iljari-selection-v1" not in page and "난수 시드" not in page

    api = staff.get(f"/api/intake/calls/{run.call.code}/selection-runs").json()
    assert api[0]["run_at"] == "2026-03-02T10:37:00+09:00"
    assert api[0]["algorithm_label"] == "심사 점수·가점·추첨 순 선발(제1판)"

    entry = LogEntry.objects.filter(content_type__model="selectionrun", object_pk=str(run.pk)).get()
    auditor = client_as(Role.AUDITOR)
    history = auditor.get(f"/history/{entry.pk}/").content.decode()
    assert "2026.3.2. 10:37 선발" in history and "01:37" not in history
    rows = auditor.get(f"/api/history/{entry.pk}").json()
    assert rows["timestamp"].endswith("+09:00")  # the entry's own moment, in Seoul too
    assert "2026.3.2. 10:37 선발" in rows["object_repr"]
    labels = {row["label"]: row["after"] for row in rows["rows"]}
    assert labels["실행 일시"] == "2026.3.2. 10:37"
    assert labels["선발 방식"] == "심사 점수·가점·추첨 순 선발(제1판)"


def test_the_method_of_every_run_has_a_korean_name():
    assert all(label and not label.isascii() for _, label in SelectionRun.Method.choices)
