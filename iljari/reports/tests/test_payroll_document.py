"""A worksite's payroll as a document (PDF, HWPX, XLSX) beside the Excel sheet: built in the background from the
worksite's page by whoever may see that worksite, the resident numbers masked, the people it names access-logged,
its figures equal to the computed pay."""

import io
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from iljari.core.models import AccessLogEntry, BackgroundJob
from iljari.core.roles import Role
from iljari.participation import services
from iljari.participation.models import Payment
from iljari.participation.tests.factories import make_site
from iljari.payroll.models import PayDeduction
from iljari.payroll.services import deductions_compute
from iljari.people.tests.factories import make_person

MAY = "?year=2018&as_of=2018-05-31"


@pytest.fixture
def paid(personas, media_root, dataset_2018):
    site = make_site()
    people = [make_person(), make_person()]
    placements = [
        services.placement_create(
            actor=None,
            person=person,
            worksite=site["gangdong"],
            start_date=date(2018, 3, 2),
            end_date=date(2018, 12, 31),
        )  # fmt: skip
        for person in people
    ]
    for placement, days in zip(placements, (21, 18), strict=True):
        services.work_record_set(
            actor=None, placement=placement, month=date(2018, 5, 1), days_worked=days, hours_worked=days * 8,
            full_weeks=4,
        )  # fmt: skip
    services.pay_compute(actor=None, month=date(2018, 5, 1))
    deductions_compute(actor=None, month=date(2018, 5, 1))
    return people


REASON = "5월 급여 지급 결재 첨부"


def _build(client, fmt, django_capture_on_commit_callbacks, worksite="ND-GD", purpose="payment"):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/office/reports/build/{MAY}",
            {"kind": "payroll", "subject": worksite, "format": fmt, "purpose": purpose, "reason": REASON},
        )
    return response


def _download(client, response) -> bytes:
    job = BackgroundJob.objects.get(pk=int(response["Location"].strip("/").split("/")[-1]))
    assert job.status == "succeeded", job.error
    return b"".join(client.get(f"/jobs/{job.pk}/download/").streaming_content)


def test_the_district_officer_builds_the_payroll_pdf_from_the_worksite_page(
    paid, client_as, django_capture_on_commit_callbacks
):
    officer = client_as(Role.DISTRICT_OFFICER)
    page = officer.get("/participation/worksites/ND-GD/?month=2018-05").content.decode()
    assert "급여대장 문서 만들기" in page and 'name="subject" value="ND-GD"' in page and "as_of=2018-05-31" in page
    assert 'name="purpose"' in page and 'name="reason"' in page  # personal data: the purpose and the reason
    data = _download(officer, _build(officer, "pdf", django_capture_on_commit_callbacks))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    total = sum(Payment.objects.filter(month=date(2018, 5, 1)).values_list("total", flat=True))
    assert "2018년 5월 급여대장" in text and f"{total:,}" in text.replace(" ", "")
    for person in paid:
        assert person.rrn_masked in text and person.rrn not in text and person.rrn.replace("-", "") not in text
    assert "목적급여지급·정산" in text.replace(" ", "") and "외부제공금지" in text.replace(" ", "")  # the watermark
    entry = AccessLogEntry.objects.filter(action="download").latest("pk")
    assert set(map(int, entry.subject_ids.split(","))) == {p.pk for p in paid} and "급여대장 PDF" in entry.detail
    assert entry.reason == REASON and "목적: 급여 지급·정산" in entry.detail


def test_for_statistics_the_names_are_masked_and_the_resident_numbers_left_out(
    paid, client_as, django_capture_on_commit_callbacks
):
    from iljari.core.exports import mask_name

    staff = client_as(Role.DIVISION_STAFF)
    data = _download(staff, _build(staff, "md", django_capture_on_commit_callbacks, purpose="statistics"))
    text = data.decode()
    assert "주민등록번호(목적상 제외)" in text
    for person in paid:
        assert mask_name(person.name) in text and person.name not in text and person.rrn_masked not in text


