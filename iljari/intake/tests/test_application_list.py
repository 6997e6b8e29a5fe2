"""A call's applications as an office works with them (core.lists): search by name, keep the status filter, sort by
접수 일시, 이름, 점수 and 순위 both ways, and download the list as it is sorted and filtered — every row, minimised for
the purpose and written to the access log; a district officer's list and download hold only their district's."""

import io
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.core.xlsx import HEADER_ROW
from iljari.intake import services
from iljari.intake.tests.factories import close_call
from iljari.org.models import District
from iljari.people.tests.factories import make_person
from iljari.plan.models import Programme

URL = "/intake/calls/LIST/"
EXPORT = "/intake/calls/LIST/applications.xlsx"


@pytest.fixture
def call(personas, dataset_2018):
    """Four applicants: 김가람 (the city's quota, the first in), 이나래 (종로구's), 김다솜 and 김라온 (강동구's, the
    district persona's), handed in an hour apart in the order 가람, 나래, 다솜, 라온."""
    opens = timezone.now() - timedelta(days=1)
    districts = {d.code: d for d in District.objects.filter(code__in=["11740", "11110"])}
    call = services.call_set(
        actor=None,
        code="LIST",
        programme=Programme.objects.get(code="P1-06"),
        title="공공근로 참여자 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=14),
        announce_on=date(2030, 1, 1),
        quotas=[
            ("CITY", "서울시 사업", 1),
            ("D-11740", "강동구 사업", 2, districts["11740"]),
            ("D-11110", "종로구 사업", 1, districts["11110"]),
        ],
        eligibility=[{"kind": "age_between", "min_value": 18, "on_date": date(2019, 1, 1)}],
    )
    quotas = {q.code: q for q in call.quotas.all()}
    applications = {}
    for hour, (name, quota) in enumerate(
        [("김가람", "CITY"), ("이나래", "D-11110"), ("김다솜", "D-11740"), ("김라온", "D-11740")], start=1
    ):
        applications[name] = services.application_submit(
            actor=None, call=call, person=make_person(name=name), quota=quotas[quota], now=opens + timedelta(hours=hour)
        )
    call.by_name = applications
    return call


def names(response) -> list[str]:
    """The applicants' names in the order the page lists them (each row's header cell)."""
    body = response.content.decode()
    table = body[body.index("<caption>신청 목록") :]
    return re.findall(r'<th scope="row">([^<]+)</th>', table[: table.index("</table>")])


def sheet_rows(response) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))


