"""Each person's work list (오늘 할 일) on the home page, through HTTP: what each role is counted, scoped to its
district or partner, and every count equal to the rows of the list its link opens.

The office's day is 26 July 2018 (the 2018 office's data): June is the month whose records are due, the months
January to June have ended, and the loan lent on 31 January is due again on 31 July.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.utils import timezone

from iljari.core import locks
from iljari.core.roles import Role
from iljari.core.worklist import WorkItem, worklist_register
from iljari.fund import services as fund_services
from iljari.grants.tests.district_fixtures import make_programmes, make_project
from iljari.intake.tests.factories import make_call
from iljari.org.models import OrgUnit
from iljari.participation import services as participation_services
from iljari.participation import training_services
from iljari.participation.tests.factories import make_site, make_trainee, make_training
from iljari.people.tests.factories import make_person
from iljari.plan.models import Milestone, Objective, Programme, Vision

DAY = date(2018, 7, 26)
JUNE = date(2018, 6, 1)

ITEM = re.compile(
    r'data-work-item="(?P<label>[^"]+)">\s*<a href="(?P<url>[^"]+)">.*?data-work-count>(?P<count>[\d,]+)건', re.S
)
ROWS = re.compile(r'data-worklist-rows="(\d+)"')


@pytest.fixture
def on_day(monkeypatch):
    """The office's today is DAY (the home page reads timezone.localdate())."""
    real = timezone.localdate
    monkeypatch.setattr(timezone, "localdate", lambda value=None, timezone=None: DAY if value is None else real(value))
    return DAY


def work_items(client) -> dict[str, tuple[int, str]]:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    return {m["label"]: (int(m["count"].replace(",", "")), unescape(m["url"])) for m in ITEM.finditer(html)}


def listed(client, url) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    found = ROWS.findall(response.content.decode())
    assert len(found) == 1, url
    return int(found[0])


def _at(day: date, hour: int = 18) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


# --- the office's state on DAY, built so that each count is known -----------------------------------------------


def _programmes():
    """The 2018 plan with only the programmes these tests use (the report's whole plan has milestones of its own):
    뉴딜일자리 P1-03 and 공공근로 P1-06 (worksites, calls), 시-구 협력 P1-05 (district projects) and 기술교육원 P1-07
    (training), the last three of 일자리정책담당관 as in the report."""
    make_programmes()
    first = Objective.objects.get(vision__year=2018, number=1)
    policy = OrgUnit.objects.get(code="JOBS-POLICY")
    Programme.objects.create(objective=first, number=3, code="P1-03", title="서울형 뉴딜일자리", division=policy)
    Programme.objects.create(objective=first, number=6, code="P1-06", title="공공근로", division=policy)
    Programme.objects.create(objective=first, number=7, code="P1-07", title="서울시 기술교육원 운영", division=policy)


def _milestones():
    """Milestones of two 2018 programmes: 일자리정책담당관's (the staff persona's division) and 사회적경제담당관's."""
    objective = Objective.objects.create(vision=Vision.objects.get(year=2018), number=9, title="목표(시험)")
    policy = OrgUnit.objects.get(code="JOBS-POLICY")
    own = Programme.objects.create(objective=objective, number=1, code="T-OWN", title="정책과 사업", division=policy)
    other = Programme.objects.create(
        objective=objective,
        number=2,
        code="T-OTHER",
        title="사회적경제과 사업",
        division=OrgUnit.objects.get(code="SOCIAL-ECONOMY"),
    )
    step = 0

    def add(programme, title, *, end=None, precision="day", state="planned", open_ended=False):
        nonlocal step
        step += 1
        done_on = end if state == "done" else None
        Milestone.objects.create(programme=programme, order=step, title=title, state=state, end=end,
                                 precision=precision, open_ended=open_ended, done_on=done_on)  # fmt: skip

    add(own, "지난주에 끝났어야 할 일", end=DAY - timedelta(days=7))  # overdue
    add(own, "어제까지 할 일", end=DAY - timedelta(days=1))  # overdue
    add(own, "오늘까지 할 일", end=DAY)  # due (not yet overdue)
    add(own, "열흘 뒤 할 일", end=DAY + timedelta(days=10))  # due
    add(own, "한 달 뒤 할 일", end=DAY + timedelta(days=30))  # neither
    add(own, "이미 한 일", end=DAY - timedelta(days=20), state="done")  # neither
    add(own, "계속 하는 일", end=DAY - timedelta(days=20), open_ended=True)  # neither
    add(own, "7월 중 할 일", end=date(2018, 7, 1), precision="month")  # due: by 31 July
    add(other, "다른 과의 늦은 일", end=DAY - timedelta(days=3))  # overdue, not the staff persona's division


