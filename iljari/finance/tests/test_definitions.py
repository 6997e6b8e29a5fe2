"""Budget lines and staffing cells kept through their pages, their API and their sheets (finance's definitions):
who may change which, every change in the history, and bad input a Korean message on its field with nothing
written. Over the 2018 report: three divisions, each with one "재원 미구분" line, and the staffing of '18.7.11."""

from __future__ import annotations

import html
import io
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.http import XLSX
from iljari.core.roles import Role
from iljari.demo.dataset import report2018 as r
from iljari.finance import services
from iljari.finance.models import BudgetLine, StaffingQuota
from iljari.org.models import OrgUnit

pytestmark = pytest.mark.django_db

LINES = "/finance/budget/lines/?year=2018"
NEW_LINE = {"org_unit": "", "code": "1234-567", "name": "청년 뉴딜일자리", "source": "city"}


def _unit(code: str) -> OrgUnit:
    return OrgUnit.objects.get(code=code)


def _history(instance) -> list[LogEntry]:
    return list(LogEntry.objects.get_for_object(instance).order_by("timestamp", "pk"))


# --- budget lines ---------------------------------------------------------------------------------------------


def test_the_manager_creates_edits_and_retires_a_line_through_the_pages(dataset_2018, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    policy = _unit("JOBS-POLICY")
    page = client.get(LINES)
    assert page.status_code == 200
    assert all(f"{division}-2018" in page.content.decode() for division, *_ in r.BUDGET)

    created = client.post(LINES, {**NEW_LINE, "org_unit": policy.pk}, follow=True)
    assert created.status_code == 200 and "청년 뉴딜일자리을" not in created.content.decode()
    assert "청년 뉴딜일자리를 등록했습니다." in created.content.decode()
    line = BudgetLine.objects.get(year=2018, code="1234-567")
    assert (line.org_unit, line.name, line.source) == (policy, "청년 뉴딜일자리", "city")

    edit = f"/finance/budget/lines/{line.pk}/"
    assert client.get(edit).status_code == 200
    moved = client.post(
        edit,
        {"org_unit": _unit("LABOUR-POLICY").pk, "code": "1234-567", "name": "청년 뉴딜일자리", "source": "national"},
    )
    assert moved.status_code == 302
    line.refresh_from_db()
    assert (line.org_unit.code, line.source) == ("LABOUR-POLICY", "national")

    assert client.post(f"{edit}retire/", {"retired_on": "2018-12-31"}).status_code == 302
    line.refresh_from_db()
    assert line.retired_on == date(2018, 12, 31)
    actions = [entry.action for entry in _history(line)]
    assert actions == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.UPDATE]
    # a retired line is not offered for new execution figures
    budget_page = client.get("/finance/budget/?year=2018").content.decode()
    assert "2018 청년 뉴딜일자리 (국비)</option>" not in budget_page  # the entry form's choices (str of a line)
    assert "소관 예산 (재원 미구분)</option>" in budget_page


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"org_unit": ""}, "org_unit", "부서를 고르십시오"),
        ({"code": "JOBS-POLICY-2018"}, "code", "2018년에 이미 있는 코드입니다(JOBS-POLICY-2018)."),
        ({"code": "  "}, "code", "코드를 입력하십시오."),
        ({"name": ""}, "name", "사업명을 입력하십시오."),
        ({"source": "lottery"}, "source", "재원은 시비·국비·구비·재원 미구분 중에서 고르십시오."),
    ],
)
def test_bad_lines_are_refused_on_their_field_and_nothing_is_written(dataset_2018, client_as, change, field, message):
    data = {**NEW_LINE, "org_unit": _unit("JOBS-POLICY").pk, **change}
    before = BudgetLine.objects.count()
    response = client_as(Role.OFFICE_MANAGER).post(LINES, data)
    assert response.status_code == 400
    text = response.content.decode()
    assert message in text and f'id="id_{field}_error"' in text
    assert BudgetLine.objects.count() == before


def test_a_line_must_sit_under_a_division_or_team(dataset_2018):
    office = OrgUnit.objects.get(code="JOBS")
    with pytest.raises(ValidationFailed) as error:
        services.budget_line_create(actor=None, year=2019, org_unit=office, code="X", name="X", source="city")
    assert error.value.field_errors == {"org_unit": ["예산 사업은 담당관이나 팀에 둡니다."]}


