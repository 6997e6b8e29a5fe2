"""The grants pages and API: an agreement from a confirmed call's selected application through the form, the steps
on the detail page (a bad step answers 400 with the Korean message and writes nothing), the xlsx export, the
grantee's own pages, and the scope (a district officer sees their district's agreements, another organisation's
agreement is 404)."""

from __future__ import annotations

import html
import io
from datetime import date, timedelta

from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from iljari.approvals.tests.factories import approve_through, make_official, open_request
from iljari.core import services as core_services
from iljari.core.roles import Position, Role
from iljari.enterprises.tests.factories import make_organisation
from iljari.grants import services
from iljari.grants.models import Disbursement, GrantAgreement, SpendingReport
from iljari.intake import services as intake_services
from iljari.org.models import District
from iljari.plan.models import Programme
from iljari.testing import PASSWORD

MILLION = 1_000_000


def text(response) -> str:
    return html.unescape(response.content.decode())


def confirmed_call_application(grantee):
    opens = timezone.now() - timedelta(days=10)
    call = intake_services.call_set(
        actor=None, code="YOUTH-PPP-2018", programme=Programme.objects.get(code="P1-04"),
        title="청년일자리 민관협력사업 수행기관 공모", opens_at=opens, closes_at=opens + timedelta(days=5),
        announce_on=(opens + timedelta(days=8)).date(), quotas=[("ORG", "수행기관", 5)], eligibility=[],
        has_document_review=False, has_interview=False, audience="organisations",
        criteria=[("PLAN", "사업계획의 충실성", 100)],
    )  # fmt: skip
    application = intake_services.application_org_submit(
        actor=None, call=call, organisation=grantee, now=opens + timedelta(days=1)
    )
    intake_services.selection_run(actor=None, call=call, seed=1)
    intake_services.selection_confirm(actor=None, call=call)
    application.refresh_from_db()
    return application


def test_staff_make_an_agreement_from_a_selected_application_sign_and_disburse(
    office, client_as, youth_programme, grantee
):
    application = confirmed_call_application(grantee)
    staff = client_as(Role.DIVISION_STAFF)
    form_url = f"/grants/programmes/{youth_programme.code}/agreements/new/"
    page = text(staff.get(form_url))
    assert f'<option value="{application.pk}">{grantee.name}' in page
    data = {
        "application": str(application.pk), "code": "2018-YJ-100", "title": "청년 소셜 리빙랩",
        "starts_on": "2018-08-01", "ends_on": "2019-01-31", "city_amount": "300000000", "matched_amount": "10000000",
        "jobs_planned": "10", "district": "",
    }  # fmt: skip
    bad = staff.post(form_url, data)
    assert bad.status_code == 400 and "매칭이 모자랍니다" in text(bad)
    assert not GrantAgreement.objects.exists()
    response = staff.post(form_url, {**data, "matched_amount": "40000000"})
    assert response.status_code == 302
    agreement = GrantAgreement.objects.get(code="2018-YJ-100")
    assert agreement.application == application and agreement.grantee == grantee
    # the same application cannot be agreed twice: it is no longer offered
    assert f'<option value="{application.pk}"' not in text(staff.get(form_url))

    base = f"/grants/agreements/{agreement.code}/"
    signing = staff.post(base + "sign/", {"signed_on": "2018-08-01"})  # a clerk: on to the approval's draft form
    assert signing["Location"] == f"/approvals/new/grants.agreement_sign/{agreement.code}/2018-08-01/"
    chief = make_official("t_chief", position=Position.DIRECTOR)
    assert staff.post(signing["Location"], {"approver": chief.pk}).status_code == 302
    assert "협약 체결 <a" in text(staff.get(base)) and GrantAgreement.objects.get(pk=agreement.pk).status == "draft"
    approve_through(open_request("grants.agreement_sign", f"{agreement.code}/2018-08-01"))
    # 교부 is an approval too: the clerk goes on to its draft form (the note goes with it), the 담당관 approves
    paying = staff.post(base + "disbursements/", {"paid_on": "2018-08-10", "amount": "200000000", "note": "1차분"})
    draft = f"/approvals/new/grants.disburse/{agreement.code}/2018-08-10/200000000/"
    assert paying.status_code == 302 and paying["Location"] == f"{draft}?note=1%EC%B0%A8%EB%B6%84"
    assert "1차분</textarea>" in text(staff.get(paying["Location"]))
    assert staff.post(draft, {"approver": chief.pk, "note": "1차분"}).status_code == 302
    assert not Disbursement.objects.filter(agreement=agreement).exists()  # nothing paid before the final approval
    assert "결재 중(결재 #" in text(staff.get(base)).split('id="disburse-title"')[1]
    approve_through(open_request("grants.disburse", f"{agreement.code}/2018-08-10/200000000"))
    assert Disbursement.objects.get(agreement=agreement).note == "1차분"
    beyond = staff.post(base + "disbursements/", {"paid_on": "2018-09-10", "amount": "150000000"})
    assert beyond.status_code == 400
    assert "남은 금액은 100,000,000원입니다" in text(beyond)
    assert Disbursement.objects.filter(agreement=agreement).count() == 1
    detail = text(staff.get(base))
    assert 'id="disbursed">200,000,000<' in detail
    assert "변경 이력" in detail and "협약 체결" in detail

    settle = staff.post(base + "settlement/", {"settled_on": "2018-12-20", "spent": "190000000", "returned": "0"})
    assert settle.status_code == 400 and "10,000,000원이 모자랍니다" in text(settle)


