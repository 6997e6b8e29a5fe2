"""The public sector's own labour programmes through their page: a fixed-term hiring request and the committee's
decision, a conversion; bad input answers in Korean and writes nothing; only 노동정책담당관 records."""

import pytest
from django.test import Client

from iljari.committees.models import Decision
from iljari.core import services as core_services
from iljari.core.roles import Role
from iljari.frontline.models import Conversion, FixedTermScreening
from iljari.org.models import OrgUnit


@pytest.fixture
def labour(frontline):
    client = Client()
    client.force_login(
        core_services.user_create(
            actor=None,
            username="t_labour",
            password="Test!persona2018",
            role=Role.DIVISION_STAFF,
            org_unit=OrgUnit.objects.get(code="LABOUR-POLICY"),
        )
    )
    return client


REQUEST = {
    "institution": "SEOUL-FACILITIES",
    "reason": "여름철 수영장 안전요원",
    "headcount": "12",
    "months": "3",
    "budget": "54000000",
    "requested_on": "2018-06-01",
}


def test_a_request_is_screened_and_a_reduced_decision_needs_the_headcount(labour):
    assert labour.post("/frontline/public-sector/screenings/", REQUEST).status_code == 302
    screening = FixedTermScreening.objects.get()
    url = f"/frontline/public-sector/screenings/{screening.pk}/decide/"
    page = labour.post(url, {"decision": "reduced", "decided_on": "2018-09-10"}, follow=True).content.decode()
    assert "조정한 경우 인정 인원은 1명 이상, 요청 인원보다 적어야 합니다." in page
    screening.refresh_from_db()
    assert screening.decision == "pending"
    labour.post(
        url,
        {"decision": "reduced", "decided_on": "2018-09-10", "approved_headcount": "8", "committee_note": "8명 적정"},
    )
    screening.refresh_from_db()
    assert (screening.decision, screening.approved_headcount) == ("reduced", 8)
    # the decision is the 사전심사위원회's: its meeting of that day, an agenda item, 수정 가결, linked to the request
    decision = Decision.objects.select_related("item__meeting__committee").get(
        subject_type="frontline.prescreening", subject_id=screening.pk
    )
    meeting = decision.item.meeting
    assert (meeting.committee.name, meeting.number, str(meeting.held_on)) == (
        "기간제근로자 채용 사전심사위원회",
        1,
        "2018-09-10",
    )
    assert (decision.result, decision.text) == ("amended", "8명 적정")
    assert meeting.committee.supervising_division.code == "LABOUR-POLICY"
    page = labour.get("/frontline/public-sector/").content.decode()
    assert f'<a href="/committees/meetings/{meeting.pk}/">기간제근로자 채용 사전심사위원회 제1차</a>' in page
    assert "8명 적정" in page
    page = labour.post(url, {"decision": "approved", "decided_on": "2018-09-11"}, follow=True).content.decode()
    assert "이미 심사한 요청입니다." in page


def test_a_request_of_more_than_24_months_is_refused(labour):
    page = labour.post("/frontline/public-sector/screenings/", {**REQUEST, "months": "30"}, follow=True)
    assert "기간제 근로 기간은 1~24개월입니다." in page.content.decode()
    assert FixedTermScreening.objects.count() == 0


def test_a_conversion_beyond_its_plan_is_refused_and_one_within_is_kept(labour):
    data = {"kind": "indefinite", "institution": "SH", "group": "임대주택관리원", "planned": "384", "done": "400",
            "done_on": "2018-06-29"}  # fmt: skip
    page = labour.post("/frontline/public-sector/conversions/", data, follow=True).content.decode()
    assert "전환 완료 인원은 0명 이상, 계획 인원 이하여야 합니다." in page
    assert Conversion.objects.count() == 0
    labour.post("/frontline/public-sector/conversions/", {**data, "done": "0", "done_on": ""})
    assert Conversion.objects.get().institution.name == "서울주택도시공사"


def test_other_divisions_cannot_record_public_sector_programmes(frontline, client_as):
    response = client_as(Role.DIVISION_STAFF).post("/frontline/public-sector/screenings/", REQUEST)
    assert response.status_code == 403
    assert FixedTermScreening.objects.count() == 0


def test_annual_working_hours_are_recorded_and_a_second_entry_for_the_year_replaces_the_first(labour):
    from iljari.frontline.models import WorkingHours

    url = "/frontline/public-sector/hours/"
    # 서울신용보증재단: 2,275 hours in 2016, 2,124 in 2017 (the 2018 report)
    assert labour.post(url, {"institution": "SEOUL-CREDIT", "year": "2017", "hours": "2200"}).status_code == 302
    assert labour.post(url, {"institution": "SEOUL-CREDIT", "year": "2017", "hours": "2124"}).status_code == 302
    assert list(WorkingHours.objects.values_list("year", "hours")) == [(2017, 2124)]
    page = labour.get("/frontline/public-sector/?year=2018&as_of=2018-06-30").content.decode()
    assert "2,124" in page


def test_working_hours_beyond_a_year_or_for_a_future_year_are_refused(labour):
    from iljari.frontline.models import WorkingHours

    url = "/frontline/public-sector/hours/"
    page = labour.post(url, {"institution": "SEOUL-CREDIT", "year": "2017", "hours": "9000"}, follow=True)
    assert "1인당 연간 노동시간" in page.content.decode()
    page = labour.post(url, {"institution": "SEOUL-CREDIT", "year": "2099", "hours": "2000"}, follow=True)
    assert "연도를 확인하십시오(올해까지)." in page.content.decode()
    assert WorkingHours.objects.count() == 0


def test_an_emotional_labour_guideline_check_is_recorded_and_a_failed_one_needs_findings(labour):
    from iljari.frontline.models import LabourCheck

    data = {"institution": "SEOUL-METRO", "kind": "emotional_labour", "checked_on": "2018-06-20", "compliant": "0"}
    response = labour.post("/frontline/public-sector/", data)
    assert response.status_code == 400
    assert "부적합이면 지적사항을 입력하십시오." in response.content.decode()
    assert LabourCheck.objects.count() == 0
    response = labour.post("/frontline/public-sector/", {**data, "findings": "고객 폭언 대응 매뉴얼 미비"})
    assert response.status_code == 302
    check = LabourCheck.objects.get()
    assert (check.kind, check.compliant, check.findings) == ("emotional_labour", False, "고객 폭언 대응 매뉴얼 미비")
    page = labour.get("/frontline/public-sector/?year=2018&as_of=2018-06-30").content.decode()
    assert "감정노동 가이드라인 점검" in page


def test_other_divisions_cannot_record_working_hours(frontline, client_as):
    from iljari.frontline.models import WorkingHours

    data = {"institution": "SEOUL-CREDIT", "year": "2017", "hours": "2124"}
    assert client_as(Role.DIVISION_STAFF).post("/frontline/public-sector/hours/", data).status_code == 403
    assert WorkingHours.objects.count() == 0
