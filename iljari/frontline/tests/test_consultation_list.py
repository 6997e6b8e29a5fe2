"""The consultation and workplace-visit lists as a desk works with them (core.lists): searched, sorted by their
columns both ways with the service point kept, and downloaded in the page's order (consultations minimised for the
purpose and written to the access log); a partner agency's hold only its own points' records."""

import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.core.xlsx import HEADER_ROW
from iljari.frontline import services
from iljari.people.tests.factories import make_person

URL, EXPORT = "/frontline/consultations/", "/frontline/consultations/export.xlsx"


@pytest.fixture
def consultations(frontline, personas):
    """At 청년일자리센터 (the staff persona's division): 김상담 (취업, 6.1.), 익명-2 (임금 체불, 6.3.); at the partner's
    job café: 박카페 (취업, 6.2.)."""
    staff = personas[Role.DIVISION_STAFF]
    partner = personas[Role.PARTNER_AGENCY]
    person = make_person(name="김상담")
    cafe_person = make_person(name="박카페")
    services.consultation_record(actor=staff, service_point=frontline["centre"], held_on=date(2018, 6, 1),
                                 channel="visit", topic=frontline["topic"], person=person)  # fmt: skip
    services.consultation_record(actor=staff, service_point=frontline["centre"], held_on=date(2018, 6, 3),
                                 channel="phone", topic=frontline["wage"], client_label="익명-2")  # fmt: skip
    services.consultation_record(actor=partner, service_point=frontline["cafe"], held_on=date(2018, 6, 2),
                                 channel="visit", topic=frontline["topic"], person=cafe_person)  # fmt: skip
    return {"person": person, "cafe_person": cafe_person}


def clients(response) -> list[str]:
    return re.findall(r'<th scope="row">([^<]+)</th>', response.content.decode())


def test_consultations_sort_both_ways_and_keep_the_point(consultations, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    assert clients(staff.get(URL)) == ["익명-2", "박카페", "김상담"]  # the newest first
    assert clients(staff.get(URL, {"sort": "held", "dir": "asc"})) == ["김상담", "박카페", "익명-2"]
    by_topic = clients(staff.get(URL, {"point": "YJC", "sort": "topic", "dir": "desc"}))
    assert by_topic == ["김상담", "익명-2"]  # 취업 상담 after 임금 체불 in 가나다, turned round
    searched = staff.get(URL, {"q": "취업", "point": "YJC", "sort": "topic", "dir": "asc"})
    assert clients(searched) == ["김상담"]
    assert "?q=%EC%B7%A8%EC%97%85&amp;point=YJC&amp;sort=topic&amp;dir=desc" in searched.content.decode()


def test_the_download_is_the_page_in_order_minimised_and_logged(consultations, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    query = "?sort=held&dir=asc"
    response = staff.post(EXPORT + query, {"purpose": "casework", "reason": "6월 상담 후속 조치"})
    header, *rows = load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=HEADER_ROW, values_only=True)
    assert header[:3] == ("상담일", "창구", "상담자")
    assert [row[2] for row in rows] == ["김상담", "박카페", "익명-2"]
    entry = AccessLogEntry.objects.filter(action="download").latest("pk")
    expected = {str(consultations["person"].pk), str(consultations["cafe_person"].pk)}
    assert set(entry.subject_id_list) == expected
    masked = staff.post(EXPORT + query, {"purpose": "statistics", "reason": "분기 상담 통계"})
    _header, *rows = load_workbook(io.BytesIO(masked.content)).active.iter_rows(min_row=HEADER_ROW, values_only=True)
    assert [row[2] for row in rows] == ["김*담", "박*페", "익**2"]
    partner = client_as(Role.PARTNER_AGENCY).post(EXPORT, {"purpose": "casework", "reason": "카페 상담 정리"})
    _header, *rows = load_workbook(io.BytesIO(partner.content)).active.iter_rows(min_row=HEADER_ROW, values_only=True)
    assert [row[2] for row in rows] == ["박카페"]


def test_workplace_visits_sort_both_ways_and_download_in_that_order(frontline, personas, client_as):
    staff = personas[Role.DIVISION_STAFF]
    for workplace, employees, day in (("가나식당", 4, 3), ("다라마트", 25, 1), ("마바공방", 9, 2)):
        services.visit_record(actor=staff, service_point=frontline["centre"], workplace=workplace,
                              visited_on=date(2018, 6, day), employees=employees)  # fmt: skip
    client = client_as(Role.DIVISION_STAFF)
    workplaces = clients  # the first cell of each row: the workplace
    assert workplaces(client.get("/frontline/visits/")) == ["가나식당", "마바공방", "다라마트"]  # the newest first
    query = {"sort": "employees", "dir": "desc"}
    assert workplaces(client.get("/frontline/visits/", query)) == ["다라마트", "마바공방", "가나식당"]
    assert workplaces(client.get("/frontline/visits/", {**query, "dir": "asc"})) == ["가나식당", "마바공방", "다라마트"]
    response = client.get("/frontline/visits/export.xlsx", query)
    _header, *rows = load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=HEADER_ROW, values_only=True)
    assert [(row[2], row[3]) for row in rows] == [("다라마트", 25), ("마바공방", 9), ("가나식당", 4)]
    # the partner agency runs the job café only: none of the centre's visits
    partner = client_as(Role.PARTNER_AGENCY).get("/frontline/visits/export.xlsx")
    assert list(load_workbook(io.BytesIO(partner.content)).active.iter_rows(min_row=HEADER_ROW + 1)) == []


def test_labour_cases_search_sort_and_download_minimised(frontline, personas, client_as):
    staff, partner = personas[Role.DIVISION_STAFF], personas[Role.PARTNER_AGENCY]
    for actor, point, claimant, respondent, day in (
        (staff, "centre", "김근로", "가나식당", 1),
        (staff, "centre", "이노동", "다라마트", 3),
        (partner, "cafe", "박직원", "마바공방", 2),
    ):
        services.case_open(actor=actor, service_point=frontline[point], claimant=claimant, respondent=respondent,
                           claim="임금 체불", opened_on=date(2018, 6, day))  # fmt: skip
    client = client_as(Role.DIVISION_STAFF)
    assert clients(client.get("/frontline/cases/")) == ["이노동", "박직원", "김근로"]  # the newest first
    assert clients(client.get("/frontline/cases/", {"sort": "opened", "dir": "asc"})) == ["김근로", "박직원", "이노동"]
    assert clients(client.get("/frontline/cases/", {"q": "마트"})) == ["이노동"]  # the respondent
    response = client.post("/frontline/cases/export.xlsx?sort=opened&dir=asc",
                           {"purpose": "statistics", "reason": "사건 통계 작성"})  # fmt: skip
    header, *rows = load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=HEADER_ROW, values_only=True)
    assert header[2:4] == ("신청인", "상대방")
    assert [(row[2], row[3]) for row in rows] == [("김*로", "가나식당"), ("박*원", "마바공방"), ("이*동", "다라마트")]
    partner_rows = client_as(Role.PARTNER_AGENCY).post(
        "/frontline/cases/export.xlsx", {"purpose": "casework", "reason": "카페 사건 정리"}
    )
    _header, *rows = load_workbook(io.BytesIO(partner_rows.content)).active.iter_rows(
        min_row=HEADER_ROW, values_only=True
    )
    assert [row[2] for row in rows] == ["박직원"]
