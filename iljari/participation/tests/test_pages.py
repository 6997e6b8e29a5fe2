"""The participation pages through HTTP: scope per role, recording a month, computing pay, the payroll sheet
(masked, access-logged), the work-record Excel round trip, placing a call, and a citizen's own placements."""

import io
import re
from datetime import date

from openpyxl import load_workbook

from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.participation import services
from iljari.participation.models import Payment, Placement, WorkRecord
from iljari.people.tests.factories import make_person


def _placement(site, worksite="gangdong", person=None):
    return services.placement_create(
        actor=None,
        person=person or make_person(),
        worksite=site[worksite],
        start_date=date(2018, 3, 2),
        end_date=date(2018, 12, 31),
    )


def test_district_officer_sees_only_own_districts_worksites(site, client_as):
    _placement(site, "gangdong")
    other = _placement(site, "jongno")
    client = client_as(Role.DISTRICT_OFFICER)  # 강동구
    page = client.get("/participation/").content.decode()
    assert "강동구 골목상권 활성화" in page and "강동구 하천변 정비" in page
    assert "종로구 문화해설" not in page and "공원 환경 모니터링" not in page
    assert client.get("/participation/worksites/ND-JN/").status_code == 404
    assert client.get(f"/participation/placements/{other.pk}/").status_code == 404
    assert client.get("/participation/worksites/ND-GD/?month=2018-05").status_code == 200


def test_partner_sees_only_its_own_worksite(site, client_as):
    client = client_as(Role.PARTNER_AGENCY)  # TTI-EAST
    page = client.get("/participation/").content.decode()
    assert "동부기술교육원 실습 보조" in page and "강동구" not in page
    assert client.get("/participation/worksites/ND-GD/").status_code == 404
    assert client.get("/participation/worksites/ND-TTI/").status_code == 200


def test_worksite_records_a_month_and_computes_pay(site, client_as):
    placement = _placement(site)
    client = client_as(Role.DISTRICT_OFFICER)
    url = f"/participation/placements/{placement.pk}/record/"
    bad = client.post(url, {"month": "2018-05", "days_worked": "22", "hours_worked": "176", "full_weeks": "4"})
    assert bad.status_code == 400
    assert "이 달 소정근로일은 21일입니다" in bad.content.decode()
    assert not WorkRecord.objects.exists()
    good = client.post(url, {"month": "2018-05", "days_worked": "21", "hours_worked": "168", "full_weeks": "4"})
    assert good.status_code == 302
    response = client.post("/participation/worksites/ND-GD/pay/?month=2018-05", follow=True)
    assert "급여를 계산했습니다: 1명" in response.content.decode()
    assert Payment.objects.get(placement=placement).total > 0


def test_auditor_reads_but_cannot_record(site, client_as):
    placement = _placement(site)
    client = client_as(Role.AUDITOR)
    assert client.get(f"/participation/placements/{placement.pk}/").status_code == 200
    response = client.post(
        f"/participation/placements/{placement.pk}/record/",
        {"month": "2018-05", "days_worked": "21", "hours_worked": "168", "full_weeks": "4"},
    )
    assert response.status_code == 403
    assert client.post("/participation/worksites/ND-GD/pay/?month=2018-05").status_code == 403


