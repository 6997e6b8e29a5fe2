"""A budget figure already stored outside MONEY (written around the application, issue 21) is shown flagged on the
dashboard, the business report, the budget page, its export and the API — never a 500."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from iljari.core.figures import FLAG_TEXT
from iljari.core.roles import Role
from iljari.finance.models import BudgetSnapshot, BudgetSnapshotLatest
from iljari.testing import written_around_the_application


@pytest.fixture
def odd_budget(personas, dataset_2018):
    """One line's snapshot of June and its summary row (what the pages read) hold 10^20 (10^17 on PostgreSQL,
    whose bigint ends at 9.2 × 10^18)."""
    snapshot = (
        BudgetSnapshot.objects.filter(line__year=2018, as_of__lte=date(2018, 6, 30)).order_by("-as_of", "pk").first()
    )
    huge = "1e20" if connection.vendor == "sqlite" else str(10**17)
    with written_around_the_application(BudgetSnapshot, BudgetSnapshotLatest), connection.cursor() as cursor:
        for model, key in ((BudgetSnapshot, "id"), (BudgetSnapshotLatest, "line_id")):
            cursor.execute(
                f"UPDATE {model._meta.db_table} SET current_budget = {huge}, spent = {huge} WHERE {key} = %s",
                [snapshot.pk if model is BudgetSnapshot else snapshot.line_id],
            )
    return snapshot


@pytest.mark.parametrize(
    "url",
    [
        "/office/?year=2018",
        "/office/business/?year=2018",
        "/finance/budget/?year=2018",
        "/api/finance/budget?year=2018",
    ],
)
def test_a_budget_figure_stored_out_of_bounds_is_shown_flagged(odd_budget, client_as, url):
    response = client_as(Role.OFFICE_MANAGER).get(url)

    assert response.status_code == 200
    assert FLAG_TEXT in response.content.decode()


def test_the_budget_export_answers_with_a_figure_stored_out_of_bounds(odd_budget, client_as):
    assert client_as(Role.OFFICE_MANAGER).get("/finance/budget/export.xlsx?year=2018").status_code == 200


def test_check_figures_lists_the_budget_figure(odd_budget, client_as):
    page = client_as(Role.OFFICE_MANAGER).get("/performance/validation/?year=2018").content.decode()

    assert "예산 집행 현황" in page and "범위 밖 저장값" in page