def test_the_agreement_list_searches_pages_and_exports_xlsx(office, client_as, make_agreement, grantee):
    for n in range(23):
        make_agreement(f"2018-YJ-{n:03d}")
    staff = client_as(Role.AUDITOR)
    first = staff.get("/grants/")
    assert first.status_code == 200 and "모두 23건" in text(first)
    assert staff.get("/grants/?page=2").status_code == 200
    assert "모두 1건" in text(staff.get("/grants/?q=2018-YJ-007"))
    assert "모두 23건" in text(staff.get(f"/grants/?q={grantee.business_number[:5]}"))
    export = staff.get("/grants/export.xlsx?q=2018-YJ-00")
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]]
    assert len(rows) == 10 and rows[0][7] == 300 * MILLION
    assert staff.get("/grants/?page=x&year=abc").status_code == 200  # bad paging and filters: no error


def test_the_grantee_reports_on_its_own_agreement_and_sees_no_other(office, make_agreement, grantee_user):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    other = make_agreement("2018-YJ-OTHER", grantee=make_organisation("다른기관"), sign_on=date(2018, 8, 1))
    client = Client()
    client.force_login(grantee_user)
    listing = text(client.get("/grants/mine/"))
    assert agreement.code in listing and other.code not in listing
    assert client.get(f"/grants/mine/{other.code}/").status_code == 404
    assert client.get(f"/grants/agreements/{agreement.code}/").status_code == 403  # the office pages are not theirs
    url = f"/grants/mine/{agreement.code}/"
    bad = client.post(url, {"step": "report", "period_end": "2018-09-30", "jobs_created": "3",
                            "item_project": "999000000"})  # fmt: skip
    assert bad.status_code == 400 and "총사업비" in text(bad)
    good = client.post(url, {"step": "report", "period_end": "2018-09-30", "jobs_created": "3",
                             "item_personnel": "30000000", "item_project": "5000000"})  # fmt: skip
    assert good.status_code == 302
    report = SpendingReport.objects.get(agreement=agreement)
    assert {i.category: i.amount for i in report.items.all()} == {"personnel": 30_000_000, "project": 5_000_000}
    api = client.get(f"/api/grants/agreements/{agreement.code}")
    assert api.status_code == 200 and api.json()["city_amount"] == 300 * MILLION
    assert client.get(f"/api/grants/agreements/{other.code}").status_code == 404


