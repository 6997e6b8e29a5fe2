"""The dashboard's dates: it opens at the latest date with data and says so; a total is of one date, and where
its rows are of different dates each row shows its own and the total says so."""

from datetime import date

import pytest
from lxml import html as lxml_html

from iljari.core.roles import Role
from iljari.finance.models import BudgetLine
from iljari.finance.services import budget_snapshot_record
from iljari.performance.services import job_achievement_derive
from iljari.plan.models import Programme

MILLION = 1_000_000


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _table(content: bytes, caption: str) -> list[list[str]]:
    root = lxml_html.fromstring(content)
    table = next(t for t in root.iter("table") if t.findtext("caption", "").startswith(caption))
    return [[c.text_content().strip() for c in tr if c.tag in ("th", "td")] for tr in table.iter("tr")]


def _period(content: bytes) -> tuple[str, str]:
    root = lxml_html.fromstring(content)
    return root.get_element_by_id("period-as-of").get("value"), root.get_element_by_id("period-note").text_content()


def _programme_counted_at_year_end():
    """What participation's placement count writes for a past year (sync_day): a programme's jobs as of '18.12.31."""
    programme = Programme.objects.get(code="P1-03")
    job_achievement_derive(programme=programme, year=2018, target_group="youth", achieved=944, as_of=date(2018, 12, 31))


def _july_for_one_division(staff):
    """일자리정책담당관's staff enter its budget lines' July figures; the other divisions stay at June."""
    lines = list(BudgetLine.objects.filter(year=2018, org_unit__code="JOBS-POLICY"))
    assert lines
    for index, line in enumerate(lines):
        first = index == 0  # the division's whole figures on its first line, nought on any other
        budget_snapshot_record(
            actor=staff,
            line=line,
            as_of=date(2018, 7, 31),
            current_budget=187_341 * MILLION if first else 0,
            committed=110_000 * MILLION if first else 0,
            spent=105_000 * MILLION if first else 0,
        )


def test_the_dashboard_opens_at_the_latest_date_with_data_not_at_a_programmes_year_end(office, client_as):
    _programme_counted_at_year_end()  # one programme's count as of '18.12.31.; the budget and the rest stop at 6.30
    response = client_as(Role.OFFICE_MANAGER).get("/office/")
    assert response.status_code == 200
    chosen, note = _period(response.content)
    assert chosen == "2018-06-30"
    assert "2018.6.30. (자료가 있는 최근 기준일)" in note
    assert "예산 집행 2018.6.30." in note and "일자리 실적 2018.12.31." in note  # each source's own newest day
    budget = _table(response.content, "부서별 예산현액")
    assert budget[1] == ["계", "237,715", "124,144", "52.2%", "2018.6.30. 기준"]  # the 2018 report's 계 row


def test_a_date_the_user_chose_is_kept_and_not_called_the_latest(office, client_as):
    chosen, note = _period(client_as(Role.OFFICE_MANAGER).get("/office/?year=2018&as_of=2018-05-31").content)
    assert chosen == "2018-05-31"
    assert "2018.5.31." in note and "최근 기준일" not in note


def test_a_total_of_divisions_at_different_dates_says_so_and_each_row_shows_its_date(office, client_as):
    _july_for_one_division(office[Role.DIVISION_STAFF])
    content = client_as(Role.OFFICE_MANAGER).get("/office/?year=2018&as_of=2018-12-31").content
    budget = _table(content, "부서별 예산현액")
    assert budget[0] == ["구분", "예산현액", "지출액", "집행률", "기준일"]
    rows = {row[0]: row for row in budget[1:]}
    assert rows["일자리정책담당관"] == ["일자리정책담당관", "187,341", "105,000", "56.0%", "2018.7.31. 기준"]
    assert rows["노동정책담당관"] == ["노동정책담당관", "19,490", "5,553", "28.5%", "2018.6.30. 기준"]
    assert rows["사회적경제담당관"] == ["사회적경제담당관", "30,884", "18,414", "59.6%", "2018.6.30. 기준"]
    # 105,000 + 5,553 + 18,414 = 128,967 of 237,715: a sum of July and June, labelled as such
    assert rows["계"] == ["계", "237,715", "128,967", "54.3%", "부서별 기준일 상이 — 각 행 참조"]
    caption = lxml_html.fromstring(content).xpath("//caption[starts-with(., '부서별 예산현액')]")[0].text_content()
    assert "2018.12.31." not in caption and "'18.12.31." not in caption and "부서별 기준일 상이" in caption


def test_a_total_of_one_date_is_labelled_with_it(office, client_as):
    _july_for_one_division(office[Role.DIVISION_STAFF])
    content = client_as(Role.OFFICE_MANAGER).get("/office/?year=2018&as_of=2018-06-30").content
    rows = {row[0]: row for row in _table(content, "부서별 예산현액")[1:]}
    assert rows["계"][-1] == "2018.6.30. 기준"
    assert rows["일자리정책담당관"][1:] == ["187,341", "100,177", "53.5%", "2018.6.30. 기준"]


def test_the_jobs_table_shows_each_rows_date_and_its_total_date(office, client_as):
    content = client_as(Role.OFFICE_MANAGER).get("/office/?year=2018&as_of=2018-12-31").content
    jobs = _table(content, "사업대상별·직접간접별")
    assert jobs[0][-1] == "기준일"
    total = next(row for row in jobs if row[0] == "총계")
    assert total == ["총계", "353,956", "245,657", "69.4%", "2018.6.30."]  # the report's 총계, '18.6월말 기준


def test_the_business_reports_budget_table_shows_the_rows_dates_when_they_differ(office):
    from iljari.reports.builders.business import build_business_report
    from iljari.reports.renderers import render

    _july_for_one_division(office[Role.DIVISION_STAFF])
    manager = office[Role.OFFICE_MANAGER]
    text = render(build_business_report(user=manager, year=2018, as_of=date(2018, 12, 31)), "md").decode()
    budget = text[text.index("예산 집행 현황") :]
    assert "(단위 : 백만원, 부서별 기준일 상이 — 각 행 참조)" in budget
    assert "일자리정책담당관 | 187,341 | 110,000 | 105,000 | 56.0% | '18.7.31." in budget
    assert "노동정책담당관 | 19,490 | 9,154 | 5,553 | 28.5% | '18.6.30." in budget
    same_day = render(build_business_report(user=manager, year=2018, as_of=date(2018, 6, 30)), "md").decode()
    assert "(단위 : 백만원, '18.6.30 기준)" in same_day and "기준일 상이" not in same_day


def test_a_group_summed_from_programmes_of_different_days_shows_both_days(office, client_as):
    youth = "youth"
    for code, achieved, day in (("P1-03", 100, date(2018, 4, 30)), ("P1-06", 50, date(2018, 5, 15))):
        programme = Programme.objects.get(code=code)
        job_achievement_derive(programme=programme, year=2018, target_group=youth, achieved=achieved, as_of=day)
    content = client_as(Role.OFFICE_MANAGER).get("/office/?year=2018&as_of=2018-05-20").content
    row = next(row for row in _table(content, "사업대상별·직접간접별") if row[0] == "청년")
    assert row[2] == "150" and row[-1] == "2018.4.30.~2018.5.15."  # the group's own figure is of '18.6.30.
