"""The auditor's lists as an office works with them (core.lists): the change history and the login events are
searched, sorted by their columns both ways with the filters kept, and downloaded as xlsx in the page's order; a
person's record is never found by the name its masked text hides; no one outside the audit roles downloads them."""

import io
import re
from urllib.parse import urlencode

import pytest
from auditlog.context import set_actor
from openpyxl import load_workbook

from iljari.core.accesslog import access_log_record
from iljari.core.models import AccessLogEntry, ChangeBatch, LoginEvent, User
from iljari.core.roles import Role
from iljari.core.xlsx import HEADER_ROW
from iljari.demo.enterprises_loader import business_number
from iljari.enterprises.services import organisation_register
from iljari.org.models import District
from iljari.people.tests.factories import make_person


@pytest.fixture
def changes(personas):
    """나눔바람조합 by the manager (t_manager), 가온기업 and 다온바람조합 by the staff (t_staff), 홍길동 registered."""
    gangdong = District.objects.get(code="11740")
    manager, staff = personas[Role.OFFICE_MANAGER], personas[Role.DIVISION_STAFF]
    made = [("나눔바람조합", manager), ("가온기업", staff), ("다온바람조합", staff)]
    for serial, (name, actor) in enumerate(made, 1):
        with set_actor(actor):  # as a request signed in as the actor records it
            organisation_register(actor=actor, name=name, kind="cooperative", district=gangdong, employees=3,
                                  business_number=business_number(777_100_000 + serial))  # fmt: skip
    make_person(name="홍길동")


def rows(response, caption: str) -> list[list[str]]:
    body = response.content.decode()
    table = body[body.index(f"<caption>{caption}") :]
    table = table[table.index("<tbody>") : table.index("</tbody>")]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S) for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
    return [[re.sub(r"<[^>]+>", "", c).strip() for c in row] for row in cells if len(row) > 1]


def sheet(response) -> list[tuple]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=HEADER_ROW, values_only=True))


def test_history_search_finds_records_and_actors_never_a_masked_name(changes, client_as):
    auditor = client_as(Role.AUDITOR)
    found = rows(auditor.get("/history/", {"q": "바람조합"}), "변경이력 목록")
    assert sorted(row[4] for row in found) == ["나눔바람조합", "다온바람조합"]
    by_staff = rows(auditor.get("/history/", {"q": "t_staff", "model": "enterprises.organisation"}), "변경이력 목록")
    assert sorted(row[4] for row in by_staff) == ["가온기업", "다온바람조합"]
    assert all("(t_staff)" in row[1] for row in by_staff)
    assert rows(auditor.get("/history/", {"q": "홍길동"}), "변경이력 목록") == []
    assert "홍길동" not in auditor.get("/history/", {"model": "people.person"}).content.decode()


def test_history_sorts_by_the_actor_both_ways_keeping_the_filters(changes, client_as):
    auditor = client_as(Role.AUDITOR)
    query = {"model": "enterprises.organisation", "q": "바람조합", "sort": "actor"}
    ascending = [row[4] for row in rows(auditor.get("/history/", {**query, "dir": "asc"}), "변경이력 목록")]
    assert ascending == ["나눔바람조합", "다온바람조합"]  # t_manager before t_staff
    response = auditor.get("/history/", {**query, "dir": "desc"})
    assert [row[4] for row in rows(response, "변경이력 목록")] == ["다온바람조합", "나눔바람조합"]
    body = response.content.decode()
    assert 'aria-sort="descending"' in body
    turned = "model=enterprises.organisation&amp;q=%EB%B0%94%EB%9E%8C%EC%A1%B0%ED%95%A9&amp;sort=actor&amp;dir=asc"
    assert turned in body  # the header turns the direction round, keeping the filter and the search


def test_history_export_is_the_page_in_its_order(changes, client_as):
    auditor = client_as(Role.AUDITOR)
    query = {"model": "enterprises.organisation", "sort": "actor", "dir": "desc"}
    header, *data = sheet(auditor.get("/history/export.xlsx", query))
    assert header == ("일시", "변경한 사람", "접속 주소", "자료 종류", "자료", "구분")
    assert [row[4] for row in data] == [row[4] for row in rows(auditor.get("/history/", query), "변경이력 목록")]
    ours = [row[4] for row in data if row[4] in ("나눔바람조합", "가온기업", "다온바람조합")]
    assert set(ours[:2]) == {"가온기업", "다온바람조합"} and ours[2] == "나눔바람조합"  # t_staff's, then t_manager's
    assert {row[3] for row in data} == {"기업·단체"}
    assert client_as(Role.DIVISION_STAFF).get("/history/export.xlsx").status_code == 403
    assert client_as(Role.DISTRICT_OFFICER).get("/history/logins/export.xlsx").status_code == 403


