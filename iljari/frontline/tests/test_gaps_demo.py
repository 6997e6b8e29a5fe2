"""The three counts of the report's Ⅲ that no record held before, from the demo's records as of '18.6.30.: the SIB's
모의크라우드 펀딩대회 (Ⅲ 3-④), the youth centre's 「직무·기업분석 전문 상담창구」 (Ⅲ 1-②) and 서울주택도시공사's agreed
conversion (Ⅲ 2-①). The expected numbers are typed from the report; every count is read from the records."""

from datetime import date
from decimal import Decimal

import pytest

from iljari.core.roles import Role
from iljari.demo import events_loader, frontline_loader
from iljari.frontline import selectors
from iljari.frontline.models import Consultation
from iljari.performance.record_figures import record_figure_rows

AS_OF = date(2018, 6, 30)

# Typed from the report (Ⅲ, the 2018 주요업무보고).
PRINTED = {
    # 3-④ "14개 제안사업 중 8개 선정(1.27.)", "1.973명 참여. 총 211억원 모의금액 모집. 8개 제안사업 중 5개 사업
    # 시상(4.2.)"
    "p3-04.proposals": 14,
    "p3-04.proposals.selected": 8,
    "p3-04.proposals.funded": 8,
    "p3-04.proposals.awarded": 5,
    "p3-04.crowd.participants": 1_973,
    "p3-04.crowd.amount": 211,
    # 1-② "「직무·기업분석 전문 상담창구」신설·운영 ('18, 6월) : 36명 참여"
    "p1-02.analysis-desk": 36,
    # 2-① "6.29일 서울주택도시공사, 비정규직 임대주택관리원 384명을 정규직 전환하기로 노사합의"
    "p2-01.sh.agreed": 384,
}
PAGES = {
    "p3-04": "/frontline/events/",
    "p1-02": "/frontline/consultations/",
    "p2-01": "/frontline/public-sector/",
}


@pytest.fixture
def demo(personas, dataset_2018):
    frontline_loader.load_frontline()
    events_loader.load_events()
    return personas


def test_the_closed_gaps_count_the_printed_figures_from_records(demo, client_as):
    rows = {row.figure.key: row for row in record_figure_rows(year=2018, as_of=AS_OF)}
    for key, printed in PRINTED.items():
        assert rows[key].value == Decimal(printed), key
        assert rows[key].agrees is True, key
        assert rows[key].url == PAGES[key[:5]], key
    # before the proposals were selected (1.27.) and awarded (4.2.), and before the desk opened and SH agreed
    early = {row.figure.key: row.value for row in record_figure_rows(year=2018, as_of=date(2018, 1, 26))}
    assert early["p3-04.proposals"] == 14 and early["p3-04.proposals.selected"] == 0
    assert early["p1-02.analysis-desk"] == 0 and early["p2-01.sh.agreed"] == 0
    assert early["p3-04.crowd.amount"] is None  # nothing pledged for a selected entry yet


def test_the_desk_relabels_june_consultations_and_moves_no_other_figure(demo):
    figures = selectors.frontline_figures(user=demo[Role.OFFICE_MANAGER], year=2018, as_of=AS_OF)
    assert (figures.counselled, figures.employed) == (13_869, 1_785)
    desk = Consultation.objects.filter(topic__code="JOB-ANALYSIS")
    assert desk.count() == 36
    assert not desk.filter(held_on__lt=date(2018, 6, 1)).exists()
    assert (figures.conversions_done, figures.conversions_remaining, figures.fixed_term_converted) == (
        1_285,
        1_067,
        146,
    )


def test_the_pages_show_the_contest_the_desk_and_the_agreement(demo, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    page = client.get("/frontline/events/SIB-CROWD-2018/").content.decode()
    assert "제안 14개 → 선정 8개 → 시상 5개 · 모의금액 211억원" in page
    assert "1,973명" in page
    page = client.get("/frontline/consultations/?q=직무·기업분석").content.decode()
    assert "직무·기업분석 전문 상담" in page
    page = client.get("/frontline/public-sector/?year=2018&as_of=2018-06-30").content.decode()
    assert "노사합의 (2018.6.29.)" in page and "임대주택관리원" in page
    assert "(노사합의 384명 포함)" in page
    before = client.get("/frontline/public-sector/?year=2018&as_of=2018-06-28").content.decode()
    assert "노사합의 (2018.6.29.)" not in before
