# ruff: noqa: F811  (the fixtures imported from district_fixtures are redefined as test arguments)
"""District-project and ecosystem pages and API over HTTP: the list with filters and paging, the detail with its
monitoring table and chart, the forms, the xlsx export, the summary; a district officer sees and enters only their
own district's projects (another district's answers 404); bad input answers 400 in Korean and writes nothing."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from iljari.core.roles import Role
from iljari.grants import district_services as services
from iljari.grants.models import DistrictMonitoring, DistrictProject, DistrictReview, EcosystemTranche
from iljari.grants.tests.district_fixtures import (  # noqa: F401  (fixtures)
    grants_office,
    make_project,
    other_project,
    project,
    social_economy_staff,
    support,
)
from iljari.org.models import District


def test_district_officer_sees_only_own_districts_projects(project, other_project, client_as):
    officer = client_as(Role.DISTRICT_OFFICER)
    page = officer.get("/grants/districts/").content.decode()
    assert project.code in page and other_project.code not in page
    assert officer.get(f"/grants/districts/{other_project.code}/").status_code == 404
    assert officer.get(f"/grants/districts/{project.code}/").status_code == 200
    staff_page = client_as(Role.DIVISION_STAFF).get("/grants/districts/").content.decode()
    assert project.code in staff_page and other_project.code in staff_page
    api = officer.get("/api/grants/districts").json()
    assert [row["code"] for row in api] == [project.code]
    assert officer.get(f"/api/grants/districts/{other_project.code}").status_code == 404


def test_list_filters_by_district_and_status_and_pages(grants_office, client_as):
    for number in range(25):
        make_project(code=f"T-11110-{number:02d}", district="11110")
    stopped = make_project(code="T-11740-99")
    stopped.status = DistrictProject.Status.STOPPED
    stopped.save(update_fields=["status"])
    client = client_as(Role.AUDITOR)
    jongno = District.objects.get(code="11110").pk
    first = client.get(f"/grants/districts/?district={jongno}").content.decode()
    assert "모두 25건" in first and "T-11740-99" not in first
    assert "T-11110-24" in client.get(f"/grants/districts/?district={jongno}&page=2").content.decode()
    only = client.get("/grants/districts/?status=stopped").content.decode()
    assert "모두 1건" in only and "T-11740-99" in only
    assert client.get("/grants/districts/?page=abc&year=zz").status_code == 200


def test_district_officer_enters_own_monitoring_and_gets_404_for_another_district(project, other_project,
                                                                                   client_as):  # fmt: skip
    officer = client_as(Role.DISTRICT_OFFICER)
    data = {"month": "2018-05", "sales": "2500000", "users": "80", "satisfaction": "88.5", "jobs_youth": "4",
            "jobs_women": "1", "note": ""}  # fmt: skip
    response = officer.post(f"/grants/districts/{project.code}/monitoring/", data)
    assert response.status_code == 302
    record = DistrictMonitoring.objects.get(project=project)
    assert record.month == date(2018, 5, 1) and record.sales == 2_500_000
    assert {j.target_group: j.filled for j in record.jobs.all()} == {"youth": 4, "women": 1}
    from auditlog.models import LogEntry

    from iljari.grants.models import DistrictMonitoringJobs

    logged = LogEntry.objects.get_for_model(DistrictMonitoring).get()
    assert logged.actor.username == "t_district"
    assert LogEntry.objects.get_for_model(DistrictMonitoringJobs).count() == 2
    detail = officer.get(f"/grants/districts/{project.code}/").content.decode()
    assert "<svg" in detail and "월별 채용 일자리" in detail and "2018년 5월" in detail
    assert officer.post(f"/grants/districts/{other_project.code}/monitoring/", data).status_code == 404
    assert client_as(Role.PARTNER_AGENCY).post(f"/grants/districts/{project.code}/monitoring/", data).status_code == 403
    assert client_as(Role.AUDITOR).post(f"/grants/districts/{project.code}/monitoring/", data).status_code == 403
    assert DistrictMonitoring.objects.count() == 1


def test_satisfaction_out_of_range_answers_400_in_korean_and_writes_nothing(project, client_as):
    response = client_as(Role.DISTRICT_OFFICER).post(
        f"/grants/districts/{project.code}/monitoring/",
        {"month": "2018-05", "sales": "0", "users": "0", "satisfaction": "120", "jobs_youth": "1"},
    )
    assert response.status_code == 400
    assert "0점 이상 100점 이하" in response.content.decode()
    assert not DistrictMonitoring.objects.exists()


def test_staff_record_review_and_decision_a_district_officer_may_not(project, client_as):
    officer = client_as(Role.DISTRICT_OFFICER)
    review = {"reviewed_on": "2018-06-20", "reviewer": "전문기관", "score": "81", "findings": "판로 확대 필요"}
    assert officer.post(f"/grants/districts/{project.code}/review/", review).status_code == 403
    staff = client_as(Role.DIVISION_STAFF)
    assert staff.post(f"/grants/districts/{project.code}/review/", review).status_code == 302
    bad = staff.post(f"/grants/districts/{project.code}/review/", {**review, "score": "-3"})
    assert bad.status_code == 400 and "0점 이상 100점 이하" in bad.content.decode()
    assert DistrictReview.objects.count() == 1
    decision = {"decided_on": "2018-12-20", "decision": "continue", "note": "우수사업"}
    assert staff.post(f"/grants/districts/{project.code}/decision/", decision).status_code == 302
    page = officer.get(f"/grants/districts/{project.code}/").content.decode()
    assert "판로 확대 필요" in page and "계속 지원" in page
    # the committee's meeting is shown; the district officer reads no committee, so it is not a link for them
    assert "시-구 협력 일자리사업 총괄 평가위원회 제1차" in page and "/committees/meetings/" not in page
    staff_page = staff.get(f"/grants/districts/{project.code}/").content.decode()
    assert ">시-구 협력 일자리사업 총괄 평가위원회 제1차</a>" in staff_page
    detail = officer.get(f"/api/grants/districts/{project.code}").json()
    assert detail["status"] == "continued" and detail["reviews"][0]["findings"] == "판로 확대 필요"


def test_create_form_refuses_a_share_off_the_ratio_and_registers_a_good_one(grants_office, client_as):
    staff = client_as(Role.DIVISION_STAFF)
    assert staff.get("/grants/districts/new/").status_code == 200
    data = {
        "code": "T-NEW-1", "year": "2018", "district": District.objects.get(code="11740").pk, "title": "새 사업",
        "operator": "", "starts_on": "2018-03-01", "ends_on": "2018-12-31", "budget_total": "80000000",
        "city_share": "50000000", "district_share": "30000000", "city_ratio": "50", "ratio_reason": "",
        "jobs_youth": "6",
    }  # fmt: skip
    bad = staff.post("/grants/districts/new/", data)
    assert bad.status_code == 400 and "매칭비율 50:50에 맞지 않습니다" in bad.content.decode()
    assert not DistrictProject.objects.filter(code="T-NEW-1").exists()
    good = staff.post("/grants/districts/new/", {**data, "city_share": "40000000", "district_share": "40000000"})
    assert good.status_code == 302
    assert DistrictProject.objects.get(code="T-NEW-1").job_plans.get().planned == 6
    assert client_as(Role.DISTRICT_OFFICER).get("/grants/districts/new/").status_code == 403


def test_export_and_summary(project, other_project, client_as):
    services.district_monitoring_record(
        actor=None, project=project, month=date(2018, 6, 1), sales=1, users=1, satisfaction=None, jobs={"youth": 3}
    )
    client = client_as(Role.OFFICE_MANAGER)
    response = client.get("/grants/districts/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    codes = {row[0] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert codes == {project.code, other_project.code}
    summary = client.get("/grants/districts/summary/?year=2018").content.decode()
    assert "2개 자치구 2개 사업" in summary and "계획 일자리 30개" in summary
    api = client.get("/api/grants/districts-summary?year=2018").json()
    assert api["projects"] == 2 and api["by_target_group"] == {"youth": 20, "women": 10}
    assert sum(row["jobs_filled"] for row in api["by_district"]) == 3
    officer_summary = client_as(Role.DISTRICT_OFFICER).get("/api/grants/districts-summary?year=2018").json()
    assert officer_summary["projects"] == 1


def test_ecosystem_pages_fund_and_evaluate_with_korean_refusals(support, social_economy_staff, client_as):
    from django.test import Client

    staff = Client()
    staff.force_login(social_economy_staff)
    assert staff.get("/grants/ecosystem/").status_code == 200
    over = staff.post(
        f"/grants/ecosystem/{support.code}/tranches/",
        {"stage": "1", "amount": "60000000", "starts_on": "2018-01-01", "ends_on": "2018-06-30"},
    )
    assert over.status_code == 400 and "50,000,000원 이내" in over.content.decode()
    early = staff.post(
        f"/grants/ecosystem/{support.code}/tranches/",
        {"stage": "2", "amount": "100000000", "starts_on": "2018-07-01", "ends_on": "2019-06-30"},
    )
    assert early.status_code == 400 and "1단계(사업 준비) 평가를 통과한 뒤" in early.content.decode()
    assert not EcosystemTranche.objects.exists()
    ok = staff.post(
        f"/grants/ecosystem/{support.code}/tranches/",
        {"stage": "1", "amount": "50000000", "starts_on": "2018-01-01", "ends_on": "2018-06-30"},
    )
    assert ok.status_code == 302
    tranche = EcosystemTranche.objects.get()
    response = staff.post(
        f"/grants/ecosystem/{support.code}/tranches/{tranche.pk}/evaluate/",
        {"evaluated_on": "2018-06-25", "score": "88"},
    )
    assert response.status_code == 302
    tranche.refresh_from_db()
    assert tranche.grade == "B"
    # division staff of 일자리정책담당관 read it but do not fund it; the district officer reads own district's
    assert client_as(Role.DIVISION_STAFF).post(f"/grants/ecosystem/{support.code}/tranches/", {}).status_code == 403
    assert client_as(Role.DISTRICT_OFFICER).get(f"/grants/ecosystem/{support.code}/").status_code == 200
    assert client_as(Role.DISTRICT_OFFICER).get("/api/grants/ecosystem").json()[0]["stage1_grade"] == "B"


def test_list_summary_and_api_take_the_same_queries_for_3_or_30_projects(grants_office, client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(Role.OFFICE_MANAGER)
    paths = ["/grants/districts/", "/grants/districts/summary/?year=2018", "/api/grants/districts",
             "/api/grants/districts-summary?year=2018", "/grants/ecosystem/"]  # fmt: skip

    def counts() -> list[int]:
        found = []
        for path in paths:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path).status_code == 200
            found.append(len(captured))
        return found

    def add(start: int, stop: int) -> None:
        for number in range(start, stop):
            made = make_project(code=f"T-Q-{number:02d}", district=("11110", "11740", "11350")[number % 3])
            services.district_monitoring_record(
                actor=None, project=made, month=date(2018, 6, 1), sales=1, users=1, satisfaction=None,
                jobs={"youth": 2},
            )  # fmt: skip

    assert client.get("/").status_code in (200, 302)  # the session's first touch is written once, not counted below
    add(0, 3)
    few = counts()
    add(3, 30)
    assert counts() == few


@pytest.mark.parametrize("direction", ["asc", "desc"])
def test_the_project_list_sorts_by_its_columns_and_exports_in_the_same_order(project, other_project, client_as,
                                                                             direction):  # fmt: skip
    client = client_as(Role.OFFICE_MANAGER)
    query = f"sort=code&dir={direction}&year=2018"
    page = client.get(f"/grants/districts/?{query}").content.decode()
    assert f"사업코드 {'내림차순' if direction == 'desc' else '오름차순'}" in page
    shown = sorted((project, other_project), key=lambda p: page.index(f">{p.code}</a>"))
    assert [p.code for p in shown] == sorted((project.code, other_project.code), reverse=direction == "desc")
    sheet = load_workbook(io.BytesIO(client.get(f"/grants/districts/export.xlsx?{query}").content)).active
    codes = [row[0] for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]]
    assert codes == [p.code for p in shown]