def test_without_a_purpose_or_a_reason_no_payroll_is_built(paid, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    bare = {"kind": "payroll", "subject": "ND-GD", "format": "pdf"}
    response = staff.post(f"/office/reports/build/{MAY}", bare)
    page = response.content.decode()
    assert response.status_code == 400 and "이용 목적을 고르십시오." in page and "내려받는 사유를 적으십시오." in page
    short = staff.post(f"/office/reports/build/{MAY}", {**bare, "purpose": "payment", "reason": "급여"})
    assert short.status_code == 400 and "5자 이상" in short.content.decode()
    assert not BackgroundJob.objects.exists() and not AccessLogEntry.objects.filter(action="download").exists()


def test_the_xlsx_and_hwpx_hold_each_persons_pay_as_computed(paid, client_as, django_capture_on_commit_callbacks):
    staff = client_as(Role.DIVISION_STAFF)
    workbook = load_workbook(io.BytesIO(_download(staff, _build(staff, "xlsx", django_capture_on_commit_callbacks))))
    sheet = workbook[next(name for name in workbook.sheetnames if name.startswith("급여대장"))]
    rows = {row[1]: row for row in sheet.iter_rows(values_only=True) if row and row[1]}
    for person in paid:
        payment = Payment.objects.get(placement__person=person)
        assert rows[person.name][10] == payment.total and rows[person.name][6] == payment.work_pay
        line = PayDeduction.objects.get(payment=payment)  # each deduction, 공제 계, 실지급액, the employer's share
        assert rows[person.name][11:] == (
            line.pension, line.health, line.care, line.employment, line.income_tax, line.local_tax,
            line.deductions, line.net, line.employer_total,
        )  # fmt: skip
        assert line.net == payment.total - line.deductions > 0
    hwpx = _download(staff, _build(staff, "hwpx", django_capture_on_commit_callbacks))
    with zipfile.ZipFile(io.BytesIO(hwpx)) as package:
        section = package.read("Contents/section0.xml").decode()
    assert all(person.rrn_masked in section and person.rrn not in section for person in paid)


def test_another_districts_worksite_is_not_found_and_starts_nothing(paid, client_as):
    officer = client_as(Role.DISTRICT_OFFICER)  # 강동구's officer; ND-JN is 종로구's
    response = officer.post(
        f"/office/reports/build/{MAY}",
        {"kind": "payroll", "subject": "ND-JN", "format": "pdf", "purpose": "payment", "reason": REASON},
    )
    assert response.status_code == 404 and not BackgroundJob.objects.exists()
    assert officer.post(f"/office/reports/build/{MAY}", {"format": "pdf"}).status_code == 403  # the office's report
    assert (
        client_as(Role.CITIZEN)
        .post(f"/office/reports/build/{MAY}", {"kind": "payroll", "subject": "ND-GD", "format": "pdf"})
        .status_code
        == 403
    )


def test_the_command_writes_the_payroll_and_logs_the_people_it_names(paid, tmp_path):
    from django.core.management import call_command

    out = tmp_path / "payroll.md"
    call_command(
        "report", "payroll", "--worksite", "ND-GD", "--year", "2018", "--as-of", "2018-05-31", "--format", "md",
        "--purpose", "audit", "--reason", "감사 자료 제출", "-o", str(out),
    )  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert all(person.name in text and person.rrn_masked in text for person in paid)
    entry = AccessLogEntry.objects.filter(action="download").latest("pk")
    assert set(map(int, entry.subject_ids.split(","))) == {p.pk for p in paid} and "(명령줄)" in entry.detail
    assert entry.reason == "감사 자료 제출" and "목적 감사·점검" in text  # the watermark in the file


def test_the_command_refuses_a_payroll_without_a_purpose_or_a_reason(paid, tmp_path):
    from django.core.management import CommandError, call_command

    out = tmp_path / "payroll.md"
    base = ["report", "payroll", "--worksite", "ND-GD", "--year", "2018", "--as-of", "2018-05-31", "-o", str(out)]
    with pytest.raises(CommandError, match="--reason"):
        call_command(*base, "--purpose", "audit")
    with pytest.raises(CommandError, match="이용 목적을 고르십시오"):
        call_command(*base, "--reason", "감사 자료 제출")
    assert not out.exists()