def test_division_staff_keep_only_their_own_divisions_lines(dataset_2018, client_as, personas):
    staff = personas[Role.DIVISION_STAFF]  # placed in JOBS-POLICY
    own = services.budget_line_create(
        actor=staff, year=2018, org_unit=_unit("JOBS-POLICY"), code="OWN-1", name="우리 사업", source="city"
    )
    assert own.org_unit.code == "JOBS-POLICY"
    with pytest.raises(NotAllowed):
        services.budget_line_create(
            actor=staff, year=2018, org_unit=_unit("SOCIAL-ECONOMY"), code="X-1", name="남의 사업", source="city"
        )
    other = BudgetLine.objects.get(year=2018, code="SOCIAL-ECONOMY-2018")
    client = client_as(Role.DIVISION_STAFF)
    assert client.post(f"/finance/budget/lines/{other.pk}/retire/", {"retired_on": "2018-12-31"}).status_code == 403
    moved = client.post(
        f"/finance/budget/lines/{own.pk}/",
        {"org_unit": _unit("SOCIAL-ECONOMY").pk, "code": "OWN-1", "name": "우리 사업", "source": "city"},
    )
    assert moved.status_code in (400, 403)  # not offered, and refused by the service
    own.refresh_from_db()
    assert own.org_unit.code == "JOBS-POLICY" and other.retired_on is None
    auditor = client_as(Role.AUDITOR)
    assert auditor.get(LINES).status_code == 200
    assert auditor.post(LINES, {**NEW_LINE, "org_unit": _unit("JOBS-POLICY").pk}).status_code == 403


