"""The demo's committees give back the 2018 report's figures as of '18.6.30.: the 기술교육원 통합운영위원회 제2기
"총 20명(위촉직 14명, 당연직 6)" ('18.3.29. 구성, 임기 2년). Only the report's printed numbers are typed here; every
count is read from the members' records."""

from datetime import date

import pytest

from iljari.committees.models import Committee, Decision, Meeting, Member
from iljari.core.roles import Role
from iljari.demo.committees_loader import load_committees
from iljari.demo.districts_loader import load_districts
from iljari.grants.models import DistrictDecision
from iljari.performance.record_figures import record_figure_rows

AS_OF = date(2018, 6, 30)


@pytest.fixture
def demo_committees(personas, dataset_2018):
    load_committees()
    return personas


def test_the_training_boards_members_on_the_30th_of_june_are_the_reports_20_14_and_6(demo_committees):
    rows = {row.figure.key: row for row in record_figure_rows(year=2018, as_of=AS_OF, programme="P1-07")}
    printed = {"p1-07.committee": 20, "p1-07.committee.appointed": 14, "p1-07.committee.ex-officio": 6}
    for key, value in printed.items():
        assert rows[key].value == value, key
        assert rows[key].printed == value and rows[key].agrees, key
        assert rows[key].url == "/committees/TRAINING-BOARD/"


def test_the_training_board_counts_nobody_before_its_second_term_and_everybody_until_it_ends(demo_committees):
    rows = {r.figure.key: r.value for r in record_figure_rows(year=2018, as_of=date(2018, 3, 28), programme="P1-07")}
    assert rows["p1-07.committee"] == 0
    rows = {r.figure.key: r.value for r in record_figure_rows(year=2020, as_of=date(2020, 3, 28), programme="P1-07")}
    assert rows["p1-07.committee"] == 20  # 임기 2년: '18.3.29. ~ '20.3.28.
    rows = {r.figure.key: r.value for r in record_figure_rows(year=2020, as_of=date(2020, 3, 29), programme="P1-07")}
    assert rows["p1-07.committee"] == 0


def test_the_sib_councils_members_in_june_are_the_reports_18_local_governments_and_the_ministry(
    demo_committees, client_as
):
    rows = {row.figure.key: row for row in record_figure_rows(year=2018, as_of=AS_OF, programme="P3-04")}
    council = rows["p3-04.council.local-governments"]
    assert council.value == 18 and council.printed == 18 and council.agrees
    assert council.url == "/committees/SIB-LOCAL-COUNCIL/"
    chair = Member.objects.get(committee__code="SIB-LOCAL-COUNCIL", role=Member.Role.CHAIR)
    assert chair.name == "서울특별시"  # 의장도시
    # before the first general assembly the council counts no member
    before = {r.figure.key: r.value for r in record_figure_rows(year=2018, as_of=date(2018, 1, 25), programme="P3-04")}
    assert before["p3-04.council.local-governments"] == 0
    page = client_as(Role.AUDITOR).get("/committees/SIB-LOCAL-COUNCIL/?as_of=2018-06-30").content.decode()
    assert "행정안전부" in page and "성남시" in page and 'id="count-total">19명' in page


def test_the_committee_page_shows_the_counts_by_kind_as_of_a_day(demo_committees, client_as):
    page = client_as(Role.OFFICE_MANAGER).get("/committees/TRAINING-BOARD/?as_of=2018-06-30").content.decode()
    assert 'id="count-appointed">14명' in page
    assert 'id="count-ex_officio">6명' in page
    assert 'id="count-total">20명' in page
    assert "위촉위원 14" in page and "당연직 위원 6" in page
    assert "2018.3.29. ~ 2020.3.28." in page
    # without ?as_of= the page opens at the office's latest day with figures ('18.6.30.), as the figures pages do
    page = client_as(Role.AUDITOR).get("/committees/TRAINING-BOARD/").content.decode()
    assert 'id="count-total">20명' in page and 'value="2018-06-30"' in page


def test_the_demo_holds_the_reports_committees_and_meetings_and_loads_once(demo_committees):
    load_committees()  # twice changes nothing
    assert Member.objects.filter(committee__code="TRAINING-BOARD").count() == 20
    assert Member.objects.filter(committee__code="SIB-LOCAL-COUNCIL").count() == 19  # 18 지자체 및 행정안전부
    codes = set(Committee.objects.values_list("code", flat=True))
    assert {"TRAINING-BOARD", "FUND-DEFERMENT", "FIXED-TERM-SCREENING", "SIB-COMMITTEE", "LMG-COUNCIL"} <= codes
    screening = Meeting.objects.get(committee__code="FIXED-TERM-SCREENING")
    assert (screening.number, screening.state, screening.held_on) == (1, "planned", date(2018, 9, 1))
    entrusting = Decision.objects.get(item__meeting__committee__code="JEONTAEIL-ENTRUST")
    assert (entrusting.result, entrusting.text) == ("approved", "우선협상대상자 : 전태일재단")
    assert Meeting.objects.get(committee__code="SIB-LOCAL-COUNCIL").held_on == date(2018, 1, 26)


def test_the_entrusting_committees_decision_links_the_facilitys_renewal_step(personas, dataset_2018, client_as):
    from iljari.demo.entrusted_loader import load_entrusted
    from iljari.entrusted.models import RenewalStep

    load_entrusted()
    load_committees()
    decision = Decision.objects.get(item__meeting__committee__code="JEONTAEIL-ENTRUST")
    step = RenewalStep.objects.get(facility__code="JEONTAEIL", kind=RenewalStep.Kind.ELIGIBILITY_REVIEW)
    assert (decision.subject_type, decision.subject_id) == ("entrusted.renewal_step", step.pk)
    assert step.done_on == decision.item.meeting.held_on == date(2018, 4, 1)
    page = client_as(Role.OFFICE_MANAGER).get(f"/committees/meetings/{decision.item.meeting.pk}/").content.decode()
    assert "전태일 노동복합시설 1차 적격자심의위원회" in page
    assert step.facility.get_absolute_url() in page


def test_the_evaluation_committees_april_decisions_link_the_district_projects(personas, dataset_2018, client_as):
    load_districts()
    load_committees()
    decided = DistrictDecision.objects.filter(decided_on=date(2018, 4, 20))
    assert decided.count() == 3
    decisions = Decision.objects.filter(subject_type="grants.district_decision")
    assert sorted(decisions.values_list("subject_id", flat=True)) == sorted(decided.values_list("pk", flat=True))
    assert set(decisions.values_list("result", flat=True)) == {"amended"}
    meeting = decisions.first().item.meeting
    page = client_as(Role.AUDITOR).get(meeting.get_absolute_url()).content.decode()
    project = decided.first().project
    assert f'<a href="{project.get_absolute_url()}">{project} 조정</a>' in page
