"""The entrusted pages through HTTP: each role's reach, the list's search, sort, filters and export, the facility
page's timeline, the forms (input kept on error), the lists the work list links to, and odd inputs."""

import io
from datetime import date

import pytest
from auditlog.models import LogEntry
from openpyxl import load_workbook

from iljari.core.roles import Role
from iljari.entrusted.models import Contract, Facility, RenewalStep
from iljari.entrusted.tests.factories import make_entrusted

VIEW = {Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR, Role.PARTNER_AGENCY}


@pytest.fixture
def made(personas):
    return make_entrusted()


@pytest.mark.parametrize("role", list(Role))
def test_each_role_reaches_the_list_and_a_partner_sees_only_its_own(made, client_as, role):
    response = client_as(role).get("/entrusted/")
    assert response.status_code == (200 if role in VIEW else 403)
    if role in VIEW:
        html = response.content.decode()
        assert "동부기술교육원" in html
        assert ("중부기술교육원" in html) is (role != Role.PARTNER_AGENCY)


def test_a_partner_gets_404_for_a_facility_it_holds_no_contract_for(made, client_as):
    client = client_as(Role.PARTNER_AGENCY)
    assert client.get("/entrusted/CENTRAL/").status_code == 404
    assert client.get("/entrusted/EAST/").status_code == 200
    assert client.get(f"/entrusted/contracts/{made['east_contract'].pk}/").status_code == 403  # reads, never keeps


def test_the_list_searches_filters_sorts_and_exports_the_same_rows(made, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    html = client.get("/entrusted/?q=경복").content.decode()
    assert "동부기술교육원" in html and "중부기술교육원" not in html
    html = client.get("/entrusted/?kind=social_economy_centre").content.decode()
    assert "서울시사회적경제지원센터" in html and "동부기술교육원" not in html
    html = client.get("/entrusted/?division=SOCIAL-ECONOMY&state=running").content.decode()
    assert "서울시사회적경제지원센터" in html and "중부기술교육원" not in html
    html = client.get("/entrusted/?sort=term_end&dir=desc").content.decode()
    assert html.index("중부기술교육원") < html.index("동부기술교육원")
    response = client.get("/entrusted/export.xlsx?sort=term_end&dir=desc")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[1] for row in sheet.iter_rows(values_only=True) if row and row[0] in ("EAST", "CENTRAL", "SE-CENTRE")]
    assert names == ["중부기술교육원", "동부기술교육원", "서울시사회적경제지원센터"]  # no term: last


@pytest.mark.parametrize(
    "path",
    [
        "/entrusted/?kind=nonsense&division=' OR 1=1&state=x&sort=zzz&dir=up&page=999",
        "/entrusted/ending/?on=2018-13-45&within=abc",
        "/entrusted/ending/?within=-5",
        "/entrusted/steps/?on=yesterday",
        "/entrusted/EAST/?on=not-a-day",
    ],
)
def test_odd_inputs_answer_a_page(made, client_as, path):
    assert client_as(Role.OFFICE_MANAGER).get(path).status_code == 200


def test_the_facility_page_draws_the_renewal_path_with_its_d_day_and_overdue_steps(made, client_as):
    html = client_as(Role.DIVISION_STAFF).get("/entrusted/EAST/?on=2018-10-01").content.decode()
    assert 'data-step-state="overdue">1일 지남' in html  # 시의회 동의안 due 2018-09-30
    assert 'data-step-state="later">D-91' in html  # 공모·선정 due 2018-12-31
    assert "(학)경복대학교" in html and "1,000,000,000" in html
    assert "재위탁 절차 단계 등록" in html  # the staff persona keeps its own division's facility
    html = client_as(Role.AUDITOR).get("/entrusted/EAST/?on=2018-10-01").content.decode()
    assert "재위탁 절차 단계 등록" not in html