def test_a_line_with_figures_cannot_be_deleted_only_retired(dataset_2018, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    with_figures = BudgetLine.objects.get(year=2018, code="JOBS-POLICY-2018")  # has its '18.6.30 snapshot
    page = client.get(f"/finance/budget/lines/{with_figures.pk}/").content.decode()
    assert "집행 실적 1건, 집행 변동 0건, 연결된 주요업무 0개." in page  # the page says what depends on it
    response = client.post(f"/finance/budget/lines/{with_figures.pk}/delete/", follow=True)
    assert "집행 실적이 있는 예산 사업은 지울 수 없습니다: 폐지하십시오." in response.content.decode()
    assert BudgetLine.objects.filter(pk=with_figures.pk).exists()
    mistake = services.budget_line_create(
        actor=None, year=2018, org_unit=_unit("JOBS-POLICY"), code="OOPS", name="잘못 등록", source="city"
    )
    assert client.post(f"/finance/budget/lines/{mistake.pk}/delete/").status_code == 302
    assert not BudgetLine.objects.filter(pk=mistake.pk).exists()
    assert LogEntry.objects.filter(object_pk=str(mistake.pk), action=LogEntry.Action.DELETE).exists()


def test_the_lines_sheet_round_trip_is_all_rows_or_nothing(dataset_2018, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    sheet = client.get("/finance/budget/lines/export.xlsx?year=2018")
    assert sheet["Content-Type"] == XLSX
    book = load_workbook(io.BytesIO(sheet.content))
    ws = book.active
    headers = [c.value for c in ws[3]]
    assert headers[:3] == ["연도", "코드", "부서 코드"]
    assert [row[1] for row in ws.iter_rows(min_row=4, values_only=True)] == sorted(
        (f"{d}-2018" for d, *_ in r.BUDGET), key=lambda code: _unit(code[:-5]).path
    )
    ws.append([2018, "NEW-01", "JOBS-POLICY", None, "새 세부사업", "국비", None])
    ws.append([2018, "NEW-02", "NOWHERE", None, "어디에도", "시비", None])
    ws.append([2018, "NEW-03", "JOBS-POLICY", None, "이상한 재원", "복권기금", None])

    def upload(book):
        data = io.BytesIO()
        book.save(data)
        file = SimpleUploadedFile("lines.xlsx", data.getvalue(), content_type=XLSX)
        return client.post("/finance/budget/lines/import/?year=2018", {"file": file})

    refused = upload(book)
    text = html.unescape(refused.content.decode())
    assert refused.status_code == 400
    assert "8행 '부서 코드': 없는 부서 코드입니다(NOWHERE)." in text
    assert "9행 '재원': 재원은 시비·국비·구비·재원 미구분 중에서 고르십시오." in text
    assert not BudgetLine.objects.filter(code__startswith="NEW-").exists()  # not even the good row

    ws.delete_rows(8, 2)
    assert upload(book).status_code == 302
    new = BudgetLine.objects.get(year=2018, code="NEW-01")
    assert (new.name, new.source, new.org_unit.code) == ("새 세부사업", "national", "JOBS-POLICY")


def test_the_lines_api(dataset_2018, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    listed = client.get("/api/finance/budget/lines?year=2018").json()
    assert {line["code"] for line in listed} == {f"{d}-2018" for d, *_ in r.BUDGET}
    body = {"year": 2019, "org_unit": "JOBS-POLICY", "code": "API-1", "name": "API 사업", "source": "district"}
    created = client.post("/api/finance/budget/lines", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["source_label"] == "구비"
    again = client.post("/api/finance/budget/lines", body, content_type="application/json")
    assert again.status_code == 400
    assert again.json()["errors"] == [{"field": "code", "message": "2019년에 이미 있는 코드입니다(API-1)."}]
    missing = client.post(
        "/api/finance/budget/lines", {**body, "code": "API-2", "org_unit": None}, content_type="application/json"
    )
    assert missing.status_code == 400 and missing.json()["errors"][0]["field"] == "org_unit"
    changed = client.put(
        "/api/finance/budget/lines/2019/API-1", {**body, "name": "고친 이름"}, content_type="application/json"
    )
    assert changed.status_code == 200 and changed.json()["name"] == "고친 이름"
    retired = client.post(
        "/api/finance/budget/lines/2019/API-1/retire", {"retired_on": "2019-06-30"}, content_type="application/json"
    )
    assert retired.json()["retired_on"] == "2019-06-30"
    assert client.delete("/api/finance/budget/lines/2019/API-1").status_code == 204
    assert client.delete("/api/finance/budget/lines/2019/API-1").status_code == 404
    assert (
        client_as(Role.AUDITOR).post("/api/finance/budget/lines", body, content_type="application/json").status_code
        == 403
    )


# --- staffing ---------------------------------------------------------------------------------------------------


def test_the_manager_adds_a_new_as_of_table_and_edits_a_current_count(dataset_2018, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    page = client.get("/finance/staffing/quotas/")
    assert page.status_code == 200 and r.STAFFING_AS_OF.isoformat() in page.content.decode()
    cells = StaffingQuota.objects.filter(as_of=r.STAFFING_AS_OF).count()
    assert cells == len(r.STAFFING) + 1  # the 공무직 row of the office

    copied = client.post(
        f"/finance/staffing/quotas/copy/?as_of={r.STAFFING_AS_OF.isoformat()}", {"to_as_of": "2018-09-01"}
    )
    assert copied.status_code == 302
    assert StaffingQuota.objects.filter(as_of=date(2018, 9, 1)).count() == cells
    grade6 = StaffingQuota.objects.get(
        as_of=date(2018, 9, 1), org_unit__code="JOBS-POLICY", job_series="general", grade="grade6"
    )
    # the 2018 report: JOBS-POLICY 6급 정원 9, 현원 11 — one moves out on '18.9.1.
    assert (grade6.authorized, grade6.current) == (9, 11)
    edited = client.post(f"/finance/staffing/quotas/{grade6.pk}/", {"authorized": "9", "current": "10"})
    assert edited.status_code == 302
    grade6.refresh_from_db()
    assert grade6.current == 10
    assert (
        StaffingQuota.objects.get(
            as_of=r.STAFFING_AS_OF, org_unit__code="JOBS-POLICY", job_series="general", grade="grade6"
        ).current
        == 11
    )  # the earlier table stays as it was
    entry = _history(grade6)[-1]
    assert entry.action == LogEntry.Action.UPDATE and [str(v) for v in entry.changes_dict["current"]] == ["11", "10"]
    staffing = client.get("/finance/staffing/").content.decode()
    total_current = sum(row[4] for row in r.STAFFING)
    assert f"현원 {total_current - 1}명" in staffing  # the staffing page reads the new table


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"job_series": "general", "grade": "", "authorized": "1", "current": "1"},
            "grade",
            "일반직은 직급을 고르십시오.",
        ),
        ({"job_series": "fixed_term", "grade": "grade5"}, "grade", "일반직이 아니면 직급을 쓰지 않습니다."),
        ({"job_series": "public_service_worker", "authorized": "3"}, "authorized", "공무직은 정원 외입니다"),
        ({"current": "-1"}, "current", "현원은 0 이상의 정수여야 합니다."),
        ({"authorized": "-2"}, "authorized", "정원은 0 이상의 정수여야 합니다."),
        ({"org_unit": ""}, "org_unit", "부서를 고르십시오."),
        ({"grade": "grade6"}, "job_series", "그 기준일에 이미 있는 부서·직종·직급입니다"),
    ],
)
def test_bad_staffing_cells_are_refused_on_their_field(dataset_2018, client_as, data, field, message):
    base = {
        "org_unit": _unit("JOBS-POLICY").pk,
        "as_of": r.STAFFING_AS_OF.isoformat(),
        "job_series": "general",
        "grade": "grade5",
        "authorized": "1",
        "current": "1",
    }
    before = StaffingQuota.objects.count()
    # JOBS-POLICY general grade5 exists; use a unit without one unless the case is the duplicate
    if field != "job_series":
        base["org_unit"] = _unit("JOBS").pk if "org_unit" not in data else ""
    response = client_as(Role.OFFICE_MANAGER).post("/finance/staffing/quotas/", {**base, **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert StaffingQuota.objects.count() == before


def test_only_the_manager_changes_staffing(dataset_2018, client_as):
    quota = StaffingQuota.objects.filter(as_of=r.STAFFING_AS_OF).first()
    for role in (Role.DIVISION_STAFF, Role.AUDITOR):
        client = client_as(role)
        assert (
            client.post(f"/finance/staffing/quotas/{quota.pk}/", {"authorized": "1", "current": "1"}).status_code == 403
        )
        response = client.put(
            f"/api/finance/staffing/quotas/{quota.pk}", {"authorized": 1, "current": 1}, content_type="application/json"
        )
        assert response.status_code == 403
    quota.refresh_from_db()
    assert quota.current != 1 or quota.authorized != 1


def test_the_staffing_sheet_round_trip_and_api(dataset_2018, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    sheet = client.get("/finance/staffing/quotas/export.xlsx")
    book = load_workbook(io.BytesIO(sheet.content))
    ws = book.active
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(r.STAFFING) + 1
    first = next(i for i, row in enumerate(rows, start=4) if row[1] == "JOBS-POLICY" and row[4] == "6급")
    ws.cell(first, 7).value = 12
    ws.append([r.STAFFING_AS_OF, "JOBS-POLICY", None, "일반직", "8급", 1, 1, None])  # no such grade

    def upload():
        data = io.BytesIO()
        book.save(data)
        return client.post(
            "/finance/staffing/quotas/import/",
            {"file": SimpleUploadedFile("s.xlsx", data.getvalue(), content_type=XLSX)},
        )

    refused = upload()
    assert refused.status_code == 400
    assert "'직급': 일반직은 직급을 고르십시오." in html.unescape(refused.content.decode())
    cell = StaffingQuota.objects.get(
        as_of=r.STAFFING_AS_OF, org_unit__code="JOBS-POLICY", job_series="general", grade="grade6"
    )
    assert cell.current == 11  # nothing written
    ws.delete_rows(ws.max_row)
    assert upload().status_code == 302
    cell.refresh_from_db()
    assert cell.current == 12

    listed = client.get("/api/finance/staffing/quotas").json()
    assert len(listed) == len(r.STAFFING) + 1
    created = client.post(
        "/api/finance/staffing/quotas",
        {"org_unit": "JOBS", "as_of": "2018-07-11", "job_series": "general", "grade": "grade4", "authorized": 1,
         "current": 0},
        content_type="application/json",
    )  # fmt: skip
    assert created.status_code == 201, created.content
    negative = client.put(
        f"/api/finance/staffing/quotas/{cell.pk}", {"authorized": 9, "current": -1}, content_type="application/json"
    )
    assert negative.status_code == 400 and negative.json()["errors"][0]["field"] == "current"
    retired = client.post(
        f"/api/finance/staffing/quotas/{cell.pk}/retire", {"retired_on": "2018-12-31"}, content_type="application/json"
    )
    assert retired.json()["retired_on"] == "2018-12-31"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(authorized=st.integers(-5, 5), current=st.integers(-5, 5))
def test_counts_below_zero_are_refused_and_others_kept(dataset_2018, authorized, current):
    """Each example sets the cell anew, so the one before does not matter (the fixture is shared by the examples)."""
    quota = StaffingQuota.objects.get(
        as_of=r.STAFFING_AS_OF, org_unit__code="JOBS-POLICY", job_series="general", grade="grade5"
    )
    if authorized < 0 or current < 0:
        with pytest.raises(ValidationFailed):
            services.staffing_quota_update(actor=None, quota=quota, authorized=authorized, current=current)
    else:
        saved = services.staffing_quota_update(actor=None, quota=quota, authorized=authorized, current=current)
        assert (saved.authorized, saved.current) == (authorized, current)