def _worksites():
    """People at work in June at the 강동구, 종로구 and TTI-EAST worksites; only 종로구 entered June's work records."""
    sites = make_site()
    placements = {}
    for key in ("gangdong", "jongno", "partner"):
        person = make_person(birth=date(1992, 3, 3))
        placements[key] = participation_services.placement_create(
            actor=None, person=person, worksite=sites[key], start_date=date(2018, 5, 1), end_date=date(2018, 12, 31)
        )
    participation_services.work_record_set(actor=None, placement=placements["jongno"], month=JUNE, days_worked=21,
                                           hours_worked=Decimal("168"), full_weeks=4)  # fmt: skip
    # a placement that ended in May owes no June record
    person = make_person(birth=date(1993, 4, 4))
    participation_services.placement_create(actor=None, person=person, worksite=sites["city"],
                                            start_date=date(2018, 4, 1), end_date=date(2018, 5, 31))  # fmt: skip
    return sites


def _training():
    """A trainee in each of 동부기술교육원's 전기과 and 제과제빵 단기과정 (TTI-EAST) and 중부기술교육원's 용접과
    (TTI-CENTRAL) all through June; June's attendance entered for 단기과정 and 용접과 only."""
    training = make_training()
    make_trainee(training["day"], enrolled_on=date(2018, 3, 2))
    for course in (training["short"], training["other"]):
        enrolment = make_trainee(course, enrolled_on=course.start_date)
        training_services.attendance_set(actor=None, enrolment=enrolment, month=JUNE, attended_days=10)


def _district_projects():
    """강동구's project with no June monitoring; 종로구's with June entered; 강동구's second, ended in May."""
    from iljari.grants import district_services

    make_project()
    jongno = make_project(code="T-11110-01", district="11110")
    district_services.district_monitoring_record(actor=None, project=jongno, month=JUNE, sales=1_000_000, users=10,
                                                 satisfaction=None, jobs={"youth": 3})  # fmt: skip
    make_project(code="T-11740-02", ends_on=date(2018, 5, 31))


def _calls():
    """Calls closing in three days (the city's), in five (a 강동구 quota), in two (a 종로구 quota) and in ten; one
    closed last week with no selection run."""
    from iljari.org.models import District

    def quota(code):
        return [("CITY", "서울시", 2), (f"D{code}", "자치구", 1, District.objects.get(code=code))]

    make_call("CLOSING", opens=_at(DAY - timedelta(days=20)), days=23)  # closes DAY + 3
    make_call("GD-CLOSING", opens=_at(DAY - timedelta(days=20)), days=25, quotas=quota("11740"))  # DAY + 5
    make_call("JN-CLOSING", opens=_at(DAY - timedelta(days=20)), days=22, quotas=quota("11110"))  # DAY + 2
    make_call("LATER", opens=_at(DAY - timedelta(days=20)), days=30)  # closes DAY + 10
    make_call("CLOSED", opens=_at(DAY - timedelta(days=40)), days=33)  # closed DAY - 7


def _loan(intermediary_code="FUND-INT-A"):
    """A loan lent on 31 January 2018, repaid monthly from 28 February, nothing repaid: behind on DAY, and its 31 July
    instalment within a week."""
    from iljari.demo.enterprises_loader import business_number
    from iljari.enterprises.services import organisation_register
    from iljari.org import services as org_services

    intermediary = org_services.partner_create(actor=None, code=intermediary_code, name="가나사회투자(예시)",
                                               kind="intermediary")  # fmt: skip
    borrower = organisation_register(actor=None, name="다라사회적협동조합(예시)", kind="cooperative",
                                     business_number=business_number(555_000_001))  # fmt: skip
    fund_services.contribution_record(actor=None, amount=10_000_000_000, on=date(2018, 1, 2))
    agreement = fund_services.agreement_create(
        actor=None, code="2018-1-A", intermediary=intermediary, year=2018, call_round=1, city_amount=1_000_000_000,
        matched_amount=250_000_000, max_rate=Decimal("3"), overdue_rate=Decimal("5"), starts_on=date(2018, 1, 15),
        ends_on=date(2023, 12, 31), reporting_duties="분기별 보고",
    )  # fmt: skip
    loan = fund_services.loan_register(
        actor=None, number="L-1", borrower=borrower, agreement=agreement, purpose="enterprise", principal=12_000_000,
        annual_rate=Decimal("2"), term_months=12, grace_months=0, method="equal_principal",
    )  # fmt: skip
    fund_services.loan_disburse(actor=None, loan=loan, on=date(2018, 1, 31))


