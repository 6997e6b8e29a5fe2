"""The programme sheet: downloaded from the programme list, edited, uploaded back; every row is checked first and a
sheet with one bad row changes nothing."""

import io

import pytest
from openpyxl import load_workbook

from iljari.core.models import ChangeBatch
from iljari.core.roles import Role
from iljari.core.xlsx import HEADER_ROW
from iljari.plan.models import Programme


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _download(client) -> bytes:
    response = client.get("/plan/programmes/export.xlsx?year=2018")
    assert response.status_code == 200
    return response.content


def _edit(data: bytes, change) -> io.BytesIO:
    """The sheet with `change(rows)` applied: rows are dicts by header, written back in place (and appended)."""
    book = load_workbook(io.BytesIO(data))
    sheet = book.active
    headers = [cell.value for cell in sheet[HEADER_ROW]]
    rows = [dict(zip(headers, [c.value for c in row], strict=False)) for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    change(rows)
    for offset, row in enumerate(rows, start=HEADER_ROW + 1):
        for column, header in enumerate(headers, start=1):
            sheet.cell(row=offset, column=column, value=row.get(header))
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "programmes.xlsx"
    return out


def _upload(client, file):
    return client.post("/plan/programmes/import/?year=2018", {"file": file})


def _by_code(rows, code):
    return next(row for row in rows if row["코드"] == code)


def test_the_sheet_lists_every_programme_of_the_year(office, client_as):
    book = load_workbook(io.BytesIO(_download(client_as(Role.AUDITOR))))
    rows = list(book.active.iter_rows(min_row=HEADER_ROW + 1, values_only=True))

    assert len(rows) == 21  # the 2018 report's 21 programmes
    headers = [c.value for c in book.active[HEADER_ROW]]
    first = dict(zip(headers, rows[0], strict=True))
    assert (first["코드"], first["추진목표 번호"], first["번호"], first["부서 코드"]) == ("P1-01", 1, 1, "JOBS-POLICY")


def test_the_manager_changes_a_budget_and_adds_a_programme_by_sheet(office, client_as):
    client = client_as(Role.OFFICE_MANAGER)

    def change(rows):
        _by_code(rows, "P1-03")["소요예산(원)"] = 1_234_000_000
        new = dict(_by_code(rows, "P1-08"))
        new.update({"코드": "P1-09", "번호": 9, "사업명": "엑셀로 만든 사업", "소요예산(원)": 5_000_000})
        rows.append(new)

    response = _upload(client, _edit(_download(client), change))

    assert response.status_code == 302, response.content.decode()[:3000]
    assert Programme.objects.get(code="P1-03").budget == 1_234_000_000
    made = Programme.objects.get(code="P1-09")
    assert (made.title, made.number, made.objective.number, made.budget) == ("엑셀로 만든 사업", 9, 1, 5_000_000)
    (batch,) = ChangeBatch.objects.filter(kind="plan.programme_sheet")
    assert (batch.created, batch.changed) == (1, 1)


def test_one_bad_row_refuses_the_whole_sheet(office, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    before = {p.code: (p.budget, p.number, p.title) for p in Programme.objects.all()}

    def change(rows):
        _by_code(rows, "P1-03")["소요예산(원)"] = 999  # a good row…
        _by_code(rows, "P1-04")["소요예산(원)"] = -1  # …and a budget below zero
        _by_code(rows, "P1-05")["번호"] = 6  # a number P1-06 keeps
        _by_code(rows, "P2-01")["부서 코드"] = "JOBS-POLICY-T1"  # a team

    response = _upload(client, _edit(_download(client), change))

    assert response.status_code == 400
    page = response.content.decode()
    assert "입력한 내용을 확인해 주십시오" in page
    assert "소요예산은 0 이상이어야 합니다." in page
    assert "1번 추진목표의 6번이 이 파일에 두 번 나옵니다" in page
    assert "담당관(부서)이 아닙니다" in page
    assert {p.code: (p.budget, p.number, p.title) for p in Programme.objects.all()} == before
    assert not ChangeBatch.objects.filter(kind="plan.programme_sheet").exists()


def test_division_staff_change_only_their_own_divisions_budgets(office, client_as):
    client = client_as(Role.DIVISION_STAFF)
    before = Programme.objects.get(code="P2-01").budget

    def change(rows):
        _by_code(rows, "P1-03")["소요예산(원)"] = 777
        _by_code(rows, "P2-01")["소요예산(원)"] = 888  # 노동정책담당관's

    response = _upload(client, _edit(_download(client), change))

    assert response.status_code == 400
    assert "노동정책담당관의 주요업무는 고칠 권한이 없습니다." in response.content.decode()
    assert Programme.objects.get(code="P2-01").budget == before
    assert Programme.objects.get(code="P1-03").budget != 777


def test_a_file_that_is_no_workbook_is_refused(office, client_as):
    file = io.BytesIO(b"not a workbook")
    file.name = "x.xlsx"

    response = _upload(client_as(Role.OFFICE_MANAGER), file)

    assert response.status_code == 400
    assert "엑셀(.xlsx) 파일을 읽을 수 없습니다" in response.content.decode()