@pytest.fixture
def logins(personas):
    """Three attempts: kim (success), lee (failure), kim (failure)."""
    for username, outcome in [("kim", "success"), ("lee", "failure"), ("kim", "failure")]:
        LoginEvent.objects.create(username=username, outcome=outcome, remote_addr="10.0.0.1")


def test_login_events_search_sort_and_export(logins, client_as):
    auditor = client_as(Role.AUDITOR)
    found = rows(auditor.get("/history/logins/", {"username": "kim"}), "로그인 기록")
    assert [(row[1], row[2]) for row in found] == [("kim", "실패"), ("kim", "성공")]  # newest first
    query = {"username": "kim", "sort": "outcome", "dir": "asc"}  # failure < success as stored
    assert [row[2] for row in rows(auditor.get("/history/logins/", query), "로그인 기록")] == ["실패", "성공"]
    assert [row[2] for row in rows(auditor.get("/history/logins/", {**query, "dir": "desc"}), "로그인 기록")] == [
        "성공",
        "실패",
    ]
    header, *data = sheet(auditor.get("/history/logins/export.xlsx", {"sort": "username", "dir": "desc"}))
    assert header[:3] == ("일시", "아이디", "결과")
    page = rows(auditor.get("/history/logins/", {"sort": "username", "dir": "desc"}), "로그인 기록")
    assert [(row[1], row[2]) for row in data] == [(row[1], row[2]) for row in page]
    assert [row[1] for row in data if row[1] in ("kim", "lee")] == ["lee", "kim", "kim"]


@pytest.fixture
def accesses(personas):
    """The manager viewed 홍길동's page, then the staff searched the applicants (the newest)."""
    person = make_person(name="홍길동")
    access_log_record(user=personas[Role.OFFICE_MANAGER], remote_addr="10.0.0.2", action="view",
                      subject_type="people.person", subject_ids=[person.pk], detail="사람 한 장 보기")  # fmt: skip
    access_log_record(user=personas[Role.DIVISION_STAFF], remote_addr="10.0.0.3", action="search",
                      subject_type="people.person", subject_ids=[person.pk], detail="신청자 검색",
                      reason="선발 확인")  # fmt: skip
    return person


def test_access_log_search_sort_and_a_minimised_logged_export(accesses, client_as):
    auditor = client_as(Role.AUDITOR)
    found = rows(auditor.get("/history/access/", {"q": "한 장"}), "접속기록")
    assert [(row[1], row[6]) for row in found] == [("t_manager", "사람 한 장 보기")]
    assert [row[1] for row in rows(auditor.get("/history/access/", {"q": "선발"}), "접속기록")] == ["t_staff"]
    query = {"subject_type": "people.person", "sort": "username"}
    ascending = [row[1] for row in rows(auditor.get("/history/access/", {**query, "dir": "asc"}), "접속기록")]
    assert ascending == ["t_manager", "t_staff"]
    descending = rows(auditor.get("/history/access/", {**query, "dir": "desc"}), "접속기록")
    assert [row[1] for row in descending] == ["t_staff", "t_manager"]
    assert all(row[5] == "홍*동" for row in descending)  # the subject by masked name

    export = "/history/access/export.xlsx?" + urlencode({**query, "dir": "desc"})
    assert auditor.get(export).status_code == 200  # the purpose and reason are asked first
    assert auditor.post(export, {"purpose": "audit", "reason": ""}).status_code == 400
    header, *data = sheet(auditor.post(export, {"purpose": "audit", "reason": "접속기록 분기 점검"}))
    assert header == ("일시", "아이디", "역할", "접속 주소", "행위", "정보주체", "내용", "사유")
    assert [(row[1], row[5], row[6]) for row in data] == [(row[1], row[5], row[6]) for row in descending]
    assert data[0][2] == "담당관·팀"  # the role by its Korean name
    logged = AccessLogEntry.objects.filter(action="download").latest("id")
    assert logged.username == "t_auditor" and logged.subject_id_list == [str(accesses.pk)]
    assert logged.reason == "접속기록 분기 점검" and "아이디 내림차순" in logged.detail
    header, *_ = sheet(auditor.post(export, {"purpose": "statistics", "reason": "월별 접속 통계 작성"}))
    assert "정보주체" not in header
    assert client_as(Role.DIVISION_STAFF).get(export).status_code == 403