@pytest.fixture
def office_day(personas, on_day):
    _programmes()
    _milestones()
    _worksites()
    _training()
    _district_projects()
    _calls()
    _loan()
    locks.month_lock(actor=personas[Role.OFFICE_MANAGER], year=2018, month=3)
    return personas


# --- what each role is counted ----------------------------------------------------------------------------------

EXPECTED = {
    Role.OFFICE_MANAGER: {
        "기한 지난 추진일정": 3,
        "14일 안에 할 추진일정": 3,
        "마감할 달": 5,  # January to June, March locked
        "6월 근무상황 미입력 사업장": 2,  # 강동구's and TTI-EAST's
        "6월 출결 미입력 훈련과정": 1,  # 동부 전기과
        "6월 모니터링 미제출 시-구 협력사업": 1,  # 강동구's running one
        "7일 안에 접수 마감하는 모집공고": 3,
        "선발을 실행할 모집공고": 1,
        "연체 중인 융자": 1,
        "7일 안에 상환일이 오는 융자": 1,
    },
    Role.DIVISION_STAFF: {  # 일자리정책담당관: its own programmes' milestones, worksites, projects and calls
        "기한 지난 추진일정": 2,
        "14일 안에 할 추진일정": 3,
        "6월 근무상황 미입력 사업장": 2,
        "6월 출결 미입력 훈련과정": 1,
        "6월 모니터링 미제출 시-구 협력사업": 1,
        "7일 안에 접수 마감하는 모집공고": 3,
        "선발을 실행할 모집공고": 1,
    },
    Role.DISTRICT_OFFICER: {  # 강동구: its own worksite and project, the call with a 강동구 quota
        "6월 근무상황 미입력 사업장": 1,
        "6월 모니터링 미제출 시-구 협력사업": 1,
        "7일 안에 접수 마감하는 모집공고": 1,
    },
    Role.PARTNER_AGENCY: {  # TTI-EAST: its own worksite and institute; the loan's intermediary is another partner
        "6월 근무상황 미입력 사업장": 1,
        "6월 출결 미입력 훈련과정": 1,
    },
    Role.AUDITOR: {"6월 접속기록 점검 확인": 1},  # June's review is not signed off
    Role.SYSTEM_ADMIN: {},
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_is_counted_what_is_waiting_for_it_in_its_scope(office_day, client_as, role):
    items = work_items(client_as(role))
    assert {label: count for label, (count, _) in items.items()} == EXPECTED[role]


@pytest.mark.parametrize("role", [r for r, expected in EXPECTED.items() if expected])
def test_each_count_equals_the_rows_of_the_list_its_link_opens(office_day, client_as, role):
    client = client_as(role)
    items = work_items(client)
    assert items
    for label, (count, url) in items.items():
        assert listed(client, url) == count, label


def test_the_milestone_list_names_exactly_the_overdue_steps(office_day, client_as):
    client = client_as(Role.DIVISION_STAFF)
    _, url = work_items(client)["기한 지난 추진일정"]
    html = client.get(url).content.decode()
    assert "지난주에 끝났어야 할 일" in html and "어제까지 할 일" in html
    assert "오늘까지 할 일" not in html and "다른 과의 늦은 일" not in html  # due today; another division's


def test_a_district_officer_does_not_open_another_districts_records_through_the_links(office_day, client_as):
    client = client_as(Role.DISTRICT_OFFICER)
    _, url = work_items(client)["6월 근무상황 미입력 사업장"]
    html = client.get(url).content.decode()
    assert "강동구 골목상권 활성화" in html
    assert "종로구" not in html and "동부기술교육원 실습 보조" not in html
    _, url = work_items(client)["7일 안에 접수 마감하는 모집공고"]
    html = client.get(url).content.decode()
    assert "GD-CLOSING" in html and "JN-CLOSING" not in html and "모집 CLOSING" not in html


def test_entering_the_record_takes_the_worksite_off_the_list(office_day, client_as):
    from iljari.participation.models import Placement

    placement = Placement.objects.get(worksite__code="ND-GD")
    participation_services.work_record_set(actor=None, placement=placement, month=JUNE, days_worked=21,
                                           hours_worked=Decimal("168"), full_weeks=4)  # fmt: skip
    assert "6월 근무상황 미입력 사업장" not in work_items(client_as(Role.DISTRICT_OFFICER))


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.ORGANISATION])
def test_citizens_and_organisations_get_no_work_list_and_their_home_still_opens(office_day, client_as, role):
    response = client_as(role).get("/")
    assert response.status_code == 200
    assert "오늘 할 일" not in response.content.decode()


