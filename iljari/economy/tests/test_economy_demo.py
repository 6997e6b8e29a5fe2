"""The demo's social-economy records give back the 2018 report's figures as of '18.6.30. Only the report's printed
numbers are written here; every count is read from the records."""

from datetime import date

import pytest

from iljari.core.roles import Role
from iljari.demo import districts_loader, economy_loader
from iljari.performance.models import IndicatorValue
from iljari.performance.record_figures import record_figure_rows

AS_OF = date(2018, 6, 30)

# (key, the value the report prints)
PRINTED = {
    "p3-02.spaces": 12,  # 사회적경제 활성화 공간 … ('18년 현재 12개소)
    "p3-02.special-zones": 11,  # 「사회적경제특구」 운영 : '18년 본사업 11개구
    "p3-02.zones.year3": 6,  # 사회적경제 특구 3년차(6개소)
    "p3-02.centres.year4": 8,  # 자치구 사회적경제 통합지원센터 4년차(8개소)
    "p3-06.criteria": 5,  # 「공정무역도시, 서울」 5개 기준 달성을 통한 인증 획득 : '18.6.11
    "p3-07.gsef.members": 43,  # 회원 도시·단체 43개('18.6월 기준)
    "p3-07.dialogue.asia.cities": 20,  # 20여개 도시·단체
    "p3-07.dialogue.asia.participants": 50,  # 50여 명 참석
    "p3-07.forum.cities": 300,  # 국내외 300여개 도시·단체
    "p3-07.forum.participants": 1500,  # 1,500여명 참석 예상
}


@pytest.fixture
def demo_economy(personas, dataset_2018):
    districts_loader.load_ecosystem()
    economy_loader.load_economy()
    return personas


def test_every_economy_figure_from_records_is_the_printed_one(demo_economy):
    rows = {
        row.figure.key: row
        for programme in ("P3-02", "P3-06", "P3-07")
        for row in record_figure_rows(year=2018, as_of=AS_OF, programme=programme)
    }
    assert {key: int(rows[key].value) for key in PRINTED} == PRINTED
    assert {key: int(rows[key].printed) for key in PRINTED} == PRINTED  # transcribed in report2018_figures
    assert all(rows[key].agrees for key in PRINTED)
    assert rows["p3-02.spaces"].url == "/economy/spaces/"
    assert rows["p3-07.gsef.members"].url == "/economy/gsef/"


def test_the_figures_follow_the_as_of_date(demo_economy):
    rows = {r.figure.key: r.value for r in record_figure_rows(year=2018, as_of=date(2018, 6, 10), programme="P3-06")}
    assert rows["p3-06.criteria"] == 0  # the certification came on '18.6.11.
    earlier = {r.figure.key: r.value for r in record_figure_rows(year=2017, as_of=date(2017, 6, 30))}
    assert earlier["p3-02.spaces"] == 11  # the twelfth space opened at the end of '17


def test_the_special_zones_and_cluster_spaces_feed_their_indicators(demo_economy):
    actual = {
        value.indicator.code: value.value
        for value in IndicatorValue.objects.filter(
            indicator__code__in=["IND-09", "IND-10"], year=2018, kind="actual", as_of=AS_OF
        ).select_related("indicator")
    }
    # 사회적경제 특구 육성(누계): 11 zones in their main project ('17: 11, the '18 target 12);
    # 사회적경제 클러스터 공간조성(누계): 12 spaces ('18년 현재 12개소; the '18 target 13)
    assert actual == {"IND-09": 11, "IND-10": 12}


def test_the_overview_page_shows_the_figures_as_of_the_date(demo_economy, client_as):
    page = client_as(Role.OFFICE_MANAGER).get("/economy/?year=2018&as_of=2018-06-30").content.decode()
    assert 'id="fig-members">43개' in page
    assert 'id="fig-criteria">5개 / 5개' in page
    assert 'id="fig-spaces">12개소 · 12개소' in page
    assert 'id="fig-zones">11개구 · 6개소' in page
    assert 'id="fig-hubs">0개소 · 0개' in page  # the hub opens after the call of '18.8월
    # this app's figures agree (the same programmes' figures other apps count, from records this test does not load,
    # are listed beside them)
    for key in PRINTED:
        row = page.split(f'data-record-figure="{key}"', 1)[1].split("</tr>", 1)[0]
        assert "<td>같음</td>" in row, key