def test_payroll_sheet_masks_resident_numbers_and_is_access_logged(site, client_as):
    person = make_person()
    placement = _placement(site, person=person)
    services.work_record_set(
        actor=None, placement=placement, month=date(2018, 5, 1), days_worked=21, hours_worked=168, full_weeks=4
    )
    services.pay_compute(actor=None, month=date(2018, 5, 1))
    response = client_as(Role.DIVISION_STAFF).post(
        "/participation/worksites/ND-GD/payroll.xlsx?month=2018-05",
        {"purpose": "payment", "reason": "5월 급여 지급 결재"},
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert person.rrn_masked in values
    assert person.rrn not in " ".join(str(v) for v in values)
    totals = [row for row in sheet.iter_rows(values_only=True) if row[1] == "합계"][0]
    assert totals[-1] == Payment.objects.get(placement=placement).total
    entry = AccessLogEntry.objects.filter(action="download").latest("pk")
    assert entry.subject_ids == str(person.pk) and "급여대장" in entry.detail


def _upload(client, data: bytes):
    upload = io.BytesIO(data)
    upload.name = "work.xlsx"
    return client.post("/participation/worksites/ND-GD/records/upload/?month=2018-05", {"file": upload})


def test_work_record_sheet_round_trip_writes_all_rows_or_none(site, client_as):
    first, second = _placement(site), _placement(site)
    client = client_as(Role.DISTRICT_OFFICER)
    blank = client.post(
        "/participation/worksites/ND-GD/records.xlsx?month=2018-05",
        {"purpose": "work_record", "reason": "5월 근무 입력"},
    )
    workbook = load_workbook(io.BytesIO(blank.content))
    sheet = workbook.active
    rows = {sheet.cell(row=r, column=1).value: r for r in range(4, sheet.max_row + 1)}
    assert set(rows) == {first.pk, second.pk}
    for pk, days in ((first.pk, 21), (second.pk, 30)):  # 30 days is more than May holds
        sheet.cell(row=rows[pk], column=4, value=days)
        sheet.cell(row=rows[pk], column=5, value=days * 8)
        sheet.cell(row=rows[pk], column=7, value=4)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = _upload(client, buffer.getvalue())
    assert response.status_code == 400
    assert f"{rows[second.pk]}행: 이 달 소정근로일은 21일입니다" in response.content.decode()
    assert not WorkRecord.objects.exists()
    sheet.cell(row=rows[second.pk], column=4, value=20)
    sheet.cell(row=rows[second.pk], column=5, value=160)
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert _upload(client, buffer.getvalue()).status_code == 302
    assert WorkRecord.objects.count() == 2


def test_a_malformed_upload_is_refused_in_korean(site, client_as):
    _placement(site)
    response = _upload(client_as(Role.DISTRICT_OFFICER), b"not an excel file")
    assert response.status_code == 400
    assert "엑셀" in response.content.decode()


def test_division_staff_place_a_calls_selected_people_from_the_page(site, client_as):
    from iljari.participation.tests.test_placements import _selected_call

    call, people = _selected_call(2)
    client = client_as(Role.DIVISION_STAFF)
    assert "배치를 기다리는 선발자" in client.get("/participation/").content.decode()
    page = client.get(f"/participation/calls/{call.code}/place/")
    assert page.status_code == 200 and "2명" in page.content.decode()
    bad = client.post(
        f"/participation/calls/{call.code}/place/",
        {"worksites": ["ND-CITY"], "start_date": "2018-03-02", "end_date": "2020-03-01"},
    )
    assert bad.status_code == 400 and "최대 23개월" in bad.content.decode()
    ok = client.post(
        f"/participation/calls/{call.code}/place/",
        {"worksites": ["ND-CITY"], "start_date": "2018-03-02", "end_date": "2018-12-31"},
    )
    assert ok.status_code == 302
    assert Placement.objects.filter(application__call=call).count() == 2
    # a district officer sees no call without a quota of its district: not found, as if it did not exist
    assert client_as(Role.DISTRICT_OFFICER).get(f"/participation/calls/{call.code}/place/").status_code == 404


def test_citizen_sees_own_placement_and_pay(site, client_as, personas):
    citizen = personas[Role.CITIZEN]
    person = make_person()
    person.user = citizen
    person.save(update_fields=["user"])
    mine = _placement(site, person=person)
    _placement(site, worksite="jongno")
    services.work_record_set(
        actor=None, placement=mine, month=date(2018, 5, 1), days_worked=21, hours_worked=168, full_weeks=4
    )
    services.pay_compute(actor=None, month=date(2018, 5, 1))
    page = client_as(Role.CITIZEN).get("/portal/placements/").content.decode()
    assert "강동구 골목상권 활성화" in page and "종로구 문화해설" not in page
    assert f"{Payment.objects.get(placement=mine).total:,}" in page
    assert client_as(Role.CITIZEN).get(f"/participation/placements/{mine.pk}/").status_code == 403


def test_living_wage_is_kept_by_staff_only(site, client_as):
    response = client_as(Role.DIVISION_STAFF).post("/participation/tables/", {"year": "2020", "hourly": "10523"})
    assert response.status_code == 302
    page = client_as(Role.DISTRICT_OFFICER).get("/participation/tables/").content.decode()
    assert "10,523" in page
    assert (
        client_as(Role.DISTRICT_OFFICER).post("/participation/tables/", {"year": "2021", "hourly": "1"}).status_code
        == 403
    )
    bad = client_as(Role.DIVISION_STAFF).post("/participation/tables/", {"year": "2021", "hourly": "-5"})
    assert bad.status_code == 400


def test_placement_end_and_outcome_through_the_page(site, client_as):
    placement = _placement(site)
    client = client_as(Role.DISTRICT_OFFICER)
    early = client.post(f"/participation/placements/{placement.pk}/end/", {"ended_on": "2018-05-31"})
    assert early.status_code == 400 and "중도 포기 사유" in early.content.decode()
    assert client.post(
        f"/participation/placements/{placement.pk}/end/", {"ended_on": "2018-05-31", "reason": "employed"}
    ).status_code == 302  # fmt: skip
    assert client.post(
        f"/participation/placements/{placement.pk}/outcome/",
        {"employed_on": "2018-06-01", "employer": "(주)서울", "kind": "regular"},
    ).status_code == 302  # fmt: skip
    page = client.get("/participation/employment/?year=2018").content.decode()
    assert "100.0%" in page


def test_viewing_one_participants_page_adds_exactly_one_access_log_entry_naming_them(site, client_as):
    person = make_person()
    placement = _placement(site, person=person)
    before = AccessLogEntry.objects.count()
    response = client_as(Role.DIVISION_STAFF).get(f"/participation/placements/{placement.pk}/", REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    assert AccessLogEntry.objects.count() == before + 1
    entry = AccessLogEntry.objects.latest("pk")
    assert (entry.username, entry.action, entry.subject_type) == ("t_staff", "view", "people.person")
    assert (entry.subject_ids, entry.remote_addr) == (str(person.pk), "10.1.2.3")
    assert person.rrn not in entry.detail + entry.subject_ids


def test_worksite_page_filters_by_year_and_counts_the_page_worksites(site, client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _placement(site, "gangdong")
    _placement(site, "gangdong")
    client = client_as(Role.DISTRICT_OFFICER)
    page = client.get("/participation/").content.decode()
    assert '<option value="2018" selected>2018년</option>' in page  # the newest year, its programmes listed
    assert "2018년 전체" in page
    row = re.search(r'<td class="ilj-num" data-capacity>(.*?)</td><td class="ilj-num">(\d+)</td>', page)
    assert re.sub(r"<[^>]+>", "", row.group(1)) == "10 / 2" and row.group(2) == "2"  # 정원 / 배치, 누적
    bad = client.get("/participation/?year=1999")
    assert bad.status_code == 200 and "최근 연도를 보여 줍니다" in bad.content.decode()
    with CaptureQueriesContext(connection) as before:
        client.get("/participation/")
    for _ in range(3):
        _placement(site, "gangdong")
    with CaptureQueriesContext(connection) as after:
        client.get("/participation/")
    assert len(after) == len(before)