def test_a_failing_provider_leaves_the_rest_of_the_list(office_day, client_as):
    def broken(user, today):
        raise RuntimeError("a broken app")
        yield  # pragma: no cover

    worklist_register("broken-test", broken)
    try:
        items = work_items(client_as(Role.OFFICE_MANAGER))
    finally:
        from iljari.core.worklist import _PROVIDERS

        _PROVIDERS.pop("broken-test", None)
    assert items["마감할 달"][0] == 5


def test_signing_the_review_takes_it_off_the_auditors_list(office_day, client_as, personas):
    from iljari.core.accesslog import access_log_review_sign

    access_log_review_sign(user=personas[Role.AUDITOR], year=2018, month=6, now=timezone.now())
    assert work_items(client_as(Role.AUDITOR)) == {}


def test_an_item_with_nothing_to_do_is_left_out_and_the_home_says_so(personas, on_day, client_as):
    response = client_as(Role.SYSTEM_ADMIN).get("/")
    assert "지금 처리할 일이 없습니다" in response.content.decode()


def test_the_manager_home_shows_key_figures_instead_of_organisation_counts(dataset_2018, client_as):
    html = client_as(Role.OFFICE_MANAGER).get("/").content.decode()
    assert "주요 수치" in html and "집행률" in html
    assert "조직 한눈에 보기" not in html


def test_a_work_item_link_carries_its_day(office_day, client_as):
    _, url = work_items(client_as(Role.OFFICE_MANAGER))["연체 중인 융자"]
    assert url.startswith("/fund/?") and "due=overdue" in url and "on=2018-07-26" in url
    assert isinstance(WorkItem("x", 1, url), WorkItem)


@pytest.mark.parametrize(
    "url",
    [
        "/plan/milestones/?when=nonsense&on=2018-13-45&year=abc",
        "/months/?on=yesterday&year=99999",
        "/participation/?records_missing=2018-6",
        "/participation/training/?attendance_missing=June",
        "/intake/?todo=everything&on=2018-02-30",
        "/fund/?due=soon&on=x",
        "/grants/?settle_due=2018-99-01",
        "/grants/districts/?monitoring_missing=' OR 1=1",
        "/history/access/review/?month=2018-13&on=0",
    ],
)
def test_a_malformed_filter_of_a_linked_list_answers_a_page(office_day, client_as, url):
    role = Role.AUDITOR if url.startswith("/history/") else Role.OFFICE_MANAGER
    assert client_as(role).get(url).status_code == 200


def test_the_work_list_takes_as_many_queries_whatever_the_number_of_records(office_day, client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from iljari.participation.models import Worksite

    client = client_as(Role.OFFICE_MANAGER)
    client.get("/")  # the session's first touch
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    gangdong = Worksite.objects.get(code="ND-GD")
    for n in range(5):
        site = participation_services.worksite_set(actor=None, code=f"ND-MORE-{n}", programme=gangdong.programme,
                                                   name=f"추가 사업장 {n}", operator="city", places=5)  # fmt: skip
        participation_services.placement_create(actor=None, person=make_person(birth=date(1991, 1, 1)), worksite=site,
                                                start_date=date(2018, 5, 1), end_date=date(2018, 12, 31))  # fmt: skip
        make_call(f"MORE-{n}", opens=_at(DAY - timedelta(days=20)), days=22)
    with CaptureQueriesContext(connection) as many:
        items = work_items(client)
    assert items["6월 근무상황 미입력 사업장"][0] == 7 and items["7일 안에 접수 마감하는 모집공고"][0] == 8
    assert len(many) == len(few)


def test_the_home_shows_the_work_list_of_the_day_asked_and_its_links_carry_it(office_day, client_as):
    """On 20 June only January to May have ended (March locked): four months to close, not five; May's records are
    the ones due. The heading says it is not today's list, and every link opens its list on that day."""
    client = client_as(Role.OFFICE_MANAGER)
    html = client.get("/?on=2018-06-20").content.decode()
    assert "그날 할 일" in html and "오늘 할 일" not in html and "18.6.20." in html
    items = {m["label"]: (int(m["count"].replace(",", "")), unescape(m["url"])) for m in ITEM.finditer(html)}
    assert items["마감할 달"][0] == 4 and "5월 근무상황 미입력 사업장" in items
    assert all("on=2018-06-20" in url for _, url in items.values())
    assert "오늘 할 일" in client.get("/?on=not-a-day").content.decode()  # an unreadable day: today's list
