"""The budget page opens at the budget's latest date with data, and a total of divisions at different dates says
so while each row shows its own date."""

from datetime import date

import pytest
from lxml import html as lxml_html

from iljari.core.roles import Role
from iljari.finance.models import BudgetLine
from iljari.finance.services import budget_snapshot_record

MILLION = 1_000_000


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _rows(content: bytes) -> dict[str, list[str]]:
    table = lxml_html.fromstring(content).get_element_by_id("budget-table")
    rows = [[c.text_content().strip() for c in tr if c.tag in ("th", "td")] for tr in table.iter("tr")]
    return {row[0]: row[1:] for row in rows}


def test_after_one_division_enters_july_the_page_opens_at_july_and_the_total_says_the_dates_differ(office, client_as):
    staff = office[Role.DIVISION_STAFF]  # 일자리정책담당관
    lines = list(BudgetLine.objects.filter(year=2018, org_unit__code="JOBS-POLICY"))
    for index, line in enumerate(lines):
        first = index == 0
        budget_snapshot_record(
            actor=staff,
            line=line,
            as_of=date(2018, 7, 31),
            current_budget=187_341 * MILLION if first else 0,
            committed=110_000 * MILLION if first else 0,
            spent=105_000 * MILLION if first else 0,
        )
    content = client_as(Role.OFFICE_MANAGER).get("/finance/budget/").content
    assert lxml_html.fromstring(content).get_element_by_id("period-as-of").get("value") == "2018-07-31"
    rows = _rows(content)
    assert rows["구분"][-1] == "기준일"
    assert rows["일자리정책담당관"] == ["187,341", "110,000", "105,000", "56.0%", "2018.7.31. 기준"]
    assert rows["노동정책담당관"] == ["19,490", "9,154", "5,553", "28.5%", "2018.6.30. 기준"]
    assert rows["계"][-1] == "부서별 기준일 상이 — 각 행 참조"