def test_a_district_officer_sees_only_their_districts_agreements(office, client_as, make_agreement):
    own = make_agreement("2018-GD-1", district=District.objects.get(code="11740"))  # 강동구
    other = make_agreement("2018-JR-1", district=District.objects.get(code="11110"))  # 종로구
    district = client_as(Role.DISTRICT_OFFICER)
    listing = text(district.get("/grants/"))
    assert own.code in listing and other.code not in listing
    assert district.get(f"/grants/agreements/{other.code}/").status_code == 404
    assert district.get(f"/api/grants/agreements/{other.code}").status_code == 404
    assert district.get(f"/grants/agreements/{own.code}/").status_code == 200
    # reading is not keeping: the district officer cannot disburse
    services.agreement_sign(actor=None, agreement=own, signed_on=date(2018, 8, 1))
    refused = district.post(f"/grants/agreements/{own.code}/disbursements/", {"paid_on": "2018-08-10", "amount": "1"})
    assert refused.status_code == 403
    assert client_as(Role.PARTNER_AGENCY).get(f"/grants/agreements/{own.code}/").status_code == 404


def test_staff_of_another_division_cannot_keep_the_programmes_agreements(office, make_agreement):
    from iljari.org.models import OrgUnit

    agreement = make_agreement(sign_on=date(2018, 8, 1))
    outsider = core_services.user_create(
        actor=None, username="t_se_staff", password=PASSWORD, role=Role.DIVISION_STAFF,
        org_unit=OrgUnit.objects.get(code="SOCIAL-ECONOMY"),
    )  # fmt: skip
    client = Client()
    client.force_login(outsider)
    url = f"/grants/agreements/{agreement.code}/disbursements/"
    assert client.post(url, {"paid_on": "2018-08-10", "amount": "1000"}).status_code == 403
    response = client.post(
        f"/api/grants/agreements/{agreement.code}/disbursements",
        {"paid_on": "2018-08-10", "amount": 1000},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Disbursement.objects.exists()


def test_the_api_disburses_and_refuses_beyond_the_agreement_in_korean(office, client_as, make_agreement):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    staff = client_as(Role.DIVISION_STAFF)
    url = f"/api/grants/agreements/{agreement.code}/disbursements"
    # 교부 is an approval (결재): a clerk's tranche is not paid here; the answer names the act and target to draft
    direct = staff.post(url, {"paid_on": "2018-08-10", "amount": 250_000_000}, content_type="application/json")
    key = f"{agreement.code}/2018-08-10/250000000"
    assert direct.status_code == 400 and f"act: grants.disburse, target: {key}" in str(direct.json())
    assert not Disbursement.objects.exists()
    chief = make_official("t_chief", position=Position.DIRECTOR)
    drafted = staff.post(
        "/api/approvals", {"act": "grants.disburse", "target": key, "approver": chief.username},
        content_type="application/json",
    )  # fmt: skip
    assert drafted.status_code == 201 and not Disbursement.objects.exists()
    approver = Client()
    approver.force_login(chief)
    approved = approver.post(f"/api/approvals/{drafted.json()['id']}/approve", {}, content_type="application/json")
    assert approved.status_code == 200
    paid = Disbursement.objects.get()
    assert (paid.number, paid.amount, paid.paid_on) == (1, 250_000_000, date(2018, 8, 10))
    beyond = staff.post(url, {"paid_on": "2018-08-20", "amount": 60_000_000}, content_type="application/json")
    assert beyond.status_code == 400
    body = beyond.json()
    assert body["code"] == "validation_error" and "남은 금액은 50,000,000원" in body["errors"][0]["message"]
    listing = staff.get("/api/grants/agreements?q=2018-YJ").json()
    assert listing[0]["disbursed"] == 250_000_000
    programmes = staff.get("/api/grants/programmes?year=2018").json()
    assert programmes[0]["code"] == "2018-YOUTH-PPP" and programmes[0]["disbursed"] == 250_000_000


def test_the_grantee_uploads_a_payroll_and_staff_approve_it_as_a_tranche(office, client_as, make_agreement,
                                                                         wage_programme, grantee_user):  # fmt: skip
    from iljari.grants.models import Payroll
    from iljari.grants.tests.test_evaluation_payroll_jobs import _payroll_xlsx

    agreement = make_agreement("2018-SE-W-100", programme=wage_programme, city=10 * MILLION, matched=0,
                               sign_on=date(2018, 8, 1))  # fmt: skip
    client = Client()
    client.force_login(grantee_user)
    assert client.get("/grants/payrolls/template.xlsx").status_code == 200
    url = f"/grants/mine/{agreement.code}/"

    def upload(rows, name="payroll.xlsx"):
        from django.core.files.uploadedfile import SimpleUploadedFile

        data = _payroll_xlsx(rows)
        return client.post(url, {"step": "payroll", "title": "8월분", "file": SimpleUploadedFile(name, data)})

    bad = upload([("E1", "김하나", "2018-13", 1_800_000, 170_000)])
    assert bad.status_code == 400 and "지급월" in text(bad)
    assert upload([("E1", "김하나", "2018-08", 1_800_000, 170_000)], name="payroll.csv").status_code == 400
    assert not Payroll.objects.exists()
    good = upload([("E1", "김하나", "2018-08", 1_800_000, 170_000), ("E2", "이두리", "2018-08", 2_000_000, 190_000)])
    assert good.status_code == 302
    payroll = Payroll.objects.get()
    assert payroll.subsidy == 1_260_000 + 1_300_000 + 170_000 + 190_000  # 70% of the wage, at most 1,300,000
    assert client.post(f"/grants/payrolls/{payroll.pk}/", {"paid_on": "2018-09-10"}).status_code == 403
    staff = client_as(Role.OFFICE_MANAGER)
    page = text(staff.get(f"/grants/payrolls/{payroll.pk}/"))
    assert 'id="subsidy">2,920,000<' in page
    assert staff.post(f"/grants/payrolls/{payroll.pk}/", {"paid_on": "2018-09-10"}).status_code == 302
    assert Disbursement.objects.get(agreement=agreement).amount == 2_920_000
    assert client_as(Role.DISTRICT_OFFICER).get(f"/grants/payrolls/{payroll.pk}/").status_code == 404


def test_the_programme_pages_show_the_rule_and_totals(office, client_as, make_agreement, youth_programme):
    agreement = make_agreement(sign_on=date(2018, 8, 1))
    services.disbursement_record(actor=None, agreement=agreement, paid_on=date(2018, 8, 10), amount=100 * MILLION)
    staff = client_as(Role.AUDITOR)
    listing = text(staff.get("/grants/programmes/"))
    assert "청년일자리 민관협력사업" in listing and "100,000,000" in listing
    detail = text(staff.get(f"/grants/programmes/{youth_programme.code}/"))
    assert "자부담 10% 이상" in detail and agreement.code in detail
    assert "협약 만들기" not in detail  # the auditor reads only
    assert staff.get("/grants/programmes/NOPE/").status_code == 404
    assert staff.get(f"/grants/programmes/{youth_programme.code}/agreements/new/").status_code == 403


def test_staff_set_up_a_grant_programme_of_their_division(office, client_as):
    from iljari.grants.models import GrantProgramme

    staff = client_as(Role.DIVISION_STAFF)  # 일자리정책담당관
    page = text(staff.get("/grants/programmes/new/?year=2018"))
    assert "P1-04" in page and "P3-01" not in page  # only their division's 주요업무
    assert "JOBS-POLICY-2018" in page and "SOCIAL-ECONOMY-2018" not in page
    data = {
        "code": "2018-YOUTH-X", "year": "2018", "name": "청년일자리 민관협력사업(추가)", "kind": "project",
        "programme": "P1-04", "budget_line": "JOBS-POLICY-2018", "matched_source": "none", "matched_ratio": "10",
        "job_count": "reported", "target_group": "", "job_kind": "direct", "wage_share": "0", "wage_cap": "0",
        "insurance_share": "0", "min_amount": "100000000", "max_amount": "600000000",
    }  # fmt: skip
    bad = staff.post("/grants/programmes/new/", data)
    assert bad.status_code == 400
    assert "매칭이 없으면 매칭 비율은 0입니다" in text(bad) and "사업대상을 고르십시오" in text(bad)
    assert not GrantProgramme.objects.exists()
    good = staff.post("/grants/programmes/new/", {**data, "matched_source": "own_funds", "target_group": "youth"})
    assert good.status_code == 302
    made = GrantProgramme.objects.get(code="2018-YOUTH-X")
    assert made.matching_text == "자부담 10% 이상" and made.min_amount == 100_000_000
