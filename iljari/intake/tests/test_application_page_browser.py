"""In a real browser, at a desktop's width (1366×900) and a phone's (390×844): a citizen opens 내 신청, then the
application's page, follows its steps, prints the 접수증 (the PDF downloaded and read back with pdftotext), changes
the application before the deadline and withdraws it after confirming."""

import subprocess
from zoneinfo import ZoneInfo

import pytest

from iljari.core.roles import Role
from iljari.intake import services
from iljari.intake.models import Application
from iljari.intake.tests.factories import PNG, make_call, upload
from iljari.people.tests.factories import make_person
from iljari.testing import BROWSER_MARKS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS


@pytest.mark.parametrize(("width", "height"), [(1366, 900), (390, 844)])
def test_a_citizen_follows_prints_changes_and_withdraws_an_application(
    transactional_db, personas, dataset_2018, media_root, page, tmp_path, width, height
):
    call = make_call(f"WALK{width}")
    person = make_person(user=personas[Role.CITIZEN], name="홍길동")
    services.application_save(
        actor=None,
        call=call,
        person=person,
        quota=call.quotas.get(code="CITY"),
        documents={"주민등록등본": upload(), "구직등록 확인서": upload("확인서.png", PNG, "image/png")},
    )
    application = services.application_submit(actor=None, call=call, person=person, quota=call.quotas.get(code="CITY"))
    page.set_viewport_size({"width": width, "height": height})
    _log_in(page, personas[Role.CITIZEN].username)
    page.wait_for_url("**/")

    page.goto("/portal/applications/")
    page.get_by_role("region", name="내 신청 표").get_by_role("link", name=call.title).click()
    page.wait_for_url(f"**/portal/applications/{application.pk}/")
    steps = page.get_by_role("list", name="진행 단계")
    assert steps.get_by_role("listitem").all_inner_texts()[0].startswith("1. 접수")
    assert steps.locator("[aria-current=step]").inner_text().startswith("2. 자격 확인")
    assert "신청 자격 요건을 모두 갖추었습니다." in page.content()

    with page.expect_download() as caught:
        page.get_by_role("link", name="접수증 내려받기(PDF)").click()
    download = caught.value
    assert download.suggested_filename.startswith(f"접수증 {application.pk}")
    pdf = tmp_path / "receipt.pdf"
    download.save_as(pdf)
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert f"접수번호 {application.pk}" in text and call.title in text and "홍*동" in text and "홍길동" not in text
    seoul = application.submitted_at.astimezone(ZoneInfo("Asia/Seoul"))
    assert f"{seoul:%Y}.{seoul.month}.{seoul.day}. {seoul:%H:%M:%S} (한국 표준시)" in text

    page.get_by_role("link", name="신청 고치기").click()
    page.wait_for_url(f"**/portal/calls/{call.code}/")
    page.get_by_role("combobox", name="선발 구분").select_option(label="자치구 (1명)")
    page.get_by_role("button", name="고친 내용 저장").click()
    page.wait_for_url(f"**/portal/applications/{application.pk}/")
    assert "신청 내용을 고쳤습니다." in page.content()
    assert Application.objects.get(pk=application.pk).quota.code == "DISTRICT"

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="신청 철회").click()
    page.wait_for_load_state()
    page.get_by_text("신청을 철회했습니다.").first.wait_for()
    assert Application.objects.get(pk=application.pk).status == "withdrawn"
    assert page.get_by_role("list", name="진행 단계").locator("[aria-current=step]").inner_text().startswith("1. 접수")
