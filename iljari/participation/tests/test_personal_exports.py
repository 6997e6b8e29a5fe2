"""Downloads of personal data ask for the purpose and the reason, keep only what the purpose needs, carry a
watermark naming who downloaded them and when, and write the reason to the access log."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from iljari.core.exports import mask_name
from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.participation import services
from iljari.people.models import Person
from iljari.people.tests.factories import make_person

PAYROLL = "/participation/worksites/ND-GD/payroll.xlsx?month=2018-05"


@pytest.fixture
def paid(site):
    person = make_person()
    Person.objects.filter(pk=person.pk).update(name="김민준")
    person.refresh_from_db()
    placement = services.placement_create(
        actor=None, person=person, worksite=site["gangdong"], start_date=date(2018, 3, 2), end_date=date(2018, 12, 31)
    )
    services.work_record_set(
        actor=None, placement=placement, month=date(2018, 5, 1), days_worked=21, hours_worked=168, full_weeks=4
    )
    services.pay_compute(actor=None, month=date(2018, 5, 1))
    return person


def _cells(response):
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    return workbook, sheet, [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]


def test_the_download_link_first_asks_for_the_purpose_and_the_reason(paid, client_as):
    before = AccessLogEntry.objects.count()
    page = client_as(Role.DIVISION_STAFF).get(PAYROLL)
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    html = page.content.decode()
    assert "이용 목적" in html and "내려받는 사유" in html and "급여 지급·정산" in html
    assert "근무·출석 관리" not in html  # not a purpose the payroll serves
    assert AccessLogEntry.objects.count() == before


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"purpose": "payment", "reason": ""}, "내려받는 사유를 적으십시오."),
        ({"purpose": "payment", "reason": "급여"}, "내려받는 사유를 5자 이상 적으십시오."),
        ({"purpose": "", "reason": "5월 급여 지급 결재"}, "이용 목적을 고르십시오."),
        ({"purpose": "work_record", "reason": "5월 급여 지급 결재"}, "이 자료에 쓸 수 없는 목적입니다."),
    ],
)
def test_a_download_without_a_reason_or_with_a_foreign_purpose_is_refused_and_writes_nothing(
    paid, client_as, form, message
):
    before = AccessLogEntry.objects.count()
    response = client_as(Role.DIVISION_STAFF).post(PAYROLL, form)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert AccessLogEntry.objects.count() == before


def test_for_payment_the_names_stay_and_the_file_is_watermarked_and_the_reason_logged(paid, client_as, personas):
    response = client_as(Role.DIVISION_STAFF).post(PAYROLL, {"purpose": "payment", "reason": "5월 급여 지급 결재"})
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    workbook, sheet, cells = _cells(response)
    assert "김민준" in cells and paid.rrn_masked in cells
    staff = personas[Role.DIVISION_STAFF]
    note = sheet.cell(row=2, column=1).value
    assert f"내려받은 사람 {staff.name}(t_staff)" in note and "목적 급여 지급·정산" in note
    assert "t_staff" in sheet.oddHeader.center.text and "t_staff" in sheet.oddFooter.center.text
    assert workbook.properties.creator == "t_staff" and "외부 제공 금지" in workbook.properties.description
    entry = AccessLogEntry.objects.latest("pk")
    assert (entry.action, entry.subject_ids, entry.reason) == ("download", str(paid.pk), "5월 급여 지급 결재")
    assert "목적: 급여 지급·정산" in entry.detail


def test_for_statistics_names_are_masked_and_resident_numbers_left_out_but_totals_stay(paid, client_as):
    response = client_as(Role.DIVISION_STAFF).post(PAYROLL, {"purpose": "statistics", "reason": "상반기 실적 집계"})
    _, sheet, cells = _cells(response)
    assert "김*준" in cells and "김민준" not in cells
    assert paid.rrn_masked not in cells and "주민등록번호(목적상 제외)" in cells
    assert "합계" in cells
    # the pay of 21 days × 8 hours is still there: 168 hours
    assert 168 in cells


def test_the_statistics_copy_of_the_work_record_sheet_masks_names(paid, client_as):
    url = "/participation/worksites/ND-GD/records.xlsx?month=2018-05"
    response = client_as(Role.DISTRICT_OFFICER).post(url, {"purpose": "statistics", "reason": "월간 근무 현황 보고"})
    _, _, cells = _cells(response)
    assert "김*준" in cells and "김민준" not in cells


@pytest.mark.parametrize(
    ("name", "masked"), [("홍길동", "홍*동"), ("홍길", "홍*"), ("남궁길동", "남**동"), ("김", "김"), ("", "")]
)
def test_names_are_masked_keeping_the_first_and_last_character(name, masked):
    assert mask_name(name) == masked


def test_someone_outside_the_worksites_scope_gets_no_form_and_no_file(paid, client_as):
    client = client_as(Role.PARTNER_AGENCY)
    assert client.get(PAYROLL).status_code == 404
    assert client.post(PAYROLL, {"purpose": "payment", "reason": "5월 급여 지급 결재"}).status_code == 404