def test_a_bad_form_keeps_its_input_and_says_what_is_wrong_in_korean(made, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    response = client.post(
        "/entrusted/CENTRAL/contracts/new/",
        {"trustee": made["east_contract"].trustee.pk, "term_start": "2020-01-01", "term_end": "2023-02-28",
         "state": "planned", "note": "겹치는 계약 메모"},
    )  # fmt: skip
    assert response.status_code == 400
    html = response.content.decode()
    assert "위탁기간이 겹칩니다" in html and "겹치는 계약 메모" in html and 'value="2023-02-28"' in html
    assert Contract.objects.filter(facility=made["central"]).count() == 1


def test_the_manager_registers_a_facility_a_contract_and_a_step_through_the_pages(made, client_as, personas):
    client = client_as(Role.OFFICE_MANAGER)
    values = {"code": "JEONTAEIL", "name": "전태일 노동복합시설", "kind": "labour_complex",
              "division": _unit("LABOUR-POLICY")}  # fmt: skip
    response = client.post("/entrusted/new/", values)
    assert response.status_code == 302 and response["Location"] == "/entrusted/JEONTAEIL/"
    facility = Facility.objects.get(code="JEONTAEIL")
    assert LogEntry.objects.get_for_object(facility).get().actor == personas[Role.OFFICE_MANAGER]
    from iljari.org.models import Partner

    trustee = Partner.objects.get(code="JEONTAEIL")
    response = client.post("/entrusted/JEONTAEIL/contracts/new/", {"trustee": trustee.pk, "state": "planned"})
    assert response.status_code == 302
    response = client.post("/entrusted/JEONTAEIL/steps/new/", {"kind": "3", "round": "1", "due_on": "2018-04-30"})
    assert response.status_code == 302
    step = RenewalStep.objects.get(facility=facility)
    response = client.post(f"/entrusted/steps/{step.pk}/done/", {"done_on": "2018-04-30", "result": "전태일재단"})
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.done_on == date(2018, 4, 30) and step.result == "전태일재단"


def _unit(code):
    from iljari.org.models import OrgUnit

    return OrgUnit.objects.get(code=code).pk


def test_division_staff_do_not_keep_another_divisions_facility(made, client_as):
    client = client_as(Role.DIVISION_STAFF)  # 일자리정책담당관; the centre is 사회적경제담당관's
    assert client.get("/entrusted/SE-CENTRE/").status_code == 200
    assert client.get("/entrusted/SE-CENTRE/edit/").status_code == 403
    response = client.post(f"/entrusted/contracts/{made['centre_contract'].pk}/budgets/new/",
                           {"year": "2018", "budget": "1"})  # fmt: skip
    assert response.status_code == 403
    assert not made["centre_contract"].budgets.exists()


def test_the_ending_list_lists_the_contracts_within_the_days_asked(made, client_as):
    client = client_as(Role.AUDITOR)
    html = client.get("/entrusted/ending/?on=2018-06-30").content.decode()
    assert 'data-worklist-rows="1"' in html and "동부기술교육원" in html and "D-243" in html
    html = client.get("/entrusted/ending/?on=2018-06-30&within=700").content.decode()
    assert 'data-worklist-rows="2"' in html and "중부기술교육원" in html
    html = client.get("/entrusted/steps/?on=2019-01-05").content.decode()
    assert 'data-worklist-rows="2"' in html and "97일 지남" in html


def test_a_training_institutes_page_links_to_its_facility(dataset_2018, made, client_as):
    from iljari.participation.tests.factories import make_training

    make_training()  # 동부 (EAST) and 중부 (CENTRAL), the facilities' codes
    html = client_as(Role.DIVISION_STAFF).get("/participation/training/EAST/").content.decode()
    assert 'href="/entrusted/EAST/"' in html
    html = client_as(Role.PARTNER_AGENCY).get("/participation/training/EAST/").content.decode()
    assert 'href="/entrusted/EAST/"' in html  # its own contract's facility
