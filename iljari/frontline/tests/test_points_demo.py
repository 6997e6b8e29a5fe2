"""The demo's social-economy centres give back the 2018 report's figures as of '18.6.30. (Ⅲ 3-① 서울시사회적경제지원센터
및 협동조합센터 운영), counted from their records. Every expected number is typed from the report's text:

  - 서울시사회적경제지원센터 … 경영지원(200건) … 아카데미 교육 지원(8건) … 상암소셜박스 활성화 프로그램 운영(51회)
  - 서울시협동조합지원센터 … 전화, 방문 및 맞춤상담 4.632건 제공(일평균 38.6건)
    … 교육 실시(10개과정, 1,277명) … 맞춤형 경영지원 사업(창업코칭 27회, 성장 지원 33회 등)
  - 서울시 감정노동보호센터 발족 : '18년 8월중 (no count as of 6.30.)
"""

from datetime import date
from decimal import Decimal

import pytest

from iljari.core.roles import Role
from iljari.demo import points_loader
from iljari.frontline import selectors
from iljari.frontline.models import Consultation, SuitRental
from iljari.people.tests.factories import make_person
from iljari.performance.record_figures import record_figure_rows

AS_OF = date(2018, 6, 30)

PRINTED = {  # typed from the report
    "p3-01.centre.management": Decimal("200"),
    "p3-01.centre.academy": Decimal("8"),
    "p3-01.centre.programmes": Decimal("51"),
    "p3-01.coop.consultations": Decimal("4632"),
    "p3-01.coop.daily": Decimal("38.6"),
    "p3-01.coop.courses": Decimal("10"),
    "p3-01.coop.trainees": Decimal("1277"),
    "p3-01.coop.coaching": Decimal("27"),
    "p3-01.coop.growth": Decimal("33"),
}


@pytest.fixture
def demo_points(personas, dataset_2018):
    for _ in range(4):
        make_person()
    points_loader.load_points()
    return personas


def test_every_figure_from_the_centres_records_equals_the_printed_one(demo_points):
    rows = {row.figure.key: row for row in record_figure_rows(year=2018, as_of=AS_OF, programme="P3-01")}
    for key, printed in PRINTED.items():
        row = rows[key]
        assert row.value == printed, key
        assert row.printed == printed, key  # the transcribed figure of the same key
        assert row.agrees is True, key
        assert row.url.startswith("/frontline/points/"), key


def test_the_counts_read_from_the_records(demo_points):
    counts = selectors.point_counts(year=2018, as_of=AS_OF)
    assert counts["coop_consultations"] == 4_632
    assert counts["coop_daily"] == Decimal("38.6")
    # 4,632 ÷ 38.6 = 120 days of counselling
    days = Consultation.objects.filter(service_point__code="COOP-CENTRE", service="consultation")
    assert days.values("held_on").distinct().count() == 120
    assert {c for c in days.values_list("channel", flat=True).distinct()} == {"phone", "visit", "tailored"}
    assert (counts["coop_courses"], counts["coop_trainees"]) == (10, 1_277)
    assert (counts["coop_coaching"], counts["coop_growth"]) == (27, 33)
    assert (counts["centre_management"], counts["centre_academy"], counts["centre_programmes"]) == (200, 8, 51)


def test_the_emotional_labour_centre_has_nothing_before_it_opens_in_august(demo_points):
    counts = selectors.point_counts(year=2018, as_of=AS_OF)
    assert (counts["emotional_consultations"], counts["emotional_healing"]) == (0, 0)


def test_a_day_earlier_counts_fewer(demo_points):
    counts = selectors.point_counts(year=2018, as_of=date(2018, 3, 31))
    assert 0 < counts["coop_consultations"] < 4_632
    assert selectors.point_counts(year=2017, as_of=date(2017, 12, 31))["coop_daily"] is None


def test_the_figures_page_and_the_point_pages_show_the_counts(demo_points, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    page = client.get("/frontline/?year=2018&as_of=2018-06-30").content.decode()
    assert 'id="fig-coop-consultations">4,632건' in page
    assert 'id="fig-coop-daily">38.6건' in page
    assert 'id="fig-centre-management">200건' in page
    assert "1,277명" in page and 'id="fig-emotional">0건 · 0회' in page
    coop = client.get("/frontline/points/COOP-CENTRE/?year=2018&as_of=2018-06-30").content.decode()
    assert "서울지역협동조합협의회" in coop and "4,632건" in coop and "38.6건" in coop
    emotional = client.get("/frontline/points/EMOTIONAL-LABOUR/?year=2018&as_of=2018-06-30").content.decode()
    assert "2018.8.1.에 문을 엽니다" in emotional


def test_the_figures_api_carries_the_centres_counts(demo_points, client_as):
    body = client_as(Role.AUDITOR).get("/api/frontline/figures?year=2018&as_of=2018-06-30").json()
    assert body["points"]["coop_consultations"] == 4_632
    assert Decimal(str(body["points"]["coop_daily"])) == Decimal("38.6")
    assert body["points"]["centre_programmes"] == 51


def test_the_demo_rentals_print_no_figure_and_one_is_still_out(demo_points):
    assert SuitRental.objects.filter(status="returned").count() == 3
    assert SuitRental.objects.filter(status="returned", late=True).count() == 1
    assert SuitRental.objects.filter(status="rented").count() == 1
    assert not any(row.figure.key.startswith("p1-02.suit") for row in record_figure_rows(year=2018, as_of=AS_OF))


def test_the_demo_loads_twice_without_change(demo_points):
    counts = (Consultation.objects.count(), SuitRental.objects.count())
    points_loader.load_points()
    assert (Consultation.objects.count(), SuitRental.objects.count()) == counts
