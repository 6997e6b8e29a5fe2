# ruff: noqa: F811  (the fixtures imported from union_fixtures are redefined as test arguments)
"""The unions' pages and API per role: the list and a union's page (sub-projects, tranches, rounds), the union's
own account reading its own only, the students' page with masked names and the access log, the upload, the
duplicate decision and the payment through HTTP; odd input answers 400 or 404, never 500."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.enterprises import services as enterprise_services
from iljari.enterprises.tests.factories import next_number
from iljari.grants import services
from iljari.grants.models import FoundationImport, ScholarshipRecipient, SubProject
from iljari.grants.services import unions
from iljari.grants.tests.union_fixtures import (  # noqa: F401
    MILLION,
    labour_programme,
    labour_staff,
    scholarship,
    scholarship_sub_project,
    student,
    union,
    union_agreement,
    union_user,
)


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def other_union_agreement(labour_programme):
    other = enterprise_services.organisation_register(
        actor=None, name="민주노총 서울지역본부(시험)", kind="labour_organisation", business_number=next_number()
    )
    agreement = services.agreement_create(
        actor=None, programme=labour_programme, grantee=other, code="2018-T-KCTU", title="민주노총 지원(시험)",
        starts_on=date(2018, 1, 1), ends_on=date(2018, 12, 31), city_amount=20 * MILLION,
    )  # fmt: skip
    return services.agreement_sign(actor=None, agreement=agreement, signed_on=date(2018, 1, 22))


def test_the_list_shows_each_union_with_its_sub_projects_paid_and_rate(union_agreement, other_union_agreement, office):
    unions.sub_project_add(actor=None, agreement=union_agreement, title="노동법률상담")
    services.disbursement_record(actor=None, agreement=union_agreement, paid_on=date(2018, 2, 12), amount=25 * MILLION)
    page = _as(office[Role.AUDITOR]).get("/grants/unions/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "한국노총 서울지역본부(시험)" in text and "민주노총 서울지역본부(시험)" in text
    assert "25.0%" in text
    api = _as(office[Role.AUDITOR]).get("/api/grants/unions").json()
    fktu = next(row for row in api if row["code"] == "2018-T-FKTU")
    assert (fktu["city_amount"], fktu["disbursed"], fktu["sub_projects"], fktu["disbursed_rate"]) == (
        100 * MILLION,
        25 * MILLION,
        1,
        25.0,
    )


def test_a_union_reads_its_own_agreement_only(union_agreement, other_union_agreement, union_user):
    client = _as(union_user)
    listed = client.get("/api/grants/unions").json()
    assert [row["code"] for row in listed] == ["2018-T-FKTU"]
    assert client.get("/grants/unions/2018-T-FKTU/").status_code == 200
    assert client.get("/grants/unions/2018-T-KCTU/").status_code == 404
    assert client.get("/api/grants/unions/2018-T-KCTU").status_code == 404
    assert (
        client.post("/grants/unions/2018-T-FKTU/sub-projects/", {"title": "x", "state": "running"}).status_code == 403
    )


def test_other_roles_are_refused_or_scoped(union_agreement, office):
    assert _as(office[Role.CITIZEN]).get("/grants/unions/").status_code == 403
    assert _as(office[Role.ORGANISATION]).get("/api/grants/unions").status_code == 403  # no organisation of its own
    assert _as(office[Role.DISTRICT_OFFICER]).get("/grants/unions/2018-T-FKTU/").status_code == 404  # no district
    assert Client().get("/grants/unions/").status_code == 302


def test_staff_add_and_correct_a_sub_project_and_allocate_a_tranche(union_agreement, labour_staff):
    client = _as(labour_staff)
    response = client.post(
        "/grants/unions/2018-T-FKTU/sub-projects/", {"title": "근로자복지관 강당증축", "budget": "", "state": "running"}
    )
    assert response.status_code == 302
    sub_project = SubProject.objects.get()
    bad = client.post(
        f"/grants/unions/2018-T-FKTU/sub-projects/{sub_project.pk}/",
        {"title": "근로자복지관 강당증축", "budget": str(200 * MILLION), "state": "running"},
    )
    assert bad.status_code == 400 and "협약 총액" in bad.content.decode()
    assert 'value="200000000"' in bad.content.decode()  # the input is kept
    tranche = services.disbursement_record(
        actor=None, agreement=union_agreement, paid_on=date(2018, 2, 12), amount=10 * MILLION
    )
    assert (
        client.post(f"/grants/unions/2018-T-FKTU/tranches/{tranche.pk}/", {"sub_project": sub_project.pk}).status_code
        == 302
    )
    detail = client.get("/api/grants/unions/2018-T-FKTU").json()
    assert detail["sub_project_list"][0]["paid"] == 10 * MILLION
    assert detail["tranches"][0]["sub_project"] == sub_project.pk
    assert client.post(f"/grants/unions/2018-T-FKTU/tranches/{tranche.pk}/", {"sub_project": "abc"}).status_code == 302
    assert client.post("/grants/unions/2018-T-FKTU/tranches/999999/", {"sub_project": ""}).status_code == 404
    page = client.get("/grants/unions/2018-T-FKTU/")
    assert "변경 이력" in page.content.decode()


def test_the_api_adds_a_sub_project_and_refuses_bad_input_in_korean(union_agreement, labour_staff, office):
    client = _as(labour_staff)
    made = client.post(
        "/api/grants/unions/2018-T-FKTU/sub-projects", {"title": "노동실태조사"}, content_type="application/json"
    )
    assert made.status_code == 201 and made.json()["order"] == 1
    bad = client.post(
        "/api/grants/unions/2018-T-FKTU/sub-projects",
        {"title": "노동실태조사", "state": "odd"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and set(bad.json()) >= {"code", "message", "errors"}
    refused = _as(office[Role.DIVISION_STAFF]).post(
        "/api/grants/unions/2018-T-FKTU/sub-projects", {"title": "x"}, content_type="application/json"
    )
    assert refused.status_code == 403


def test_the_students_page_masks_names_and_is_access_logged(scholarship, labour_staff, office, union_user):
    sky = student(scholarship)
    for user in (labour_staff, office[Role.AUDITOR], union_user):
        page = _as(user).get(f"/grants/unions/scholarships/{scholarship.pk}/")
        assert page.status_code == 200
        text = page.content.decode()
        assert "김*늘" in text and "김하늘" not in text
    logged = AccessLogEntry.objects.filter(subject_type="grants.scholarship_recipient", subject_ids=str(sky.pk))
    assert logged.count() == 3
    for role in (Role.DISTRICT_OFFICER, Role.PARTNER_AGENCY, Role.SYSTEM_ADMIN):
        assert _as(office[role]).get(f"/grants/unions/scholarships/{scholarship.pk}/").status_code in (403, 404)
    api = _as(office[Role.AUDITOR]).get(f"/api/grants/unions/scholarships/{scholarship.pk}/students").json()
    assert api[0]["name"] == "김*늘"
    assert _as(labour_staff).get(f"/grants/unions/students/{sky.pk}/").status_code == 200
    assert _as(labour_staff).get("/grants/unions/scholarships/0/").status_code == 404
    assert (
        _as(labour_staff).get(f"/grants/unions/scholarships/{scholarship.pk}/?sort=zzz&page=x&review=odd").status_code
        == 200
    )


def test_upload_flags_a_duplicate_and_payment_waits_for_the_decision(scholarship, labour_staff):
    sky = student(scholarship)
    client = _as(labour_staff)
    csv = "성명,생년월일,학교,지원 내용,지원액,지원 기간\n김하늘,2003-04-05,서울고등학교,국가장학금,1500000,2018\n"
    upload = SimpleUploadedFile("재단.csv", csv.encode("utf-8"), content_type="text/csv")
    assert client.post(f"/grants/unions/scholarships/{scholarship.pk}/foundation/", {"file": upload}).status_code == 302
    assert FoundationImport.objects.get().matches == 1
    refused = client.post(f"/grants/unions/students/{sky.pk}/payment/", {"paid_on": "2018-06-01"})
    assert refused.status_code == 400 and "중복 확인" in refused.content.decode()
    short = client.post(f"/grants/unions/students/{sky.pk}/decision/", {"decision": "kept", "reason": "짧음"})
    assert short.status_code == 400 and "결정 사유" in short.content.decode()
    api = client.post(
        f"/api/grants/unions/students/{sky.pk}/decision",
        {"decision": "kept", "reason": "등록금과 생활비로 지원 성격이 다름"},
        content_type="application/json",
    )
    assert api.status_code == 200 and api.json()["review"] == "kept"
    paid = client.post(
        f"/api/grants/unions/students/{sky.pk}/payment", {"paid_on": "2018-06-01"}, content_type="application/json"
    )
    assert paid.status_code == 200 and paid.json()["state"] == "paid"


def test_a_bad_upload_is_refused_on_the_page_with_its_row(scholarship, labour_staff):
    student(scholarship)
    csv = "성명,생년월일,학교,지원 내용,지원액,지원 기간\n김하늘,2003-02-30,서울고,국가장학금,1,2018\n"
    upload = SimpleUploadedFile("bad.csv", csv.encode("utf-8"), content_type="text/csv")
    page = _as(labour_staff).post(f"/grants/unions/scholarships/{scholarship.pk}/foundation/", {"file": upload})
    assert page.status_code == 400
    assert "2행 &#x27;생년월일&#x27;" in page.content.decode() or "2행 '생년월일'" in page.content.decode()
    assert not FoundationImport.objects.exists()
    other = SimpleUploadedFile("list.txt", b"x", content_type="text/plain")
    assert (
        _as(labour_staff).post(f"/grants/unions/scholarships/{scholarship.pk}/foundation/", {"file": other}).status_code
        == 400
    )


def test_the_union_adds_a_student_through_the_page_and_the_api(scholarship, union_user):
    client = _as(union_user)
    form = {"name": "이바다", "birth_date": "2004-05-06", "school": "한강중학교", "parent_name": "이철민"}
    assert client.post(f"/grants/unions/scholarships/{scholarship.pk}/students/", form).status_code == 302
    bad = client.post(f"/grants/unions/scholarships/{scholarship.pk}/students/", {**form, "birth_date": "2004-13-01"})
    assert bad.status_code == 400 and 'value="이바다"' in bad.content.decode()
    made = client.post(
        f"/api/grants/unions/scholarships/{scholarship.pk}/students",
        {**form, "name": "박구름", "birth_date": "2005-01-02"},
        content_type="application/json",
    )
    assert made.status_code == 201 and made.json()["name"] == "박*름"
    assert ScholarshipRecipient.objects.count() == 2
    assert (
        client.post(f"/grants/unions/students/{made.json()['id']}/payment/", {"paid_on": "2018-06-01"}).status_code
        == 403
    )


def test_the_students_export_asks_the_purpose_and_masks_for_statistics(scholarship, labour_staff):
    student(scholarship)
    client = _as(labour_staff)
    url = f"/grants/unions/scholarships/{scholarship.pk}/export.xlsx"
    assert client.get(url).status_code == 200
    response = client.post(url, {"purpose": "statistics", "reason": "장학금 통계 보고용"})
    assert response.status_code == 200
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert "김*늘" in values and "김하늘" not in values
    assert AccessLogEntry.objects.filter(subject_type="grants.scholarship_recipient", action="download").exists()


def test_a_formula_in_a_students_name_or_school_is_exported_as_text(scholarship, labour_staff):
    from io import BytesIO

    from openpyxl import load_workbook

    student(scholarship, name="=1+1", school='=HYPERLINK("http://x")', parent_name="@SUM(A1)")
    response = _as(labour_staff).post(
        f"/grants/unions/scholarships/{scholarship.pk}/export.xlsx", {"purpose": "audit", "reason": "감사 자료 확인용"}
    )
    sheet = load_workbook(BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    planted = [cell for cell in cells if cell.value.startswith(("=1+1", "=HYPERLINK", "@SUM"))]
    assert len(planted) == 3 and all(cell.data_type == "s" for cell in planted)


def test_the_auditor_reads_the_students_views_in_the_access_log_masked(scholarship, labour_staff, office):
    sky = student(scholarship)
    _as(labour_staff).get(f"/grants/unions/students/{sky.pk}/")
    page = _as(office[Role.AUDITOR]).get("/history/access/?subject_type=grants.scholarship_recipient")
    assert page.status_code == 200
    text = page.content.decode()
    assert "김*늘" in text and "김하늘" not in text
    assert f"/grants/unions/students/{sky.pk}/" in text


ODD = st.one_of(st.text(max_size=80), st.integers(-(10**20), 10**20), st.none(), st.booleans(), st.floats())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    payload=st.fixed_dictionaries(
        {}, optional={k: ODD for k in ("name", "birth_date", "school", "parent_name", "amount", "grade")}
    )
)
def test_odd_student_input_through_the_api_answers_201_or_400_never_500(scholarship, union_user, payload):
    response = _as(union_user).post(
        f"/api/grants/unions/scholarships/{scholarship.pk}/students", payload, content_type="application/json"
    )
    assert response.status_code in (201, 400, 422), response.content
    if response.status_code != 201:
        assert set(response.json()) >= {"code", "message"}


def test_the_agreement_pages_of_a_union_link_to_its_sub_projects(union_agreement, make_agreement, office, union_user):
    link = 'href="/grants/unions/2018-T-FKTU/"'
    assert link in _as(office[Role.OFFICE_MANAGER]).get("/grants/agreements/2018-T-FKTU/").content.decode()
    assert link in _as(union_user).get("/grants/mine/2018-T-FKTU/").content.decode()
    other = make_agreement()
    assert (
        "노동단체 지원: 세부사업" not in _as(office[Role.OFFICE_MANAGER]).get(other.get_absolute_url()).content.decode()
    )
