"""The transfer pages over HTTP: the 강동구 officer makes the month's files, downloads the bank file (access-logged,
named in Korean), uploads the bank's result; the statuses show on the worksite's transfer page and on the
participant's page; the auditor reads but does not pay; a partner agency does not reach the worksite."""

from __future__ import annotations

from urllib.parse import unquote

from django.core.files.uploadedfile import SimpleUploadedFile

from iljari.core.bankfile import transfer_file_read
from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.core.tests.test_plain_identifiers import _read, _vocabulary, findings
from iljari.payroll import transfers
from iljari.payroll.models import TransferBatch, TransferLine
from iljari.payroll.tests.test_transfers import month  # noqa: F401 - the fixture

PAGE = "/payroll/transfers/PW-GD/2018-5/"


def test_the_officer_makes_the_files_downloads_them_and_reconciles_the_result(month, client_as):  # noqa: F811
    officer = client_as(Role.DISTRICT_OFFICER)
    worksite_page = officer.get("/participation/worksites/PW-GD/?month=2018-05").content.decode()
    assert f'href="{PAGE}"' in worksite_page  # the confirmed month links to its transfers
    page = officer.get(PAGE).content.decode()
    assert "이체 파일 만들기" in page
    response = officer.post(f"{PAGE}make/", follow=True)
    page = response.content.decode()
    assert "이체 파일을 만들었습니다: 서울특별시 2건 · 강동구 2건." in page
    assert "123-*****-9012" in page and "123456789012" not in page
    assert "계좌 없음" in page and "정정 목록" in page
    city = TransferBatch.objects.get(payer="city")
    download = officer.get(f"/payroll/transfers/batches/{city.pk}/file/")
    assert download.status_code == 200
    assert "2018년 5월 강동구 하천변 정비 급여 이체(서울특별시).txt" in unquote(download["Content-Disposition"])
    read = transfer_file_read(download.content)
    assert read.count == 2 and read.total == city.total
    entry = AccessLogEntry.objects.order_by("-pk").first()
    assert entry.action == "download" and "은행 이체 파일" in entry.detail
    sheet = officer.get(f"/payroll/transfers/batches/{city.pk}/sheet/")
    assert sheet.status_code == 200 and ".xlsx" in unquote(sheet["Content-Disposition"])

    failing = TransferLine.objects.get(batch=city, person__name="라마바")
    result = transfers.transfer_result_sample(batch=city, failed={failing.reference: "0012"})
    upload = SimpleUploadedFile("result.txt", result)
    page = officer.post(f"/payroll/transfers/batches/{city.pk}/result/", {"file": upload}, follow=True)
    text = page.content.decode()
    assert "입금 1건" in text and "불능 1건" in text and "불능(예금주 불일치)" in text
    participant = officer.get(f"/participants/{failing.person_id}/").content.decode()
    assert "급여 이체" in participant and "불능(예금주 불일치)" in participant
    assert f'href="/people/{failing.person_id}/account/"' in participant  # the account is entered from here
    people_page = officer.get(f"/people/{failing.person_id}/account/").content.decode()
    dotted, names, values = _vocabulary()
    for html in (text, participant, people_page):  # no field names or English code values on these pages
        assert findings(_read(html), dotted=dotted, names=names, values=values, allowed_words={"t_district"}) == []

    bad = SimpleUploadedFile("result.txt", b"not a bank file")
    gu = TransferBatch.objects.get(payer="11740")
    refused = officer.post(f"/payroll/transfers/batches/{gu.pk}/result/", {"file": bad})
    assert refused.status_code == 400 and "은행 결과 파일을 읽을 수 없습니다" in refused.content.decode()
    assert not TransferLine.objects.filter(batch=gu, status="paid").exists()


def test_the_auditor_reads_but_does_not_pay_and_a_partner_does_not_reach(month, client_as):  # noqa: F811
    transfers.transfer_batches_make(actor=None, worksite=month["works"], month=month["deductions"]["가나다"].month)
    city = TransferBatch.objects.get(payer="city")
    auditor = client_as(Role.AUDITOR)
    page = auditor.get(PAGE)
    assert page.status_code == 200 and "은행 이체 파일 받기" not in page.content.decode()
    assert auditor.get(f"/payroll/transfers/batches/{city.pk}/file/").status_code == 403
    assert auditor.post(f"{PAGE}make/").status_code == 403
    partner = client_as(Role.PARTNER_AGENCY)
    assert partner.get(PAGE).status_code == 404
    assert partner.get(f"/payroll/transfers/batches/{city.pk}/file/").status_code == 404
    assert client_as(Role.CITIZEN).get(PAGE).status_code == 403