def test_a_name_search_finds_part_of_a_name_and_keeps_the_status_filter(call, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    response = staff.get(URL, {"q": "김", "status": "submitted"})
    assert names(response) == ["김가람", "김다솜", "김라온"]  # by 접수 일시, the first in first
    assert names(staff.get(URL, {"q": "나래"})) == ["이나래"]
    assert names(staff.get(URL, {"q": "최"})) == []
    assert "찾는 신청이 없습니다" in staff.get(URL, {"q": "최"}).content.decode()
    assert names(staff.get(URL, {"q": str(call.by_name["김다솜"].pk)})) == ["김다솜"]  # the 접수번호
    assert names(staff.get(URL, {"q": "김", "status": "selected"})) == []
    body = response.content.decode()
    assert 'name="q" class="krds-input" value="김"' in body
    assert '<option value="submitted" selected>' in body
    # a sort keeps the search and the filter
    assert 'href="?q=%EA%B9%80&amp;status=submitted&amp;sort=name&amp;dir=asc"' in body


def test_sorting_by_name_and_by_time_both_ways(call, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    assert names(staff.get(URL)) == ["김가람", "이나래", "김다솜", "김라온"]
    assert names(staff.get(URL, {"sort": "submitted", "dir": "desc"})) == ["김라온", "김다솜", "이나래", "김가람"]
    ascending = staff.get(URL, {"sort": "name", "dir": "asc"})
    assert names(ascending) == ["김가람", "김다솜", "김라온", "이나래"]
    assert names(staff.get(URL, {"sort": "name", "dir": "desc"})) == ["이나래", "김라온", "김다솜", "김가람"]
    body = ascending.content.decode()
    assert '<th scope="col" aria-sort="ascending"><a class="ilj-sort" href="?sort=name&amp;dir=desc">이름' in body
    assert body.count("aria-sort=") == 1
    # an unknown column or direction is the default order, never an error
    assert names(staff.get(URL, {"sort": "person__rrn", "dir": "sideways"})) == names(staff.get(URL))


def test_sorting_by_score_and_by_rank_in_the_latest_selection(call, client_as, personas):
    manager = personas[Role.OFFICE_MANAGER]
    for name, score in (("김가람", 70), ("이나래", 90), ("김다솜", 80)):  # 김라온 not scored yet
        application = call.by_name[name]
        services.review_score_record(actor=manager, application=application, stage="document_review", score=score)
    staff = client_as(Role.DIVISION_STAFF)
    # the unscored one last, either way
    assert names(staff.get(URL, {"sort": "score", "dir": "desc"})) == ["이나래", "김다솜", "김가람", "김라온"]
    assert names(staff.get(URL, {"sort": "score", "dir": "asc"})) == ["김가람", "김다솜", "이나래", "김라온"]
    close_call(call)
    services.selection_run(actor=manager, call=call, seed=7)
    # 순위 is within each quota (서울시, 강동구, 종로구 in the call's order): 강동구's 다솜 (80) before 라온 (none)
    assert names(staff.get(URL, {"sort": "rank", "dir": "asc"})) == ["김가람", "김다솜", "김라온", "이나래"]
    assert names(staff.get(URL, {"sort": "rank", "dir": "desc"})) == ["이나래", "김라온", "김다솜", "김가람"]


def test_the_export_holds_every_row_of_the_list_in_the_order_of_the_page(call, client_as):
    opens = call.opens_at
    city = call.quotas.get(code="CITY")
    for number in range(21):  # 25 applications: more than a page
        services.application_submit(
            actor=None, call=call, person=make_person(), quota=city, now=opens + timedelta(hours=5, minutes=number)
        )
    staff = client_as(Role.DIVISION_STAFF)
    query = {"sort": "name", "dir": "desc"}
    page_one, page_two = staff.get(URL, query), staff.get(URL, {**query, "page": 2})
    listed = names(page_one) + names(page_two)
    assert len(names(page_one)) == 20 and len(listed) == 25
    form = staff.get(EXPORT, query)
    assert form.status_code == 200 and "이용 목적" in form.content.decode()  # personal data: the purpose first
    response = staff.post(EXPORT + "?sort=name&dir=desc", {"purpose": "selection", "reason": "선발 심사 자료 준비"})
    assert response.status_code == 200
    assert "filename*=utf-8''" in response["Content-Disposition"].lower()  # the Korean file name
    header, *rows = sheet_rows(response)
    assert header[:3] == ("접수번호", "이름", "주민등록번호")
    assert [row[1] for row in rows] == listed
    person = call.by_name["김다솜"].person
    dasom = next(row for row in rows if row[1] == "김다솜")
    assert dasom[2] == person.rrn_masked and person.rrn not in str(rows)
    entry = AccessLogEntry.objects.filter(action="download").latest("pk")
    assert len(entry.subject_id_list) == 25 and "신청자 목록" in entry.detail and "이름 내림차순" in entry.detail


def test_the_export_is_minimised_for_statistics_and_refused_without_a_reason(call, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    before = AccessLogEntry.objects.filter(action="download").count()
    refused = staff.post(EXPORT, {"purpose": "statistics", "reason": ""})
    assert refused.status_code == 400 and AccessLogEntry.objects.filter(action="download").count() == before
    response = staff.post(EXPORT + "?q=김", {"purpose": "statistics", "reason": "분기 통계 작성"})
    header, *rows = sheet_rows(response)
    assert [row[1] for row in rows] == ["김*람", "김*솜", "김*온"]
    assert header[2] == "주민등록번호(목적상 제외)" and {row[2] for row in rows} == {None}


def test_a_district_officer_lists_and_downloads_only_their_district(call, client_as):
    officer = client_as(Role.DISTRICT_OFFICER)
    assert names(officer.get(URL, {"sort": "name", "dir": "asc"})) == ["김다솜", "김라온"]
    response = officer.post(EXPORT + "?sort=name&dir=asc", {"purpose": "selection", "reason": "강동구 선발 준비"})
    _header, *rows = sheet_rows(response)
    assert [row[1] for row in rows] == ["김다솜", "김라온"]
    assert {row[3] for row in rows} == {"강동구 사업"}


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.PARTNER_AGENCY, Role.ORGANISATION])
def test_roles_without_the_applications_cannot_download_them(call, client_as, role):
    assert client_as(role).get(EXPORT).status_code in (403, 404)
