"""org pages: the org chart, partner search, paging, export and forms."""

import csv
import io

from iljari.core.roles import Role
from iljari.org.models import Partner


def test_org_chart_shows_the_three_divisions_and_their_functions(client_as):
    client = client_as(Role.DIVISION_STAFF)
    page = client.get("/org/").content.decode()
    for name in ("일자리노동정책관", "일자리정책담당관", "노동정책담당관", "사회적경제담당관"):
        assert name in page
    detail = client.get("/org/units/SOCIAL-ECONOMY/").content.decode()
    assert "사회투자기금 및 사회성과보상사업 추진" in detail


def test_partner_search_and_filters(client_as):
    client = client_as(Role.OFFICE_MANAGER)
    page = client.get("/org/partners/?q=기술교육원").content.decode()
    assert "(학)경복대학교" in page and "서울교통공사" not in page
    page = client.get("/org/partners/?kind=public_institution").content.decode()
    assert "서울교통공사" in page and "(학)경복대학교" not in page
    page = client.get("/org/partners/?district_code=11350").content.decode()
    assert "(재)한국능력개발원" in page and "명지전문대학" not in page
    page = client.get("/org/partners/?kind=nonsense").content.decode()
    assert "서울교통공사" in page  # an invalid filter is ignored, not an error


def test_partner_list_pages(client_as):
    for number in range(25):
        Partner.objects.create(code=f"BULK-{number:02d}", name=f"수행기관 {number:02d}", kind="intermediary")
    client = client_as(Role.OFFICE_MANAGER)
    first = client.get("/org/partners/").content.decode()
    assert "전체 38건" in first and "1/2쪽" in first
    second = client.get("/org/partners/?page=2").content.decode()
    assert "2/2쪽" in second
    beyond = client.get("/org/partners/?page=999")
    assert beyond.status_code == 200


def test_export_is_csv_excel_can_read_and_keeps_the_filter(client_as):
    response = client_as(Role.OFFICE_MANAGER).get("/org/partners/export.csv?kind=trustee")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["코드", "기관명", "구분"]
    assert {row[2] for row in rows[1:]} == {"위탁기관"}
    assert len(rows) == 1 + 7


def test_export_respects_scope(client_as):
    text = client_as(Role.PARTNER_AGENCY).get("/org/partners/export.csv").content.decode("utf-8")
    assert len(text.strip().splitlines()) == 2 and "TTI-EAST" in text


def test_partner_form_with_bad_dates_shows_the_field_error_and_saves_nothing(client_as):
    response = client_as(Role.DIVISION_STAFF).post(
        "/org/partners/new/",
        {
            "code": "NEW-P",
            "name": "새 기관",
            "kind": "trustee",
            "entrusted_from": "2019-03-01",
            "entrusted_until": "2019-02-28",
        },
    )
    assert response.status_code == 400
    assert "위탁 종료일은 시작일보다 빠를 수 없습니다" in response.content.decode()
    assert not Partner.objects.filter(code="NEW-P").exists()


def test_partner_form_rejects_a_malformed_date_in_korean(client_as):
    response = client_as(Role.DIVISION_STAFF).post(
        "/org/partners/new/", {"code": "NEW-P", "name": "새 기관", "kind": "trustee", "entrusted_from": "18.3.1"}
    )
    assert response.status_code == 400
    assert "올바른 날짜" in response.content.decode() or "날짜" in response.content.decode()


def test_manager_creates_a_team_under_a_division(client_as):
    from iljari.org.models import OrgUnit

    division = OrgUnit.objects.get(code="LABOUR-POLICY")
    response = client_as(Role.OFFICE_MANAGER).post(
        "/org/units/new/",
        {
            "code": "LABOUR-POLICY-T9",
            "name": "노동시간단축팀",
            "kind": "team",
            "parent": division.pk,
            "sort_order": 9,
            "functions": "노동시간 단축 추진",
        },
    )
    assert response.status_code == 302
    assert OrgUnit.objects.get(code="LABOUR-POLICY-T9").path == "/SEOUL/JOBS/LABOUR-POLICY/LABOUR-POLICY-T9/"


def test_district_page_lists_its_partners(client_as):
    page = client_as(Role.DISTRICT_OFFICER).get("/org/districts/11740/").content.decode()
    assert "강동구" in page and "(학)경복대학교" in page