@pytest.fixture
def accounts(personas):
    """Three accounts of 바람팀: 나바람 (staff), 가바람 (district), 다바람 (staff, stopped)."""
    unit = {"org_unit": personas[Role.DIVISION_STAFF].org_unit}
    district = {"district": personas[Role.DISTRICT_OFFICER].district}
    for username, name, role, active, where in [
        ("wind_b", "나바람", Role.DIVISION_STAFF, True, unit),
        ("wind_c", "가바람", Role.DISTRICT_OFFICER, True, district),
        ("wind_a", "다바람", Role.DIVISION_STAFF, False, unit),
    ]:
        User.objects.create_user(username=username, password="x-Long-enough-1", display_name=name, role=role,
                                 is_active=active, **where)  # fmt: skip


def test_accounts_search_sort_and_export(accounts, client_as):
    admin = client_as(Role.SYSTEM_ADMIN)
    assert [row[0] for row in rows(admin.get("/accounts/users/", {"q": "바람"}), "계정 목록")] == [
        "wind_a",
        "wind_b",
        "wind_c",
    ]  # by id
    by_name = {"q": "바람", "sort": "name"}
    assert [row[1] for row in rows(admin.get("/accounts/users/", {**by_name, "dir": "asc"}), "계정 목록")] == [
        "가바람",
        "나바람",
        "다바람",
    ]
    page = rows(admin.get("/accounts/users/", {**by_name, "role": Role.DIVISION_STAFF, "dir": "desc"}), "계정 목록")
    assert [(row[1], row[4]) for row in page] == [("다바람", "중지"), ("나바람", "사용")]
    header, *data = sheet(admin.get("/accounts/users/export.xlsx", {**by_name, "dir": "desc"}))
    assert header[:5] == ("아이디", "이름", "역할", "소속", "상태")
    assert [row[1] for row in data] == ["다바람", "나바람", "가바람"]
    assert data[2][2] == "자치구" and data[0][4] == "중지"
    assert client_as(Role.AUDITOR).get("/accounts/users/export.xlsx").status_code == 403


@pytest.fixture
def batches(personas):
    """Three batches: 바람 고지 (5 created), 바람 급여 (12 created), 다른 작업 (1 created)."""
    made = [("바람 고지", 5, "고지 일괄 기록"), ("바람 급여", 12, "급여 계산"), ("다른 작업", 1, "급여 계산")]
    for subject, created, kind in made:
        ChangeBatch.objects.create(kind="test", kind_label=kind, subject=subject, created=created)


def test_change_batches_search_sort_and_export(batches, client_as):
    auditor = client_as(Role.AUDITOR)
    query = {"q": "바람", "sort": "created"}
    ascending = rows(auditor.get("/history/batches/", {**query, "dir": "asc"}), "일괄 변경 목록")
    assert [(row[3], row[4]) for row in ascending] == [("바람 고지", "5"), ("바람 급여", "12")]
    descending = rows(auditor.get("/history/batches/", {**query, "dir": "desc"}), "일괄 변경 목록")
    assert [row[3] for row in descending] == ["바람 급여", "바람 고지"]
    assert [row[3] for row in rows(auditor.get("/history/batches/", {"q": "급여 계산"}), "일괄 변경 목록")] == [
        "다른 작업",
        "바람 급여",
    ]  # the kind found too, the newest first
    header, *data = sheet(auditor.get("/history/batches/export.xlsx", {**query, "dir": "desc"}))
    assert header[2:5] == ("변경 종류", "대상", "등록")
    assert [(row[3], row[4]) for row in data] == [("바람 급여", 12), ("바람 고지", 5)]
    assert client_as(Role.OFFICE_MANAGER).get("/history/batches/export.xlsx").status_code == 403
